import { cleanWorkbook, sheetOf } from "../testing/testWorkbook";
import { columnsCheck } from "./columns";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: columns (MISSING_COLUMN)", () => {
  it("is an error for a required column and a warning for an optional one, at the header row", () => {
    const wb = cleanWorkbook();
    const staff = sheetOf(wb, "Кадры");
    staff.rows = staff.rows.map((r) => [r[0], r[1], r[3]]); // without «Педагогов» (required) and the optional ones
    const issues = runMonitoringCheck(columnsCheck, wb).filter((i) => i.sheet === "Кадры");
    expect(issues.find((i) => i.field === "teachers")).toMatchObject({
      severity: "error",
      cell: "A1",
    });
    expect(issues.find((i) => i.field === "vacancies")).toMatchObject({
      severity: "warning",
      cell: "A1",
    });
    expect(issues.find((i) => i.field === "vacancies")?.message).toBe(
      "Строка заголовков 1: нет столбца «Вакансий» (ожидался заголовок «Вакансий», «Количество вакансий»); показатели, которым он нужен, будут «нет данных».",
    );
  });

  it("a named sheet without a header row misses its required columns, without a cell", () => {
    const wb = cleanWorkbook();
    sheetOf(wb, "Сеть").rows = [["что-то"], ["ещё"]];
    const issues = runMonitoringCheck(columnsCheck, wb);
    expect(at(issues)).toEqual(["Сеть!null MISSING_COLUMN", "Сеть!null MISSING_COLUMN"]);
    expect(issues[0].message).toBe(
      "Лист «Сеть»: не найдена строка заголовков, нет обязательного столбца «ОО» (ожидался заголовок «ОО», «Школа», «Общеобразовательная организация»).",
    );
  });

  it("says nothing of a complete workbook", () => {
    expect(runMonitoringCheck(columnsCheck, cleanWorkbook())).toEqual([]);
  });
});
