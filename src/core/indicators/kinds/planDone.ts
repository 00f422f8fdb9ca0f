/**
 * `plan_done`: fulfilment of the plan-graph at the report date (`computePlanDone`): due activities
 * with status «Выполнено» / due activities × 100; absent when no plan sheet has a status column.
 * The deadlines are Russian text: no formula.
 */
import type { IndicatorSpec } from "../../template/schema";
import type { IndicatorContext } from "../context";
import { computePlanDone } from "../planDone";
import type { IndicatorValue } from "../types";
import { finish, municipalRaw } from "../values";
import type { IndicatorKindDef } from "./types";

/** `plan_done`: computed from monitored plan sheets; absent when no plan has a status column. */
function computePlan(ctx: IndicatorContext, spec: IndicatorSpec): IndicatorValue[] {
  const plans = ctx.options.plans ?? [];
  if (!plans.some((p) => p.hasStatus)) return [];
  const v = computePlanDone(plans, ctx.options.asOf);
  const raw = municipalRaw(spec, v.period, {
    value: v.value,
    excluded: v.excluded_rows,
    numerator: v.numerator,
    denominator: v.denominator,
    display: v.display,
  });
  return finish(spec, [raw]);
}

export const planDone: IndicatorKindDef<"plan_done"> = {
  kind: "plan_done",
  requires: [],
  compute: computePlan,
  noFormula:
    "значение: выполнение плана считается по срокам мероприятий, записанным текстом («до 05 апреля 2023 г.»), и их статусам — формулой Excel это не выражается",
  better: "up",
  valueType: "number",
  digits: () => 1,
};
