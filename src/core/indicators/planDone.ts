/** `plan_done_pct`: due activities with status «Выполнено» / due activities × 100, for a report date. */
import type { IsoDate } from "../model/dates";
import { isDone } from "../plan/status";
import type { PlanSheetResult } from "../plan/validatePlan";
import { displayValue, type IndicatorValue } from "./types";

export const PLAN_DONE_ID = "plan_done_pct";
export const PLAN_DONE_TITLE = "Выполнение плана-графика";

/**
 * An activity is due when the end of its last dated deadline is on or before the report date;
 * activities with only recurring or open deadlines are never due. A due activity with an invalid
 * or empty status counts as not done; other defects of a row do not remove it.
 */
export function computePlanDone(plans: readonly PlanSheetResult[], asOf: IsoDate): IndicatorValue {
  let due = 0;
  let done = 0;
  let monitored = false;
  for (const p of plans) {
    if (!p.hasStatus) continue;
    monitored = true;
    for (const a of p.activities) {
      if (!a.lastDue || a.lastDue > asOf) continue;
      due++;
      if (isDone(a.status)) done++;
    }
  }
  const value = monitored && due > 0 ? (done / due) * 100 : null;
  return {
    id: PLAN_DONE_ID,
    title: PLAN_DONE_TITLE,
    period: asOf,
    scope: "municipality",
    value,
    display: monitored && due === 0 ? "нет мероприятий со сроком" : displayValue(value, "%"),
    unit: "%",
    target: null,
    met: null,
    excluded_rows: 0,
    numerator: monitored ? done : undefined,
    denominator: monitored ? due : undefined,
  };
}
