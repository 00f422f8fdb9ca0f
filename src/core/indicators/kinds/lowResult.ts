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
  const table = ctx.table("procedures");
  for (const period of periods) {
    const year = Number(period);
    // Every registered school (in registry order), then the others with records of the year, in
    // order of appearance (ordinals follow the registry: see `IndicatorContext.keys`).
    const rows = ctx.rowsFor("procedures", "year", period);
    const first = new Int32Array(ctx.keys.length).fill(-1);
    const ordinals: number[] = [];
    for (let o = 0; o < ctx.registrySize; o++) ordinals.push(o);
    // Indexed loops over thousands of schools and records (no iterator objects before optimisation).
    for (let k = 0; k < rows.length; k++) {
      const o = table.school[rows[k]];
      if (o < ctx.registrySize || first[o] >= 0) continue;
      first[o] = rows[k];
      ordinals.push(o);
    }
    for (let k = 0; k < ordinals.length; k++) {
      const o = ordinals[k];
      const key = ctx.keys[o];
      if (!ctx.passes(spec.schools, key, year, spec.procedures)) continue;
      // The low results its ШНОР status was decided on (`lowResults`; statuses are computed once per year).
      for (const low of ctx.status(key, year, spec.procedures).lowY) {
        const scope = ctx.nameOf(o, first[o] >= 0 ? table.records[first[o]].school : null);
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
