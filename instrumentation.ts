/**
 * Next's instrumentation hook: `register` runs once when a server instance starts, before it
 * answers requests. It stamps each request with its connection's address (so visitors can be
 * told apart when the app is served directly; lib/limits/connection-address.ts), and prints the
 * setup check so a deployer sees what is left to set in the server log (Vercel → Logs) without
 * opening /setup.
 */
export async function register() {
  // The checks read Node's environment and may ping Redis over TCP: the edge runtime has neither.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this hook while prerendering; its environment is not the server's.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { stampConnectionAddress } = await import("@/lib/limits/connection-address");
  stampConnectionAddress();
  try {
    // Imported here, not at the top, so the edge bundle never pulls in Node-only modules.
    const { startupReport } = await import("@/lib/setup/startup-report");
    // Awaited: the Redis ping is bounded to 3 s and warms the connection the first run will use.
    const report = await startupReport();
    console[report.level](report.text);
  } catch (error) {
    // The check is advice: it must never stop the server from starting. Only the error's name is
    // printed, as an unexpected message could quote the environment.
    const name = error instanceof Error ? error.name : "unknown error";
    console.error(`✗ HiDream Edit Playground — setup check could not run (${name}); see /setup.`);
  }
}
