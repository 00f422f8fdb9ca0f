/** Filtering and grouping the issues of a check for the «Проверка (ФЛК)» tab (no React). */
import type { Issue, Severity } from "../core/report/issue";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export type SeverityCounts = Record<Severity, number>;

export interface IssueFilter {
  /** Severities shown. */
  severities: ReadonlySet<Severity>;
  /** One sheet, or null for all. */
  sheet: string | null;
  /** Case-insensitive text in the message, the cell, the code or the sheet's name. */
  text: string;
}

export function countBySeverity(issues: readonly Issue[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

export function filterIssues(issues: readonly Issue[], filter: IssueFilter): Issue[] {
  const needle = filter.text.trim().toLocaleLowerCase("ru");
  return issues.filter(
    (i) =>
      filter.severities.has(i.severity) &&
      (filter.sheet === null || i.sheet === filter.sheet) &&
      (!needle ||
        [i.message ?? "", i.cell ?? "", i.code, i.sheet].some((s) => s.toLocaleLowerCase("ru").includes(needle))),
  );
}

export interface SheetGroup {
  sheet: string;
  counts: SeverityCounts;
  /** Errors first, then warnings, then notes; the core's order (row, column) within each. */
  issues: Issue[];
}

/** Groups by sheet in the order the sheets first appear (the core sorts issues by sheet order). */
export function groupIssues(issues: readonly Issue[]): SheetGroup[] {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = groups.get(i.sheet);
    if (list) list.push(i);
    else groups.set(i.sheet, [i]);
  }
  return [...groups].map(([sheet, list]) => ({
    sheet,
    counts: countBySeverity(list),
    issues: SEVERITIES.flatMap((s) => list.filter((i) => i.severity === s)),
  }));
}

/** Sheets that have issues, in order. */
export function issueSheets(issues: readonly Issue[]): string[] {
  return [...new Set(issues.map((i) => i.sheet))];
}
