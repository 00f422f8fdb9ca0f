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
import { previousPeriodOf, type IndicatorUse } from "../indicators/engine";
import { FormulaError, type FormulaBuilder, type FormulaFact, type FormulaTerm } from "../indicators/formula";
import { specOfValue } from "../indicators/hints";
import { INDICATOR_KINDS } from "../indicators/kinds";
import type { IndicatorValue } from "../indicators/types";
import { columnLetter, quoteSheetName } from "../model/address";
import { cellAt, type SheetData, type WorkbookData } from "../model/sheet";
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
  uses: readonly IndicatorUse[];
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
  cells: Map<number, number>;
  extent: Extent;
}

/** The helper sheet under construction: columns of 1s (weights) or of figures, aligned with data rows. */
class CalcSheet {
  private readonly columns: HelperColumn[] = [];
  private readonly byKey = new Map<string, HelperColumn>();
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
        for (const [k, c] of this.byKey) if (c === column) this.byKey.delete(k);
      }
    }
    this.journal = [];
  }

  get used(): boolean {
    return this.columns.length > 0;
  }

  /** A column holding `cells` (row → number) in the rows of `extent`; equal columns are shared. */
  column(extent: Extent, cells: Map<number, number>, label: string): string {
    const key = `${extent.sheet}|${[...cells].map(([r, v]) => `${r}:${v}`).join(",")}`;
    let column = this.byKey.get(key);
    let created = false;
    if (!column) {
      // Column A carries the sheet's explanation; helper columns start at B.
      column = { col: this.columns.length + 2, labels: [], cells, extent };
      this.columns.push(column);
      this.byKey.set(key, column);
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
      for (const [row, value] of [...c.cells].sort((a, b) => a[0] - b[0]))
        cells.push({ row, col: c.col, value, style: "number" });
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

class Builder implements FormulaBuilder {
  readonly calc = new CalcSheet();
  private readonly uses = new Map<string, IndicatorUse[]>();
  private readonly extents = new Map<MonitoringSheetId, Extent | null>();
  private readonly recordsByRow = new Map<MonitoringSheetId, Map<number, Record<string, unknown>>>();

  constructor(private readonly input: FormulaInput) {
    // A record can be reported more than once (period_delta evaluates the previous period again).
    // Hundreds of thousands of uses at region scale: uses come in runs of one value, so the run's
    // list is looked up once per run, and rows already taken are kept as numbers per sheet.
    let last: {
      id: string;
      period: string;
      aggregate: 0 | 1;
      list: IndicatorUse[];
      rows: Map<string, Set<number>>;
    } | null = null;
    const seen = new Map<string, Map<string, Set<number>>>();
    for (const u of input.uses) {
      if (!last || last.id !== u.id || last.period !== u.period || last.aggregate !== u.aggregate) {
        const key = `${factKey(u.id, u.period)}\u0001${u.aggregate}`;
        let list = this.uses.get(key);
        if (!list) this.uses.set(key, (list = []));
        let rows = seen.get(key);
        if (!rows) seen.set(key, (rows = new Map()));
        last = { id: u.id, period: u.period, aggregate: u.aggregate, list, rows };
      }
      let taken = last.rows.get(u.sheet);
      if (!taken) last.rows.set(u.sheet, (taken = new Set()));
      if (taken.has(u.row)) continue;
      taken.add(u.row);
      last.list.push(u);
    }
  }

  usesOf(id: string, period: string, aggregate: 0 | 1): IndicatorUse[] {
    return this.uses.get(`${factKey(id, period)}\u0001${aggregate}`) ?? [];
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

  private sheetData(sheetName: string): SheetData | undefined {
    return this.input.workbook?.sheets.find((s) => s.name === sheetName);
  }

  /** The number Excel's SUMIFS sees in a cell: numbers only (text, booleans and blanks add nothing). */
  private excelNumber(sheet: MonitoringSheetId, row: number, col: number, columnId: string): number {
    const extent = this.extent(sheet);
    if (this.input.workbook) {
      const data = this.sheetData(extent.sheetName);
      if (!data) throw new FormulaError("значение: лист данных не найден в книге");
      const v = cellAt(data, row, col);
      return isNumber(v) ? v : 0;
    }
    let byRow = this.recordsByRow.get(sheet);
    if (!byRow) {
      byRow = new Map();
      for (const r of this.input.monitoring.records[sheet]) byRow.set(r.row, r.values);
      this.recordsByRow.set(sheet, byRow);
    }
    const v = byRow.get(row)?.[columnId];
    return isNumber(v) ? v : 0;
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
    let list = uses;
    if (a.op === "count_schools") {
      // One row per school: the engine counts distinct schools.
      const seen = new Set<string>();
      list = uses.filter((u) => {
        const k = u.schoolKey ?? `row:${u.row}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    if (list.length === 0) return { text: "0", value: 0 };
    const extent = this.extent(a.sheet);
    const rows = list.map((u) => u.row).sort((x, y) => x - y);
    const weights = this.calc.column(extent, new Map(rows.map((r) => [r, 1])), label);
    if (a.op === "count" || a.op === "count_schools") return { text: `COUNT(${weights})`, value: rows.length };
    const { plus, minus } = columnsOf(a);
    const sumOf = (columnId: string): FormulaTerm => {
      const { range, col } = this.dataRange(a.sheet, columnId);
      let value = 0;
      for (const r of rows) value += this.excelNumber(a.sheet, r, col, columnId);
      return { text: `SUMIFS(${range},${weights},1)`, value };
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
    const cells = new Map<number, number>();
    for (const u of uses) {
      if (!isNumber(u.value) || cells.has(u.row)) throw new FormulaError("значение: нет расчёта по строке");
      cells.set(u.row, u.value);
    }
    return { range: this.calc.column(extent, cells, label), values: [...cells.values()] };
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
      b.calc.rollback();
      facts.set(key, { reason: e.message });
    }
  }
  return { facts, calc: b.calc.used ? b.calc.render() : null };
}
