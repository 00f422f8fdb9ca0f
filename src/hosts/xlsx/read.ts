/**
 * The file host's reader: a workbook's bytes → the core's `WorkbookData`, whatever schools send.
 * Browser-safe (no `fs`); `node.ts` adds reading from a path.
 *
 * | format | detected by (`sniff.ts`) | reader |
 * | --- | --- | --- |
 * | .xlsx, .xlsm | ZIP with `xl/workbook.xml` | `read/xlsx.ts`: fflate + a tag scanner (fastest, measured) |
 * | .xls (Excel 97–2003) | OLE compound file | `read/sheetjs.ts`: SheetJS CE 0.20.3 (`@e965/xlsx`) |
 * | .ods | ZIP with an OpenDocument spreadsheet `mimetype` | `read/sheetjs.ts` |
 * | .csv, .txt | delimited text, or any text named .csv/.tsv/.txt | `read/csv.ts`: one sheet named after the file |
 *
 * What the user sees is what we return: cached formula results (not formulas), error values as
 * `{ error }`, rich text as its plain text, numbers in date-formatted cells as UTC `Date`s in both
 * the 1900 and the 1904 date systems, the number formats of dates and percentages, merged areas,
 * hidden state, workbook-scoped defined names, and Sverka's properties: custom document
 * properties merged over the key/value rows A:B of a sheet named `_sverka` (which stays in
 * `sheets`, marked very hidden).
 *
 * A file no reader can open throws `WorkbookReadError` with a Russian message that names the file
 * and what it is; a library's own error text only ever travels as the `cause`.
 */
import type { SheetData, WorkbookData } from "../../core/model/sheet";
import { workbookProperties } from "../../core/model/properties";
import { readErrors, type WorkbookFormat } from "./errors";
import { readCsv } from "./read/csv";
import { PackageReadError, readXlsxPackage, type RawInflater } from "./read/xlsx";
import { sniffWorkbook, type ReadLimits } from "./sniff";

export interface ReadWorkbookOptions extends ReadLimits {
  /** Inflates package parts; default fflate (browser-safe). `node.ts` passes Node's zlib. */
  readonly inflateRaw?: RawInflater;
}

/** The name of the sheet that carries Sverka's own key/value properties in ExcelJS-written files. */
export { PROPERTIES_SHEET } from "../../core/model/properties";

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

interface ReadBook {
  readonly sheets: SheetData[];
  readonly definedNames?: Record<string, string>;
  readonly customProperties?: Record<string, string>;
}

/** A workbook read from bytes, and the format it was read as. */
export interface ReadResult {
  readonly workbook: WorkbookData;
  readonly format: WorkbookFormat;
}

function readXlsx(
  bytes: Uint8Array,
  name: string,
  dir: Parameters<typeof readXlsxPackage>[1],
  inflate: RawInflater | undefined,
): ReadResult {
  const macro = /\.xlsm$/i.test(name);
  try {
    const book = readXlsxPackage(bytes, dir, { inflate });
    return { workbook: assemble(name, book), format: macro || book.macroEnabled ? "xlsm" : "xlsx" };
  } catch (e) {
    throw readErrors.corrupt(name, e instanceof PackageReadError ? e.reason : { reason: "parts" }, e);
  }
}

async function readBiffOrOds(bytes: Uint8Array, name: string, format: "xls" | "ods"): Promise<ReadResult> {
  const { SheetJsEncryptedError, readWithSheetJs } = await loadSheetJs();
  try {
    return { workbook: assemble(name, readWithSheetJs(bytes)), format };
  } catch (e) {
    if (e instanceof SheetJsEncryptedError) {
      throw readErrors.encrypted(name, e);
    }
    if (format === "xls") throw readErrors.legacyXls(name, e);
    throw readErrors.corruptFormat(name, "ods", { reason: "ods_content" }, e);
  }
}

type SheetJsReader = typeof import("./read/sheetjs.js");

/** Defined in webpack bundles only (the pane and the standalone page). */
declare const __webpack_require__: unknown;

/**
 * SheetJS (with its code-page tables, ~0.25 s to evaluate) loads on first use: .xlsx and CSV
 * never pay for it, nor does the CLI's start. In webpack bundles it is a chunk of its own
 * (`import()`); under Node (the CLI's esbuild bundle, tsx, jest) a `require` here evaluates it
 * lazily, on this call, which jest's CommonJS runtime can do and `import()` there cannot.
 */
async function loadSheetJs(): Promise<SheetJsReader> {
  if (typeof __webpack_require__ !== "function" && typeof require === "function") {
    return require("./read/sheetjs") as SheetJsReader;
  }
  return import(/* webpackChunkName: "sheetjs-reader" */ "./read/sheetjs.js");
}

function assemble(name: string, book: ReadBook): WorkbookData {
  const properties = workbookProperties(book.sheets, book.customProperties);
  const definedNames = book.definedNames ?? {};
  return {
    name,
    sheets: book.sheets,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(Object.keys(definedNames).length > 0 ? { definedNames } : {}),
  };
}

/** Like `readWorkbook`, and also which format the bytes were (for writers: only .xlsx/.xlsm can be patched). */
export async function readWorkbookWithFormat(
  data: ArrayBuffer | Uint8Array,
  name: string,
  options: ReadWorkbookOptions = {},
): Promise<ReadResult> {
  const bytes = toBytes(data);
  const found = sniffWorkbook(bytes, name, options);
  switch (found.format) {
    case "xlsx":
      return readXlsx(bytes, name, found.dir, options.inflateRaw);
    case "xls":
    case "ods":
      return readBiffOrOds(bytes, name, found.format);
    case "csv":
      return { workbook: assemble(name, { sheets: [readCsv(bytes, name).sheet] }), format: "csv" };
  }
}

/**
 * Reads a workbook (.xlsx, .xlsm, .xls, .ods, .csv). Throws `WorkbookReadError` (with a Russian
 * message naming `name`) when the bytes are none of these, a password-protected file, a damaged
 * one, a file over `maxBytes` (25 MB by default) or a zip bomb.
 */
export async function readWorkbook(
  data: ArrayBuffer | Uint8Array,
  name: string,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookData> {
  return (await readWorkbookWithFormat(data, name, options)).workbook;
}
