/**
 * A real, throwaway redis-server for tests: the Redis counter store is only trusted once it has
 * faced a real server going away, coming back and hanging.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { connect, createServer } from "node:net";
import { delimiter, join } from "node:path";

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** SIGSTOP: the server keeps its socket but answers nothing, like a hung host. */
  pause(): void;
  resume(): void;
  /** Starts it again on the same port (empty: nothing is saved) after `stop()`. */
  restart(): Promise<void>;
}

const NOT_INSTALLED =
  "redis-server is not installed. On Debian/Ubuntu: sudo apt-get install redis-server " +
  "(macOS: brew install redis). `.ci/run` installs it.";

export function findRedisServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/bin", "/usr/sbin"];
  for (const dir of dirs.filter(Boolean)) {
    const file = join(dir, "redis-server");
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/** A port nothing listens on right now (the OS picks it, so parallel test files do not clash). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  if (!binary) throw new Error(NOT_INSTALLED);
  const port = await freePort();
  let child: ChildProcess | undefined;
  // Never leave a server behind when the test process dies without calling stop().
  const killOnExit = () => child?.kill("SIGKILL");

  const start = async () => {
    const args = ["--port", String(port), "--save", "", "--appendonly", "no"];
    const proc = spawn(binary, [...args, "--bind", "127.0.0.1"], { stdio: "ignore" });
    child = proc;
    process.on("exit", killOnExit);
    const exited = new Promise<never>((_, reject) => {
      proc.once("exit", (code) => reject(new Error(`redis-server exited early (code ${code})`)));
      proc.once("error", reject);
    });
    exited.catch(() => {});
    await Promise.race([waitForPong(port), exited]);
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    process.off("exit", killOnExit);
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGCONT"); // a paused server could not act on SIGTERM
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 3000);
    await gone;
    clearTimeout(timer);
  };

  await start();

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    async restart() {
      await stop();
      await start();
    },
  };
}

/** Resolves once the server answers PING; gives up after 10 s. */
async function waitForPong(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await pong(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) finish(reply.startsWith("+PONG"));
    });
  });
}
