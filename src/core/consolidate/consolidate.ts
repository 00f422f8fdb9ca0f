/**
 * Consolidating filled school workbooks into the master: each file is checked against the
 * master's template (`validateWorkbook`), the rows of its monitoring sheets are mapped onto the
 * master's columns by column id (a school may reorder columns or add its own), tagged with the
 * file name in «Источник», and planned as appended rows. Importing a file again replaces the rows
 * its earlier import left (same «Источник»). The same school sent in two files is reported.
 *
 * Incremental: `startConsolidation(master, options)` returns a consolidator; `add` one file at a
 * time (a host can read, add and drop each workbook, so memory holds only the rows to merge), then
 * `finish()` gives the report and the plan (`types.ts`). `planConsolidation` does it in one call.
 *
 * The report's sentences (a file's message, the notes) are data — a `variant` and its values —
 * which the app renders in the user's language (`src/i18n/issueMessages.ts`).
 */
import { TEMPLATE_PROPERTY } from "../detect";
import type { IsoDate } from "../model/dates";
import { columnLetter } from "../model/address";
import { isCellError, verticalMergeFiller, type CellValue, type WorkbookData } from "../model/sheet";
import type { MonitoringSheetId } from "../monitoring/sheets";
import { makeIssue, sortIssues, summarize, type Issue, type IssueParams } from "../report/issue";
import type { Template } from "../template/schema";
import { templateReasonParams, validateWorkbook } from "../validate";
import { analyseMaster, sourceKey } from "./master";
import { SOURCE_HEADER } from "./types";
import type {
  Consolidation,
  DuplicateSchool,
  FileConsolidationReport,
  FileSheetReport,
  PlanCell,
  ReadFailure,
  RowRun,
  SheetPlan,
} from "./types";

export interface ConsolidateOptions {
  /** The template; detected from the master when absent. */
  template?: Template;
  templates: readonly Template[];
  /** Report date for the files' checks (plan deadlines). */
  asOf: IsoDate;
  /** Merge the rows without errors of files that have errors (status `merged_partly`). */
  mergeValidRows?: boolean;
}

/** One school file: its workbook, or why the host could not read it. */
export type ConsolidationInput =
  | { file: string; workbook: WorkbookData; error?: undefined }
  | {
      file: string;
      workbook?: undefined;
      error: ReadFailure;
    };

export interface Consolidator {
  /** The master's template (given or detected). */
  readonly template: Template;
  /** Checks one file and keeps the rows to merge; returns its report (final counts after `finish`). */
  add(input: ConsolidationInput): FileConsolidationReport;
  /** The report and the plan. Call once, after the last `add`. */
  finish(): Consolidation;
}

interface PendingRow {
  cells: PlanCell[];
  /** School key (null on «Мероприятия» or without a school). */
  key: string | null;
}

interface FileState {
  report: FileConsolidationReport;
  /** Rows to merge by master sheet id, with the report entry they count in. */
  pending: {
    id: MonitoringSheetId;
    entry: FileSheetReport;
    rows: PendingRow[];
  }[];
  /** School keys → name, for duplicates (readable files only). */
  schools: Map<string, string>;
}

function planCell(v: CellValue): PlanCell {
  return isCellError(v) ? v.error : v;
}

/** Contiguous runs of ascending rows, bottom-up. */
export function rowRuns(rows: readonly number[]): RowRun[] {
  const runs: RowRun[] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last.start + last.count) last.count++;
    else runs.push({ start: r, count: 1 });
  }
  return runs.reverse();
}

function emptyReport(file: string): FileConsolidationReport {
  return {
    file,
    status: "rejected",
    message_params: {},
    template: null,
    sheets: [],
    rows: 0,
    skipped_rows: 0,
    replaced_rows: 0,
    schools: [],
    issues: [],
    summary: { errors: 0, warnings: 0, infos: 0 },
    notes_params: [],
  };
}

/** The params of the rows replaced and the schools already registered, when there are any. */
function tailParams(replaced: number, registered: number): IssueParams {
  return { ...(replaced ? { replaced } : {}), ...(registered ? { registered } : {}) };
}

export function startConsolidation(master: WorkbookData, options: ConsolidateOptions): Consolidator {
  const masterCheck = validateWorkbook(master, {
    template: options.template,
    templates: options.templates,
    asOf: options.asOf,
  });
  const template = masterCheck.template;
  const sheets = analyseMaster(master, masterCheck);
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const masterNotes: IssueParams[] = [];
  for (const s of sheets) if (s.problem) masterNotes.push({ variant: "master_sheet", ...s.problem });
  // Registered schools of the master («Школы»), for the files' unknown-school warnings.
  const registry = byId.get("schools")?.registry ?? new Map<string, { name: string; source: string | null }>();
  const files: FileState[] = [];
  const labels = new Set<string>();
  let finished = false;

  function add(input: ConsolidationInput): FileConsolidationReport {
    if (finished) throw new Error("consolidation already finished");
    const report = emptyReport(input.file);
    const state: FileState = { report, pending: [], schools: new Map() };
    files.push(state);
    if (input.error) {
      report.status = "unreadable";
      report.error = { ...input.error };
      report.message_params = { variant: "unreadable", code: input.error.code, error: input.error.message };
      return report;
    }
    const label = sourceKey(input.file);
    if (label === sourceKey(master.name)) {
      report.message_params = { variant: "master_itself", file: input.file };
      return report;
    }
    if (labels.has(label)) {
      report.message_params = { variant: "same_name", file: input.file, source: SOURCE_HEADER };
      return report;
    }
    labels.add(label);

    const wb = input.workbook;
    const check = validateWorkbook(
      { ...wb, name: input.file },
      { template, templates: options.templates, asOf: options.asOf },
    );
    report.template = template.id;
    const recorded = wb.properties?.[TEMPLATE_PROPERTY];
    if (recorded !== undefined && recorded !== template.id)
      report.notes_params.push({ variant: "other_template", recorded, template: template.id });
    const issues: Issue[] = [...check.report.issues];

    // Rows (and whole sheets) with errors.
    const present = check.monitoring.present;
    const headerRowOf = new Map(Object.values(present).map((p) => [p.sheetName, p.headerRow]));
    const badRows = new Set<string>();
    const badSheets = new Set<string>();
    for (const i of check.report.issues) {
      if (i.severity !== "error") continue;
      const hr = headerRowOf.get(i.sheet);
      if (i.row === null || (hr !== undefined && i.row <= hr)) badSheets.add(i.sheet);
      else badRows.add(`${i.sheet}\u0001${i.row}`);
    }
    const errors = check.report.summary.errors;
    const mergeRows = errors === 0 || !!options.mergeValidRows;
    const unknownSeen = new Set<string>();
    const ownRegistry = new Set(check.monitoring.records.schools.map((r) => r.schoolKey).filter((k) => k !== null));

    for (const ms of sheets) {
      const p = present[ms.id];
      if (!p || !p.columnIndex) continue;
      const records = check.monitoring.records[ms.id];
      const entry: FileSheetReport = {
        sheet: ms.name,
        source_sheet: p.sheetName,
        rows: 0,
        skipped_rows: 0,
        registered_rows: 0,
      };
      const rows: PendingRow[] = [];
      const sheet = wb.sheets.find((s) => s.name === p.sheetName);
      if (!sheet || !records.length) continue;
      const fill = verticalMergeFiller(sheet);
      const lacking = new Set<string>();
      for (const rec of records) {
        if (ms.id !== "events" && rec.schoolKey) {
          const name = registry.get(rec.schoolKey)?.name ?? rec.school ?? "";
          if (!state.schools.has(rec.schoolKey)) state.schools.set(rec.schoolKey, name);
          // A school the master's registry does not know.
          const col = p.columnIndex.school;
          if (registry.size && !registry.has(rec.schoolKey) && !unknownSeen.has(rec.schoolKey) && col) {
            unknownSeen.add(rec.schoolKey);
            const own = ownRegistry.has(rec.schoolKey);
            issues.push(
              makeIssue(
                "UNKNOWN_SCHOOL",
                { sheet: p.sheetName, row: rec.row, col, field: "school" },
                {
                  variant: own ? "master_own" : "master_missing",
                  school: rec.school ?? "",
                  master: master.name,
                  registry_sheet: byId.get("schools")?.name ?? "Школы",
                },
              ),
            );
          }
        }
        if (!mergeRows || badSheets.has(p.sheetName) || badRows.has(`${p.sheetName}\u0001${rec.row}`)) {
          entry.skipped_rows++;
          continue;
        }
        if (ms.problem) {
          entry.skipped_rows++;
          continue;
        }
        const cells: PlanCell[] = new Array<PlanCell>(ms.width).fill(null);
        for (const [id, fileCol] of Object.entries(p.columnIndex)) {
          const v = fill(rec.row, fileCol);
          const col = ms.columns[id];
          if (col === undefined) {
            if (v !== null && v !== "") lacking.add(id);
            continue;
          }
          cells[col - 1] = planCell(v);
        }
        cells[ms.sourceColumn - 1] = input.file;
        rows.push({ cells, key: ms.id === "events" ? null : rec.schoolKey });
      }
      for (const id of lacking) {
        const title = ms.spec.columns.find((c) => c.id === id)?.title ?? id;
        report.notes_params.push({ variant: "missing_column", sheet: ms.name, column: title });
      }
      if (ms.problem && entry.skipped_rows && mergeRows)
        report.notes_params.push({ variant: "sheet_not_merged", sheet: p.sheetName, ...ms.problem });
      report.sheets.push(entry);
      state.pending.push({ id: ms.id, entry, rows });
    }

    sortIssues(
      issues,
      wb.sheets.map((s) => s.name),
    );
    report.issues = issues;
    report.summary = summarize(issues);
    report.skipped_rows = report.sheets.reduce((n, s) => n + s.skipped_rows, 0);
    const candidates = state.pending.reduce((n, s) => n + s.rows.length, 0);
    if (errors === 0) {
      report.status = "merged";
    } else if (options.mergeValidRows && candidates > 0) {
      report.status = "merged_partly";
    } else {
      report.status = "rejected";
      state.pending = [];
      report.message_params = { variant: options.mergeValidRows ? "rejected_no_valid_rows" : "rejected", errors };
    }
    return report;
  }

  function finish(): Consolidation {
    if (finished) throw new Error("consolidation already finished");
    finished = true;
    const merged = files.filter((f) => f.report.status === "merged" || f.report.status === "merged_partly");
    const replacing = new Set(merged.map((f) => sourceKey(f.report.file)));
    const batch = new Set(files.filter((f) => f.report.status !== "unreadable").map((f) => sourceKey(f.report.file)));

    // Rows of earlier imports being replaced.
    const deleted = new Map<MonitoringSheetId, number[]>();
    for (const ms of sheets) {
      const rows: number[] = [];
      for (const src of replacing) rows.push(...(ms.rowsBySource.get(src) ?? []));
      deleted.set(
        ms.id,
        rows.sort((a, b) => a - b),
      );
    }
    for (const f of merged) {
      const src = sourceKey(f.report.file);
      f.report.replaced_rows = sheets.reduce((n, ms) => n + (ms.rowsBySource.get(src)?.length ?? 0), 0);
    }

    // Appended rows, in batch order. «Школы»: only schools the registry does not have yet.
    const appended = new Map<MonitoringSheetId, PlanCell[][]>(sheets.map((s) => [s.id, []]));
    const registered = new Set<string>();
    for (const [key, r] of byId.get("schools")?.registry ?? [])
      if (r.source === null || !replacing.has(r.source)) registered.add(key);
    for (const f of merged) {
      for (const p of f.pending) {
        const out = appended.get(p.id)!;
        for (const row of p.rows) {
          if (p.id === "schools" && row.key) {
            if (registered.has(row.key)) {
              p.entry.registered_rows++;
              continue;
            }
            registered.add(row.key);
          }
          out.push(row.cells);
          p.entry.rows++;
        }
      }
      f.report.rows = f.report.sheets.reduce((n, s) => n + s.rows, 0);
      f.pending = [];
    }
    for (const f of merged) {
      const r = f.report;
      const reg = r.sheets.reduce((n, s) => n + s.registered_rows, 0);
      r.message_params =
        r.status === "merged_partly"
          ? {
              variant: "merged_partly",
              errors: r.summary.errors,
              rows: r.rows,
              skipped: r.skipped_rows,
              ...tailParams(r.replaced_rows, reg),
            }
          : { variant: "merged", rows: r.rows, ...tailParams(r.replaced_rows, reg) };
      if (!r.rows && !r.skipped_rows && !reg) r.notes_params.push({ variant: "no_rows" });
    }

    // The same school in different files, or already imported from another file.
    const bySchool = new Map<string, { name: string; files: string[]; earlier: Set<string> }>();
    for (const f of files) {
      for (const [key, name] of f.schools) {
        const d = bySchool.get(key) ?? {
          name: registry.get(key)?.name ?? name,
          files: [],
          earlier: new Set(),
        };
        d.files.push(f.report.file);
        bySchool.set(key, d);
      }
      f.report.schools = [...f.schools.values()];
    }
    for (const ms of sheets) {
      if (ms.id === "events") continue;
      for (const [src, schools] of ms.schoolsBySource) {
        if (batch.has(src)) continue;
        for (const key of schools.keys()) bySchool.get(key)?.earlier.add(ms.sourceText.get(src) ?? src);
      }
    }
    const duplicates: DuplicateSchool[] = [];
    for (const d of bySchool.values())
      if (d.files.length + d.earlier.size >= 2)
        duplicates.push({
          school: d.name,
          files: d.files,
          earlier: [...d.earlier],
        });

    // The plan.
    const plans: SheetPlan[] = [];
    for (const ms of sheets) {
      if (ms.problem) continue;
      const rows = appended.get(ms.id)!;
      const deleteRows = deleted.get(ms.id)!;
      const sourceHeader = ms.sourceMissing && rows.length > 0;
      if (!ms.create && !ms.header.length && !sourceHeader && !deleteRows.length && !rows.length) continue;
      plans.push({
        sheet: ms.name,
        spec: ms.id,
        create: ms.create,
        header: ms.header,
        widths: ms.header.length ? ms.widths : [],
        headerRow: ms.headerRow,
        sourceColumn: ms.sourceColumn,
        sourceHeader,
        deleteRows,
        deleteRuns: rowRuns(deleteRows),
        appendAt: ms.lastRow - deleteRows.length + 1,
        width: ms.width,
        rows,
      });
    }
    const created = plans.filter((p) => p.create).map((p) => p.sheet);
    const notes = [...masterNotes];
    if (created.length) notes.push({ variant: "created_sheets", sheets: created, template: template.id });
    const count = (s: string) => files.filter((f) => f.report.status === s).length;
    return {
      plan: { sheets: plans },
      report: {
        master: master.name,
        template: template.id,
        template_reason_params: templateReasonParams(masterCheck.detection, template),
        merge_valid_rows: !!options.mergeValidRows,
        files: files.map((f) => f.report),
        duplicates,
        created_sheets: created,
        sheets: plans.map((p) => ({
          sheet: p.sheet,
          created: p.create,
          source_column: columnLetter(p.sourceColumn),
          appended_rows: p.rows.length,
          deleted_rows: p.deleteRows.length,
        })),
        notes_params: notes,
        summary: {
          files: files.length,
          merged: count("merged"),
          merged_partly: count("merged_partly"),
          rejected: count("rejected"),
          unreadable: count("unreadable"),
          rows: plans.reduce((n, p) => n + p.rows.length, 0),
          replaced_rows: plans.reduce((n, p) => n + p.deleteRows.length, 0),
        },
      },
    };
  }

  return { template, add, finish };
}

/** All at once: the master and every file (workbooks or read errors) → report and plan. */
export function planConsolidation(
  master: WorkbookData,
  inputs: readonly ConsolidationInput[],
  options: ConsolidateOptions,
): Consolidation {
  const c = startConsolidation(master, options);
  for (const input of inputs) c.add(input);
  return c.finish();
}
