/** `npm run emulator [-- --port 4010]`: the fal-compatible backend on its own port. */
import { startStandaloneBackend } from "@/lib/emulator/standalone";

const portFlag = process.argv.indexOf("--port");
const port = Number(
  portFlag > 0 ? process.argv[portFlag + 1] : (process.env.EMULATOR_PORT ?? 4010),
);
const hostname = process.env.EMULATOR_HOST ?? "127.0.0.1";

const server = await startStandaloneBackend({ port, hostname });
console.log(`fal-compatible backend listening on ${server.url}`);
console.log(`Point the app at it with FAL_UPSTREAM_URL=${server.url} (and any FAL_KEY).`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
