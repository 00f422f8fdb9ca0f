import { cleanWorkbook, setCell } from "../testing/testWorkbook";
import { datesCheck } from "./dates";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: dates (DUE_UNPARSED)", () => {
  it("reports an event date that is no date", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Мероприятия", "A2", "весной");
    const issues = runMonitoringCheck(datesCheck, wb);
    expect(at(issues)).toEqual(["Мероприятия!A2 DUE_UNPARSED"]);
    expect(issues[0].message).toBe("Ячейка A2 («Дата»): ожидалась дата вида 15.03.2023, найдено «весной».");
  });

  it("accepts dd.mm.yyyy text", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Мероприятия", "A2", "15.03.2022");
    expect(runMonitoringCheck(datesCheck, wb)).toEqual([]);
  });
});
