import { indicatorHints } from "../hints";
import { fixture } from "../testing/fixtures";
import { runKind } from "../testing/kinds";
import { lowResult } from "./lowResult";

const low = {
  id: "low_result",
  title: "Низкий результат процедуры",
  kind: "low_result" as const,
  period: { kind: "year" as const, sheet: "procedures" as const },
  scope: ["school" as const],
};

describe("low_result", () => {
  const f = fixture().schools([{ name: "МБОУ СОШ № 1" }, { name: "МБОУ СОШ № 2" }]);
  f.procedure("МБОУ СОШ № 1", 2022, "ВПР 5 кл. математика", 10, 3); // 30.0 %: low
  f.procedure("МБОУ СОШ № 1", 2022, "ВПР 6 кл. русский язык", 1000, 299); // 29.9 %: not low
  f.procedure("МБОУ СОШ № 2", 2022, "ОГЭ математика", 20, 7); // 35 %: low
  const run = runKind(low, f.build());

  it("one value per school and low procedure, titled by the procedure; 30.0 % is low, 29.9 % is not", () => {
    expect(run.values.map((v) => [v.scope, v.procedure, v.display])).toEqual([
      ["МБОУ СОШ № 1", "ВПР 5 кл. математика", "30,0 %"],
      ["МБОУ СОШ № 2", "ОГЭ математика", "35,0 %"],
    ]);
    expect(run.values[0]).toMatchObject({
      title: "Низкий результат процедуры: ВПР 5 кл. математика",
      numerator: 3,
      denominator: 10,
    });
  });

  it("no formula; a falling share of «2» is good", () => {
    expect(lowResult.formula).toBeUndefined();
    expect(indicatorHints(run.spec)).toMatchObject({ better: "down", numberFormat: '0.0" %"' });
  });
});
