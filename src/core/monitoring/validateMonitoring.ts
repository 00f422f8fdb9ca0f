/**
 * The monitoring ФЛК: finds the monitoring sheets of a workbook, parses their rows into
 * `MonitoringData` (each cell once) and drives every check of `./checks` (DOMAIN.md «Monitoring
 * sheets») through one loop per sheet.
 */
import {
  hasVerticalMerges,
  isBlank,
  verticalMergeFiller,
  type CellValue,
  type SheetData,
  type WorkbookData,
} from "../model/sheet";
import { schoolKey } from "../parse/school";
import { makeIssue, type Issue } from "../report/issue";
import { findHeader, type HeaderMatch } from "../sheets/header";
import { sverkaSheetTest } from "../sheets/planSheets";
import { standardPlanColumns } from "../template/planColumns";
import type { ColumnSpec, DataSheetSpec } from "../template/schema";
import { foldText } from "../text/normalize";
import { numberText, parseCell, type ParsedCell } from "./cells";
import { MONITORING_CHECKS } from "./checks";
import type {
  MonitoringCheck,
  MonitoringRow,
  MonitoringSheetContext,
  MonitoringWorkbookContext,
  Reporter,
  SchoolRegistry,
} from "./checks/check";
import {
  emptyMonitoringRecords,
  type MonitoringData,
  type MonitoringRecord,
  type RecordValue,
  type SchoolEntry,
} from "./model";
import { SHNOR_PROCEDURES, type MonitoringSheetId } from "./sheets";

export interface MonitoringSheetInfo {
  name: string;
  /** Spec id (`schools`, `grades` …). */
  id: string;
  headerRow: number;
  /** Records read from the sheet. */
  rows: number;
}

export interface MonitoringCheckResult {
  data: MonitoringData;
  issues: Issue[];
  sheets: MonitoringSheetInfo[];
}

export interface MonitoringOptions {
  /** Procedures that decide ШНОР status (default: SHNOR_PROCEDURES). */
  shnorProcedures?: readonly string[];
}

const SHEET_IDS: readonly MonitoringSheetId[] = [
  "schools",
  "grades",
  "procedures",
  "staff",
  "network",
  "gia",
  "events",
];

function isSheetId(id: string): id is MonitoringSheetId {
  return (SHEET_IDS as readonly string[]).includes(id);
}

interface Located {
  sheet: SheetData;
  spec: DataSheetSpec;
  header: HeaderMatch | null;
}

const PLAN_CORE = ["no", "task", "due", "owner", "result"];
const planSpecs = standardPlanColumns();

/** A sheet whose header is a plan-graph's («№ п/п», «Мероприятие», «Сроки», «Ответственные», «Результат»). */
function looksLikePlan(sheet: SheetData): boolean {
  const h = findHeader(sheet, planSpecs, { minMatched: 3 });
  return !!h && PLAN_CORE.filter((id) => id in h.columns).length >= 3;
}

function hasContent(sheet: SheetData): boolean {
  return sheet.rows.some((r) => r.some((v) => !isBlank(v)));
}

/** Sheets by name (spec name or `sheetNames`, case- and «ё»-insensitive), then by headers. */
export function locateMonitoringSheets(wb: WorkbookData, specs: readonly DataSheetSpec[]): Located[] {
  const out: Located[] = [];
  const taken = new Set<SheetData>();
  const done = new Set<DataSheetSpec>();
  const isOwn = sverkaSheetTest(wb);
  const candidates = wb.sheets.filter((s) => !isOwn(s.name));
  for (const spec of specs) {
    const names = new Set([spec.name, ...spec.sheetNames].map(foldText));
    const sheet = candidates.find((s) => !taken.has(s) && names.has(foldText(s.name)));
    if (!sheet || !hasContent(sheet)) continue;
    taken.add(sheet);
    done.add(spec);
    out.push({
      sheet,
      spec,
      header: findHeader(sheet, spec.columns, { minMatched: 1 }),
    });
  }
  const rest = candidates.filter((s) => !taken.has(s) && hasContent(s) && !looksLikePlan(s));
  const pairs: {
    sheet: SheetData;
    spec: DataSheetSpec;
    header: HeaderMatch;
    score: number;
  }[] = [];
  for (const sheet of rest)
    for (const spec of specs) {
      if (done.has(spec)) continue;
      const header = findHeader(sheet, spec.columns, { minMatched: 3 });
      if (!header || header.matched < 3 || header.missing.some((m) => m.required)) continue;
      pairs.push({
        sheet,
        spec,
        header,
        score: header.matched * 10 + header.exact - header.missing.length,
      });
    }
  pairs.sort((a, b) => b.score - a.score);
  for (const p of pairs) {
    if (taken.has(p.sheet) || done.has(p.spec)) continue;
    taken.add(p.sheet);
    done.add(p.spec);
    out.push({ sheet: p.sheet, spec: p.spec, header: p.header });
  }
  return out;
}

/** A totals row («Итого», «Всего») is no record. */
const TOTAL_ROW = /^(?:итого|всего|итог|в целом)(?:[\s:.,]|$)/u;
/** Texts that may fold to a totals row: «и…» or «в…» after spaces (most school names are ruled out unfolded). */
const TOTAL_START = /^[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]*[иИвВ]/u;

function typeColumn(spec: DataSheetSpec, type: ColumnSpec["type"]): ColumnSpec | undefined {
  return spec.columns.find((c) => c.type === type);
}

/** The column a sheet's period comes from: its school year, else its year, else its date. */
function periodColumn(spec: DataSheetSpec): ColumnSpec | undefined {
  return typeColumn(spec, "school_year") ?? typeColumn(spec, "year") ?? typeColumn(spec, "date");
}

function periodOf(column: ColumnSpec | undefined, values: Record<string, RecordValue>): string | null {
  if (!column) return null;
  const v = values[column.id];
  if (column.type === "school_year") return typeof v === "string" ? v : null;
  if (column.type === "year") return typeof v === "number" ? numberText(v) : null;
  return v instanceof Date ? numberText(v.getUTCFullYear()) : null;
}

/**
 * The `invalid` list of the (many) records with nothing invalid: one shared, frozen empty list,
 * replaced by the record's own list on its first invalid field (`invalidate`).
 */
const NONE_INVALID = Object.freeze([]) as unknown as string[];

/** Makes the empty values of one sheet's records (see `valuesMaker`). */
type ValuesMaker = new () => Record<string, RecordValue>;

const valuesMakers = new WeakMap<DataSheetSpec, ValuesMaker>();

/**
 * What makes the values every record of a sheet starts with: every column of the spec, empty. A
 * constructor made once per spec, so that the records of a sheet have one hidden class — the same
 * on every run. (Copies of a template object, `{ ...template }`, got a new class on each run: every
 * function reading the records then went through deoptimisation and compilation again, run after
 * run, and the compiler's threads took more CPU than the work itself.) One record is made and each
 * field given a number, a fraction and a text at once, so that every field holds any value from
 * the start: a field that had held only `null` would change the class when the first number or
 * text landed in it. Plain objects still: their prototype is `Object.prototype`.
 */
function valuesMaker(spec: DataSheetSpec): ValuesMaker {
  let make = valuesMakers.get(spec);
  if (!make) {
    const ids = spec.columns.map((c) => c.id);
    const empty = function (this: Record<string, RecordValue>): void {
      for (let j = 0; j < ids.length; j++) this[ids[j]] = null;
    };
    empty.prototype = Object.prototype;
    make = empty as unknown as ValuesMaker;
    const probe = new make();
    for (const id of ids) {
      probe[id] = 1;
      probe[id] = 0.5;
      probe[id] = "";
      probe[id] = null;
    }
    valuesMakers.set(spec, make);
  }
  return make;
}

function emptyData(): MonitoringData {
  return {
    records: emptyMonitoringRecords(),
    present: {},
    schools: [],
  };
}

export function validateMonitoring(
  wb: WorkbookData,
  specs: readonly DataSheetSpec[],
  options: MonitoringOptions = {},
  checks: readonly MonitoringCheck[] = MONITORING_CHECKS,
): MonitoringCheckResult {
  const procedures = options.shnorProcedures ?? SHNOR_PROCEDURES;
  const data = emptyData();
  const issues: Issue[] = [];
  const sheets: MonitoringSheetInfo[] = [];
  const report: Reporter["report"] = (code, at, params, severity) => issues.push(makeIssue(code, at, params, severity));
  const invalidate = (record: MonitoringRecord, field: string): void => {
    if (record.invalid === NONE_INVALID) record.invalid = [field];
    else if (!record.invalid.includes(field)) record.invalid.push(field);
  };
  // The registry first: every other sheet matches its schools against it.
  const located = locateMonitoringSheets(wb, specs).sort(
    (a, b) => Number(b.spec.id === "schools") - Number(a.spec.id === "schools"),
  );
  let registry: SchoolRegistry | null = null;

  for (const { sheet, spec, header } of located) {
    const name = sheet.name;
    const col = (id: string): number | null => header?.columns[id] ?? null;
    const ctx: MonitoringSheetContext = {
      sheet,
      name,
      spec,
      header,
      registry,
      col,
      report,
      invalidate,
    };
    const runs = checks.map((c) => c.start?.(ctx) ?? {});
    if (!header) continue;
    const rowRuns = runs.filter((r) => r.row);
    const id = spec.id;
    if (isSheetId(id))
      data.present[id] = {
        sheetName: name,
        headerRow: header.headerRow,
        columns: Object.keys(header.columns),
        columnIndex: { ...header.columns },
      };

    const fill = verticalMergeFiller(sheet);
    const present = spec.columns.filter((c) => col(c.id) !== null);
    const records: MonitoringRecord[] = [];
    const schoolSpec = spec.columns.find((c) => c.type === "school");
    // «Итого» in the school column; on sheets without one, in the title of a row without a date.
    const dateSpec = present.find((c) => c.type === "date");
    const totalSpec = schoolSpec && col(schoolSpec.id) !== null ? schoolSpec : present.find((c) => c.id === "title");
    // Every row's school name is tested: each distinct text is folded once.
    const totalTexts = new Map<string, boolean>();
    const isTotalText = (t: string): boolean => {
      let total = totalTexts.get(t);
      if (total === undefined) totalTexts.set(t, (total = TOTAL_START.test(t) && TOTAL_ROW.test(foldText(t))));
      return total;
    };
    const totalCol = totalSpec ? col(totalSpec.id)! : 0;
    const dateCol = dateSpec ? col(dateSpec.id)! : 0;
    const isTotalRow = (r: number): boolean => {
      if (!totalSpec) return false;
      const t = fill(r, totalCol);
      if (typeof t !== "string" || !isTotalText(t)) return false;
      return totalSpec === schoolSpec || !dateSpec || isBlank(fill(r, dateCol));
    };
    // Worksheet columns of the present columns: a typed array (one class on every sheet, so the
    // row loop is not compiled again for each sheet's list).
    const presentCols = Int32Array.from(present, (c) => col(c.id)!);
    const isEmptyRow = (row: readonly CellValue[] | undefined): boolean => {
      if (!row) return true;
      for (let ci = 0; ci < presentCols.length; ci++) {
        const v = row[presentCols[ci] - 1];
        // isBlank, inline: every cell of every row passes here.
        if (v !== undefined && v !== null && (typeof v !== "string" || v.trim() !== "")) return false;
      }
      return true;
    };
    // Without vertical merges a cell is its row's value (no lookup through the filler).
    const merged = hasVerticalMerges(sheet);
    const formats = sheet.formats;
    const periodSpec = periodColumn(spec);
    const Values = valuesMaker(spec);
    // «Мероприятия»: the «;»-separated list of participating schools.
    const listSpec = id === "events" ? spec.columns.find((c) => c.id === "schools") : undefined;
    const isSchools = id === "schools";
    const schoolOf = new Map<string, { key: string | null; name: string }>();

    // Per-row scratch: the parsed cell (read at once), and the row the checks see (lists reused).
    const cell: ParsedCell = { value: null, empty: true, problem: null };
    const view: MonitoringRow = {
      record: null as unknown as MonitoringRecord,
      problemCells: [],
      problems: [],
      blanks: [],
    };

    const rows = sheet.rows;
    for (let r = header.dataStartRow; r <= rows.length; r++) {
      const row = rows[r - 1];
      if (isEmptyRow(row)) continue;
      if (isTotalRow(r)) continue;
      const values = new Values();
      let invalid = NONE_INVALID;
      if (view.problemCells.length) view.problemCells.length = 0;
      if (view.problems.length) view.problems.length = 0;
      if (view.blanks.length) view.blanks.length = 0;
      const rowFormats = formats?.[r - 1];
      for (let ci = 0; ci < present.length; ci++) {
        const c = present[ci];
        const cn = presentCols[ci];
        let v: CellValue | undefined;
        if (merged) v = fill(r, cn);
        else if ((v = row[cn - 1]) === undefined) v = null;
        const p = parseCell(c, v, rowFormats?.[cn - 1], cell);
        if (p.problem) {
          if (invalid === NONE_INVALID) invalid = [];
          invalid.push(c.id);
          view.problemCells.push({ spec: c, col: cn });
          view.problems.push(p.problem);
        } else if (p.empty && c.required) view.blanks.push({ spec: c, col: cn });
        values[c.id] = p.value;
      }

      // School: the registered name when the registry knows it (each distinct text resolved once).
      let school: string | null = null;
      let key: string | null = null;
      const written = schoolSpec ? values[schoolSpec.id] : null;
      if (typeof written === "string") {
        let known = schoolOf.get(written);
        if (known === undefined) {
          const k = schoolKey(written) || null;
          known = { key: k, name: k && !isSchools && registry ? (registry.byKey.get(k) ?? written) : written };
          schoolOf.set(written, known);
        }
        school = known.name;
        key = known.key;
      }

      const record: MonitoringRecord = {
        sheetName: name,
        row: r,
        school,
        schoolKey: key,
        period: periodOf(periodSpec, values),
        values,
        invalid,
      };
      if (listSpec && typeof values[listSpec.id] === "string") {
        record.schoolList = [];
        for (const part of (values[listSpec.id] as string).split(/[;\n]+/u)) {
          const written = part.trim();
          const k = schoolKey(written);
          if (!written || !k) continue;
          const registered = registry?.byKey.get(k);
          record.schoolList.push({
            name: registered ?? written,
            key: k,
            registered: !!registered,
          });
        }
      }

      view.record = record;
      for (let k = 0; k < rowRuns.length; k++) rowRuns[k].row!(view);
      records.push(record);
    }
    for (const run of runs) run.end?.(records);

    if (isSheetId(id)) data.records[id] = records;
    sheets.push({
      name,
      id,
      headerRow: header.headerRow,
      rows: records.length,
    });

    if (isSchools) {
      const byKey = new Map<string, string>();
      for (const rec of records) {
        if (!rec.schoolKey || !rec.school || rec.invalid.includes("_duplicate")) continue;
        if (byKey.has(rec.schoolKey)) continue;
        byKey.set(rec.schoolKey, rec.school);
        const flag = (f: string): boolean | null =>
          typeof rec.values[f] === "boolean" ? (rec.values[f] as boolean) : null;
        const entry: SchoolEntry = {
          row: rec.row,
          name: rec.school,
          key: rec.schoolKey,
          shnor: flag("shnor"),
          shnsu: flag("shnsu"),
          leader: flag("leader"),
          participant: flag("participant"),
          unobjective: flag("unobjective"),
          level: typeof rec.values.level === "string" ? rec.values.level : null,
        };
        data.schools.push(entry);
      }
      // An empty registry checks nothing: every school would be «unknown».
      if (byKey.size)
        registry = {
          byKey,
          keyed: [...byKey].map(([k, n]) => ({ name: n, key: k })),
          suggestions: new Map(),
          sheet: name,
        };
    }
  }

  const wbCtx: MonitoringWorkbookContext = {
    data,
    specs,
    shnorProcedures: procedures,
    report,
    schoolsColumn: (id) => data.present.schools?.columnIndex?.[id] ?? null,
  };
  for (const c of checks) c.finish?.(wbCtx);

  const order = new Map(wb.sheets.map((s, i) => [s.name, i]));
  sheets.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return { data, issues, sheets };
}
