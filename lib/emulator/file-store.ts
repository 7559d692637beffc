/** fal storage, in memory: signed upload URLs, multipart parts, public file URLs. */
import { randomBytes, randomUUID, createHash } from "node:crypto";

export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

interface PendingUpload {
  fileId: string;
  contentType: string;
  fileName: string;
  parts: Map<number, Uint8Array>;
}

/** Keeps the newest files under a byte budget so a long demo cannot fill the server's memory. */
export class FileStore {
  private files = new Map<string, StoredFile>();
  private pending = new Map<string, PendingUpload>();
  private bytesHeld = 0;

  constructor(private readonly maxBytes: number) {}

  /** Reserves a file id and an upload token (the secret part of the signed upload URL). */
  initiate(
    contentType: string,
    fileName: string,
  ): { token: string; fileId: string; fileName: string } {
    const token = randomBytes(18).toString("base64url");
    const safeName = sanitizeFileName(fileName);
    const fileId = randomUUID().replaceAll("-", "").slice(0, 20);
    this.pending.set(token, { fileId, contentType, fileName: safeName, parts: new Map() });
    return { token, fileId, fileName: safeName };
  }

  /** The whole file in one PUT. Returns false when the token is unknown. */
  put(token: string, bytes: Uint8Array, contentType: string | null): boolean {
    const upload = this.pending.get(token);
    if (!upload) return false;
    this.pending.delete(token);
    this.save(upload.fileId, {
      bytes,
      contentType: contentType || upload.contentType,
      fileName: upload.fileName,
    });
    return true;
  }

  /** One part of a multipart upload; the etag is the part's MD5 as S3 gives it. */
  putPart(token: string, partNumber: number, bytes: Uint8Array): string | undefined {
    const upload = this.pending.get(token);
    if (!upload) return undefined;
    upload.parts.set(partNumber, bytes);
    return `"${createHash("md5").update(bytes).digest("hex")}"`;
  }

  /** Joins the listed parts in order. Returns an error message when a part is missing. */
  complete(token: string, partNumbers: number[]): string | undefined {
    const upload = this.pending.get(token);
    if (!upload) return "Unknown upload.";
    const parts: Uint8Array[] = [];
    for (const n of [...partNumbers].sort((a, b) => a - b)) {
      const part = upload.parts.get(n);
      if (!part) return `Part ${n} was never uploaded.`;
      parts.push(part);
    }
    this.pending.delete(token);
    this.save(upload.fileId, {
      bytes: Buffer.concat(parts),
      contentType: upload.contentType,
      fileName: upload.fileName,
    });
    return undefined;
  }

  /** Stores bytes the backend made itself (result images); returns the file id. */
  add(file: StoredFile): string {
    const fileId = randomUUID().replaceAll("-", "").slice(0, 20);
    this.save(fileId, { ...file, fileName: sanitizeFileName(file.fileName) });
    return fileId;
  }

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  private save(fileId: string, file: StoredFile) {
    this.files.set(fileId, file);
    this.bytesHeld += file.bytes.byteLength;
    // Maps iterate in insertion order: the first keys are the oldest files.
    for (const [id, old] of this.files) {
      if (this.bytesHeld <= this.maxBytes || id === fileId) break;
      this.files.delete(id);
      this.bytesHeld -= old.bytes.byteLength;
    }
  }
}

function sanitizeFileName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120);
  return cleaned || "file";
}
