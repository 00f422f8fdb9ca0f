/**
 * Per-school risk for the dashboard's school table and ranking chart: each school's share of «2»
 * (or of participants below the threshold) over the ШНОР-deciding procedures of a year, in one
 * pass over «Процедуры» (linear in the data).
 */
import type { IndicatorValue } from "../indicators/types";
import type { MonitoringData } from "../monitoring/model";
import { procedureKey, procedureKeySet } from "../monitoring/procedure";
import { SHNOR_PROCEDURES } from "../monitoring/sheets";
import type { Template } from "../template/schema";
import { specOfValue } from "./formulas";

export interface LowShare {
  low: number;
  participants: number;
  /** low / participants × 100. */
  pct: number;
}

function recordYear(values: Record<string, unknown>, period: string | null | undefined): number | null {
  const y = values.year;
  if (typeof y === "number" && Number.isInteger(y)) return y;
  if (period && /^\d{4}$/.test(period)) return Number(period);
  return null;
}

/** Share of «2» over the deciding procedures of `year`, by school key (valid rows only). */
export function lowSharesByYear(
  data: MonitoringData,
  year: number,
  procedures: readonly string[] = SHNOR_PROCEDURES,
): Map<string, LowShare> {
  const keys = procedureKeySet(procedures);
  // Whether a procedure text is a deciding one, by text: the same few texts recur on every row.
  const deciding = new Map<string, boolean>();
  const sums = new Map<string, { low: number; participants: number }>();
  for (const r of data.records.procedures ?? []) {
    if (!r.schoolKey || r.invalid.length) continue;
    if (recordYear(r.values, r.period) !== year) continue;
    const proc = r.values.procedure;
    const participants = r.values.participants;
    const low = r.values.m2;
    if (typeof proc !== "string" || typeof participants !== "number" || typeof low !== "number") continue;
    if (participants <= 0 || low < 0) continue;
    let counts = deciding.get(proc);
    if (counts === undefined) deciding.set(proc, (counts = keys.has(procedureKey(proc))));
    if (!counts) continue;
    const s = sums.get(r.schoolKey);
    if (s) {
      s.low += low;
      s.participants += participants;
    } else sums.set(r.schoolKey, { low, participants });
  }
  const out = new Map<string, LowShare>();
  for (const [k, s] of sums) out.set(k, { ...s, pct: (s.low * 100) / s.participants });
  return out;
}

/** The latest calendar year with deciding-procedure rows, or null. */
export function latestProcedureYear(data: MonitoringData): number | null {
  let best: number | null = null;
  for (const r of data.records.procedures ?? []) {
    const y = recordYear(r.values, r.period);
    if (y !== null && (best === null || y > best)) best = y;
  }
  return best;
}

/**
 * The year whose ШНОР status the dashboard and the справка show (the latest per-school
 * `shnor_status`, else the latest procedure year) and the procedures that decide it.
 */
export function shnorBasis(
  template: Template,
  indicators: readonly IndicatorValue[],
  data: MonitoringData,
): { year: number | null; procedures: readonly string[] } {
  let period: string | null = null;
  for (const v of indicators)
    if (v.id === "shnor_status" && v.scope !== "municipality" && (period === null || v.period > period))
      period = v.period;
  const year = period !== null && /^\d{4}$/.test(period) ? Number(period) : latestProcedureYear(data);
  const procedures =
    specOfValue(template, "shnor_status")?.procedures ??
    specOfValue(template, "shnor_share")?.procedures ??
    SHNOR_PROCEDURES;
  return { year, procedures };
}
