/**
 * `shnor_status`: per school and year, whether the school is in the ШНОР group «по итогам года»
 * (≥ 2 procedures with low results in the year, or ≥ 1 in the year before and ≥ 1 in the year;
 * the declared flag where «Процедуры» lack the years); the reason in `note`. A school's status, not
 * a municipal figure: no formula.
 */
import type { IndicatorSpec } from "../../template/schema";
import type { IndicatorContext } from "../context";
import type { IndicatorValue } from "../types";
import { finish, periodsOf, rawValue, type Raw } from "../values";
import type { IndicatorKindDef } from "./types";

/** `shnor_status`: per school and year, true/false (null when neither computable nor declared). */
function computeShnorStatus(ctx: IndicatorContext, spec: IndicatorSpec): IndicatorValue[] {
  const { periods } = periodsOf(ctx, spec);
  const raws: Raw[] = [];
  for (const period of periods) {
    const year = Number(period);
    const list = ctx.statusList(year, spec.procedures);
    for (let k = 0; k < list.length; k++) {
      const s = list[k];
      if (!ctx.passes(spec.schools, s.schoolKey, year, spec.procedures)) continue;
      const v = rawValue(spec.id, spec.title, spec.unit, period, ctx.schoolName(s.schoolKey, s.school), s.status, 0);
      v.note = s.reason;
      v.note_params = s.reason_params;
      raws.push(v);
    }
  }
  return finish(spec, raws);
}

export const shnorStatus: IndicatorKindDef<"shnor_status"> = {
  kind: "shnor_status",
  requires: [],
  compute: computeShnorStatus,
  noFormula: "значение: статус школы, а не показатель муниципалитета",
  better: null,
  valueType: "flag",
  digits: () => 0,
};
