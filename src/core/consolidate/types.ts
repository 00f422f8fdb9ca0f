/**
 * Consolidation of school files into a methodist's master workbook: the report (snake_case like
 * `validate`'s) and the plan a host applies. The core's report says what happened as data: each
 * sentence is a `variant` and its values (`message_params`, `notes_params`); the app renders the
 * sentences in the user's language (`localizeConsolidation`, `src/i18n/issueMessages.ts`), which
 * gives `RenderedConsolidationReport`, the JSON contract of `sverka consolidate --json`.
 *
 * The plan is host-neutral and made for a few range operations per sheet, whatever the number of
 * rows: an Office.js host queues them all and syncs once; the ExcelJS host applies them to a
 * loaded copy of the master. For each sheet of `ConsolidationPlan.sheets`, in order:
 *
 * 1. `create`: add a worksheet named `sheet` and write `header` at row `headerRow` (1), columns
 *    1…`header.length`. The header already ends with «Источник».
 * 2. `sourceHeader`: write «Источник» (`SOURCE_HEADER`) into (`headerRow`, `sourceColumn`) — the
 *    master sheet had no such column; it goes right of the table.
 * 3. `deleteRuns`: delete whole worksheet rows, shifting the rows below up. Runs are given bottom-up
 *    (descending `start`), so each run's numbers are valid when it is applied. `deleteRows` lists
 *    the same rows ascending, in the sheet's numbering before any change.
 * 4. `rows`: write the block at row `appendAt` (numbered after the deletions), column 1, one row per
 *    entry, each exactly `width` cells. `null` leaves a cell empty. Strings are literal text —
 *    a host must never turn text that starts with «=», «+», «-» or «@» into a formula. `Date`s
 *    are dates (UTC midnight) and should be shown as dd.mm.yyyy.
 *
 * Nothing else of the master is touched: other sheets, the user's own columns and rows, styles.
 */
import type { CellValue } from "../model/sheet";
import type { MonitoringSheetId } from "../monitoring/sheets";
import type { Issue, IssueSummary, IssueParams, RenderedIssue } from "../report/issue";

/** Header of the column that says which file a consolidated row came from. */
export const SOURCE_HEADER = "Источник";

/** A value the plan writes: a cell value without Excel errors (rows with errors are never merged). */
export type PlanCell = Exclude<CellValue, { error: string }>;

export interface RowRun {
  /** First worksheet row of the run. */
  start: number;
  /** Number of rows. */
  count: number;
}

export interface SheetPlan {
  /** Worksheet name in the master (existing or to create). */
  sheet: string;
  /** The template's monitoring sheet id. */
  spec: MonitoringSheetId;
  /** The master has no such sheet: create it with `header`. */
  create: boolean;
  /** Titles to write at `headerRow` when `create` (template titles, then «Источник»). */
  header: string[];
  /** Column widths in characters for `header` (a created sheet), from the template. */
  widths: number[];
  /** Worksheet row of the header. */
  headerRow: number;
  /** 1-based column of «Источник». */
  sourceColumn: number;
  /** The header cell «Источник» must be written (an existing sheet without the column). */
  sourceHeader: boolean;
  /** Rows of earlier imports being replaced, ascending, numbered as in the master before any change. */
  deleteRows: number[];
  /** The same rows as contiguous runs, bottom-up (apply in this order). */
  deleteRuns: RowRun[];
  /** First row of the appended block, numbered after the deletions. */
  appendAt: number;
  /** Cells per appended row (columns 1…width). */
  width: number;
  /** Appended rows, values at the master's column positions, «Источник» filled. */
  rows: PlanCell[][];
}

export interface ConsolidationPlan {
  /** Sheets with something to do, in the template's sheet order. */
  sheets: SheetPlan[];
}

/** What happened to one file. */
export type FileStatus =
  /** Checked without errors; its rows are merged. */
  | "merged"
  /** Has errors; the user chose to merge the rows without errors (`mergeValidRows`). */
  | "merged_partly"
  /** Has errors (or cannot be merged): nothing merged; earlier rows of the file stay. */
  | "rejected"
  /** Could not be read (not an .xlsx, encrypted, corrupt, too large, zip bomb, missing). */
  | "unreadable";

export interface FileSheetReport {
  /** Master sheet the rows went to. */
  sheet: string;
  /** The file's sheet they came from. */
  source_sheet: string;
  /** Rows appended to the master. */
  rows: number;
  /** Rows left out because they carry errors (only with `mergeValidRows`, or a rejected file's rows). */
  skipped_rows: number;
  /** «Школы» rows of schools the master's registry already has (the registry stays the master's). */
  registered_rows: number;
}

/** A message as data: its wording (`variant`) and values; the app renders it in the user's language. */
export type MessageParams = Readonly<Record<string, string | number>> & { readonly variant: string };

/**
 * Why a file could not be read, as the host's reader says it: its code, its message (Russian) and,
 * when the reader gives them, the message as data (`i18n/readErrors.ts` renders it in ru or en).
 */
export interface ReadFailure {
  code: string;
  message: string;
  message_params?: MessageParams;
}

export interface FileConsolidationReport {
  /** File name as written into «Источник». */
  file: string;
  status: FileStatus;
  /**
   * What happened and why, as data: the sentence's wording (`variant`) and values.
   * `localizeConsolidation` renders it as `message` in the user's language
   * (`src/i18n/issueMessages.ts`, `CONSOLIDATION_TEXTS`).
   */
  message_params: IssueParams;
  /** Template the file was checked against (the master's); null when unreadable. */
  template: string | null;
  sheets: FileSheetReport[];
  /** Rows appended to the master, in all. */
  rows: number;
  /** Rows with errors left out. */
  skipped_rows: number;
  /** Rows of an earlier import of this file removed from the master (replaced). */
  replaced_rows: number;
  /** Schools the file sends (registered names where the master's registry knows them). */
  schools: string[];
  /** The file's ФЛК issues (same shape as `sverka validate --json`), plus schools unknown to the master's registry. */
  issues: Issue[];
  summary: IssueSummary;
  /** Other things worth knowing (a column the master lacks, another template recorded …), each as data (`variant` and values). */
  notes_params: IssueParams[];
  /** Why the file could not be read: the reader's code and message, and the message as data. */
  error?: ReadFailure;
}

export interface DuplicateSchool {
  /** Registered name (or the name as first written). */
  school: string;
  /** Files of this batch that send the school, in batch order. */
  files: string[];
  /** Earlier imports («Источник» values) still holding rows of the school in the master. */
  earlier: string[];
}

export interface ConsolidationSheetReport {
  sheet: string;
  created: boolean;
  /** Column letter of «Источник». */
  source_column: string;
  appended_rows: number;
  deleted_rows: number;
}

export interface ConsolidationReport {
  master: string;
  template: string;
  /** Why the template, as data (rendered as `template_reason`). */
  template_reason_params: IssueParams;
  merge_valid_rows: boolean;
  files: FileConsolidationReport[];
  /** The same school sent in different files (or already imported from another file). */
  duplicates: DuplicateSchool[];
  /** Monitoring sheets the master lacked, created with the template's headers. */
  created_sheets: string[];
  sheets: ConsolidationSheetReport[];
  /** Master-level notes (a sheet without a usable header …), each as data (`variant` and values). */
  notes_params: IssueParams[];
  summary: {
    files: number;
    merged: number;
    merged_partly: number;
    rejected: number;
    unreadable: number;
    /** Rows appended in all. */
    rows: number;
    /** Rows of earlier imports replaced. */
    replaced_rows: number;
  };
}

export interface Consolidation {
  report: ConsolidationReport;
  plan: ConsolidationPlan;
}

/** A file's entry with its sentences in the user's language (the JSON contract). */
export type RenderedFileConsolidation = Omit<FileConsolidationReport, "issues"> & {
  /** One sentence: what happened and why (from `message_params`). */
  message: string;
  /** The notes (from `notes_params`, in its order). */
  notes: string[];
  issues: RenderedIssue[];
};

/**
 * The report with every sentence in the user's language: the JSON contract of
 * `sverka consolidate --json`, what the CLI prints and the pane shows.
 */
export type RenderedConsolidationReport = Omit<ConsolidationReport, "files"> & {
  /** Why the template (from `template_reason_params`). */
  template_reason: string;
  files: RenderedFileConsolidation[];
  /** The master-level notes (from `notes_params`, in its order). */
  notes: string[];
};

export interface RenderedConsolidation {
  report: RenderedConsolidationReport;
  plan: ConsolidationPlan;
}
