/** The app's own instance of the fal-compatible backend, used in demo mode (no FAL_KEY). */
import { createFalBackend, type FalBackend } from "./backend";

/** Where the embedded backend answers the browser's direct calls (upload PUTs, file downloads). */
export const EMBEDDED_BASE_PATH = "/api/demo-fal";

const DEMO_FILE = /^\/api\/demo-fal\/files\/[A-Za-z0-9]+\/[^/]+$/;

/**
 * The demo backend's files are public by URL, as fal's media links are (a share shows them);
 * everything else it answers the browser (upload PUTs) needs the visitor's session.
 */
export function isPublicDemoFile(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && DEMO_FILE.test(pathname);
}

// Next bundles each route on its own, so module state is not shared between the proxy route and
// the demo-fal route; a global is. It also survives hot reloads in development.
const globalKey = Symbol.for("hidream-playground.embedded-backend");
type WithBackend = typeof globalThis & { [globalKey]?: FalBackend };

export function embeddedBackend(): FalBackend {
  const holder = globalThis as WithBackend;
  holder[globalKey] ??= createFalBackend({ basePath: EMBEDDED_BASE_PATH });
  return holder[globalKey];
}
