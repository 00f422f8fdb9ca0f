/**
 * Layout hints of indicators, as data for the dashboard and the pane: which change is good (a
 * falling ШНОР share is good), whether values are numbers or yes/no, units and Excel number formats.
 */
import type { IndicatorSpec, Target, Template } from "../template/schema";
import { INDICATOR_KINDS } from "./kinds";
import type { Better, ValueType } from "./kinds/types";

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

/** `0.0" %"`, `0" ед."`; `General` for yes/no values and values without a unit (as the dashboard writes them). */
function numberFormat(unit: string, digits: 0 | 1, valueType: ValueType): string {
  if (valueType === "flag" || !unit) return "General";
  return `${digits ? "0.0" : "0"}${formatText(` ${unit}`)}`;
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

/** The declaration a value id belongs to (`vpr_coped_pct_g5` → `vpr_coped_pct`). */
export function specOfValue(template: Template, id: string): IndicatorSpec | undefined {
  return (
    template.indicators.find((s) => s.id === id) ??
    template.indicators.find((s) => s.byGrade && new RegExp(`^${s.id}_g\\d+$`).test(id))
  );
}

/** The layout hints of a value id (`IndicatorValue.id`); undefined when the template does not declare it. */
export function hintsOfValue(template: Template, id: string): IndicatorHints | undefined {
  const spec = specOfValue(template, id);
  return spec && indicatorHints(spec);
}
