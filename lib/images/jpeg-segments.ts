/**
 * The marker segments at the start of a JPEG, up to its image data: what the EXIF reader and the
 * frame-size reader both walk. Pure and synchronous, over however many first bytes were read.
 */

/** One segment: its marker (the byte after FF), where it starts, and its length field. */
export interface JpegSegment {
  marker: number;
  /** Offset of its FF. */
  offset: number;
  /** The length field: its payload plus these two bytes. */
  length: number;
}

const SOS = 0xda;
const EOI = 0xd9;

/**
 * Each segment of `bytes` before the start of scan, in order; stops at the scan, at the end of
 * `bytes`, or at anything that is not a marker. Nothing when `bytes` is not a JPEG.
 */
export function* jpegSegments(bytes: Uint8Array): Generator<JpegSegment> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 2; offset + 4 <= bytes.length;) {
    if (bytes[offset] !== 0xff) return;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === SOS || marker === EOI) return;
    const length = view.getUint16(offset + 2);
    yield { marker, offset, length };
    offset += 2 + length;
  }
}
