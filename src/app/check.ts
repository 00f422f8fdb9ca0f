/**
 * The pipeline every entry point runs (the pane, the ribbon, the CLI, the standalone page): a
 * workbook (read by the caller's host) → the template (the user's choice or detected) → the check
 * (the core's `validateWorkbook`, called from here only) with each issue's message rendered in the
 * user's language → the indicators, the «Дашборд» and «Отчёт ФЛК» layouts.
 */
import { buildDashboardLayouts, type DashboardBuild } from "../core/dashboard/build";
import { computeIndicators } from "../core/indicators/engine";
import type { IndicatorValue } from "../core/indicators/types";
import type { IsoDate } from "../core/model/dates";
import type { WorkbookData } from "../core/model/sheet";
import type { Template } from "../core/template/schema";
import { validateWorkbook, type WorkbookCheck } from "../core/validate";
import type { ReadProgress, WorkbookHost } from "../hosts/host";
import { localizeReport } from "../i18n/issueMessages";
import type { Lang } from "../i18n/strings";
import { localToday, type RunDates } from "./dates";
import { findTemplate } from "./templates";

export interface CheckOptions {
  /** Built-in plus imported templates (`allTemplates`). */
  templates: readonly Template[];
  /** The user's choice; absent: detect. An id no longer among `templates` is detected instead. */
  templateId?: string;
  /** The report date. */
  asOf: IsoDate;
  /** Language of the issue messages (default Russian). */
  lang?: Lang;
}

export interface WorkbookCheckRun {
  /** The check, its report's messages in the requested language. */
  check: WorkbookCheck;
  /** The chosen template id that does not exist (the template was detected instead). */
  missingTemplateId?: string;
}

/** Checks a workbook already read: the only call of the core's `validateWorkbook` outside the core. */
export function checkWorkbook(workbook: WorkbookData, options: CheckOptions): WorkbookCheckRun {
  const chosen = findTemplate(options.templates, options.templateId);
  const check = validateWorkbook(workbook, {
    templates: options.templates,
    asOf: options.asOf,
    ...(chosen ? { template: chosen } : {}),
  });
  const localized: WorkbookCheck = { ...check, report: localizeReport(check.report, options.lang ?? "ru") };
  return {
    check: localized,
    ...(options.templateId && !chosen ? { missingTemplateId: options.templateId } : {}),
  };
}

/** Whether the workbook belongs to the check's project at all: a plan or a monitoring sheet of it. */
export function isKnownProject(check: WorkbookCheck): boolean {
  return check.report.sheets.some((s) => s.kind === "plan" || s.kind === "monitoring");
}

/** The project's indicators (municipality and per school) as of the check's report date. */
export function projectIndicators(check: WorkbookCheck, asOf: IsoDate): IndicatorValue[] {
  return computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf });
}

/** The indicators and the «Дашборд» and «Отчёт ФЛК» layouts of a finished check. */
export function buildLayouts(workbook: WorkbookData, check: WorkbookCheck, dates: RunDates): DashboardBuild {
  return buildDashboardLayouts(workbook, check, dates);
}

export interface CheckRun {
  workbook: WorkbookData;
  check: WorkbookCheck;
  build: DashboardBuild;
  asOf: IsoDate;
  /** The stored template id that no longer exists (the template was detected instead). */
  missingTemplateId?: string;
}

export interface HostCheckOptions extends CheckOptions {
  /** «Дашборд обновлён» (default: today where the user is, `dates.ts`). */
  refreshedAt?: IsoDate;
  onProgress?: (p: ReadProgress) => void;
  /** Called once the workbook is read, before the core runs (the UI shows «Проверка…»). */
  onChecking?: () => void;
}

/** Lets the browser paint (a spinner) before the synchronous core takes the thread. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Reads the host's workbook, checks it and builds the layouts (the pane and the ribbon). */
export async function runCheck(host: WorkbookHost, options: HostCheckOptions): Promise<CheckRun> {
  const workbook = await host.read(options.onProgress);
  options.onChecking?.();
  await yieldToUi();
  const { check, missingTemplateId } = checkWorkbook(workbook, options);
  const dates: RunDates = { asOf: options.asOf, refreshedAt: options.refreshedAt ?? localToday() };
  const build = buildLayouts(workbook, check, dates);
  return { workbook, check, build, asOf: options.asOf, ...(missingTemplateId ? { missingTemplateId } : {}) };
}
