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

/** Sheets that have issues, in order. */
export function issueSheets(issues: readonly Issue[]): string[] {
  return [...new Set(issues.map((i) => i.sheet))];
}

/** The issues of one rule (code): their severity, how many, the issues in the core's order. */
export interface RuleGroup {
  code: string;
  severity: Severity;
  issues: Issue[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Groups by rule (code), errors first, then warnings, then notes; within a severity the rule met
 * first comes first. A code seen with two severities makes one group per severity.
 */
export function groupByRule(issues: readonly Issue[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const i of issues) {
    const key = `${i.severity}\u0000${i.code}`;
    const g = groups.get(key);
    if (g) g.issues.push(i);
    else groups.set(key, { code: i.code, severity: i.severity, issues: [i] });
  }
  return [...groups.values()].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
