/** MISSING_COLUMN: a required column of the template is not found in the header. */
import type { PlanCheck } from "./check";

export const columnsCheck: PlanCheck = {
  id: "columns",
  codes: ["MISSING_COLUMN"],
  start(ctx) {
    const { header } = ctx;
    const found = Object.values(header.headers);
    for (const m of header.missing) {
      if (!m.required) continue;
      ctx.reportAt(
        "MISSING_COLUMN",
        { sheet: ctx.name, row: header.headerRow, col: 1, field: m.id },
        {
          variant: "required",
          column: m.title,
          expected: [...new Set([m.title, ...m.aliases])].slice(0, 4),
          found,
        },
      );
    }
    return {};
  },
};
