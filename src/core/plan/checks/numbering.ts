/**
 * Activity numbers: NUMBER_DUPLICATE, NUMBER_GAP, NUMBER_PARENT (every numbered row, sections
 * included), NUMBER_FORMAT and NUMBER_MISSING (activities).
 */
import { NumberingChecker, type NumberLabel } from "../numbering";
import type { PlanCheck } from "./check";

export const numberingCheck: PlanCheck = {
  id: "numbering",
  codes: ["NUMBER_DUPLICATE", "NUMBER_GAP", "NUMBER_PARENT", "NUMBER_FORMAT", "NUMBER_MISSING"],
  start(ctx) {
    // The smallest depth used in the sheet needs no parent (a plan may number only its groups 1.1, 2.1 …).
    const labels = ctx.rows.map((r) => r.label).filter((l): l is NumberLabel => l !== null);
    const rootDepth = labels.reduce((m, l) => Math.min(m, l.segments.length), labels.length ? Infinity : 1);
    const checker = new NumberingChecker(rootDepth);
    const numbered = ctx.spec.numbering === "all" && ctx.col("no") !== null;
    return {
      row(r, activity) {
        if (r.label)
          for (const f of checker.check(r.label, r.row)) {
            const number = f.label.key;
            if (f.kind === "duplicate")
              ctx.report("NUMBER_DUPLICATE", r, "no", {
                label: r.label.text,
                number,
                first_row: f.firstRow,
              });
            else if (f.kind === "gap")
              ctx.report("NUMBER_GAP", r, "no", {
                variant: "gap",
                missing: f.missing,
                number,
                ...(f.previous ? { previous: f.previous } : {}),
              });
            else if (f.kind === "order")
              ctx.report("NUMBER_GAP", r, "no", {
                variant: "order",
                number,
                previous: f.previous,
              });
            else if (f.context)
              ctx.report("NUMBER_PARENT", r, "no", {
                variant: "other_section",
                number,
                section: f.context,
              });
            else {
              const segs = f.label.segments;
              const parents = segs
                .slice(0, -1)
                .map((_, i) => segs.slice(0, i + 1).join("."))
                .reverse()
                .slice(0, segs.length - rootDepth);
              ctx.report("NUMBER_PARENT", r, "no", {
                variant: "no_parent",
                number,
                parents,
              });
            }
          }
        if (!activity) return;
        if (r.invalidLabel !== null) ctx.report("NUMBER_FORMAT", r, "no", { value: r.invalidLabel });
        else if (!r.label && numbered)
          ctx.report("NUMBER_MISSING", r, "no", r.texts.task ? { task: r.texts.task } : {});
      },
    };
  },
};
