/**
 * HTTP from a chosen source address: 127.0.0.2 and 127.0.0.3 both reach a server on 127.0.0.1,
 * as two visitors would. A browser cannot choose its address, so these requests are Node's own.
 */
import http from "node:http";

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? "GET",
        headers: init.headers,
        localAddress,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

/**
 * Posts the sign-in form as a browser without JavaScript does: the page's own hidden fields (the
 * server action's reference), the password and where to go next.
 */
export async function postSignIn(
  localAddress: string,
  appUrl: string,
  password: string,
  options: { next?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const next = options.next ?? "/";
  const page = await requestFrom(
    localAddress,
    `${appUrl}/sign-in?next=${encodeURIComponent(next)}`,
  );
  const form = new FormData();
  for (const [, name, value] of page.body.matchAll(
    /<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g,
  )) {
    form.append(decodeEntities(name!), decodeEntities(value ?? ""));
  }
  form.set("password", password);
  form.set("next", next);
  // Encoded by the platform's own multipart writer, then sent from the chosen address.
  const encoded = new Response(form);
  return requestFrom(localAddress, `${appUrl}/sign-in`, {
    method: "POST",
    headers: {
      ...options.headers,
      "content-type": encoded.headers.get("content-type")!,
      origin: appUrl,
      cookie: (page.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; "),
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  });
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** The session cookie a successful sign-in set, as a Cookie header value. */
export function sessionCookie(answer: RawAnswer): string {
  const cookie = (answer.headers["set-cookie"] ?? []).find((c) =>
    c.startsWith("playground_session="),
  );
  if (!cookie) throw new Error(`no session cookie (status ${answer.status})`);
  return cookie.split(";")[0]!;
}

/** Limits count per clock minute: waits, if need be, so what follows lands in one window. */
export async function awayFromMinuteEdge(seconds = 10): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 60_000 - seconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
  }
}
