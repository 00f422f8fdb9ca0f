/** `traceIndicators`: the records each municipal value used, without changing any value. */
import { sample } from "../../../samples/monitoring/lazo-monitoring";
import { sampleToWorkbook } from "../../../samples/toWorkbook";
import { BUILTIN_TEMPLATES } from "../templates";
import { validateWorkbook } from "../validate";
import { computeIndicators, traceIndicators, UseLog } from "./engine";

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

describe("UseLog", () => {
  it("keeps each row once per run, the first time it was used, however the runs were filled", () => {
    const log = new UseLog();
    // A value evaluated twice: the same ascending batch again, then one more row.
    for (const batch of [
      [2, 5, 9],
      [2, 5, 9],
    ]) {
      const run = log.run("v", "2023", 0, "grades", true);
      for (const row of batch) {
        run.rows.push(row);
        run.schoolKeys?.push(`s${row}`);
      }
    }
    const again = log.run("v", "2023", 0, "grades", true);
    again.rows.push(7, 2);
    again.schoolKeys?.push("late7", "late2");
    const [u] = log.usesOf("v", "2023", 0);
    expect(u.rows).toEqual([2, 5, 9, 7]);
    expect(u.schoolKeys).toEqual(["s2", "s5", "s9", "late7"]);
    // Figures reported record by record: a repeated row keeps its first figure.
    log.add({ id: "f", period: "2023", aggregate: 1, sheet: "schools", row: 4, schoolKey: "a", value: 10 });
    log.add({ id: "f", period: "2023", aggregate: 1, sheet: "schools", row: 3, schoolKey: "b", value: 20 });
    log.add({ id: "f", period: "2023", aggregate: 1, sheet: "schools", row: 4, schoolKey: "a", value: 30 });
    const [f] = log.usesOf("f", "2023", 1);
    expect(f.rows).toEqual([4, 3]);
    expect(f.values).toEqual([10, 20]);
    expect(log.usesOf("v", "2022", 0)).toEqual([]);
  });

  it("drops a repeated batch only when every row of it was used before", () => {
    const log = new UseLog();
    log.run("v", "2023", 1, "grades", false).rows.push(1, 3, 5);
    // Opened again (another evaluation): 3 was used before, 4 was not.
    log.run("v", "2023", 1, "grades", false).rows.push(3, 4);
    expect(log.usesOf("v", "2023", 1)[0].rows).toEqual([1, 3, 5, 4]);
    expect(log.usesOf("v", "2023", 1)[0].schoolKeys).toBeNull();
    // The same batch twice (period_delta evaluates the previous period again): once.
    for (let k = 0; k < 2; k++) {
      const run = log.run("d", "2022", 0, "grades", true);
      run.rows.push(4, 6);
      run.schoolKeys?.push(`a${k}`, `b${k}`);
    }
    const [d] = log.usesOf("d", "2022", 0);
    expect(d.rows).toEqual([4, 6]);
    expect(d.schoolKeys).toEqual(["a0", "b0"]);
  });
});
