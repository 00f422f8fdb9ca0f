import { FormulaError } from "../formula";
import { indicatorHints } from "../hints";
import { fixture } from "../testing/fixtures";
import { factOf, pick, RecordsFormulaBuilder, runKind, twinOf } from "../testing/kinds";
import { periodDelta } from "./periodDelta";

/** Рост числа отличников: Σ excellent of a school year minus the previous school year's. */
const growth = {
  id: "excellent_growth",
  title: "Рост числа отличников",
  unit: "чел.",
  kind: "period_delta" as const,
  numerator: { sheet: "grades" as const, op: "sum" as const, column: "excellent" },
  period: { kind: "school_year" as const },
  targets: [{ op: ">" as const, value: 0 }],
};

function data() {
  const f = fixture().schools([{ name: "МБОУ СОШ № 1" }, { name: "МБОУ СОШ № 2" }]);
  const g = (school: string, period: string, excellent: number) =>
    f.add("grades", { school, period, values: { assessed: 100, excellent, good: 0, failing: 0 } });
  g("МБОУ СОШ № 1", "2020/2021", 10);
  g("МБОУ СОШ № 2", "2020/2021", 5);
  g("МБОУ СОШ № 1", "2021/2022", 12);
  g("МБОУ СОШ № 2", "2021/2022", 6);
  g("МБОУ СОШ № 1", "2023/2024", 20); // 2022/2023 is missing
  return f.build();
}

describe("period_delta", () => {
  const d = data();
  const run = runKind(growth, d);

  it("the numerator of the period minus the previous period's: 18 − 15 = 3", () => {
    expect(pick(run.values, "excellent_growth", "2021/2022")).toMatchObject({ value: 3, display: "3 чел.", met: true });
  });

  it("«нет данных» for the first period and after a gap", () => {
    expect(pick(run.values, "excellent_growth", "2020/2021").value).toBeNull();
    expect(pick(run.values, "excellent_growth", "2023/2024").value).toBeNull();
  });

  it("formula twin: the two periods' sums subtracted, equal to the value", () => {
    const v = pick(run.values, "excellent_growth", "2021/2022");
    const twin = twinOf(run, d, v);
    expect(twin.text).toBe("SUM(grades:excellent@4,5)-SUM(grades:excellent@2,3)");
    expect(twin.result).toBe(3);
  });

  it("no formula without a previous period", () => {
    const v = { ...pick(run.values, "excellent_growth", "2021/2022"), period: "итог" };
    const b = new RecordsFormulaBuilder(d, run.uses);
    expect(() => periodDelta.formula!(b, run.spec, factOf(v))).toThrow(FormulaError);
  });

  it("hints: whole people, changes signed; a rise is good (target «> 0»)", () => {
    expect(indicatorHints(run.spec)).toMatchObject({
      better: "up",
      numberFormat: '0" чел."',
      deltaFormat: '+0" чел.";-0" чел.";0" чел."',
    });
  });
});
