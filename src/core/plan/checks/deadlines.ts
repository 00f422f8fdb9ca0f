/**
 * Deadlines: DUE_UNPARSED (the text cannot be interpreted), DUE_OUTSIDE_PERIOD (a parsed deadline
 * outside the project period), DUE_ORDER (a dated activity earlier than the previous one of its section).
 */
import type { IsoDate } from "../../model/dates";
import type { PlanRow } from "../rows";
import type { PlanCheck } from "./check";

function firstStart(intervals: readonly { start: IsoDate }[]): IsoDate | null {
  return intervals.length ? intervals[0].start : null;
}

export const deadlinesCheck: PlanCheck = {
  id: "deadlines",
  codes: ["DUE_UNPARSED", "DUE_OUTSIDE_PERIOD", "DUE_ORDER"],
  start(ctx) {
    const period = ctx.period;
    let prev: {
      start: IsoDate;
      row: PlanRow;
      due: string;
      section: number;
    } | null = null;
    return {
      row(r, activity) {
        if (!activity) {
          prev = null;
          return;
        }
        const deadline = activity.deadline;
        if (!deadline) return;
        const due = r.texts.due;
        if (deadline.kind === "unparsed") {
          ctx.report("DUE_UNPARSED", r, "due", { variant: "due", value: due });
          return;
        }
        const byDate = deadline.byDate === true;
        // Test before filtering: most deadlines lie inside the period (no array per row then).
        let anyOutside = false;
        for (const iv of deadline.intervals)
          if (iv.end > period.end || iv.end < period.start || (!byDate && iv.start < period.start)) {
            anyOutside = true;
            break;
          }
        const outside = anyOutside
          ? deadline.intervals.filter(
              (iv) => iv.end > period.end || iv.end < period.start || (!byDate && iv.start < period.start),
            )
          : [];
        if (outside.length)
          ctx.report("DUE_OUTSIDE_PERIOD", r, "due", {
            value: due,
            outside: outside.map((iv) => (iv.start === iv.end ? iv.end : `${iv.start}/${iv.end}`)),
            period_start: period.start,
            period_end: period.end,
          });
        const start = byDate ? activity.lastDue : firstStart(deadline.intervals);
        if (start && deadline.intervals.length && !deadline.recurring) {
          if (prev && prev.section === r.section && start < prev.start)
            ctx.report("DUE_ORDER", r, "due", {
              value: due,
              ...(prev.row.label ? { previous_number: prev.row.label.key } : { previous_row: prev.row.row }),
              previous_value: prev.due,
            });
          prev = { start, row: r, due, section: r.section };
        }
      },
    };
  },
};
