import { describe, expect, it } from "vitest";
import { isCrossSite } from "@/lib/security/cross-site";

const OWN = "https://play.example.com";
const headers = (entries: Record<string, string>) => new Headers(entries);

describe("isCrossSite", () => {
  it.each([
    ["the page itself", { "sec-fetch-site": "same-origin", origin: OWN }],
    ["the address bar or a bookmark", { "sec-fetch-site": "none" }],
    // Behind a proxy that rewrites Host, the server sees another origin: the browser's word wins.
    [
      "the page itself behind a Host-rewriting proxy",
      { "sec-fetch-site": "same-origin", origin: "https://public.example.org" },
    ],
    ["an older browser on the page itself", { origin: OWN }],
    ["curl, the SDKs, the tests: neither header", {}],
  ])("lets through %s", (_, entries) => {
    expect(isCrossSite(headers(entries), OWN)).toBe(false);
  });

  it.each([
    ["another site's page", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["another site's page that also names ours", { "sec-fetch-site": "cross-site", origin: OWN }],
    ["a sibling subdomain", { "sec-fetch-site": "same-site", origin: "https://x.example.com" }],
    ["an unknown value", { "sec-fetch-site": "something-new" }],
    ["an older browser on another site", { origin: "https://evil.example" }],
    ["a sandboxed frame or a data: page", { origin: "null" }],
    ["our host on another scheme", { origin: "http://play.example.com" }],
    ["our host on another port", { origin: "https://play.example.com:8443" }],
  ])("refuses %s", (_, entries) => {
    expect(isCrossSite(headers(entries), OWN)).toBe(true);
  });
});
