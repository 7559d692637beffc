/**
 * fal storage, in memory: signed upload URLs, multipart parts, public file URLs. An open demo
 * keeps everything here in one process's memory, so every part of it is bounded: one byte budget
 * for stored files and unfinished parts alike, a count of files, a count of unfinished uploads
 * (per client and in all) that expire, and part numbers within S3's range. What does not fit is
 * refused with a message that says which bound it met.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { isShownImageType, mediaType } from "@/lib/images/shown-types";
import { HttpError } from "./http-error";

export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export interface StorageLimits {
  /** Bytes held at once: stored files plus parts of unfinished uploads. */
  maxBytes: number;
  /** Stored files kept at once; the oldest go first. */
  maxFiles: number;
  /** Unfinished uploads at once, in all and per client. */
  maxPending: number;
  maxPendingPerClient: number;
  /** An upload not finished within this time is dropped, parts and all. */
  pendingTtlMs: number;
  /** Part numbers run from 1 to this (S3's own bound). */
  maxParts: number;
}

interface PendingUpload {
  fileId: string;
  contentType: string;
  fileName: string;
  client: string;
  expiresAt: number;
  parts: Map<number, Uint8Array>;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** Keeps the newest files under a byte budget so a long demo cannot fill the server's memory. */
export class FileStore {
  private files = new Map<string, StoredFile>();
  private pending = new Map<string, PendingUpload>();
  private fileBytes = 0;
  private pendingBytes = 0;

  constructor(
    private readonly limits: StorageLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Bytes held right now (files and unfinished parts): what the budget bounds. */
  get bytesHeld(): number {
    return this.fileBytes + this.pendingBytes;
  }

  get pendingCount(): number {
    this.dropExpired();
    return this.pending.size;
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Reserves a file id and an upload token (the secret part of the signed upload URL). */
  initiate(
    contentType: string,
    fileName: string,
    client = "anonymous",
  ): { token: string; fileId: string; fileName: string } {
    this.dropExpired();
    const { maxPending, maxPendingPerClient, pendingTtlMs } = this.limits;
    if (this.pending.size >= maxPending) {
      throw new HttpError(
        429,
        `The demo backend has ${maxPending} uploads in progress, its limit. Try again in a few minutes.`,
      );
    }
    const mine = [...this.pending.values()].filter((upload) => upload.client === client).length;
    if (mine >= maxPendingPerClient) {
      throw new HttpError(
        429,
        `You have ${mine} uploads in progress, the most the demo backend allows at once. Finish them or wait ${Math.ceil(pendingTtlMs / 60_000)} minutes for them to expire.`,
      );
    }
    const token = randomBytes(18).toString("base64url");
    const safeName = sanitizeFileName(fileName);
    const fileId = randomUUID().replaceAll("-", "").slice(0, 20);
    this.pending.set(token, {
      fileId,
      contentType,
      fileName: safeName,
      client,
      expiresAt: this.now() + pendingTtlMs,
      parts: new Map(),
    });
    return { token, fileId, fileName: safeName };
  }

  /** Whether a token names an upload still waiting for its bytes. */
  isPending(token: string): boolean {
    this.dropExpired();
    return this.pending.has(token);
  }

  /**
   * The whole file in one PUT. Throws when the token is unknown, the bytes do not fit, or the PUT
   * names another type than the upload was made for: the file keeps the type it was initiated
   * with (and checked for, behind the proxy), as a signed storage URL made for one type refuses
   * another.
   */
  put(token: string, bytes: Uint8Array, contentType: string | null): void {
    const upload = this.pendingUpload(token);
    if (contentType && mediaType(contentType) !== mediaType(upload.contentType)) {
      throw new HttpError(
        400,
        `This upload URL was made for ${upload.contentType}; the upload said ${contentType.slice(0, 100)}.`,
      );
    }
    this.pending.delete(token);
    this.releasePending(upload);
    this.save(upload.fileId, { bytes, contentType: upload.contentType, fileName: upload.fileName });
  }

  /** One part of a multipart upload; the etag is the part's MD5 as S3 gives it. */
  putPart(token: string, partNumber: number, bytes: Uint8Array): string {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > this.limits.maxParts) {
      throw new HttpError(400, `Part numbers run from 1 to ${this.limits.maxParts}.`);
    }
    const upload = this.pendingUpload(token);
    const replaced = upload.parts.get(partNumber)?.byteLength ?? 0;
    this.makeRoom(bytes.byteLength - replaced);
    upload.parts.set(partNumber, bytes);
    this.pendingBytes += bytes.byteLength - replaced;
    return `"${createHash("md5").update(bytes).digest("hex")}"`;
  }

  /** Joins the listed parts in order. Throws when a part is missing. */
  complete(token: string, partNumbers: number[]): void {
    const upload = this.pendingUpload(token);
    const parts: Uint8Array[] = [];
    for (const n of [...new Set(partNumbers)].sort((a, b) => a - b)) {
      const part = upload.parts.get(n);
      if (!part) throw new HttpError(400, `Part ${n} was never uploaded.`);
      parts.push(part);
    }
    this.pending.delete(token);
    this.releasePending(upload);
    this.save(upload.fileId, {
      bytes: Buffer.concat(parts),
      contentType: upload.contentType,
      fileName: upload.fileName,
    });
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

  private pendingUpload(token: string): PendingUpload {
    this.dropExpired();
    const upload = this.pending.get(token);
    if (!upload) throw new HttpError(404, "Unknown, used or expired upload URL.");
    return upload;
  }

  private releasePending(upload: PendingUpload) {
    for (const part of upload.parts.values()) this.pendingBytes -= part.byteLength;
    upload.parts.clear();
  }

  private save(fileId: string, file: StoredFile) {
    this.makeRoom(file.bytes.byteLength);
    this.files.set(fileId, file);
    this.fileBytes += file.bytes.byteLength;
    if (this.files.size > this.limits.maxFiles) this.dropOldestFile();
  }

  /**
   * Frees room for `bytes` more: expired uploads first, then the oldest files. Unfinished parts
   * are never dropped for room (their uploader is mid-way); when they alone fill the budget, the
   * new bytes are refused.
   */
  private makeRoom(bytes: number) {
    if (bytes <= 0) return;
    const { maxBytes } = this.limits;
    if (bytes > maxBytes) {
      throw new HttpError(
        413,
        `This file (${megabytes(bytes)}) is larger than the demo backend's storage (${megabytes(maxBytes)}, DEMO_STORAGE_MB).`,
      );
    }
    this.dropExpired();
    while (this.bytesHeld + bytes > maxBytes && this.files.size > 0) this.dropOldestFile();
    if (this.bytesHeld + bytes > maxBytes) {
      throw new HttpError(
        507,
        `The demo backend's storage is full: uploads in progress hold ${megabytes(this.pendingBytes)} of its ${megabytes(maxBytes)} (DEMO_STORAGE_MB). Try again in a few minutes.`,
      );
    }
  }

  private dropOldestFile() {
    // Maps iterate in insertion order: the first key is the oldest file.
    const [id, old] = this.files.entries().next().value!;
    this.files.delete(id);
    this.fileBytes -= old.bytes.byteLength;
  }

  private dropExpired() {
    const now = this.now();
    for (const [token, upload] of this.pending) {
      if (upload.expiresAt > now) continue;
      this.pending.delete(token);
      this.releasePending(upload);
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

/**
 * The headers a stored file is served with. The demo serves its files from the app's own origin,
 * so a file must never become a page that runs script there: only plain images are shown in
 * place, anything else is a download, and even a file opened as a page gets a policy that lets it
 * load and run nothing.
 */
export function servedFileHeaders(contentType: string): Record<string, string> {
  const inline = isShownImageType(contentType);
  return {
    "content-type": inline ? contentType : "application/octet-stream",
    ...(inline ? {} : { "content-disposition": "attachment" }),
    "content-security-policy": "default-src 'none'; sandbox",
    "x-content-type-options": "nosniff",
  };
}

/**
 * A stored file as a body, in views of its own bytes, made as the reader pulls: a Response made
 * from the bytes themselves would copy them (the Fetch standard copies a buffer body), once per
 * request, so a room of slow readers would hold a copy each.
 */
export function viewsOf(bytes: Uint8Array, chunkBytes = 256 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
}
