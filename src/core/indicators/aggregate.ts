/**
 * Aggregates over monitoring records (`sum`, `diff`, `count`, `count_schools` with `where`
 * conditions and a school filter) and their evaluation for one period: one pass over the period's
 * records, leaving out invalid rows consistently and, on request, tallying every school's own share.
 */
import type { MonitoringRecord } from "../monitoring/model";
import type { MonitoringSheetId } from "../monitoring/sheets";
import type { Aggregate, IndicatorSpec } from "../template/schema";
import type { IndicatorContext, IndicatorUse } from "./context";
import { statusYear, type PeriodKind } from "./periods";
import { EMPTY, OTHER, type ColumnData, type SheetTable } from "./table";
import {
  compileConditions,
  whereKeyOf,
  whereResult,
  WHERE_INVALID,
  WHERE_NO,
  WHERE_YES,
  type CompiledCondition,
  type WhereResult,
} from "./where";

/** Columns an aggregate reads, worked out once per declaration (not once per record). */
export interface AggregateColumns {
  /** Numbers it adds up: `column` and `columns`, then (for `diff`) `minus`; none for counts. */
  values: readonly string[];
  /** The added columns of `sum` and `diff`. */
  plus: readonly string[];
  /** The subtracted columns of `diff`. */
  minus: readonly string[];
  /** Columns of its `where` conditions. */
  where: readonly string[];
  /** `values` and `where` together: the sheet must have them all. */
  needed: readonly string[];
  /** Its `where` conditions, with expected texts folded once. */
  conditions: readonly CompiledCondition[];
  /** The conditions as text: aggregates with equal conditions share their per-record results. */
  whereKey: string;
}

const columnsCache = new WeakMap<Aggregate, AggregateColumns>();

export function columnsOf(a: Aggregate): AggregateColumns {
  let info = columnsCache.get(a);
  if (!info) {
    const plus = [...(a.column !== undefined ? [a.column] : []), ...(a.columns ?? [])];
    const minus = a.op === "diff" ? (a.minus ?? []) : [];
    const values = a.op === "diff" ? [...plus, ...minus] : a.op === "sum" ? plus : [];
    const where = a.where.map((c) => c.column);
    const conditions = compileConditions(a.where);
    const whereKey = whereKeyOf(a.where);
    info = { values, plus, minus, where, needed: [...values, ...where], conditions, whereKey };
    columnsCache.set(a, info);
  }
  return info;
}

export function whereColumns(a: Aggregate): readonly string[] {
  return columnsOf(a).where;
}

export function testWhere(a: Aggregate, r: MonitoringRecord): WhereResult {
  return whereResult(columnsOf(a).conditions, r);
}

export interface Selection {
  period: string;
  kind: PeriodKind;
  /** Only the records of one ВПР grade. */
  grade?: number;
  /** Value id the records used are logged under in `options.uses` (municipal values only). */
  traceId?: string;
}

export interface Evaluation {
  /** One value per aggregate; null for all when a sheet or column is missing. */
  values: (number | null)[];
  missing: boolean;
  /** Excluded records as `sheet:row`. */
  excluded: ReadonlySet<string>;
}

/**
 * A list for `Evaluation.values` (or any list read at the same sites), `n` long (n ≥ 1), all null.
 * Every one is of one class (holey, any value): lists pushed to from empty would be of three
 * (small integers, fractions, anything) by what they hold, and the kinds reading `values[0]`
 * would be compiled again for each new one.
 */
function valueList(n: number): (number | null)[] {
  return new Array<number | null>(n).fill(null);
}

/** The `excluded` of an evaluation that left nothing out (most of them: not allocated each time). */
export const NONE_EXCLUDED: ReadonlySet<string> = new Set<string>();

/** One sheet's share of an evaluation: which aggregates read it and which columns they need. */
interface SheetPass {
  sheet: MonitoringSheetId;
  table: SheetTable;
  /** Indexes (into the aggregates) of those on this sheet, ascending. */
  idx: readonly number[];
  /** Per entry of `idx`: its `where` result of every record (`WHERE_*`), null without conditions. */
  where: readonly (Uint8Array | null)[];
  /** Per aggregate (by index; those on this sheet): its added and its subtracted columns. */
  plus: (readonly ColumnData[])[];
  minus: (readonly ColumnData[])[];
  /** Every column any of them needs (an invalid one leaves the record out). */
  needed: ReadonlySet<string>;
  isRegistry: boolean;
  isSchoolSheet: boolean;
  /** Distinct value columns of the aggregates a record is used by, by bit mask of their indexes. */
  numbers: (readonly ColumnData[] | undefined)[];
}

/** The aggregate's `whereResult` of every record of the table (`WHERE_*`); null without conditions. */
export function whereCodes(table: SheetTable, info: AggregateColumns): Uint8Array | null {
  return info.conditions.length === 0 ? null : table.where(info.whereKey, info.conditions);
}

/** How a list of aggregates is evaluated: the sheets in order (the registry last); null when a sheet or column is missing. */
interface EvalPlan {
  passes: readonly SheetPass[] | null;
  /** `columnsOf` each aggregate. */
  columns: readonly AggregateColumns[];
}

function makePlan(ctx: IndicatorContext, aggregates: readonly Aggregate[]): EvalPlan {
  const columns = aggregates.map(columnsOf);
  for (let i = 0; i < aggregates.length; i++)
    if (!ctx.hasColumns(aggregates[i].sheet, columns[i].needed)) return { passes: null, columns };
  const sheets = [...new Set(aggregates.map((a) => a.sheet))].sort(
    (a, b) => Number(a === "schools") - Number(b === "schools"),
  );
  const passes = sheets.map((sheet): SheetPass => {
    const table = ctx.table(sheet);
    const idx = aggregates.map((a, i) => (a.sheet === sheet ? i : -1)).filter((i) => i >= 0);
    const needed = new Set<string>();
    for (const i of idx) for (const c of columns[i].needed) needed.add(c);
    const plus: (readonly ColumnData[])[] = [];
    const minus: (readonly ColumnData[])[] = [];
    for (let i = 0; i < aggregates.length; i++) {
      const on = aggregates[i].sheet === sheet;
      plus.push(on ? columns[i].plus.map((c) => table.column(c)) : []);
      minus.push(on ? columns[i].minus.map((c) => table.column(c)) : []);
    }
    return {
      sheet,
      table,
      idx,
      where: idx.map((i) => whereCodes(table, columns[i])),
      plus,
      minus,
      needed,
      isRegistry: sheet === "schools",
      isSchoolSheet: sheet !== "events",
      numbers: [],
    };
  });
  return { passes, columns };
}

/** Evaluation plans by context, then by the identity of the aggregates (one or two per indicator). */
const plans = new WeakMap<IndicatorContext, Map<Aggregate, Map<Aggregate | null, EvalPlan>>>();

/** The evaluation plan of a list of aggregates, made once per context and list. */
function planOf(ctx: IndicatorContext, aggregates: readonly Aggregate[]): EvalPlan {
  if (aggregates.length === 0 || aggregates.length > 2) return makePlan(ctx, aggregates);
  let byContext = plans.get(ctx);
  if (!byContext) plans.set(ctx, (byContext = new Map()));
  let byFirst = byContext.get(aggregates[0]);
  if (!byFirst) byContext.set(aggregates[0], (byFirst = new Map()));
  const second = aggregates[1] ?? null;
  let plan = byFirst.get(second);
  if (!plan) byFirst.set(second, (plan = makePlan(ctx, aggregates)));
  return plan;
}

/** Distinct value columns of the aggregates in `mask`, in aggregate order. */
function numbersOf(pass: SheetPass, columns: readonly AggregateColumns[], mask: number): readonly ColumnData[] {
  let list = pass.numbers[mask];
  if (!list) {
    const set = new Set<string>();
    for (const i of pass.idx) if (mask & (1 << i)) for (const c of columns[i].values) set.add(c);
    // Filled by index into a list made at its size: one class for every list (see `valueList`).
    const made = new Array<ColumnData>(set.size);
    let k = 0;
    for (const c of set) made[k++] = pass.table.column(c);
    pass.numbers[mask] = list = made;
  }
  return list;
}

/** The sum of the columns at record position `p` (all of them numbers there). */
function sumOf(columns: readonly ColumnData[], p: number): number {
  let s = 0;
  for (let j = 0; j < columns.length; j++) s += columns[j].num[p];
  return s;
}

/** Whether a record's invalid columns leave it out: parts exceeding the whole, a duplicate, or a needed column. */
function invalidFor(inv: readonly string[], needed: ReadonlySet<string>): boolean {
  return inv.includes("_sum") || inv.includes("_duplicate") || inv.some((c) => needed.has(c));
}

/**
 * Every school's share of an evaluation over all schools (see `evaluate`), by school ordinal
 * (`IndicatorContext.ordinal`), in flat arrays: the pass over the records allocates nothing per
 * school, and a school's `Evaluation` is made only when asked for (`schoolEvaluation`).
 */
export class SchoolTallies {
  /** Aggregates per school. */
  n = 0;
  /** `values[ordinal * n + i]`: aggregate i's sum, count, or (`count_schools`) 1 when the school was counted. */
  values = new Float64Array(0);
  /** 1 for a school with a tally: a record of its was used or left out. */
  has = new Uint8Array(0);
  /** The excluded records (`sheet:row`) of the schools that have some. */
  readonly excluded = new Map<number, Set<string>>();
  /** The evaluation `schoolEvaluation` gives, rewritten for each school asked for. */
  readonly view: { values: (number | null)[]; missing: false; excluded: ReadonlySet<string> } = {
    values: valueList(1),
    missing: false,
    excluded: NONE_EXCLUDED,
  };

  /** Sized by `evaluate` for its schools and aggregates. */
  prepare(schools: number, n: number): void {
    this.n = n;
    if (this.view.values.length !== n) this.view.values = valueList(n);
    this.values = new Float64Array(schools * n);
    this.has = new Uint8Array(schools);
    this.excluded.clear();
  }
}

/**
 * The evaluation of one school (by ordinal) from the tallies of an evaluation over all schools.
 * Tens of thousands of per-school values are read from it at once: it is one object per tallies
 * (`SchoolTallies.view`), rewritten for each school — read it before asking for another school
 * of the same tallies.
 */
export function schoolEvaluation(all: Evaluation, tallies: SchoolTallies, ordinal: number): Evaluation {
  if (all.missing) return { values: valueList(all.values.length), missing: true, excluded: NONE_EXCLUDED };
  const view = tallies.view;
  const n = tallies.n;
  const tallied = ordinal >= 0 && ordinal < tallies.has.length && tallies.has[ordinal] === 1;
  // A school without a tally has zeros there.
  for (let i = 0; i < n; i++) view.values[i] = tallied ? tallies.values[ordinal * n + i] : 0;
  view.excluded = (tallied ? tallies.excluded.get(ordinal) : undefined) ?? NONE_EXCLUDED;
  return view;
}

/** Whether an aggregate past the first among `idx` counts schools (its traced rows need school keys). */
function countsSchoolsPastFirst(aggregates: readonly Aggregate[], idx: readonly number[]): boolean {
  for (let j = 0; j < idx.length; j++) if (idx[j] > 0 && aggregates[idx[j]].op === "count_schools") return true;
  return false;
}

/**
 * Evaluates aggregates of one indicator over one period. Records are excluded
 * consistently: a record that any aggregate of its sheet would use, and that has an invalid value
 * in a column any aggregate of that sheet needs (or parts exceeding the whole, `_sum`, or is a second
 * row of one school in one period, `_duplicate`), is left out
 * of every aggregate; a school left out on a data sheet is left out of the registry counts too.
 * A record whose needed numbers are all empty carries no data and is skipped; one with some of them
 * empty is incomplete and left out (counted).
 *
 * With `schools`, the same pass also tallies each school's own evaluation (the same rules over
 * the school's records alone): per-school values of a period cost one pass over its records, not
 * one evaluation per school. The plan of the aggregates is made once, records
 * come from the period index, and the loop over records allocates nothing for a record it uses:
 * it reads the sheet's pre-extracted columns, `where` results and filter flags (`SheetTable`,
 * `IndicatorContext.filterFlags`) and keeps per-school state in arrays by school ordinal.
 */
export function evaluate(
  ctx: IndicatorContext,
  spec: IndicatorSpec,
  aggregates: readonly Aggregate[],
  sel: Selection,
  schools?: SchoolTallies,
): Evaluation {
  const { passes, columns } = planOf(ctx, aggregates);
  const n = aggregates.length;
  const values = valueList(n);
  if (passes === null) return { values, missing: true, excluded: NONE_EXCLUDED };
  let excluded: Set<string> | null = null;
  const year = statusYear(sel.period, sel.kind);
  const sums = new Float64Array(n);
  // `count_schools`: the schools counted (by ordinal) and their number.
  const counted: (Uint8Array | null)[] = [];
  for (let i = 0; i < n; i++) {
    counted.push(null);
  }
  let excludedSchools: Uint8Array | null = null;
  const registryNonEmpty = ctx.data.schools.length > 0;
  const registrySize = ctx.registrySize;
  // The passes' tables are read: every ordinal they hold is below this.
  const schoolCount = ctx.keys.length;
  if (schools) schools.prepare(schoolCount, n);
  const tallied = schools ? schools.values : null;
  const log = sel.traceId !== undefined ? ctx.options.uses : undefined;

  for (const pass of passes) {
    const { sheet, idx, needed, isRegistry, isSchoolSheet, where, plus, minus } = pass;
    const { records, school: ords, invalid: hasInvalid } = pass.table;
    const schoolKeys = ctx.keys;
    const rows = ctx.rowsFor(sheet, sel.kind, sel.period, sel.grade);
    // The runs this pass traces into (numerator, denominator), made on their first record.
    let numeratorRun: IndicatorUse | null = null;
    let denominatorRun: IndicatorUse | null = null;
    // Per entry of `idx`: the filter's flags by ordinal (null: all schools), and whether a
    // `count_schools` counts only registered schools.
    const flags: (Uint8Array | null)[] = [];
    const registeredOnly: boolean[] = [];
    for (let j = 0; j < idx.length; j++) {
      const a = aggregates[idx[j]];
      const filter = a.schools ?? spec.schools;
      flags.push(filter === "all" ? null : ctx.filterFlags(filter, year, spec.procedures));
      registeredOnly.push(a.op === "count_schools" && !isRegistry && registryNonEmpty);
    }
    for (let k = 0; k < rows.length; k++) {
      const p = rows[k];
      // The record object itself is read only when needed: visiting it costs a cache miss.
      const r = records[p];
      const ord = ords[p];
      const key = ord >= 0 ? schoolKeys[ord] : null;
      if (isRegistry && ord >= 0 && excludedSchools !== null && excludedSchools[ord] === 1) continue;
      let using = 0;
      let relevantInvalid = false;
      // Indexed loops here and below: this runs for every record, also before the code is optimised.
      for (let j = 0; j < idx.length; j++) {
        const codes = where[j];
        const w = codes === null ? WHERE_YES : codes[p];
        const f = flags[j];
        if (isSchoolSheet && ord < 0) {
          // A row without a school cannot be filtered; it would count for «all schools»: left out (counted).
          if (f === null && w !== WHERE_NO) relevantInvalid = true;
          continue;
        }
        if (f !== null && (ord < 0 || f[ord] === 0)) continue;
        if (registeredOnly[j] && (ord < 0 || ord >= registrySize)) continue;
        if (w === WHERE_INVALID) relevantInvalid = true;
        else if (w === WHERE_YES) using |= 1 << idx[j];
      }
      if (!relevantInvalid && using === 0) continue;
      const numbers = pass.numbers[using] ?? numbersOf(pass, columns, using);
      let filled = 0;
      let notNumber = false;
      for (let j = 0; j < numbers.length; j++) {
        const state = numbers[j].state[p];
        if (state === EMPTY) continue;
        filled++;
        if (state === OTHER) notNumber = true;
      }
      const invalid = relevantInvalid || (hasInvalid[p] === 1 && invalidFor(r.invalid, needed)) || notNumber;
      if (!invalid && numbers.length > 0 && filled === 0) continue; // no data in this row
      // The school's place in the tallies; -1 when not tallied.
      let tally = -1;
      if (schools && ord >= 0) {
        tally = ord * n;
        schools.has[ord] = 1;
      }
      if (invalid || filled < numbers.length) {
        const at = `${sheet}:${r.row}`;
        (excluded ??= new Set()).add(at);
        if (schools && tally >= 0) {
          const own = schools.excluded.get(ord);
          if (own) own.add(at);
          else schools.excluded.set(ord, new Set([at]));
        }
        if (ord >= 0) (excludedSchools ??= new Uint8Array(schoolCount))[ord] = 1;
        continue;
      }
      if (log) {
        // Two row lists per pass, not an object per record; aggregates past the first are all «1».
        const rest = using & ~1;
        if (using & 1) {
          numeratorRun ??= log.run(sel.traceId as string, sel.period, 0, sheet, aggregates[0].op === "count_schools");
          numeratorRun.rows.push(r.row);
          numeratorRun.schoolKeys?.push(key);
        }
        if (rest) {
          denominatorRun ??= log.run(
            sel.traceId as string,
            sel.period,
            1,
            sheet,
            countsSchoolsPastFirst(aggregates, idx),
          );
          denominatorRun.rows.push(r.row);
          denominatorRun.schoolKeys?.push(key);
        }
      }
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j];
        if (!(using & (1 << i))) continue;
        const op = aggregates[i].op;
        if (op === "count_schools") {
          if (ord >= 0) {
            const seen = (counted[i] ??= new Uint8Array(schoolCount));
            if (seen[ord] === 0) {
              seen[ord] = 1;
              sums[i]++;
            }
            if (tallied !== null && tally >= 0) tallied[tally + i] = 1;
          }
          continue;
        }
        const x = op === "sum" ? sumOf(plus[i], p) : op === "diff" ? sumOf(plus[i], p) - sumOf(minus[i], p) : 1;
        sums[i] += x;
        if (tallied !== null && tally >= 0) tallied[tally + i] += x;
      }
    }
  }
  for (let i = 0; i < n; i++) values[i] = sums[i];
  return { values, missing: false, excluded: excluded ?? NONE_EXCLUDED };
}
