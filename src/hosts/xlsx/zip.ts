/**
 * A minimal ZIP reader: the central directory (names and declared sizes, for the zip-bomb guard
 * and the "is this a workbook at all" check) and inflating a few small parts that ExcelJS does
 * not expose (custom document properties, defined names as written). Browser-safe: inflating uses
 * the standard `DecompressionStream("deflate-raw")` (Node ≥ 20, current browsers and WebViews).
 *
 * Format reference: PKWARE APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12 (central directory
 * header), 4.3.14–4.3.16 (ZIP64 and end of central directory records).
 */

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** Where this entry's central directory header starts. */
  readonly centralHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: ReadonlyArray<ZipEntry>;
  /** Declared total uncompressed size of all entries. */
  readonly totalUncompressed: number;
  /** Number of entries the directory declares (entries are not listed when it exceeds `MAX_ZIP_ENTRIES`). */
  readonly declaredCount: number;
}

/** The bytes are not a readable ZIP archive (truncated, or the directory is inconsistent). */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Hard cap on the number of entries we are willing to list (an .xlsx has dozens, rarely thousands). */
export const MAX_ZIP_ENTRIES = 50_000;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x1_0000_0000;
}

function findEocd(bytes: Uint8Array, dv: DataView): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && dv.getUint32(i, true) === SIG_EOCD) {
      const commentLength = dv.getUint16(i + 20, true);
      if (i + EOCD_SIZE + commentLength <= bytes.length) return i;
    }
  }
  return -1;
}

/** Created on first use: a page or test environment may install `TextDecoder` after this module loads. */
let decoder: TextDecoder | undefined;
const utf8 = { decode: (b: Uint8Array): string => (decoder ??= new TextDecoder("utf-8")).decode(b) };

/** Parses the central directory. Throws `ZipFormatError` when there is none or it is inconsistent. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const dv = view(bytes);
  const eocd = findEocd(bytes, dv);
  if (eocd < 0) throw new ZipFormatError("no end-of-central-directory record (the archive is truncated)");

  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || dv.getUint32(loc, true) !== SIG_ZIP64_LOCATOR) {
      throw new ZipFormatError("ZIP64 sizes without a ZIP64 locator");
    }
    const z64 = u64(dv, loc + 8);
    if (z64 + 56 > bytes.length || dv.getUint32(z64, true) !== SIG_ZIP64_EOCD) {
      throw new ZipFormatError("ZIP64 end-of-central-directory record is missing");
    }
    count = u64(dv, z64 + 32);
    cdSize = u64(dv, z64 + 40);
    cdOffset = u64(dv, z64 + 48);
  }

  if (cdOffset + cdSize > bytes.length) {
    throw new ZipFormatError("central directory lies outside the file (the archive is truncated)");
  }
  if (count > MAX_ZIP_ENTRIES) {
    // The caller refuses such an archive: listing is cheap, extracting that many parts is not.
    return { entries: [], totalUncompressed: 0, declaredCount: count };
  }

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || dv.getUint32(p, true) !== SIG_CENTRAL) {
      throw new ZipFormatError(`central directory entry ${i + 1} of ${count} is damaged`);
    }
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) throw new ZipFormatError(`central directory entry ${i + 1} of ${count} is damaged`);
    const name = utf8.decode(bytes.subarray(nameStart, extraStart));

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extended information extra field (header id 0x0001): the 8-byte values appear in
      // this order, each only if its 4-byte field above is 0xFFFFFFFF.
      let q = extraStart;
      const extraEnd = extraStart + extraLength;
      while (q + 4 <= extraEnd) {
        const id = dv.getUint16(q, true);
        const size = dv.getUint16(q + 2, true);
        if (id === 0x0001) {
          let r = q + 4;
          const rEnd = Math.min(q + 4 + size, extraEnd);
          if (uncompressedSize === 0xffffffff && r + 8 <= rEnd) ((uncompressedSize = u64(dv, r)), (r += 8));
          if (compressedSize === 0xffffffff && r + 8 <= rEnd) ((compressedSize = u64(dv, r)), (r += 8));
          if (localHeaderOffset === 0xffffffff && r + 8 <= rEnd) localHeaderOffset = u64(dv, r);
          break;
        }
        q += 4 + size;
      }
    }

    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, centralHeaderOffset: p });
    total += uncompressedSize;
    p = next;
  }
  return { entries, totalUncompressed: total, declaredCount: count };
}

export function findEntry(dir: ZipDirectory, name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  // Part names in OPC are case-insensitive; some writers also prefix a slash.
  return dir.entries.find((e) => {
    const n = e.name.startsWith("/") ? e.name.slice(1) : e.name;
    return n.toLowerCase() === lower;
  });
}

/** Whether this runtime can inflate deflated entries (it needs `DecompressionStream`). */
export function canInflate(): boolean {
  return typeof DecompressionStream === "function";
}

/**
 * The uncompressed bytes of one entry. Refuses to produce more than the declared size (a lying
 * directory cannot make us allocate more than it admitted) and more than `maxBytes`.
 */
export async function extractEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes = 64 * 1024 * 1024,
): Promise<Uint8Array> {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== SIG_LOCAL) {
    throw new ZipFormatError(`local header of ${entry.name} is missing`);
  }
  const dataStart = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new ZipFormatError(`data of ${entry.name} is truncated`);
  const raw = bytes.subarray(dataStart, dataEnd);
  const limit = Math.min(entry.uncompressedSize, maxBytes);

  if (entry.method === 0) {
    if (raw.length > limit) throw new ZipFormatError(`${entry.name} is larger than declared`);
    return raw;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses unsupported compression method ${entry.method}`);
  if (!canInflate()) throw new ZipFormatError("DecompressionStream is not available");

  const copy = new Uint8Array(raw); // a standalone ArrayBuffer-backed copy for the Blob
  const stream = new Blob([copy]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ZipFormatError(`${entry.name} inflates to more than its declared ${entry.uncompressedSize} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The UTF-8 text of one entry, or `undefined` when it is absent. */
export async function extractText(bytes: Uint8Array, dir: ZipDirectory, name: string): Promise<string | undefined> {
  const entry = findEntry(dir, name);
  if (!entry) return undefined;
  return utf8.decode(await extractEntry(bytes, entry));
}

/** The bytes of a stored (uncompressed) entry without copying, or `undefined` if it is compressed or damaged. */
export function storedEntryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  if (entry.method !== 0) return undefined;
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== SIG_LOCAL) return undefined;
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : undefined;
}
