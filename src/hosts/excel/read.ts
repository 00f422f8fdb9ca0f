/**
 * Reading the open workbook into the core model through Office.js.
 *
 * Syncs: (1) the sheets, custom properties, defined names and the workbook's name; (2) each
 * sheet's used range (values only) and, with ExcelApi 1.13, its merged areas; (3…) the cells:
 * `values` and `numberFormat` of row blocks (at most `BLOCK_ROWS` rows each), packed into as few
 * requests as Excel on the web's 5 MB response limit allows (`CELLS_PER_REQUEST`). The number of
 * syncs therefore does not grow with the rows of a sheet; only data of more than one response
 * (hundreds of thousands of cells) takes another request per ~4 MB. A request whose response
 * still comes out too large (very long texts) is split in two and retried.
 *
 * Conversion, the same as the xlsx host's: numbers in date-formatted cells become UTC `Date`s,
 * error values (`#DIV/0!` …) become `{ error }`, empty cells null; formats are kept where they
 * mean a date or a percentage. The 1900 date system is assumed (Office.js does not expose the
 * workbook's date system).
 */
import { classifyFormat } from "../../core/model/numberFormats";
import { excelSerialToDate } from "../../core/model/dates";
import { workbookProperties } from "../../core/model/properties";
import type { CellValue, MergedArea, SheetData, WorkbookData } from "../../core/model/sheet";
import type { ReadProgress } from "../host";
import { excelApiSupported, excelRun, officeErrorCode } from "./errors";

/** Rows per block of a big sheet. */
export const BLOCK_ROWS = 20_000;
/** Cells (values and number formats) per request: ~20–25 bytes a cell keeps a response near 3–4 MB. */
export const CELLS_PER_REQUEST = 150_000;

/** What `range.values` shows for an error cell. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

type Raw = string | number | boolean;

/** One cell as the core sees it. */
export function cellFromExcel(v: Raw | null | undefined, format: string | undefined): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return classifyFormat(format) === "date" ? excelSerialToDate(v) : v;
  if (typeof v === "boolean") return v;
  return EXCEL_ERRORS.has(v) ? { error: v } : v;
}

interface Block {
  sheet: number;
  /** 0-based worksheet row and column of the block's top-left cell. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface SheetPlan {
  name: string;
  hidden?: boolean | "very";
  rows: (CellValue[] | undefined)[];
  formats?: (string | undefined)[][];
  merges: MergedArea[];
  blocksLeft: number;
}

/** Row blocks of a used range. */
export function blocksOf(sheet: number, row: number, col: number, rows: number, cols: number): Block[] {
  const per = Math.max(1, Math.min(BLOCK_ROWS, Math.floor(CELLS_PER_REQUEST / Math.max(1, cols))));
  const out: Block[] = [];
  for (let r = 0; r < rows; r += per) out.push({ sheet, row: row + r, col, rows: Math.min(per, rows - r), cols });
  return out;
}

/** One load: queued, delivered after its sync, split when its response comes out too large. */
export interface ReadJob {
  /** Cells it loads (times the properties per cell): what its response is estimated by. */
  cells: number;
  /** Queues the load; returns what to do with the result once synced. */
  queue(): () => void;
  /** Two halves of the job (none: it cannot be split further). */
  split?(): ReadJob[];
}

function packJobs(jobs: readonly ReadJob[], perRequest: number): ReadJob[][] {
  const groups: ReadJob[][] = [];
  let cur: ReadJob[] = [];
  let cells = 0;
  for (const j of jobs) {
    if (cur.length && cells + j.cells > perRequest) {
      groups.push(cur);
      cur = [];
      cells = 0;
    }
    cur.push(j);
    cells += j.cells;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

function splitJobs(group: ReadJob[]): ReadJob[][] {
  if (group.length > 1) {
    const half = Math.ceil(group.length / 2);
    return [group.slice(0, half), group.slice(half)];
  }
  return (group[0].split?.() ?? []).map((j) => [j]);
}

/**
 * Runs the loads in as few requests as Excel on the web's 5 MB response limit allows: packed by
 * cells (`perRequest`), and a request whose response still comes out too large (very long texts)
 * split in two and retried. Nothing else should be queued on `context` meanwhile.
 */
export async function loadInRequests(
  context: Excel.RequestContext,
  jobs: readonly ReadJob[],
  perRequest = CELLS_PER_REQUEST,
): Promise<void> {
  const queue = packJobs(jobs, perRequest);
  while (queue.length) {
    const group = queue.shift() as ReadJob[];
    const deliver = group.map((j) => j.queue());
    try {
      // One request per ~4 MB of cells (the response limit), not per row or block.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const parts = officeErrorCode(e) === "ResponsePayloadSizeLimitExceeded" ? splitJobs(group) : [];
      if (!parts.length) throw e;
      queue.unshift(...parts);
      continue;
    }
    for (const d of deliver) d();
  }
}

/** A job loading `range(start, count)` with `props`, split by rows; `deliver` gets the loaded range. */
export function rowsJob(
  start: number,
  count: number,
  cellsPerRow: number,
  range: (start: number, count: number) => Excel.Range,
  props: string,
  deliver: (start: number, loaded: Excel.Range) => void,
): ReadJob {
  return {
    cells: count * cellsPerRow,
    queue: () => {
      const r = range(start, count).load(props);
      return () => deliver(start, r);
    },
    split: () => {
      if (count < 2) return [];
      const top = Math.ceil(count / 2);
      return [
        rowsJob(start, top, cellsPerRow, range, props, deliver),
        rowsJob(start + top, count - top, cellsPerRow, range, props, deliver),
      ];
    },
  };
}

/** `'Лист 1'!A1:C3,'Лист 1'!E5:F6` → merged areas (1-based). */
export function parseMergedAddress(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const part of address.split(",")) {
    const a = part.trim().replace(/^.*!/, "").replace(/\$/g, "");
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
    if (!m) continue;
    const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const top = Number(m[2]);
    const left = col(m[1]);
    out.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left });
  }
  return out.sort((x, y) => x.top - y.top || x.left - y.left);
}

function store(plan: SheetPlan, block: Block, values: Raw[][], formats: string[][]): void {
  for (let i = 0; i < values.length; i++) {
    const r = block.row + i;
    const vRow = values[i];
    const fRow = formats[i];
    let out = plan.rows[r];
    for (let j = 0; j < vRow.length; j++) {
      const v = vRow[j];
      if (v === "" || v === null) continue;
      const c = block.col + j;
      const fmt = fRow?.[j];
      if (typeof v === "number" && fmt !== undefined && classifyFormat(fmt) !== "other") {
        plan.formats ??= [];
        (plan.formats[r] ??= [])[c] = fmt;
      }
      out ??= plan.rows[r] = [];
      while (out.length < c) out.push(null);
      out[c] = cellFromExcel(v, fmt);
    }
  }
}

function finish(plan: SheetPlan): SheetData {
  let last = plan.rows.length;
  while (last > 0 && plan.rows[last - 1] === undefined) last--;
  const rows: ReadonlyArray<CellValue>[] = [];
  for (let i = 0; i < last; i++) rows.push(plan.rows[i] ?? []);
  return {
    name: plan.name,
    rows,
    ...(plan.formats ? { formats: plan.formats } : {}),
    ...(plan.merges.length ? { merges: plan.merges } : {}),
    ...(plan.hidden !== undefined ? { hidden: plan.hidden } : {}),
  };
}

export async function readExcelWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
  const withMerges = excelApiSupported("1.13");
  return excelRun(async (context) => {
    const wb = context.workbook;
    wb.load("name");
    const sheets = wb.worksheets.load("items/name,items/visibility");
    const custom = wb.properties.custom.load("items/key,items/value");
    const names = wb.names.load("items/name,items/formula");
    await context.sync();

    const used = sheets.items.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
      const merged = withMerges ? range.getMergedAreasOrNullObject().load("address") : null;
      return { range, merged };
    });
    await context.sync();

    const plans: SheetPlan[] = sheets.items.map((ws, i) => {
      const merged = used[i].merged;
      return {
        name: ws.name,
        ...(ws.visibility === "VeryHidden"
          ? { hidden: "very" as const }
          : ws.visibility === "Hidden"
            ? { hidden: true }
            : {}),
        rows: [],
        merges: merged && !merged.isNullObject ? parseMergedAddress(merged.address) : [],
        blocksLeft: 0,
      };
    });
    const blocks: Block[] = [];
    used.forEach(({ range }, i) => {
      if (range.isNullObject) return;
      const own = blocksOf(i, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount);
      plans[i].blocksLeft = own.length;
      blocks.push(...own);
    });

    let done = 0;
    const blocksDone = new Map<Block, number>();
    const report = (i: number) => {
      done++;
      onProgress?.({ sheet: plans[i].name, done, total: plans.length });
    };
    plans.forEach((p, i) => {
      if (p.blocksLeft === 0) report(i);
    });

    await loadInRequests(
      context,
      blocks.map((b) =>
        rowsJob(
          b.row,
          b.rows,
          b.cols,
          (row, rows) => sheets.items[b.sheet].getRangeByIndexes(row, b.col, rows, b.cols),
          "values,numberFormat",
          (row, loaded) => {
            const block = { ...b, row, rows: (loaded.values as Raw[][]).length };
            store(plans[b.sheet], block, loaded.values as Raw[][], loaded.numberFormat as string[][]);
            // A split block counts once, when its last row arrives.
            blocksDone.set(b, (blocksDone.get(b) ?? 0) + block.rows);
            if (blocksDone.get(b) === b.rows && --plans[b.sheet].blocksLeft === 0) report(b.sheet);
          },
        ),
      ),
    );

    const properties: Record<string, string> = {};
    for (const p of custom.items) properties[p.key] = String(p.value);
    const definedNames: Record<string, string> = {};
    for (const n of names.items) definedNames[n.name] = n.formula.replace(/^=/, "");
    const sheetData = plans.map(finish);
    const props = workbookProperties(sheetData, properties);
    return {
      name: wb.name,
      sheets: sheetData,
      ...(Object.keys(props).length ? { properties: props } : {}),
      ...(Object.keys(definedNames).length ? { definedNames } : {}),
    };
  });
}
