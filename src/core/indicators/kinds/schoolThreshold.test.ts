import { TemplateSchema } from "../../template/schema";
import { indicatorHints } from "../hints";
import { fixture } from "../testing/fixtures";
import { pick, runKind, twinOf } from "../testing/kinds";

/** КПК ≥ 32 ч: people per ШНОР/ШНСУ school, and the share of those schools with at least 5. */
const kpk = {
  id: "kpk_per_school",
  title: "КПК не менее 32 ч",
  unit: "%",
  schoolUnit: "чел.",
  kind: "school_threshold" as const,
  numerator: { sheet: "staff" as const, op: "sum" as const, column: "kpk32" },
  denominator: { sheet: "schools" as const, op: "count_schools" as const },
  threshold: 5,
  scale: 100,
  schools: "shnor_shnsu" as const,
  period: { kind: "year" as const },
  scope: ["municipality" as const, "school" as const],
  targets: [{ op: ">=" as const, value: 5, scope: "school" as const }],
};

describe("school_threshold", () => {
  const f = fixture().schools([
    { name: "МБОУ СОШ № 1", shnor: true },
    { name: "МБОУ СОШ № 2", shnsu: true },
    { name: "МБОУ СОШ № 3", shnor: true }, // no «Кадры» row: has not reached 5
    { name: "МБОУ СОШ № 4" }, // neither ШНОР nor ШНСУ: not counted
  ]);
  const staff = (school: string, kpk32: number) =>
    f.add("staff", { school, period: "2023", values: { teachers: 20, kpk: 20, kpk32 } });
  staff("МБОУ СОШ № 1", 6);
  staff("МБОУ СОШ № 2", 4);
  staff("МБОУ СОШ № 4", 9);
  const d = f.build();
  const run = runKind(kpk, d);

  it("per school the numerator; municipality the share of the filter's schools reaching the threshold", () => {
    expect(pick(run.values, "kpk_per_school", "2023", "МБОУ СОШ № 1")).toMatchObject({
      value: 6,
      display: "6 чел.",
      met: true,
    });
    expect(pick(run.values, "kpk_per_school", "2023", "МБОУ СОШ № 2")).toMatchObject({ value: 4, met: false });
    const m = pick(run.values, "kpk_per_school", "2023");
    expect(m.value).toBeCloseTo(100 / 3, 10);
    expect([m.numerator, m.denominator]).toEqual([1, 3]);
  });

  it("formula twin: COUNTIF(≥ 5) / COUNT over the counted schools' figures, equal to the value", () => {
    const m = pick(run.values, "kpk_per_school", "2023");
    const twin = twinOf(run, d, m);
    expect(twin.text).toBe(
      'IF(COUNT(F(schools@2,3,4))=0,"нет данных",COUNTIF(F(schools@2,3,4),">=5")*100/COUNT(F(schools@2,3,4)))',
    );
    expect(twin.result).toBeCloseTo(m.value as number, 12);
  });

  it("hints: municipal per cent, per-school whole people", () => {
    expect(indicatorHints(run.spec)).toMatchObject({ numberFormat: '0.0" %"', schoolNumberFormat: '0" чел."' });
  });

  it("the schema asks for threshold and denominator", () => {
    const r = TemplateSchema.safeParse({
      id: "t",
      title: "Т",
      period: { start: "2020-01-01", end: "2020-12-31" },
      indicators: [{ ...kpk, threshold: undefined }],
    });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["indicators.0.threshold", "показатель «kpk_per_school»: нужны threshold и denominator"],
    ]);
  });
});
