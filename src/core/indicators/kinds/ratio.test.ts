import { TemplateSchema } from "../../template/schema";
import { indicatorHints } from "../hints";
import { fixture } from "../testing/fixtures";
import { pick, runKind, twinOf } from "../testing/kinds";

/** Процент качества знаний over «Успеваемость»: (excellent + good) / assessed × 100. */
const quality = {
  id: "quality",
  title: "Процент качества знаний",
  numerator: { sheet: "grades" as const, op: "sum" as const, columns: ["excellent", "good"] },
  denominator: { sheet: "grades" as const, op: "sum" as const, column: "assessed" },
  scale: 100,
  period: { kind: "school_year" as const },
  scope: ["municipality" as const, "school" as const],
  targets: [{ op: ">=" as const, value: 40 }],
};

function data() {
  const f = fixture().schools([{ name: "МБОУ СОШ № 1" }, { name: "МБОУ СОШ № 2" }]);
  const g = (school: string, period: string, assessed: number, excellent: number, good: number) =>
    f.add("grades", { school, period, values: { students: assessed, assessed, excellent, good, failing: 0 } });
  g("МБОУ СОШ № 1", "2021/2022", 100, 10, 30); // 40 %
  g("МБОУ СОШ № 2", "2021/2022", 300, 15, 45); // 20 %
  g("МБОУ СОШ № 1", "2022/2023", 0, 0, 0); // zero denominator alone
  return f.build();
}

describe("ratio", () => {
  const d = data();
  const run = runKind(quality, d);

  it("municipality: Σ numerators / Σ denominators × scale, with the target on the unrounded value", () => {
    const v = pick(run.values, "quality", "2021/2022");
    expect(v.value).toBeCloseTo((100 / 400) * 100, 10);
    expect([v.numerator, v.denominator, v.display, v.met]).toEqual([100, 400, "25,0 %", false]);
  });

  it("each school its own ratio, under its registered name", () => {
    expect(pick(run.values, "quality", "2021/2022", "МБОУ СОШ № 1")).toMatchObject({ value: 40, met: true });
    expect(pick(run.values, "quality", "2021/2022", "МБОУ СОШ № 2")).toMatchObject({ value: 20, met: false });
  });

  it("a zero denominator is «нет данных», never 0 %", () => {
    expect(pick(run.values, "quality", "2022/2023")).toMatchObject({ value: null, display: "нет данных", met: null });
  });

  it("formula twin: IF(denominator=0, «нет данных», numerator×100/denominator) over the rows the value used", () => {
    const v = pick(run.values, "quality", "2021/2022");
    const twin = twinOf(run, d, v);
    expect(twin.text).toBe(
      'IF(SUM(grades:assessed@2,3)=0,"нет данных",SUM(grades:excellent+good@2,3)*100/SUM(grades:assessed@2,3))',
    );
    expect(twin.result).toBeCloseTo(v.value as number, 12);
    expect(twinOf(run, d, pick(run.values, "quality", "2022/2023")).result).toBeNull();
  });

  it("without a denominator: numerator × scale, and its twin the scaled sum", () => {
    const count = runKind(
      {
        id: "events",
        title: "Мероприятий",
        unit: "ед.",
        numerator: { sheet: "events", op: "count", where: [{ column: "level", eq: "муниципальный" }] },
        period: { kind: "year" },
      },
      fixture()
        .add("events", { values: { date: new Date("2023-03-01T00:00:00Z"), level: "Муниципальный" } })
        .add("events", { values: { date: new Date("2023-04-01T00:00:00Z"), level: "школьный" } })
        .build(),
    );
    const v = pick(count.values, "events", "2023");
    expect([v.value, v.display]).toEqual([1, "1 ед."]);
    expect(indicatorHints(count.spec)).toMatchObject({
      numberFormat: '0" ед."',
      deltaFormat: '+0" ед.";-0" ед.";0" ед."',
    });
  });

  it("hints: a share in per cent with one decimal; a rise is good when its targets say «≥»", () => {
    expect(indicatorHints(run.spec)).toMatchObject({ better: "up", valueType: "number", numberFormat: '0.0" %"' });
    expect(indicatorHints({ ...run.spec, targets: [] }).better).toBeNull();
  });

  it("the schema asks a ratio for its numerator", () => {
    const r = TemplateSchema.safeParse({
      id: "t",
      title: "Т",
      period: { start: "2020-01-01", end: "2020-12-31" },
      indicators: [{ id: "x", title: "X", period: { kind: "year" } }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(["показатель «x»: нужен numerator"]);
  });
});
