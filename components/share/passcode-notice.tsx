import { PasscodeForm } from "./passcode-form";
import { ShareNotice } from "./share-notice";

/** A share behind a passcode: its title (the owner chose to show it), nothing else until unlocked. */
export function PasscodeNotice({ shareId, title }: { shareId: string; title: string }) {
  return (
    <ShareNotice icon="lock" title={<span className="break-words">{title}</span>}>
      <p>These images are protected. Enter the passcode you were given with the link.</p>
      <PasscodeForm shareId={shareId} />
    </ShareNotice>
  );
}
