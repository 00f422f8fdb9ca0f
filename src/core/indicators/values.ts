/**
 * Indicator values under construction (`Raw`) and their completion (`finish`): display text,
 * targets and whether they are met, the previous period's value and the change; the periods an
 * indicator lists and the schools of a period.
 */
import type { MonitoringSheetId } from "../monitoring/sheets";
import type { IndicatorSpec, Target } from "../template/schema";
import type { IndicatorContext } from "./context";
import { fallbackPeriod, previousPeriod, statusYear } from "./periods";
import { targetMet, targetsFor, targetText, type ScopeKind } from "./targets";
import { displayValue, type IndicatorValue } from "./types";

export const MUNICIPALITY = "municipality";

/** A computed value before targets and the previous period are attached. */
export interface Raw {
  id: string;
  title: string;
  unit: string;
  period: string;
  scope: string;
  scopeKind: ScopeKind;
  value: number | boolean | null;
  excluded: number;
  numerator?: number;
  denominator?: number;
  procedure?: string;
  note?: string;
  /** Overrides `display` (e.g. plan_done «нет мероприятий со сроком»). */
  display?: string;
}

/** A municipality-scope raw value of an indicator for one period. */
export function municipalRaw(
  spec: { id: string; title: string; unit: string },
  period: string,
  rest: Pick<Raw, "value" | "excluded"> & Partial<Raw>,
): Raw {
  return {
    id: spec.id,
    title: spec.title,
    unit: spec.unit,
    period,
    scope: MUNICIPALITY,
    scopeKind: MUNICIPALITY,
    ...rest,
  };
}

/** «34,5 %»; counts as whole numbers («12 ед.»); statuses «да»/«нет»; «нет данных». */
export function formatValue(value: number | boolean | null, unit: string): string {
  if (typeof value === "number" && unit !== "%" && Number.isInteger(value))
    return unit ? `${value} ${unit}` : String(value);
  return displayValue(value, unit);
}

/** A raw's identity within its period: the scope alone for the usual one-id, no-procedure raws. */
function rawKey(r: Raw, id: string): string {
  return r.id === id && !r.procedure ? r.scope : `${r.id}\u0001${r.scope}\u0001${r.procedure ?? ""}`;
}

interface TargetsMemo {
  scopeKind: ScopeKind;
  unit: string;
  period: string;
  targets: readonly Target[];
  text: string | null;
}

const NO_TARGETS: { targets: readonly Target[]; text: string | null } = { targets: [], text: null };

/**
 * Targets, their status and the previous period's value of every raw value. Runs over every
 * per-school value: raws are found by period, then by scope (no key built per value), and the
 * targets of a scope kind, unit and period are worked out once.
 */
export function finish(spec: IndicatorSpec, raws: readonly Raw[]): IndicatorValue[] {
  const id = raws.length ? raws[0].id : spec.id;
  const byPeriod = new Map<string, Map<string, Raw>>();
  // Indexed loops: one pass per value, also before the code is optimised.
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    let scopes = byPeriod.get(r.period);
    if (!scopes) byPeriod.set(r.period, (scopes = new Map()));
    scopes.set(rawKey(r, id), r);
  }
  // Periods, targets and their texts repeat for every school: worked out once each.
  const previousOf = new Map<string, Map<string, Raw> | null>();
  const memos: TargetsMemo[] = [];
  let last: TargetsMemo | null = null;
  const out: IndicatorValue[] = [];
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    let prevScopes = previousOf.get(r.period);
    if (prevScopes === undefined) {
      const prevPeriod = previousPeriod(r.period, spec.period.kind);
      prevScopes = prevPeriod ? (byPeriod.get(prevPeriod) ?? null) : null;
      previousOf.set(r.period, prevScopes);
    }
    const prev = prevScopes ? prevScopes.get(rawKey(r, id)) : undefined;
    const previous = prev ? prev.value : null;
    const delta = typeof r.value === "number" && typeof previous === "number" ? r.value - previous : null;
    let t = NO_TARGETS;
    if (r.procedure === undefined) {
      if (!last || last.scopeKind !== r.scopeKind || last.unit !== r.unit || last.period !== r.period) {
        last = memos.find((m) => m.scopeKind === r.scopeKind && m.unit === r.unit && m.period === r.period) ?? null;
        if (!last) {
          const targets = targetsFor(spec, r.period, r.scopeKind);
          last = {
            scopeKind: r.scopeKind,
            unit: r.unit,
            period: r.period,
            targets,
            text: targets.length ? targets.map((x) => targetText(x, r.unit)).join("; ") : null,
          };
          memos.push(last);
        }
      }
      t = last;
    }
    const targets = t.targets;
    let met: boolean | null = null;
    if (targets.length) {
      met = true;
      for (const x of targets) {
        const m = targetMet(x, r.value, previous);
        if (m === null) {
          met = null;
          break;
        }
        if (!m) met = false;
      }
    }
    const v: IndicatorValue = {
      id: r.id,
      title: r.title,
      period: r.period,
      scope: r.scope,
      value: r.value,
      display: r.display ?? formatValue(r.value, r.unit),
      unit: r.unit,
      target: t.text,
      met,
      excluded_rows: r.excluded,
      previous,
      delta,
    };
    if (r.numerator !== undefined) v.numerator = r.numerator;
    if (r.denominator !== undefined) v.denominator = r.denominator;
    if (r.procedure !== undefined) v.procedure = r.procedure;
    if (r.note !== undefined) v.note = r.note;
    out.push(v);
  }
  return out;
}

/** The sheet whose periods an indicator lists. */
export function periodSheet(spec: IndicatorSpec): MonitoringSheetId | null {
  return spec.period.sheet ?? spec.numerator?.sheet ?? null;
}

/** Sorted periods present on the sheet (with records of the ВПР grade, when given), or the fallback period when there are none. */
export function periodsOf(
  ctx: IndicatorContext,
  spec: IndicatorSpec,
  grade?: number,
): { periods: string[]; fallback: boolean } {
  const kind = spec.period.kind;
  if (kind === "report_date") return { periods: [ctx.options.asOf], fallback: false };
  const sheet = periodSheet(spec);
  const set = new Set<string>();
  if (sheet && sheet !== "schools") {
    for (const [p, list] of ctx.periodIndex(sheet, kind))
      if (p && (grade === undefined || ctx.ofGrade(list, grade).length > 0)) set.add(p);
  }
  if (set.size === 0) return { periods: [fallbackPeriod(kind, ctx.template, ctx.options.asOf)], fallback: true };
  return { periods: [...set].sort(), fallback: false };
}

/** Keys of the schools with records on the sheet in the period that pass the indicator's filter. */
export function schoolsInPeriod(
  ctx: IndicatorContext,
  spec: IndicatorSpec,
  sheet: MonitoringSheetId,
  period: string,
  grade?: number,
): { key: string; name: string }[] {
  const kind = spec.period.kind;
  const year = statusYear(period, kind);
  const names = new Map<string, string | null>();
  const all = ctx.recordsFor(sheet, kind, period);
  const records = grade === undefined ? all : ctx.ofGrade(all, grade);
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    if (r.schoolKey === null || names.has(r.schoolKey)) continue;
    if (!ctx.passes(spec.schools, r.schoolKey, year, spec.procedures)) continue;
    names.set(r.schoolKey, r.school);
  }
  return ctx.orderKeys(names.keys()).map((key) => ({ key, name: ctx.schoolName(key, names.get(key) ?? null) }));
}
