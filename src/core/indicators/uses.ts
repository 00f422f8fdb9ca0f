/**
 * The records municipal values used, kept as runs of row numbers (the dashboard writes them into
 * its helper sheet, so that its formulas reproduce the engine). At region scale hundreds of
 * thousands of records are used: a run per value, period, aggregate and sheet holding plain number
 * lists costs a few array pushes per record, where an object per record cost the engine and the
 * dashboard a regrouping and the garbage collector its time.
 */
import type { MonitoringSheetId } from "../monitoring/sheets";

/** One record used by a municipal value, as `UseLog.add` receives it (see `IndicatorUse`). */
export interface UsedRecord {
  id: string;
  period: string;
  aggregate: 0 | 1;
  sheet: MonitoringSheetId;
  row: number;
  schoolKey: string | null;
  value?: number;
}

/**
 * The records of one sheet that a municipal value used: which value (`id` as in
 * `IndicatorValue.id`, e.g. `vpr_coped_pct_g5`), period and aggregate (0 = numerator,
 * 1 = denominator), which sheet; then the worksheet rows («Школы» rows for registry counts), each
 * once, in the order used, with their school keys where the value counts schools (null otherwise:
 * only `count_schools` needs them). `values` carries a per-record figure where the
 * municipal value is built from such figures: the numerator of a counted school
 * (`school_threshold`, aggregate 1) and the share of one event (`event_share`, aggregate 0); NaN
 * for a row without one; null when no row has one.
 */
export interface IndicatorUse {
  readonly id: string;
  readonly period: string;
  readonly aggregate: 0 | 1;
  readonly sheet: MonitoringSheetId;
  readonly rows: number[];
  schoolKeys: (string | null)[] | null;
  values: number[] | null;
}

const NO_USES: readonly IndicatorUse[] = [];

/** The runs of every municipal value of an indicator run (`IndicatorOptions.uses`). */
export class UseLog {
  /** Runs by value, period and aggregate; one per sheet, in order of first use. */
  private readonly runs = new Map<string, IndicatorUse[]>();
  /** Runs that got rows more than once (a value evaluated again): deduplicated when read. */
  private readonly repeated = new Set<IndicatorUse>();
  private last: IndicatorUse | null = null;

  /** The run of a value's aggregate on a sheet, to push rows (and, with `keys`, school keys) to. */
  run(id: string, period: string, aggregate: 0 | 1, sheet: MonitoringSheetId, keys: boolean): IndicatorUse {
    const key = `${id}\u0001${period}\u0001${aggregate}`;
    let list = this.runs.get(key);
    if (!list) this.runs.set(key, (list = []));
    for (let k = 0; k < list.length; k++) {
      const u = list[k];
      if (u.sheet !== sheet) continue;
      // period_delta evaluates the previous period again: the same rows would come twice.
      if (u.rows.length) this.repeated.add(u);
      if (keys && !u.schoolKeys) u.schoolKeys = u.rows.map(() => null);
      return u;
    }
    const u: IndicatorUse = { id, period, aggregate, sheet, rows: [], schoolKeys: keys ? [] : null, values: null };
    list.push(u);
    return u;
  }

  /** One record (the kinds that log per-record figures themselves: few rows, each call may repeat one). */
  add(r: UsedRecord): void {
    const l = this.last;
    const u =
      l && l.id === r.id && l.period === r.period && l.aggregate === r.aggregate && l.sheet === r.sheet
        ? l
        : (this.last = this.run(r.id, r.period, r.aggregate, r.sheet, true));
    if (r.value !== undefined && !u.values) u.values = u.rows.map(() => NaN);
    u.rows.push(r.row);
    u.schoolKeys?.push(r.schoolKey);
    u.values?.push(r.value ?? NaN);
    this.repeated.add(u);
  }

  /** The runs of one value's aggregate, each row once per sheet (the first time it was used). */
  usesOf(id: string, period: string, aggregate: 0 | 1): readonly IndicatorUse[] {
    const list = this.runs.get(`${id}\u0001${period}\u0001${aggregate}`);
    if (!list) return NO_USES;
    for (const u of list) if (this.repeated.has(u)) this.dedupe(u);
    return list;
  }

  /** Every run, in order of first use (tests). */
  all(): IndicatorUse[] {
    const out: IndicatorUse[] = [];
    for (const list of this.runs.values())
      for (const u of list) {
        if (this.repeated.has(u)) this.dedupe(u);
        out.push(u);
      }
    return out;
  }

  private dedupe(u: IndicatorUse): void {
    this.repeated.delete(u);
    const { rows, schoolKeys, values } = u;
    const head = repeatedHead(rows);
    if (head === rows.length) return;
    if (head >= 0) {
      rows.length = head;
      if (schoolKeys) schoolKeys.length = head;
      if (values) values.length = head;
      return;
    }
    const seen = new Set<number>();
    let n = 0;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      if (seen.has(row)) continue;
      seen.add(row);
      rows[n] = row;
      if (schoolKeys) schoolKeys[n] = schoolKeys[k];
      if (values) values[n] = values[k];
      n++;
    }
    rows.length = n;
    if (schoolKeys) schoolKeys.length = n;
    if (values) values.length = n;
  }
}

/**
 * The length of a run's first batch when every later row repeats one of it: a value evaluated again
 * reports the same rows in the same (ascending) order. `rows.length` when the rows ascend
 * throughout (none repeats); -1 when neither is so.
 */
function repeatedHead(rows: readonly number[]): number {
  const n = rows.length;
  let head = 1;
  while (head < n && rows[head - 1] < rows[head]) head++;
  if (head >= n) return n;
  // Each later batch ascends too: a merge walk over the first batch checks it holds them all.
  let j = 0;
  for (let k = head; k < n; k++) {
    if (k > head && rows[k] <= rows[k - 1]) j = 0;
    while (j < head && rows[j] < rows[k]) j++;
    if (j === head || rows[j] !== rows[k]) return -1;
  }
  return head;
}
