/**
 * UNKNOWN_SCHOOL: a school (in a sheet's school column, or in the «;»-separated list of
 * «Мероприятия») that the «Школы» registry lacks, after normalising quotes, the organisational
 * prefix, «№» and spaces; the nearest registered name is suggested.
 */
import { nearestByKey } from "../../parse/school";
import type { MonitoringCheck, SchoolRegistry } from "./check";

function suggest(reg: SchoolRegistry, key: string): string | null {
  let s = reg.suggestions.get(key);
  if (s === undefined) {
    s = nearestByKey(key, reg.keyed);
    reg.suggestions.set(key, s);
  }
  return s;
}

export const schoolsCheck: MonitoringCheck = {
  id: "schools",
  codes: ["UNKNOWN_SCHOOL"],
  start(ctx) {
    const reg = ctx.registry;
    const spec = ctx.spec;
    if (!reg || spec.id === "schools") return {};
    const schoolSpec = spec.columns.find((c) => c.type === "school");
    const schoolCol = schoolSpec ? ctx.col(schoolSpec.id) : null;
    const listSpec = spec.id === "events" ? spec.columns.find((c) => c.id === "schools") : undefined;
    const listCol = listSpec ? ctx.col(listSpec.id) : null;
    const unknown = (row: number, col: number, field: string, column: string, school: string, key: string) => {
      const near = suggest(reg, key);
      ctx.report(
        "UNKNOWN_SCHOOL",
        { sheet: ctx.name, row, col, field },
        {
          variant: "registry",
          column,
          school,
          registry_sheet: reg.sheet,
          ...(near ? { suggestion: near } : {}),
        },
      );
    };
    return {
      row({ record }) {
        if (schoolSpec && schoolCol !== null && record.schoolKey && !reg.byKey.has(record.schoolKey)) {
          const written = record.values[schoolSpec.id];
          if (typeof written === "string")
            unknown(record.row, schoolCol, schoolSpec.id, schoolSpec.title, written, record.schoolKey);
        }
        if (listSpec && listCol !== null && record.schoolList)
          for (const s of record.schoolList)
            if (!s.registered) unknown(record.row, listCol, listSpec.id, listSpec.title, s.name, s.key);
      },
    };
  },
};
