/**
 * The reference preparer's worker: runs prepareReference (decode, orient, scale, encode, hash) off
 * the page's main thread, for as many files at once as the pool sends it (FILES_PER_WORKER), and
 * answers each by its id with the prepared blob or the refusal's code and message. Loaded by
 * prepare-pool.ts as a module worker.
 */
import { prepareReference, ReferenceFileError } from "./prepare";
import type { PrepareReply, PrepareRequest } from "./prepare-pool";

// The project's TypeScript lib is the DOM's; a dedicated worker's scope only needs these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PrepareRequest>) => void) | null;
  postMessage(message: PrepareReply): void;
};

scope.onmessage = async ({ data: { id, file } }) => {
  try {
    scope.postMessage({ id, ok: true, result: await prepareReference(file) });
  } catch (error) {
    scope.postMessage(
      error instanceof ReferenceFileError
        ? { id, ok: false, code: error.code, message: error.message }
        : { id, ok: false, message: error instanceof Error ? error.message : String(error) },
    );
  }
};
