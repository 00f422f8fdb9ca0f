/** Hand-made consolidation plans for the hosts' tests (the core plans real consolidations). */
import type { SheetPlan } from "../../core/consolidate/types";

/**
 * A plan that appends `rows` to an existing sheet below its header in row 1, «Источник» being
 * the last of the rows' columns; nothing created, nothing deleted unless `more` says so.
 */
export function appendPlan(
  sheet: string,
  spec: SheetPlan["spec"],
  rows: SheetPlan["rows"],
  more: Partial<SheetPlan> = {},
): SheetPlan {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    sheet,
    spec,
    create: false,
    header: [],
    widths: [],
    headerRow: 1,
    sourceColumn: width,
    sourceHeader: false,
    deleteRows: [],
    deleteRuns: [],
    appendAt: 2,
    width,
    rows,
    ...more,
  };
}
