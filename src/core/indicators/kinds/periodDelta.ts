/**
 * `period_delta`: numerator(period) − numerator(previous period) × scale (e.g. рост числа
 * отличников); «нет данных» when either period lacks data or the previous period is not on the sheet.
 * Formula twin: the two periods' SUMIFS, subtracted.
 */
import { factLabel, FormulaError, operand, scaled } from "../formula";
import { previousPeriod } from "../periods";
import { computeSeries } from "../series";
import type { IndicatorKindDef } from "./types";

export const periodDelta: IndicatorKindDef<"period_delta"> = {
  kind: "period_delta",
  requires: ["numerator"],
  compute(ctx, spec) {
    const kind = spec.period.kind;
    return computeSeries(ctx, spec, spec.numerator ? [spec.numerator] : [], (raw, at, period, school, periods) => {
      const cur = at(period, school);
      const prevPeriod = previousPeriod(period, kind);
      const prev = prevPeriod && periods.includes(prevPeriod) ? at(prevPeriod, school) : null;
      raw.excluded_rows = new Set([...cur.excluded, ...(prev?.excluded ?? [])]).size;
      if (cur.missing || !prev || prev.missing) return;
      const a = cur.values[0] ?? 0;
      const b = prev.values[0] ?? 0;
      raw.value = (a - b) * spec.scale;
    });
  },
  formula(b, spec, fact) {
    const { id, period, previousPeriod: prevPeriod } = fact;
    if (!spec.numerator) throw new FormulaError("значение: нет числителя");
    if (prevPeriod === null) throw new FormulaError("значение: нет предыдущего периода");
    const cur = b.aggregate(spec.numerator, b.usesOf(id, period, 0), factLabel(fact, "текущий период"));
    const prev = b.aggregate(
      spec.numerator,
      b.usesOf(id, prevPeriod, 0),
      factLabel(fact, "текущий период", prevPeriod),
    );
    return {
      text: scaled(`${operand(cur)}-${operand(prev)}`, spec.scale),
      result: (cur.value - prev.value) * spec.scale,
    };
  },
  better: null,
  valueType: "number",
  digits: (spec) => (spec.unit === "%" ? 1 : 0),
};
