import { ShareNotice } from "./share-notice";

const TITLES = {
  expired: "This review link has expired",
  revoked: "This review link was revoked",
} as const;

/** A share that existed: its time ran out, or its owner revoked it. Only they can help. */
export function GoneNotice({ state }: { state: keyof typeof TITLES }) {
  return (
    <ShareNotice icon="clock" title={TITLES[state]}>
      <p>
        {state === "expired"
          ? "The images shared here were available for a limited time, and that time is over."
          : "Its owner revoked it: these images are no longer shared here."}
      </p>
      <p>If you still need them, ask the person who sent you the link for a new one.</p>
    </ShareNotice>
  );
}
