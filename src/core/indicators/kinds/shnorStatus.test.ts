import { indicatorHints } from "../hints";
import { fixture } from "../testing/fixtures";
import { pick, runKind } from "../testing/kinds";
import { shnorStatus } from "./shnorStatus";

const status = {
  id: "shnor_status",
  title: "Школа в группе ШНОР по итогам года",
  unit: "",
  kind: "shnor_status" as const,
  period: { kind: "year" as const, sheet: "procedures" as const },
  scope: ["school" as const],
};

describe("shnor_status", () => {
  const f = fixture().schools([{ name: "МБОУ СОШ № 1" }, { name: "МБОУ СОШ № 2", shnor: true }]);
  for (const year of [2021, 2022]) {
    // School 1: two low procedures (≥ 30 % «2») in each year; school 2: none.
    f.procedure("МБОУ СОШ № 1", year, "ВПР 5 кл. математика", 20, 8);
    f.procedure("МБОУ СОШ № 1", year, "ОГЭ математика", 10, 3);
    f.procedure("МБОУ СОШ № 2", year, "ВПР 5 кл. математика", 20, 2);
  }
  const run = runKind(status, f.build());

  it("per school and year: two low procedures make a ШНОР, none does not (the declared flag yields to the data)", () => {
    expect(pick(run.values, "shnor_status", "2022", "МБОУ СОШ № 1")).toMatchObject({ value: true, display: "да" });
    expect(pick(run.values, "shnor_status", "2022", "МБОУ СОШ № 2")).toMatchObject({ value: false, display: "нет" });
    expect(pick(run.values, "shnor_status", "2022", "МБОУ СОШ № 1").note).toMatch(/ВПР 5 кл\. математика/);
  });

  it("no municipal values and no formula: a school's status", () => {
    expect(run.values.some((v) => v.scope === "municipality")).toBe(false);
    expect(shnorStatus.formula).toBeUndefined();
    expect(shnorStatus.noFormula).toBe("значение: статус школы, а не показатель муниципалитета");
  });

  it("hints: a yes/no value, neither direction good", () => {
    expect(indicatorHints(run.spec)).toMatchObject({ valueType: "flag", better: null, numberFormat: "General" });
  });
});
