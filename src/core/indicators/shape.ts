/**
 * The template's indicator declarations as the engine reads them: every declaration, aggregate,
 * condition and target with all its fields, in one order. Declarations parsed from templates
 * carry only the fields their authors wrote, so each combination is an object of its own hidden
 * class; the engine's functions that run once per declaration (and the loops they inline) then
 * see a new class on the next indicator, are deoptimised and compiled again — run after run, at a
 * cost that at region scale exceeded the evaluation itself. Same values, one class each: made once
 * per template (the template itself is left as written: it is also exported as JSON).
 */
import type { Aggregate, Condition, IndicatorSpec, Target, Template } from "../template/schema";

/** `T` with every field required (the optional ones may be undefined): a field left out of a copy is a compile error. */
type Complete<T> = { [K in keyof Required<T>]: T[K] };

function condition(c: Condition): Condition {
  const o: Complete<Condition> = {
    column: c.column,
    eq: c.eq,
    ne: c.ne,
    gte: c.gte,
    gt: c.gt,
    lte: c.lte,
    lt: c.lt,
    procedureKind: c.procedureKind,
  };
  return o;
}

function aggregate(a: Aggregate | undefined): Aggregate | undefined {
  if (a === undefined) return undefined;
  const o: Complete<Aggregate> = {
    sheet: a.sheet,
    op: a.op,
    column: a.column,
    columns: a.columns,
    minus: a.minus,
    where: a.where.map(condition),
    schools: a.schools,
  };
  return o;
}

function target(t: Target): Target {
  const o: Complete<Target> = { period: t.period, op: t.op, value: t.value, scope: t.scope };
  return o;
}

function spec(s: IndicatorSpec): IndicatorSpec {
  const period: Complete<IndicatorSpec["period"]> = { kind: s.period.kind, sheet: s.period.sheet };
  const o: Complete<IndicatorSpec> = {
    id: s.id,
    title: s.title,
    unit: s.unit,
    kind: s.kind,
    numerator: aggregate(s.numerator),
    denominator: aggregate(s.denominator),
    schoolUnit: s.schoolUnit,
    scale: s.scale,
    schools: s.schools,
    period,
    scope: s.scope,
    threshold: s.threshold,
    byGrade: s.byGrade,
    procedures: s.procedures,
    targets: s.targets.map(target),
    better: s.better,
  };
  return o;
}

const shaped = new WeakMap<Template, readonly IndicatorSpec[]>();

/** The template's declarations, each field present, in declaration order (made once per template). */
export function engineSpecs(template: Template): readonly IndicatorSpec[] {
  let list = shaped.get(template);
  if (!list) shaped.set(template, (list = template.indicators.map(spec)));
  return list;
}
