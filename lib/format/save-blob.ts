/**
 * Saves a blob as a file named `fileName`, from a same-origin object URL (browsers ignore
 * `download` on cross-origin links). The URL is revoked a moment later: revoking at once can
 * cancel the save in some browsers.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const objectUrl = URL.createObjectURL(blob);
  try {
    const link = Object.assign(document.createElement("a"), {
      href: objectUrl,
      download: fileName,
    });
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  }
}
