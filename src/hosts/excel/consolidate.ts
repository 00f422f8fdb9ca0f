/**
 * Consolidation into the open workbook (the master) through Office.js: the core's plan
 * (`core/consolidate/types.ts`) applied with range operations, and an exact undo.
 *
 * Apply — syncs do not depend on the number of rows or files:
 * (1) the sheets, Sverka's stored undo record, each planned sheet's used range (values only);
 * (2) only when needed: the rows about to be replaced (`values`, `formulas`, `numberFormat`, for
 *     the undo), the number formats of the row whose look the new rows copy, the width of the
 *     «Источник» column (more requests only when those rows pass Excel's 5 MB response:
 *     `loadInRequests` of `read.ts`);
 * (3) the writes, with screen updating suspended: the undo record (custom XML part(s)), created
 *     sheets with the template's header, the «Источник» header cell, the replaced rows deleted
 *     (`Range.delete("Up")`, one call per contiguous run, bottom-up, so Excel adjusts formulas and
 *     merges as a user's deletion would), the new rows' formats copied from the table's last row
 *     (`copyFrom(…, "Formats")`) and their values written in row blocks. A request is sent before
 *     it would pass the budget of `write.ts` (3.5 MB), so only data of several MB takes another.
 * Before writing, the plan is checked against the workbook: a sheet to create that exists now, a
 * sheet that is gone, something typed below the table, a replaced row without «Источник» — the
 * workbook changed since it was read, and nothing is written (`HostError` CONSOLIDATION_STALE).
 * Text is written as text (the «'» prefix where Excel would read a formula, number or date);
 * dates as serial numbers shown dd.mm.yyyy unless the column already shows dates.
 *
 * Undo — the record is kept in the workbook (custom XML parts `urn:sverka:consolidation:1`, like
 * the marks), so «Отменить свод» works after closing and reopening the file; only the last
 * consolidation is kept. It holds, per sheet: whether Sverka created it, the header and
 * «Источник» cells it wrote (and the column's earlier width), the appended block with its
 * «Источник» values, and the replaced rows' values, formulas and number formats. Undo deletes the
 * sheets Sverka created, clears the appended block (the rows were empty before: nothing moves),
 * clears the header cells it wrote, and inserts the replaced rows back where they were with their
 * values, formulas and number formats. Cell styling of re-inserted rows is Excel's for inserted
 * rows (that of the row above — the same table); styling that empty rows under the table had
 * before the block was written there is not restored. Undo first checks that the appended block
 * still holds what Sverka wrote (CONSOLIDATION_UNDO_STALE otherwise: nothing is changed).
 * Syncs: 4, whatever the rows.
 */
import type { ConsolidationPlan, PlanCell, SheetPlan } from "../../core/consolidate/types";
import { columnLetter } from "../../core/model/address";
import { dateToExcelSerial } from "../../core/model/dates";
import { classifyFormat } from "../../core/model/numberFormats";
import { BLANK_DATE_FORMAT } from "../../core/template/blank";
import { hostError, type StaleWhat } from "../../i18n/hostErrors";
import { consolidatedSheets, type HostError, type ConsolidationOutcome, type ConsolidationUndoOutcome } from "../host";
import { styleHeaderRow } from "./blank";
import { excelRun } from "./errors";
import { jsonBytes, utf8Length } from "./payload";
import { CELLS_PER_REQUEST, loadInRequests, rowsJob, type ReadJob } from "./read";
import { CONSOLIDATION_NAMESPACE, jsonFromPartXml, jsonPartXml, partsIn, replaceParts } from "./storage";
import { Budget, needsTextPrefix, OP_BYTES, REQUEST_BUDGET, widthPoints } from "./write";

type Scalar = string | number | boolean;

/** Characters of the undo record's JSON per custom XML part (each part goes in one request). */
export const UNDO_PART_CHARS = 500_000;
/** «Источник» column narrower than this (characters) is widened to `SOURCE_WIDTH`, as the xlsx host does. */
const SOURCE_MIN_WIDTH = 20;
const SOURCE_WIDTH = 28;

/** The replaced rows of one contiguous run, as they were (numbered before the consolidation). */
export interface UndoRun {
  start: number;
  values: Scalar[][];
  /** Cells holding a formula: [row index in the run, column index, formula]. */
  formulas: [number, number, string][];
  /** Cells with a number format other than General: [row index, column index, format]. */
  formats: [number, number, string][];
}

export interface UndoSheet {
  sheet: string;
  created: boolean;
  /** Header cells Sverka wrote on an existing empty sheet (row, columns 1…count). */
  header: { row: number; count: number } | null;
  /** The «Источник» header cell Sverka wrote, and the column's width (points) before, when it was changed. */
  source: { row: number; col: number; width: number | null } | null;
  /** Rows appended (numbered after the consolidation), with the «Источник» values as runs. */
  block: { start: number; count: number; width: number; col: number; sources: [string, number][] } | null;
  /** Replaced rows, ascending. */
  deleted: UndoRun[];
}

export interface UndoRecord {
  v: 1;
  sheets: UndoSheet[];
}

/** The workbook changed since Sverka read it (`what`, with its sheet and row): nothing is written. */
function stale(what: StaleWhat, values: { sheet: string; row?: number }): HostError {
  return hostError("CONSOLIDATION_STALE", { variant: "consolidation_stale", what, ...values });
}

function lower(s: string): string {
  return s.toLocaleLowerCase("ru");
}

/** What goes into `range.values` for a plan cell (null: leave the cell as it is). */
export function planInput(v: PlanCell): Scalar | null {
  if (v === null) return null;
  if (v instanceof Date) return dateToExcelSerial(v);
  if (typeof v === "string") return v === "" ? null : needsTextPrefix(v) ? `'${v}` : v;
  return v;
}

/** Runs of equal values: `["a.xlsx", 3], ["b.xlsx", 2]`. */
export function valueRuns(values: readonly string[]): [string, number][] {
  const out: [string, number][] = [];
  for (const v of values) {
    const last = out[out.length - 1];
    if (last && last[0] === v) last[1]++;
    else out.push([v, 1]);
  }
  return out;
}

/** The undo record as JSON slices, one per custom XML part. */
export function undoParts(record: UndoRecord, id: string, chars = UNDO_PART_CHARS): string[] {
  const json = JSON.stringify(record);
  const n = Math.max(1, Math.ceil(json.length / chars));
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ v: 1, id, i, n, t: json.slice(i * chars, (i + 1) * chars) }),
  );
}

/** The record from its parts' JSON texts (null when there is none or it is incomplete). */
export function parseUndoParts(texts: readonly (string | null)[]): UndoRecord | null {
  const byId = new Map<string, { i: number; n: number; t: string }[]>();
  for (const text of texts) {
    if (text === null) continue;
    try {
      const p = JSON.parse(text) as { id?: unknown; i?: unknown; n?: unknown; t?: unknown };
      if (typeof p.id !== "string" || typeof p.i !== "number" || typeof p.n !== "number" || typeof p.t !== "string")
        continue;
      const list = byId.get(p.id) ?? [];
      list.push({ i: p.i, n: p.n, t: p.t });
      byId.set(p.id, list);
    } catch {
      continue;
    }
  }
  for (const list of byId.values()) {
    list.sort((a, b) => a.i - b.i);
    if (list.length !== list[0].n || list.some((p, k) => p.i !== k)) continue;
    try {
      const r = JSON.parse(list.map((p) => p.t).join("")) as Partial<UndoRecord>;
      if (r.v === 1 && Array.isArray(r.sheets)) return r as UndoRecord;
    } catch {
      continue;
    }
  }
  return null;
}

/** Row blocks of `rows` rows × `cols` columns, each under `cells` cells (at least one row). */
function rowBlocks(first: number, rows: number, cols: number, cells: number): { start: number; count: number }[] {
  const per = Math.max(1, Math.floor(cells / Math.max(1, cols)));
  const out: { start: number; count: number }[] = [];
  for (let r = 0; r < rows; r += per) out.push({ start: first + r, count: Math.min(per, rows - r) });
  return out;
}

/** The last row of the table not being deleted (numbered before any change), or null when none is left under the header. */
function styleRowBefore(p: SheetPlan): number | null {
  const deleted = new Set(p.deleteRows);
  for (let r = p.appendAt - 1 + p.deleteRows.length; r > p.headerRow; r--) if (!deleted.has(r)) return r;
  return null;
}

interface Probe {
  p: SheetPlan;
  ws: Excel.Worksheet | null;
  used: Excel.Range | null;
  /** The replaced rows as read (ascending). */
  runs: UndoRun[];
  styleFormats: Excel.Range | null;
  sourceFormat: Excel.RangeFormat | null;
}

export async function applyExcelConsolidation(plan: ConsolidationPlan): Promise<ConsolidationOutcome> {
  return excelRun(async (context) => {
    const wb = context.workbook;
    // Sync 1: sheets, stored record, used ranges.
    const sheetList = wb.worksheets.load("items/name");
    const parts = partsIn(context, CONSOLIDATION_NAMESPACE);
    const probes: Probe[] = plan.sheets.map((p) => {
      if (p.create) return { p, ws: null, used: null, runs: [], styleFormats: null, sourceFormat: null };
      const ws = wb.worksheets.getItemOrNullObject(p.sheet);
      const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
      return { p, ws, used, runs: [], styleFormats: null, sourceFormat: null };
    });
    await context.sync();
    const names = new Set(sheetList.items.map((s) => lower(s.name)));
    for (const { p, used } of probes) {
      const exists = names.has(lower(p.sheet));
      if (p.create && exists) throw stale("sheet_exists", { sheet: p.sheet });
      if (!p.create && !exists) throw stale("sheet_gone", { sheet: p.sheet });
      if (!used || used.isNullObject) continue;
      const before = p.appendAt - 1 + p.deleteRows.length;
      const bottom = used.rowIndex + used.rowCount;
      if (bottom > before) throw stale("row_below", { sheet: p.sheet, row: bottom });
    }

    // Sync 2 (when needed): the replaced rows, the style row's formats, the «Источник» column's width.
    const jobs: ReadJob[] = [];
    for (const probe of probes) {
      const { p, ws } = probe;
      if (!ws) continue;
      const last = columnLetter(p.width);
      const rowsOf = (start: number, count: number) => ws.getRange(`A${start}:${last}${start + count - 1}`);
      for (const run of [...p.deleteRuns].reverse()) {
        const into: UndoRun = { start: run.start, values: [], formulas: [], formats: [] };
        probe.runs.push(into);
        for (const b of rowBlocks(run.start, run.count, 3 * p.width, CELLS_PER_REQUEST))
          jobs.push(
            rowsJob(b.start, b.count, 3 * p.width, rowsOf, "values,formulas,numberFormat", (start, r) => {
              const at = start - run.start;
              const values = r.values as Scalar[][];
              const formats = r.numberFormat as string[][];
              (r.formulas as Scalar[][]).forEach((row, i) => {
                into.values[at + i] = values[i];
                row.forEach((f, c) => {
                  if (typeof f === "string" && f.startsWith("=") && f !== values[i][c])
                    into.formulas.push([at + i, c, f]);
                  const fmt = formats[i][c];
                  if (fmt !== "General") into.formats.push([at + i, c, fmt]);
                });
              });
            }),
          );
      }
      const styleRow = p.rows.length ? styleRowBefore(p) : null;
      if (styleRow !== null)
        jobs.push(rowsJob(styleRow, 1, p.width, rowsOf, "numberFormat", (_s, r) => (probe.styleFormats = r)));
      if (p.sourceHeader) {
        const L = columnLetter(p.sourceColumn);
        jobs.push({
          cells: 1,
          queue: () => {
            const f = ws.getRange(`${L}:${L}`).format.load("columnWidth");
            return () => (probe.sourceFormat = f);
          },
        });
      }
    }
    await loadInRequests(context, jobs);

    const record: UndoRecord = { v: 1, sheets: [] };
    for (const { p, runs: deleted, sourceFormat } of probes) {
      for (const run of deleted)
        run.values.forEach((row, i) => {
          const v = row[p.sourceColumn - 1];
          if (v === "" || v === undefined) throw stale("source_missing", { sheet: p.sheet, row: run.start + i });
        });
      const oldWidth = sourceFormat ? sourceFormat.columnWidth : null;
      const widen = oldWidth !== null && oldWidth < widthPoints(SOURCE_MIN_WIDTH);
      record.sheets.push({
        sheet: p.sheet,
        created: p.create,
        header: !p.create && p.header.length ? { row: p.headerRow, count: p.header.length } : null,
        source: p.sourceHeader ? { row: p.headerRow, col: p.sourceColumn, width: widen ? oldWidth : null } : null,
        block: p.rows.length
          ? {
              start: p.appendAt,
              count: p.rows.length,
              width: p.width,
              col: p.sourceColumn,
              sources: valueRuns(p.rows.map((r) => String(r[p.sourceColumn - 1] ?? ""))),
            }
          : null,
        deleted,
      });
    }

    // Sync 3…: the writes.
    const budget = new Budget(context, REQUEST_BUDGET, () => wb.application.suspendScreenUpdatingUntilNextSync());
    await budget.reserve(OP_BYTES * (parts.items.length + 1));
    replaceParts(context, parts, CONSOLIDATION_NAMESPACE, null);
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    for (const text of undoParts(record, id)) {
      await budget.reserve(utf8Length(text) * 2 + OP_BYTES);
      wb.customXmlParts.add(jsonPartXml(CONSOLIDATION_NAMESPACE, text));
    }
    for (const probe of probes) await writeSheet(context, probe, budget);
    await budget.sync();

    return { sheets: consolidatedSheets(plan), notices: [], undoable: true };
  });
}

async function writeSheet(context: Excel.RequestContext, probe: Probe, budget: Budget): Promise<void> {
  const { p } = probe;
  const ws = probe.ws ?? context.workbook.worksheets.add(p.sheet);
  await budget.reserve(4 * OP_BYTES);
  if (p.header.length) {
    const header = ws.getRange(`A${p.headerRow}:${columnLetter(p.header.length)}${p.headerRow}`);
    header.values = [p.header.map((h) => (needsTextPrefix(h) ? `'${h}` : h))];
    styleHeaderRow(header);
    await budget.reserve(jsonBytes(p.header) + 12 * OP_BYTES);
  }
  if (p.create) {
    p.widths.forEach((w, i) => {
      ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = widthPoints(w);
    });
    ws.freezePanes.freezeRows(p.headerRow);
    await budget.reserve((p.widths.length + 1) * OP_BYTES);
  }
  if (p.sourceHeader) {
    const L = columnLetter(p.sourceColumn);
    const cell = ws.getRange(`${L}${p.headerRow}`);
    if (p.sourceColumn > 1) cell.copyFrom(ws.getRange(`${columnLetter(p.sourceColumn - 1)}${p.headerRow}`), "Formats");
    cell.values = [["Источник"]];
    const width = probe.sourceFormat?.columnWidth;
    if (width !== undefined && width < widthPoints(SOURCE_MIN_WIDTH))
      ws.getRange(`${L}:${L}`).format.columnWidth = widthPoints(SOURCE_WIDTH);
    await budget.reserve(4 * OP_BYTES);
  }
  // Bottom-up: each run's numbers hold when it is deleted.
  for (const run of p.deleteRuns) {
    await budget.reserve(OP_BYTES);
    ws.getRange(`${run.start}:${run.start + run.count - 1}`).delete("Up");
  }
  if (!p.rows.length) return;

  const last = columnLetter(p.width);
  const end = p.appendAt + p.rows.length - 1;
  const styleRow = p.appendAt - 1 > p.headerRow ? p.appendAt - 1 : null;
  if (styleRow !== null) {
    await budget.reserve(2 * OP_BYTES);
    ws.getRange(`A${p.appendAt}:${last}${end}`).copyFrom(ws.getRange(`A${styleRow}:${last}${styleRow}`), "Formats");
  }
  const shown = (probe.styleFormats?.numberFormat as string[][] | undefined)?.[0] ?? [];
  const showsDate = (c: number) => classifyFormat(shown[c]) === "date";
  const values = p.rows.map((cells) => cells.map(planInput));
  const formats = p.rows.map((cells) =>
    cells.map((x, c) => (x instanceof Date && !showsDate(c) ? BLANK_DATE_FORMAT : null)),
  );
  for (const b of byteBlocks(values.length, (i) => jsonBytes(values[i]) + jsonBytes(formats[i]))) {
    const v = values.slice(b.start, b.start + b.count);
    const f = formats.slice(b.start, b.start + b.count);
    await budget.reserve(b.bytes + 2 * OP_BYTES);
    const range = ws.getRange(`A${p.appendAt + b.start}:${last}${p.appendAt + b.start + b.count - 1}`);
    // Number formats first: a date written into a General cell would get a format of its own.
    if (f.some((row) => row.some((x) => x !== null))) range.numberFormat = f as unknown as string[][];
    range.values = v as unknown as Scalar[][];
  }
}

/** Consecutive rows in blocks of about a quarter of the request budget (at least one row each). */
function byteBlocks(rows: number, bytesOf: (i: number) => number): { start: number; count: number; bytes: number }[] {
  const out: { start: number; count: number; bytes: number }[] = [];
  let cur = { start: 0, count: 0, bytes: 0 };
  for (let i = 0; i < rows; i++) {
    const n = bytesOf(i);
    if (cur.count && cur.bytes + n > REQUEST_BUDGET / 4) {
      out.push(cur);
      cur = { start: i, count: 0, bytes: 0 };
    }
    cur.count++;
    cur.bytes += n;
  }
  if (cur.count) out.push(cur);
  return out;
}

/** What `values` gets to restore a cell read as `value` and `formula` (null: leave it empty). */
export function restoreInput(value: Scalar, formula: Scalar): Scalar | null {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return formula;
  if (value === "") return null;
  if (typeof value === "string") return needsTextPrefix(value) ? `'${value}` : value;
  return value;
}

interface StoredUndo {
  parts: Excel.CustomXmlPartScopedCollection;
  record: UndoRecord | null;
  sheetNames: string[];
}

async function loadUndo(context: Excel.RequestContext): Promise<StoredUndo> {
  const sheets = context.workbook.worksheets.load("items/name");
  const parts = partsIn(context, CONSOLIDATION_NAMESPACE);
  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  if (!parts.items.length) return { parts, record: null, sheetNames };
  // Each part alone in a request: one part's XML is up to ~2 MB of response.
  const texts: (string | null)[] = [];
  await loadInRequests(
    context,
    parts.items.map((part, i) => ({
      cells: CELLS_PER_REQUEST,
      queue: () => {
        const xml = part.getXml();
        // Read after `loadInRequests` synced the request that loaded it.
        // eslint-disable-next-line office-addins/call-sync-before-read
        return () => (texts[i] = jsonFromPartXml(xml.value));
      },
    })),
  );
  return { parts, record: parseUndoParts(texts), sheetNames };
}

export async function canUndoExcelConsolidation(): Promise<boolean> {
  return excelRun(async (context) => {
    const parts = partsIn(context, CONSOLIDATION_NAMESPACE);
    await context.sync();
    return parts.items.length > 0;
  });
}

/** The consolidation's rows changed since it was written (`what`, with its values): nothing is undone. */
function undoStale(what: StaleWhat, values: { sheet: string; row?: number; got?: string; want?: string }): HostError {
  return hostError("CONSOLIDATION_UNDO_STALE", { variant: "consolidation_undo_stale", what, ...values });
}

export async function undoExcelConsolidation(): Promise<ConsolidationUndoOutcome> {
  return excelRun(async (context) => {
    const wb = context.workbook;
    const stored = await loadUndo(context);
    const record = stored.record;
    if (!record) {
      if (stored.parts.items.length) {
        replaceParts(context, stored.parts, CONSOLIDATION_NAMESPACE, null);
        await context.sync();
      }
      throw hostError("NOTHING_TO_UNDO", { variant: "nothing_to_undo_record" });
    }
    const present = new Set(stored.sheetNames.map(lower));

    // Sync 3: the appended blocks still hold what Sverka wrote.
    const jobs: ReadJob[] = [];
    const checks: { s: UndoSheet; got: string[] }[] = [];
    for (const s of record.sheets) {
      if (!present.has(lower(s.sheet))) throw undoStale("sheet_gone", { sheet: s.sheet });
      const block = s.block;
      if (!block || s.created) continue;
      const ws = wb.worksheets.getItem(s.sheet);
      const L = columnLetter(block.col);
      const got: string[] = [];
      checks.push({ s, got });
      jobs.push(
        rowsJob(
          block.start,
          block.count,
          1,
          (start, count) => ws.getRange(`${L}${start}:${L}${start + count - 1}`),
          "values",
          (start, r) =>
            (r.values as Scalar[][]).forEach((row, i) => (got[start - block.start + i] = String(row[0] ?? ""))),
        ),
      );
    }
    await loadInRequests(context, jobs);
    for (const { s, got } of checks) {
      const want = (s.block?.sources ?? []).flatMap(([v, n]) => new Array<string>(n).fill(v));
      const k = want.findIndex((v, i) => got[i] !== v);
      if (k >= 0)
        throw undoStale("row_changed", {
          sheet: s.sheet,
          row: (s.block?.start ?? 0) + k,
          got: got[k] ?? "",
          want: want[k],
        });
    }

    // Sync 4…: the writes.
    const budget = new Budget(context, REQUEST_BUDGET, () => wb.application.suspendScreenUpdatingUntilNextSync());
    let restored = 0;
    let removed = 0;
    for (const s of record.sheets) {
      const ws = wb.worksheets.getItem(s.sheet);
      await budget.reserve(2 * OP_BYTES);
      if (s.created) {
        ws.delete();
        removed += s.block?.count ?? 0;
        continue;
      }
      if (s.block) {
        ws.getRange(`A${s.block.start}:${columnLetter(s.block.width)}${s.block.start + s.block.count - 1}`).clear(
          "All",
        );
        removed += s.block.count;
      }
      if (s.header) ws.getRange(`A${s.header.row}:${columnLetter(s.header.count)}${s.header.row}`).clear("All");
      if (s.source) {
        const L = columnLetter(s.source.col);
        ws.getRange(`${L}${s.source.row}`).clear("All");
        if (s.source.width !== null) ws.getRange(`${L}:${L}`).format.columnWidth = s.source.width;
      }
      // Ascending, in the numbering before the consolidation: each run goes back where it was.
      for (const run of s.deleted) {
        const n = run.values.length;
        if (!n) continue;
        const cols = run.values[0].length;
        await budget.reserve(OP_BYTES);
        ws.getRange(`${run.start}:${run.start + n - 1}`).insert("Down");
        const formulas = new Map(run.formulas.map(([i, c, f]) => [`${i}:${c}`, f]));
        const formats = new Map(run.formats.map(([i, c, f]) => [`${i}:${c}`, f]));
        const input = run.values.map((row, i) => row.map((v, c) => restoreInput(v, formulas.get(`${i}:${c}`) ?? v)));
        // Every cell's format, General too: the inserted rows took the formats of the row above.
        const shown = run.values.map((row, i) => row.map((_v, c) => formats.get(`${i}:${c}`) ?? "General"));
        for (const b of byteBlocks(n, (i) => jsonBytes(input[i]) + jsonBytes(shown[i]))) {
          await budget.reserve(b.bytes + 2 * OP_BYTES);
          const range = ws.getRange(
            `A${run.start + b.start}:${columnLetter(cols)}${run.start + b.start + b.count - 1}`,
          );
          range.numberFormat = shown.slice(b.start, b.start + b.count);
          range.values = input.slice(b.start, b.start + b.count) as unknown as Scalar[][];
        }
        restored += n;
      }
    }
    await budget.reserve(OP_BYTES * stored.parts.items.length);
    replaceParts(context, stored.parts, CONSOLIDATION_NAMESPACE, null);
    await budget.sync();
    return { sheets: record.sheets.map((s) => s.sheet), restored, removed };
  });
}
