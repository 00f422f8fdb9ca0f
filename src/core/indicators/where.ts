/**
 * `where` conditions of aggregates and the procedure facts they test, apart from the evaluation
 * (`aggregate.ts`) so that the sheet tables (`table.ts`) can work them out for every record in
 * their single visit of it.
 */
import type { MonitoringRecord, RecordValue } from "../monitoring/model";
import { parseProcedure } from "../monitoring/procedure";
import type { Condition } from "../template/schema";
import { memoizeText } from "../text/memo";
import { foldText } from "../text/normalize";

/** Kind and grade of a procedure text (memoised: the same few texts recur on every row). */
export const procedureInfo = memoizeText((text): { kind: string; grade: number | null } => {
  const p = parseProcedure(text);
  return { kind: p.kind, grade: p.kind === "ВПР" ? p.grade : null };
});

/** The ВПР grade of a «Процедуры» record; null for other procedures and other sheets. */
export function gradeOf(r: MonitoringRecord): number | null {
  const p = r.values.procedure;
  return typeof p === "string" ? procedureInfo(p).grade : null;
}

export interface CompiledCondition {
  column: string;
  condition: Condition;
  /** The folded `eq` / `ne` text; null when the expected value is not a text. */
  eqText: string | null;
  neText: string | null;
}

/** `foldText`, memoised: conditions compare the same few texts on every row. */
const folded = memoizeText(foldText);

export function compileConditions(where: readonly Condition[]): CompiledCondition[] {
  return where.map((c) => ({
    column: c.column,
    condition: c,
    eqText: typeof c.eq === "string" ? folded(c.eq) : null,
    neText: typeof c.ne === "string" ? folded(c.ne) : null,
  }));
}

/** The conditions as text: aggregates with equal conditions share their per-record results. */
export function whereKeyOf(where: readonly Condition[]): string {
  return JSON.stringify(where);
}

/** `v` equals the expected value: a text compared folded (`text` is the expected text folded), others exactly. */
function equals(v: RecordValue, expected: boolean | number | string, text: string | null): boolean {
  if (text !== null) return typeof v === "string" && folded(v) === text;
  return v === expected;
}

function testCondition(cc: CompiledCondition, v: RecordValue): boolean {
  const c = cc.condition;
  if (c.eq !== undefined) return equals(v, c.eq, cc.eqText);
  if (c.ne !== undefined) return v !== null && !equals(v, c.ne, cc.neText);
  if (c.procedureKind !== undefined) return typeof v === "string" && procedureInfo(v).kind === c.procedureKind;
  if (typeof v !== "number") return false;
  if (c.gte !== undefined) return v >= c.gte;
  if (c.gt !== undefined) return v > c.gt;
  if (c.lte !== undefined) return v <= c.lte;
  if (c.lt !== undefined) return v < c.lt;
  return false;
}

export type WhereResult = "yes" | "no" | "invalid";

export function whereResult(conditions: readonly CompiledCondition[], r: MonitoringRecord): WhereResult {
  if (conditions.length === 0) return "yes";
  const invalid = r.invalid;
  if (invalid.length > 0) for (const c of conditions) if (invalid.includes(c.column)) return "invalid";
  for (let j = 0; j < conditions.length; j++) {
    const c = conditions[j];
    if (!testCondition(c, r.values[c.column] ?? null)) return "no";
  }
  return "yes";
}

/** `whereResult` as a byte (`SheetTable.where`). */
export const WHERE_NO = 0;
export const WHERE_YES = 1;
export const WHERE_INVALID = 2;

export function whereCode(conditions: readonly CompiledCondition[], r: MonitoringRecord): number {
  const w = whereResult(conditions, r);
  return w === "no" ? WHERE_NO : w === "yes" ? WHERE_YES : WHERE_INVALID;
}
