/**
 * The master workbook as consolidation sees it: for each monitoring sheet of the template, where
 * its table is (header row, columns by id), its «Источник» column (found, or the first free
 * column right of the table), the last used row, and which rows came from which file.
 */
import { cellAt, cellText, isBlank, verticalMergeFiller, type SheetData, type WorkbookData } from "../model/sheet";
import { schoolKey } from "../parse/school";
import type { MonitoringSheetId } from "../monitoring/sheets";
import { locateMonitoringSheets } from "../monitoring/validateMonitoring";
import type { IssueParams } from "../report/issue";
import type { DataSheetSpec } from "../template/schema";
import { foldText, headerKey } from "../text/normalize";
import type { WorkbookCheck } from "../validate";
import { SOURCE_HEADER } from "./types";

/** Header texts read as the «Источник» column. */
const SOURCE_KEYS = new Set([SOURCE_HEADER, "Источник данных", "Файл-источник"].map(headerKey));

/** How «Источник» values and file names are compared: case-, «ё»- and space-insensitive. */
export function sourceKey(file: string): string {
  return foldText(file);
}

export interface MasterSheet {
  spec: DataSheetSpec;
  id: MonitoringSheetId;
  /** Worksheet name (existing, or the template's name for a sheet to create). */
  name: string;
  /** The master has no such sheet: it is created. */
  create: boolean;
  /** Header titles to write (a created sheet, or an existing sheet with nothing on it). */
  header: string[];
  /** Widths of the header's columns (characters). */
  widths: number[];
  /**
   * Null when rows can be appended; else why not, as data for the notes that cite it: `problem`
   * (its wording, `CONSOLIDATION_PROBLEMS` in `src/i18n`), `problem_sheet`, `problem_columns`.
   */
  problem: IssueParams | null;
  headerRow: number;
  /** Column id → 1-based worksheet column. */
  columns: Record<string, number>;
  sourceColumn: number;
  /** The «Источник» header cell is missing (an existing sheet). */
  sourceMissing: boolean;
  /** Last row holding anything (at least the header row). */
  lastRow: number;
  /** max(source column, table columns). */
  width: number;
  /** Rows by `sourceKey` of their «Источник», ascending. */
  rowsBySource: Map<string, number[]>;
  /** «Источник» text as written, by `sourceKey`. */
  sourceText: Map<string, string>;
  /** School keys (with a name) of each source's rows. */
  schoolsBySource: Map<string, Map<string, string>>;
  /** «Школы» only: registered school keys → their row's source key (null: typed in the master). */
  registry: Map<string, { name: string; source: string | null }>;
}

function lastUsedRow(sheet: SheetData): number {
  for (let r = sheet.rows.length; r >= 1; r--) if (sheet.rows[r - 1].some((v) => !isBlank(v))) return r;
  return 0;
}

function usedWidth(sheet: SheetData, row: number): number {
  const cells = sheet.rows[row - 1] ?? [];
  for (let c = cells.length; c >= 1; c--) if (!isBlank(cells[c - 1])) return c;
  return 0;
}

/** The first column right of the header that no data row uses. */
function freeColumnRight(sheet: SheetData, headerRow: number, from: number): number {
  let col = from;
  const used = (c: number) => {
    for (let r = headerRow; r <= sheet.rows.length; r++) if (!isBlank(cellAt(sheet, r, c))) return true;
    return false;
  };
  while (used(col)) col++;
  return col;
}

function emptyMasterSheet(spec: DataSheetSpec, name: string, create: boolean): MasterSheet {
  const header = [...spec.columns.map((c) => c.title), SOURCE_HEADER];
  const columns: Record<string, number> = {};
  spec.columns.forEach((c, i) => (columns[c.id] = i + 1));
  return {
    spec,
    id: spec.id as MonitoringSheetId,
    name,
    create,
    header,
    widths: [...spec.columns.map((c) => c.width ?? 15), 28],
    problem: null,
    headerRow: 1,
    columns,
    sourceColumn: header.length,
    sourceMissing: false,
    lastRow: 1,
    width: header.length,
    rowsBySource: new Map(),
    sourceText: new Map(),
    schoolsBySource: new Map(),
    registry: new Map(),
  };
}

/**
 * The master's monitoring sheets, one per monitoring spec of the template. `check` is the
 * master's own check (its plan sheets are not monitoring sheets).
 */
export function analyseMaster(master: WorkbookData, check: WorkbookCheck): MasterSheet[] {
  const kinds = new Map(check.report.sheets.map((s) => [s.name, s.kind]));
  const candidates = master.sheets.filter((s) => {
    const k = kinds.get(s.name);
    return k === "other" || k === "monitoring";
  });
  const located = locateMonitoringSheets({ ...master, sheets: candidates }, check.template.monitoring);
  const out: MasterSheet[] = [];
  for (const spec of check.template.monitoring) {
    const found = located.find((l) => l.spec.id === spec.id);
    if (!found) {
      // A sheet of the template's name with nothing on it gets the header; else a new sheet.
      const empty = master.sheets.find((s) => foldText(s.name) === foldText(spec.name));
      if (empty && lastUsedRow(empty) === 0) out.push(emptyMasterSheet(spec, empty.name, false));
      else if (empty) {
        const m = emptyMasterSheet(spec, spec.name, false);
        m.header = [];
        const required = spec.columns.filter((c) => c.required).map((c) => c.title);
        m.problem = { problem: "no_table", problem_sheet: empty.name, problem_columns: required };
        out.push(m);
      } else out.push(emptyMasterSheet(spec, spec.name, true));
      continue;
    }
    const { sheet, header } = found;
    const base = emptyMasterSheet(spec, sheet.name, false);
    base.header = [];
    if (!header) {
      base.problem = { problem: "no_header", problem_sheet: sheet.name };
      out.push(base);
      continue;
    }
    const missingRequired = header.missing.filter((c) => c.required);
    if (missingRequired.length) {
      base.problem = {
        problem: "missing_required",
        problem_sheet: sheet.name,
        problem_columns: missingRequired.map((c) => c.title),
      };
      out.push(base);
      continue;
    }
    const headerRow = header.headerRow;
    let sourceColumn = 0;
    const headerWidth = usedWidth(sheet, headerRow);
    for (let c = 1; c <= headerWidth; c++) {
      const t = cellText(cellAt(sheet, headerRow, c));
      if (t && SOURCE_KEYS.has(headerKey(t)) && !Object.values(header.columns).includes(c)) {
        sourceColumn = c;
        break;
      }
    }
    const sourceMissing = sourceColumn === 0;
    if (sourceMissing) sourceColumn = freeColumnRight(sheet, headerRow, headerWidth + 1);
    const lastRow = Math.max(lastUsedRow(sheet), header.dataStartRow - 1);
    const m: MasterSheet = {
      ...base,
      headerRow,
      columns: { ...header.columns },
      sourceColumn,
      sourceMissing,
      lastRow,
      width: Math.max(sourceColumn, ...Object.values(header.columns)),
    };
    const fill = verticalMergeFiller(sheet);
    const schoolCol = header.columns.school;
    for (let r = header.dataStartRow; r <= lastRow; r++) {
      const text = cellText(cellAt(sheet, r, sourceColumn));
      const src = text ? sourceKey(text) : null;
      const name = schoolCol ? cellText(fill(r, schoolCol)) : "";
      const key = name ? schoolKey(name) : "";
      if (src !== null) {
        const rows = m.rowsBySource.get(src) ?? [];
        rows.push(r);
        m.rowsBySource.set(src, rows);
        if (!m.sourceText.has(src)) m.sourceText.set(src, text);
        if (key) {
          const schools = m.schoolsBySource.get(src) ?? new Map<string, string>();
          if (!schools.has(key)) schools.set(key, name);
          m.schoolsBySource.set(src, schools);
        }
      }
      if (spec.id === "schools" && key && !m.registry.has(key)) m.registry.set(key, { name, source: src });
    }
    out.push(m);
  }
  return out;
}
