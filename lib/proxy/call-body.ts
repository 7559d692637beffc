/**
 * The body a call may carry upstream: a submit's input checked against its endpoint's schema (the
 * same one the composer uses) and forwarded as the validated values only, so the cost reserved is
 * the cost of exactly what is sent; an upload's request limited to what the playground uploads.
 * Every other call goes without a body, whatever the caller sent.
 */
import { z } from "zod";
import { type ResolvedEditInput } from "@/lib/endpoint";
import { inputSchemaFor, toFieldErrors } from "@/lib/endpoint/schema";
import { isUploadedImageType, UPLOADED_IMAGE_TYPES } from "@/lib/images/upload-policy";
import type { AllowedCall } from "./policy";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "./read-body";
import { proxyError } from "./refusal";

export type CheckedBody =
  { ok: true; body?: string; input?: ResolvedEditInput } | { ok: false; response: Response };

const uploadRequestSchema = z.object({
  content_type: z.string().refine(isUploadedImageType, {
    error: `This playground uploads only ${UPLOADED_IMAGE_TYPES.join(", ")} images.`,
  }),
  file_name: z.string().max(255).optional(),
});

/** Reads and checks the body of an allowed call; refuses in fal's shapes. */
export async function checkCallBody(request: Request, call: AllowedCall): Promise<CheckedBody> {
  if (call.kind !== "submit" && call.kind !== "initiate") return { ok: true };
  const read = await readJsonBody(request);
  if (!read.ok && read.reason === "too-large") {
    return refuse(
      413,
      `Request body is larger than ${MAX_JSON_BODY_BYTES / 1_000_000} MB. Upload images to fal storage and send their URLs instead of inline data.`,
    );
  }
  if (!read.ok) return refuse(400, "Request body is not valid JSON.");
  const json: unknown = read.text ? JSON.parse(read.text) : undefined;

  if (call.kind === "submit") {
    const input = inputSchemaFor(call.endpoint!.model).safeParse(json);
    // fal's own 422 shape: the client raises a ValidationError and the composer marks the fields.
    if (!input.success) {
      return {
        ok: false,
        response: Response.json(
          { detail: toFieldErrors(input.error) },
          { status: 422, headers: { "cache-control": "no-store" } },
        ),
      };
    }
    return { ok: true, body: JSON.stringify(input.data), input: input.data };
  }

  const upload = uploadRequestSchema.safeParse(json);
  if (!upload.success) {
    const detail = upload.error.issues[0]?.message ?? "Not an upload request.";
    return refuse(415, detail);
  }
  const { content_type, file_name } = upload.data;
  return { ok: true, body: JSON.stringify({ content_type, file_name: file_name ?? "reference" }) };
}

function refuse(status: number, detail: string): CheckedBody {
  return { ok: false, response: proxyError(status, detail) };
}
