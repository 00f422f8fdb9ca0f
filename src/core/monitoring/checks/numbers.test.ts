import { cleanWorkbook, setCell } from "../testing/testWorkbook";
import { numbersCheck } from "./numbers";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: numbers", () => {
  it("reports a text, a negative, a fraction of people, a percent where a count is due, a bad year", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "C2", "много");
    setCell(wb, "Кадры", "D3", -1);
    setCell(wb, "Кадры", "E4", 2.5);
    setCell(wb, "ГИА", "C2", "90 %");
    setCell(wb, "ГИА", "B3", "прошлый");
    setCell(wb, "Успеваемость", "B3", "2021/2023");
    const issues = runMonitoringCheck(numbersCheck, wb);
    expect(at(issues).sort()).toEqual([
      "ГИА!B3 NOT_A_NUMBER",
      "ГИА!C2 NOT_A_NUMBER",
      "Кадры!C2 NOT_A_NUMBER",
      "Кадры!D3 NEGATIVE",
      "Кадры!E4 NOT_INTEGER",
      "Успеваемость!B3 NOT_A_NUMBER",
    ]);
    const text = (cell: string, sheet: string) => issues.find((i) => i.cell === cell && i.sheet === sheet)?.message;
    expect(text("C2", "Кадры")).toBe("Ячейка C2 («Педагогов»): ожидалось целое число ≥ 0, найдено «много».");
    expect(text("D3", "Кадры")).toBe(
      "Ячейка D3 («Прошли КПК»): ожидалось целое число ≥ 0, найдено отрицательное «-1».",
    );
    expect(text("E4", "Кадры")).toMatch(/ожидалось целое число ≥ 0 \(количество человек\), найдено дробное «2.5»\.$/);
    expect(text("C2", "ГИА")).toMatch(/ожидалось целое число ≥ 0 \(количество, а не процент\), найдено «90 %»\.$/);
    expect(text("B3", "ГИА")).toBe("Ячейка B3 («Год»): ожидался год, например 2022, найдено «прошлый».");
    expect(text("B3", "Успеваемость")).toBe(
      "Ячейка B3 («Учебный год»): ожидался учебный год вида «2021/2022», найдено «2021/2023» (годы 2021 и 2023 идут не подряд).",
    );
  });

  it("accepts «12,5», «90 %» in a percent column and non-breaking spaces as thousands separators", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "I2", "22,5");
    setCell(wb, "Успеваемость", "C2", "1\u00A0000");
    setCell(wb, "Успеваемость", "D2", 950);
    expect(runMonitoringCheck(numbersCheck, wb)).toEqual([]);
  });
});
