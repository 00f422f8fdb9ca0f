/**
 * `ratio`: numerator / denominator × scale over the period's records (without a denominator,
 * numerator × scale), for the municipality, each school and each ВПР grade as declared.
 * Formula twin: SUMIFS of the data columns over the helper column of the rows each aggregate used.
 */
import type { Aggregate, IndicatorSpec } from "../../template/schema";
import type { Evaluation } from "../aggregate";
import { factLabel, FormulaError, operand, scaled, type FormulaTwin } from "../formula";
import { computeSeries } from "../series";
import type { Raw } from "../values";
import type { IndicatorKindDef } from "./types";

/** Writes the ratio of one evaluation into its raw: null without data or with a zero denominator. */
function ratioValue(spec: IndicatorSpec, ev: Evaluation, raw: Raw): void {
  raw.excluded_rows = ev.excluded.size;
  if (ev.missing) return;
  const num = ev.values[0] ?? 0;
  raw.numerator = num;
  if (!spec.denominator) {
    raw.value = num * spec.scale;
    return;
  }
  const den = ev.values[1] ?? 0;
  raw.denominator = den;
  raw.value = den === 0 ? null : (num * spec.scale) / den;
}

export const ratio: IndicatorKindDef<"ratio"> = {
  kind: "ratio",
  requires: ["numerator"],
  compute(ctx, spec) {
    const aggregates = [spec.numerator, spec.denominator].filter((a): a is Aggregate => a !== undefined);
    return computeSeries(ctx, spec, aggregates, (raw, at, period, school) => ratioValue(spec, at(period, school), raw));
  },
  formula(b, spec, fact): FormulaTwin {
    const { id, period } = fact;
    if (!spec.numerator) throw new FormulaError("значение: нет числителя");
    const num = b.aggregate(spec.numerator, b.usesOf(id, period, 0), factLabel(fact, "числитель"));
    if (!spec.denominator) return { text: scaled(num.text, spec.scale), result: num.value * spec.scale };
    const den = b.aggregate(spec.denominator, b.usesOf(id, period, 1), factLabel(fact, "знаменатель"));
    const numText = spec.scale === 1 ? operand(num) : `${operand(num)}*${spec.scale}`;
    return {
      text: `IF(${den.text}=0,"нет данных",${numText}/${operand(den)})`,
      result: den.value === 0 ? null : (num.value * spec.scale) / den.value,
    };
  },
  better: null,
  valueType: "number",
  digits: (spec) => (spec.unit === "%" || spec.denominator ? 1 : 0),
};
