/**
 * Execution of a monitored plan (sheets with a status column): STATUS_INVALID, DUE_UNPARSED for an
 * unreadable completion date, OVERDUE (not done and the last deadline before the report date),
 * DONE_LATE (done after the deadline).
 */
import { parseDateCell } from "../activity";
import { PLAN_STATUSES } from "../../template/planColumns";
import { isDone } from "../status";
import type { PlanCheck } from "./check";
import { numberParam } from "./check";

export const statusCheck: PlanCheck = {
  id: "status",
  codes: ["STATUS_INVALID", "DUE_UNPARSED", "OVERDUE", "DONE_LATE"],
  start(ctx) {
    if (!ctx.hasStatus) return {};
    const hasDoneDate = ctx.col("done_date") !== null;
    const asOf = ctx.options.asOf;
    return {
      row(r, a) {
        if (!a) return;
        const t = r.texts;
        if (t.status && !a.status)
          ctx.report("STATUS_INVALID", r, "status", {
            value: t.status,
            allowed: PLAN_STATUSES,
          });
        // The driver leaves an unreadable date out of the activity: read again only when there is none.
        if (hasDoneDate && a.doneDate === null && parseDateCell(r.values.done_date ?? null) === "invalid")
          ctx.report("DUE_UNPARSED", r, "done_date", {
            variant: "done_date",
            value: t.done_date ?? "",
          });
        if (!isDone(a.status) && a.lastDue && a.lastDue < asOf)
          ctx.report("OVERDUE", r, t.status ? "status" : "due", {
            ...numberParam(r),
            ...(t.status ? { status: t.status } : {}),
            due: t.due ?? "",
            due_date: a.lastDue,
            as_of: asOf,
          });
        if (a.doneDate && a.lastDue && a.doneDate > a.lastDue)
          ctx.report("DONE_LATE", r, "done_date", {
            ...numberParam(r),
            done_date: a.doneDate,
            due: t.due ?? "",
            due_date: a.lastDue,
          });
      },
    };
  },
};
