/**
 * One Redis connection with a deadline on every call, for both Redis stores (the run limits'
 * counters and the review links): when Redis cannot answer, a call rejects within the deadline
 * (never hangs) and the next call dials again, so a store heals by itself once Redis is back.
 */
import { once } from "node:events";
import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisRunner {
  /** Runs a command, or rejects with `unavailable(reason)` within the deadline. */
  run<T>(command: (client: RedisClient) => Promise<T>): Promise<T>;
  close(): void;
}

interface Connection {
  client: RedisClient;
  ready?: Promise<void>;
}

export function createRedisRunner(
  url: string,
  options: { timeoutMs: number; unavailable: (reason: string, cause?: unknown) => Error },
): RedisRunner {
  const { timeoutMs, unavailable } = options;
  let connection: Connection | undefined;
  let closed = false;

  const open = (): Connection => {
    const client = createClient({
      url,
      // A command queued while offline would run whenever Redis returns, long after its caller
      // was answered; failing now is the only honest reply.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: timeoutMs,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 500),
      },
    });
    // Without a listener, a dropped connection would crash the process with an 'error' event.
    client.on("error", () => {});
    // Resolves once ready; on failure it keeps retrying in the background (reconnectStrategy).
    client.connect().catch(() => {});
    return { client };
  };

  // Ready, or the next failed attempt (once() rejects on 'error'); shared, so a burst of calls
  // during a reconnect adds one listener rather than one each.
  const nextAttempt = (conn: Connection) =>
    (conn.ready ??= once(conn.client, "ready")
      .then(() => {})
      .finally(() => (conn.ready = undefined)));

  // A hung server or half-open socket never answers and node-redis's own timeouts stop guarding a
  // command once it is written, so a timed-out connection is dropped and the next call dials anew.
  const discard = (conn: Connection) => {
    if (connection === conn) connection = undefined;
    if (conn.client.isOpen) conn.client.destroy();
  };

  return {
    async run(command) {
      if (closed) throw unavailable("the store was closed");
      if (connection && !connection.client.isOpen) connection = undefined;
      const conn = (connection ??= open());
      const deadline = AbortSignal.timeout(timeoutMs);
      const expired = new Promise<never>((_, reject) =>
        deadline.addEventListener("abort", () => reject(deadline.reason)),
      );
      expired.catch(() => {});
      try {
        if (!conn.client.isReady) await Promise.race([nextAttempt(conn), expired]);
        // The signal drops a command still waiting in node-redis's queue; the race covers the rest.
        return await Promise.race([command(conn.client.withAbortSignal(deadline)), expired]);
      } catch (error) {
        if (deadline.aborted) {
          discard(conn);
          throw unavailable(`no answer within ${timeoutMs} ms`, error);
        }
        throw unavailable(reasonOf(error), error);
      }
    },
    close() {
      closed = true;
      if (connection) discard(connection);
    },
  };
}

/** host:port for messages: the URL may carry a password, which must never reach a log. */
export function hostAndPort(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== "redis:" && parsed?.protocol !== "rediss:") {
    throw new TypeError("The Redis URL is not a valid redis:// or rediss:// URL");
  }
  return `${parsed.hostname}:${parsed.port || "6379"}`;
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error.message || error.name;
}
