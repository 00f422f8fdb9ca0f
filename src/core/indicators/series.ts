/**
 * Values of an indicator built from aggregates evaluated period by period (the `ratio` and
 * `period_delta` kinds): the municipal value of every period, each school's value of every period
 * (tallied in the same pass over the period's records), and per ВПР grade when the declaration asks.
 */
import type { Aggregate, IndicatorSpec } from "../template/schema";
import {
  columnsOf,
  evaluate,
  schoolEvaluation,
  whereCodes,
  type Evaluation,
  SchoolTallies,
  type Selection,
} from "./aggregate";
import type { IndicatorContext } from "./context";
import type { ScopeKind } from "./targets";
import type { IndicatorValue } from "./types";
import { WHERE_YES } from "./where";
import { finish, MUNICIPALITY, periodSheet, periodsOf, rawValue, schoolsInPeriod, type Raw } from "./values";

/**
 * The evaluation of a period for the municipality (`school` null) or for one school. A school's is
 * rewritten by the next school's of the same period (`schoolEvaluation`): read it first.
 */
export type EvaluationAt = (period: string, school: string | null) => Evaluation;

/**
 * Writes the figures of one value (`value`, `excluded_rows`, and `numerator` / `denominator` where it
 * is a ratio) into its raw, from the evaluations it needs.
 */
export type SeriesValue = (
  raw: Raw,
  at: EvaluationAt,
  period: string,
  school: string | null,
  periods: readonly string[],
) => void;

/** Raw values of one id (the indicator's, or one ВПР grade's) over every period and the asked scopes. */
function seriesRaws(
  ctx: IndicatorContext,
  spec: IndicatorSpec,
  aggregates: readonly Aggregate[],
  valueOf: SeriesValue,
  id: string,
  title: string,
  scopes: readonly ScopeKind[],
  grade?: number,
): Raw[] {
  const { periods, fallback } = periodsOf(ctx, spec, grade);
  const kind = spec.period.kind;
  const sheet = periodSheet(spec);
  const out: Raw[] = [];
  const wantSchools = scopes.includes("school") && !fallback && sheet !== null;
  // Every school's evaluation of a period, tallied by the evaluation over all schools.
  const tallied = new Map<string, { all: Evaluation; schools: SchoolTallies }>();
  const evaluateAll = (period: string, traced: boolean): Evaluation => {
    const schools: SchoolTallies | undefined = wantSchools && !tallied.has(period) ? new SchoolTallies() : undefined;
    const sel: Selection = { period, kind, grade, traceId: traced ? id : undefined };
    const all = evaluate(ctx, spec, aggregates, sel, schools);
    if (schools) tallied.set(period, { all, schools });
    return all;
  };
  const schoolEval = (period: string, key: string): Evaluation => {
    let t = tallied.get(period);
    if (!t) {
      evaluateAll(period, false);
      t = tallied.get(period)!;
    }
    return schoolEvaluation(t.all, t.schools, ctx.ordinal(key));
  };
  const at: EvaluationAt = (period, school) =>
    school === null ? evaluateAll(period, true) : schoolEval(period, school);
  if (scopes.includes(MUNICIPALITY)) {
    for (const period of periods) {
      const raw = rawValue(id, title, spec.unit, period, MUNICIPALITY, null, 0);
      valueOf(raw, at, period, null, periods);
      out.push(raw);
    }
  }
  if (wantSchools) {
    // Thousands of values: built field by field, without spreads (the engine's hottest allocation).
    const unit = spec.schoolUnit ?? spec.unit;
    for (const period of periods) {
      const list = schoolsInPeriod(ctx, spec, sheet, period, grade);
      for (let k = 0; k < list.length; k++) {
        const s = list[k];
        const raw = rawValue(id, title, unit, period, s.name, null, 0);
        valueOf(raw, at, period, s.key, periods);
        out.push(raw);
      }
    }
  }
  return out;
}

/**
 * Every value of an indicator evaluated over `aggregates`: its own (the declared scopes), then, when
 * `byGrade`, one municipal series per ВПР grade present among the numerator's records
 * (`<id>_g5`, «<title>, 5 кл.»).
 */
export function computeSeries(
  ctx: IndicatorContext,
  spec: IndicatorSpec,
  aggregates: readonly Aggregate[],
  valueOf: SeriesValue,
): IndicatorValue[] {
  const out = finish(spec, seriesRaws(ctx, spec, aggregates, valueOf, spec.id, spec.title, spec.scope));
  if (spec.byGrade && spec.numerator) {
    const grades = new Set<number>();
    const table = ctx.table(spec.numerator.sheet);
    const codes = whereCodes(table, columnsOf(spec.numerator));
    for (let p = 0; p < table.grade.length; p++) {
      const g = table.grade[p];
      if (g >= 0 && (codes === null || codes[p] === WHERE_YES)) grades.add(g);
    }
    for (const g of [...grades].sort((a, b) => a - b)) {
      const raws = seriesRaws(
        ctx,
        spec,
        aggregates,
        valueOf,
        `${spec.id}_g${g}`,
        `${spec.title}, ${g} кл.`,
        [MUNICIPALITY],
        g,
      );
      out.push(...finish(spec, raws));
    }
  }
  return out;
}
