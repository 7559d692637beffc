"use server";

import { redirect } from "next/navigation";
import {
  closeSession,
  openSessionWithPassword,
  safeNextPath,
  type SignInState,
} from "@/lib/access/sign-in";

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const password = form.get("password");
  if (typeof password !== "string" || password === "") return { error: "Enter the password." };
  const failed = await openSessionWithPassword(password);
  if (failed) return failed;
  redirect(safeNextPath(form.get("next")));
}

export async function signOut(): Promise<void> {
  await closeSession();
  redirect("/sign-in");
}
