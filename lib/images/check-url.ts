/**
 * Checks an image URL in the browser before it becomes a reference: only http(s), and it must
 * load as an image. An <img> needs no CORS, but the page's Content-Security-Policy only lets
 * images in from this site, fal's media hosts and the configured backend; a link elsewhere is
 * blocked, and the message says so instead of blaming the link.
 */
const LOAD_TIMEOUT_MS = 15_000;
/** How long a failed load waits for the policy's violation report, which may arrive after it. */
const VIOLATION_GRACE_MS = 150;

type Outcome = { width: number; height: number } | "blocked" | "failed";

/** Whether a violation report names this URL; browsers may report it without its fragment. */
function reportsUrl(blockedUri: string, url: URL): boolean {
  if (!blockedUri) return false;
  const withoutFragment = url.href.split("#")[0];
  return blockedUri === url.href || blockedUri === withoutFragment || blockedUri === url.origin;
}

function loadImage(url: URL): Promise<Outcome> {
  return new Promise((resolve) => {
    const image = new Image();
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      document.removeEventListener("securitypolicyviolation", onViolation);
      resolve(outcome);
    };
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective === "img-src" && reportsUrl(event.blockedURI, url)) {
        finish("blocked");
      }
    };
    const timer = setTimeout(() => finish("failed"), LOAD_TIMEOUT_MS);
    document.addEventListener("securitypolicyviolation", onViolation);
    image.onload = () =>
      finish(
        image.naturalWidth > 0
          ? { width: image.naturalWidth, height: image.naturalHeight }
          : "failed",
      );
    // The violation event is queued separately from the error event, in either order.
    image.onerror = () => setTimeout(() => finish("failed"), VIOLATION_GRACE_MS);
    image.src = url.toString();
  });
}

/** The image's pixel size when the URL loads as an image, or a message a user can act on. */
export async function loadImageUrl(
  raw: string,
): Promise<{ width: number; height: number } | string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return `“${raw.trim().slice(0, 80)}” is not a link. Paste an address that starts with https://.`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `Only http(s) links can be used, not ${url.protocol}. Upload the file instead.`;
  }
  const outcome = await loadImage(url);
  if (outcome === "blocked") {
    return `This playground's security policy only shows images from fal storage and this site, so ${url.host} can't be previewed. Download the image and drop it here instead.`;
  }
  if (outcome === "failed") {
    return `${url.host}${url.pathname.slice(0, 60)} did not load as an image. Check the link, or download the image and drop it here.`;
  }
  return outcome;
}
