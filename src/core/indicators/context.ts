/**
 * What every indicator kind evaluates against: the template, the parsed monitoring data and the
 * options, with the indexes built once per run — the registry, school ordinals, each sheet's
 * records column by column (`SheetTable`), their positions by period (and by ВПР grade), ШНОР
 * statuses per year and procedure list, and the schools each filter passes.
 */
import type { IsoDate } from "../model/dates";
import type { MonitoringData, MonitoringRecord, SchoolEntry } from "../monitoring/model";
import type { MonitoringSheetId } from "../monitoring/sheets";
import { shnorStatus, shnorStatuses, type ShnorStatus } from "../monitoring/shnor";
import type { PlanSheetResult } from "../plan/validatePlan";
import type { SchoolFilter, Template } from "../template/schema";
import { columnsOf } from "./aggregate";
import type { PeriodKind } from "./periods";
import { engineSpecs } from "./shape";
import { SheetTable, type TablePlan } from "./table";
import type { UseLog } from "./uses";
import { periodSheet } from "./values";

export interface IndicatorOptions {
  /** Validated plan sheets; `plan_done_pct` is computed when some of them are monitored (have a status column). */
  plans?: readonly PlanSheetResult[];
  /** Report date: the period of report-date indicators, and the fallback period when a sheet has no data. */
  asOf: IsoDate;
  /**
   * Where the records municipal values use are logged (the dashboard writes these decisions into
   * its helper sheet, so that its formulas reproduce the engine); per-school values log nothing.
   */
  uses?: UseLog;
}

export type { IndicatorUse, UsedRecord } from "./uses";

interface StatusSet {
  list: readonly ShnorStatus[];
  byKey: Map<string, ShnorStatus>;
}

const NO_RECORDS: readonly MonitoringRecord[] = [];
const NO_ROWS = new Int32Array(0);

export class IndicatorContext {
  readonly registry = new Map<string, SchoolEntry>();
  readonly registryRecords: MonitoringRecord[];
  /** ШНОР statuses by procedure list (identity; undefined = the default list), then year. */
  private readonly statusCache = new Map<readonly string[] | undefined, Map<number, StatusSet>>();

  /**
   * School keys by ordinal: the registered schools first, in registry order, then the others as
   * the sheets are first read (`table`). Per-school state of an evaluation is kept in arrays by
   * ordinal instead of maps by key.
   */
  readonly keys: string[] = [];
  private readonly ordinals = new Map<string, number>();
  /** Ordinals below this are the registered schools. */
  readonly registrySize: number;
  /** The registry entry (index in `data.schools`) of each registered school's ordinal. */
  private readonly registryRows: number[] = [];

  constructor(
    readonly template: Template,
    readonly data: MonitoringData,
    readonly options: IndicatorOptions,
  ) {
    for (let k = 0; k < data.schools.length; k++) {
      const s = data.schools[k];
      if (!this.registry.has(s.key)) {
        this.registry.set(s.key, s);
        this.ordinals.set(s.key, this.keys.length);
        this.keys.push(s.key);
        this.registryRows.push(k);
      }
    }
    this.registrySize = this.keys.length;
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

  /** The ordinal of a school key (see `keys`); -1 for a key no sheet read so far has. */
  ordinal(key: string): number {
    return this.ordinals.get(key) ?? -1;
  }

  private readonly tables = new Map<MonitoringSheetId, SheetTable>();

  /** The sheet's records column by column (`SheetTable`), built on first use. */
  table(sheet: MonitoringSheetId): SheetTable {
    let t = this.tables.get(sheet);
    if (!t) {
      const present = this.data.present[sheet]?.columns ?? [];
      t = new SheetTable(
        this.records(sheet),
        (key) => {
          let o = this.ordinals.get(key);
          if (o === undefined) {
            o = this.keys.length;
            this.ordinals.set(key, o);
            this.keys.push(key);
          }
          return o;
        },
        tablePlan(this.template, sheet, present),
      );
      this.tables.set(sheet, t);
    }
    return t;
  }

  /** Record positions by period, by sheet and period kind. */
  private readonly byPeriod = new Map<MonitoringSheetId, Map<PeriodKind, Map<string, Int32Array>>>();

  /**
   * Positions (in `table(sheet)`) of the sheet's records by period, in sheet order: built once per
   * sheet and period kind, so that a value of one period reads only its own records instead of
   * passing over the whole sheet. Periods in order of first appearance.
   */
  periodRows(sheet: MonitoringSheetId, kind: PeriodKind): ReadonlyMap<string, Int32Array> {
    let byKind = this.byPeriod.get(sheet);
    if (!byKind) this.byPeriod.set(sheet, (byKind = new Map()));
    let index = byKind.get(kind);
    if (!index) {
      const { ids, texts } = this.table(sheet).periodIds(kind);
      // Lists of exactly their size: counted first.
      const counts = texts.map(() => 0);
      for (let p = 0; p < ids.length; p++) if (ids[p] !== 0) counts[ids[p] - 1]++;
      const lists = counts.map((n) => new Int32Array(n));
      const filled = counts.map(() => 0);
      for (let p = 0; p < ids.length; p++) {
        const id = ids[p];
        if (id !== 0) lists[id - 1][filled[id - 1]++] = p;
      }
      index = new Map();
      for (let j = 0; j < texts.length; j++) index.set(texts[j], lists[j]);
      byKind.set(kind, index);
    }
    return index;
  }

  private readonly allRows = new Map<MonitoringSheetId, Int32Array>();

  private readonly rowsByGrade = new WeakMap<Int32Array, Map<number, Int32Array>>();

  /**
   * Positions (in `table(sheet)`) of the records a value of `period` reads, of the ВПР grade when
   * given, in sheet order: the registry and report-date values read every record, the others those
   * of the period.
   */
  rowsFor(sheet: MonitoringSheetId, kind: PeriodKind, period: string, grade?: number): Int32Array {
    let rows: Int32Array;
    if (sheet === "schools" || kind === "report_date") {
      let all = this.allRows.get(sheet);
      if (!all) {
        all = new Int32Array(this.records(sheet).length);
        for (let p = 0; p < all.length; p++) all[p] = p;
        this.allRows.set(sheet, all);
      }
      rows = all;
    } else rows = this.periodRows(sheet, kind).get(period) ?? NO_ROWS;
    if (grade === undefined) return rows;
    let grades = this.rowsByGrade.get(rows);
    if (!grades) {
      const gradeAt = this.table(sheet).grade;
      const lists = new Map<number, number[]>();
      for (let k = 0; k < rows.length; k++) {
        const g = gradeAt[rows[k]];
        if (g < 0) continue;
        const own = lists.get(g);
        if (own) own.push(rows[k]);
        else lists.set(g, [rows[k]]);
      }
      grades = new Map();
      for (const [g, list] of lists) grades.set(g, new Int32Array(list));
      this.rowsByGrade.set(rows, grades);
    }
    return grades.get(grade) ?? NO_ROWS;
  }

  /** Records whose period (`recordPeriod`) is `period`, in sheet order. */
  recordsIn(sheet: MonitoringSheetId, kind: PeriodKind, period: string): readonly MonitoringRecord[] {
    const rows = this.periodRows(sheet, kind).get(period);
    if (!rows) return NO_RECORDS;
    const records = this.records(sheet);
    const out: MonitoringRecord[] = [];
    for (let k = 0; k < rows.length; k++) out.push(records[rows[k]]);
    return out;
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
      for (let k = 0; k < list.length; k++) byKey.set(list[k].schoolKey, list[k]);
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

  /** Filters by procedure list (identity), then filter and year: `passes` of every ordinal (`keys`). */
  private readonly flagCache = new Map<readonly string[] | undefined, Map<string, Uint8Array>>();

  /**
   * Whether each school passes a filter (1) or not (0), by ordinal: the evaluation loop reads a
   * byte instead of looking up the registry and the ШНОР statuses on every record. Only for
   * ordinals of sheets already read (`table`).
   */
  filterFlags(filter: SchoolFilter, year: number, procedures: readonly string[] | undefined): Uint8Array {
    let byFilter = this.flagCache.get(procedures);
    if (!byFilter) this.flagCache.set(procedures, (byFilter = new Map()));
    const key = `${filter}\u0001${year}`;
    let flags = byFilter.get(key);
    // A sheet read since adds ordinals: then the flags are worked out again.
    if (!flags || flags.length !== this.keys.length) {
      const keys = this.keys;
      flags = new Uint8Array(keys.length);
      for (let o = 0; o < keys.length; o++) if (this.passes(filter, keys[o], year, procedures)) flags[o] = 1;
      byFilter.set(key, flags);
    }
    return flags;
  }

  /** `schoolName` by ordinal (`keys`), without a lookup by key. */
  nameOf(ordinal: number, fallback: string | null): string {
    return ordinal < this.registrySize
      ? this.data.schools[this.registryRows[ordinal]].name
      : (fallback ?? this.keys[ordinal]);
  }

  schoolName(key: string, fallback: string | null): string {
    return this.registry.get(key)?.name ?? fallback ?? key;
  }
}

/**
 * What a sheet's table works out for every record as it is made: the present columns the
 * template's aggregates add up, the period kinds of the indicators that read the sheet or list
 * its periods (none on the registry, which has no periods), and the `where` conditions of the
 * template's aggregates on the sheet. Anything else is worked out when asked for.
 */
function tablePlan(template: Template, sheet: MonitoringSheetId, present: readonly string[]): TablePlan {
  const columns = new Set<string>();
  const kinds = new Set<PeriodKind>();
  const wheres = new Map<string, TablePlan["wheres"][number]>();
  // The engine's declarations, as `evaluate` reads them: the same aggregates' `columnsOf`, so their
  // `where` keys are those it asks the table for.
  for (const spec of engineSpecs(template)) {
    const kind = spec.period.kind;
    const reads = periodSheet(spec) === sheet || spec.denominator?.sheet === sheet;
    if (sheet !== "schools" && kind !== "report_date" && reads) kinds.add(kind);
    for (const a of [spec.numerator, spec.denominator]) {
      if (!a || a.sheet !== sheet) continue;
      const info = columnsOf(a);
      for (const c of info.values) if (present.includes(c)) columns.add(c);
      if (info.conditions.length > 0 && !wheres.has(info.whereKey))
        wheres.set(info.whereKey, { key: info.whereKey, conditions: info.conditions });
    }
  }
  return {
    columns: [...columns],
    kinds: [...kinds],
    wheres: [...wheres.values()],
    grades: present.includes("procedure"),
  };
}
