import { cleanWorkbook, S1, setCell } from "../testing/testWorkbook";
import { schoolsCheck } from "./schools";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: schools (UNKNOWN_SCHOOL)", () => {
  it("warns of a school the registry lacks and suggests the nearest name", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Успеваемость", "A2", "СОШ №1 с. Сокловка");
    const issues = runMonitoringCheck(schoolsCheck, wb);
    expect(at(issues)).toEqual(["Успеваемость!A2 UNKNOWN_SCHOOL"]);
    expect(issues[0].message).toBe(
      `Ячейка A2 («ОО»): школа «СОШ №1 с. Сокловка» не найдена в реестре на листе «Школы»; возможно, имелась в виду «${S1}».`,
    );
  });

  it("checks each school of an event's list, and knows other spellings", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Мероприятия", "E3", "ООШ пос Хор ; сош 2; Лицей №9");
    setCell(wb, "Кадры", "A2", "СОШ № 1 с.Соколовка");
    const issues = runMonitoringCheck(schoolsCheck, wb);
    expect(at(issues)).toEqual(["Мероприятия!E3 UNKNOWN_SCHOOL", "Мероприятия!E3 UNKNOWN_SCHOOL"]);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining("школа «ООШ пос Хор» не найдена"),
      expect.stringContaining("школа «Лицей №9» не найдена"),
    ]);
  });
});
