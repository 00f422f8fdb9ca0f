/**
 * `low_result`: per school and deciding procedure of the year, the share of «2» (below the threshold
 * for ОГЭ/ЕГЭ) of each procedure whose share is at least 30 %. Per school: no formula.
 */
import type { IndicatorSpec } from "../../template/schema";
import type { IndicatorContext } from "../context";
import type { IndicatorValue } from "../types";
import { finish, periodsOf, rawValue, type Raw } from "../values";
import type { IndicatorKindDef } from "./types";

/** `low_result`: per school and deciding procedure with a share of «2» of at least 30 %. */
function computeLowResults(ctx: IndicatorContext, spec: IndicatorSpec): IndicatorValue[] {
  const raws: Raw[] = [];
  const { periods, fallback } = periodsOf(ctx, spec);
  if (fallback) return [];
  // «Низкий результат процедуры: ВПР 5 кл. математика»: one title per procedure, not per value.
  const titles = new Map<string, string>();
  const titleOf = (procedure: string): string => {
    let t = titles.get(procedure);
    if (t === undefined) titles.set(procedure, (t = `${spec.title}: ${procedure}`));
    return t;
  };
  for (const period of periods) {
    const year = Number(period);
    const names = new Map<string, string | null>();
    // Indexed loops over thousands of schools and records (no iterator objects before optimisation).
    const schools = ctx.data.schools;
    for (let k = 0; k < schools.length; k++) names.set(schools[k].key, schools[k].name);
    const records = ctx.recordsIn("procedures", "year", period);
    for (let k = 0; k < records.length; k++) {
      const r = records[k];
      if (r.schoolKey !== null && !names.has(r.schoolKey)) names.set(r.schoolKey, r.school);
    }
    const keys = ctx.orderKeys(names.keys());
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (!ctx.passes(spec.schools, key, year, spec.procedures)) continue;
      // The low results its ШНОР status was decided on (`lowResults`; statuses are computed once per year).
      for (const low of ctx.status(key, year, spec.procedures).lowY) {
        const scope = ctx.schoolName(key, names.get(key) ?? null);
        const v = rawValue(
          spec.id,
          titleOf(low.procedure),
          spec.unit,
          period,
          scope,
          (low.low * 100) / low.participants,
          0,
        );
        v.numerator = low.low;
        v.denominator = low.participants;
        v.procedure = low.procedure;
        raws.push(v);
      }
    }
  }
  return finish(spec, raws);
}

export const lowResult: IndicatorKindDef<"low_result"> = {
  kind: "low_result",
  requires: [],
  compute: computeLowResults,
  noFormula: "значение: результат процедуры по школе",
  better: "down",
  valueType: "number",
  digits: () => 1,
};
