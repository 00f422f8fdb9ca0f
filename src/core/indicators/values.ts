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

/**
 * A value under construction: the kind creates it (`rawValue`, `municipalRaw`) and sets its
 * `numerator`, `denominator`, `procedure` and `note` in that order where it has them; `finish`
 * fills in `display` (unless the kind set one), `target`, `met`, `previous` and `delta`. Built in
 * place, so that a region's tens of thousands of values are allocated once.
 */
export type Raw = IndicatorValue;

/** A value of `scope` (a school's registered name, or `MUNICIPALITY`) before `finish`. */
export function rawValue(
  id: string,
  title: string,
  unit: string,
  period: string,
  scope: string,
  value: number | boolean | null,
  excluded: number,
): Raw {
  return {
    id,
    title,
    period,
    scope,
    value,
    display: "",
    unit,
    target: null,
    met: null,
    excluded_rows: excluded,
    previous: null,
    delta: null,
    // Declared up front (JSON leaves undefined out; the order is the one the kinds set them in):
    // every raw then has one hidden class, so `finish`, run over every kind's raws, is not also
    // deoptimised and recompiled (a costly function) when a kind's raws bring a new one.
    numerator: undefined,
    denominator: undefined,
    procedure: undefined,
    note: undefined,
    note_params: undefined,
  };
}

/** A municipality-scope value of an indicator for one period; `display` overrides the formatted value. */
export function municipalRaw(
  spec: { id: string; title: string; unit: string },
  period: string,
  rest: {
    value: number | boolean | null;
    excluded: number;
    numerator?: number;
    denominator?: number;
    note?: string;
    display?: string;
  },
): Raw {
  const v = rawValue(spec.id, spec.title, spec.unit, period, MUNICIPALITY, rest.value, rest.excluded);
  if (rest.display !== undefined) v.display = rest.display;
  if (rest.numerator !== undefined) v.numerator = rest.numerator;
  if (rest.denominator !== undefined) v.denominator = rest.denominator;
  if (rest.note !== undefined) v.note = rest.note;
  return v;
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
  /** Null for none: an empty list would be an array of another hidden class than a filled one. */
  targets: readonly Target[] | null;
  text: string | null;
}

/** A raw without targets (per-procedure values); shaped as a memo, so `t` below has one class. */
const NO_TARGETS: TargetsMemo = { scopeKind: "school", unit: "", period: "", targets: null, text: null };

/**
 * Targets, their status and the previous period's value of every raw value, filled in place
 * (the raws become the values). Runs over every
 * per-school value: raws are found by period, then by scope (no key built per value), and the
 * targets of a scope kind, unit and period are worked out once.
 */
export function finish(spec: IndicatorSpec, raws: Raw[]): IndicatorValue[] {
  const id = raws.length ? raws[0].id : spec.id;
  // Raws come in runs of one period: each run's period is looked at once, not each raw's.
  // Indexed loops: one pass per value, also before the code is optimised.
  const previousPeriods = new Map<string, string | null>();
  let period: string | null = null;
  for (let k = 0; k < raws.length; k++) {
    if (raws[k].period === period) continue;
    period = raws[k].period;
    if (!previousPeriods.has(period)) previousPeriods.set(period, previousPeriod(period, spec.period.kind));
  }
  // Only the raws of periods that are some period's previous one are ever looked up.
  const wanted = new Set<string | null>(previousPeriods.values());
  const byPeriod = new Map<string, Map<string, Raw>>();
  let scopes: Map<string, Raw> | null = null;
  period = null;
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    if (r.period !== period) {
      period = r.period;
      scopes = null;
      if (wanted.has(period)) {
        scopes = byPeriod.get(period) ?? null;
        if (!scopes) byPeriod.set(period, (scopes = new Map()));
      }
    }
    if (scopes) scopes.set(rawKey(r, id), r);
  }
  // Periods, targets and their texts repeat for every school: worked out once each.
  const memos: TargetsMemo[] = [];
  let last: TargetsMemo | null = null;
  let prevScopes: Map<string, Raw> | null = null;
  period = null;
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    const scopeKind: ScopeKind = r.scope === MUNICIPALITY ? MUNICIPALITY : "school";
    if (r.period !== period) {
      period = r.period;
      const prevPeriod = previousPeriods.get(period) ?? null;
      prevScopes = prevPeriod ? (byPeriod.get(prevPeriod) ?? null) : null;
    }
    const prev = prevScopes ? prevScopes.get(rawKey(r, id)) : undefined;
    const previous = prev ? prev.value : null;
    const delta = typeof r.value === "number" && typeof previous === "number" ? r.value - previous : null;
    let t = NO_TARGETS;
    if (r.procedure === undefined) {
      if (!last || last.scopeKind !== scopeKind || last.unit !== r.unit || last.period !== r.period) {
        last = memos.find((m) => m.scopeKind === scopeKind && m.unit === r.unit && m.period === r.period) ?? null;
        if (!last) {
          const targets = targetsFor(spec, r.period, scopeKind);
          last = {
            scopeKind,
            unit: r.unit,
            period: r.period,
            targets: targets.length ? targets : null,
            text: targets.length ? targets.map((x) => targetText(x, r.unit)).join("; ") : null,
          };
          memos.push(last);
        }
      }
      t = last;
    }
    const targets = t.targets;
    let met: boolean | null = null;
    if (targets !== null) {
      met = true;
      for (let j = 0; j < targets.length; j++) {
        const m = targetMet(targets[j], r.value, previous);
        if (m === null) {
          met = null;
          break;
        }
        if (!m) met = false;
      }
    }
    if (r.display === "") r.display = formatValue(r.value, r.unit);
    r.target = t.text;
    r.met = met;
    r.previous = previous;
    r.delta = delta;
  }
  return raws;
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
    for (const p of ctx.periodRows(sheet, kind).keys())
      if (p && (grade === undefined || ctx.rowsFor(sheet, kind, p, grade).length > 0)) set.add(p);
  }
  if (set.size === 0) return { periods: [fallbackPeriod(kind, ctx.template, ctx.options.asOf)], fallback: true };
  return { periods: [...set].sort(), fallback: false };
}

/** A school a value is reported for: its key and its registered name. */
export interface PeriodSchool {
  key: string;
  name: string;
}

/**
 * `schoolsInPeriod` lists by context, then procedure list (identity), then sheet, period kind,
 * period, filter and grade: indicators over one sheet share them (quality and success over
 * «Успеваемость», four over «Кадры»).
 */
const schoolLists = new WeakMap<
  IndicatorContext,
  Map<readonly string[] | undefined, Map<string, readonly PeriodSchool[]>>
>();

/**
 * The schools with records on the sheet in the period (of the ВПР grade, when given) that pass the
 * indicator's filter: registry order first, then the others in order of appearance (ordinals
 * follow the registry, see `IndicatorContext.keys`). Shared lists: read them, do not change them.
 */
export function schoolsInPeriod(
  ctx: IndicatorContext,
  spec: IndicatorSpec,
  sheet: MonitoringSheetId,
  period: string,
  grade?: number,
): readonly PeriodSchool[] {
  const kind = spec.period.kind;
  let byProcedures = schoolLists.get(ctx);
  if (!byProcedures) schoolLists.set(ctx, (byProcedures = new Map()));
  let lists = byProcedures.get(spec.procedures);
  if (!lists) byProcedures.set(spec.procedures, (lists = new Map()));
  const key = `${sheet}\u0001${kind}\u0001${period}\u0001${spec.schools}\u0001${grade ?? ""}`;
  let list = lists.get(key);
  if (!list) lists.set(key, (list = listSchools(ctx, spec, sheet, period, grade)));
  return list;
}

function listSchools(
  ctx: IndicatorContext,
  spec: IndicatorSpec,
  sheet: MonitoringSheetId,
  period: string,
  grade: number | undefined,
): PeriodSchool[] {
  const kind = spec.period.kind;
  const year = statusYear(period, kind);
  const table = ctx.table(sheet);
  const rows = ctx.rowsFor(sheet, kind, period, grade);
  const flags = spec.schools === "all" ? null : ctx.filterFlags(spec.schools, year, spec.procedures);
  // Each school's first record of the period (by ordinal), and the unregistered in order of appearance.
  const first = new Int32Array(ctx.keys.length).fill(-1);
  const unregistered: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const p = rows[k];
    const o = table.school[p];
    if (o < 0 || first[o] >= 0 || (flags !== null && flags[o] === 0)) continue;
    first[o] = p;
    if (o >= ctx.registrySize) unregistered.push(o);
  }
  const out: PeriodSchool[] = [];
  const add = (o: number) => out.push({ key: ctx.keys[o], name: ctx.nameOf(o, table.records[first[o]].school) });
  for (let o = 0; o < ctx.registrySize; o++) if (first[o] >= 0) add(o);
  for (let k = 0; k < unregistered.length; k++) add(unregistered[k]);
  return out;
}
