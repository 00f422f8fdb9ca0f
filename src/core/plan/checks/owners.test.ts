import { ownersCheck } from "./owners";
import { at, HEADER, runPlanCheck } from "./testing/runCheck";

describe("plan check: owners (OWNER_UNKNOWN)", () => {
  it("names only the unknown part of an owner cell", () => {
    const issues = runPlanCheck(ownersCheck, [HEADER, ["1.", "А", "МБУ МЦ, Министерство юстиции", "Май 2021", "Итог"]]);
    expect(at(issues)).toEqual(["C2 OWNER_UNKNOWN"]);
    expect(issues[0].message).toBe(
      "Ответственный «Министерство юстиции» не найден в перечне организаций и сокращений проекта.",
    );
  });

  it("knows the template's organisations and the generic roles", () => {
    expect(
      runPlanCheck(ownersCheck, [HEADER, ["1.", "А", "Управление образования, руководители ОО", "Май 2021", "Итог"]]),
    ).toEqual([]);
  });
});
