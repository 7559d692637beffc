"use server";

import { redirect } from "next/navigation";
import { sharePath } from "@/lib/shares/public-share";
import { isShareId, SHARE_LIMITS } from "@/lib/shares/share";
import { unlockShare } from "@/lib/shares/share-page";

export interface UnlockState {
  error?: string;
}

/** The passcode form's action: on success the cookie is set and the share page loads again. */
export async function unlock(_previous: UnlockState, form: FormData): Promise<UnlockState> {
  const id = form.get("id");
  const passcode = form.get("passcode");
  if (typeof id !== "string" || !isShareId(id)) return { error: "This link doesn't exist." };
  if (typeof passcode !== "string" || passcode === "") return { error: "Enter the passcode." };
  if (passcode.length > SHARE_LIMITS.passcodeChars.max) {
    return { error: `A passcode has at most ${SHARE_LIMITS.passcodeChars.max} characters.` };
  }
  const result = await unlockShare(id, passcode);
  if (!result.ok) return { error: result.detail };
  redirect(sharePath(id));
}
