/**
 * ШНОР status computed from «Процедуры» (DOMAIN.md «Indicators», `low_result` and `shnor_status`):
 * a procedure result is low when the share of «2» (or of participants below the threshold) is
 * at least 30 %; a school is ШНОР «по итогам года Y» with ≥ 2 low procedures in Y, or ≥ 1 in
 * Y−1 and ≥ 1 in Y. Only the deciding procedures count.
 */
import type { IssueParams } from "../report/issue";
import type { MonitoringData, MonitoringRecord, SchoolEntry } from "./model";
import { procedureKey, procedureKeySet } from "./procedure";
import { SHNOR_PROCEDURES } from "./sheets";

export interface LowResult {
  /** Canonical procedure name («ВПР 5 кл. математика»). */
  procedure: string;
  year: number;
  /** m2 / participants, unrounded. */
  share: number;
  participants: number;
  low: number;
  /** Worksheet row on «Процедуры». */
  row: number;
}

export interface ShnorStatus {
  schoolKey: string;
  /** Registered name (or the name as written when the school is not on «Школы»). */
  school: string;
  year: number;
  /** Computed status, or the declared flag when not computable; null when neither is known. */
  status: boolean | null;
  /** True when the status comes from procedure data of Y and Y−1. */
  computed: boolean;
  lowY: LowResult[];
  lowPrev: LowResult[];
  /** Russian explanation of how the status was obtained. */
  reason: string;
  /**
   * The explanation as data (`variant` and values) for `src/i18n` to render in the user's
   * language (`SHNOR_REASONS`); its Russian rendering is `reason`.
   */
  reason_params: IssueParams;
}

/** A procedure record usable for ШНОР status: valid values, participants > 0. */
interface ProcEntry {
  record: MonitoringRecord;
  year: number;
  key: string;
  participants: number;
  low: number;
}

interface ProcIndex {
  length: number;
  bySchool: Map<string, ProcEntry[]>;
}

const indexCache = new WeakMap<readonly MonitoringRecord[], ProcIndex>();

function recordYear(r: MonitoringRecord): number | null {
  const y = r.values.year;
  if (typeof y === "number" && Number.isInteger(y)) return y;
  if (r.period && /^\d{4}$/.test(r.period)) return Number(r.period);
  return null;
}

/** Valid procedure records by school key, built once per records array (linear in the data). */
function procIndex(data: MonitoringData): ProcIndex {
  const records = data.records.procedures ?? [];
  const cached = indexCache.get(records);
  if (cached && cached.length === records.length) return cached;
  const bySchool = new Map<string, ProcEntry[]>();
  for (const record of records) {
    if (!record.schoolKey || record.invalid.length) continue;
    const year = recordYear(record);
    const proc = record.values.procedure;
    const participants = record.values.participants;
    const low = record.values.m2;
    if (
      year === null ||
      typeof proc !== "string" ||
      !proc ||
      typeof participants !== "number" ||
      typeof low !== "number"
    )
      continue;
    if (participants <= 0 || low < 0) continue;
    const entry: ProcEntry = { record, year, key: procedureKey(proc), participants, low };
    const list = bySchool.get(record.schoolKey);
    if (list) list.push(entry);
    else bySchool.set(record.schoolKey, [entry]);
  }
  const index = { length: records.length, bySchool };
  indexCache.set(records, index);
  return index;
}

const NO_ENTRIES: readonly ProcEntry[] = [];

/** The school's valid records of deciding procedures (any year). */
function schoolEntries(data: MonitoringData, schoolKey: string): readonly ProcEntry[] {
  return procIndex(data).bySchool.get(schoolKey) ?? NO_ENTRIES;
}

/** Low results of the year among the entries: deciding procedures only, each procedure once. */
function lowOf(entries: readonly ProcEntry[], keys: ReadonlySet<string>, year: number): LowResult[] {
  const out: LowResult[] = [];
  let seen: Set<string> | null = null;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    if (e.year !== year || !keys.has(e.key)) continue;
    if (seen?.has(e.key) || !isLowShare(e.low, e.participants)) continue;
    (seen ??= new Set()).add(e.key);
    out.push({
      procedure: e.key,
      year,
      share: e.low / e.participants,
      participants: e.participants,
      low: e.low,
      row: e.record.row,
    });
  }
  return out;
}

/** Whether the entries hold a deciding procedure of the year. */
function hasDeciding(entries: readonly ProcEntry[], keys: ReadonlySet<string>, year: number): boolean {
  for (let k = 0; k < entries.length; k++) if (entries[k].year === year && keys.has(entries[k].key)) return true;
  return false;
}

/** Integer form of share ≥ 30 %, free of floating error: 3 of 10 is low, 299 of 1000 is not. */
export function isLowShare(low: number, participants: number): boolean {
  return participants > 0 && low * 10 >= participants * 3;
}

/** Low results of one school: procedures (deciding ones only) whose share of «2»/below threshold ≥ 30 %. */
export function lowResults(
  data: MonitoringData,
  schoolKey: string,
  year: number,
  procedures: readonly string[] = SHNOR_PROCEDURES,
): LowResult[] {
  return lowOf(schoolEntries(data, schoolKey), procedureKeySet(procedures), year);
}

/** Whether the school has at least one valid deciding-procedure record in the year. */
export function hasProcedureData(
  data: MonitoringData,
  schoolKey: string,
  year: number,
  procedures: readonly string[] = SHNOR_PROCEDURES,
): boolean {
  return hasDeciding(schoolEntries(data, schoolKey), procedureKeySet(procedures), year);
}

/** Years (ascending) in which the school has valid deciding-procedure data. */
export function procedureYears(
  data: MonitoringData,
  schoolKey: string,
  procedures: readonly string[] = SHNOR_PROCEDURES,
): number[] {
  const keys = procedureKeySet(procedures);
  const years = new Set<number>();
  for (const e of schoolEntries(data, schoolKey)) if (keys.has(e.key)) years.add(e.year);
  return [...years].sort((a, b) => a - b);
}

function pct(share: number): string {
  return `${(Math.round(share * 1000 + 1e-9) / 10).toFixed(1).replace(".", ",")} %`;
}

/** «ВПР 5 кл. математика (40,0 %), ОГЭ математика (33,3 %)» or «нет». */
export function describeLow(list: readonly LowResult[]): string {
  return list.length
    ? list.map((l) => `${l.procedure} (${pct(l.share)}, ${l.low} из ${l.participants})`).join(", ")
    : "нет";
}

/** Low results as message params, as SHNOR_MISMATCH has them: «ВПР 5 кл. математика: 4/10» (procedure: low/participants). */
export function lowParams(list: readonly LowResult[]): string[] {
  return list.map((l) => `${l.procedure}: ${l.low}/${l.participants}`);
}

const registryCache = new WeakMap<readonly SchoolEntry[], { length: number; byKey: Map<string, SchoolEntry> }>();

function schoolName(data: MonitoringData, schoolKey: string): { name: string; declared: boolean | null } {
  let cached = registryCache.get(data.schools);
  if (!cached || cached.length !== data.schools.length) {
    const byKey = new Map<string, SchoolEntry>();
    for (const s of data.schools) if (!byKey.has(s.key)) byKey.set(s.key, s);
    cached = { length: data.schools.length, byKey };
    registryCache.set(data.schools, cached);
  }
  const entry = cached.byKey.get(schoolKey);
  if (entry) return { name: entry.name, declared: entry.shnor };
  for (const r of data.records.procedures ?? [])
    if (r.schoolKey === schoolKey && r.school) return { name: r.school, declared: null };
  return { name: schoolKey, declared: null };
}

/**
 * Status «по итогам года Y»: ≥ 2 procedures with low results in Y, OR ≥ 1 in Y−1 and ≥ 1 in Y.
 * computed=false (status from the declared flag, or null) when procedure data for Y and Y−1 are
 * missing for the school.
 */
export function shnorStatus(
  data: MonitoringData,
  schoolKey: string,
  year: number,
  procedures: readonly string[] = SHNOR_PROCEDURES,
): ShnorStatus {
  const cache = statusCacheOf(data, procedures, year);
  let st = cache.get(schoolKey);
  if (!st) {
    st = computeStatus(data, schoolKey, year, procedures);
    cache.set(schoolKey, st);
  }
  return st;
}

/**
 * Statuses already built, by procedure index (replaced when «Процедуры» changes), then procedure
 * list (its texts) and year: the check, the indicators and the dashboard ask for the same
 * thousands of statuses (each with its explanation) of one data set. Valid while the registry
 * array and its length stay (as the procedure index and the registry lookup above assume).
 */
const statusCache = new WeakMap<
  ProcIndex,
  {
    schools: readonly SchoolEntry[];
    length: number;
    byList: Map<string, Map<number, Map<string, ShnorStatus>>>;
  }
>();

/** A procedure list's cache key (its texts), by the list. */
const listKeys = new WeakMap<readonly string[], string>();

function statusCacheOf(data: MonitoringData, procedures: readonly string[], year: number): Map<string, ShnorStatus> {
  const index = procIndex(data);
  let c = statusCache.get(index);
  if (!c || c.schools !== data.schools || c.length !== data.schools.length) {
    c = { schools: data.schools, length: data.schools.length, byList: new Map() };
    statusCache.set(index, c);
  }
  let list = listKeys.get(procedures);
  if (list === undefined) listKeys.set(procedures, (list = procedures.join("\n")));
  let byYear = c.byList.get(list);
  if (!byYear) c.byList.set(list, (byYear = new Map()));
  let byKey = byYear.get(year);
  if (!byKey) byYear.set(year, (byKey = new Map()));
  return byKey;
}

function computeStatus(
  data: MonitoringData,
  schoolKey: string,
  year: number,
  procedures: readonly string[],
): ShnorStatus {
  const { name, declared } = schoolName(data, schoolKey);
  const prev = year - 1;
  const entries = schoolEntries(data, schoolKey);
  const keys = procedureKeySet(procedures);
  const lowY = lowOf(entries, keys, year);
  const lowPrev = lowOf(entries, keys, prev);
  const hasY = hasDeciding(entries, keys, year);
  const hasPrev = hasDeciding(entries, keys, prev);
  // Thousands of statuses per region: objects written out (no spreads), sentences without re-reading them.
  if (hasY && hasPrev) {
    const status = lowY.length >= 2 || (lowPrev.length >= 1 && lowY.length >= 1);
    const why = status
      ? lowY.length >= 2
        ? `не менее двух процедур с низкими результатами в ${year} г.`
        : `низкие результаты и в ${prev} г., и в ${year} г.`
      : lowY.length === 1
        ? `в ${year} г. одна процедура с низкими результатами, в ${prev} г. — ни одной.`
        : `в ${year} г. нет процедур с низкими результатами.`;
    return {
      schoolKey,
      school: name,
      year,
      lowY,
      lowPrev,
      status,
      computed: true,
      reason: `По итогам ${year} г. ${status ? "ШНОР" : "не ШНОР"}: ${why} Низкие результаты (доля «2» не менее 30 %) в ${year} г.: ${describeLow(lowY)}; в ${prev} г.: ${describeLow(lowPrev)}.`,
      reason_params: {
        variant: status ? (lowY.length >= 2 ? "two_low" : "both_years") : lowY.length === 1 ? "one_low" : "none",
        year,
        previous_year: prev,
        low_year: lowParams(lowY),
        low_previous: lowParams(lowPrev),
      },
    };
  }
  const missing = [!hasPrev ? prev : null, !hasY ? year : null].filter((y): y is number => y !== null);
  const gap = `нет данных решающих процедур за ${missing.join(" и ")} ${missing.length > 1 ? "гг." : "г."}`;
  return {
    schoolKey,
    school: name,
    year,
    lowY,
    lowPrev,
    status: declared,
    computed: false,
    reason:
      declared === null
        ? `Статус по итогам ${year} г. не рассчитан: ${gap}, а в реестре ОО статус ШНОР не указан.`
        : `Статус по итогам ${year} г. не рассчитан (${gap}); взят из реестра ОО: ${declared ? "ШНОР" : "не ШНОР"}.`,
    reason_params: {
      variant: declared === null ? "not_computed" : declared ? "registry_shnor" : "registry_not_shnor",
      year,
      missing_years: missing.map(String),
    },
  };
}

/**
 * One status per registered school (the «Школы» registry, in its order). Without a registry:
 * one per school that appears on «Процедуры», in order of first appearance.
 */
export function shnorStatuses(
  data: MonitoringData,
  year: number,
  procedures: readonly string[] = SHNOR_PROCEDURES,
): ShnorStatus[] {
  const keys: string[] = [];
  if (data.schools.length) for (const s of data.schools) keys.push(s.key);
  else {
    const seen = new Set<string>();
    for (const r of data.records.procedures ?? [])
      if (r.schoolKey && !seen.has(r.schoolKey)) {
        seen.add(r.schoolKey);
        keys.push(r.schoolKey);
      }
  }
  return keys.map((k) => shnorStatus(data, k, year, procedures));
}
