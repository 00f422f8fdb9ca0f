/**
 * The municipal indicators as an official reads them, shared by the dashboard and the справка:
 * one row per indicator (value id) with its latest period and the previous one, grouped by theme;
 * which direction of change is good; how many targets are met.
 */
import { previousPeriodOf } from "../indicators/engine";
import { indicatorHints } from "../indicators/hints";
import { targetsFor } from "../indicators/targets";
import type { IndicatorValue } from "../indicators/types";
import type { IndicatorSpec, Target, Template } from "../template/schema";
import { specOfValue } from "./formulas";

export type Theme = "results" | "shnor" | "staff" | "network" | "gia" | "plan" | "other";

export const THEME_TITLES: Record<Theme, string> = {
  results: "Образовательные результаты",
  shnor: "Школы с низкими результатами (ШНОР)",
  staff: "Кадры",
  network: "Сетевое взаимодействие",
  gia: "Государственная итоговая аттестация",
  plan: "Выполнение плана-графика",
  other: "Другие показатели",
};

const THEME_ORDER: readonly Theme[] = ["results", "shnor", "staff", "network", "gia", "plan", "other"];

const THEME_OF_ID: Record<string, Theme> = {
  quality_pct: "results",
  success_pct: "results",
  excellent_growth: "results",
  vpr_coped_pct: "results",
  shnor_share: "shnor",
  unobjective_share: "shnor",
  measures_share: "shnor",
  event_shnor_participation: "shnor",
  kpk_shnor_pct: "staff",
  teacher_coverage_pct: "staff",
  kpk_per_school: "staff",
  staffing_pct: "staff",
  programs_pct: "network",
  agreements_pct: "network",
  network_share: "network",
  network_share_target: "network",
  network_teachers_pct: "network",
  events_count: "network",
  oge12_pct: "gia",
  ege_min_pct: "gia",
  ege220_pct: "gia",
  plan_done_pct: "plan",
};

const THEME_OF_SHEET: Record<string, Theme> = {
  grades: "results",
  procedures: "results",
  schools: "shnor",
  staff: "staff",
  network: "network",
  events: "network",
  gia: "gia",
};

/** The theme of an indicator: by its id, else by the sheet its numerator sums. */
export function themeOf(spec: IndicatorSpec | undefined, id: string): Theme {
  const own = THEME_OF_ID[id] ?? (spec ? THEME_OF_ID[spec.id] : undefined);
  if (own) return own;
  if (spec?.kind === "plan_done") return "plan";
  return (spec?.numerator && THEME_OF_SHEET[spec.numerator.sheet]) || "other";
}

export type Better = "up" | "down";

/**
 * Whether a rise of the indicator is good: the indicator registry's word (`indicatorHints`: the
 * declaration's `better`, else what its targets imply, else its kind's). Null when none says.
 */
export function betterDirection(spec: IndicatorSpec | undefined): Better | null {
  return spec ? indicatorHints(spec).better : null;
}

/** Whether a change is good (true), bad (false) or neither (null: no change, or no direction). */
export function changeIsGood(better: Better | null, delta: number | null | undefined): boolean | null {
  if (better === null || typeof delta !== "number" || Math.abs(delta) < 1e-9) return null;
  return better === "up" ? delta > 0 : delta < 0;
}

/** The municipal targets of a period (the engine's `targetsFor`). */
export function municipalTargets(spec: IndicatorSpec | undefined, period: string): Target[] {
  return spec ? targetsFor(spec, period, "municipality") : [];
}

export interface IndicatorRow {
  id: string;
  spec: IndicatorSpec | undefined;
  theme: Theme;
  better: Better | null;
  /** The latest period's value. */
  latest: IndicatorValue;
  /** The previous period's value when the data have it. */
  previous: IndicatorValue | null;
  /** Every other period, latest first. */
  older: IndicatorValue[];
}

/** The municipal values as rows: grouped by theme (fixed order), in the template's order within a theme. */
export function indicatorRows(template: Template, values: readonly IndicatorValue[]): IndicatorRow[] {
  const groups = new Map<string, IndicatorValue[]>();
  for (const v of values) {
    if (v.scope !== "municipality") continue;
    const list = groups.get(v.id);
    if (list) list.push(v);
    else groups.set(v.id, [v]);
  }
  const rows: IndicatorRow[] = [];
  for (const [id, list] of groups) {
    const sorted = [...list].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
    const latest = sorted[0];
    const prevPeriod = previousPeriodOf(latest.period);
    const previous = prevPeriod === null ? null : (sorted.find((v) => v.period === prevPeriod) ?? null);
    const spec = specOfValue(template, id);
    rows.push({
      id,
      spec,
      theme: themeOf(spec, id),
      better: betterDirection(spec),
      latest,
      previous,
      older: sorted.slice(1).filter((v) => v !== previous),
    });
  }
  const order = (r: IndicatorRow) => THEME_ORDER.indexOf(r.theme);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => order(a.r) - order(b.r) || a.i - b.i)
    .map((x) => x.r);
}

export interface TargetSummary {
  /** Rows whose latest value was assessed against a target (met or not). */
  assessed: IndicatorRow[];
  met: IndicatorRow[];
  unmet: IndicatorRow[];
}

export function targetSummary(rows: readonly IndicatorRow[]): TargetSummary {
  const assessed = rows.filter((r) => r.latest.met !== null);
  return {
    assessed,
    met: assessed.filter((r) => r.latest.met === true),
    unmet: assessed.filter((r) => r.latest.met === false),
  };
}

/** Headline indicators (the dashboard's cards, the справка's conclusions), in this order. */
export const HEADLINE_IDS: readonly string[] = [
  "shnor_share",
  "quality_pct",
  "vpr_coped_pct",
  "kpk_shnor_pct",
  "plan_done_pct",
  "success_pct",
];

export interface PeriodSeries {
  /** Municipal values with a number, oldest period first. */
  values: IndicatorValue[];
  /** The target value of each period (a bound, not a growth), null where there is none. */
  targets: (number | null)[];
}

/** An indicator's municipal values by period (the charts of the ШНОР share and of quality), with its target bound. */
export function periodSeries(template: Template, indicators: readonly IndicatorValue[], id: string): PeriodSeries {
  const values = indicators
    .filter((v) => v.id === id && v.scope === "municipality" && typeof v.value === "number")
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const spec = specOfValue(template, id);
  const targets = values.map((v) => municipalTargets(spec, v.period).find((t) => t.op !== "growth")?.value ?? null);
  return { values, targets };
}
