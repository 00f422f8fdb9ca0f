/**
 * `low_result`: per school and deciding procedure of the year, the share of «2» (below the threshold
 * for ОГЭ/ЕГЭ) of each procedure whose share is at least 30 %. Per school: no formula.
 */
import { lowResults } from "../../monitoring/shnor";
import type { IndicatorSpec } from "../../template/schema";
import type { IndicatorContext } from "../context";
import type { IndicatorValue } from "../types";
import { finish, periodsOf, type Raw } from "../values";
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
    for (const s of ctx.data.schools) names.set(s.key, s.name);
    for (const r of ctx.recordsIn("procedures", "year", period))
      if (r.schoolKey !== null && !names.has(r.schoolKey)) names.set(r.schoolKey, r.school);
    for (const key of ctx.orderKeys(names.keys())) {
      if (!ctx.passes(spec.schools, key, year, spec.procedures)) continue;
      for (const low of lowResults(ctx.data, key, year, spec.procedures)) {
        raws.push({
          id: spec.id,
          title: titleOf(low.procedure),
          unit: spec.unit,
          period,
          scope: ctx.schoolName(key, names.get(key) ?? null),
          scopeKind: "school",
          value: (low.low * 100) / low.participants,
          numerator: low.low,
          denominator: low.participants,
          excluded: 0,
          procedure: low.procedure,
        });
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
