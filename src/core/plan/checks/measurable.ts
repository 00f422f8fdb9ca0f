/** RESULT_NOT_MEASURABLE: the template demands a quantitative result and the text has no number or percentage. */
import { isMeasurable } from "../measurable";
import type { PlanCheck } from "./check";

export const measurableCheck: PlanCheck = {
  id: "measurable",
  codes: ["RESULT_NOT_MEASURABLE"],
  start(ctx) {
    if (!ctx.spec.measurableResults) return {};
    return {
      row(r, activity) {
        if (activity && ctx.filled(r, "result") && !isMeasurable(r.texts.result))
          ctx.report("RESULT_NOT_MEASURABLE", r, "result", {
            value: r.texts.result,
          });
      },
    };
  },
};
