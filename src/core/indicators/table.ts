/**
 * A sheet's records seen column by column, for the evaluation loop at region scale. Each record is
 * visited once, when the table is made: its school as an ordinal, whether it has invalid values,
 * its periods, its ВПР grade, its `where` results and the values of the columns the template adds
 * up, all into typed arrays by record position. The dozens of evaluations over one sheet then read
 * small arrays instead of visiting tens of thousands of record objects (scattered over the heap)
 * again and again.
 */
import type { MonitoringRecord } from "../monitoring/model";
import { recordPeriod, type PeriodKind } from "./periods";
import { gradeOf, whereCode, type CompiledCondition } from "./where";

/** One column of a sheet, by record position. */
export interface ColumnData {
  /** The value where `state` is `NUMBER`. */
  num: Float64Array;
  /** `EMPTY` (null or absent), `NUMBER` or `OTHER` (a text, a flag, a date). */
  state: Uint8Array;
}

export const EMPTY = 0;
export const NUMBER = 1;
export const OTHER = 2;

/** Each record's period of one kind as a number (0: none; else the index in `texts` + 1). */
export interface PeriodIds {
  ids: Int32Array;
  texts: string[];
}

/** What to work out for every record when the table is made (anything else is worked out on request). */
export interface TablePlan {
  /** Columns to extract. */
  columns: readonly string[];
  /** Period kinds to number (`periodIds`). */
  kinds: readonly PeriodKind[];
  /** `where` conditions, by their key (`whereKeyOf`). */
  wheres: readonly { key: string; conditions: readonly CompiledCondition[] }[];
  /** Whether the sheet has a procedure column (only then has a record a ВПР grade). */
  grades: boolean;
}

export class SheetTable {
  /** The school ordinal (`IndicatorContext.ordinal`) of each record; -1 without a school. */
  readonly school: Int32Array;
  /** 1 where the record has invalid values (`MonitoringRecord.invalid` is not empty). */
  readonly invalid: Uint8Array;
  /** The ВПР grade of each record (`gradeOf`); -1 for none. */
  readonly grade: Int32Array;
  private readonly columns = new Map<string, ColumnData>();
  private readonly periods = new Map<PeriodKind, PeriodIds>();
  private readonly wheres = new Map<string, Uint8Array>();

  constructor(
    readonly records: readonly MonitoringRecord[],
    ordinal: (key: string) => number,
    plan: TablePlan,
  ) {
    const n = records.length;
    this.school = new Int32Array(n);
    this.invalid = new Uint8Array(n);
    this.grade = new Int32Array(n).fill(-1);
    const grades = plan.grades;
    const columns = plan.columns;
    const made = this.make(columns);
    const kinds = plan.kinds.map((kind) => new PeriodNumbering(kind, n));
    const wheres = plan.wheres.map(() => new Uint8Array(n));
    // Counts read once: an empty list is an array of another class than a filled one, and the
    // loop below, compiled for one sheet's, would be thrown away on the next sheet's.
    const nColumns = columns.length;
    const nKinds = kinds.length;
    const nWheres = wheres.length;
    for (let p = 0; p < n; p++) {
      const r = records[p];
      const key = r.schoolKey;
      this.school[p] = key === null ? -1 : ordinal(key);
      if (r.invalid.length > 0) this.invalid[p] = 1;
      if (grades) {
        const g = gradeOf(r);
        if (g !== null) this.grade[p] = g;
      }
      if (nColumns > 0) extract(r, p, columns, made);
      for (let j = 0; j < nKinds; j++) kinds[j].add(r, p);
      for (let j = 0; j < nWheres; j++) wheres[j][p] = whereCode(plan.wheres[j].conditions, r);
    }
    for (let j = 0; j < kinds.length; j++) this.periods.set(plan.kinds[j], kinds[j].done());
    for (let j = 0; j < wheres.length; j++) this.wheres.set(plan.wheres[j].key, wheres[j]);
  }

  private make(ids: readonly string[]): ColumnData[] {
    const n = this.records.length;
    const made = ids.map(() => ({ num: new Float64Array(n), state: new Uint8Array(n) }));
    for (let j = 0; j < ids.length; j++) this.columns.set(ids[j], made[j]);
    return made;
  }

  /** One column's values. */
  column(id: string): ColumnData {
    let c = this.columns.get(id);
    if (!c) {
      const made = this.make([id]);
      const records = this.records;
      for (let p = 0; p < records.length; p++) extract(records[p], p, [id], made);
      c = made[0];
    }
    return c;
  }

  /** Each record's period of a kind, numbered. */
  periodIds(kind: PeriodKind): PeriodIds {
    let ids = this.periods.get(kind);
    if (!ids) {
      const numbering = new PeriodNumbering(kind, this.records.length);
      for (let p = 0; p < this.records.length; p++) numbering.add(this.records[p], p);
      this.periods.set(kind, (ids = numbering.done()));
    }
    return ids;
  }

  /** Each record's `whereResult` of the conditions (`WHERE_*` of `where.ts`); `key` is their `whereKeyOf`. */
  where(key: string, conditions: readonly CompiledCondition[]): Uint8Array {
    let codes = this.wheres.get(key);
    if (!codes) {
      codes = new Uint8Array(this.records.length);
      for (let p = 0; p < codes.length; p++) codes[p] = whereCode(conditions, this.records[p]);
      this.wheres.set(key, codes);
    }
    return codes;
  }
}

/** Numbers the periods of records as they come. */
class PeriodNumbering {
  private readonly ids: Int32Array;
  private readonly texts: string[] = [];
  private readonly idOf = new Map<string, number>();
  private lastText: string | null = null;
  private lastId = 0;

  constructor(
    private readonly kind: PeriodKind,
    n: number,
  ) {
    this.ids = new Int32Array(n);
  }

  add(r: MonitoringRecord, p: number): void {
    const text = recordPeriod(r, this.kind);
    if (text === null) return;
    // Consecutive records mostly share their period: no lookup for them.
    if (text !== this.lastText) {
      let id = this.idOf.get(text);
      if (id === undefined) {
        this.texts.push(text);
        this.idOf.set(text, (id = this.texts.length));
      }
      this.lastText = text;
      this.lastId = id;
    }
    this.ids[p] = this.lastId;
  }

  done(): PeriodIds {
    return { ids: this.ids, texts: this.texts };
  }
}

/** Writes the record's values of `ids` at position `p` of `into` (aligned with `ids`). */
function extract(r: MonitoringRecord, p: number, ids: readonly string[], into: readonly ColumnData[]): void {
  const v = r.values;
  for (let j = 0; j < ids.length; j++) {
    const x = v[ids[j]];
    if (x === null || x === undefined) continue;
    if (typeof x === "number") {
      into[j].num[p] = x;
      into[j].state[p] = NUMBER;
    } else into[j].state[p] = OTHER;
  }
}
