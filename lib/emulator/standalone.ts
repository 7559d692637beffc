/**
 * The backend as its own server (`npm run emulator`): fal's protocol at the root, as
 * `FAL_UPSTREAM_URL` expects, plus `/_emulator/requests` (what reached it) and
 * `/_emulator/holdings` (what it holds in memory, open status streams included) for tests.
 */
import { createHash } from "node:crypto";
import { createFalBackend, type FalBackend } from "./backend";
import type { EmulatorConfig } from "./config";
import { json } from "./fal-json";
import { serveHandler, type RunningServer } from "./serve";

export interface StandaloneBackend extends RunningServer {
  backend: FalBackend;
}

export async function startStandaloneBackend(
  options: { port?: number; hostname?: string; config?: Partial<EmulatorConfig> } = {},
): Promise<StandaloneBackend> {
  // Like fal: every queue and storage call needs a key, and any public reference URL is fetched.
  const backend = createFalBackend({
    config: { requireKey: true, fetchExternalReferences: true, ...options.config },
  });
  const server = await serveHandler(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/_emulator/requests") {
      if (request.method === "DELETE") backend.seen.length = 0;
      return json(backend.seen);
    }
    if (pathname === "/_emulator/holdings") return json(backend.holdings());
    // fal shares its capacity per key: so does this backend, between the keys that call it.
    const key = request.headers.get("authorization");
    return backend.handle(request, {
      publicBase: new URL(request.url).origin,
      client: key ? createHash("sha256").update(key).digest("base64url").slice(0, 16) : undefined,
    });
  }, options);
  return { ...server, backend };
}
