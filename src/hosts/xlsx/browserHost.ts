/**
 * The xlsx host for a plain browser (the standalone page): one .xlsx file the user picked, held in
 * memory as bytes and a file name. Only web-standard APIs (Uint8Array, Blob, TextDecoder,
 * DecompressionStream), so it runs in a browser, a WebView and Node ≥ 20 alike.
 *
 * - `read` is `readWorkbook` on the current bytes; a file that is not a readable .xlsx throws its
 *   `WorkbookReadError` (code, Russian message, params) unchanged. The result is cached until Sverka
 *   writes new bytes (nothing else can change them: the page has no cell editor).
 * - `writeDashboard` and `writeReport` produce a new copy with `writeDashboard` (the package is
 *   patched: the user's parts stay byte for byte) and keep it as the current bytes; `download` hands that copy over as `<name>.sverka.xlsx`. The file the
 *   user picked is never changed.
 * - `writeReport` writes «Отчёт ФЛК» alone. When this host wrote a dashboard earlier, that
 *   dashboard is written again with it (the xlsx writer removes Sverka's sheets it is not given);
 *   a dashboard Sverka wrote into the file in an earlier session, before this page opened it, is
 *   removed, since it no longer matches the new report.
 * - Capabilities: no marks (the pane hides them; `clearMarks`/`markedCount` answer 0), no
 *   navigation (the page shows the sheet and the A1 address instead; `goTo` throws), native
 *   charts (DrawingML chart parts), download.
 * - Settings live in memory for the page's lifetime; they are not written into the file.
 * - `createBlankSheets` is not supported here (adding sheets to a user's file through ExcelJS
 *   would lose parts of it; the blank workbook comes from `sverka template`): it throws
 *   `HostError` with code UNSUPPORTED.
 * - `applyConsolidation` applies a consolidation plan to the current bytes with the xlsx writer
 *   (`consolidate.ts`): `download` then hands over the consolidated workbook. Undo: the bytes
 *   before the consolidation are kept in memory for the page's lifetime, so «Отменить свод»
 *   restores them exactly; a later write (dashboard, report) makes that undo unavailable, since
 *   restoring the old bytes would drop it too. A sheet whose replaced rows were cleared instead of
 *   deleted (formulas or merges below them) gets the notice ROWS_CLEARED.
 * - The writer's warnings (Russian text) become `HostNotice`s: SHEET_RENAMED from the sheet names
 *   it reports, NAME_TAKEN from its messages. Every notice drawn from a message keeps the message
 *   as the `message` parameter; a message this host does not recognise becomes PARTS_LOST with
 *   `parts` = the message, so nothing the writer said is dropped (the writers patch the package and
 *   lose no parts, so they no longer report any).
 */
import type { ConsolidationPlan } from "../../core/consolidate/types";
import type { DashboardBuild } from "../../core/dashboard/build";
import type { DashboardLayout } from "../../core/dashboard/layout";
import type { LayoutSheet } from "../../core/dashboard/types";
import type { WorkbookData } from "../../core/model/sheet";
import type { Issue } from "../../core/report/issue";
import type { Template } from "../../core/template/schema";
import { hostError } from "../../i18n/hostErrors";
import {
  consolidatedSheets,
  type ConsolidationOutcome,
  type ConsolidationUndoOutcome,
  type HostCapabilities,
  type HostNotice,
  type MarkOutcome,
  type PickedFile,
  type ReadProgress,
  type StoredSettings,
  type WorkbookHost,
  type WriteOutcome,
} from "../host";
import { applyConsolidationPlan } from "./consolidate";
import { readErrors } from "./errors";
import { readWorkbook, type ReadWorkbookOptions } from "./read";
import { DEFAULT_MAX_BYTES } from "./sniff";
import { dashboardSheetOrder, writeDashboard } from "./writeDashboard";

/** What the page gets from `<input type=file>` or a drop (`hosts/host.ts`). */
export type { PickedFile } from "../host";

export const BROWSER_XLSX_CAPABILITIES: Readonly<HostCapabilities> = Object.freeze({
  marks: false,
  notes: false,
  charts: true,
  navigate: false,
  download: true,
});

/** «отчёт.xlsx» → «отчёт.sverka.xlsx»; a name that already ends so is kept. */
export function downloadName(fileName: string): string {
  if (/\.sverka\.xlsx$/i.test(fileName)) return fileName;
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base || "workbook"}.sverka.xlsx`;
}

const RENAMED = /^В книге уже есть лист «/;
/** `applyConsolidationPlan`'s warning for rows cleared instead of deleted. */
const CLEARED = /^Лист «(.+?)»: ниже строк прежнего импорта .*?поэтому (\d+) строк/;
const NAMES_TAKEN = /^Имена (.+?) уже заданы в книге пользователем/;
const PARTS_LOST = /^В копию не перенесено[^:]*:\s*(.+?)\.\s*Исходный файл не изменён\.?$/;

/**
 * The writer's warnings as notices. `renamed` are the sheets written under another name (their
 * warnings are replaced by SHEET_RENAMED notices built from the sheet names).
 */
export function writeNotices(
  sheets: ReadonlyArray<{ logical: string; actual: string }>,
  warnings: readonly string[],
): HostNotice[] {
  const notices: HostNotice[] = sheets
    .filter((s) => s.logical !== s.actual)
    .map((s) => ({ code: "SHEET_RENAMED", params: { logical: s.logical, actual: s.actual } }));
  for (const message of warnings) {
    if (RENAMED.test(message)) continue;
    const taken = NAMES_TAKEN.exec(message);
    if (taken) {
      for (const m of taken[1].matchAll(/«([^»]+)»/g))
        notices.push({ code: "NAME_TAKEN", params: { name: m[1], message } });
      continue;
    }
    const lost = PARTS_LOST.exec(message);
    notices.push({ code: "PARTS_LOST", params: { parts: lost ? lost[1] : message, message } });
  }
  return notices;
}

/** A layout with no sheets: `writeReport` without a dashboard. */
function reportOnlyLayout(): DashboardLayout {
  return { sheets: [], definedNames: [], charts: [], facts: [], refreshedAt: "" };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The bytes of a picked file; one over the size limit (25 MB unless `limits.maxBytes`) is refused
 * with `WorkbookReadError` TOO_LARGE before anything is read into memory.
 */
export async function pickedFileBytes(file: PickedFile, limits: ReadWorkbookOptions = {}): Promise<Uint8Array> {
  const max = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file.size > max) throw readErrors.tooLarge(file.name, file.size, max);
  return new Uint8Array(await file.arrayBuffer());
}

export class BrowserXlsxHost implements WorkbookHost {
  readonly kind = "xlsx";
  readonly capabilities: HostCapabilities = BROWSER_XLSX_CAPABILITIES;

  private bytes: Uint8Array;
  private cached: WorkbookData | undefined;
  private layout: DashboardLayout | undefined;
  private settings: StoredSettings = {};
  private written = false;
  /** The state before the last consolidation, while nothing else was written since. */
  private beforeConsolidation:
    { bytes: Uint8Array; written: boolean; restored: number; removed: number; sheets: string[] } | undefined;

  constructor(
    bytes: Uint8Array,
    readonly fileName: string,
    private readonly limits: ReadWorkbookOptions = {},
  ) {
    this.bytes = bytes;
  }

  /**
   * A host over a file the user picked. A file over the size limit is refused (TOO_LARGE) before
   * it is read into memory; its contents are checked by the first `read`.
   */
  static async fromFile(file: PickedFile, limits: ReadWorkbookOptions = {}): Promise<BrowserXlsxHost> {
    return new BrowserXlsxHost(await pickedFileBytes(file, limits), file.name, limits);
  }

  /** Size of the current bytes (the picked file, or Sverka's copy after a write). */
  get size(): number {
    return this.bytes.byteLength;
  }

  /** Whether Sverka has written into the copy (the download then differs from the picked file). */
  get modified(): boolean {
    return this.written;
  }

  async workbookName(): Promise<string> {
    return this.fileName;
  }

  async read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
    // ExcelJS reads the whole package at once: progress is reported per sheet once it is read.
    this.cached ??= await readWorkbook(this.bytes, this.fileName, this.limits);
    const sheets = this.cached.sheets;
    if (onProgress) sheets.forEach((s, i) => onProgress({ sheet: s.name, done: i + 1, total: sheets.length }));
    return this.cached;
  }

  async writeReport(flk: LayoutSheet): Promise<WriteOutcome> {
    return this.write(this.layout ?? reportOnlyLayout(), flk);
  }

  async writeDashboard(build: DashboardBuild): Promise<WriteOutcome> {
    const outcome = await this.write(build.layout, build.flk);
    this.layout = build.layout;
    return outcome;
  }

  private async write(layout: DashboardLayout, flk: LayoutSheet): Promise<WriteOutcome> {
    let result: Awaited<ReturnType<typeof writeDashboard>>;
    try {
      result = await writeDashboard(this.bytes, layout, flk);
    } catch (e) {
      throw hostError(
        "WRITE_FAILED",
        { variant: "write_dashboard_failed", file: this.fileName, reason: errorText(e) },
        e,
      );
    }
    const logical = dashboardSheetOrder(layout, flk).map((s) => s.name);
    const sheets = logical.map((name, i) => ({ logical: name, actual: result.sheetNames[i] ?? name }));
    this.bytes = result.data;
    this.cached = undefined;
    this.written = true;
    this.beforeConsolidation = undefined;
    return { sheets, notices: writeNotices(sheets, result.warnings) };
  }

  async mark(_issues: readonly Issue[]): Promise<MarkOutcome> {
    throw hostError("UNSUPPORTED", { variant: "marks_unsupported" });
  }

  async clearMarks(): Promise<number> {
    return 0;
  }

  async markedCount(): Promise<number> {
    return 0;
  }

  async goTo(sheet: string, address: string): Promise<void> {
    throw hostError("UNSUPPORTED", { variant: "goto_unsupported", sheet, address });
  }

  async loadSettings(): Promise<StoredSettings> {
    return structuredClone(this.settings);
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    this.settings = structuredClone(settings);
  }

  async createBlankSheets(template: Template): Promise<WriteOutcome> {
    throw hostError("UNSUPPORTED", { variant: "blank_sheets_unsupported", title: template.title, id: template.id });
  }

  async applyConsolidation(plan: ConsolidationPlan): Promise<ConsolidationOutcome> {
    let result: Awaited<ReturnType<typeof applyConsolidationPlan>>;
    try {
      result = await applyConsolidationPlan(this.bytes, plan);
    } catch (e) {
      throw hostError(
        "WRITE_FAILED",
        { variant: "write_consolidation_failed", file: this.fileName, reason: errorText(e) },
        e,
      );
    }
    const cleared = new Set<string>();
    const notices: HostNotice[] = [];
    const other: string[] = [];
    for (const message of result.warnings) {
      const m = CLEARED.exec(message);
      if (m) {
        cleared.add(m[1]);
        notices.push({ code: "ROWS_CLEARED", params: { sheet: m[1], count: Number(m[2]), message } });
      } else other.push(message);
    }
    notices.push(...writeNotices([], other));
    this.beforeConsolidation = {
      bytes: this.bytes,
      written: this.written,
      restored: plan.sheets.reduce((n, p) => n + p.deleteRows.length, 0),
      removed: plan.sheets.reduce((n, p) => n + p.rows.length, 0),
      sheets: plan.sheets.map((p) => p.sheet),
    };
    this.bytes = result.data;
    this.cached = undefined;
    this.written = true;
    return { sheets: consolidatedSheets(plan, cleared), notices, undoable: true };
  }

  async undoConsolidation(): Promise<ConsolidationUndoOutcome> {
    const before = this.beforeConsolidation;
    if (!before) throw hostError("NOTHING_TO_UNDO", { variant: "nothing_to_undo_session" });
    this.bytes = before.bytes;
    this.written = before.written;
    this.cached = undefined;
    this.beforeConsolidation = undefined;
    return { sheets: before.sheets, restored: before.restored, removed: before.removed };
  }

  async canUndoConsolidation(): Promise<boolean> {
    return this.beforeConsolidation !== undefined;
  }

  async download(): Promise<{ fileName: string; data: Uint8Array }> {
    return { fileName: downloadName(this.fileName), data: this.bytes.slice() };
  }
}
