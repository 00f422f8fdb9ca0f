/**
 * The monitoring ФЛК: finds the monitoring sheets of a workbook, parses their rows into
 * `MonitoringData` and runs every check of DOMAIN.md «Monitoring sheets».
 */
import { a1 } from "../model/address";
import { cellAt, formatAt, isBlank, verticalMergeFiller, type SheetData, type WorkbookData } from "../model/sheet";
import { nearestByKey, schoolKey, type KeyedName } from "../parse/school";
import { yesNoText } from "../parse/yesno";
import { makeIssue, quote, type Issue } from "../report/issue";
import { findHeader, type HeaderMatch } from "../sheets/header";
import { sverkaSheetTest } from "../sheets/planSheets";
import { standardPlanColumns } from "../template/planColumns";
import type { ColumnSpec, DataSheetSpec } from "../template/schema";
import { foldText } from "../text/normalize";
import { columnName, parseCell, type ParsedCell } from "./cells";
import type { MonitoringData, MonitoringRecord, RecordValue, SchoolEntry } from "./model";
import { procedureKey } from "./procedure";
import { procedureYears, shnorStatus } from "./shnor";
import { SHNOR_PROCEDURES, type MonitoringSheetId } from "./sheets";
import { checkSums } from "./sums";

export interface MonitoringSheetInfo {
  name: string;
  /** Spec id (`schools`, `grades` …). */
  id: string;
  headerRow: number;
  /** Records read from the sheet. */
  rows: number;
}

export interface MonitoringCheck {
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
    out.push({ sheet, spec, header: findHeader(sheet, spec.columns, { minMatched: 1 }) });
  }
  const rest = candidates.filter((s) => !taken.has(s) && hasContent(s) && !looksLikePlan(s));
  const pairs: { sheet: SheetData; spec: DataSheetSpec; header: HeaderMatch; score: number }[] = [];
  for (const sheet of rest)
    for (const spec of specs) {
      if (done.has(spec)) continue;
      const header = findHeader(sheet, spec.columns, { minMatched: 3 });
      if (!header || header.matched < 3 || header.missing.some((m) => m.required)) continue;
      pairs.push({ sheet, spec, header, score: header.matched * 10 + header.exact - header.missing.length });
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

const numberTexts = new Map<number, string>();

/** `String(n)`, one shared string per number (years recur on every row: one string, hashed once). */
function numberText(n: number): string {
  let t = numberTexts.get(n);
  if (t === undefined) {
    t = String(n);
    if (numberTexts.size >= 10000) numberTexts.clear();
    numberTexts.set(n, t);
  }
  return t;
}

function periodOf(column: ColumnSpec | undefined, values: Record<string, RecordValue>): string | null {
  if (!column) return null;
  const v = values[column.id];
  if (column.type === "school_year") return typeof v === "string" ? v : null;
  if (column.type === "year") return typeof v === "number" ? numberText(v) : null;
  return v instanceof Date ? numberText(v.getUTCFullYear()) : null;
}

/**
 * A map keyed by a tuple of strings (school key, period, procedure), as nested maps: the school
 * keys are shared strings whose hashes are computed once, where a joined key would be a new
 * string to hash on every row.
 */
class TupleMap<V> {
  private readonly root = new Map<string, unknown>();

  get(parts: readonly string[]): V | undefined {
    let node: unknown = this.root;
    for (const p of parts) {
      if (!(node instanceof Map)) return undefined;
      node = (node as Map<string, unknown>).get(p);
    }
    return node as V | undefined;
  }

  set(parts: readonly string[], value: V): void {
    let node = this.root;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = node.get(parts[i]);
      if (!(next instanceof Map)) node.set(parts[i], (next = new Map<string, unknown>()));
      node = next as Map<string, unknown>;
    }
    node.set(parts[parts.length - 1], value);
  }
}

function emptyData(): MonitoringData {
  return {
    records: { schools: [], grades: [], procedures: [], staff: [], network: [], gia: [], events: [] },
    present: {},
    schools: [],
  };
}

interface SchoolRegistry {
  byKey: Map<string, string>;
  keyed: KeyedName[];
  suggestions: Map<string, string | null>;
}

function suggest(reg: SchoolRegistry, key: string): string | null {
  let s = reg.suggestions.get(key);
  if (s === undefined) {
    s = nearestByKey(key, reg.keyed);
    reg.suggestions.set(key, s);
  }
  return s;
}

export function validateMonitoring(
  wb: WorkbookData,
  specs: readonly DataSheetSpec[],
  options: MonitoringOptions = {},
): MonitoringCheck {
  const procedures = options.shnorProcedures ?? SHNOR_PROCEDURES;
  const data = emptyData();
  const issues: Issue[] = [];
  const sheets: MonitoringSheetInfo[] = [];
  // The registry first: every other sheet matches its schools against it.
  const located = locateMonitoringSheets(wb, specs).sort(
    (a, b) => Number(b.spec.id === "schools") - Number(a.spec.id === "schools"),
  );
  let registry: SchoolRegistry | null = null;
  let shnorCol: number | null = null;
  let schoolsSheet: string | null = null;

  for (const { sheet, spec, header } of located) {
    const name = sheet.name;
    if (!header) {
      for (const c of spec.columns.filter((c) => c.required))
        issues.push(
          makeIssue(
            "MISSING_COLUMN",
            { sheet: name, field: c.id },
            `Лист «${name}»: не найдена строка заголовков, нет обязательного столбца ${columnName(c.title)} (ожидался заголовок ${[
              c.title,
              ...c.aliases,
            ]
              .slice(0, 3)
              .map(columnName)
              .join(", ")}).`,
          ),
        );
      continue;
    }
    const col = (id: string): number | null => header.columns[id] ?? null;
    const found = Object.values(header.headers)
      .map((h) => quote(h, 30))
      .join(", ");
    for (const m of header.missing) {
      const aliases = [m.title, ...m.aliases].slice(0, 3).map(columnName).join(", ");
      const at = { sheet: name, row: header.headerRow, col: 1, field: m.id };
      if (m.required)
        issues.push(
          makeIssue(
            "MISSING_COLUMN",
            at,
            `Строка заголовков ${header.headerRow}: не найден обязательный столбец ${columnName(m.title)} (ожидался заголовок ${aliases}); найдены: ${found}.`,
          ),
        );
      else
        issues.push(
          makeIssue(
            "MISSING_COLUMN",
            at,
            `Строка заголовков ${header.headerRow}: нет столбца ${columnName(m.title)} (ожидался заголовок ${aliases}); показатели, которым он нужен, будут «нет данных».`,
            "warning",
          ),
        );
    }
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
    const titleOf = (c: ColumnSpec): string => columnName(c.title);
    const records: MonitoringRecord[] = [];
    // The first record of each key, by its index in `records` (a number: nothing allocated per row).
    const seen = new TupleMap<number>();
    const schoolSpec = spec.columns.find((c) => c.type === "school");
    const isSchools = id === "schools";
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
    const isTotalRow = (r: number): boolean => {
      if (!totalSpec) return false;
      const t = fill(r, col(totalSpec.id)!);
      if (typeof t !== "string" || !isTotalText(t)) return false;
      return totalSpec === schoolSpec || !dateSpec || isBlank(fill(r, col(dateSpec.id)!));
    };
    const presentCols = present.map((c) => col(c.id)!);
    const isEmptyRow = (r: number): boolean => {
      for (let ci = 0; ci < presentCols.length; ci++) if (!isBlank(cellAt(sheet, r, presentCols[ci]))) return false;
      return true;
    };
    const periodSpec = periodColumn(spec);
    // Every record starts with every column of the spec, empty (copied: cheaper than built key by key).
    const emptyValues: Record<string, RecordValue> = {};
    for (const c of spec.columns) emptyValues[c.id] = null;
    const keySpecs = spec.key.map((k) => spec.columns.find((x) => x.id === k));
    const fieldTitle = (field: string): string => spec.columns.find((c) => c.id === field)?.title ?? field;

    // The school column's text as written (for DUPLICATE_SCHOOL messages).
    const schoolField = schoolSpec?.id ?? "school";
    const textOf = (values: Record<string, RecordValue>): string | undefined => {
      const v = values[schoolField];
      return typeof v === "string" ? v : undefined;
    };
    // «Мероприятия»: the «;»-separated list of participating schools.
    const listSpec = id === "events" ? spec.columns.find((c) => c.id === "schools") : undefined;

    // Per-row scratch: the parsed cell (read at once) and the duplicate key.
    const cell: ParsedCell = { value: null, empty: true, problem: null };
    const parts: string[] = [];

    for (let r = header.dataStartRow; r <= sheet.rows.length; r++) {
      if (isEmptyRow(r)) continue;
      if (isTotalRow(r)) continue;
      const values: Record<string, RecordValue> = { ...emptyValues };
      const invalid: string[] = [];
      for (let ci = 0; ci < present.length; ci++) {
        const c = present[ci];
        const cn = presentCols[ci];
        const raw = fill(r, cn);
        const p = parseCell(c, raw, formatAt(sheet, r, cn), cell);
        if (p.problem) {
          invalid.push(c.id);
          issues.push(
            makeIssue(
              p.problem.code,
              { sheet: name, row: r, col: cn, field: c.id },
              `Ячейка ${a1(r, cn)} (${titleOf(c)}): ${p.problem.detail}.`,
            ),
          );
        } else if (p.empty && c.required)
          issues.push(
            makeIssue(
              "EMPTY_REQUIRED",
              { sheet: name, row: r, col: cn, field: c.id },
              `Ячейка ${a1(r, cn)} (${titleOf(c)}): не заполнено обязательное поле; ожидалось значение, ячейка пуста.`,
            ),
          );
        values[c.id] = p.value;
      }

      // School.
      let school: string | null = null;
      let key: string | null = null;
      if (schoolSpec && typeof values[schoolSpec.id] === "string") {
        const written = values[schoolSpec.id] as string;
        key = schoolKey(written) || null;
        school = written;
        if (key && !isSchools && registry) {
          const registered = registry.byKey.get(key);
          if (registered) school = registered;
          else {
            const near = suggest(registry, key);
            const cn = col(schoolSpec.id)!;
            issues.push(
              makeIssue(
                "UNKNOWN_SCHOOL",
                { sheet: name, row: r, col: cn, field: schoolSpec.id },
                `Ячейка ${a1(r, cn)} (${titleOf(schoolSpec)}): школа ${quote(written)} не найдена в реестре на листе «${schoolsSheet}»${near ? `; возможно, имелась в виду «${near}»` : ""}.`,
              ),
            );
          }
        }
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
        const cn = col(listSpec.id)!;
        record.schoolList = [];
        for (const part of (values[listSpec.id] as string).split(/[;\n]+/u)) {
          const written = part.trim();
          const k = schoolKey(written);
          if (!written || !k) continue;
          const registered = registry?.byKey.get(k);
          record.schoolList.push({ name: registered ?? written, key: k, registered: !!registered });
          if (registry && !registered) {
            const near = suggest(registry, k);
            issues.push(
              makeIssue(
                "UNKNOWN_SCHOOL",
                { sheet: name, row: r, col: cn, field: listSpec.id },
                `Ячейка ${a1(r, cn)} (${titleOf(listSpec)}): школа ${quote(written)} не найдена в реестре на листе «${schoolsSheet}»${near ? `; возможно, имелась в виду «${near}»` : ""}.`,
              ),
            );
          }
        }
      }

      // Duplicates: one row per school (and period, and procedure).
      if (spec.key.length && key) {
        parts.length = 0;
        let complete = true;
        for (let ki = 0; ki < spec.key.length; ki++) {
          const k = spec.key[ki];
          const v = values[k];
          if (v === null || v === undefined) {
            complete = false;
            break;
          }
          if (keySpecs[ki]?.type === "school") parts.push(key);
          else if (k === "procedure" && typeof v === "string") parts.push(procedureKey(v));
          else parts.push(v instanceof Date ? v.toISOString() : typeof v === "number" ? numberText(v) : String(v));
        }
        if (complete) {
          const firstIndex = seen.get(parts);
          const first =
            firstIndex === undefined
              ? undefined
              : { row: records[firstIndex].row, text: textOf(records[firstIndex].values) ?? "" };
          const cn = col(schoolSpec?.id ?? "school");
          if (first) {
            invalid.push("_duplicate");
            const what = spec.key
              .filter((k) => k !== schoolSpec?.id)
              .map((k) => (k === "procedure" ? `процедура ${quote(String(values[k]))}` : String(values[k])))
              .join(", ");
            issues.push(
              makeIssue(
                "DUPLICATE_SCHOOL",
                { sheet: name, row: r, col: cn, field: schoolSpec?.id ?? null },
                `Школа ${quote(textOf(values) ?? school ?? "")}${what ? ` (${what})` : ""} уже указана в строке ${first.row}${first.text !== textOf(values) ? ` как ${quote(first.text)}` : ""}; ожидалась одна строка на школу${what ? " за период" : ""}.`,
              ),
            );
          } else seen.set(parts, records.length);
        }
      }

      const sums = checkSums(id, record, col, fieldTitle);
      for (let k = 0; k < sums.length; k++) {
        const s = sums[k];
        issues.push(makeIssue("SUM_MISMATCH", { sheet: name, row: r, col: s.col, field: s.field }, s.message));
        for (const f of ["_sum", ...s.fields]) if (!invalid.includes(f)) invalid.push(f);
      }
      records.push(record);
    }

    if (isSheetId(id)) data.records[id] = records;
    sheets.push({ name, id, headerRow: header.headerRow, rows: records.length });

    if (isSchools) {
      schoolsSheet = name;
      shnorCol = col("shnor");
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
        registry = { byKey, keyed: [...byKey].map(([k, n]) => ({ name: n, key: k })), suggestions: new Map() };
    }
  }

  // SHNOR_MISMATCH: the declared flag vs the status computed for the latest year with data for Y and Y−1.
  const shnorTitle = specs.find((s) => s.id === "schools")?.columns.find((c) => c.id === "shnor")?.title ?? "ШНОР";
  if (schoolsSheet !== null && shnorCol !== null && data.present.procedures) {
    for (const s of data.schools) {
      if (s.shnor === null) continue;
      const years = procedureYears(data, s.key, procedures);
      const y = [...years].reverse().find((yy) => years.includes(yy - 1));
      if (y === undefined) continue;
      const st = shnorStatus(data, s.key, y, procedures);
      if (!st.computed || st.status === null || st.status === s.shnor) continue;
      issues.push(
        makeIssue(
          "SHNOR_MISMATCH",
          { sheet: schoolsSheet, row: s.row, col: shnorCol, field: "shnor" },
          `Ячейка ${a1(s.row, shnorCol)} (${columnName(shnorTitle)}): у школы ${quote(s.name)} указано «${yesNoText(s.shnor)}», а по результатам процедур за ${y - 1}–${y} гг. ожидалось «${yesNoText(st.status)}». ${st.reason}`,
        ),
      );
    }
  }

  const order = new Map(wb.sheets.map((s, i) => [s.name, i]));
  sheets.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return { data, issues, sheets };
}
