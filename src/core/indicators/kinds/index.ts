/**
 * The registry of indicator kinds: each kind's evaluation, formula twin and layout hints live in
 * one file beside this one. A new kind is its file, its test, its name in `IndicatorKindSchema`
 * (`template/schema.ts`) and its line here — the compiler insists on the last two together.
 */
import type { IndicatorKind, IndicatorSpec, Target } from "../../template/schema";
import { eventShare } from "./eventShare";
import { lowResult } from "./lowResult";
import { periodDelta } from "./periodDelta";
import { planDone } from "./planDone";
import { ratio } from "./ratio";
import { schoolThreshold } from "./schoolThreshold";
import { shnorStatus } from "./shnorStatus";
import type { Better, IndicatorKindDef, RequiredField, ValueType } from "./types";

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

export function indicatorKind(kind: IndicatorKind): IndicatorKindDef {
  return INDICATOR_KINDS[kind];
}

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

/** What the dashboard and the pane need to show an indicator's values beside their meaning. */
export interface IndicatorHints {
  /** Which change is good: the declaration's `better`, else what its targets imply, else the kind's. */
  better: Better;
  valueType: ValueType;
  unit: string;
  schoolUnit: string;
  /** Excel number formats of municipal and per-school values: `0.0" %"`, `0" ед."`, `General`. */
  numberFormat: string;
  schoolNumberFormat: string;
  /** Number format of a change against the previous period: `+0.0" п.п.";-0.0" п.п.";0.0" п.п."`. */
  deltaFormat: string;
}

/** A rise is good for «≥», «>» and growth targets, a fall for «≤» and «<»; null when they disagree or say nothing. */
export function betterOfTargets(targets: readonly Target[]): Better {
  let better: Better = null;
  for (const t of targets) {
    const b: Better =
      t.op === ">=" || t.op === ">" || t.op === "growth" ? "up" : t.op === "<=" || t.op === "<" ? "down" : null;
    if (b === null) continue;
    if (better !== null && better !== b) return null;
    better = b;
  }
  return better;
}

/** Literal text inside a number format. */
function formatText(s: string): string {
  return `"${s.replace(/"/g, "")}"`;
}

function numberFormat(unit: string, digits: 0 | 1, valueType: ValueType): string {
  if (valueType === "flag") return "General";
  const d = digits ? "0.0" : "0";
  return unit ? `${d}${formatText(` ${unit}`)}` : d;
}

/** The layout hints of a declared indicator (also of its per-grade values `<id>_g5`). */
export function indicatorHints(spec: IndicatorSpec): IndicatorHints {
  const def = INDICATOR_KINDS[spec.kind];
  const better = spec.better !== undefined ? spec.better : (betterOfTargets(spec.targets) ?? def.better);
  const unit = spec.unit;
  const schoolUnit = spec.schoolUnit ?? spec.unit;
  const digits = def.digits(spec, "municipality");
  const deltaUnit = unit === "%" ? " п.п." : unit ? ` ${unit}` : "";
  const d = digits ? "0.0" : "0";
  const t = deltaUnit ? formatText(deltaUnit) : "";
  return {
    better,
    valueType: def.valueType,
    unit,
    schoolUnit,
    numberFormat: numberFormat(unit, digits, def.valueType),
    schoolNumberFormat: numberFormat(schoolUnit, def.digits(spec, "school"), def.valueType),
    deltaFormat: def.valueType === "flag" ? "General" : `+${d}${t};-${d}${t};${d}${t}`,
  };
}
