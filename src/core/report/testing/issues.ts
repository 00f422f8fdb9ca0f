/** Issues for tests of consumers: an issue as a consumer receives it, its message already rendered. */
import { makeIssue, type IssueCode, type IssueLocation, type Issue, type Severity } from "../issue";

export function renderedIssue(code: IssueCode, at: IssueLocation, message: string, severity?: Severity): Issue {
  return { ...makeIssue(code, at, {}, severity), message };
}
