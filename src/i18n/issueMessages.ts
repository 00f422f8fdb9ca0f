/**
 * Issue messages in the user's language. The core emits issues as data (code, severity, location,
 * params); this module renders each one's `message` from a template per code, in Russian or English.
 *
 * SEAM (to be completed): today the core still writes Russian `message` text itself and these
 * functions pass it through; the checks-as-units work replaces that with templates per code here.
 * Callers (the app pipeline, the CLI, the pane) already go through these functions.
 */
import type { Issue } from "../core/report/issue";
import type { FileReport } from "../core/validate";
import type { Lang } from "./strings";

/** The message of one issue in `lang`. */
export function issueMessage(issue: Issue, _lang: Lang): string {
  return issue.message;
}

/** The issue with its `message` rendered in `lang`. */
export function localizeIssue<T extends Issue>(issue: T, lang: Lang): T {
  return { ...issue, message: issueMessage(issue, lang) };
}

/** A file report (the JSON contract) with every issue's message rendered in `lang`. */
export function localizeReport(report: FileReport, lang: Lang): FileReport {
  return { ...report, issues: report.issues.map((i) => localizeIssue(i, lang)) };
}
