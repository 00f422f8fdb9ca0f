/** Selecting and formatting indicator values for the «Показатели» tab (no React). */
import { roundHalfUp, type IndicatorValue } from "../core/indicators/types";
import { format, type Lang, type Strings } from "../i18n/strings";

/** The period selector's «latest period of each indicator». */
export const LATEST = "latest";

const MUNICIPALITY = "municipality";

/** Distinct periods, oldest first (by their first year, then as text: «2021» < «2021/2022» < «2022»). */
export function indicatorPeriods(values: readonly IndicatorValue[]): string[] {
  const year = (p: string) => Number(/^\d{4}/.exec(p)?.[0] ?? 0);
  return [...new Set(values.map((v) => v.period))].sort((a, b) => year(a) - year(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Values of one scope kind («municipality» or per school) for a period; for `LATEST`, each
 * indicator's (and school's) latest period. Template order is kept.
 */
export function selectIndicators(
  values: readonly IndicatorValue[],
  period: string,
  scope: "municipality" | "school",
): IndicatorValue[] {
  const ofScope = values.filter((v) => (scope === MUNICIPALITY) === (v.scope === MUNICIPALITY));
  if (period !== LATEST) return ofScope.filter((v) => v.period === period);
  const latest = new Map<string, IndicatorValue>();
  for (const v of ofScope) {
    const key = `${v.id}\u0000${v.scope}`;
    const seen = latest.get(key);
    // Periods of one indicator share a kind, so they compare as text.
    if (!seen || v.period > seen.period) latest.set(key, v);
  }
  return ofScope.filter((v) => latest.get(`${v.id}\u0000${v.scope}`) === v);
}

/** A number as the UI language writes it: one decimal for percentages and fractions. */
export function formatNumber(value: number, unit: string, lang: Lang): string {
  const rounded = roundHalfUp(value, 1);
  const digits = unit === "%" || !Number.isInteger(rounded) ? 1 : 0;
  const text = rounded.toFixed(digits);
  return lang === "ru" ? text.replace(".", ",") : text;
}

export function formatValue(value: number | boolean | null | undefined, unit: string, t: Strings, lang: Lang): string {
  if (value === null || value === undefined) return t.noData;
  if (typeof value === "boolean") return value ? t.yes : t.no;
  const n = formatNumber(value, unit, lang);
  return unit ? format(t.valueWithUnit, { value: n, unit }) : n;
}

/** `value − previous` with its sign; percentages change in percentage points. */
export function formatDelta(delta: number | null | undefined, unit: string, t: Strings, lang: Lang): string | null {
  if (delta === null || delta === undefined) return null;
  const unitText = unit === "%" ? t.percentPoints : unit;
  const n = formatNumber(delta, unit, lang);
  const signed = delta > 0 && Number(n.replace(",", ".")) !== 0 ? `+${n}` : n;
  return unitText ? format(t.valueWithUnit, { value: signed, unit: unitText }) : signed;
}

export type IndicatorStatus = "met" | "notMet" | "noData" | "noTarget";

export function indicatorStatus(v: IndicatorValue): IndicatorStatus {
  if (v.value === null) return "noData";
  if (v.met === true) return "met";
  if (v.met === false) return "notMet";
  return "noTarget";
}

export function statusText(status: IndicatorStatus, t: Strings): string {
  return { met: t.statusMet, notMet: t.statusNotMet, noData: t.statusNoData, noTarget: t.statusNoTarget }[status];
}
