/**
 * Writing a sample grid (`gridTypes.ts`) as an .xlsx workbook with ExcelJS: values, dates as
 * real dates shown dd.mm.yyyy, merges, column widths, wrapped top-aligned text. The output is
 * byte-for-byte deterministic, so rebuilt samples do not churn in version control.
 */
import { Workbook, type Alignment, type CellErrorValue, type Worksheet } from "exceljs";
import type { SampleCell, SampleSheet, SampleWorkbook } from "./gridTypes";
import { parseA1 } from "../../core/model/address";
import { readZipDirectory } from "./zip";

/** Fixed document and ZIP entry timestamps: 2020-01-01 00:00 UTC. */
export const FIXED_TIMESTAMP = new Date(Date.UTC(2020, 0, 1));
export const DATE_FORMAT = "dd.mm.yyyy";
export const MIN_AUTO_WIDTH = 8;
export const MAX_AUTO_WIDTH = 50;

const CELL_ALIGNMENT: Partial<Alignment> = { wrapText: true, vertical: "top" };

type ExcelError = CellErrorValue["error"];

/** Formula written for an error cell without its own formula, by error value. */
const ERROR_FORMULAS: Readonly<Record<ExcelError, string>> = {
  "#DIV/0!": "1/0",
  "#N/A": "NA()",
  "#REF!": "#REF!",
  "#NAME?": "NOSUCHFUNCTION()",
  "#NUM!": "SQRT(-1)",
  "#VALUE!": '"a"+1',
  "#NULL!": "A1 B1",
};

/** Freezes the top `rows` rows of `ws` (the header stays in view while scrolling). */
export function freezeRows(ws: Worksheet, rows: number, activeCell = "A1"): void {
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: rows, topLeftCell: `A${rows + 1}`, activeCell }];
}

function isExcelError(e: string): e is ExcelError {
  return Object.prototype.hasOwnProperty.call(ERROR_FORMULAS, e);
}

function isErrorCell(v: SampleCell): v is { error: string; formula?: string } {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function cellLength(v: SampleCell): number {
  if (v === null) return 0;
  if (v instanceof Date) return DATE_FORMAT.length;
  if (isErrorCell(v)) return v.error.length;
  if (typeof v === "string") {
    let longest = 0;
    for (const line of v.split("\n")) if (line.length > longest) longest = line.length;
    return longest;
  }
  return String(v).length;
}

/** Widths in characters: the sample's own where given, else fitted to the longest line (clamped). */
export function columnWidths(sheet: SampleSheet): number[] {
  const merged = new Set<string>();
  for (const range of sheet.merges ?? []) {
    const [a, b] = range.split(":");
    const tl = parseA1(a);
    const br = parseA1(b ?? a);
    // Text of a merged area spanning several columns does not size its first column.
    if (br.col > tl.col) merged.add(`${tl.row}:${tl.col}`);
  }
  const widths: number[] = [];
  sheet.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (merged.has(`${r + 1}:${c + 1}`)) return;
      const want = Math.min(MAX_AUTO_WIDTH, Math.max(MIN_AUTO_WIDTH, cellLength(v) + 2));
      if (want > (widths[c] ?? 0)) widths[c] = want;
    });
  });
  const n = Math.max(widths.length, sheet.widths?.length ?? 0);
  const out: number[] = [];
  for (let c = 0; c < n; c++) out.push(sheet.widths?.[c] ?? widths[c] ?? MIN_AUTO_WIDTH);
  return out;
}

function writeSheet(ws: Worksheet, sheet: SampleSheet): void {
  sheet.rows.forEach((row, r) => {
    if (row.length === 0) return;
    const xlRow = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = xlRow.getCell(c + 1);
      if (isErrorCell(v)) {
        // A formula with a cached error result, as Excel saves it.
        const error = v.error;
        if (!isExcelError(error)) throw new Error(`${sheet.name}: unknown Excel error value ${error}`);
        cell.value = { formula: v.formula ?? ERROR_FORMULAS[error], result: { error } };
        cell.alignment = CELL_ALIGNMENT;
        return;
      }
      // Strings stay strings even when they start with "=": ExcelJS writes formulas only from
      // `{ formula }` objects.
      cell.value = v;
      if (v instanceof Date) cell.numFmt = DATE_FORMAT;
      cell.alignment = CELL_ALIGNMENT;
    });
  });
  for (const range of sheet.merges ?? []) ws.mergeCells(range);
  columnWidths(sheet).forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
}

/**
 * Sets the DOS date/time of every local and central ZIP header to `FIXED_TIMESTAMP` (JSZip stamps
 * entries with the current time). These fields are not covered by the CRC.
 */
export function fixZipTimestamps(bytes: Uint8Array): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const d = FIXED_TIMESTAMP;
  const dosTime = 0;
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  for (const e of readZipDirectory(bytes).entries) {
    dv.setUint16(e.localHeaderOffset + 10, dosTime, true);
    dv.setUint16(e.localHeaderOffset + 12, dosDate, true);
    dv.setUint16(e.centralHeaderOffset + 12, dosTime, true);
    dv.setUint16(e.centralHeaderOffset + 14, dosDate, true);
  }
}

export async function gridToXlsx(sample: SampleWorkbook): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.creator = "Sverka";
  wb.lastModifiedBy = "Sverka";
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  for (const sheet of sample.sheets) {
    writeSheet(wb.addWorksheet(sheet.name, sheet.state ? { state: sheet.state } : undefined), sheet);
  }
  return writeDeterministic(wb);
}

/** ExcelJS's buffer as bytes, with fixed ZIP timestamps so a rebuilt file does not churn. */
export async function writeDeterministic(wb: { xlsx: { writeBuffer(): Promise<unknown> } }): Promise<Uint8Array> {
  const out: unknown = await wb.xlsx.writeBuffer();
  const bytes =
    out instanceof Uint8Array
      ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
      : out instanceof ArrayBuffer
        ? new Uint8Array(out)
        : undefined;
  if (!bytes) throw new TypeError("ExcelJS returned an unexpected buffer type");
  fixZipTimestamps(bytes);
  return bytes;
}
