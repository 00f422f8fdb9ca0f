/**
 * The fast path for `.xlsx` and `.xlsm`: parts inflated with `fflate` (synchronously, each into a
 * buffer of its declared size, so a lying archive cannot make it allocate more) and scanned with
 * the prefix-agnostic tag scanner of `xml.ts`. No tree, no per-cell objects beyond the values.
 *
 * Chosen by measurement (`npm run bench`): on the 100,000-activity plan, ExcelJS 4.4.0 takes about
 * 3.7 s of CPU to load the file, SheetJS CE 0.20.3 about 3.1 s, this reader well under a second.
 *
 * What it reads (ECMA-376 Part 1, §18): the workbook's sheets in tab order with their state,
 * the 1904 date system (`workbookPr/@date1904`), defined names; shared strings (rich text
 * flattened, phonetic runs left out, `_xHHHH_` escapes decoded); the number format of each cell
 * style (`cellXfs` → `numFmts` or a built-in id); cells of every type (`s`, `inlineStr`, `str`,
 * `n`, `b`, `e`, `d`), with or without `r` attributes; merged areas; custom document properties.
 */
import { Inflate, inflateSync } from "fflate";
import { excelSerialToDate } from "../../../core/model/dates";
import { classifyFormat } from "../../../core/model/numberFormats";
import type { CellValue, MergedArea, SheetData } from "../../../core/model/sheet";
import {
  parseAttributes,
  parseCustomProperties,
  parseRelationships,
  parseWorkbookPart,
  resolvePartName,
} from "../ooxml";
import { corruptReasonText, type CorruptReason } from "../../../i18n/readErrors";
import { REL_TYPES, relationships } from "../package/parts";
import { findEntry, type ZipDirectory, type ZipEntry } from "../zip";
import { attributes, collectText, newTag, nextTag, textContent } from "./xml";

/** Letters, digits, '_', '-', '.', ':' and anything non-ASCII (local copy: the cell loop's hottest call). */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46 || c > 127
  );
}

/** A damaged or inconsistent package; `message` is a Russian reason for the user. */
export class PackageReadError extends Error {
  override readonly name = "PackageReadError";

  /** `reason`: what is wrong, as data (the message is its Russian text; `i18n/readErrors.ts` has both languages). */
  constructor(
    readonly reason: CorruptReason,
    options?: { cause?: unknown },
  ) {
    super(corruptReasonText(reason, "ru"), options);
  }
}

/** The built-in number formats (ECMA-376 Part 1 §18.8.30) that styles.xml does not list. */
const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Ids 27–36 and 50–58 are locale-dependent (East Asian) date formats. */
function builtinFormat(id: number): string | undefined {
  const code = BUILTIN_NUMBER_FORMATS[id];
  if (code !== undefined) return code;
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "m/d/yy";
  return undefined;
}

const EMPTY_ROW: ReadonlyArray<CellValue> = Object.freeze([]);

let decoder: TextDecoder | undefined;
function utf8(bytes: Uint8Array): string {
  return (decoder ??= new TextDecoder("utf-8")).decode(bytes);
}

/**
 * Inflates raw DEFLATE data into at most `size` bytes (the entry's declared size). The default is
 * fflate (pure JavaScript, browser-safe); Node passes its native zlib (`node.ts`), about four
 * times faster on big sheets.
 */
export type RawInflater = (data: Uint8Array, size: number) => Uint8Array;

/** fflate into a buffer of the declared size: it truncates anything beyond it. */
export const fflateInflater: RawInflater = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

/** A part's entry and its stored (compressed) bytes, or `undefined` when the archive lacks it. */
function rawPart(bytes: Uint8Array, dir: ZipDirectory, name: string): { entry: ZipEntry; raw: Uint8Array } | undefined {
  const entry = findEntry(dir, name);
  if (!entry) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50) {
    throw new PackageReadError({ reason: "part_no_data", part: entry.name });
  }
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new PackageReadError({ reason: "part_truncated", part: entry.name });
  if (entry.method !== 0 && entry.method !== 8) {
    throw new PackageReadError({ reason: "part_method", part: entry.name, method: entry.method });
  }
  return { entry, raw: bytes.subarray(start, end) };
}

/** A package part's bytes, or `undefined` when the archive lacks it. */
export function partBytes(
  bytes: Uint8Array,
  dir: ZipDirectory,
  name: string,
  inflate: RawInflater = fflateInflater,
): Uint8Array | undefined {
  const part = rawPart(bytes, dir, name);
  if (!part) return undefined;
  const { entry, raw } = part;
  if (entry.method === 0) return raw.subarray(0, Math.min(raw.length, entry.uncompressedSize));
  try {
    return inflate(raw, entry.uncompressedSize);
  } catch (e) {
    throw new PackageReadError({ reason: "part_inflate", part: entry.name }, { cause: e });
  }
}

/**
 * Parts larger than this are inflated as a stream (fflate, 32 KB of input at a time): their bytes
 * and text are never whole in memory. Smaller parts are inflated whole, by Node's zlib where
 * available, which is about four times faster (a 100,000-row sheet is 36 MB).
 */
export const STREAMED_PART_SIZE = 48 * 1024 * 1024;

/**
 * Whether the prefix whose ":" is at `colon` belongs to a closing tag (`</x:si>`), not to an
 * opening one (`<x:si>`, where a cut would split the element).
 */
function closesAfterPrefix(colon: number, at: (j: number) => number): boolean {
  let j = colon - 1;
  while (j > 0 && at(j) !== 47 && at(j) !== 60 && at(j) !== 62) j--;
  return j > 0 && at(j) === 47 && at(j - 1) === 60;
}

/** Where the last `</local>` (any prefix) in `text` ends, or -1. */
function lastCloseEnd(text: string, local: string): number {
  const needle = `${local}>`;
  for (let k = text.lastIndexOf(needle); k > 0; k = text.lastIndexOf(needle, k - 1)) {
    const c = text.charCodeAt(k - 1);
    if (c === 47 || (c === 58 && closesAfterPrefix(k - 1, (j) => text.charCodeAt(j)))) return k + needle.length;
  }
  return -1;
}

/** Bytes of inflated text decoded at a time by `streamedElementChunks`. */
const PIECE_BYTES = 16 * 1024;

/** A deflated part's text in pieces that end after a `</local>`, inflated 32 KB of input at a time. */
function* streamedElementChunks(entry: ZipEntry, raw: Uint8Array, local: "row" | "si"): Generator<string> {
  const decoder = new TextDecoder("utf-8");
  const ready: string[] = [];
  let carry = "";
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) {
      throw new PackageReadError({ reason: "part_oversize", part: entry.name });
    }
    // Decoded 16 KB at a time: pieces of ~32 K characters stay in V8's young generation, so the
    // garbage ones die cheaply. A whole inflated chunk (megabytes) decoded at once would be a
    // large-object (in Node, external) string that only a full GC frees: the peak memory.
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      carry += decoder.decode(chunk.subarray(at, Math.min(chunk.length, at + PIECE_BYTES)), { stream: true });
      if (carry.length >= 32 * 1024) {
        const cut = lastCloseEnd(carry, local);
        if (cut > 0) {
          ready.push(carry.slice(0, cut));
          carry = carry.slice(cut);
        }
      }
    }
  });
  const step = 32 * 1024;
  for (let p = 0; p < raw.length || p === 0; p += step) {
    try {
      inflater.push(raw.subarray(p, Math.min(raw.length, p + step)), p + step >= raw.length);
    } catch (e) {
      if (e instanceof PackageReadError) throw e;
      throw new PackageReadError({ reason: "part_inflate", part: entry.name }, { cause: e });
    }
    while (ready.length > 0) yield ready.shift()!;
    if (raw.length === 0) break;
  }
  carry += decoder.decode();
  if (carry !== "") yield carry;
}

function isStreamed(dir: ZipDirectory, name: string, above: number): boolean {
  const entry = findEntry(dir, name);
  return entry !== undefined && entry.method === 8 && entry.uncompressedSize > above;
}

/** A part's text in pieces that end after a `</local>`, or `undefined` when the archive lacks it. */
function partChunks(
  bytes: Uint8Array,
  dir: ZipDirectory,
  name: string,
  local: "row" | "si",
  inflate: RawInflater,
  streamAbove: number,
): Iterable<string> | undefined {
  const part = rawPart(bytes, dir, name);
  if (!part) return undefined;
  if (isStreamed(dir, name, streamAbove)) {
    return streamedElementChunks(part.entry, part.raw, local);
  }
  const whole = partBytes(bytes, dir, name, inflate);
  return whole === undefined ? undefined : elementChunks(whole, local);
}

function readPartText(
  bytes: Uint8Array,
  dir: ZipDirectory,
  name: string,
  inflate: RawInflater = fflateInflater,
): string | undefined {
  const b = partBytes(bytes, dir, name, inflate);
  return b === undefined ? undefined : utf8(b);
}

/** The namespace prefix (with its colon, or "") of the first `<…local` element in `xml`. */
function prefixOf(xml: string, local: string): string | undefined {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s/>]`).exec(xml);
  return m ? (m[1] ?? "") : undefined;
}

function isDelimiter(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Shared strings (`xl/sharedStrings.xml`), in order. */
export function parseSharedStrings(xml: string): string[] {
  return parseSharedStringChunks([xml]);
}

/**
 * A flat copy of `s`. V8 keeps a substring of 13 characters or more as a view into its parent, so
 * a million shared strings would keep every chunk of the part's text (tags included) alive; for a
 * streamed (big) part they are copied out, which frees the chunks (≈ 35 MB less peak memory for a
 * million strings, for ≈ 0.3 s of CPU).
 */
function flatCopy(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** `parseSharedStrings` over the part's text in pieces that each end after a `</si>`. */
export function parseSharedStringChunks(chunks: Iterable<string>, copy = false): string[] {
  const out: string[] = [];
  let pre: string | undefined;
  for (const xml of chunks) {
    pre ??= prefixOf(xml, "si");
    if (pre === undefined) continue;
    const from = out.length;
    sharedStringsOf(xml, pre, out);
    if (copy) for (let k = from; k < out.length; k++) out[k] = flatCopy(out[k]);
  }
  return out;
}

function sharedStringsOf(xml: string, pre: string, out: string[]): void {
  const open = `<${pre}si`;
  const close = `</${pre}si>`;
  const tOpen = `<${pre}t`;
  let p = xml.indexOf(open);
  while (p >= 0) {
    const gt = xml.indexOf(">", p);
    if (gt < 0) break;
    if (!isDelimiter(xml.charCodeAt(p + open.length))) {
      p = xml.indexOf(open, p + 1);
      continue;
    }
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      p = xml.indexOf(open, gt);
      continue;
    }
    let end = xml.indexOf(close, gt);
    if (end < 0) end = xml.length;
    // Most items are one plain <t>…</t>: no runs, no phonetic text. The item's inner text is
    // xml[from, end), read in place (no copy of it per item: a million items on big files).
    const from = gt + 1;
    let last = end > from ? xml.lastIndexOf("<", end - 1) : -1;
    if (last < from) last = -1;
    const second = xml.indexOf("<", from + 1);
    if (
      last >= 0 &&
      xml.startsWith(tOpen, from) &&
      from + tOpen.length < end &&
      isDelimiter(xml.charCodeAt(from + tOpen.length)) &&
      second === last
    ) {
      const gtAt = xml.indexOf(">", from);
      const start = gtAt >= 0 && gtAt < end ? gtAt + 1 : from;
      out.push(start - 2 >= from && xml.charCodeAt(start - 2) === 47 ? "" : textContent(xml.slice(start, last)));
    } else {
      out.push(collectText(xml, gt + 1, end));
    }
    p = xml.indexOf(open, end);
  }
}

/** Number format code of each cell style index (`cellXfs`), `undefined` for General. */
export function parseStyleFormats(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const out: (string | undefined)[] = [];
  const tag = newTag();
  let p = 0;
  let inCellXfs = false;
  for (let t = nextTag(xml, p, tag); t; t = nextTag(xml, p, tag)) {
    p = t.end;
    if (t.local === "numFmt" && !t.close) {
      const a = attributes(xml, t);
      const id = Number(a.numFmtId);
      if (Number.isInteger(id) && a.formatCode !== undefined) custom.set(id, a.formatCode);
    } else if (t.local === "cellXfs") {
      inCellXfs = !t.close && !t.empty;
    } else if (inCellXfs && t.local === "xf" && !t.close) {
      const id = Number(attributes(xml, t).numFmtId ?? "0");
      const code = custom.get(id) ?? builtinFormat(id);
      out.push(code === "General" ? undefined : code);
    }
  }
  return out;
}

/** "AB" of "AB12" → 28; 0 when `ref` has no column letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

/** "B12" → 12 */
function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i)) || 0;
}

/** "A1:E1" → a merged area; `undefined` for anything else. */
function parseRange(ref: string): MergedArea | undefined {
  const [a, b = a] = ref.split(":");
  const left = columnOf(a.replace(/\$/g, ""));
  const top = rowOf(a.replace(/\$/g, ""));
  const right = columnOf(b.replace(/\$/g, ""));
  const bottom = rowOf(b.replace(/\$/g, ""));
  if (!left || !top || !right || !bottom) return undefined;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** An ISO 8601 date/time of a `t="d"` cell as a UTC Date (the wall time Excel shows). */
function isoCellDate(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(s.trim());
  if (!m) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(s.trim());
    return t ? new Date(Date.UTC(1899, 11, 30, Number(t[1]), Number(t[2]), Number(t[3] ?? 0))) : undefined;
  }
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms),
  );
}

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly styleFormats: readonly (string | undefined)[];
  readonly date1904: boolean;
}

/** A cell's value from its type attribute, raw `<v>` text, inline text and number format. */
function cellValue(
  type: string | undefined,
  raw: string | undefined,
  inline: string | undefined,
  format: string | undefined,
  ctx: SheetContext,
): CellValue {
  switch (type) {
    case "s":
      return raw === undefined ? null : (ctx.sharedStrings[Number(raw)] ?? null);
    case "inlineStr":
      return inline ?? (raw === undefined ? null : textContent(raw));
    case "str":
      return raw === undefined ? null : textContent(raw);
    case "b":
      return raw === undefined ? null : raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return raw === undefined ? null : { error: textContent(raw).trim() };
    case "d":
      return raw === undefined ? null : (isoCellDate(raw) ?? textContent(raw));
    default: {
      if (raw === undefined) return null;
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) return textContent(raw);
      return classifyFormat(format) === "date" ? excelSerialToDate(n, ctx.date1904) : n;
    }
  }
}

/**
 * Reads one worksheet part into rows, formats and merges (name and hidden state come from the
 * workbook). The cell loop is a specialised scanner: `indexOf` on the qualified names the part
 * uses, one short slice per cell, no objects per tag.
 */
export function parseWorksheet(xml: string, ctx: SheetContext): Pick<SheetData, "rows" | "formats" | "merges"> {
  return parseWorksheetChunks([xml], ctx);
}

/**
 * Splits a part's UTF-8 bytes after a closing `</local>` (e.g. `</row>`, `</si>`) about every
 * `size` bytes and decodes one piece at a time: a big part's text is never in memory whole (the
 * cut lands after `>`, an ASCII byte, so it never splits a character).
 */
export function* elementChunks(bytes: Uint8Array, local: "row" | "si", size = 8 * 1024 * 1024): Generator<string> {
  const decoder = new TextDecoder("utf-8");
  const name = Array.from(local, (ch) => ch.charCodeAt(0));
  const n = name.length;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.length;
    for (let k = bytes.indexOf(0x3e, start + size); k >= 0; k = bytes.indexOf(0x3e, k + 1)) {
      // "/" or a closing tag's prefix ":"
      let match =
        bytes[k - n - 1] === 0x2f || (bytes[k - n - 1] === 0x3a && closesAfterPrefix(k - n - 1, (j) => bytes[j]));
      for (let j = 0; match && j < n; j++) match = bytes[k - n + j] === name[j];
      if (match) {
        end = k + 1;
        break;
      }
    }
    yield decoder.decode(bytes.subarray(start, end));
    start = end;
  }
}

/** `parseWorksheet` over a part's text in pieces that each end after a `</row>` (see `elementChunks`). */
export function parseWorksheetChunks(
  chunks: Iterable<string>,
  ctx: SheetContext,
): Pick<SheetData, "rows" | "formats" | "merges"> {
  const rows: ReadonlyArray<CellValue>[] = [];
  let formats: (string | undefined)[][] | undefined;
  let lastRow = 0;
  let rowNo = 0;
  let col = 0;
  // The current row's cells go into a scratch array; a finished row is copied out at its exact
  // length (an array grown cell by cell keeps spare capacity: 170 bytes for a one-cell row,
  // which is 170 MB for a million rows).
  const scratch: CellValue[] = [];
  let width = 0;
  // Likewise the row's number formats (column index, format), put into the row's format list when
  // the row ends: a list filled at column 7 from empty reserves room for 26 (200 bytes a row).
  const formatCols: number[] = [];
  const formatCodes: string[] = [];
  let formatCount = 0;

  const flushFormats = (): void => {
    let end = 0;
    for (let k = 0; k < formatCount; k++) if (formatCols[k] >= end) end = formatCols[k] + 1;
    formats ??= [];
    let list = formats[rowNo - 1];
    // Far-right columns: a list grown from empty stays sparse (no room reserved for the gap).
    if (list === undefined) list = formats[rowNo - 1] = end <= 64 ? new Array<string | undefined>(end) : [];
    for (let k = 0; k < formatCount; k++) list[formatCols[k]] = formatCodes[k];
    formatCount = 0;
  };

  const flushRow = (): void => {
    if (width > 0) {
      rows[rowNo - 1] = scratch.slice(0, width);
      if (rowNo > lastRow) lastRow = rowNo;
    }
    width = 0;
    if (formatCount > 0) flushFormats();
  };

  let pre = "";
  let lenP = 0;
  let opened = false;
  let closed = false;
  const merges: MergedArea[] = [];
  const tag = newTag();

  for (const xml of chunks) {
    let i = 0;
    if (!opened) {
      const found = prefixOf(xml, "sheetData");
      if (found === undefined) continue; // no sheetData yet (or none at all)
      pre = found;
      lenP = pre.length;
      opened = true;
      const sheetDataOpen = xml.indexOf(`<${pre}sheetData`);
      i = xml.indexOf(">", sheetDataOpen) + 1;
      if (xml.charCodeAt(i - 2) === 47) {
        closed = true; // <sheetData/>
      }
    }
    let sheetDataEnd = closed ? i : xml.length;

    while (!closed && i < xml.length) {
      i = xml.indexOf("<", i);
      if (i < 0) break;
      if (xml.charCodeAt(i + 1) === 47 /* / */) {
        if (xml.startsWith(pre, i + 2)) {
          const n = i + 2 + lenP;
          if (xml.startsWith("row", n) && !isNameChar(xml.charCodeAt(n + 3))) flushRow();
          else if (xml.startsWith("sheetData", n)) {
            sheetDataEnd = i;
            closed = true;
            break;
          }
        }
        i += 2;
        continue;
      }
      if (!xml.startsWith(pre, i + 1)) {
        i++;
        continue;
      }
      const n0 = i + 1 + lenP;
      const ch = xml.charCodeAt(n0);
      const gt = xml.indexOf(">", n0);
      if (gt < 0) break;
      const empty = xml.charCodeAt(gt - 1) === 47;
      if (ch === 114 /* r */ && xml.startsWith("row", n0) && isDelimiter(xml.charCodeAt(n0 + 3))) {
        flushRow();
        const r = Number(attributeValue(xml, n0 + 3, empty ? gt - 1 : gt, 114) ?? 0);
        rowNo = r > 0 ? r : rowNo + 1;
        col = 0;
        i = gt + 1;
        continue;
      }
      if (ch !== 99 /* c */ || !isDelimiter(xml.charCodeAt(n0 + 1))) {
        i = gt + 1;
        continue;
      }

      // A cell: attributes r (column letters read in place), t, s.
      const attrEnd = empty ? gt - 1 : gt;
      let refCol = 0;
      let refRow = 0;
      let type: string | undefined;
      let style = 0;
      let q = n0 + 1;
      while (q < attrEnd) {
        const eq = xml.indexOf("=", q);
        if (eq < 0 || eq >= attrEnd) break;
        let nameEnd = eq;
        while (nameEnd > q && !isNameChar(xml.charCodeAt(nameEnd - 1))) nameEnd--;
        let vq = eq + 1;
        while (vq < attrEnd && xml.charCodeAt(vq) !== 34 && xml.charCodeAt(vq) !== 39) vq++;
        const vEnd = xml.indexOf(xml[vq], vq + 1);
        if (vq >= attrEnd || vEnd < 0) break;
        if (nameEnd - 1 >= q && !isNameChar(xml.charCodeAt(nameEnd - 2))) {
          const a = xml.charCodeAt(nameEnd - 1);
          if (a === 114 /* r */) {
            let k = vq + 1;
            for (; k < vEnd; k++) {
              const c = xml.charCodeAt(k) | 32; // lower case
              if (c < 97 || c > 122) break;
              refCol = refCol * 26 + (c - 96);
            }
            for (; k < vEnd; k++) {
              const c = xml.charCodeAt(k);
              if (c < 48 || c > 57) break;
              refRow = refRow * 10 + (c - 48);
            }
          } else if (a === 116 /* t */) type = xml.slice(vq + 1, vEnd);
          else if (a === 115 /* s */) style = Number(xml.slice(vq + 1, vEnd)) || 0;
        }
        q = vEnd + 1;
      }
      if (rowNo === 0) rowNo = refRow || 1; // a cell outside any <row>: lenient
      col = refCol > 0 ? refCol : col + 1;

      // Children in order: <f>, <v>, <is>, up to </c>.
      // The value's text is [rawStart, rawEnd); sliced only when it is not a plain integer.
      let rawStart = -1;
      let rawEnd = -1;
      let inline: string | undefined;
      let hasFormula = false;
      i = gt + 1;
      if (!empty) {
        for (;;) {
          const k = xml.indexOf("<", i);
          if (k < 0) {
            i = xml.length;
            break;
          }
          const closing = xml.charCodeAt(k + 1) === 47;
          const nameAt = k + (closing ? 2 : 1) + lenP;
          const c0 = xml.charCodeAt(nameAt);
          const c1 = xml.charCodeAt(nameAt + 1);
          const tagEnd = xml.indexOf(">", nameAt);
          if (tagEnd < 0) {
            i = xml.length;
            break;
          }
          i = tagEnd + 1;
          if (closing) {
            if (c0 === 99 /* c */ && c1 === 62) break;
            continue;
          }
          const selfClosed = xml.charCodeAt(tagEnd - 1) === 47;
          if (c0 === 102 /* f */ && isDelimiter(c1)) {
            hasFormula = true;
            if (!selfClosed) i = xml.indexOf("<", i); // skip the formula text
          } else if (c0 === 118 /* v */ && isDelimiter(c1)) {
            if (!selfClosed) {
              const ve = xml.indexOf("<", i);
              rawStart = i;
              rawEnd = ve < 0 ? xml.length : ve;
              i = rawEnd;
            }
          } else if (
            c0 === 105 /* i */ &&
            c1 === 115 /* s */ &&
            isDelimiter(xml.charCodeAt(nameAt + 2)) &&
            !selfClosed
          ) {
            const isEnd = xml.indexOf(`</${pre}is>`, i);
            const to = isEnd < 0 ? xml.length : isEnd;
            inline = collectText(xml, i, to);
            i = to;
          } else if (c0 === 99 /* c */ && isDelimiter(c1)) {
            // the next cell without our </c>: a lenient writer
            i = k;
            break;
          } else if (c0 === 114 /* r */ && xml.startsWith("ow", nameAt + 1)) {
            i = k;
            break;
          }
        }
      }

      const numeric = type === undefined || type === "n" || type === "d";
      const format = numeric || hasFormula ? ctx.styleFormats[style] : undefined;
      const kind = classifyFormat(format);
      if (format !== undefined && kind !== "other") {
        formatCols[formatCount] = col - 1;
        formatCodes[formatCount++] = format;
      }
      let value: CellValue;
      const int =
        rawStart >= 0 && (type === undefined || type === "n" || type === "s")
          ? plainInteger(xml, rawStart, rawEnd)
          : -1;
      if (int >= 0) {
        // Most cells: a shared-string index or a whole number, read without a slice.
        if (type === "s") value = ctx.sharedStrings[int] ?? null;
        else value = kind === "date" ? excelSerialToDate(int, ctx.date1904) : int;
      } else {
        value = cellValue(type, rawStart >= 0 ? xml.slice(rawStart, rawEnd) : undefined, inline, format, ctx);
      }
      if (value === null) continue;
      while (width < col - 1) scratch[width++] = null;
      scratch[col - 1] = value;
      if (col > width) width = col;
    }
    if (closed) {
      // What follows </sheetData>: the merged areas.
      let p = sheetDataEnd;
      for (let t = nextTag(xml, p, tag); t; t = nextTag(xml, p, tag)) {
        p = t.end;
        if (t.local === "mergeCell" && !t.close) {
          const area = parseRange(attributes(xml, t).ref ?? "");
          if (area) merges.push(area);
        }
      }
    }
  }
  flushRow();
  for (let k = 0; k < lastRow; k++) if (rows[k] === undefined) rows[k] = EMPTY_ROW;
  rows.length = lastRow;

  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return {
    rows,
    ...(formats ? { formats } : {}),
    ...(merges.length > 0 ? { merges } : {}),
  };
}

/** The non-negative integer written in xml[from, to) (at most 15 digits), or -1. */
function plainInteger(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The raw value of the one-letter attribute `letter` in xml[from, to), e.g. a row's `r`. */
function attributeValue(xml: string, from: number, to: number, letter: number): string | undefined {
  let q = from;
  while (q < to) {
    const eq = xml.indexOf("=", q);
    if (eq < 0 || eq >= to) return undefined;
    let nameEnd = eq;
    while (nameEnd > q && !isNameChar(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    const isIt = nameEnd - 1 >= q && xml.charCodeAt(nameEnd - 1) === letter && !isNameChar(xml.charCodeAt(nameEnd - 2));
    let vq = eq + 1;
    while (vq < to && xml.charCodeAt(vq) !== 34 && xml.charCodeAt(vq) !== 39) vq++;
    const vEnd = xml.indexOf(xml[vq], vq + 1);
    if (vq >= to || vEnd < 0) return undefined;
    if (isIt) return xml.slice(vq + 1, vEnd);
    q = vEnd + 1;
  }
  return undefined;
}

export interface XlsxBook {
  readonly sheets: SheetData[];
  readonly definedNames: Record<string, string>;
  readonly customProperties?: Record<string, string>;
  readonly date1904: boolean;
  /** `true` when the package carries a VBA project or declares a macro-enabled workbook. */
  readonly macroEnabled: boolean;
}

const WORKSHEET_REL = /\/worksheet$/;

/** Reads an .xlsx/.xlsm package whose directory `sniff.ts` has checked. Throws `PackageReadError`. */
export interface XlsxReadOptions {
  /** Inflates parts read whole; default fflate. */
  readonly inflate?: RawInflater;
  /** Parts larger than this (bytes, unpacked) are streamed; default `STREAMED_PART_SIZE`. */
  readonly streamAbove?: number;
}

export function readXlsxPackage(bytes: Uint8Array, dir: ZipDirectory, options: XlsxReadOptions = {}): XlsxBook {
  const inflate = options.inflate;
  const streamAbove = options.streamAbove ?? STREAMED_PART_SIZE;
  const partText = (b: Uint8Array, d: ZipDirectory, name: string) => readPartText(b, d, name, inflate);
  // The workbook part: from the package relationships, else the usual name.
  const rootRels = partText(bytes, dir, "_rels/.rels");
  const rels = relationships(rootRels);
  const officeRel = rels.find((r) => r.type.endsWith("/officeDocument"));
  let workbookName = officeRel ? resolvePartName("", officeRel.target) : "xl/workbook.xml";
  if (!findEntry(dir, workbookName)) workbookName = "xl/workbook.xml";
  const workbookXml = partText(bytes, dir, workbookName);
  if (workbookXml === undefined) throw new PackageReadError({ reason: "no_part", part: workbookName });
  const base = workbookName.includes("/") ? workbookName.slice(0, workbookName.lastIndexOf("/")) : "";
  const relsName = `${base ? `${base}/` : ""}_rels/${workbookName.slice(base ? base.length + 1 : 0)}.rels`;

  const part = parseWorkbookPart(workbookXml);
  if (part.sheets.length === 0) {
    throw new PackageReadError({ reason: "no_sheet_list", part: workbookName });
  }
  const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);
  const states = sheetStates(workbookXml);

  const wbRelsXml = partText(bytes, dir, relsName);
  const wbRels = wbRelsXml === undefined ? [] : parseRelationships(wbRelsXml);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const relOfType = (suffix: string) => wbRels.find((r) => r.type.endsWith(suffix));

  const sstRel = relOfType("/sharedStrings");
  const inflater = inflate ?? fflateInflater;
  const sstName = sstRel ? resolvePartName(base, sstRel.target) : `${base}/sharedStrings.xml`;
  const sst = partChunks(bytes, dir, sstName, "si", inflater, streamAbove);
  const sharedStrings = sst === undefined ? [] : parseSharedStringChunks(sst, isStreamed(dir, sstName, streamAbove));
  const stylesRel = relOfType("/styles");
  const stylesXml = partText(bytes, dir, stylesRel ? resolvePartName(base, stylesRel.target) : `${base}/styles.xml`);
  const styleFormats = stylesXml === undefined ? [] : parseStyleFormats(stylesXml);
  const ctx: SheetContext = { sharedStrings, styleFormats, date1904 };

  const sheets: SheetData[] = [];
  part.sheets.forEach((s, i) => {
    const rel = s.relId === undefined ? undefined : byId.get(s.relId);
    // Chart sheets, dialog and macro sheets hold no cells to check.
    if (rel && !WORKSHEET_REL.test(rel.type)) return;
    const partName = rel ? resolvePartName(base, rel.target) : `${base}/worksheets/sheet${i + 1}.xml`;
    const part = partChunks(bytes, dir, partName, "row", inflater, streamAbove);
    if (part === undefined) throw new PackageReadError({ reason: "no_sheet_part", part: partName, sheet: s.name });
    const hidden = states[i];
    sheets.push({
      name: s.name,
      ...parseWorksheetChunks(part, ctx),
      ...(hidden !== undefined ? { hidden } : {}),
    });
  });

  const customRel = rels.find((r) => r.type === REL_TYPES.customProperties);
  const customXml = partText(bytes, dir, customRel ? resolvePartName("", customRel.target) : "docProps/custom.xml");
  const contentTypes = partText(bytes, dir, "[Content_Types].xml") ?? "";
  return {
    sheets,
    definedNames: { ...part.definedNames },
    ...(customXml !== undefined ? { customProperties: parseCustomProperties(customXml) } : {}),
    date1904,
    macroEnabled: isMacroEnabled(contentTypes, workbookName) || findEntry(dir, `${base}/vbaProject.bin`) !== undefined,
  };
}

/** Whether `[Content_Types].xml` declares the workbook part macro-enabled (`…sheet.macroEnabled.main+xml`). */
function isMacroEnabled(contentTypes: string, workbookName: string): boolean {
  const re = /<(?:[\w.-]+:)?Override\b([^>]*)>/g;
  for (let m = re.exec(contentTypes); m; m = re.exec(contentTypes)) {
    const a = parseAttributes(m[1]);
    if ((a.PartName ?? "").replace(/^\//, "").toLowerCase() === workbookName.toLowerCase()) {
      return /macroEnabled/i.test(a.ContentType ?? "");
    }
  }
  return false;
}

/** The state of each `<sheet>` of the workbook part, in order: `true` hidden, `"very"` very hidden. */
function sheetStates(xml: string): (boolean | "very" | undefined)[] {
  const out: (boolean | "very" | undefined)[] = [];
  const tag = newTag();
  let p = 0;
  for (let t = nextTag(xml, p, tag); t; t = nextTag(xml, p, tag)) {
    p = t.end;
    if (t.local !== "sheet" || t.close) continue;
    const a = attributes(xml, t);
    if (a.name === undefined) continue;
    out.push(a.state === "veryHidden" ? "very" : a.state === "hidden" ? true : undefined);
  }
  return out;
}
