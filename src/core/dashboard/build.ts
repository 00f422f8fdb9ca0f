/**
 * The dashboard pipeline in one place (the CLI, the demo, the benchmark and the tests use it):
 * indicators traced from a finished check, the «Дашборд» layout and the «Отчёт ФЛК» layout.
 */
import { traceIndicators } from "../indicators/engine";
import type { IndicatorValue } from "../indicators/types";
import type { IsoDate } from "../model/dates";
import type { WorkbookData } from "../model/sheet";
import type { WorkbookCheck } from "../validate";
import { renderFlkReport } from "./flkReport";
import { renderDashboard, type DashboardLayout } from "./layout";
import type { LayoutSheet } from "./types";

export interface DashboardBuild {
  indicators: IndicatorValue[];
  layout: DashboardLayout;
  flk: LayoutSheet;
}

export function buildDashboardLayouts(
  workbook: WorkbookData,
  check: WorkbookCheck,
  options: { asOf: IsoDate; refreshedAt: IsoDate },
): DashboardBuild {
  const { values: indicators, uses } = traceIndicators(check.template, check.monitoring, {
    plans: check.plans,
    asOf: options.asOf,
  });
  const layout = renderDashboard({
    template: check.template,
    report: check.report,
    indicators,
    uses,
    monitoring: check.monitoring,
    refreshedAt: options.refreshedAt,
    asOf: options.asOf,
    workbook,
  });
  const flk = renderFlkReport(check.report, {
    sheetNames: workbook.sheets.map((s) => s.name),
    print: {
      project: check.template.title,
      place: check.template.municipality,
      asOf: options.asOf,
      refreshedAt: options.refreshedAt,
    },
  });
  return { indicators, layout, flk };
}
