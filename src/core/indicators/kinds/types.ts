/** What one indicator kind brings to the registry: its evaluation, its formula twin and its layout hints. */
import type { IndicatorKind, IndicatorSpec } from "../../template/schema";
import type { IndicatorContext } from "../context";
import type { FormulaOf } from "../formula";
import type { IndicatorValue } from "../types";

/** Which direction of change is good for an indicator: a rise, a fall, or neither/unknown. */
export type Better = "up" | "down" | null;

/** Fields a declaration of the kind must carry (checked when a template is read). */
export type RequiredField = "numerator" | "denominator" | "threshold";

/** How a kind's values read: numbers (shares, counts) or yes/no statuses. */
export type ValueType = "number" | "flag";

export interface IndicatorKindDef<K extends IndicatorKind = IndicatorKind> {
  kind: K;
  /** Fields its declarations need, with the schema's messages. */
  requires: readonly RequiredField[];
  /** Every value of one declared indicator (municipal values by period, then per-grade, then per-school). */
  compute(ctx: IndicatorContext, spec: IndicatorSpec): IndicatorValue[];
  /** The live formula of a municipal fact; absent: the kind's facts are values, for `noFormula`. */
  formula?: FormulaOf;
  /** Why the kind's facts are values (Russian, the dashboard's «источник»), when it has no `formula`. */
  noFormula?: string;
  /** Layout hints: which change is good when neither the declaration nor its targets say. */
  better: Better;
  valueType: ValueType;
  /**
   * Decimals of its values in `unit` (number formats): 1 for shares, 0 for counts. Called with the
   * declaration; per-school values (`schoolUnit`) may differ from municipal ones.
   */
  digits(spec: IndicatorSpec, scope: "municipality" | "school"): 0 | 1;
}
