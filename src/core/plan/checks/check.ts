/**
 * A plan-graph check as a unit (after frictionless-py's `checks/`): it declares the codes it may
 * emit and its hooks. `validatePlanSheet` drives every registered check through ONE loop over the
 * sheet's rows: `start` once per sheet (issues about the whole sheet, the sheet's state), `row` for
 * each row in order (sections with `activity` null), `end` after the last row.
 */
import type { IsoDate } from "../../model/dates";
import type { SheetData } from "../../model/sheet";
import type { DeadlinePeriod } from "../../parse/deadline";
import type { IssueCode, IssueLocation, IssueParams, Severity } from "../../report/issue";
import type { HeaderMatch } from "../../sheets/header";
import type { PlanSheetSpec, Template } from "../../template/schema";
import type { PlanRow } from "../rows";
import type { PlanActivity } from "../activity";

export interface PlanCheckOptions {
  /** Report date for `OVERDUE` (default: today). */
  asOf: IsoDate;
}

/** What a check sees of the sheet, and how it reports. */
export interface PlanSheetContext {
  readonly sheet: SheetData;
  readonly name: string;
  readonly spec: PlanSheetSpec;
  readonly header: HeaderMatch;
  readonly template: Template;
  readonly options: PlanCheckOptions;
  readonly period: DeadlinePeriod;
  /** Every classified row of the table, in order. */
  readonly rows: readonly PlanRow[];
  /** The sheet has a status column (a plan being monitored). */
  readonly hasStatus: boolean;
  /** The worksheet column of a template column id, null when the sheet lacks it. */
  col(id: string): number | null;
  /** The row's text in column `id` is there and means something (not «—», «-», «.»). */
  filled(row: PlanRow, id: string): boolean;
  /** An issue at `row`'s cell in column `field`. */
  report(code: IssueCode, row: PlanRow, field: string, params: IssueParams): void;
  /** An issue anywhere. */
  reportAt(code: IssueCode, at: IssueLocation, params: IssueParams, severity?: Severity): void;
}

/** The hooks of one check over one sheet (its state lives in their closure). */
export interface PlanCheckRun {
  /** A row: an activity (with what the driver parsed of it) or a section (`activity` null). */
  row?(row: PlanRow, activity: PlanActivity | null): void;
  end?(): void;
}

export interface PlanCheck {
  /** Stable name of the unit (its file name). */
  readonly id: string;
  /** Every issue code the check may emit. */
  readonly codes: readonly IssueCode[];
  /** Once per sheet, before its rows. */
  start(ctx: PlanSheetContext): PlanCheckRun;
}

/** The activity's number for messages (`№ 1.2`), absent when it has none (the row is named instead). */
export function numberParam(row: PlanRow): { number: string } | Record<string, never> {
  return row.label ? { number: row.label.key } : {};
}
