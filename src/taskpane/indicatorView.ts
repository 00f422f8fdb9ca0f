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

/** The minus sign (U+2212), not the hyphen, before a negative number. */
export const MINUS = "\u2212";

/** A number as the UI language writes it: one decimal for percentages and fractions; «−» for negatives. */
export function formatNumber(value: number, unit: string, lang: Lang): string {
  const rounded = roundHalfUp(value, 1);
  const digits = unit === "%" || !Number.isInteger(rounded) ? 1 : 0;
  const text = Math.abs(rounded).toFixed(digits);
  const local = lang === "ru" ? text.replace(".", ",") : text;
  return rounded < 0 ? `${MINUS}${local}` : local;
}

/**
 * A period as the language writes it: a report date `2021-06-30` as «30.06.2021» in Russian
 * (unchanged in English); a year «2022» and a school year «2021/2022» as they are.
 */
export function formatPeriod(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  return m && lang === "ru" ? `${m[3]}.${m[2]}.${m[1]}` : period;
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
  const signed = roundHalfUp(delta, 1) > 0 ? `+${n}` : n;
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

/** Which way an indicator gets better: «up» (quality, coverage) or «down» (the ШНОР share). */
export type Better = "up" | "down";

/**
 * Which way is better for this indicator: the indicator's own `better` where the data give it,
 * else from its target (≤, < → lower is better; ≥, >, growth, a plain level → higher is better);
 * null without either (the change is then shown without a judgement).
 */
export function betterDirection(v: IndicatorValue): Better | null {
  const declared = (v as { better?: unknown }).better;
  if (declared === "up" || declared === "down") return declared;
  const target = v.target?.trim();
  if (!target) return null;
  return /^[≤<]/.test(target) ? "down" : "up";
}

/** Whether the change since the previous period is good, bad or neither (none, or no direction). */
export type Trend = "good" | "bad" | "neutral";

export function trendOf(v: IndicatorValue): Trend {
  const delta = v.delta;
  const better = betterDirection(v);
  if (delta === null || delta === undefined || better === null || roundHalfUp(delta, 1) === 0) return "neutral";
  return delta > 0 === (better === "up") ? "good" : "bad";
}

/** The number a target names («≤ 20 %» → 20), for a bullet's mark; null for growth targets and none. */
export function targetLevel(v: IndicatorValue): number | null {
  const target = v.target?.trim();
  if (!target || /^\D*рост/i.test(target)) return null;
  const m = /(\d+(?:[.,]\d+)?)/.exec(target);
  return m ? Number(m[1].replace(",", ".")) : null;
}

/** «Целевые показатели: выполнено N из M»: of the values with a verdict on their target, how many met it. */
export function targetsMet(values: readonly IndicatorValue[]): { met: number; total: number } {
  const judged = values.filter((v) => v.met !== null);
  return { met: judged.filter((v) => v.met === true).length, total: judged.length };
}
