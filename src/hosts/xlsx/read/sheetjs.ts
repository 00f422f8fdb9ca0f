/**
 * `.xls` (Excel 97–2003, BIFF inside an OLE compound file) and `.ods` (OpenDocument) through
 * SheetJS CE 0.20.3, published on npm as `@e965/xlsx` (never npm's `xlsx` 0.18.5, which carries
 * CVE-2023-30533 and CVE-2024-22363). Dense sheets, raw values and number formats only: the
 * conversion to what the user sees is ours, as for the .xlsx path.
 */
import { read as sheetjsRead, type CellObject, type WorkBook, type WorkSheet } from "@e965/xlsx";
import { excelSerialToDate } from "../../../core/model/dates";
import { classifyFormat } from "../../../core/model/numberFormats";
import type { CellValue, MergedArea, SheetData } from "../../../core/model/sheet";

/** BIFF error codes (MS-XLS 2.5.97.2 BErr) → the text Excel shows. */
const BIFF_ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

const EMPTY_ROW: ReadonlyArray<CellValue> = Object.freeze([]);

/**
 * Names SheetJS also puts among `Custprops` of an .xls: the standard summary properties
 * ([MS-OLEPS] SummaryInformation / DocumentSummaryInformation) and its own bookkeeping. Only the
 * user's custom properties are custom properties.
 */
const STANDARD_PROPERTIES = new Set([
  "Title",
  "Subject",
  "Author",
  "Keywords",
  "Comments",
  "Template",
  "LastAuthor",
  "RevNumber",
  "EditTime",
  "LastPrinted",
  "CreatedDate",
  "ModifiedDate",
  "PageCount",
  "WordCount",
  "CharCount",
  "Thumbnail",
  "Application",
  "AppName",
  "DocSecurity",
  "Security",
  "CodePage",
  "Category",
  "PresentationFormat",
  "ByteCount",
  "LineCount",
  "ParagraphCount",
  "SlideCount",
  "NoteCount",
  "HiddenCount",
  "MultimediaClipCount",
  "ScaleCrop",
  "HeadingPairs",
  "TitlesOfParts",
  "Manager",
  "Company",
  "LinksUpToDate",
  "CharCountWithSpaces",
  "SharedDoc",
  "HyperlinkBase",
  "HLinks",
  "HyperlinksChanged",
  "DigSig",
  "ContentStatus",
  "Language",
  "Version",
  "FMTID",
  "SystemIdentifier",
  "Locale",
  "Behavior",
]);

export interface SheetJsBook {
  readonly sheets: SheetData[];
  readonly definedNames: Record<string, string>;
  readonly customProperties?: Record<string, string>;
  readonly date1904: boolean;
}

/** SheetJS refused the file because it is password-protected. */
export class SheetJsEncryptedError extends Error {
  override readonly name = "SheetJsEncryptedError";
}

function cellValue(cell: CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case "s":
      return typeof cell.v === "string" ? cell.v : cell.v === undefined ? null : String(cell.v);
    case "b":
      return cell.v === true;
    case "e": {
      if (typeof cell.w === "string" && cell.w.startsWith("#")) return { error: cell.w };
      return { error: typeof cell.v === "number" ? (BIFF_ERRORS[cell.v] ?? "#VALUE!") : "#VALUE!" };
    }
    case "d": {
      const v: unknown = cell.v;
      if (v instanceof Date) return v;
      return typeof v === "string" ? new Date(v) : null;
    }
    case "n": {
      if (typeof cell.v !== "number") return null;
      return classifyFormat(typeof cell.z === "string" ? cell.z : undefined) === "date"
        ? excelSerialToDate(cell.v, date1904)
        : cell.v;
    }
    default:
      return null;
  }
}

function convertSheet(name: string, ws: WorkSheet, date1904: boolean, hidden: boolean | "very" | undefined): SheetData {
  const data: unknown = ws["!data"];
  const dense: (CellObject[] | undefined)[] = Array.isArray(data) ? (data as (CellObject[] | undefined)[]) : [];
  const rows: ReadonlyArray<CellValue>[] = [];
  let formats: (string | undefined)[][] | undefined;
  let lastRow = 0;
  dense.forEach((row, r) => {
    if (!row) return;
    const out: CellValue[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const z = typeof cell.z === "string" ? cell.z : undefined;
      if (
        z !== undefined &&
        (cell.t === "n" || cell.t === "d" || cell.f !== undefined) &&
        classifyFormat(z) !== "other"
      ) {
        formats ??= [];
        (formats[r] ??= [])[c] = z;
      }
      const v = cellValue(cell, date1904);
      if (v === null || v === "") return;
      while (out.length < c) out.push(null);
      out[c] = v;
    });
    if (out.length > 0) {
      rows[r] = out;
      lastRow = r + 1;
    }
  });
  for (let i = 0; i < lastRow; i++) if (rows[i] === undefined) rows[i] = EMPTY_ROW;
  rows.length = lastRow;
  const merges: MergedArea[] = (ws["!merges"] ?? [])
    .map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return {
    name,
    rows,
    ...(formats ? { formats } : {}),
    ...(merges.length > 0 ? { merges } : {}),
    ...(hidden !== undefined ? { hidden } : {}),
  };
}

/**
 * Runs SheetJS with `console.error`/`warn` silenced: it prints notes such as «ODS number format may
 * be incorrect» there, which would reach the CLI's stderr and the page's console as if ours. The
 * call is synchronous, so nothing else runs while the console is swapped.
 */
function quietly<T>(run: () => T): T {
  const { error, warn } = console;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** Reads `.xls` or `.ods` bytes. Throws `SheetJsEncryptedError` for password-protected files, else SheetJS's error. */
export function readWithSheetJs(bytes: Uint8Array): SheetJsBook {
  let wb: WorkBook;
  try {
    wb = quietly(() =>
      sheetjsRead(bytes, {
        type: "array",
        dense: true,
        cellNF: true,
        cellDates: false,
        cellText: false,
        cellHTML: false,
        cellStyles: false,
        bookVBA: false,
      }),
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password-protected|Encryption scheme unsupported/i.test(message))
      throw new SheetJsEncryptedError(message, { cause: e });
    throw e;
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets = wb.SheetNames.map((name, i) => {
    const h = meta[i]?.Hidden;
    return convertSheet(name, wb.Sheets[name], date1904, h === 2 ? "very" : h === 1 ? true : undefined);
  });
  const definedNames: Record<string, string> = {};
  for (const n of wb.Workbook?.Names ?? []) {
    if (n.Sheet === undefined && typeof n.Name === "string" && !n.Name.startsWith("_xlnm.")) {
      definedNames[n.Name] = n.Ref;
    }
  }
  const custom: unknown = wb.Custprops;
  let customProperties: Record<string, string> | undefined;
  if (typeof custom === "object" && custom !== null) {
    customProperties = {};
    for (const [k, v] of Object.entries(custom as Record<string, unknown>)) {
      if (STANDARD_PROPERTIES.has(k)) continue;
      customProperties[k] = v instanceof Date ? v.toISOString() : String(v);
    }
    if (Object.keys(customProperties).length === 0) customProperties = undefined;
  }
  return { sheets, definedNames, ...(customProperties ? { customProperties } : {}), date1904 };
}
