import { renderedIssue } from "../core/report/testing/issues";
import { countBySeverity, filterIssues, groupByRule, issueSheets, SEVERITIES } from "./issueView";

const issues = [
  renderedIssue("DUE_ORDER", { sheet: "План", row: 5, col: 3 }, "Порядок сроков"),
  renderedIssue("EMPTY_REQUIRED", { sheet: "План", row: 7, col: 4 }, "Нет ответственного"),
  renderedIssue("NUMBER_GAP", { sheet: "План", row: 9, col: 1 }, "Пропуск 1.1.11"),
  renderedIssue("NOT_A_NUMBER", { sheet: "Кадры", row: 3, col: 5 }, "Текст «abc»"),
  renderedIssue("MISSING_SHEET", { sheet: "Сеть" }, "Нет листа «Сеть»"),
];
const all = new Set(SEVERITIES);

describe("issue view", () => {
  it("counts by severity", () => {
    expect(countBySeverity(issues)).toEqual({ error: 2, warning: 2, info: 1 });
  });

  it("groups by rule, errors first, then warnings, then notes; each group keeps the core's order", () => {
    const more = [
      ...issues,
      renderedIssue("EMPTY_REQUIRED", { sheet: "План", row: 11, col: 4 }, "Нет ответственного"),
      renderedIssue("NUMBER_GAP", { sheet: "Кадры", row: 2, col: 1 }, "Пропуск 2.3"),
    ];
    const groups = groupByRule(more);
    expect(groups.map((g) => [g.code, g.severity, g.issues.length])).toEqual([
      ["EMPTY_REQUIRED", "error", 2],
      ["NOT_A_NUMBER", "error", 1],
      ["NUMBER_GAP", "warning", 2],
      ["MISSING_SHEET", "warning", 1],
      ["DUE_ORDER", "info", 1],
    ]);
    expect(groups[0].issues.map((i) => i.row)).toEqual([7, 11]);
    expect(issueSheets(issues)).toEqual(["План", "Кадры", "Сеть"]);
  });

  it("filters by severity, sheet and text (message, cell or code, any case)", () => {
    expect(filterIssues(issues, { severities: new Set(["error"]), sheet: null, text: "" })).toHaveLength(2);
    expect(filterIssues(issues, { severities: all, sheet: "План", text: "" })).toHaveLength(3);
    expect(filterIssues(issues, { severities: all, sheet: null, text: "ABC" }).map((i) => i.cell)).toEqual(["E3"]);
    expect(filterIssues(issues, { severities: all, sheet: null, text: "d7" }).map((i) => i.code)).toEqual([
      "EMPTY_REQUIRED",
    ]);
    expect(filterIssues(issues, { severities: all, sheet: null, text: "number_gap" })).toHaveLength(1);
    expect(filterIssues(issues, { severities: new Set(), sheet: null, text: "" })).toHaveLength(0);
  });
});
