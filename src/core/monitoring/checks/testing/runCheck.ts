/**
 * Runs one monitoring check alone over a workbook (the driver's loop with only that check),
 * asserts it emitted only the codes it declares, and renders the messages in Russian.
 */
import { localizeIssue } from "../../../../i18n/issueMessages";
import type { WorkbookData } from "../../../model/sheet";
import type { RenderedIssue } from "../../../report/issue";
import { MONITORING_SHEETS } from "../../sheets";
import { validateMonitoring } from "../../validateMonitoring";
import type { MonitoringCheck } from "../check";

export function runMonitoringCheck(check: MonitoringCheck, wb: WorkbookData): RenderedIssue[] {
  const { issues } = validateMonitoring(wb, MONITORING_SHEETS, {}, [check]);
  for (const i of issues) expect(check.codes).toContain(i.code);
  return issues.map((i) => localizeIssue(i, "ru"));
}

/** `sheet!A1 CODE` of each issue. */
export const at = (issues: readonly RenderedIssue[]): string[] => issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`);
