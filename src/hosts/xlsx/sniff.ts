/**
 * Recognise what a file is before handing it to a reader, so that each format goes to the reader
 * that can open it (.xlsx/.xlsm, .xls, .ods, CSV) and a PDF, a Word document or a
 * password-protected workbook gets a message that says so instead of a parser's error; and
 * refuse archives that would unpack to something huge. Browser-safe.
 */
import { readErrors, type FoundKind } from "./errors";
import {
  MAX_ZIP_ENTRIES,
  ZipFormatError,
  findEntry,
  readZipDirectory,
  storedEntryBytes,
  type ZipDirectory,
} from "./zip";

export interface ReadLimits {
  /** Largest accepted file, bytes. Default 25 MB. */
  readonly maxBytes?: number;
  /** Largest accepted total of the declared uncompressed sizes, bytes. Default 500 MB. */
  readonly maxUncompressedBytes?: number;
  /** Largest accepted compression ratio of a large part. Default 100. */
  readonly maxCompressionRatio?: number;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_UNCOMPRESSED = 500 * 1024 * 1024;
export const DEFAULT_MAX_RATIO = 100;
/** The ratio limit applies to parts larger than this when unpacked (small parts compress wildly). */
export const RATIO_MIN_PART_SIZE = 16 * 1024 * 1024;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: ReadonlyArray<number>): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  return Array.from(s, (ch) => ch.charCodeAt(0));
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/** Byte-string search (first-byte scan; the patterns are short and rare). */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ENCRYPTION_STREAMS = [utf16le("EncryptionInfo"), utf16le("EncryptedPackage")];
const WORD_STREAM = utf16le("WordDocument");
const POWERPOINT_STREAM = utf16le("PowerPoint Document");

function hexPrefix(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}

/** Classifies bytes that look like text: HTML, XML Spreadsheet 2003, CSV or plain text; `undefined` if binary. */
export function classifyText(bytes: Uint8Array): FoundKind | undefined {
  let head = bytes.subarray(0, 8192);
  let text: string;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    text = new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head.subarray(2));
  } else {
    if (startsWith(head, [0xef, 0xbb, 0xbf])) head = head.subarray(3);
    let control = 0;
    for (const b of head) {
      if (b === 0) return undefined;
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    }
    if (control > head.length / 50) return undefined;
    // UTF-8 or a single-byte Cyrillic code page: either way the ASCII structure below is readable.
    text = new TextDecoder("utf-8").decode(head);
  }
  const start = text.trimStart().slice(0, 2048).toLowerCase();
  if (start.startsWith("<?xml") && start.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
  if (start.includes("urn:schemas-microsoft-com:office:spreadsheet") && start.includes("<workbook")) return "xml2003";
  if (/^<(!doctype html|html|head|body|table|meta)\b/.test(start) || /<html[\s>]/.test(start)) return "html";
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  if (lines.length > 0) {
    for (const sep of [";", ",", "\t"]) {
      const counts = lines.map((l) => l.split(sep).length - 1);
      if (counts[0] > 0 && counts.filter((c) => c > 0).length >= Math.ceil(lines.length * 0.8)) return "csv";
    }
  }
  return "text";
}

/** What a ZIP archive without `xl/workbook.xml` is. */
function classifyZip(bytes: Uint8Array, dir: ZipDirectory): FoundKind {
  if (findEntry(dir, "xl/workbook.bin")) return "xlsb";
  if (findEntry(dir, "word/document.xml")) return "docx";
  if (findEntry(dir, "ppt/presentation.xml")) return "pptx";
  const mimetype = findEntry(dir, "mimetype");
  if (mimetype && findEntry(dir, "content.xml")) {
    const raw = storedEntryBytes(bytes, mimetype);
    const text = raw ? new TextDecoder().decode(raw) : "";
    return text.includes("opendocument.spreadsheet") ? "ods" : "opendocument";
  }
  return "zip";
}

function checkZip(bytes: Uint8Array, file: string, limits: ReadLimits): SniffedWorkbook {
  let dir: ZipDirectory;
  try {
    dir = readZipDirectory(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) {
      throw readErrors.corrupt(file, { reason: "zip_directory" }, e);
    }
    throw e;
  }

  if (dir.declaredCount > MAX_ZIP_ENTRIES) {
    throw readErrors.zipBombEntries(file, dir.declaredCount, MAX_ZIP_ENTRIES);
  }
  const maxTotal = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED;
  if (dir.totalUncompressed > maxTotal) {
    throw readErrors.zipBombTotal(file, dir.totalUncompressed, maxTotal);
  }
  const maxRatio = limits.maxCompressionRatio ?? DEFAULT_MAX_RATIO;
  for (const e of dir.entries) {
    if (e.uncompressedSize > RATIO_MIN_PART_SIZE) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > maxRatio) {
        throw readErrors.zipBombRatio(file, e.name, ratio, maxRatio);
      }
    }
  }

  if (!findEntry(dir, "[Content_Types].xml") || !findEntry(dir, "xl/workbook.xml")) {
    const found = classifyZip(bytes, dir);
    if (found === "ods") {
      const manifest = findEntry(dir, "META-INF/manifest.xml");
      const text = manifest ? storedEntryBytes(bytes, manifest) : undefined;
      // An encrypted ODF package lists `manifest:encryption-data`; its manifest is usually
      // deflated, so the sniffer only sees a stored one; the reader catches the rest.
      if (text && new TextDecoder().decode(text).includes("encryption-data")) {
        throw readErrors.encrypted(file);
      }
      return { format: "ods", dir };
    }
    throw readErrors.notXlsx(file, found, found === "zip" ? "no_parts" : undefined);
  }
  return { format: "xlsx", dir };
}

/** What `sniffWorkbook` found: the reader to use, with the ZIP directory of a package. */
export type SniffedWorkbook =
  | { readonly format: "xlsx"; readonly dir: ZipDirectory }
  | { readonly format: "ods"; readonly dir: ZipDirectory }
  | { readonly format: "xls" }
  | { readonly format: "csv" };

/** Names under which delimited text is expected even when it has a single column. */
const TEXT_TABLE_NAME = /\.(csv|tsv|txt)$/i;

/**
 * Says which reader can open `bytes` (named `file`), after the size, zip-bomb and encryption
 * checks; otherwise throws a `WorkbookReadError` that names the file and says what it is instead.
 */
export function sniffWorkbook(bytes: Uint8Array, file: string, limits: ReadLimits = {}): SniffedWorkbook {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw readErrors.notXlsx(file, "empty");
  if (bytes.length > maxBytes) {
    throw readErrors.tooLarge(file, bytes.length, maxBytes);
  }

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return checkZip(bytes, file, limits);
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw readErrors.notXlsx(file, "zip", "empty_archive");

  if (startsWith(bytes, CFB_MAGIC)) {
    // An OLE compound file: Excel wraps a password-protected .xlsx in one (streams
    // "EncryptionInfo" and "EncryptedPackage", names stored in UTF-16LE); a Word or PowerPoint
    // 97–2003 file has its own stream; otherwise it is taken for an Excel 97–2003 workbook
    // (stream "Workbook" or "Book"), whose own encryption the .xls reader detects.
    if (ENCRYPTION_STREAMS.some((n) => indexOfBytes(bytes, n) >= 0)) {
      throw readErrors.encrypted(file);
    }
    if (indexOfBytes(bytes, WORD_STREAM) >= 0) throw readErrors.notXlsx(file, "doc");
    if (indexOfBytes(bytes, POWERPOINT_STREAM) >= 0) throw readErrors.notXlsx(file, "unknown", "ppt");
    return { format: "xls" };
  }

  if (startsWith(bytes, ascii("%PDF"))) throw readErrors.notXlsx(file, "pdf");
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, ascii("GIF8"))
  ) {
    throw readErrors.notXlsx(file, "image");
  }
  if (
    startsWith(bytes, ascii("Rar!")) ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(bytes, [0x1f, 0x8b])
  ) {
    throw readErrors.notXlsx(file, "archive");
  }

  const text = classifyText(bytes);
  if (text === "csv" || (text === "text" && TEXT_TABLE_NAME.test(file))) return { format: "csv" };
  if (text) throw readErrors.notXlsx(file, text);
  throw readErrors.notXlsx(file, "unknown", "first_bytes", hexPrefix(bytes));
}

/**
 * Checks that `bytes` are an .xlsx/.xlsm package and returns its ZIP directory (for writers that
 * patch the package); any other format, readable or not, throws a `WorkbookReadError`.
 */
export function checkWorkbookBytes(bytes: Uint8Array, file: string, limits: ReadLimits = {}): ZipDirectory {
  const found = sniffWorkbook(bytes, file, limits);
  if (found.format === "xlsx") return found.dir;
  if (found.format === "xls") throw readErrors.legacyXls(file);
  throw readErrors.notXlsx(file, found.format === "ods" ? "ods" : "csv");
}
