import { cleanWorkbook, setCell } from "../testing/testWorkbook";
import { requiredCheck } from "./required";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: required (EMPTY_REQUIRED)", () => {
  it("reports a record's empty required cell, not an empty optional one", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "B3", null);
    setCell(wb, "Кадры", "J3", null);
    const issues = runMonitoringCheck(requiredCheck, wb);
    expect(at(issues)).toEqual(["Кадры!B3 EMPTY_REQUIRED"]);
    expect(issues[0].message).toBe(
      "Ячейка B3 («Год»): не заполнено обязательное поле; ожидалось значение, ячейка пуста.",
    );
  });
});
