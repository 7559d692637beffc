"use client";

import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import type { SharePick } from "@/lib/shares/share-input";
import { usePlayground } from "@/lib/store/playground-store";
import { ShareForm } from "./share-form";
import { initialShareValues, shareRequestOf, type ShareFormValues } from "./share-form-values";
import { ShareLinkPanel } from "./share-link-panel";

interface Created {
  url: string;
  title: string;
  passcode?: string;
}

/**
 * Shares the selected images as a review link: the form, then the link with Copy, Open and a QR
 * code. A refusal is shown in words and the form keeps what was typed.
 */
export function ShareDialog({ pick, onClose }: { pick: SharePick; onClose(): void }) {
  const createShare = usePlayground((s) => s.createShare);
  const [values, setValues] = useState<ShareFormValues>(() => initialShareValues(pick));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<Created>();

  const submit = async () => {
    const request = shareRequestOf(values, pick);
    if ("error" in request) return setError(request.error);
    setBusy(true);
    setError(undefined);
    const result = await createShare(request.input, pick.refs);
    setBusy(false);
    if ("error" in result) return setError(result.error);
    setCreated({
      // Absolute, from where the owner is now: the link must work when pasted elsewhere.
      url: new URL(result.share.path, location.origin).href,
      title: result.share.title,
      passcode: values.passcode || undefined,
    });
  };

  return (
    <Modal
      title={created ? "Link ready" : "Share for review"}
      onClose={onClose}
      className="w-[min(36rem,calc(100vw-2rem))]"
    >
      {created ? (
        <ShareLinkPanel {...created} />
      ) : (
        <ShareForm
          pick={pick}
          values={values}
          onChange={setValues}
          onSubmit={() => void submit()}
          busy={busy}
          error={error}
        />
      )}
    </Modal>
  );
}
