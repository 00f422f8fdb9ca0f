/**
 * What every indicator kind evaluates against: the template, the parsed monitoring data and the
 * options, with the indexes built once per run — the registry, records by sheet and period (and by
 * ВПР grade), ШНОР statuses per year and procedure list.
 */
import type { IsoDate } from "../model/dates";
import type { MonitoringData, MonitoringRecord, SchoolEntry } from "../monitoring/model";
import type { MonitoringSheetId } from "../monitoring/sheets";
import { parseProcedure } from "../monitoring/procedure";
import { shnorStatus, shnorStatuses, type ShnorStatus } from "../monitoring/shnor";
import type { PlanSheetResult } from "../plan/validatePlan";
import type { SchoolFilter, Template } from "../template/schema";
import { memoizeText } from "../text/memo";
import { recordPeriod, type PeriodKind } from "./periods";
import type { UsedRecord, UseLog } from "./uses";

export interface IndicatorOptions {
  /** Validated plan sheets; `plan_done_pct` is computed when some of them are monitored (have a status column). */
  plans?: readonly PlanSheetResult[];
  /** Report date: the period of report-date indicators, and the fallback period when a sheet has no data. */
  asOf: IsoDate;
  /**
   * Called for every record a municipal value uses (the dashboard writes these decisions into its
   * helper sheet, so that its formulas reproduce the engine). Not called for per-school values,
   * nor by the aggregates' evaluation when `uses` is given.
   */
  trace?: (use: UsedRecord) => void;
  /** Where the aggregates' evaluation writes the records municipal values use, as runs (cheaper than `trace`). */
  uses?: UseLog;
}

export type { IndicatorUse, UsedRecord } from "./uses";

/** Records by period, in sheet order. */
type PeriodIndex = Map<string, MonitoringRecord[]>;

interface StatusSet {
  list: readonly ShnorStatus[];
  byKey: Map<string, ShnorStatus>;
}

const NO_RECORDS: readonly MonitoringRecord[] = [];

export class IndicatorContext {
  readonly registry = new Map<string, SchoolEntry>();
  readonly registryRecords: MonitoringRecord[];
  /** ШНОР statuses by procedure list (identity; undefined = the default list), then year. */
  private readonly statusCache = new Map<readonly string[] | undefined, Map<number, StatusSet>>();

  constructor(
    readonly template: Template,
    readonly data: MonitoringData,
    readonly options: IndicatorOptions,
  ) {
    for (let k = 0; k < data.schools.length; k++) {
      const s = data.schools[k];
      if (!this.registry.has(s.key)) this.registry.set(s.key, s);
    }
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

  schoolName(key: string, fallback: string | null): string {
    return this.registry.get(key)?.name ?? fallback ?? key;
  }

  /** Keys in registry order first, then the others in order of appearance. */
  orderKeys(keys: Iterable<string>): string[] {
    const set = new Set(keys);
    const out: string[] = [];
    const schools = this.data.schools;
    for (let k = 0; k < schools.length; k++) if (set.delete(schools[k].key)) out.push(schools[k].key);
    out.push(...set);
    return out;
  }
}

/** Kind and grade of a procedure text (memoised: the same few texts recur on every row). */
export const procedureInfo = memoizeText((text): { kind: string; grade: number | null } => {
  const p = parseProcedure(text);
  return { kind: p.kind, grade: p.kind === "ВПР" ? p.grade : null };
});

/** The ВПР grade of a «Процедуры» record; null for other procedures and other sheets. */
export function gradeOf(r: MonitoringRecord): number | null {
  const p = r.values.procedure;
  return typeof p === "string" ? procedureInfo(p).grade : null;
}
