import { cleanWorkbook, setCell } from "../testing/testWorkbook";
import { formulasCheck } from "./formulas";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: formulas (FORMULA_ERROR)", () => {
  it("reports an error value in any column, with what the column expects", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "C2", { error: "#DIV/0!" });
    setCell(wb, "Школы", "C3", { error: "#REF!" });
    const issues = runMonitoringCheck(formulasCheck, wb);
    expect(at(issues).sort()).toEqual(["Кадры!C2 FORMULA_ERROR", "Школы!C3 FORMULA_ERROR"]);
    expect(issues.find((i) => i.sheet === "Школы")?.message).toBe(
      "Ячейка C3 («ШНОР (да/нет)»): ошибка формулы #REF!; ожидалось «да» или «нет».",
    );
  });

  it("says nothing of a workbook without errors", () => {
    expect(runMonitoringCheck(formulasCheck, cleanWorkbook())).toEqual([]);
  });
});
