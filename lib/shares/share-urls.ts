/**
 * Which image URLs a share may hold: only files the app made. That is fal's media hosts (the same
 * list the pages' CSP allows), a fal-compatible backend the deployer named (FAL_UPSTREAM_URL), or
 * in demo mode this app's own demo files. Anything else — another host, credentials in the URL,
 * `javascript:`, `data:` — is refused, so a share can never point a client (or our thumbnail
 * route's fetch) somewhere the owner did not run.
 */
import { EMBEDDED_BASE_PATH } from "@/lib/emulator/embedded";

const DEMO_FILE_PATH = new RegExp(`^${EMBEDDED_BASE_PATH}/files/[A-Za-z0-9]{1,64}/[^/?#]{1,200}$`);

export interface UrlRules {
  /** The origin the owner's browser used (demo file URLs are absolute on it). */
  origin: string;
  demo: boolean;
  /** FAL_UPSTREAM_URL, when set. */
  upstreamUrl?: string;
}

function isFalMediaHost(url: URL): boolean {
  if (url.protocol !== "https:" || url.port !== "") return false;
  const host = url.hostname.toLowerCase();
  if (host === "fal.media" || /^[a-z0-9-]{1,63}\.fal\.media$/.test(host)) return true;
  return host === "storage.googleapis.com" && url.pathname.startsWith("/falserverless/");
}

/** A demo file's path, whether given as a path or as a URL on the owner's origin. */
function demoFilePath(raw: string, rules: UrlRules): string | null {
  if (!rules.demo) return null;
  const path = raw.startsWith("/") && !raw.startsWith("//") ? raw : null;
  if (path) return DEMO_FILE_PATH.test(path) ? path : null;
  if (!URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.origin !== rules.origin || url.search || url.hash) return null;
  return DEMO_FILE_PATH.test(url.pathname) ? url.pathname : null;
}

/** The URL as stored (normalized), or null when a share may not hold it. */
export function shareableUrl(raw: string, rules: UrlRules): string | null {
  const demo = demoFilePath(raw, rules);
  if (demo) return demo;
  if (!URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.username || url.password || url.hash) return null;
  if (isFalMediaHost(url)) return url.href;
  if (rules.upstreamUrl && url.origin === new URL(rules.upstreamUrl).origin) return url.href;
  return null;
}

/** Whether a stored URL is one of this app's demo files (read from the embedded backend). */
export const isDemoFilePath = (stored: string) => DEMO_FILE_PATH.test(stored);
