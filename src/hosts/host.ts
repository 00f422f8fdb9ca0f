/**
 * The one interface the task pane (and the ribbon command) talks to. Two hosts implement it:
 * `excel/` (Office.js, inside Excel) and `xlsx/` (ExcelJS, a file the user picked in a plain
 * browser). The pane never calls `Excel.run` or ExcelJS itself; the core decides everything and
 * the host only reads a workbook into the core model and renders the core's layouts back.
 *
 * Hosts return what the user should know as `HostNotice` codes with parameters, never as text:
 * the pane renders them through the dictionaries (Russian or English).
 */
import type { DashboardBuild } from "../core/dashboard/build";
import type { ConsolidationPlan, MessageParams, ReadFailure } from "../core/consolidate/types";
import { columnLetter } from "../core/model/address";
import type { LayoutSheet } from "../core/dashboard/types";
import type { WorkbookData } from "../core/model/sheet";
import type { Issue } from "../core/report/issue";
import type { Template } from "../core/template/schema";

export type HostKind = "excel" | "xlsx";

/** What a host can do; the pane hides or disables what is missing and says why. */
export interface HostCapabilities {
  /** Colour the offending cells and undo it exactly. */
  marks: boolean;
  /** Add a note to each marked cell (Excel: ExcelApi 1.18). */
  notes: boolean;
  /** Draw real charts on the dashboard (the xlsx host uses data bars instead). */
  charts: boolean;
  /** Activate a sheet and select a cell. */
  navigate: boolean;
  /** The result is a file the user downloads (standalone page). */
  download: boolean;
}

export interface ReadProgress {
  /** Sheet being read. */
  sheet: string;
  /** Sheets finished so far and in all. */
  done: number;
  total: number;
}

export type HostNoticeCode =
  /** A user's sheet already has the name: Sverka wrote to `actual` instead of `logical`. */
  | "SHEET_RENAMED"
  /** A user's defined name already has the name `name`: Sverka did not overwrite it. */
  | "NAME_TAKEN"
  /** Charts were asked for but the host shows data bars instead. */
  | "CHARTS_AS_DATABARS"
  /** Notes were asked for but the host's API set lacks them (ExcelApi 1.18): fill only. */
  | "NOTES_UNSUPPORTED"
  /** Some issues have no cell (a missing sheet or column) and were not marked. */
  | "UNMARKABLE_ISSUES"
  /** Parts of the file that the xlsx round trip loses (charts, pivots …): `parts`. */
  | "PARTS_LOST"
  /**
   * Consolidation (xlsx host): formulas or merged cells lie below the replaced rows of `sheet`, so
   * its `count` rows of the earlier import were cleared instead of deleted.
   */
  | "ROWS_CLEARED";

export interface HostNotice {
  code: HostNoticeCode;
  params: Record<string, string | number>;
}

export interface WriteOutcome {
  /** Logical sheet name («Дашборд») → the name it was written under («Дашборд (2)»). */
  sheets: { logical: string; actual: string }[];
  notices: HostNotice[];
}

export interface MarkOutcome {
  /** Cells marked (several issues on one cell mark it once). */
  marked: number;
  /** Whether notes were added. */
  notes: boolean;
  notices: HostNotice[];
}

/** What a consolidation wrote into one sheet of the host's workbook (the master). */
export interface ConsolidatedSheet {
  sheet: string;
  /** The sheet was created (with the template's header). */
  created: boolean;
  /** Rows of earlier imports deleted (replaced). */
  deleted: number;
  /** Rows appended, at worksheet rows `firstRow`…`lastRow` (0 and 0 when none). */
  appended: number;
  firstRow: number;
  lastRow: number;
  /** Column letter of «Источник». */
  sourceColumn: string;
}

export interface ConsolidationOutcome {
  sheets: ConsolidatedSheet[];
  notices: HostNotice[];
  /** `undoConsolidation` can take this write back. */
  undoable: boolean;
}

/**
 * What applying `plan` writes, sheet by sheet. `cleared`: sheets whose replaced rows were cleared
 * in place instead of deleted (the xlsx host, ROWS_CLEARED), so the new rows start below them.
 */
export function consolidatedSheets(
  plan: ConsolidationPlan,
  cleared: ReadonlySet<string> = new Set(),
): ConsolidatedSheet[] {
  return plan.sheets.map((p) => {
    const at = cleared.has(p.sheet) ? p.appendAt + p.deleteRows.length : p.appendAt;
    return {
      sheet: p.sheet,
      created: p.create,
      deleted: p.deleteRows.length,
      appended: p.rows.length,
      firstRow: p.rows.length ? at : 0,
      lastRow: p.rows.length ? at + p.rows.length - 1 : 0,
      sourceColumn: columnLetter(p.sourceColumn),
    };
  });
}

export interface ConsolidationUndoOutcome {
  /** Sheets restored (created sheets deleted, appended rows removed, replaced rows put back). */
  sheets: string[];
  /** Rows put back, in all. */
  restored: number;
  /** Appended rows removed, in all. */
  removed: number;
}

/** What Sverka remembers in the workbook between sessions. */
export interface StoredSettings {
  /** The template the user chose (absent: detect). */
  templateId?: string;
  /** Templates the user imported, as validated JSON text. */
  importedTemplates?: string[];
}

export interface WorkbookHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** File name or workbook title, for reports. */
  workbookName(): Promise<string>;
  /** The whole workbook in the core model (values as the user sees them, formats, merges, properties). */
  read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData>;
  /** Writes (or refreshes) the «Отчёт ФЛК» sheet and activates it. */
  writeReport(flk: LayoutSheet): Promise<WriteOutcome>;
  /** Writes (or refreshes) «Дашборд», «Отчёт ФЛК», the helper sheet, defined names and charts. */
  writeDashboard(build: DashboardBuild): Promise<WriteOutcome>;
  /** Marks the cells of these issues (only when the user asked); replaces earlier marks. */
  mark(issues: readonly Issue[]): Promise<MarkOutcome>;
  /** Restores every cell Sverka marked exactly as it was; returns how many cells. */
  clearMarks(): Promise<number>;
  /** How many cells are currently marked (0: «Снять отметки» has nothing to do). */
  markedCount(): Promise<number>;
  /** Activates `sheet` and selects `address` (A1, e.g. `C12`). */
  goTo(sheet: string, address: string): Promise<void>;
  loadSettings(): Promise<StoredSettings>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Adds the template's blank plan and monitoring sheets (headers, validation) to the workbook. */
  createBlankSheets(template: Template): Promise<WriteOutcome>;
  /** Standalone only: the workbook as it is now (with whatever Sverka wrote), to download. */
  download?(): Promise<{ fileName: string; data: Uint8Array }>;
  /**
   * Writes a consolidation plan (`core/consolidate`, made from this workbook's `read()`) into this
   * workbook, the master: deletes the replaced rows, appends the new ones, creates missing sheets.
   * Only when the user asked («Свести»). Throws `HostError` (code CONSOLIDATION_STALE) when the
   * workbook changed since it was read so that the plan no longer fits. Absent: not supported.
   */
  applyConsolidation?(plan: ConsolidationPlan): Promise<ConsolidationOutcome>;
  /** Takes the last consolidation back exactly (see the host's notes); absent: no undo. */
  undoConsolidation?(): Promise<ConsolidationUndoOutcome>;
  /** Whether there is a consolidation `undoConsolidation` can take back. */
  canUndoConsolidation?(): Promise<boolean>;
}

/** A file the user picked (`<input type=file>`, a drop): a browser `File` (only these members are used). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A school file to consolidate, read only when its turn comes (a path on disk, a picked file …). */
export interface ConsolidationSource {
  /** File name, written into «Источник». */
  file: string;
  /** The workbook; throws (the reader's error, with its code) when it cannot be read. */
  read(): Promise<WorkbookData>;
}

/**
 * The port through which the app reads files the user picked (the school files of a consolidation
 * in the pane): a file host implements it, each entry point passes it in (the Excel pane loads it
 * on first use, so the file readers stay out of the pane's first load).
 */
export interface PickedFileReader {
  /** One source per picked file: its size checked first, then read. */
  source(file: PickedFile): ConsolidationSource;
  /** A read failure as that file's entry: the reader's code and located message. */
  failure(file: string, error: unknown): ReadFailure;
}

/** A message as data: its wording (`variant`) and values (`i18n/hostErrors.ts` renders it in ru or en). */
export type HostErrorParams = MessageParams;

/**
 * An error from the host's platform (Office.js `OfficeExtension.Error`, ExcelJS), with its code kept.
 * Sverka's own errors also carry `params` (their Russian `message` as data, for the pane's language);
 * Office's errors come localised by Office and have none.
 */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly debugInfo?: string,
    override readonly cause?: unknown,
    readonly params?: HostErrorParams,
  ) {
    super(message);
    this.name = "HostError";
  }
}
