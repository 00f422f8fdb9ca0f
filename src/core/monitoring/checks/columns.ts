/**
 * MISSING_COLUMN on monitoring sheets: no header row at all, a required column missing (error), or
 * an optional one missing (warning: the indicators that need it have no data).
 */
import type { MonitoringCheck } from "./check";

export const columnsCheck: MonitoringCheck = {
  id: "columns",
  codes: ["MISSING_COLUMN"],
  start(ctx) {
    const { header, name } = ctx;
    if (!header) {
      for (const c of ctx.spec.columns.filter((c) => c.required))
        ctx.report(
          "MISSING_COLUMN",
          { sheet: name, field: c.id },
          {
            variant: "no_header",
            column: c.title,
            expected: [c.title, ...c.aliases].slice(0, 3),
          },
        );
      return {};
    }
    const found = Object.values(header.headers);
    for (const m of header.missing) {
      const expected = [m.title, ...m.aliases].slice(0, 3);
      const at = { sheet: name, row: header.headerRow, col: 1, field: m.id };
      if (m.required)
        ctx.report("MISSING_COLUMN", at, {
          variant: "required",
          column: m.title,
          expected,
          found,
        });
      else ctx.report("MISSING_COLUMN", at, { variant: "optional", column: m.title, expected }, "warning");
    }
    return {};
  },
};
