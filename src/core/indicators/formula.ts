/**
 * The contract between an indicator kind's formula twin and the dashboard's formula builder
 * (`dashboard/formulas.ts`). A twin writes the live Excel formula of one municipal fact over the
 * data sheets and Sverka's helper sheet, and computes the value that formula gives on the cells as
 * Excel sees them; the builder writes the formula only when that value equals the core's.
 *
 * Twins stay linear in the data (GUIDE «Dashboard formulas must stay fast at region scale»): one
 * SUMIFS / COUNT / COUNTIF / AVERAGE over a helper column per term, never a lookup per school.
 */
import type { MonitoringSheetId } from "../monitoring/sheets";
import type { Aggregate, IndicatorSpec } from "../template/schema";
import type { IndicatorUse } from "./context";
import type { IndicatorValue } from "./types";

/** Why a fact gets no formula (Russian; shown in the dashboard's «источник» column). */
export class FormulaError extends Error {}

/** A formula term together with its value computed the way Excel would compute it. */
export interface FormulaTerm {
  text: string;
  value: number;
}

/** What a twin may ask of the formula builder. */
export interface FormulaBuilder {
  /** The records a municipal value used (`IndicatorUse`), each row once. */
  usesOf(id: string, period: string, aggregate: 0 | 1): readonly IndicatorUse[];
  /** Σ (or count) of one aggregate over the rows the value used: a SUMIFS/COUNT over a helper column of 1s. */
  aggregate(a: Aggregate, uses: readonly IndicatorUse[], label: string): FormulaTerm;
  /** A helper column of per-record figures (`IndicatorUse.value`), aligned with the rows of its sheet. */
  figures(sheet: MonitoringSheetId, uses: readonly IndicatorUse[], label: string): { range: string; values: number[] };
}

/** A municipal fact to write as a formula. */
export interface FormulaFact extends IndicatorValue {
  /** The period `period_delta` compares with (from the period's spelling), null when there is none. */
  previousPeriod: string | null;
}

/** A twin's formula (without «=») and the value it gives; null when it gives «нет данных». */
export interface FormulaTwin {
  text: string;
  result: number | null;
}

/** A kind's formula twin; throws `FormulaError` when the fact cannot be written as a formula. */
export type FormulaOf = (b: FormulaBuilder, spec: IndicatorSpec, fact: FormulaFact) => FormulaTwin;

/** The label of a helper column: «Процент качества знаний (2022/2023): числитель». */
export function factLabel(fact: FormulaFact, part: string, period = fact.period): string {
  return `${fact.title} (${period}): ${part}`;
}

/** `text` times the indicator's scale, parenthesised when the scale is not 1. */
export function scaled(text: string, scale: number): string {
  return scale === 1 ? text : `(${text})*${scale}`;
}

/** A term as an operand: bare when it is one call or a number, else in parentheses. */
export function operand(t: FormulaTerm): string {
  return /^[A-Z]+\([^()]*\)$|^\d+$/.test(t.text) ? t.text : `(${t.text})`;
}
