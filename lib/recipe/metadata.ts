/**
 * Writing a recipe into an image file, and reading it back, in the metadata common tools read:
 * - PNG: text chunks (`Description` = the prompt, `Software`, `Source` = the endpoint, and
 *   `hidream-recipe` = the recipe as JSON, all iTXt so any text survives) and an XMP packet
 *   (iTXt `XML:com.adobe.xmp`);
 * - JPEG: an XMP packet in an APP1 segment;
 * - WebP: an XMP packet in an `XMP ` chunk (the file made extended with a VP8X header if need be).
 * The XMP packet carries `xmp:CreatorTool`, `dc:description` (the prompt) and `hidream:Recipe`
 * (the JSON). Hand-written because no maintained library writes XMP into all three formats in a
 * browser; the tests read what it writes with independent readers (exifreader, and exiftool).
 * Pure functions over bytes: browser and Node alike.
 */
import { APP_NAME, APP_VERSION } from "@/lib/app-version";
import { parseRecipe, type Recipe } from "./recipe";

export const RECIPE_XMP_NAMESPACE = "http://ns.hidream-playground.app/recipe/1.0/";
const PNG_RECIPE_KEYWORD = "hidream-recipe";
const XMP_PNG_KEYWORD = "XML:com.adobe.xmp";
const XMP_JPEG_HEADER = "http://ns.adobe.com/xap/1.0/\0";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Format = "png" | "jpeg" | "webp";

function formatOf(bytes: Uint8Array): Format | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "webp";
  return undefined;
}

/** The file with the recipe written into its metadata; unknown formats come back unchanged. */
export function embedRecipe(bytes: Uint8Array, recipe: Recipe): Uint8Array {
  const xmp = xmpPacket(recipe);
  switch (formatOf(bytes)) {
    case "png":
      return embedPng(bytes, recipe, xmp);
    case "jpeg":
      return embedJpeg(bytes, xmp);
    case "webp":
      return embedWebp(bytes, xmp);
    default:
      return bytes;
  }
}

/** The recipe a file carries, or undefined (not one of ours, or no recipe). */
export function readRecipe(bytes: Uint8Array): Recipe | undefined {
  switch (formatOf(bytes)) {
    case "png": {
      const texts = pngTexts(bytes);
      const direct = texts.get(PNG_RECIPE_KEYWORD);
      return (direct && parseRecipe(direct)) || recipeFromXmp(texts.get(XMP_PNG_KEYWORD));
    }
    case "jpeg":
      return recipeFromXmp(jpegXmp(bytes));
    case "webp":
      return recipeFromXmp(webpXmp(bytes));
    default:
      return undefined;
  }
}

// --- XMP ------------------------------------------------------------------------------------------

const escapeXml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

const unescapeXml = (text: string) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replaceAll("&amp;", "&");

export function xmpPacket(recipe: Recipe): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ` xmlns:hidream="${RECIPE_XMP_NAMESPACE}">`,
    `<xmp:CreatorTool>${escapeXml(`${APP_NAME} ${APP_VERSION}`)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${escapeXml(recipe.createdAt)}</xmp:CreateDate>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(recipe.input.prompt)}</rdf:li></rdf:Alt></dc:description>`,
    `<hidream:Model>${escapeXml(recipe.endpoint)}</hidream:Model>`,
    `<hidream:Seed>${recipe.seed}</hidream:Seed>`,
    `<hidream:Recipe>${escapeXml(JSON.stringify(recipe))}</hidream:Recipe>`,
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

const RECIPE_OPEN = "<hidream:Recipe>";
const RECIPE_CLOSE = "</hidream:Recipe>";

/**
 * The recipe in an XMP packet. Found with two searches, each once through the text: a pattern
 * with a lazy match took time with the square of the packet's size when the opening tag repeats
 * unclosed (a crafted 1 MB file held the page for 10 s).
 */
function recipeFromXmp(xmp: string | undefined): Recipe | undefined {
  const start = xmp?.indexOf(RECIPE_OPEN) ?? -1;
  if (start < 0) return undefined;
  const end = xmp!.indexOf(RECIPE_CLOSE, start + RECIPE_OPEN.length);
  if (end < 0) return undefined;
  return parseRecipe(unescapeXml(xmp!.slice(start + RECIPE_OPEN.length, end)));
}

// --- PNG ------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(encoder.encode(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** An uncompressed iTXt chunk: keyword, no language, UTF-8 text. */
function itxt(keyword: string, text: string): Uint8Array {
  return pngChunk(
    "iTXt",
    concat([encoder.encode(keyword), new Uint8Array([0, 0, 0, 0, 0]), encoder.encode(text)]),
  );
}

interface PngChunk {
  type: string;
  start: number;
  dataStart: number;
  length: number;
}

function* pngChunks(bytes: Uint8Array): Generator<PngChunk> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (at + 12 + length > bytes.length) return;
    yield { type, start: at, dataStart: at + 8, length };
    at += 12 + length;
  }
}

function embedPng(bytes: Uint8Array, recipe: Recipe, xmp: string): Uint8Array {
  const ours = new Set(["Description", "Software", "Source", PNG_RECIPE_KEYWORD, XMP_PNG_KEYWORD]);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let added = false;
  for (const chunk of pngChunks(bytes)) {
    const whole = bytes.subarray(chunk.start, chunk.dataStart + chunk.length + 4);
    // A recipe written before (a file downloaded twice) is replaced, not doubled.
    if ((chunk.type === "iTXt" || chunk.type === "tEXt") && ours.has(textKeyword(bytes, chunk)))
      continue;
    kept.push(whole);
    if (chunk.type === "IHDR" && !added) {
      added = true;
      kept.push(
        itxt("Description", recipe.input.prompt),
        itxt("Software", `${APP_NAME} ${APP_VERSION}`),
        itxt("Source", recipe.endpoint),
        itxt(PNG_RECIPE_KEYWORD, JSON.stringify(recipe)),
        itxt(XMP_PNG_KEYWORD, xmp),
      );
    }
  }
  return concat(kept);
}

function textKeyword(bytes: Uint8Array, chunk: PngChunk): string {
  const data = bytes.subarray(chunk.dataStart, chunk.dataStart + chunk.length);
  const end = data.indexOf(0);
  return decoder.decode(data.subarray(0, end < 0 ? data.length : end));
}

/** Every uncompressed text chunk of a PNG, by keyword. */
function pngTexts(bytes: Uint8Array): Map<string, string> {
  const texts = new Map<string, string>();
  for (const chunk of pngChunks(bytes)) {
    if (chunk.type !== "iTXt" && chunk.type !== "tEXt") continue;
    const data = bytes.subarray(chunk.dataStart, chunk.dataStart + chunk.length);
    const keywordEnd = data.indexOf(0);
    if (keywordEnd < 0) continue;
    const keyword = decoder.decode(data.subarray(0, keywordEnd));
    if (chunk.type === "tEXt") {
      texts.set(keyword, decoder.decode(data.subarray(keywordEnd + 1)));
      continue;
    }
    // iTXt: compression flag, method, language\0, translated keyword\0, text.
    if (data[keywordEnd + 1] !== 0) continue;
    const language = data.indexOf(0, keywordEnd + 3);
    const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
    if (translated < 0) continue;
    texts.set(keyword, decoder.decode(data.subarray(translated + 1)));
  }
  return texts;
}

// --- JPEG -----------------------------------------------------------------------------------------

interface JpegSegment {
  marker: number;
  start: number;
  end: number;
}

function* jpegSegments(bytes: Uint8Array): Generator<JpegSegment> {
  for (let at = 2; at + 4 <= bytes.length;) {
    if (bytes[at] !== 0xff) return;
    const marker = bytes[at + 1]!;
    // Start of scan: the entropy-coded image follows; no more metadata segments before it ends.
    if (marker === 0xda) return;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    yield { marker, start: at, end: at + 2 + length };
    at += 2 + length;
  }
}

const isXmpSegment = (bytes: Uint8Array, segment: JpegSegment) =>
  segment.marker === 0xe1 &&
  ascii(bytes, segment.start + 4, XMP_JPEG_HEADER.length) === XMP_JPEG_HEADER;

function embedJpeg(bytes: Uint8Array, xmp: string): Uint8Array {
  const payload = concat([encoder.encode(XMP_JPEG_HEADER), encoder.encode(xmp)]);
  if (payload.length + 2 > 0xffff)
    throw new RangeError("The recipe is too large for a JPEG segment.");
  const segment = new Uint8Array(4 + payload.length);
  segment.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  segment.set(payload, 4);
  // After the JFIF/EXIF application segments, replacing an XMP packet already there.
  const segments = [...jpegSegments(bytes)];
  const lastApp = segments
    .filter((s) => (s.marker === 0xe0 || s.marker === 0xe1) && !isXmpSegment(bytes, s))
    .at(-1);
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  if (!lastApp) parts.push(segment);
  for (const s of segments) {
    if (isXmpSegment(bytes, s)) continue;
    parts.push(bytes.subarray(s.start, s.end));
    if (s === lastApp) parts.push(segment);
  }
  // The scan (and anything after the segments read) is kept as it was.
  parts.push(bytes.subarray(segments.at(-1)?.end ?? 2));
  return concat(parts);
}

function jpegXmp(bytes: Uint8Array): string | undefined {
  for (const segment of jpegSegments(bytes)) {
    if (isXmpSegment(bytes, segment)) {
      return decoder.decode(
        bytes.subarray(segment.start + 4 + XMP_JPEG_HEADER.length, segment.end),
      );
    }
  }
  return undefined;
}

// --- WebP -----------------------------------------------------------------------------------------

interface RiffChunk {
  fourcc: string;
  start: number;
  dataStart: number;
  size: number;
  /** Where the next chunk starts (chunks are padded to even sizes). */
  end: number;
}

function* riffChunks(bytes: Uint8Array): Generator<RiffChunk> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    yield { fourcc: ascii(bytes, at, 4), start: at, dataStart: at + 8, size, end };
    at = end;
  }
}

function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  const padded = data.length % 2;
  const chunk = new Uint8Array(8 + data.length + padded);
  chunk.set(encoder.encode(fourcc));
  new DataView(chunk.buffer).setUint32(4, data.length, true);
  chunk.set(data, 8);
  return chunk;
}

/** The canvas size and alpha of a simple WebP, from its VP8 or VP8L bitstream header. */
function simpleWebpCanvas(bytes: Uint8Array, chunk: RiffChunk) {
  const d = bytes.subarray(chunk.dataStart, chunk.dataStart + chunk.size);
  if (chunk.fourcc === "VP8 ") {
    // Frame tag (3), start code 9d 01 2a (3), then 14-bit width and height.
    return {
      width: ((d[7]! << 8) | d[6]!) & 0x3fff,
      height: ((d[9]! << 8) | d[8]!) & 0x3fff,
      alpha: false,
    };
  }
  // VP8L: signature 0x2f, then width-1 (14 bits), height-1 (14 bits), alpha (1 bit).
  const bits = d[1]! | (d[2]! << 8) | (d[3]! << 16) | (d[4]! << 24);
  return {
    width: (bits & 0x3fff) + 1,
    height: ((bits >>> 14) & 0x3fff) + 1,
    alpha: ((bits >>> 28) & 1) === 1,
  };
}

function embedWebp(bytes: Uint8Array, xmp: string): Uint8Array {
  const chunks = [...riffChunks(bytes)];
  const kept = chunks.filter((c) => c.fourcc !== "XMP ");
  const parts: Uint8Array[] = [];
  const vp8x = kept.find((c) => c.fourcc === "VP8X");
  if (vp8x) {
    for (const c of kept) {
      const whole = bytes.slice(c.start, c.end);
      // Flags byte: bit 2 says an XMP chunk is present.
      if (c === vp8x) whole[8] = whole[8]! | 0x04;
      parts.push(whole);
    }
  } else {
    const image = kept.find((c) => c.fourcc === "VP8 " || c.fourcc === "VP8L");
    if (!image) return bytes;
    const { width, height, alpha } = simpleWebpCanvas(bytes, image);
    const header = new Uint8Array(10);
    header[0] = 0x04 | (alpha ? 0x10 : 0);
    header.set([(width - 1) & 0xff, ((width - 1) >> 8) & 0xff, ((width - 1) >> 16) & 0xff], 4);
    header.set([(height - 1) & 0xff, ((height - 1) >> 8) & 0xff, ((height - 1) >> 16) & 0xff], 7);
    parts.push(riffChunk("VP8X", header));
    for (const c of kept) parts.push(bytes.subarray(c.start, c.end));
  }
  parts.push(riffChunk("XMP ", encoder.encode(xmp)));
  const body = concat(parts);
  const file = new Uint8Array(12 + body.length);
  file.set(encoder.encode("RIFF"));
  new DataView(file.buffer).setUint32(4, 4 + body.length, true);
  file.set(encoder.encode("WEBP"), 8);
  file.set(body, 12);
  return file;
}

function webpXmp(bytes: Uint8Array): string | undefined {
  for (const chunk of riffChunks(bytes)) {
    if (chunk.fourcc === "XMP ")
      return decoder.decode(bytes.subarray(chunk.dataStart, chunk.dataStart + chunk.size));
  }
  return undefined;
}

// --- Bytes ----------------------------------------------------------------------------------------

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = "";
  for (let i = start; i < start + length && i < bytes.length; i++)
    text += String.fromCharCode(bytes[i]!);
  return text;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
