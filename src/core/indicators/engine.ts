/**
 * The indicator engine: computes every indicator a template declares over parsed monitoring data
 * (and the plan-graph, for `plan_done_pct`), for every period present in the data, for the
 * municipality and, where the declaration says so, for each school.
 *
 * Rules (DOMAIN.md «Indicators»): values are unrounded, `display` is rounded half-up to one
 * decimal; a record whose value the indicator needs is invalid is left out and counted in
 * `excluded_rows`, never read as zero; a missing sheet or column gives «нет данных»; a zero
 * denominator gives «нет данных»; targets are compared on the unrounded value.
 */
import type { MonitoringData } from "../monitoring/model";
import type { IndicatorSpec, Template } from "../template/schema";
import { IndicatorContext, type IndicatorOptions } from "./context";
import { INDICATOR_KINDS } from "./kinds";
import { engineSpecs } from "./shape";
import type { IndicatorValue } from "./types";
import { UseLog } from "./uses";

export type { IndicatorOptions, IndicatorUse, UsedRecord } from "./context";
export { UseLog } from "./uses";
export { previousPeriod, previousPeriodOf } from "./periods";
export { targetMet, targetText } from "./targets";
export { formatValue } from "./values";

/** Values of one declared indicator. */
export function computeIndicator(
  template: Template,
  spec: IndicatorSpec,
  data: MonitoringData,
  options: IndicatorOptions,
): IndicatorValue[] {
  return computeWith(new IndicatorContext(template, data, options), spec);
}

/** The values of one declaration, by its kind (`kinds/<kind>.ts`). */
function computeWith(ctx: IndicatorContext, spec: IndicatorSpec): IndicatorValue[] {
  return INDICATOR_KINDS[spec.kind].compute(ctx, spec);
}
/**
 * Every indicator the template declares, in declaration order: municipal values by period, then
 * per-grade values, then per-school values (scope = the school's registered name).
 */
export function computeIndicators(
  template: Template,
  data: MonitoringData,
  options: IndicatorOptions,
): IndicatorValue[] {
  const ctx = new IndicatorContext(template, data, options);
  const out: IndicatorValue[] = [];
  const specs = engineSpecs(template);
  for (let k = 0; k < specs.length; k++) {
    const values = computeWith(ctx, specs[k]);
    for (let j = 0; j < values.length; j++) out.push(values[j]);
  }
  return out;
}

/**
 * Every indicator value together with the records each municipal value used (see `IndicatorUse`),
 * as runs of rows: the aggregates write them into the log as runs, the kinds that log per-record
 * figures one record at a time (`UseLog.add`).
 */
export function traceIndicators(
  template: Template,
  data: MonitoringData,
  options: Omit<IndicatorOptions, "uses">,
): { values: IndicatorValue[]; uses: UseLog } {
  const uses = new UseLog();
  const values = computeIndicators(template, data, { ...options, uses });
  return { values, uses };
}
