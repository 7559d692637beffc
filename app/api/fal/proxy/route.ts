import { createProxyHandler } from "@/lib/proxy/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Status streams stay open for a whole run; 300 s is the Vercel Hobby ceiling with Fluid compute.
export const maxDuration = 300;

const proxy = createProxyHandler();

export { proxy as GET, proxy as POST, proxy as PUT, proxy as DELETE, proxy as PATCH };
