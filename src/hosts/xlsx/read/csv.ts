/**
 * CSV and other delimited text, as school information systems export it: UTF-8 with or without a
 * BOM, UTF-16 with a BOM, or Windows-1251 (detected: bytes that are not valid UTF-8 are read as
 * Windows-1251; Russian text in Windows-1251 is practically never valid UTF-8, since its letters
 * are bytes 0xC0–0xFF and a UTF-8 lead byte needs 0x80–0xBF after it — only a letter directly
 * followed by «Ё», «ё», «№» or a typographic sign could pass, e.g. «Я№»); `;`, `,` or tab as the separator (detected, see `detectSeparator`); fields quoted
 * with `"` (RFC 4180), which may hold separators, doubled quotes and line breaks.
 *
 * Every field stays text, exactly as written (an empty field is an empty cell): «12,5», «90 %»,
 * «01.09.2021» and «1.2» reach the core as strings, and the core's own parsers read them as they
 * read such text typed into an Excel cell — a number «1.2» in a plan's «№» column must not become
 * the number 1.2, nor «1.10» the number 1.1. A CSV file is one sheet named after the file.
 */
import type { CellValue, SheetData } from "../../../core/model/sheet";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251";

export const CSV_SEPARATORS = [";", ",", "\t"] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The encoding of delimited text, and how many BOM bytes to skip. */
export function detectEncoding(bytes: Uint8Array): { encoding: CsvEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "windows-1251", bom: 0 };
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const { encoding, bom } = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes.subarray(bom)), encoding };
}

/** Parses delimited text into rows of raw fields (RFC 4180 quoting; CRLF, LF or CR line ends). */
export function parseDelimited(text: string, sep: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  const sepCode = sep.charCodeAt(0);
  let atFieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === 34 /* " */) {
      // A quoted field: up to the closing quote; "" is a quote.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      atFieldStart = false;
      continue;
    }
    if (c === sepCode) {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      row.push(field);
      rows.push(row);
      if (rows.length >= maxRows) return rows;
      row = [];
      field = "";
      atFieldStart = true;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Unquoted text up to the next separator, quote or line end.
    let j = i + 1;
    while (j < n) {
      const k = text.charCodeAt(j);
      if (k === sepCode || k === 10 || k === 13) break;
      j++;
    }
    field += text.slice(i, j);
    atFieldStart = false;
    i = j;
  }
  if (field !== "" || row.length > 0 || !atFieldStart) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The separator: the candidate that occurs, outside quotes, the same number of times (≥ 1) on the
 * most records of the first 50; ties go to `;` (what Excel writes in Russian locales), then tab,
 * then `,`. Text with none of them is one column (`;` is returned).
 */
export function detectSeparator(text: string): CsvSeparator {
  const sample = text.slice(0, 64 * 1024);
  const records: number[][] = []; // per record: counts of ; \t ,
  let counts = [0, 0, 0];
  let quoted = false;
  let blank = true;
  for (let i = 0; i < sample.length && records.length < 50; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) {
      quoted = !quoted;
      blank = false;
    } else if (quoted) continue;
    else if (c === 59) counts[0]++;
    else if (c === 9) counts[1]++;
    else if (c === 44) counts[2]++;
    else if (c === 10 || c === 13) {
      if (!blank) records.push(counts);
      counts = [0, 0, 0];
      blank = true;
      continue;
    }
    if (c !== 32) blank = false;
  }
  // The last record counts only when the sample holds all of it.
  if (!blank && sample.length === text.length && !quoted) records.push(counts);
  const order: CsvSeparator[] = [";", "\t", ","];
  let best: CsvSeparator = ";";
  let bestScore = 0;
  order.forEach((sep, k) => {
    const freq = new Map<number, number>();
    for (const r of records) freq.set(r[k], (freq.get(r[k]) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [n, f] of freq) if (f > modeCount || (f === modeCount && n > mode)) ((mode = n), (modeCount = f));
    if (mode < 1) return;
    const score = modeCount / records.length;
    if (score > bestScore + 1e-9) {
      best = sep;
      bestScore = score;
    }
  });
  return best;
}

const EMPTY_ROW: ReadonlyArray<CellValue> = Object.freeze([]);

/** "Школы.csv" → "Школы" (a sheet name cannot hold []:*?/\ and has at most 31 characters). */
export function csvSheetName(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const clean = base
    .replace(/[[\]:*?/\\]/g, "_")
    .slice(0, 31)
    .trim();
  return clean || "Лист1";
}

export interface CsvSheet {
  readonly sheet: SheetData;
  readonly encoding: CsvEncoding;
  readonly separator: CsvSeparator;
}

/** Reads delimited text bytes into one sheet named after `file`. */
export function readCsv(bytes: Uint8Array, file: string): CsvSheet {
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text);
  const parsed = parseDelimited(text, separator);
  const rows: ReadonlyArray<CellValue>[] = [];
  let last = 0;
  parsed.forEach((fields, r) => {
    let len = fields.length;
    while (len > 0 && fields[len - 1] === "") len--;
    if (len === 0) {
      rows.push(EMPTY_ROW);
      return;
    }
    const out: CellValue[] = new Array<CellValue>(len);
    for (let c = 0; c < len; c++) out[c] = fields[c] === "" ? null : fields[c];
    rows.push(out);
    last = r + 1;
  });
  rows.length = last;
  return { sheet: { name: csvSheetName(file), rows }, encoding, separator };
}
