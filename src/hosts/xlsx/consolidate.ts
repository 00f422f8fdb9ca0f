/**
 * Consolidation on the xlsx host (browser and Node): school files are read one at a time with the
 * reader (a hostile file becomes that file's `unreadable` entry, never the batch's end), checked
 * and planned by the core (`core/consolidate`), and the plan is applied to a copy of the master
 * with ExcelJS. Everything else of the master is kept as in `writeDashboard.ts`: what ExcelJS
 * loses on the round trip is repaired or reported (`preserve.ts`).
 *
 * ExcelJS moves rows without adjusting formulas: on a sheet where formulas or merged cells lie
 * below the replaced rows, those rows are cleared instead of deleted (the new rows go after the
 * table) and a warning says so. Excel itself (the Office.js host) deletes them properly.
 */
import { Workbook, type CellValue as ExcelCellValue, type Worksheet } from "exceljs";
import { collectConsolidation as collect, type CollectProgress } from "../../core/consolidate/collect";
import type { ConsolidateOptions } from "../../core/consolidate/consolidate";
import type { Consolidation, ConsolidationPlan, PlanCell, SheetPlan } from "../../core/consolidate/types";
import type { WorkbookData } from "../../core/model/sheet";
import type { ConsolidationSource } from "../host";
import { styleHeader } from "./blankTemplate";
import { WorkbookReadError, readMessages } from "./errors";
import { repairRoundTrip, snapshotPackage } from "./preserve";
import { readWorkbook } from "./read";
import { DATE_FORMAT, fixZipTimestamps, freezeRows } from "./writeGrid";

/** A school file the host can read (a path on disk, a browser `File` …). */
export type { ConsolidationSource } from "../host";

/** Progress of a consolidation: files read so far, then the write. */
export type ConsolidationProgress = CollectProgress;

export interface ConsolidateXlsxOptions extends ConsolidateOptions {
  onProgress?: (p: ConsolidationProgress) => void;
}

export interface ConsolidateXlsxResult {
  consolidation: Consolidation;
  /** The .xlsx bytes of the consolidated copy of the master. */
  data: Uint8Array;
  /** What the user should know about the copy (Russian). */
  warnings: string[];
}

function errorText(e: unknown): string {
  if (typeof e === "object" && e !== null && "message" in e && typeof e.message === "string") return e.message;
  return String(e);
}

/** A read failure as the file's code and message: the reader's, or CORRUPT for anything else. */
export function readFailure(file: string, e: unknown): { code: string; message: string } {
  if (e instanceof WorkbookReadError) return { code: e.code, message: e.message };
  return { code: "CORRUPT", message: readMessages.corrupt(file, `техническая причина: ${errorText(e)}`) };
}

/**
 * Consolidates `sources` into a copy of the master: reads each file (one at a time), checks and
 * plans (core), writes the copy. The master itself is never changed.
 */
export async function consolidateXlsx(
  master: { file: string; bytes: Uint8Array; workbook?: WorkbookData },
  sources: readonly ConsolidationSource[],
  options: ConsolidateXlsxOptions,
): Promise<ConsolidateXlsxResult> {
  const masterWb = master.workbook ?? (await readWorkbook(master.bytes, master.file));
  const consolidation = await collectConsolidation({ ...masterWb, name: master.file }, sources, options);
  const { data, warnings } = await applyConsolidationPlan(master.bytes, consolidation.plan);
  return { consolidation, data, warnings };
}

/**
 * Reads each source (one at a time; a file that cannot be read becomes its `unreadable` entry),
 * checks and plans it against `master` (core): the report and the plan, nothing written.
 */
export function collectConsolidation(
  master: WorkbookData,
  sources: readonly ConsolidationSource[],
  options: ConsolidateXlsxOptions,
): Promise<Consolidation> {
  return collect(master, sources, { ...options, readFailure });
}

function toExcel(v: PlanCell): ExcelCellValue {
  return v;
}

/** Formulas or merged cells at or below `row`: ExcelJS would move them without adjusting references. */
function movesBadly(ws: Worksheet, row: number): boolean {
  const merges: unknown = (ws as unknown as { _merges?: unknown })._merges;
  if (typeof merges === "object" && merges !== null)
    for (const m of Object.values(merges as Record<string, { model?: { bottom?: number } }>))
      if ((m.model?.bottom ?? 0) >= row) return true;
  let found = false;
  ws.eachRow((r, n) => {
    if (found || n < row) return;
    r.eachCell((cell) => {
      if (cell.formulaType) found = true;
    });
  });
  return found;
}

function applySheet(wb: Workbook, p: SheetPlan, warnings: string[]): void {
  let ws = wb.getWorksheet(p.sheet);
  if (p.create || !ws) {
    ws = wb.addWorksheet(p.sheet);
    freezeRows(ws, p.headerRow);
  }
  if (p.header.length) {
    styleHeader(
      ws,
      p.headerRow,
      p.header.map((title) => ({ title })),
    );
    p.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  if (p.sourceHeader) {
    const cell = ws.getCell(p.headerRow, p.sourceColumn);
    if (p.sourceColumn > 1) cell.style = { ...ws.getCell(p.headerRow, p.sourceColumn - 1).style };
    cell.value = "Источник";
    const col = ws.getColumn(p.sourceColumn);
    if (!col.width || col.width < 20) col.width = 28;
  }

  let appendAt = p.appendAt;
  if (p.deleteRows.length) {
    if (movesBadly(ws, p.deleteRows[0])) {
      // Clear instead of delete: nothing moves.
      for (const r of p.deleteRows) {
        const row = ws.getRow(r);
        row.eachCell({ includeEmpty: false }, (cell) => (cell.value = null));
      }
      appendAt += p.deleteRows.length;
      warnings.push(
        `Лист «${p.sheet}»: ниже строк прежнего импорта есть формулы или объединённые ячейки, поэтому ${p.deleteRows.length} строк(и) прежнего импорта очищены, а не удалены (пустые строки можно удалить в Excel).`,
      );
    } else for (const run of p.deleteRuns) ws.spliceRows(run.start, run.count);
  }

  // Appended rows take the style of the table's last data row, if there is one.
  const styleRow = appendAt - 1 > p.headerRow ? ws.getRow(appendAt - 1) : null;
  const styles = styleRow ? Array.from({ length: p.width }, (_, c) => styleRow.getCell(c + 1).style) : [];
  p.rows.forEach((cells, i) => {
    const row = ws.getRow(appendAt + i);
    cells.forEach((v, c) => {
      const style = styles[c];
      if (v === null && !style) return;
      const cell = row.getCell(c + 1);
      if (style) cell.style = { ...style };
      if (v === null) return;
      // A string stays text even when it starts with «=»: ExcelJS makes formulas only of `{ formula }`.
      cell.value = toExcel(v);
      if (v instanceof Date && !/[dmy]/i.test(cell.numFmt ?? "")) cell.numFmt = DATE_FORMAT;
    });
  });
}

/** A copy of the master (`bytes`) with the plan applied; everything else kept (or reported). */
export async function applyConsolidationPlan(
  bytes: Uint8Array,
  plan: ConsolidationPlan,
): Promise<{ data: Uint8Array; warnings: string[] }> {
  const snapshot = await snapshotPackage(bytes);
  const wb = new Workbook();
  // ExcelJS's typings ask for a Node Buffer; JSZip underneath takes any Uint8Array.
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  const warnings: string[] = [];
  for (const p of plan.sheets) applySheet(wb, p, warnings);
  const out: unknown = await wb.xlsx.writeBuffer();
  const written =
    out instanceof Uint8Array
      ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
      : new Uint8Array(out as ArrayBuffer);
  const repaired = await repairRoundTrip(snapshot, written, {
    removedSheets: [],
    replacedSheets: [],
    ownNames: new Set(),
    ownSheets: [],
  });
  fixZipTimestamps(repaired.bytes);
  return {
    data: repaired.bytes,
    warnings: [...warnings, ...repaired.warnings],
  };
}

/**
 * Fills sheets of a workbook (e.g. a blank template) with rows below their header: for samples
 * and benchmarks that need school files as a school would send them. `rows` go from `startRow`.
 */
export async function fillWorkbook(
  bytes: Uint8Array,
  fills: readonly {
    sheet: string;
    startRow: number;
    rows: readonly PlanCell[][];
  }[],
): Promise<Uint8Array> {
  const plan: ConsolidationPlan = {
    sheets: fills.map((f) => {
      const width = Math.max(0, ...f.rows.map((r) => r.length));
      return {
        sheet: f.sheet,
        spec: "schools" as const,
        create: false,
        header: [],
        widths: [],
        headerRow: f.startRow - 1,
        sourceColumn: 1,
        sourceHeader: false,
        deleteRows: [],
        deleteRuns: [],
        appendAt: f.startRow,
        width,
        rows: f.rows.map((r) => [...r, ...new Array<PlanCell>(width - r.length).fill(null)]),
      };
    }),
  };
  return (await applyConsolidationPlan(bytes, plan)).data;
}
