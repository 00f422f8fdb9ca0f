/** `traceIndicators`: the records each municipal value used, without changing any value. */
import { sample } from "../../../samples/monitoring/lazo-monitoring";
import { sampleToWorkbook } from "../../../samples/toWorkbook";
import { BUILTIN_TEMPLATES } from "../templates";
import { validateWorkbook } from "../validate";
import { computeIndicators, traceIndicators } from "./engine";

describe("traceIndicators", () => {
  const check = validateWorkbook(sampleToWorkbook(sample), { templates: BUILTIN_TEMPLATES, asOf: "2023-12-31" });
  const options = { asOf: "2023-12-31", plans: check.plans };
  const traced = traceIndicators(check.template, check.monitoring, options);
  const values = traced.values;
  // One object per record, as the runs hold them.
  const uses = traced.uses.all().flatMap((u) =>
    u.rows.map((row, k) => ({
      id: u.id,
      period: u.period,
      aggregate: u.aggregate,
      sheet: u.sheet,
      row,
      schoolKey: u.schoolKeys?.[k] ?? null,
      value: u.values?.[k],
    })),
  );

  it("computes exactly what computeIndicators computes", () => {
    expect(values).toEqual(computeIndicators(check.template, check.monitoring, options));
  });

  it("reports the rows of a ratio's numerator and denominator (valid rows of the period only)", () => {
    const rows = (aggregate: 0 | 1) =>
      uses
        .filter((u) => u.id === "quality_pct" && u.period === "2022/2023" && u.aggregate === aggregate)
        .map((u) => u.row);
    const valid = check.monitoring.records.grades
      .filter((r) => r.period === "2022/2023" && r.invalid.length === 0)
      .map((r) => r.row);
    expect(rows(0)).toEqual(valid);
    expect(rows(1)).toEqual(valid);
    expect(uses.every((u) => u.id !== "quality_pct" || u.sheet === "grades")).toBe(true);
  });

  it("reports the registry rows of ШНОР schools for shnor_share, and figures for per-school thresholds and events", () => {
    const shnor = uses.filter((u) => u.id === "shnor_share" && u.period === "2022");
    expect(shnor.filter((u) => u.aggregate === 0)).toHaveLength(10);
    expect(shnor.filter((u) => u.aggregate === 1)).toHaveLength(29);
    expect(shnor.every((u) => u.sheet === "schools")).toBe(true);
    const kpk = uses.filter((u) => u.id === "kpk_per_school" && u.period === "2023");
    const v = values.find((x) => x.id === "kpk_per_school" && x.period === "2023" && x.scope === "municipality")!;
    expect(kpk).toHaveLength(v.denominator!);
    expect(kpk.filter((u) => (u.value ?? 0) >= 5)).toHaveLength(v.numerator!);
    const events = uses.filter((u) => u.id === "event_shnor_participation");
    const mean = events.reduce((s, u) => s + (u.value ?? 0), 0) / events.length;
    expect(mean).toBeCloseTo(values.find((x) => x.id === "event_shnor_participation")!.value as number, 10);
  });

  it("reports nothing for per-school values", () => {
    const schoolIds = new Set(uses.map((u) => u.id));
    expect(schoolIds.has("shnor_status")).toBe(false);
    expect(schoolIds.has("low_result")).toBe(false);
  });
});
