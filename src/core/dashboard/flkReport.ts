/**
 * The «Отчёт ФЛК» sheet as data: a summary line at the top («Ошибок нет» or the counts), then one
 * row per issue (№, лист, ячейка with a link to it, строка, код, важность, сообщение) under an
 * autofilter. Pure; a host renders it.
 */
import { quoteSheetName } from "../model/address";
import type { Issue, Severity } from "../report/issue";
import { SVERKA_SHEETS } from "../sheets/planSheets";
import type { FileReport } from "../validate";
import { fitRowHeights } from "./grid";
import { landscapePrint } from "./print";
import type { CellStyle, LayoutCell, LayoutSheet } from "./types";

export const FLK_SHEET = SVERKA_SHEETS[1];

export const SEVERITY_TEXT: Record<Severity, string> = {
  error: "ошибка",
  warning: "предупреждение",
  info: "замечание",
};

const SEVERITY_STYLE: Record<Severity, CellStyle> = { error: "error", warning: "warning", info: "info_issue" };

const HEADER = ["№", "Лист", "Ячейка", "Строка", "Код", "Важность", "Сообщение"];
const WIDTHS = [6, 22, 10, 8, 24, 16, 110];

/** «Ошибок нет», «Ошибок нет; предупреждений: 2» or «Ошибок: 5, предупреждений: 6, замечаний: 1». */
export function summaryText(s: FileReport["summary"]): string {
  const rest = [
    ...(s.warnings ? [`предупреждений: ${s.warnings}`] : []),
    ...(s.infos ? [`замечаний: ${s.infos}`] : []),
  ];
  if (s.errors === 0) return rest.length ? `Ошибок нет; ${rest.join(", ")}` : "Ошибок нет";
  return [`Ошибок: ${s.errors}`, ...rest].join(", ");
}

/** The link target of an issue's cell, e.g. `'Школы'!C5`; null when the issue has no cell. */
export function issueLink(i: Issue): string | null {
  return i.cell ? `${quoteSheetName(i.sheet)}!${i.cell}` : null;
}

export interface FlkReportOptions {
  /** Sheets that exist in the workbook: links are made only to them (default: every sheet of the report). */
  sheetNames?: readonly string[];
  /** The project and the dates for the printed header and footer (default: the file name, no dates). */
  print?: { project: string; place?: string; asOf: string; refreshedAt: string };
  /**
   * An issue's message (e.g. `issueMessage` of `src/i18n/issueMessages.ts` in the user's language);
   * default: the message the report carries (`localizeReport`), else the issue's code.
   */
  message?: (issue: Issue) => string;
}

export function renderFlkReport(report: FileReport, options: FlkReportOptions = {}): LayoutSheet {
  const cells: LayoutCell[] = [];
  const set = (row: number, col: number, value: LayoutCell["value"], extra: Partial<LayoutCell> = {}) =>
    cells.push({ row, col, value, ...extra });
  const existing = new Set(options.sheetNames ?? report.sheets.map((s) => s.name));
  const message = options.message ?? ((i: Issue) => i.message ?? i.code);

  set(1, 1, `Отчёт ФЛК: ${report.file}`, { style: "title" });
  set(2, 1, `Шаблон ${report.template}. ${report.template_reason ?? ""}`, { style: "info" });
  set(3, 1, summaryText(report.summary), { style: report.summary.errors ? "notMet" : "met" });
  const headerRow = 5;
  HEADER.forEach((h, i) => set(headerRow, i + 1, h, { style: "header" }));
  report.issues.forEach((issue, n) => {
    const r = headerRow + 1 + n;
    set(r, 1, n + 1, { style: "number" });
    set(r, 2, issue.sheet, { style: "text" });
    const link = issueLink(issue);
    if (issue.cell && link && existing.has(issue.sheet)) set(r, 3, issue.cell, { style: "link", link });
    else set(r, 3, issue.cell ?? "—", { style: issue.cell ? "text" : "noData" });
    set(r, 4, issue.row ?? "—", { style: issue.row === null ? "noData" : "number" });
    set(r, 5, issue.code, { style: "text" });
    set(r, 6, SEVERITY_TEXT[issue.severity], { style: SEVERITY_STYLE[issue.severity] });
    set(r, 7, message(issue), { style: "text" });
  });
  const last = headerRow + Math.max(report.issues.length, 0);
  const merges = [1, 2, 3].map((r) => ({ top: r, left: 1, bottom: r, right: HEADER.length }));
  const print = landscapePrint({
    area: { top: 1, left: 1, bottom: last, right: HEADER.length },
    titleRows: { from: headerRow, to: headerRow },
    project: options.print?.project ?? `Отчёт ФЛК: ${report.file}`,
    place: options.print?.place,
    asOf: options.print?.asOf,
    refreshedAt: options.print?.refreshedAt,
  });
  return {
    name: FLK_SHEET,
    role: "flk",
    hidden: false,
    cells,
    merges,
    widths: WIDTHS,
    frozenRows: headerRow,
    autoFilter: { top: headerRow, left: 1, bottom: last, right: HEADER.length },
    dataBars: [],
    rowHeights: fitRowHeights(cells, merges, WIDTHS),
    print,
  };
}
