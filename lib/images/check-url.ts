/**
 * Checks an image URL in the browser before it becomes a reference: only http(s), and it must
 * load as an image. An <img> needs no CORS, so any public image host works.
 */
const LOAD_TIMEOUT_MS = 15_000;

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
  const size = await new Promise<{ width: number; height: number } | undefined>((resolve) => {
    const image = new Image();
    const timer = setTimeout(() => resolve(undefined), LOAD_TIMEOUT_MS);
    image.onload = () => {
      clearTimeout(timer);
      resolve(
        image.naturalWidth > 0
          ? { width: image.naturalWidth, height: image.naturalHeight }
          : undefined,
      );
    };
    image.onerror = () => {
      clearTimeout(timer);
      resolve(undefined);
    };
    image.src = url.toString();
  });
  return (
    size ??
    `${url.host}${url.pathname.slice(0, 60)} did not load as an image. Check the link, or download the image and drop it here.`
  );
}
