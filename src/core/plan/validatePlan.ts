/**
 * The plan-graph ФЛК over one plan sheet: the rows are classified, each activity's deadline, status
 * and completion date parsed once, and every check of `./checks` (DOMAIN.md «Plan checks») driven
 * through one loop over the rows.
 */
import { isMeaningless, type SheetData, type CellValue } from "../model/sheet";
import type { IsoDate } from "../model/dates";
import { lastDate, parseDeadline, type Deadline, type DeadlinePeriod } from "../parse/deadline";
import { makeIssue, type Issue } from "../report/issue";
import type { HeaderMatch } from "../sheets/header";
import type { PlanSheetSpec, Template } from "../template/schema";
import { parseDateCell, type PlanActivity } from "./activity";
import type { PlanCheck, PlanCheckOptions, PlanCheckRun, PlanSheetContext } from "./checks/check";
import { PLAN_CHECKS } from "./checks";
import { classifyPlanRows, type PlanRow } from "./rows";
import { parseStatus, type PlanStatus } from "./status";

export type { PlanActivity } from "./activity";
export { parseDateCell } from "./activity";
export type { PlanCheckOptions } from "./checks/check";
export { taskKey } from "./checks/duplicates";

export interface PlanSheetResult {
  sheet: string;
  spec: PlanSheetSpec;
  header: HeaderMatch;
  hasStatus: boolean;
  activities: PlanActivity[];
  sections: number;
  issues: Issue[];
}

/** Parsed deadlines by cell value: texts by the text itself, dates by their time, other values by type and text. */
class DeadlineCache {
  private readonly texts = new Map<string, Deadline>();
  private readonly dates = new Map<number, Deadline>();
  private readonly others = new Map<string, Deadline>();

  get(value: CellValue, period: DeadlinePeriod): Deadline {
    if (typeof value === "string") return cached(this.texts, value, value, period);
    if (value instanceof Date) return cached(this.dates, value.getTime(), value, period);
    return cached(this.others, `${typeof value}:${String(value)}`, value, period);
  }
}

function cached<K>(map: Map<K, Deadline>, key: K, value: CellValue, period: DeadlinePeriod): Deadline {
  let d = map.get(key);
  if (!d) map.set(key, (d = parseDeadline(value, period)));
  return d;
}

function filled(row: PlanRow, id: string): boolean {
  const v = row.texts[id];
  return !!v && !isMeaningless(v);
}

export function validatePlanSheet(
  sheet: SheetData,
  spec: PlanSheetSpec,
  header: HeaderMatch,
  template: Template,
  options: PlanCheckOptions,
  checks: readonly PlanCheck[] = PLAN_CHECKS,
): PlanSheetResult {
  const issues: Issue[] = [];
  const name = sheet.name;
  const col = (id: string): number | null => header.columns[id] ?? null;
  const period: DeadlinePeriod = template.period;
  const rows = classifyPlanRows(sheet, header, spec);
  const hasStatus = col("status") !== null;
  const ctx: PlanSheetContext = {
    sheet,
    name,
    spec,
    header,
    template,
    options,
    period,
    rows,
    hasStatus,
    col,
    filled,
    report: (code, row, field, params) =>
      issues.push(makeIssue(code, { sheet: name, row: row.row, col: col(field), field }, params)),
    reportAt: (code, at, params, severity) => issues.push(makeIssue(code, at, params, severity)),
  };
  const runs: PlanCheckRun[] = checks.map((c) => c.start(ctx));
  // Called as methods: a bound copy of each hook is slower to call on every row.
  const rowRuns = runs.filter((r) => r.row);

  const activities: PlanActivity[] = [];
  // Plans repeat their deadline texts («Ежегодно», «2020-2022 г.г.»): parse each distinct one once.
  const deadlineCache = new DeadlineCache();
  const statusCache = new Map<string, PlanStatus | null>();
  const doneDateCache = new Map<number, IsoDate | null | "invalid">();
  const hasDue = col("due") !== null;
  const hasDoneDate = col("done_date") !== null;
  let sections = 0;

  for (const r of rows) {
    if (r.kind === "section") {
      sections++;
      for (let k = 0; k < rowRuns.length; k++) rowRuns[k].row!(r, null);
      continue;
    }
    const t = r.texts;
    let deadline: Deadline | null = null;
    let lastDue: IsoDate | null = null;
    if (hasDue && filled(r, "due")) {
      deadline = deadlineCache.get(r.values.due ?? null, period);
      lastDue = lastDate(deadline);
    }
    let status: PlanStatus | null = null;
    let doneDate: IsoDate | null = null;
    if (hasStatus) {
      if (t.status) {
        if (!statusCache.has(t.status)) statusCache.set(t.status, parseStatus(t.status));
        status = statusCache.get(t.status) ?? null;
      }
      if (hasDoneDate) {
        const dv = r.values.done_date ?? null;
        let dd: IsoDate | null | "invalid";
        if (dv instanceof Date) {
          // Completion dates repeat: convert each distinct date once.
          const time = dv.getTime();
          const known = doneDateCache.get(time);
          if (known === undefined) doneDateCache.set(time, (dd = parseDateCell(dv)));
          else dd = known;
        } else dd = parseDateCell(dv);
        if (dd !== "invalid") doneDate = dd;
      }
    }
    const activity: PlanActivity = {
      sheet: name,
      row: r.row,
      label: r.label?.key ?? null,
      task: t.task ?? "",
      deadline,
      lastDue,
      status,
      statusText: t.status ?? "",
      doneDate,
      section: r.section,
    };
    for (let k = 0; k < rowRuns.length; k++) rowRuns[k].row!(r, activity);
    activities.push(activity);
  }
  for (const run of runs) run.end?.();

  return { sheet: name, spec, header, hasStatus, activities, sections, issues };
}
