/**
 * A small factory of parsed monitoring data for indicator tests: a «Школы» registry and records on
 * the other sheets, built directly (no workbook), with the invalid columns a record carries.
 */
import {
  emptyMonitoringRecords,
  type MonitoringData,
  type MonitoringRecord,
  type RecordValue,
  type SchoolEntry,
} from "../../monitoring/model";
import { MONITORING_SHEETS, type MonitoringSheetId } from "../../monitoring/sheets";
import { schoolKey } from "../../parse/school";

export interface FixtureSchool {
  name: string;
  shnor?: boolean | null;
  shnsu?: boolean | null;
  leader?: boolean | null;
  participant?: boolean | null;
  unobjective?: boolean | null;
  level?: string | null;
}

export interface FixtureRecord {
  /** School name as written on the sheet (matched to the registry by key). */
  school?: string | null;
  /** «2022» or «2021/2022». */
  period?: string | null;
  values: Record<string, RecordValue>;
  invalid?: string[];
}

const SHEET_NAMES: Record<MonitoringSheetId, string> = Object.fromEntries(
  MONITORING_SHEETS.map((s) => [s.id, s.name]),
) as Record<MonitoringSheetId, string>;
const ALL_COLUMNS: Record<MonitoringSheetId, string[]> = Object.fromEntries(
  MONITORING_SHEETS.map((s) => [s.id, s.columns.map((c) => c.id)]),
) as Record<MonitoringSheetId, string[]>;
const SHEET_IDS = MONITORING_SHEETS.map((s) => s.id as MonitoringSheetId);

export class MonitoringFixture {
  private readonly registry: SchoolEntry[] = [];
  private readonly records: Record<MonitoringSheetId, MonitoringRecord[]> = emptyMonitoringRecords();
  private readonly missingSheets = new Set<MonitoringSheetId>();
  private readonly missingColumns = new Map<MonitoringSheetId, Set<string>>();
  private readonly touched = new Set<MonitoringSheetId>();

  /** Adds schools to «Школы». */
  schools(list: readonly FixtureSchool[]): this {
    this.touched.add("schools");
    for (const s of list) {
      const row = this.registry.length + 2;
      const entry: SchoolEntry = {
        row,
        name: s.name,
        key: schoolKey(s.name),
        shnor: s.shnor ?? false,
        shnsu: s.shnsu ?? false,
        leader: s.leader ?? false,
        participant: s.participant ?? false,
        unobjective: s.unobjective ?? false,
        level: s.level ?? null,
      };
      this.registry.push(entry);
      this.records.schools.push({
        sheetName: SHEET_NAMES.schools,
        row,
        school: s.name,
        schoolKey: entry.key,
        period: null,
        values: {
          school: s.name,
          shnor: entry.shnor,
          shnsu: entry.shnsu,
          leader: entry.leader,
          participant: entry.participant,
          unobjective: entry.unobjective,
          level: entry.level,
        },
        invalid: [],
      });
    }
    return this;
  }

  /** Adds a record to a sheet; the registered name is used when the school matches the registry. */
  add(sheet: Exclude<MonitoringSheetId, "schools">, r: FixtureRecord): this {
    this.touched.add(sheet);
    const list = this.records[sheet];
    const written = r.school ?? null;
    const key = written === null ? null : schoolKey(written);
    const registered = key === null ? undefined : this.registry.find((s) => s.key === key);
    const values: Record<string, RecordValue> = { ...r.values };
    if (written !== null) values.school = written;
    if (r.period && /^\d{4}$/.test(r.period) && values.year === undefined) values.year = Number(r.period);
    if (r.period && /^\d{4}\/\d{4}$/.test(r.period) && values.school_year === undefined) values.school_year = r.period;
    list.push({
      sheetName: SHEET_NAMES[sheet],
      row: list.length + 2,
      school: registered?.name ?? written,
      schoolKey: key,
      period: r.period ?? null,
      values,
      invalid: r.invalid ?? [],
    });
    return this;
  }

  /** A «Процедуры» row of a calendar year: participants and «2», the others all «3». */
  procedure(school: string, year: number, procedure: string, participants: number, m2: number): this {
    return this.add("procedures", {
      school,
      period: String(year),
      values: { procedure, participants, m2, m3: participants - m2, m4: 0, m5: 0 },
    });
  }

  /** The sheet is absent from the workbook (its records are dropped). */
  withoutSheet(sheet: MonitoringSheetId): this {
    this.missingSheets.add(sheet);
    return this;
  }

  /** The column is absent from the sheet. */
  withoutColumn(sheet: MonitoringSheetId, column: string): this {
    const set = this.missingColumns.get(sheet) ?? new Set<string>();
    set.add(column);
    this.missingColumns.set(sheet, set);
    return this;
  }

  /** Sheets with records (and the registry when schools were added) are present with all their columns. */
  build(): MonitoringData {
    const present: MonitoringData["present"] = {};
    const records = { ...this.records };
    for (const id of SHEET_IDS) {
      if (this.missingSheets.has(id) || !this.touched.has(id)) {
        records[id] = [];
        continue;
      }
      const missing = this.missingColumns.get(id) ?? new Set<string>();
      present[id] = {
        sheetName: SHEET_NAMES[id],
        headerRow: 1,
        columns: ALL_COLUMNS[id].filter((c) => !missing.has(c)),
      };
    }
    return { records, present, schools: this.missingSheets.has("schools") ? [] : [...this.registry] };
  }
}

export function fixture(): MonitoringFixture {
  return new MonitoringFixture();
}

/** «МБОУ СОШ № 1», «МБОУ СОШ № 2» … */
export function schoolNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `МБОУ СОШ № ${i + 1}`);
}
