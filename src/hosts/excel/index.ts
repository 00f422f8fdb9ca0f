/**
 * The Excel host: the `WorkbookHost` the task pane and the ribbon command use inside Excel,
 * through Office.js. Reading (`read.ts`), Sverka's sheets (`write.ts`), cell marks (`marks.ts`),
 * settings (`settings.ts`), blank sheets (`blank.ts`) and consolidation with its undo
 * (`consolidate.ts`). Every Office error reaches the caller
 * as a `HostError` with its code and debug info.
 *
 * Change events: the host registers none; the pane re-reads the workbook when asked.
 */
import type { DashboardBuild } from "../../core/dashboard/build";
import type { LayoutSheet } from "../../core/dashboard/types";
import type { WorkbookData } from "../../core/model/sheet";
import type { Issue } from "../../core/report/issue";
import type { Template } from "../../core/template/schema";
import type { ConsolidationPlan } from "../../core/consolidate/types";
import type {
  ConsolidationOutcome,
  ConsolidationUndoOutcome,
  HostCapabilities,
  MarkOutcome,
  ReadProgress,
  StoredSettings,
  WorkbookHost,
  WriteOutcome,
} from "../host";
import { createExcelBlankSheets } from "./blank";
import { applyExcelConsolidation, canUndoExcelConsolidation, undoExcelConsolidation } from "./consolidate";
import { excelApiSupported, excelRun } from "./errors";
import { clearMarks, markCells, markedCount } from "./marks";
import { readExcelWorkbook } from "./read";
import { loadExcelSettings, saveExcelSettings } from "./settings";
import { writeLayouts } from "./write";

/** The ExcelApi set the host needs (also the manifest's): Office 2021, Microsoft 365, Excel on the web. */
export const REQUIRED_EXCEL_API = "1.12";

class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly capabilities: HostCapabilities;

  constructor() {
    this.capabilities = {
      marks: true,
      notes: excelApiSupported("1.18"),
      charts: true,
      navigate: true,
      download: false,
    };
  }

  workbookName(): Promise<string> {
    return excelRun(async (context) => {
      const wb = context.workbook.load("name");
      await context.sync();
      return wb.name;
    });
  }

  read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
    return readExcelWorkbook(onProgress);
  }

  writeReport(flk: LayoutSheet): Promise<WriteOutcome> {
    return writeLayouts({ sheets: [flk], replaceOwned: false, activate: flk.name });
  }

  writeDashboard(build: DashboardBuild): Promise<WriteOutcome> {
    const { layout, flk } = build;
    const dashboard = layout.sheets.find((s) => s.role === "dashboard");
    const sheets = [...(dashboard ? [dashboard] : []), flk, ...layout.sheets.filter((s) => s.role !== "dashboard")];
    return writeLayouts({
      sheets,
      definedNames: layout.definedNames,
      charts: layout.charts,
      replaceOwned: true,
      activate: dashboard?.name ?? flk.name,
    });
  }

  mark(issues: readonly Issue[]): Promise<MarkOutcome> {
    return markCells(issues);
  }

  clearMarks(): Promise<number> {
    return clearMarks();
  }

  markedCount(): Promise<number> {
    return markedCount();
  }

  goTo(sheet: string, address: string): Promise<void> {
    return excelRun(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  loadSettings(): Promise<StoredSettings> {
    return loadExcelSettings();
  }

  saveSettings(settings: StoredSettings): Promise<void> {
    return saveExcelSettings(settings);
  }

  createBlankSheets(template: Template): Promise<WriteOutcome> {
    return createExcelBlankSheets(template);
  }

  applyConsolidation(plan: ConsolidationPlan): Promise<ConsolidationOutcome> {
    return applyExcelConsolidation(plan);
  }

  undoConsolidation(): Promise<ConsolidationUndoOutcome> {
    return undoExcelConsolidation();
  }

  canUndoConsolidation(): Promise<boolean> {
    return canUndoExcelConsolidation();
  }
}

/** The Excel host (call after `Office.onReady`). */
export function createExcelHost(): WorkbookHost {
  return new ExcelHost();
}
