/**
 * What the playground uploads to fal storage: prepared reference images, and nothing else. The
 * composer re-encodes anything else to one of these types, and the proxy refuses uploads of any
 * other type, so the shared key never stores a stranger's zip.
 */
export const UPLOADED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type UploadedImageType = (typeof UPLOADED_IMAGE_TYPES)[number];

export function isUploadedImageType(type: string): type is UploadedImageType {
  return (UPLOADED_IMAGE_TYPES as readonly string[]).includes(type);
}
