/** Targets of indicator values: their text («≥ 75 %», «рост ≥ 1 п.п.»), whether they are met, which apply. */
import type { IndicatorSpec, Target } from "../template/schema";
import { formatNumberRu } from "./types";

/** Values are reported for the municipality or for one school. */
export type ScopeKind = "municipality" | "school";

/** Tolerance of target comparisons against binary floating error (values are percentages or counts). */
export const EPS = 1e-9;

function plainNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : formatNumberRu(n, 1);
}

/** «≥ 75 %», «≤ 20 %», «100 %» (for = 100 and ≥ 100), «> 0 чел.», «рост ≥ 1 п.п.». */
export function targetText(t: Target, unit: string): string {
  const withUnit = (n: number) => `${plainNumber(n)}${unit ? ` ${unit}` : ""}`;
  switch (t.op) {
    case ">=":
      // Nothing exceeds 100 %: «не менее 100 %» reads «100 %».
      return unit === "%" && t.value === 100 ? withUnit(t.value) : `≥ ${withUnit(t.value)}`;
    case "<=":
      return `≤ ${withUnit(t.value)}`;
    case ">":
      return `> ${withUnit(t.value)}`;
    case "<":
      return `< ${withUnit(t.value)}`;
    case "=":
      return withUnit(t.value);
    case "growth":
      return `рост ≥ ${plainNumber(t.value)}${unit === "%" ? " п.п." : unit ? ` ${unit}` : ""}`;
  }
}

/** Whether a target is met, on the unrounded value; null without a value (or, for growth, without the previous one). */
export function targetMet(
  t: Target,
  value: number | boolean | null,
  previous: number | boolean | null,
): boolean | null {
  if (typeof value !== "number") return null;
  switch (t.op) {
    case ">=":
      return value >= t.value - EPS;
    case "<=":
      return value <= t.value + EPS;
    case ">":
      return value > t.value + EPS;
    case "<":
      return value < t.value - EPS;
    case "=":
      return Math.abs(value - t.value) <= EPS;
    case "growth":
      return typeof previous === "number" ? value - previous >= t.value - EPS : null;
  }
}

/** The targets for a period and scope: those naming the period, else those for every period. */
export function targetsFor(spec: IndicatorSpec, period: string, scopeKind: ScopeKind): Target[] {
  const scoped = spec.targets.filter((t) => t.scope === undefined || t.scope === scopeKind);
  const matches = (t: Target) =>
    t.period !== undefined &&
    (t.period === period || (spec.period.kind === "report_date" && period.startsWith(`${t.period}-`)));
  const specific = scoped.filter(matches);
  return specific.length ? specific : scoped.filter((t) => t.period === undefined);
}
