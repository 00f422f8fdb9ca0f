/**
 * The indicator engine: computes every indicator a template declares over parsed monitoring data
 * (and the plan-graph, for `plan_done_pct`), for every period present in the data, for the
 * municipality and, where the declaration says so, for each school.
 *
 * Rules (DOMAIN.md «Indicators»): values are unrounded, `display` is rounded half-up to one
 * decimal; a record whose value the indicator needs is invalid is left out and counted in
 * `excluded_rows`, never read as zero; a missing sheet or column gives «нет данных»; a zero
 * denominator gives «нет данных»; targets are compared on the unrounded value.
 */
import { memoizeText } from "../text/memo";
import type { IsoDate } from "../model/dates";
import type { MonitoringData, MonitoringRecord, RecordValue, SchoolEntry } from "../monitoring/model";
import type { MonitoringSheetId } from "../monitoring/sheets";
import { parseProcedure } from "../monitoring/procedure";
import { lowResults, shnorStatus, shnorStatuses, type ShnorStatus } from "../monitoring/shnor";
import { schoolKey as toSchoolKey } from "../parse/school";
import type { PlanSheetResult } from "../plan/validatePlan";
import type {
  Aggregate,
  Condition,
  IndicatorPeriod,
  IndicatorSpec,
  SchoolFilter,
  Target,
  Template,
} from "../template/schema";
import { foldText } from "../text/normalize";
import { computePlanDone } from "./planDone";
import { displayValue, formatNumberRu, type IndicatorValue } from "./types";

export interface IndicatorOptions {
  /** Validated plan sheets; `plan_done_pct` is computed when some of them are monitored (have a status column). */
  plans?: readonly PlanSheetResult[];
  /** Report date: the period of report-date indicators, and the fallback period when a sheet has no data. */
  asOf: IsoDate;
  /**
   * Called for every record a municipal value uses (the dashboard writes these decisions into its
   * helper sheet, so that its formulas reproduce the engine). Not called for per-school values.
   */
  trace?: (use: IndicatorUse) => void;
}

/**
 * One record used by a municipal value: which value (`id` as in `IndicatorValue.id`, e.g.
 * `vpr_coped_pct_g5`), period and aggregate (0 = numerator, 1 = denominator), which sheet and
 * worksheet row («Школы» rows for registry counts). `value` carries a per-record figure where the
 * municipal value is built from such figures: the numerator of a counted school (`school_threshold`,
 * aggregate 1) and the share of one event (`event_share`, aggregate 0).
 */
export interface IndicatorUse {
  id: string;
  period: string;
  aggregate: 0 | 1;
  sheet: MonitoringSheetId;
  row: number;
  schoolKey: string | null;
  value?: number;
}

type PeriodKind = IndicatorPeriod["kind"];
type ScopeKind = "municipality" | "school";
const MUNICIPALITY = "municipality";
/** Tolerance of target comparisons against binary floating error (values are percentages or counts). */
const EPS = 1e-9;

// ---------------------------------------------------------------------------------------------
// Periods

const YEAR_RE = /^\d{4}$/;
const SCHOOL_YEAR_RE = /^\d{4}\/\d{4}$/;

/** Calendar year of a record: the «Год» value, its period, or (events) the year of its date. */
function recordYear(r: MonitoringRecord): string | null {
  const y = r.values.year;
  if (typeof y === "number" && Number.isInteger(y)) return String(y);
  if (r.period && YEAR_RE.test(r.period)) return r.period;
  const d = r.values.date;
  if (d instanceof Date && !Number.isNaN(d.getTime())) return String(d.getUTCFullYear());
  return null;
}

function recordPeriod(r: MonitoringRecord, kind: PeriodKind): string | null {
  if (kind === "school_year") return r.period && SCHOOL_YEAR_RE.test(r.period) ? r.period : null;
  if (kind === "year") return recordYear(r);
  return null;
}

export function previousPeriod(period: string, kind: PeriodKind): string | null {
  if (kind === "year" && YEAR_RE.test(period)) return String(Number(period) - 1);
  if (kind === "school_year" && SCHOOL_YEAR_RE.test(period)) {
    const start = Number(period.slice(0, 4));
    return `${start - 1}/${start}`;
  }
  return null;
}

/** The period before `period`, its kind read from its spelling («2022» or «2022/2023»). */
export function previousPeriodOf(period: string): string | null {
  return previousPeriod(period, SCHOOL_YEAR_RE.test(period) ? "school_year" : "year");
}

/**
 * The calendar year whose ШНОР status applies to a period: the year itself; for a school year
 * «2021/2022» its closing year 2022; for a report date its year.
 */
function statusYear(period: string, kind: PeriodKind): number {
  if (kind === "school_year") return Number(period.slice(5, 9));
  return Number(period.slice(0, 4));
}

/** The period an indicator reports «нет данных» for when its sheet has no data: the one containing the report date (within the project period). */
function fallbackPeriod(kind: PeriodKind, template: Template, asOf: IsoDate): string {
  if (kind === "report_date") return asOf;
  let d = asOf;
  if (d > template.period.end) d = template.period.end;
  if (d < template.period.start) d = template.period.start;
  const y = Number(d.slice(0, 4));
  if (kind === "year") return String(y);
  return Number(d.slice(5, 7)) >= 9 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

// ---------------------------------------------------------------------------------------------
// Context: registry, ШНОР statuses (cached per year), records

/** Records by period, in sheet order. */
type PeriodIndex = Map<string, MonitoringRecord[]>;

interface StatusSet {
  list: readonly ShnorStatus[];
  byKey: Map<string, ShnorStatus>;
}

const NO_RECORDS: readonly MonitoringRecord[] = [];

class Context {
  readonly registry = new Map<string, SchoolEntry>();
  readonly registryRecords: MonitoringRecord[];
  /** ШНОР statuses by procedure list (identity; undefined = the default list), then year. */
  private readonly statusCache = new Map<readonly string[] | undefined, Map<number, StatusSet>>();

  constructor(
    readonly template: Template,
    readonly data: MonitoringData,
    readonly options: IndicatorOptions,
  ) {
    for (const s of data.schools) if (!this.registry.has(s.key)) this.registry.set(s.key, s);
    const byRow = new Map<number, MonitoringRecord>();
    for (const r of data.records.schools ?? []) byRow.set(r.row, r);
    this.registryRecords = data.schools.map((s) => {
      const rec = byRow.get(s.row);
      return {
        sheetName: rec?.sheetName ?? data.present.schools?.sheetName ?? "Школы",
        row: s.row,
        school: s.name,
        schoolKey: s.key,
        period: null,
        values: {
          ...(rec?.values ?? {}),
          shnor: s.shnor,
          shnsu: s.shnsu,
          leader: s.leader,
          participant: s.participant,
          unobjective: s.unobjective,
          level: s.level,
        },
        invalid: rec?.invalid ?? [],
      };
    });
  }

  records(sheet: MonitoringSheetId): readonly MonitoringRecord[] {
    return sheet === "schools" ? this.registryRecords : (this.data.records[sheet] ?? []);
  }

  private readonly byPeriod = new Map<MonitoringSheetId, Map<PeriodKind, PeriodIndex>>();

  private readonly byGrade = new WeakMap<readonly MonitoringRecord[], Map<number, MonitoringRecord[]>>();

  /** The records of a list that are of one ВПР grade, in order (each list is partitioned once). */
  ofGrade(list: readonly MonitoringRecord[], grade: number): readonly MonitoringRecord[] {
    let grades = this.byGrade.get(list);
    if (!grades) {
      grades = new Map();
      for (let k = 0; k < list.length; k++) {
        const r = list[k];
        const g = gradeOf(r);
        if (g === null) continue;
        const own = grades.get(g);
        if (own) own.push(r);
        else grades.set(g, [r]);
      }
      this.byGrade.set(list, grades);
    }
    return grades.get(grade) ?? NO_RECORDS;
  }

  /**
   * Records of a sheet by period, in sheet order: built once per sheet and period kind, so that a
   * value of one period reads only its own records instead of passing over the whole sheet.
   */
  periodIndex(sheet: MonitoringSheetId, kind: PeriodKind): PeriodIndex {
    let byKind = this.byPeriod.get(sheet);
    if (!byKind) this.byPeriod.set(sheet, (byKind = new Map()));
    let index = byKind.get(kind);
    if (!index) {
      index = new Map();
      const records = this.records(sheet);
      for (let k = 0; k < records.length; k++) {
        const r = records[k];
        const p = recordPeriod(r, kind);
        if (p === null) continue;
        const list = index.get(p);
        if (list) list.push(r);
        else index.set(p, [r]);
      }
      byKind.set(kind, index);
    }
    return index;
  }

  /** Records whose period (`recordPeriod`) is `period`, in sheet order. */
  recordsIn(sheet: MonitoringSheetId, kind: PeriodKind, period: string): readonly MonitoringRecord[] {
    return this.periodIndex(sheet, kind).get(period) ?? NO_RECORDS;
  }

  /**
   * The records a value of `period` reads: the registry and report-date values read every record,
   * the others those of the period.
   */
  recordsFor(sheet: MonitoringSheetId, kind: PeriodKind, period: string): readonly MonitoringRecord[] {
    if (sheet === "schools" || kind === "report_date") return this.records(sheet);
    return this.recordsIn(sheet, kind, period);
  }

  private readonly plans = new Map<Aggregate, Map<Aggregate | null, EvalPlan>>();

  /** The evaluation plan of a list of aggregates (cached by their identity: one or two per indicator). */
  plan(aggregates: readonly Aggregate[]): EvalPlan {
    if (aggregates.length === 0 || aggregates.length > 2) return makePlan(this, aggregates);
    let byFirst = this.plans.get(aggregates[0]);
    if (!byFirst) this.plans.set(aggregates[0], (byFirst = new Map()));
    const second = aggregates[1] ?? null;
    let plan = byFirst.get(second);
    if (!plan) byFirst.set(second, (plan = makePlan(this, aggregates)));
    return plan;
  }

  /** Whether the sheet and all the given columns are present in the workbook. */
  hasColumns(sheet: MonitoringSheetId, columns: readonly string[]): boolean {
    const present = this.data.present[sheet];
    if (!present) return false;
    return columns.every((c) => present.columns.includes(c));
  }

  /** The last set `statusesOf` gave: a run of values asks for one year and procedure list again and again. */
  private lastStatuses: { year: number; procedures: readonly string[] | undefined; set: StatusSet } | null = null;

  /** ШНОР statuses of every school for a year (`shnorStatuses`), computed once per year and procedure list. */
  private statusesOf(year: number, procedures: readonly string[] | undefined): StatusSet {
    const last = this.lastStatuses;
    if (last && last.year === year && last.procedures === procedures) return last.set;
    let byYear = this.statusCache.get(procedures);
    if (!byYear) this.statusCache.set(procedures, (byYear = new Map()));
    let set = byYear.get(year);
    if (!set) {
      const list = shnorStatuses(this.data, year, procedures);
      const byKey = new Map<string, ShnorStatus>();
      for (const s of list) byKey.set(s.schoolKey, s);
      set = { list, byKey };
      byYear.set(year, set);
    }
    this.lastStatuses = { year, procedures, set };
    return set;
  }

  /** The statuses `shnorStatuses` gives for the year (the same objects `status` returns). */
  statusList(year: number, procedures: readonly string[] | undefined): readonly ShnorStatus[] {
    return this.statusesOf(year, procedures).list;
  }

  status(key: string, year: number, procedures: readonly string[] | undefined): ShnorStatus {
    const { byKey } = this.statusesOf(year, procedures);
    let s = byKey.get(key);
    if (!s) {
      s = shnorStatus(this.data, key, year, procedures);
      byKey.set(key, s);
    }
    return s;
  }

  passes(filter: SchoolFilter, key: string | null, year: number, procedures: readonly string[] | undefined): boolean {
    if (filter === "all") return true;
    if (key === null) return false;
    const entry = this.registry.get(key);
    switch (filter) {
      case "participants":
        return entry?.participant === true;
      case "leaders":
        return entry?.leader === true;
      case "shnor":
        return this.status(key, year, procedures).status === true;
      case "shnor_shnsu":
        return entry?.shnsu === true || this.status(key, year, procedures).status === true;
    }
  }

  schoolName(key: string, fallback: string | null): string {
    return this.registry.get(key)?.name ?? fallback ?? key;
  }

  /** Keys in registry order first, then the others in order of appearance. */
  orderKeys(keys: Iterable<string>): string[] {
    const set = new Set(keys);
    const out: string[] = [];
    for (const s of this.data.schools) if (set.delete(s.key)) out.push(s.key);
    out.push(...set);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Aggregates

/** Columns an aggregate reads, worked out once per declaration (not once per record). */
interface AggregateColumns {
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
}

interface CompiledCondition {
  column: string;
  condition: Condition;
  /** The folded `eq` / `ne` text; null when the expected value is not a text. */
  eqText: string | null;
  neText: string | null;
}

const columnsCache = new WeakMap<Aggregate, AggregateColumns>();

function columnsOf(a: Aggregate): AggregateColumns {
  let info = columnsCache.get(a);
  if (!info) {
    const plus = [...(a.column !== undefined ? [a.column] : []), ...(a.columns ?? [])];
    const minus = a.op === "diff" ? (a.minus ?? []) : [];
    const values = a.op === "diff" ? [...plus, ...minus] : a.op === "sum" ? plus : [];
    const where = a.where.map((c) => c.column);
    const conditions = a.where.map((c): CompiledCondition => ({
      column: c.column,
      condition: c,
      eqText: typeof c.eq === "string" ? folded(c.eq) : null,
      neText: typeof c.ne === "string" ? folded(c.ne) : null,
    }));
    info = { values, plus, minus, where, needed: [...values, ...where], conditions };
    columnsCache.set(a, info);
  }
  return info;
}

function whereColumns(a: Aggregate): readonly string[] {
  return columnsOf(a).where;
}

/** Kind and grade of a procedure text (memoised: the same few texts recur on every row). */
const procedureInfo = memoizeText((text): { kind: string; grade: number | null } => {
  const p = parseProcedure(text);
  return { kind: p.kind, grade: p.kind === "ВПР" ? p.grade : null };
});

/** `foldText`, memoised: conditions compare the same few texts on every row. */
const folded = memoizeText(foldText);

/** `v` equals the expected value: a text compared folded (`text` is the expected text folded), others exactly. */
function equals(v: RecordValue, expected: boolean | number | string, text: string | null): boolean {
  if (text !== null) return typeof v === "string" && folded(v) === text;
  return v === expected;
}

function testCondition(cc: CompiledCondition, v: RecordValue): boolean {
  const c = cc.condition;
  if (c.eq !== undefined) return equals(v, c.eq, cc.eqText);
  if (c.ne !== undefined) return v !== null && !equals(v, c.ne, cc.neText);
  if (c.procedureKind !== undefined) return typeof v === "string" && procedureInfo(v).kind === c.procedureKind;
  if (typeof v !== "number") return false;
  if (c.gte !== undefined) return v >= c.gte;
  if (c.gt !== undefined) return v > c.gt;
  if (c.lte !== undefined) return v <= c.lte;
  if (c.lt !== undefined) return v < c.lt;
  return false;
}

type WhereResult = "yes" | "no" | "invalid";

function whereResult(conditions: readonly CompiledCondition[], r: MonitoringRecord): WhereResult {
  if (conditions.length === 0) return "yes";
  const invalid = r.invalid;
  if (invalid.length > 0) for (const c of conditions) if (invalid.includes(c.column)) return "invalid";
  for (let j = 0; j < conditions.length; j++) {
    const c = conditions[j];
    if (!testCondition(c, r.values[c.column] ?? null)) return "no";
  }
  return "yes";
}

function testWhere(a: Aggregate, r: MonitoringRecord): WhereResult {
  return whereResult(columnsOf(a).conditions, r);
}

interface Selection {
  period: string;
  kind: PeriodKind;
  /** Only the records of one ВПР grade. */
  grade?: number;
  /** Value id reported to `options.trace` (municipal values only). */
  traceId?: string;
}

interface Evaluation {
  /** One value per aggregate; null for all when a sheet or column is missing. */
  values: (number | null)[];
  missing: boolean;
  /** Excluded records as `sheet:row`. */
  excluded: ReadonlySet<string>;
}

/** The `excluded` of an evaluation that left nothing out (most of them: not allocated each time). */
const NONE_EXCLUDED: ReadonlySet<string> = new Set<string>();

/** One sheet's share of an evaluation: which aggregates read it and which columns they need. */
interface SheetPass {
  sheet: MonitoringSheetId;
  /** Indexes (into the aggregates) of those on this sheet, ascending. */
  idx: readonly number[];
  /** Every column any of them needs (an invalid one leaves the record out). */
  needed: ReadonlySet<string>;
  isRegistry: boolean;
  isSchoolSheet: boolean;
  /** Distinct value columns of the aggregates a record is used by, by bit mask of their indexes. */
  numbers: (readonly string[] | undefined)[];
}

/** How a list of aggregates is evaluated: the sheets in order (the registry last); null when a sheet or column is missing. */
interface EvalPlan {
  passes: readonly SheetPass[] | null;
  /** `columnsOf` each aggregate. */
  columns: readonly AggregateColumns[];
}

function makePlan(ctx: Context, aggregates: readonly Aggregate[]): EvalPlan {
  const columns = aggregates.map(columnsOf);
  for (let i = 0; i < aggregates.length; i++)
    if (!ctx.hasColumns(aggregates[i].sheet, columns[i].needed)) return { passes: null, columns };
  const sheets = [...new Set(aggregates.map((a) => a.sheet))].sort(
    (a, b) => Number(a === "schools") - Number(b === "schools"),
  );
  const passes = sheets.map((sheet): SheetPass => {
    const idx = aggregates.map((a, i) => (a.sheet === sheet ? i : -1)).filter((i) => i >= 0);
    const needed = new Set<string>();
    for (const i of idx) for (const c of columns[i].needed) needed.add(c);
    return {
      sheet,
      idx,
      needed,
      isRegistry: sheet === "schools",
      isSchoolSheet: sheet !== "events",
      numbers: [],
    };
  });
  return { passes, columns };
}

/** Distinct value columns of the aggregates in `mask`, in aggregate order. */
function numbersOf(pass: SheetPass, columns: readonly AggregateColumns[], mask: number): readonly string[] {
  let list = pass.numbers[mask];
  if (!list) {
    const set = new Set<string>();
    for (const i of pass.idx) if (mask & (1 << i)) for (const c of columns[i].values) set.add(c);
    list = [...set];
    pass.numbers[mask] = list;
  }
  return list;
}

function sumOf(r: MonitoringRecord, columns: readonly string[]): number {
  const v = r.values;
  let s = 0;
  for (let j = 0; j < columns.length; j++) s += v[columns[j]] as number;
  return s;
}

/** One school's share of an evaluation over all schools (see `evaluate`). */
interface SchoolTally {
  /** Per aggregate: the sum, the count, or (`count_schools`) 1 when the school was counted. */
  sums: number[];
  excluded: Set<string> | null;
}

/** Every school's values of one evaluation, by school key. */
type SchoolTallies = Map<string, SchoolTally>;

/** The evaluation of one school from the tallies of an evaluation over all schools. */
function schoolEvaluation(all: Evaluation, tallies: SchoolTallies, key: string): Evaluation {
  if (all.missing) return { values: all.values.map(() => null), missing: true, excluded: NONE_EXCLUDED };
  const t = tallies.get(key);
  return {
    values: t ? t.sums : all.values.map(() => 0),
    missing: false,
    excluded: t?.excluded ?? NONE_EXCLUDED,
  };
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
 * come from the period index, and the loop over records allocates nothing for a record it uses.
 */
function evaluate(
  ctx: Context,
  spec: IndicatorSpec,
  aggregates: readonly Aggregate[],
  sel: Selection,
  schools?: SchoolTallies,
): Evaluation {
  const { passes, columns } = ctx.plan(aggregates);
  const n = aggregates.length;
  const values: (number | null)[] = [];
  if (passes === null) {
    for (let i = 0; i < n; i++) values.push(null);
    return { values, missing: true, excluded: NONE_EXCLUDED };
  }
  let excluded: Set<string> | null = null;
  const year = statusYear(sel.period, sel.kind);
  const sums: number[] = [];
  const schoolSets: (Set<string> | null)[] = [];
  for (let i = 0; i < n; i++) {
    sums.push(0);
    schoolSets.push(null);
  }
  let excludedSchools: Set<string> | null = null;
  const registryNonEmpty = ctx.data.schools.length > 0;
  const trace = sel.traceId !== undefined ? ctx.options.trace : undefined;

  for (const pass of passes) {
    const { sheet, idx, needed, isRegistry, isSchoolSheet } = pass;
    const all = ctx.recordsFor(sheet, sel.kind, sel.period);
    const records = sel.grade === undefined ? all : ctx.ofGrade(all, sel.grade);
    for (let k = 0; k < records.length; k++) {
      const r = records[k];
      const key = r.schoolKey;
      if (isRegistry && key !== null && excludedSchools?.has(key)) continue;
      let using = 0;
      let relevantInvalid = false;
      // Indexed loops here and below: this runs for every record, also before the code is optimised.
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j];
        const a = aggregates[i];
        const filter = a.schools ?? spec.schools;
        if (isSchoolSheet && key === null) {
          // A row without a school cannot be filtered; it would count for «all schools»: left out (counted).
          if (filter === "all" && whereResult(columns[i].conditions, r) !== "no") relevantInvalid = true;
          continue;
        }
        if (filter !== "all" && !ctx.passes(filter, key, year, spec.procedures)) continue;
        if (a.op === "count_schools" && !isRegistry && registryNonEmpty && (key === null || !ctx.registry.has(key)))
          continue;
        const w = whereResult(columns[i].conditions, r);
        if (w === "invalid") relevantInvalid = true;
        else if (w === "yes") using |= 1 << i;
      }
      if (!relevantInvalid && using === 0) continue;
      const numbers = pass.numbers[using] ?? numbersOf(pass, columns, using);
      const v = r.values;
      let filled = 0;
      let notNumber = false;
      for (let j = 0; j < numbers.length; j++) {
        const x = v[numbers[j]];
        if (x === null || x === undefined) continue;
        filled++;
        if (typeof x !== "number") notNumber = true;
      }
      const inv = r.invalid;
      const invalid =
        relevantInvalid ||
        (inv.length > 0 && (inv.includes("_sum") || inv.includes("_duplicate") || inv.some((c) => needed.has(c)))) ||
        notNumber;
      if (!invalid && numbers.length > 0 && filled === 0) continue; // no data in this row
      let tally: SchoolTally | undefined;
      if (schools && key !== null) {
        tally = schools.get(key);
        if (!tally) {
          tally = { sums: [], excluded: null };
          for (let i = 0; i < n; i++) tally.sums.push(0);
          schools.set(key, tally);
        }
      }
      if (invalid || filled < numbers.length) {
        const at = `${sheet}:${r.row}`;
        (excluded ??= new Set()).add(at);
        if (tally) (tally.excluded ??= new Set()).add(at);
        if (key !== null) (excludedSchools ??= new Set()).add(key);
        continue;
      }
      if (trace)
        for (const i of idx) {
          if (!(using & (1 << i))) continue;
          trace({
            id: sel.traceId as string,
            period: sel.period,
            aggregate: i === 0 ? 0 : 1,
            sheet,
            row: r.row,
            schoolKey: key,
          });
        }
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j];
        if (!(using & (1 << i))) continue;
        const op = aggregates[i].op;
        if (op === "count_schools") {
          if (key !== null) {
            (schoolSets[i] ??= new Set()).add(key);
            if (tally) tally.sums[i] = 1;
          }
          continue;
        }
        const x =
          op === "sum"
            ? sumOf(r, columns[i].plus)
            : op === "diff"
              ? sumOf(r, columns[i].plus) - sumOf(r, columns[i].minus)
              : 1;
        sums[i] += x;
        if (tally) tally.sums[i] += x;
      }
    }
  }
  for (let i = 0; i < n; i++) values.push(aggregates[i].op === "count_schools" ? (schoolSets[i]?.size ?? 0) : sums[i]);
  return { values, missing: false, excluded: excluded ?? NONE_EXCLUDED };
}

// ---------------------------------------------------------------------------------------------
// Values, display, targets

/** A computed value before targets and the previous period are attached. */
/** A municipality-scope raw value of an indicator for one period. */
function municipalRaw(
  spec: { id: string; title: string; unit: string },
  period: string,
  rest: Pick<Raw, "value" | "excluded"> & Partial<Raw>,
): Raw {
  return {
    id: spec.id,
    title: spec.title,
    unit: spec.unit,
    period,
    scope: MUNICIPALITY,
    scopeKind: MUNICIPALITY,
    ...rest,
  };
}

interface Raw {
  id: string;
  title: string;
  unit: string;
  period: string;
  scope: string;
  scopeKind: ScopeKind;
  value: number | boolean | null;
  excluded: number;
  numerator?: number;
  denominator?: number;
  procedure?: string;
  note?: string;
  /** Overrides `display` (e.g. plan_done «нет мероприятий со сроком»). */
  display?: string;
}

function plainNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : formatNumberRu(n, 1);
}

/** «34,5 %»; counts as whole numbers («12 ед.»); statuses «да»/«нет»; «нет данных». */
export function formatValue(value: number | boolean | null, unit: string): string {
  if (typeof value === "number" && unit !== "%" && Number.isInteger(value))
    return unit ? `${value} ${unit}` : String(value);
  return displayValue(value, unit);
}

/** «≥ 75 %», «≤ 20 %», «100 %» (for = 100 and ≥ 100), «> 0 чел.», «рост ≥ 1 п.п.». */
export function targetText(t: Target, unit: string): string {
  const withUnit = (n: number) => `${plainNumber(n)}${unit ? ` ${unit}` : ""}`;
  switch (t.op) {
    case ">=":
      // Nothing exceeds 100 %: «не менее 100 %» reads «100 %».
      return unit === "%" && t.value === 100 ? withUnit(t.value) : `≥ ${withUnit(t.value)}`;
    case "<=":
      return `≤ ${withUnit(t.value)}`;
    case ">":
      return `> ${withUnit(t.value)}`;
    case "<":
      return `< ${withUnit(t.value)}`;
    case "=":
      return withUnit(t.value);
    case "growth":
      return `рост ≥ ${plainNumber(t.value)}${unit === "%" ? " п.п." : unit ? ` ${unit}` : ""}`;
  }
}

/** Whether a target is met, on the unrounded value; null without a value (or, for growth, without the previous one). */
export function targetMet(
  t: Target,
  value: number | boolean | null,
  previous: number | boolean | null,
): boolean | null {
  if (typeof value !== "number") return null;
  switch (t.op) {
    case ">=":
      return value >= t.value - EPS;
    case "<=":
      return value <= t.value + EPS;
    case ">":
      return value > t.value + EPS;
    case "<":
      return value < t.value - EPS;
    case "=":
      return Math.abs(value - t.value) <= EPS;
    case "growth":
      return typeof previous === "number" ? value - previous >= t.value - EPS : null;
  }
}

/** The targets for a period and scope: those naming the period, else those for every period. */
function targetsFor(spec: IndicatorSpec, period: string, scopeKind: ScopeKind): Target[] {
  const scoped = spec.targets.filter((t) => t.scope === undefined || t.scope === scopeKind);
  const matches = (t: Target) =>
    t.period !== undefined &&
    (t.period === period || (spec.period.kind === "report_date" && period.startsWith(`${t.period}-`)));
  const specific = scoped.filter(matches);
  return specific.length ? specific : scoped.filter((t) => t.period === undefined);
}

/** A raw's identity within its period: the scope alone for the usual one-id, no-procedure raws. */
function rawKey(r: Raw, id: string): string {
  return r.id === id && !r.procedure ? r.scope : `${r.id}\u0001${r.scope}\u0001${r.procedure ?? ""}`;
}

interface TargetsMemo {
  scopeKind: ScopeKind;
  unit: string;
  period: string;
  targets: readonly Target[];
  text: string | null;
}

const NO_TARGETS: { targets: readonly Target[]; text: string | null } = { targets: [], text: null };

/**
 * Targets, their status and the previous period's value of every raw value. Runs over every
 * per-school value: raws are found by period, then by scope (no key built per value), and the
 * targets of a scope kind, unit and period are worked out once.
 */
function finish(spec: IndicatorSpec, raws: readonly Raw[]): IndicatorValue[] {
  const id = raws.length ? raws[0].id : spec.id;
  const byPeriod = new Map<string, Map<string, Raw>>();
  // Indexed loops: one pass per value, also before the code is optimised.
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    let scopes = byPeriod.get(r.period);
    if (!scopes) byPeriod.set(r.period, (scopes = new Map()));
    scopes.set(rawKey(r, id), r);
  }
  // Periods, targets and their texts repeat for every school: worked out once each.
  const previousOf = new Map<string, Map<string, Raw> | null>();
  const memos: TargetsMemo[] = [];
  let last: TargetsMemo | null = null;
  const out: IndicatorValue[] = [];
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    let prevScopes = previousOf.get(r.period);
    if (prevScopes === undefined) {
      const prevPeriod = previousPeriod(r.period, spec.period.kind);
      prevScopes = prevPeriod ? (byPeriod.get(prevPeriod) ?? null) : null;
      previousOf.set(r.period, prevScopes);
    }
    const prev = prevScopes ? prevScopes.get(rawKey(r, id)) : undefined;
    const previous = prev ? prev.value : null;
    const delta = typeof r.value === "number" && typeof previous === "number" ? r.value - previous : null;
    let t = NO_TARGETS;
    if (r.procedure === undefined) {
      if (!last || last.scopeKind !== r.scopeKind || last.unit !== r.unit || last.period !== r.period) {
        last = memos.find((m) => m.scopeKind === r.scopeKind && m.unit === r.unit && m.period === r.period) ?? null;
        if (!last) {
          const targets = targetsFor(spec, r.period, r.scopeKind);
          last = {
            scopeKind: r.scopeKind,
            unit: r.unit,
            period: r.period,
            targets,
            text: targets.length ? targets.map((x) => targetText(x, r.unit)).join("; ") : null,
          };
          memos.push(last);
        }
      }
      t = last;
    }
    const targets = t.targets;
    let met: boolean | null = null;
    if (targets.length) {
      met = true;
      for (const x of targets) {
        const m = targetMet(x, r.value, previous);
        if (m === null) {
          met = null;
          break;
        }
        if (!m) met = false;
      }
    }
    const v: IndicatorValue = {
      id: r.id,
      title: r.title,
      period: r.period,
      scope: r.scope,
      value: r.value,
      display: r.display ?? formatValue(r.value, r.unit),
      unit: r.unit,
      target: t.text,
      met,
      excluded_rows: r.excluded,
      previous,
      delta,
    };
    if (r.numerator !== undefined) v.numerator = r.numerator;
    if (r.denominator !== undefined) v.denominator = r.denominator;
    if (r.procedure !== undefined) v.procedure = r.procedure;
    if (r.note !== undefined) v.note = r.note;
    out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Indicator kinds

/** The sheet whose periods an indicator lists. */
function periodSheet(spec: IndicatorSpec): MonitoringSheetId | null {
  return spec.period.sheet ?? spec.numerator?.sheet ?? null;
}

/** Sorted periods present on the sheet (with records of the ВПР grade, when given), or the fallback period when there are none. */
function periodsOf(ctx: Context, spec: IndicatorSpec, grade?: number): { periods: string[]; fallback: boolean } {
  const kind = spec.period.kind;
  if (kind === "report_date") return { periods: [ctx.options.asOf], fallback: false };
  const sheet = periodSheet(spec);
  const set = new Set<string>();
  if (sheet && sheet !== "schools") {
    for (const [p, list] of ctx.periodIndex(sheet, kind))
      if (p && (grade === undefined || ctx.ofGrade(list, grade).length > 0)) set.add(p);
  }
  if (set.size === 0) return { periods: [fallbackPeriod(kind, ctx.template, ctx.options.asOf)], fallback: true };
  return { periods: [...set].sort(), fallback: false };
}

/** Keys of the schools with records on the sheet in the period that pass the indicator's filter. */
function schoolsInPeriod(
  ctx: Context,
  spec: IndicatorSpec,
  sheet: MonitoringSheetId,
  period: string,
  grade?: number,
): { key: string; name: string }[] {
  const kind = spec.period.kind;
  const year = statusYear(period, kind);
  const names = new Map<string, string | null>();
  const all = ctx.recordsFor(sheet, kind, period);
  const records = grade === undefined ? all : ctx.ofGrade(all, grade);
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    if (r.schoolKey === null || names.has(r.schoolKey)) continue;
    if (!ctx.passes(spec.schools, r.schoolKey, year, spec.procedures)) continue;
    names.set(r.schoolKey, r.school);
  }
  return ctx.orderKeys(names.keys()).map((key) => ({ key, name: ctx.schoolName(key, names.get(key) ?? null) }));
}

function ratioValue(
  spec: IndicatorSpec,
  ev: Evaluation,
): Pick<Raw, "value" | "numerator" | "denominator" | "excluded"> {
  const excluded = ev.excluded.size;
  if (ev.missing) return { value: null, excluded };
  const num = ev.values[0] ?? 0;
  if (!spec.denominator) return { value: num * spec.scale, numerator: num, excluded };
  const den = ev.values[1] ?? 0;
  return { value: den === 0 ? null : (num * spec.scale) / den, numerator: num, denominator: den, excluded };
}

function ratioRaws(
  ctx: Context,
  spec: IndicatorSpec,
  id: string,
  title: string,
  scopes: readonly ScopeKind[],
  grade?: number,
): Raw[] {
  const aggregates = [spec.numerator, spec.denominator].filter((a): a is Aggregate => a !== undefined);
  const { periods, fallback } = periodsOf(ctx, spec, grade);
  const kind = spec.period.kind;
  const sheet = periodSheet(spec);
  const base = { id, title, unit: spec.unit };
  const out: Raw[] = [];
  const first = aggregates.slice(0, 1);
  const wantSchools = scopes.includes("school") && !fallback && sheet !== null;
  // Every school's evaluation of a period, tallied by the evaluation over all schools.
  const tallied = new Map<string, { all: Evaluation; schools: SchoolTallies }>();
  const evaluateAll = (period: string, traced: boolean): Evaluation => {
    const schools: SchoolTallies | undefined = wantSchools && !tallied.has(period) ? new Map() : undefined;
    const sel: Selection = { period, kind, grade, traceId: traced ? id : undefined };
    const all = evaluate(ctx, spec, spec.kind === "period_delta" ? first : aggregates, sel, schools);
    if (schools) tallied.set(period, { all, schools });
    return all;
  };
  const schoolEval = (period: string, key: string): Evaluation => {
    let t = tallied.get(period);
    if (!t) {
      evaluateAll(period, false);
      t = tallied.get(period)!;
    }
    return schoolEvaluation(t.all, t.schools, key);
  };
  // The municipal value (school null) or a school's.
  const at = (period: string, school: string | null): Evaluation =>
    school === null ? evaluateAll(period, true) : schoolEval(period, school);
  const valueOf = (
    period: string,
    school: string | null,
  ): Pick<Raw, "value" | "numerator" | "denominator" | "excluded"> => {
    if (spec.kind !== "period_delta") return ratioValue(spec, at(period, school));
    const cur = at(period, school);
    const prevPeriod = previousPeriod(period, kind);
    const prev = prevPeriod && periods.includes(prevPeriod) ? at(prevPeriod, school) : null;
    const excluded = new Set([...cur.excluded, ...(prev?.excluded ?? [])]).size;
    if (cur.missing || !prev || prev.missing) return { value: null, excluded };
    const a = cur.values[0] ?? 0;
    const b = prev.values[0] ?? 0;
    return { value: (a - b) * spec.scale, excluded };
  };
  if (scopes.includes(MUNICIPALITY)) {
    for (const period of periods)
      out.push({ ...base, period, scope: MUNICIPALITY, scopeKind: MUNICIPALITY, ...valueOf(period, null) });
  }
  if (wantSchools) {
    // Thousands of values: built field by field, without spreads (the engine's hottest allocation).
    const unit = spec.schoolUnit ?? spec.unit;
    for (const period of periods) {
      const list = schoolsInPeriod(ctx, spec, sheet, period, grade);
      for (let k = 0; k < list.length; k++) {
        const s = list[k];
        const v = valueOf(period, s.key);
        out.push({
          id,
          title,
          unit,
          period,
          scope: s.name,
          scopeKind: "school",
          value: v.value,
          excluded: v.excluded,
          numerator: v.numerator,
          denominator: v.denominator,
        });
      }
    }
  }
  return out;
}

function gradeOf(r: MonitoringRecord): number | null {
  const p = r.values.procedure;
  return typeof p === "string" ? procedureInfo(p).grade : null;
}

/** `ratio` / `period_delta`, and per ВПР grade (municipality only) when `byGrade`. */
function computeRatio(ctx: Context, spec: IndicatorSpec): IndicatorValue[] {
  const out = finish(spec, ratioRaws(ctx, spec, spec.id, spec.title, spec.scope));
  if (spec.byGrade && spec.numerator) {
    const grades = new Set<number>();
    for (const r of ctx.records(spec.numerator.sheet)) {
      const g = gradeOf(r);
      if (g !== null && testWhere(spec.numerator, r) === "yes") grades.add(g);
    }
    for (const g of [...grades].sort((a, b) => a - b)) {
      out.push(...finish(spec, ratioRaws(ctx, spec, `${spec.id}_g${g}`, `${spec.title}, ${g} кл.`, [MUNICIPALITY], g)));
    }
  }
  return out;
}

/** `shnor_status`: per school and year, true/false (null when neither computable nor declared). */
function computeShnorStatus(ctx: Context, spec: IndicatorSpec): IndicatorValue[] {
  const { periods } = periodsOf(ctx, spec);
  const raws: Raw[] = [];
  for (const period of periods) {
    const year = Number(period);
    for (const s of ctx.statusList(year, spec.procedures)) {
      if (!ctx.passes(spec.schools, s.schoolKey, year, spec.procedures)) continue;
      raws.push({
        id: spec.id,
        title: spec.title,
        unit: spec.unit,
        period,
        scope: ctx.schoolName(s.schoolKey, s.school),
        scopeKind: "school",
        value: s.status,
        excluded: 0,
        note: s.reason,
      });
    }
  }
  return finish(spec, raws);
}

/** `low_result`: per school and deciding procedure with a share of «2» of at least 30 %. */
function computeLowResults(ctx: Context, spec: IndicatorSpec): IndicatorValue[] {
  const raws: Raw[] = [];
  const { periods, fallback } = periodsOf(ctx, spec);
  if (fallback) return [];
  // «Низкий результат процедуры: ВПР 5 кл. математика»: one title per procedure, not per value.
  const titles = new Map<string, string>();
  const titleOf = (procedure: string): string => {
    let t = titles.get(procedure);
    if (t === undefined) titles.set(procedure, (t = `${spec.title}: ${procedure}`));
    return t;
  };
  for (const period of periods) {
    const year = Number(period);
    const names = new Map<string, string | null>();
    for (const s of ctx.data.schools) names.set(s.key, s.name);
    for (const r of ctx.recordsIn("procedures", "year", period))
      if (r.schoolKey !== null && !names.has(r.schoolKey)) names.set(r.schoolKey, r.school);
    for (const key of ctx.orderKeys(names.keys())) {
      if (!ctx.passes(spec.schools, key, year, spec.procedures)) continue;
      for (const low of lowResults(ctx.data, key, year, spec.procedures)) {
        raws.push({
          id: spec.id,
          title: titleOf(low.procedure),
          unit: spec.unit,
          period,
          scope: ctx.schoolName(key, names.get(key) ?? null),
          scopeKind: "school",
          value: (low.low * 100) / low.participants,
          numerator: low.low,
          denominator: low.participants,
          excluded: 0,
          procedure: low.procedure,
        });
      }
    }
  }
  return finish(spec, raws);
}

/**
 * `school_threshold`: per school the numerator (e.g. КПК ≥ 32 ч, человек); municipality: the share
 * of the denominator's schools (registry, filtered) whose numerator reaches the threshold. A school
 * without a record counts as not reaching it; a school whose record is invalid is left out.
 */
function computeSchoolThreshold(ctx: Context, spec: IndicatorSpec): IndicatorValue[] {
  const numerator = spec.numerator;
  const denominator = spec.denominator;
  const threshold = spec.threshold;
  if (!numerator || !denominator || threshold === undefined) return [];
  const kind = spec.period.kind;
  const { periods, fallback } = periodsOf(ctx, spec);
  const raws: Raw[] = [];
  const base = { id: spec.id, title: spec.title };
  const present =
    ctx.hasColumns(numerator.sheet, columnsOf(numerator).needed) &&
    ctx.hasColumns(denominator.sheet, columnsOf(denominator).needed);
  // A school's own numerator: every school (the filter picks the schools counted, not their rows).
  const allSchools: IndicatorSpec = { ...spec, schools: "all" };
  const numeratorOnly = [numerator];
  // Every school's numerator of a period, in one pass over the period's records.
  const tallied = new Map<string, { all: Evaluation; schools: SchoolTallies }>();
  const schoolEval = (period: string, key: string): Evaluation => {
    let t = tallied.get(period);
    if (!t) {
      const schools: SchoolTallies = new Map();
      const all = evaluate(ctx, allSchools, numeratorOnly, { period, kind }, schools);
      tallied.set(period, (t = { all, schools }));
    }
    return schoolEvaluation(t.all, t.schools, key);
  };
  if (spec.scope.includes(MUNICIPALITY)) {
    for (const period of periods) {
      if (!present) {
        raws.push(municipalRaw(spec, period, { value: null, excluded: 0 }));
        continue;
      }
      const year = statusYear(period, kind);
      const filter = denominator.schools ?? spec.schools;
      let reached = 0;
      let counted = 0;
      let excluded = 0;
      for (const r of ctx.registryRecords) {
        if (r.schoolKey === null || !ctx.passes(filter, r.schoolKey, year, spec.procedures)) continue;
        if (denominator.where.length && testWhere(denominator, r) !== "yes") continue;
        const ev = schoolEval(period, r.schoolKey);
        if (ev.excluded.size) {
          excluded += ev.excluded.size;
          continue;
        }
        counted++;
        if ((ev.values[0] ?? 0) >= threshold - EPS) reached++;
        ctx.options.trace?.({
          id: spec.id,
          period,
          aggregate: 1,
          sheet: "schools",
          row: r.row,
          schoolKey: r.schoolKey,
          value: ev.values[0] ?? 0,
        });
      }
      raws.push(
        municipalRaw(spec, period, {
          value: counted === 0 ? null : (reached * spec.scale) / counted,
          numerator: reached,
          denominator: counted,
          excluded,
        }),
      );
    }
  }
  if (spec.scope.includes("school") && !fallback && present) {
    for (const period of periods) {
      for (const s of schoolsInPeriod(ctx, spec, numerator.sheet, period)) {
        const ev = schoolEval(period, s.key);
        const value = ev.excluded.size ? null : (ev.values[0] ?? null);
        raws.push({
          ...base,
          unit: spec.schoolUnit ?? spec.unit,
          period,
          scope: s.name,
          scopeKind: "school",
          value,
          excluded: ev.excluded.size,
        });
      }
    }
  }
  return finish(spec, raws);
}

/** Names in an «Участвовавшие ОО» cell, separated by «;» or line breaks. */
function participantKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const part of text.split(/[;\n\r]+/)) {
    const t = part.trim();
    if (t) keys.add(toSchoolKey(t));
  }
  return keys;
}

/**
 * `event_share`: per event, the filter's schools (ШНОР of the event's year) among its participants /
 * all such schools × 100; municipality: the mean over the period's events (the numerator's `where`
 * picks them). An event with an empty or invalid participants cell is left out (counted).
 */
function computeEventShare(ctx: Context, spec: IndicatorSpec): IndicatorValue[] {
  const events = spec.numerator;
  if (!events) return [];
  const kind = spec.period.kind;
  const { periods } = periodsOf(ctx, spec);
  const raws: Raw[] = [];
  const present =
    ctx.hasColumns(events.sheet, ["schools", ...whereColumns(events)]) && ctx.data.present.schools !== undefined;
  for (const period of periods) {
    if (!present) {
      raws.push(municipalRaw(spec, period, { value: null, excluded: 0 }));
      continue;
    }
    const year = statusYear(period, kind);
    const target = new Set<string>();
    for (const s of ctx.data.schools) if (ctx.passes(spec.schools, s.key, year, spec.procedures)) target.add(s.key);
    const shares: number[] = [];
    let excluded = 0;
    for (const r of ctx.recordsIn(events.sheet, kind, period)) {
      const w = testWhere(events, r);
      if (w === "no") continue;
      const list = r.values.schools;
      if (w === "invalid" || r.invalid.includes("schools") || typeof list !== "string" || !list.trim()) {
        excluded++;
        continue;
      }
      if (target.size === 0) continue;
      const keys = r.schoolList ? new Set(r.schoolList.map((x) => x.key)) : participantKeys(list);
      let hit = 0;
      for (const k of target) if (keys.has(k)) hit++;
      const share = (hit * spec.scale) / target.size;
      shares.push(share);
      ctx.options.trace?.({
        id: spec.id,
        period,
        aggregate: 0,
        sheet: events.sheet,
        row: r.row,
        schoolKey: null,
        value: share,
      });
    }
    const value = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null;
    raws.push(
      municipalRaw(spec, period, {
        value,
        excluded,
        note: shares.length ? `среднее по ${shares.length} мероприятиям; ШНОР: ${target.size}` : undefined,
      }),
    );
  }
  return finish(spec, raws);
}

/** `plan_done`: computed from monitored plan sheets; absent when no plan has a status column. */
function computePlan(ctx: Context, spec: IndicatorSpec): IndicatorValue[] {
  const plans = ctx.options.plans ?? [];
  if (!plans.some((p) => p.hasStatus)) return [];
  const v = computePlanDone(plans, ctx.options.asOf);
  const raw: Raw = {
    id: spec.id,
    title: spec.title,
    unit: spec.unit,
    period: v.period,
    scope: MUNICIPALITY,
    scopeKind: MUNICIPALITY,
    value: v.value,
    excluded: v.excluded_rows,
    numerator: v.numerator,
    denominator: v.denominator,
    display: v.display,
  };
  return finish(spec, [raw]);
}

/** Values of one declared indicator. */
export function computeIndicator(
  template: Template,
  spec: IndicatorSpec,
  data: MonitoringData,
  options: IndicatorOptions,
): IndicatorValue[] {
  return computeWith(new Context(template, data, options), spec);
}

function computeWith(ctx: Context, spec: IndicatorSpec): IndicatorValue[] {
  switch (spec.kind) {
    case "ratio":
    case "period_delta":
      return computeRatio(ctx, spec);
    case "shnor_status":
      return computeShnorStatus(ctx, spec);
    case "low_result":
      return computeLowResults(ctx, spec);
    case "school_threshold":
      return computeSchoolThreshold(ctx, spec);
    case "event_share":
      return computeEventShare(ctx, spec);
    case "plan_done":
      return computePlan(ctx, spec);
  }
}

/**
 * Every indicator the template declares, in declaration order: municipal values by period, then
 * per-grade values, then per-school values (scope = the school's registered name).
 */
export function computeIndicators(
  template: Template,
  data: MonitoringData,
  options: IndicatorOptions,
): IndicatorValue[] {
  const ctx = new Context(template, data, options);
  return template.indicators.flatMap((spec) => computeWith(ctx, spec));
}

/** Every indicator value together with the records each municipal value used (see `IndicatorUse`). */
export function traceIndicators(
  template: Template,
  data: MonitoringData,
  options: Omit<IndicatorOptions, "trace">,
): { values: IndicatorValue[]; uses: IndicatorUse[] } {
  const uses: IndicatorUse[] = [];
  const values = computeIndicators(template, data, { ...options, trace: (u) => uses.push(u) });
  return { values, uses };
}
