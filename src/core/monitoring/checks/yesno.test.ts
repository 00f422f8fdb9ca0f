import { cleanWorkbook, setCell } from "../testing/testWorkbook";
import { yesNoCheck } from "./yesno";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: yesno (YES_NO_INVALID)", () => {
  it("reports a yes/no cell that holds something else", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Сеть", "C2", "возможно");
    const issues = runMonitoringCheck(yesNoCheck, wb);
    expect(at(issues)).toEqual(["Сеть!C2 YES_NO_INVALID"]);
    expect(issues[0].message).toBe(
      "Ячейка C2 («Сетевое взаимодействие со ШЛ (да/нет)»): ожидалось «да» или «нет», найдено «возможно».",
    );
  });

  it("accepts «+», «-», «1», «0» and TRUE/FALSE", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Сеть", "C2", true);
    setCell(wb, "Сеть", "D2", "НЕТ");
    expect(runMonitoringCheck(yesNoCheck, wb)).toEqual([]);
  });
});
