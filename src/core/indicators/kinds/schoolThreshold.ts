/**
 * `school_threshold`: per school the numerator (e.g. КПК ≥ 32 ч, человек); municipality: the share
 * of the denominator's schools whose numerator reaches `threshold`. Formula twin: the engine writes
 * each counted school's numerator into a helper column («Школы» rows); the fact is
 * COUNTIF(≥ threshold) / COUNT over that column.
 */
import type { IndicatorSpec } from "../../template/schema";
import { columnsOf, evaluate, schoolEvaluation, testWhere, type Evaluation, SchoolTallies } from "../aggregate";
import type { IndicatorContext } from "../context";
import { factLabel, FormulaError } from "../formula";
import { statusYear } from "../periods";
import { EPS } from "../targets";
import type { IndicatorValue } from "../types";
import { finish, municipalRaw, MUNICIPALITY, periodsOf, rawValue, schoolsInPeriod, type Raw } from "../values";
import type { IndicatorKindDef } from "./types";

/**
 * `school_threshold`: per school the numerator (e.g. КПК ≥ 32 ч, человек); municipality: the share
 * of the denominator's schools (registry, filtered) whose numerator reaches the threshold. A school
 * without a record counts as not reaching it; a school whose record is invalid is left out.
 */
function computeSchoolThreshold(ctx: IndicatorContext, spec: IndicatorSpec): IndicatorValue[] {
  const numerator = spec.numerator;
  const denominator = spec.denominator;
  const threshold = spec.threshold;
  if (!numerator || !denominator || threshold === undefined) return [];
  const kind = spec.period.kind;
  const { periods, fallback } = periodsOf(ctx, spec);
  const raws: Raw[] = [];
  const present =
    ctx.hasColumns(numerator.sheet, columnsOf(numerator).needed) &&
    ctx.hasColumns(denominator.sheet, columnsOf(denominator).needed);
  // A school's own numerator: every school (the filter picks the schools counted, not their rows).
  const allSchools: IndicatorSpec = { ...spec, schools: "all" };
  const numeratorOnly = [numerator];
  // Every school's numerator of a period, in one pass over the period's records.
  const tallied = new Map<string, { all: Evaluation; schools: SchoolTallies }>();
  const schoolEval = (period: string, key: string): Evaluation => {
    let t = tallied.get(period);
    if (!t) {
      const schools = new SchoolTallies();
      const all = evaluate(ctx, allSchools, numeratorOnly, { period, kind }, schools);
      tallied.set(period, (t = { all, schools }));
    }
    return schoolEvaluation(t.all, t.schools, ctx.ordinal(key));
  };
  if (spec.scope.includes(MUNICIPALITY)) {
    for (const period of periods) {
      if (!present) {
        raws.push(municipalRaw(spec, period, { value: null, excluded: 0 }));
        continue;
      }
      const year = statusYear(period, kind);
      const filter = denominator.schools ?? spec.schools;
      let reached = 0;
      let counted = 0;
      let excluded = 0;
      const registry = ctx.registryRecords;
      for (let k = 0; k < registry.length; k++) {
        const r = registry[k];
        if (r.schoolKey === null || !ctx.passes(filter, r.schoolKey, year, spec.procedures)) continue;
        if (denominator.where.length && testWhere(denominator, r) !== "yes") continue;
        const ev = schoolEval(period, r.schoolKey);
        if (ev.excluded.size) {
          excluded += ev.excluded.size;
          continue;
        }
        counted++;
        if ((ev.values[0] ?? 0) >= threshold - EPS) reached++;
        ctx.options.uses?.add({
          id: spec.id,
          period,
          aggregate: 1,
          sheet: "schools",
          row: r.row,
          schoolKey: r.schoolKey,
          value: ev.values[0] ?? 0,
        });
      }
      raws.push(
        municipalRaw(spec, period, {
          value: counted === 0 ? null : (reached * spec.scale) / counted,
          numerator: reached,
          denominator: counted,
          excluded,
        }),
      );
    }
  }
  if (spec.scope.includes("school") && !fallback && present) {
    for (const period of periods) {
      const list = schoolsInPeriod(ctx, spec, numerator.sheet, period);
      for (let k = 0; k < list.length; k++) {
        const s = list[k];
        const ev = schoolEval(period, s.key);
        const value = ev.excluded.size ? null : (ev.values[0] ?? null);
        raws.push(rawValue(spec.id, spec.title, spec.schoolUnit ?? spec.unit, period, s.name, value, ev.excluded.size));
      }
    }
  }
  return finish(spec, raws);
}

export const schoolThreshold: IndicatorKindDef<"school_threshold"> = {
  kind: "school_threshold",
  requires: ["numerator", "denominator", "threshold"],
  compute: computeSchoolThreshold,
  formula(b, spec, fact) {
    const threshold = spec.threshold;
    if (threshold === undefined) throw new FormulaError("значение: нет порога");
    const uses = b.usesOf(fact.id, fact.period, 1);
    if (!uses.length) throw new FormulaError("значение: нет школ в знаменателе");
    const f = b.figures("schools", uses, factLabel(fact, "значение по учтённым школам"));
    const reached = f.values.filter((x) => x >= threshold).length;
    const numText = `COUNTIF(${f.range},">=${threshold}")`;
    return {
      text: `IF(COUNT(${f.range})=0,"нет данных",${spec.scale === 1 ? numText : `${numText}*${spec.scale}`}/COUNT(${f.range}))`,
      result: (reached * spec.scale) / f.values.length,
    };
  },
  better: null,
  valueType: "number",
  digits: (spec, scope) => (scope === "school" && spec.schoolUnit !== undefined ? 0 : spec.unit === "%" ? 1 : 0),
};
