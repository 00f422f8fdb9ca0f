/** Checking a whole workbook against a template: the file report of the JSON contract. */
import { detectTemplate, type TemplateDetection } from "./detect";
import type { IsoDate } from "./model/dates";
import { isBlank, type CellValue, type SheetData, type WorkbookData } from "./model/sheet";
import type { MonitoringData } from "./monitoring/model";
import { validateMonitoring } from "./monitoring/validateMonitoring";
import { validatePlanSheet, type PlanSheetResult } from "./plan/validatePlan";
import { makeIssue, sortIssues, summarize, type Issue, type IssueParams, type IssueSummary } from "./report/issue";
import { matchPlanSheet, sverkaSheetTest } from "./sheets/planSheets";
import type { Template } from "./template/schema";

export type SheetKind = "plan" | "monitoring" | "sverka" | "other";

export interface SheetReport {
  name: string;
  kind: SheetKind;
  /** Worksheet row of the header, null when the sheet is not recognised. */
  header_row: number | null;
  /** Data rows below the header (activities and sections for plans), non-empty rows otherwise. */
  rows: number;
  /** Which of the template's sheet specs the sheet was read as (plan or monitoring sheet id). */
  spec?: string;
  /** For plan sheets: activity rows. */
  activities?: number;
}

export interface FileReport {
  file: string;
  template: string;
  /** Why the template: rendered from `template_reason_params` by `localizeReport` (absent straight from the core). */
  template_reason?: string;
  template_reason_params: IssueParams;
  sheets: SheetReport[];
  issues: Issue[];
  summary: IssueSummary;
}

export interface ValidateOptions {
  /** The template to check against; detected from `templates` when absent. */
  template?: Template;
  templates: readonly Template[];
  asOf: IsoDate;
}

export interface WorkbookCheck {
  report: FileReport;
  detection: TemplateDetection | null;
  template: Template;
  plans: PlanSheetResult[];
  monitoring: MonitoringData;
}

function nonEmptyRows(rows: ReadonlyArray<ReadonlyArray<CellValue>>): number {
  let n = 0;
  for (const r of rows)
    for (const v of r)
      if (!isBlank(v)) {
        n++;
        break;
      }
  return n;
}

/** Why the template (message params): the detection's, or «named explicitly». */
export function templateReasonParams(detection: TemplateDetection | null, template: Template): IssueParams {
  return detection ? detection.reasonParams : { variant: "explicit", template: template.id };
}

export function validateWorkbook(wb: WorkbookData, opts: ValidateOptions): WorkbookCheck {
  const detection = opts.template ? null : detectTemplate(wb, opts.templates);
  const template = opts.template ?? detection!.template;
  const issues: Issue[] = [];
  const sheets: SheetReport[] = [];
  const plans: PlanSheetResult[] = [];
  const others: SheetData[] = [];
  const isOwn = sverkaSheetTest(wb);

  for (const s of wb.sheets) {
    if (isOwn(s.name)) {
      sheets.push({ name: s.name, kind: "sverka", header_row: null, rows: 0 });
      continue;
    }
    const m = matchPlanSheet(s, template);
    if (!m) {
      // Rows counted at the end, for the sheets that are not monitoring sheets either.
      sheets.push({ name: s.name, kind: "other", header_row: null, rows: 0 });
      others.push(s);
      continue;
    }
    const res = validatePlanSheet(s, m.spec, m.header, template, { asOf: opts.asOf });
    plans.push(res);
    for (const i of res.issues) issues.push(i);
    sheets.push({
      name: s.name,
      kind: "plan",
      header_row: m.header.headerRow,
      rows: res.activities.length + res.sections,
      spec: m.spec.id,
      activities: res.activities.length,
    });
  }

  // Monitoring sheets: among the sheets that are neither plans nor Sverka's own.
  const mon = validateMonitoring({ ...wb, sheets: others }, template.monitoring);
  for (const i of mon.issues) issues.push(i);
  for (const m of mon.sheets) {
    const r = sheets.find((x) => x.name === m.name);
    if (r) Object.assign(r, { kind: "monitoring", header_row: m.headerRow, rows: m.rows, spec: m.id });
  }
  for (const s of others) {
    const r = sheets.find((x) => x.name === s.name);
    if (r && r.kind === "other") r.rows = nonEmptyRows(s.rows);
  }
  // A monitoring workbook (one with at least one monitoring sheet) should carry all of them.
  if (mon.sheets.length)
    for (const spec of template.monitoring)
      if (!mon.sheets.some((m) => m.id === spec.id))
        issues.push(
          makeIssue(
            "MISSING_SHEET",
            { sheet: spec.name },
            { columns: spec.columns.filter((c) => c.required).map((c) => c.title) },
          ),
        );

  if (!sheets.some((s) => s.kind === "plan" || s.kind === "monitoring"))
    issues.push(
      makeIssue(
        "NO_KNOWN_SHEETS",
        { sheet: wb.sheets[0]?.name ?? "" },
        {
          template: template.id,
          monitoring_sheets: template.monitoring.map((m) => m.name),
          sheets: wb.sheets.map((s) => s.name),
        },
      ),
    );
  if (detection?.ambiguous)
    issues.push(makeIssue("TEMPLATE_AMBIGUOUS", { sheet: wb.sheets[0]?.name ?? "" }, detection.reasonParams));

  sortIssues(
    issues,
    wb.sheets.map((s) => s.name),
  );
  return {
    report: {
      file: wb.name,
      template: template.id,
      template_reason_params: templateReasonParams(detection, template),
      sheets,
      issues,
      summary: summarize(issues),
    },
    detection,
    template,
    plans,
    monitoring: mon.data,
  };
}
