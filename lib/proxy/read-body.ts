/** Reads a JSON request body up to a limit without buffering more than the limit. */

/** Largest JSON body relayed: inputs carry URLs, so anything bigger is an inline file. */
export const MAX_JSON_BODY_BYTES = 1_000_000;

export type BodyRead = { ok: true; text: string } | { ok: false; reason: "too-large" | "not-json" };

export async function readJsonBody(
  request: Request,
  limit = MAX_JSON_BODY_BYTES,
): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > limit) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (text.trim() === "") return { ok: true, text: "" };
  try {
    JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  return { ok: true, text };
}
