/**
 * Live formulas for the dashboard's municipal facts, and the helper sheet they read.
 *
 * The engine decides, record by record, what a municipal value uses: the period of the record (as
 * it read «Год» / «Учебный год»), the school filter (ШНОР status computed from «Процедуры»), rows
 * left out for invalid values, duplicates and so on. Those decisions are written into a hidden
 * helper sheet whose rows are aligned with the data sheets' rows: a helper column holds 1 in the
 * rows a value uses (one column per value, period and aggregate; equal columns are shared). A fact
 * formula then sums the data sheet's real columns over those rows:
 *
 *   quality_pct 2022/2023 = IF(SUMIFS('Успеваемость'!$D$2:$D$59,'_sverka_calc'!$C$2:$C$59,1)=0,"нет данных",
 *       (SUMIFS('Успеваемость'!$E$2:$E$59,'_sverka_calc'!$C$2:$C$59,1)+SUMIFS('Успеваемость'!$F$2:$F$59,…))*100/…)
 *
 * Every formula touches each data row once (GUIDE «Dashboard formulas must stay fast at region
 * scale»): no per-school lookups over whole tables. Counts of schools use COUNT over the helper
 * column; per-school and per-event figures that need the ШНОР rule or a parsed list of schools
 * (`school_threshold`, `event_share`) are values in the helper sheet and the fact aggregates them.
 *
 * A formula is only written when the layout has checked that, evaluated on the workbook's cells
 * as they are, it gives the core's value; otherwise (a number written as text in a counted row, a
 * merged cell, a column whose position is unknown) the fact is the core's value with a reason.
 */
import { columnsOf } from "../indicators/aggregate";
import { previousPeriodOf, type IndicatorUse, type UseLog } from "../indicators/engine";
import { FormulaError, type FormulaBuilder, type FormulaFact, type FormulaTerm } from "../indicators/formula";
import { specOfValue } from "../indicators/hints";
import { INDICATOR_KINDS } from "../indicators/kinds";
import type { IndicatorValue } from "../indicators/types";
import { columnLetter, quoteSheetName } from "../model/address";
import type { WorkbookData } from "../model/sheet";
import type { MonitoringData } from "../monitoring/model";
import type { MonitoringSheetId } from "../monitoring/sheets";
import type { Aggregate, IndicatorSpec, Template } from "../template/schema";
import type { LayoutCell, LayoutSheet } from "./types";

/** Name of the hidden helper sheet. */
export const CALC_SHEET = "_sverka_calc";

/** Indicator kinds whose municipal facts get formulas (when the data allow it): those with a formula twin. */
export { FORMULA_KINDS } from "../indicators/kinds";
/** The declaration a value id belongs to (`vpr_coped_pct_g5` → `vpr_coped_pct`). */
export { specOfValue } from "../indicators/hints";

export interface FactFormula {
  /** Formula without «=», when the fact is written as one. */
  formula?: string;
  /** Why not, when it is not (Russian). */
  reason?: string;
}

export interface FormulaInput {
  template: Template;
  monitoring: MonitoringData;
  /** Municipal values (the facts). */
  values: readonly IndicatorValue[];
  /** What each municipal value used (`traceIndicators`). */
  uses: UseLog;
  /** Cells as read: formulas are checked against them. Absent: the parsed values are trusted. */
  workbook?: WorkbookData;
}

export interface FormulaResult {
  /** Formula or reason per fact, by `factKey(id, period)`. */
  facts: Map<string, FactFormula>;
  /** The helper sheet; null when no formula needs it. */
  calc: LayoutSheet | null;
}

export function factKey(id: string, period: string): string {
  return `${id}\u0001${period}`;
}

/** Relative tolerance of the check of a formula against the core's value. */
const TOLERANCE = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** The extent of a data sheet's rows: from the row under its header to its last record. */
interface Extent {
  sheet: MonitoringSheetId;
  sheetName: string;
  first: number;
  last: number;
}

interface HelperColumn {
  col: number;
  labels: readonly string[];
  /** Data rows, each once: ascending for weights, in order of use for figures. */
  rows: readonly number[];
  /** The figure of each row; null: a column of weights (1 in every row). */
  values: readonly number[] | null;
  extent: Extent;
  /** Bucket of `CalcSheet.byHash` the column is in. */
  hash: string;
}

/**
 * A bucket key of a column's content: its sheet, length and a few cells (equal columns are then
 * compared cell by cell; hashing every cell cost more than the rare comparison).
 */
function contentHash(sheet: MonitoringSheetId, rows: readonly number[], values: readonly number[] | null): string {
  const n = rows.length;
  if (n === 0) return `${sheet}|0`;
  const at = (k: number) => `${rows[k]}:${values ? values[k] : 1}`;
  return `${sheet}|${n}|${at(0)}|${at(n >> 1)}|${at(n - 1)}`;
}

function sameContent(c: HelperColumn, rows: readonly number[], values: readonly number[] | null): boolean {
  if (c.rows.length !== rows.length) return false;
  for (let k = 0; k < rows.length; k++) {
    if (c.rows[k] !== rows[k]) return false;
    if ((c.values ? c.values[k] : 1) !== (values ? values[k] : 1)) return false;
  }
  return true;
}

/** The helper sheet under construction: columns of 1s (weights) or of figures, aligned with data rows. */
class CalcSheet {
  private readonly columns: HelperColumn[] = [];
  /** Columns by `contentHash` (equal columns are shared). */
  private readonly byHash = new Map<string, HelperColumn[]>();
  /** Labels added since `begin()`, undone by `rollback()` (a fact that ends up a value leaves no columns). */
  private journal: { column: HelperColumn; label: string; created: boolean }[] = [];

  begin(): void {
    this.journal = [];
  }

  rollback(): void {
    for (const { column, label, created } of this.journal.reverse()) {
      column.labels = column.labels.filter((l) => l !== label);
      if (created) {
        this.columns.pop();
        const bucket = this.byHash.get(column.hash);
        if (bucket) {
          const at = bucket.indexOf(column);
          if (at >= 0) bucket.splice(at, 1);
          if (!bucket.length) this.byHash.delete(column.hash);
        }
      }
    }
    this.journal = [];
  }

  get used(): boolean {
    return this.columns.length > 0;
  }

  /**
   * A column holding `values` (1s when null) in `rows` of `extent`; equal columns are shared. The
   * rows of weights are ascending and distinct; figures come in order of use, each row once.
   */
  column(extent: Extent, rows: readonly number[], values: readonly number[] | null, label: string): string {
    const hash = contentHash(extent.sheet, rows, values);
    let bucket = this.byHash.get(hash);
    let column = bucket?.find((c) => sameContent(c, rows, values));
    let created = false;
    if (!column) {
      // Column A carries the sheet's explanation; helper columns start at B.
      column = { col: this.columns.length + 2, labels: [], rows, values, extent, hash };
      this.columns.push(column);
      if (!bucket) this.byHash.set(hash, (bucket = []));
      bucket.push(column);
      created = true;
    }
    if (!column.labels.includes(label)) {
      column.labels = [...column.labels, label];
      this.journal.push({ column, label, created });
    } else if (created) this.journal.push({ column, label: "", created });
    const letter = columnLetter(column.col);
    return `${quoteSheetName(CALC_SHEET)}!$${letter}$${extent.first}:$${letter}$${extent.last}`;
  }

  render(): LayoutSheet {
    const cells: LayoutCell[] = [
      {
        row: 1,
        col: 1,
        value:
          "Служебный лист Сверки для формул дашборда. Строки совпадают со строками листов данных: 1 — строка учтена в показателе (значения по школам и мероприятиям — расчёт Сверки). Лист пересоздаётся при каждом обновлении дашборда; не редактируйте его.",
        style: "note",
      },
    ];
    for (const c of this.columns) {
      cells.push({
        row: 1,
        col: c.col,
        value: `«${c.extent.sheetName}»: ${c.labels.join("; ")}`,
        style: "header",
      });
      const { rows, values, col } = c;
      if (!values) for (let k = 0; k < rows.length; k++) cells.push({ row: rows[k], col, value: 1, style: "number" });
      else {
        const order = rows.map((_, k) => k).sort((x, y) => rows[x] - rows[y]);
        for (const k of order) cells.push({ row: rows[k], col, value: values[k], style: "number" });
      }
    }
    return {
      name: CALC_SHEET,
      role: "calc",
      hidden: true,
      cells,
      merges: [],
      widths: [40, ...this.columns.map(() => 16)],
      frozenRows: 1,
      dataBars: [],
    };
  }
}

/** Whether a list of numbers is ascending with no repeats. */
function strictlyAscending(xs: readonly number[]): boolean {
  for (let k = 1; k < xs.length; k++) if (xs[k - 1] >= xs[k]) return false;
  return true;
}

class Builder implements FormulaBuilder {
  readonly calc = new CalcSheet();
  private readonly extents = new Map<MonitoringSheetId, Extent | null>();
  private readonly recordsByRow = new Map<MonitoringSheetId, Map<number, Record<string, unknown>>>();
  /** Sums already added up, by their SUMIFS text (the data range and the helper column). */
  private readonly sums = new Map<string, number>();

  constructor(private readonly input: FormulaInput) {}

  usesOf(id: string, period: string, aggregate: 0 | 1): readonly IndicatorUse[] {
    return this.input.uses.usesOf(id, period, aggregate);
  }

  /** Undoes the helper columns of a fact that ends up a value (a later column may take their letters). */
  rollback(): void {
    this.calc.rollback();
    this.sums.clear();
  }

  extent(sheet: MonitoringSheetId): Extent {
    let e = this.extents.get(sheet);
    if (e === undefined) {
      const present = this.input.monitoring.present[sheet];
      e = null;
      if (present) {
        const rows =
          sheet === "schools"
            ? [
                ...this.input.monitoring.schools.map((s) => s.row),
                ...this.input.monitoring.records.schools.map((r) => r.row),
              ]
            : this.input.monitoring.records[sheet].map((r) => r.row);
        const last = rows.reduce((m, r) => (r > m ? r : m), 0);
        const first = present.headerRow + 1;
        if (last >= first) e = { sheet, sheetName: present.sheetName, first, last };
      }
      this.extents.set(sheet, e);
    }
    if (!e) throw new FormulaError("значение: на листе данных нет строк для формулы");
    return e;
  }

  /**
   * Σ of the numbers Excel's SUMIFS sees in one column of a sheet over the given rows: numbers
   * only (text, booleans and blanks add nothing). Plain loops: this runs over every counted row.
   */
  private excelSum(sheet: MonitoringSheetId, col: number, columnId: string, rows: readonly number[]): number {
    const extent = this.extent(sheet);
    let sum = 0;
    if (this.input.workbook) {
      const data = this.input.workbook.sheets.find((s) => s.name === extent.sheetName);
      if (!data) throw new FormulaError("значение: лист данных не найден в книге");
      const cells = data.rows;
      const c = col - 1;
      for (let k = 0; k < rows.length; k++) {
        const v = cells[rows[k] - 1]?.[c];
        if (isNumber(v)) sum += v;
      }
      return sum;
    }
    let byRow = this.recordsByRow.get(sheet);
    if (!byRow) {
      byRow = new Map();
      for (const r of this.input.monitoring.records[sheet]) byRow.set(r.row, r.values);
      this.recordsByRow.set(sheet, byRow);
    }
    for (let k = 0; k < rows.length; k++) {
      const v = byRow.get(rows[k])?.[columnId];
      if (isNumber(v)) sum += v;
    }
    return sum;
  }

  private dataRange(sheet: MonitoringSheetId, columnId: string): { range: string; col: number } {
    const extent = this.extent(sheet);
    const col = this.input.monitoring.present[sheet]?.columnIndex?.[columnId];
    if (col === undefined) throw new FormulaError("значение: не известно, в каком столбце листа данных лежат числа");
    const letter = columnLetter(col);
    return { range: `${quoteSheetName(extent.sheetName)}!$${letter}$${extent.first}:$${letter}$${extent.last}`, col };
  }

  /** Σ (or count) of one aggregate over the rows the value used. */
  aggregate(a: Aggregate, uses: readonly IndicatorUse[], label: string): FormulaTerm {
    let rows: readonly number[];
    if (a.op === "count_schools") {
      // One row per school: the engine counts distinct schools.
      const seen = new Set<string>();
      const picked: number[] = [];
      for (const u of uses)
        for (let k = 0; k < u.rows.length; k++) {
          const key = u.schoolKeys?.[k] ?? `row:${u.rows[k]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          picked.push(u.rows[k]);
        }
      rows = picked;
    } else if (uses.length === 1) rows = uses[0].rows;
    else rows = uses.flatMap((u) => u.rows);
    if (rows.length === 0) return { text: "0", value: 0 };
    const extent = this.extent(a.sheet);
    // Rows come in sheet order already (records are read in it): copied and sorted only when they
    // do not; rows of two sheets may coincide, and the helper column has each row once.
    let distinct = rows;
    if (!strictlyAscending(rows)) {
      const sorted = [...rows].sort((x, y) => x - y);
      rows = sorted;
      distinct = strictlyAscending(sorted) ? sorted : sorted.filter((r, k) => k === 0 || sorted[k - 1] !== r);
    }
    const weights = this.calc.column(extent, distinct, null, label);
    if (a.op === "count" || a.op === "count_schools") return { text: `COUNT(${weights})`, value: rows.length };
    const { plus, minus } = columnsOf(a);
    const sumOf = (columnId: string): FormulaTerm => {
      const { range, col } = this.dataRange(a.sheet, columnId);
      const text = `SUMIFS(${range},${weights},1)`;
      // Facts share sums (the students of a period are two ratios' denominator): each is added
      // up once; rows of two sheets (a row counted twice) are not shared.
      let value = distinct === rows ? this.sums.get(text) : undefined;
      if (value === undefined) {
        value = this.excelSum(a.sheet, col, columnId, rows);
        if (distinct === rows) this.sums.set(text, value);
      }
      return { text, value };
    };
    const p = plus.map(sumOf);
    const m = minus.map(sumOf);
    return {
      text: [p.map((t) => t.text).join("+"), ...m.map((t) => t.text)].join("-"),
      value: p.reduce((s, t) => s + t.value, 0) - m.reduce((s, t) => s + t.value, 0),
    };
  }

  /** A helper column of per-record figures (counted schools, events), aligned with their sheet. */
  figures(sheet: MonitoringSheetId, uses: readonly IndicatorUse[], label: string): { range: string; values: number[] } {
    const extent = this.extent(sheet);
    const rows: number[] = [];
    const values: number[] = [];
    const seen = new Set<number>();
    for (const u of uses)
      for (let k = 0; k < u.rows.length; k++) {
        const row = u.rows[k];
        const v = u.values ? u.values[k] : NaN;
        if (!isNumber(v) || seen.has(row)) throw new FormulaError("значение: нет расчёта по строке");
        seen.add(row);
        rows.push(row);
        values.push(v);
      }
    return { range: this.calc.column(extent, rows, values, label), values };
  }
}

/**
 * The formula of one municipal fact, from its kind's twin (`indicators/kinds/<kind>.ts`), checked
 * against the core's value; throws `FormulaError` when there is none.
 */
function factFormula(b: Builder, spec: IndicatorSpec, v: FormulaFact): string {
  const def = INDICATOR_KINDS[spec.kind];
  if (!def.formula) throw new FormulaError(def.noFormula ?? "значение");
  const { text, result } = def.formula(b, spec, v);
  if (typeof v.value !== "number" || result === null || !close(result, v.value))
    throw new FormulaError(
      "значение: формула по ячейкам листов не дала бы расчёт Сверки (в учтённых строках есть числа, записанные текстом, или объединённые ячейки)",
    );
  return text;
}

/** Formulas (or the reasons for values) of every municipal fact, and the helper sheet they need. */
export function buildFactFormulas(input: FormulaInput): FormulaResult {
  const b = new Builder(input);
  const facts = new Map<string, FactFormula>();
  for (const v of input.values) {
    const key = factKey(v.id, v.period);
    const spec = specOfValue(input.template, v.id);
    if (!spec) {
      facts.set(key, { reason: "значение: показатель не описан в шаблоне" });
      continue;
    }
    if (v.value === null) {
      facts.set(key, { reason: "нет данных" });
      continue;
    }
    if (typeof v.value !== "number") {
      facts.set(key, { reason: "значение" });
      continue;
    }
    b.calc.begin();
    try {
      const fv: FormulaFact = { ...v, previousPeriod: previousPeriodOf(v.period) };
      facts.set(key, { formula: factFormula(b, spec, fv) });
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      b.rollback();
      facts.set(key, { reason: e.message });
    }
  }
  return { facts, calc: b.calc.used ? b.calc.render() : null };
}
