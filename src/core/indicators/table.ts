/**
 * A sheet's records seen column by column, for the evaluation loop at region scale: each record's
 * school as an ordinal, whether it has invalid values, and each column's values pre-extracted into
 * typed arrays by record position, so that the dozens of evaluations over one sheet read small
 * arrays instead of visiting tens of thousands of record objects (scattered over the heap) and
 * looking up `values[column]` on each again.
 */
import type { MonitoringRecord } from "../monitoring/model";

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

export class SheetTable {
  /** The school ordinal (`IndicatorContext.ordinal`) of each record; -1 without a school. */
  readonly school: Int32Array;
  /** 1 where the record has invalid values (`MonitoringRecord.invalid` is not empty). */
  readonly invalid: Uint8Array;
  private readonly columns = new Map<string, ColumnData>();
  /** Codes by a key of their meaning (see `codes`). */
  private readonly codeCache = new Map<string, Uint8Array>();

  /**
   * Reads every record once: its school (`ordinal` of its key), whether it has invalid values, and
   * the `columns` likely to be asked for (extracting them together costs one visit of each record).
   */
  constructor(
    readonly records: readonly MonitoringRecord[],
    ordinal: (key: string) => number,
    columns: readonly string[],
  ) {
    const n = records.length;
    this.school = new Int32Array(n);
    this.invalid = new Uint8Array(n);
    const made = this.make(columns);
    for (let p = 0; p < n; p++) {
      const r = records[p];
      const key = r.schoolKey;
      this.school[p] = key === null ? -1 : ordinal(key);
      if (r.invalid.length > 0) this.invalid[p] = 1;
      extract(r, p, columns, made);
    }
  }

  private make(ids: readonly string[]): ColumnData[] {
    const n = this.records.length;
    const made = ids.map(() => ({ num: new Float64Array(n), state: new Uint8Array(n) }));
    for (let j = 0; j < ids.length; j++) this.columns.set(ids[j], made[j]);
    return made;
  }

  /** Columns' values: those not extracted yet together, in one visit of each record. */
  columnsFor(ids: readonly string[]): ColumnData[] {
    const missing = [...new Set(ids)].filter((id) => !this.columns.has(id));
    if (missing.length) {
      const made = this.make(missing);
      const records = this.records;
      for (let p = 0; p < records.length; p++) extract(records[p], p, missing, made);
    }
    return ids.map((id) => this.columns.get(id) as ColumnData);
  }

  /** One column's values. */
  column(id: string): ColumnData {
    return this.columns.get(id) ?? this.columnsFor([id])[0];
  }

  /** One small code per record (`code` of it), worked out once per `key` (which must name `code`'s meaning). */
  codes(key: string, code: (r: MonitoringRecord) => number): Uint8Array {
    let out = this.codeCache.get(key);
    if (!out) {
      const records = this.records;
      out = new Uint8Array(records.length);
      for (let p = 0; p < records.length; p++) out[p] = code(records[p]);
      this.codeCache.set(key, out);
    }
    return out;
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
