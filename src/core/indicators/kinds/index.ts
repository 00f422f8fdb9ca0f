/**
 * The registry of indicator kinds: each kind's evaluation, formula twin and layout hints live in
 * one file beside this one. A new kind is its file, its test, its name in `IndicatorKindSchema`
 * (`template/schema.ts`) and its line here — the compiler insists on the last two together.
 */
import type { IndicatorKind, IndicatorSpec } from "../../template/schema";
import { eventShare } from "./eventShare";
import { lowResult } from "./lowResult";
import { periodDelta } from "./periodDelta";
import { planDone } from "./planDone";
import { ratio } from "./ratio";
import { schoolThreshold } from "./schoolThreshold";
import { shnorStatus } from "./shnorStatus";
import type { IndicatorKindDef, RequiredField } from "./types";

export type { Better, IndicatorKindDef, RequiredField, ValueType } from "./types";

export const INDICATOR_KINDS: { readonly [K in IndicatorKind]: IndicatorKindDef<K> } = {
  ratio,
  period_delta: periodDelta,
  shnor_status: shnorStatus,
  low_result: lowResult,
  school_threshold: schoolThreshold,
  event_share: eventShare,
  plan_done: planDone,
};

/** Kinds whose municipal facts get live formulas on the dashboard (when the data allow it). */
export const FORMULA_KINDS: readonly IndicatorKind[] = (Object.keys(INDICATOR_KINDS) as IndicatorKind[]).filter(
  (k) => INDICATOR_KINDS[k].formula !== undefined,
);

/** The schema's messages for what a declaration lacks that its kind needs (none when it has it all). */
export function missingFields(
  spec: Pick<IndicatorSpec, "id" | "kind" | RequiredField>,
): { message: string; path: RequiredField }[] {
  const requires = INDICATOR_KINDS[spec.kind].requires;
  const out: { message: string; path: RequiredField }[] = [];
  if (requires.includes("numerator") && !spec.numerator)
    out.push({ message: `показатель «${spec.id}»: нужен numerator`, path: "numerator" });
  const noDenominator = requires.includes("denominator") && !spec.denominator;
  if (requires.includes("threshold") && (spec.threshold === undefined || noDenominator))
    out.push({ message: `показатель «${spec.id}»: нужны threshold и denominator`, path: "threshold" });
  else if (noDenominator) out.push({ message: `показатель «${spec.id}»: нужен denominator`, path: "denominator" });
  return out;
}
