/** EMPTY_REQUIRED: an activity lacks a value the template requires (task, deadline, owner, result …). */
import type { PlanCheck } from "./check";
import { numberParam } from "./check";

export const requiredCheck: PlanCheck = {
  id: "required",
  codes: ["EMPTY_REQUIRED"],
  start(ctx) {
    const required = ctx.spec.columns.filter((c) => c.required && c.id !== "no" && ctx.col(c.id) !== null);
    return {
      row(r, activity) {
        if (!activity) return;
        for (const c of required)
          if (!ctx.filled(r, c.id)) {
            const found = r.texts[c.id];
            ctx.report("EMPTY_REQUIRED", r, c.id, {
              variant: "activity",
              column: c.title,
              ...numberParam(r),
              ...(found ? { found } : {}),
            });
          }
      },
    };
  },
};
