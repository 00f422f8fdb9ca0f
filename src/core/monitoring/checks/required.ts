/** EMPTY_REQUIRED: a required cell of a record (the school, the year, a count the sheet exists for) is empty. */
import type { MonitoringCheck } from "./check";

export const requiredCheck: MonitoringCheck = {
  id: "required",
  codes: ["EMPTY_REQUIRED"],
  start(ctx) {
    return {
      row({ record, blanks }) {
        for (const c of blanks)
          ctx.report(
            "EMPTY_REQUIRED",
            { sheet: ctx.name, row: record.row, col: c.col, field: c.spec.id },
            { variant: "cell", column: c.spec.title },
          );
      },
    };
  },
};
