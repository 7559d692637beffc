/**
 * The gallery's thumbnail route, called as Next calls it, with real sharp and a real HTTP server
 * standing in for fal's CDN (FAL_UPSTREAM_URL): what it makes, and everything it must refuse
 * without fetching anything (other hosts, look-alikes, credentials, ports, schemes), plus
 * redirects, huge images, large files and non-images that it fetches but never passes on.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sealSession, SESSION_COOKIE } from "@/lib/access/session";
import { embeddedBackend, EMBEDDED_BASE_PATH } from "@/lib/emulator/embedded";
import { thumbnailResponse } from "@/lib/gallery/thumbnail-route";
import { GALLERY_THUMB_WIDTH, originalCheckPath, thumbnailPath } from "@/lib/gallery/thumbnail-url";
import { parseServerEnv, type ServerEnv } from "@/lib/server-env";
import { handMadePng, makePng, pngChunk } from "../../../tests/support/images";

const APP = "http://app.test";
const get = (path: string, env: ServerEnv, headers: Record<string, string> = {}) =>
  thumbnailResponse(
    new Request(`${APP}${path}`, { headers: { host: "app.test", ...headers } }),
    env,
  );

/** A PNG whose header claims `width` × `height` (a few bytes of pixels follow): a bomb's shape. */
const pngClaiming = (width: number, height: number) =>
  handMadePng([pngChunk("IDAT", deflateSync(Buffer.alloc(64)))], width, height);

let cdn: Server;
let cdnUrl: string;
const cdnSeen: string[] = [];
let png: Buffer;

beforeAll(async () => {
  png = await makePng(1600, 1200);
  cdn = createServer((request, response) => {
    cdnSeen.push(`${request.method} ${request.url}`);
    const path = request.url ?? "";
    if (path.startsWith("/ok")) {
      response.writeHead(200, { "content-type": "image/png" });
      response.end(request.method === "HEAD" ? undefined : png);
    } else if (path === "/redirect.png") {
      response.writeHead(302, { location: `${cdnUrl}/ok-after-redirect.png` });
      response.end();
    } else if (path === "/huge.png") {
      response.writeHead(200, { "content-type": "image/png" });
      response.end(pngClaiming(100_000, 100_000));
    } else if (path === "/large.png") {
      // Claims 70 MB: the route must give up on the header, not read it all.
      response.writeHead(200, { "content-type": "image/png", "content-length": "70000000" });
      response.write(png);
      response.on("error", () => {});
    } else if (path === "/page.html") {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html><script>alert(1)</script></html>");
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  cdn.on("clientError", () => {});
  await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
  cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
});
afterAll(() => {
  cdn.closeAllConnections();
  cdn.close();
});
beforeEach(() => {
  cdnSeen.length = 0;
});

/** A live deployment open to the public whose "fal" is the test CDN. */
const liveEnv = (extra: Record<string, string> = {}) =>
  parseServerEnv({
    FAL_KEY: "thumb-test-key",
    FAL_UPSTREAM_URL: cdnUrl,
    ALLOW_PUBLIC_ACCESS: "true",
    ...extra,
  });

/** Uploads a file to the embedded demo backend as the browser does; its public path. */
async function demoFile(bytes: Buffer): Promise<string> {
  const backend = embeddedBackend();
  const base = `${APP}${EMBEDDED_BASE_PATH}`;
  const initiate = await backend.handle(
    new Request(`${base}/storage/upload/initiate`, {
      method: "POST",
      body: JSON.stringify({ content_type: "image/png", file_name: "r.png" }),
    }),
    { publicBase: base },
  );
  const { upload_url, file_url } = (await initiate.json()) as {
    upload_url: string;
    file_url: string;
  };
  const put = await backend.handle(
    new Request(upload_url, { method: "PUT", body: new Uint8Array(bytes) }),
    { publicBase: base, scope: "public" },
  );
  expect(put.status).toBe(200);
  return file_url;
}

describe("thumbnail route: what it makes", () => {
  it("makes a WebP of the gallery's width from a demo file, and says it is still served", async () => {
    const env = parseServerEnv({});
    const url = await demoFile(png);
    const response = await get(thumbnailPath(url), env);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(new Uint8Array(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", GALLERY_THUMB_WIDTH, 480]);
    expect((await get(originalCheckPath(url), env)).status).toBe(204);
  });

  it("answers 410 for a demo file that is gone, for the thumbnail and the check", async () => {
    const env = parseServerEnv({});
    const url = `${APP}${EMBEDDED_BASE_PATH}/files/deadbeef/gone.png`;
    expect((await get(thumbnailPath(url), env)).status).toBe(410);
    expect((await get(originalCheckPath(url), env)).status).toBe(410);
  });

  it("fetches from the configured upstream, and answers 410 when it says 404", async () => {
    const env = liveEnv();
    const response = await get(thumbnailPath(`${cdnUrl}/ok-1.png`), env);
    expect(response.status).toBe(200);
    expect((await get(thumbnailPath(`${cdnUrl}/expired.png`), env)).status).toBe(410);
    expect((await get(originalCheckPath(`${cdnUrl}/expired.png`), env)).status).toBe(410);
    expect((await get(originalCheckPath(`${cdnUrl}/ok-1.png`), env)).status).toBe(204);
    expect(cdnSeen).toContain("HEAD /ok-1.png");
  });
});

describe("thumbnail route: refusals", () => {
  const refusedUrls = (cdn: string) => [
    ["another host", "https://example.com/a.png"],
    ["a look-alike host (suffix)", "https://v3.fal.media.evil.example/a.png"],
    ["a look-alike host (prefix)", "https://evilfal.media/a.png"],
    ["a look-alike host (userinfo)", "https://fal.media@evil.example/a.png"],
    ["credentials on fal's host", "https://user:secret@v3.fal.media/a.png"],
    ["fal's host on another port", "https://v3.fal.media:8443/a.png"],
    ["fal's host over http", "http://v3.fal.media/a.png"],
    ["Google storage outside fal's bucket", "https://storage.googleapis.com/other/a.png"],
    [
      "the upstream's host on another port",
      cdn.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`) + "/ok.png",
    ],
    ["the loopback by another name", cdn.replace("127.0.0.1", "localhost") + "/ok.png"],
    ["a demo path on another origin", `https://evil.example${EMBEDDED_BASE_PATH}/files/abc/a.png`],
    ["a demo path that climbs out", `${EMBEDDED_BASE_PATH}/files/abc/../../fal/proxy`],
    ["a protocol-relative URL", "//evil.example/a.png"],
    ["a data: URL", "data:image/png;base64,iVBORw0KGgo="],
    ["a file: URL", "file:///etc/passwd"],
    ["javascript:", "javascript:alert(1)"],
    ["nothing", ""],
  ];

  it("refuses every URL a share could not hold, and fetches none of them", async () => {
    const env = liveEnv();
    for (const [label, url] of refusedUrls(cdnUrl)) {
      const response = await get(thumbnailPath(url!), env);
      expect(response.status, label).toBe(400);
      expect((await get(originalCheckPath(url!), env)).status, label).toBe(400);
    }
    expect(cdnSeen).toEqual([]);
  });

  it("makes one width only", async () => {
    const env = liveEnv();
    const url = encodeURIComponent(`${cdnUrl}/ok-2.png`);
    for (const w of ["4096", "1", "", "640.0", "abc"])
      expect((await get(`/api/thumbnail?w=${w}&url=${url}`, env)).status, w).toBe(400);
    expect((await get(`/api/thumbnail?url=${url}`, env)).status).toBe(400);
    expect(cdnSeen).toEqual([]);
  });

  it("does not follow a redirect, even to an allowed URL", async () => {
    const response = await get(thumbnailPath(`${cdnUrl}/redirect.png`), liveEnv());
    expect(response.status).toBe(502);
    expect(cdnSeen).toEqual(["GET /redirect.png"]);
  });

  it("refuses an image with more pixels than it decodes, a file too large, and a non-image", async () => {
    const env = liveEnv();
    expect((await get(thumbnailPath(`${cdnUrl}/huge.png`), env)).status).toBe(413);
    expect((await get(thumbnailPath(`${cdnUrl}/large.png`), env)).status).toBe(413);
    const html = await get(thumbnailPath(`${cdnUrl}/page.html`), env);
    expect(html.status).toBe(415);
    expect(html.headers.get("content-type")).toContain("application/json");
  });

  it("needs a session where a password is set, and makes nothing on a closed deployment", async () => {
    const gated = liveEnv({ ACCESS_PASSWORD: "open sesame please", ALLOW_PUBLIC_ACCESS: "" });
    const path = thumbnailPath(`${cdnUrl}/ok-3.png`);
    expect((await get(path, gated)).status).toBe(401);
    expect((await get(path, gated, { cookie: `${SESSION_COOKIE}=forged` })).status).toBe(401);
    const cookie = `${SESSION_COOKIE}=${await sealSession(gated)}`;
    expect((await get(path, gated, { cookie })).status).toBe(200);

    const closed = liveEnv({ ALLOW_PUBLIC_ACCESS: "" });
    expect((await get(thumbnailPath(`${cdnUrl}/ok-4.png`), closed)).status).toBe(403);
    expect(cdnSeen).toEqual(["GET /ok-3.png"]);
  });
});
