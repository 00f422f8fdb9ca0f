/**
 * Writing the dashboard into a copy of the user's workbook by patching its package
 * (`package/layoutWriter.ts`): Sverka's sheets («Дашборд», «Отчёт ФЛК», the hidden helper sheet)
 * with their native charts are added or replaced; every part of the user's stays byte for byte,
 * only the parts that list things (`[Content_Types].xml`, `xl/workbook.xml`, its relationships,
 * `docProps/custom.xml`, `xl/styles.xml`) get new entries appended.
 *
 * Ownership: the sheets Sverka wrote are listed (JSON array of names) in the custom document
 * property `sverka.sheets` (older copies listed them on the very hidden `_sverka` sheet, which is
 * still read). A sheet of the same name that is not listed belongs to the user and is never
 * touched: the dashboard then goes to «Дашборд (2)» (or (3) …) and a warning says so. A listed
 * sheet is replaced in place (same tab position). Listed sheets that the new dashboard no longer
 * uses are removed.
 */
import type { DashboardLayout } from "../../core/dashboard/layout";
import type { LayoutSheet } from "../../core/dashboard/types";
import { writeLayoutSheets } from "./package/layoutWriter";
import type { PatchOptions } from "./package/workbookPackage";

/** Key of the custom property listing the sheets Sverka owns (a JSON array of names). */
export { OWNED_SHEETS_PROPERTY } from "../../core/sheets/planSheets";

export interface WriteDashboardResult {
  /** The .xlsx bytes of the copy. */
  data: Uint8Array;
  /** The names Sverka's sheets got, in the order dashboard, ФЛК report, helper sheet. */
  sheetNames: string[];
  /** What the user should know (a sheet name was taken, a defined name was the user's). */
  warnings: string[];
}

/** The writer's sheet order: the dashboard, the ФЛК report, then the other layout sheets. */
export function dashboardSheetOrder(layout: DashboardLayout, report: LayoutSheet): LayoutSheet[] {
  const dashboard = layout.sheets.filter((s) => s.role === "dashboard");
  return [...dashboard, report, ...layout.sheets.filter((s) => s.role !== "dashboard")];
}

/**
 * A copy of `original` with the dashboard layout's sheets and charts and the ФЛК report sheet
 * added (or Sverka's earlier ones replaced), their defined names, and Sverka's ownership recorded.
 */
export async function writeDashboard(
  original: Uint8Array,
  layout: DashboardLayout,
  report: LayoutSheet,
  options: PatchOptions = {},
): Promise<WriteDashboardResult> {
  const res = writeLayoutSheets(
    original,
    { sheets: dashboardSheetOrder(layout, report), definedNames: layout.definedNames, charts: layout.charts },
    options,
  );
  return { data: res.data, sheetNames: res.sheetNames, warnings: res.warnings };
}
