/**
 * Helpers for the per-kind tests (`kinds/<kind>.test.ts`): a template of one declared indicator,
 * its values computed by its kind alone with the records they used, and a formula builder that
 * computes its terms from the parsed records (as the dashboard's builder does without a workbook).
 */
import type { MonitoringData } from "../../monitoring/model";
import {
  TemplateSchema,
  type Aggregate,
  type IndicatorSpec,
  type IndicatorSpecInput,
  type Template,
} from "../../template/schema";
import { columnsOf } from "../aggregate";
import { IndicatorContext, type IndicatorOptions, type IndicatorUse } from "../context";
import { UseLog } from "../uses";
import { FormulaError, type FormulaBuilder, type FormulaFact, type FormulaTerm } from "../formula";
import { INDICATOR_KINDS } from "../kinds";
import { previousPeriodOf } from "../periods";
import type { IndicatorValue } from "../types";

export const AS_OF = "2024-12-31";

/** A template with the given indicators (project period 2020–2024). */
export function templateWith(indicators: IndicatorSpecInput[]): Template {
  return TemplateSchema.parse({
    id: "test",
    title: "Тест",
    period: { start: "2020-01-01", end: "2024-12-31" },
    indicators,
  });
}

export interface KindRun {
  spec: IndicatorSpec;
  values: IndicatorValue[];
  uses: UseLog;
}

/** The values of one declaration computed by its kind's `compute` (not through the engine's loop). */
export function runKind(
  input: IndicatorSpecInput,
  data: MonitoringData,
  options: Partial<IndicatorOptions> = {},
): KindRun {
  const template = templateWith([input]);
  const spec = template.indicators[0];
  const uses = new UseLog();
  const ctx = new IndicatorContext(template, data, { asOf: AS_OF, ...options, uses });
  return { spec, values: INDICATOR_KINDS[spec.kind].compute(ctx, spec), uses };
}

export function pick(
  values: readonly IndicatorValue[],
  id: string,
  period: string,
  scope = "municipality",
): IndicatorValue {
  const v = values.find((x) => x.id === id && x.period === period && x.scope === scope);
  if (!v)
    throw new Error(
      `no ${id} ${period} ${scope} among ${values.map((x) => `${x.id}/${x.period}/${x.scope}`).join(", ")}`,
    );
  return v;
}

/**
 * A formula builder over parsed records: a term's text names the sheet, the columns and the rows
 * it adds up («SUM(grades:excellent+good@2,3)»), its value is their sum as the records hold them.
 */
export class RecordsFormulaBuilder implements FormulaBuilder {
  readonly labels: string[] = [];

  constructor(
    private readonly data: MonitoringData,
    private readonly uses: UseLog,
  ) {}

  usesOf(id: string, period: string, aggregate: 0 | 1): readonly IndicatorUse[] {
    return this.uses.usesOf(id, period, aggregate);
  }

  aggregate(a: Aggregate, uses: readonly IndicatorUse[], label: string): FormulaTerm {
    this.labels.push(label);
    const rows = uses.flatMap((u) => u.rows);
    if (a.op === "count" || a.op === "count_schools") return { text: `COUNT(${a.sheet}@${rows})`, value: rows.length };
    const { plus, minus } = columnsOf(a);
    const records = this.data.records[a.sheet].filter((r) => rows.includes(r.row));
    const sum = (cols: readonly string[]) =>
      records.reduce((s, r) => s + cols.reduce((t, c) => t + (r.values[c] as number), 0), 0);
    return {
      text: `SUM(${a.sheet}:${plus.join("+")}${minus.length ? `-${minus.join("-")}` : ""}@${rows})`,
      value: sum(plus) - sum(minus),
    };
  }

  figures(sheet: string, uses: readonly IndicatorUse[], label: string): { range: string; values: number[] } {
    this.labels.push(label);
    const values = uses.flatMap((u) =>
      u.rows.map((_, k) => {
        const v = u.values?.[k];
        if (typeof v !== "number" || Number.isNaN(v)) throw new FormulaError("значение: нет расчёта по строке");
        return v;
      }),
    );
    return { range: `F(${sheet}@${uses.flatMap((u) => u.rows)})`, values };
  }
}

/** A municipal value as the formula builder receives it. */
export function factOf(v: IndicatorValue): FormulaFact {
  return { ...v, previousPeriod: previousPeriodOf(v.period) };
}

/** The formula twin of a municipal value of a run, on the run's records. */
export function twinOf(run: KindRun, data: MonitoringData, v: IndicatorValue): { text: string; result: number | null } {
  const formula = INDICATOR_KINDS[run.spec.kind].formula;
  if (!formula) throw new Error(`${run.spec.kind} has no formula twin`);
  return formula(new RecordsFormulaBuilder(data, run.uses), run.spec, factOf(v));
}
