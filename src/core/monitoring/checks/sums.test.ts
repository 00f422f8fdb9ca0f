import { addRow, cleanWorkbook, S3, setCell } from "../testing/testWorkbook";
import { sumsCheck } from "./sums";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: sums (SUM_MISMATCH)", () => {
  it("«Успеваемость»: отличники + ударники + неуспевающие > аттестовано", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Успеваемость", "E2", 80);
    const issues = runMonitoringCheck(sumsCheck, wb);
    expect(at(issues)).toEqual(["Успеваемость!D2 SUM_MISMATCH"]);
    expect(issues[0].message).toBe(
      "Строка 2: «Отличников» (E2) + «Ударников» (F2) + «Неуспевающих» (G2) = 115 больше, чем «Аттестовано» (D2) = 95; ожидалось не больше числа аттестованных.",
    );
  });

  it("«Процедуры»: the marks must add up to the participants; a part never exceeds the whole", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Процедуры", "F2", 4);
    setCell(wb, "Кадры", "D2", 25);
    const issues = runMonitoringCheck(sumsCheck, wb);
    expect(at(issues)).toEqual(["Процедуры!D2 SUM_MISMATCH", "Кадры!D2 SUM_MISMATCH"]);
    expect(issues.map((i) => i.message)).toEqual([
      "Строка 2: «2» / не преодолели порог (E2) + «3» (F2) + «4» (G2) + «5» (H2) = 11, а «Участников» (D2) = 10; ожидалось, что сумма отметок равна числу участников.",
      "Строка 2: «Прошли КПК» (D2) = 25 больше, чем «Педагогов» (C2) = 20; часть не может превышать целое.",
    ]);
  });

  it("«Процедуры»: ЕГЭ marks need not add up; some marks over the participants do not on any procedure", () => {
    const wb = cleanWorkbook();
    // ЕГЭ: the marks are not checked against the participants, only «2» (below the threshold) is.
    addRow(wb, "Процедуры", [S3, 2021, "ЕГЭ русский язык", 10, 1, 2, 3, 5]);
    const egeOver = addRow(wb, "Процедуры", [S3, 2023, "ЕГЭ математика профильная", 10, 12, null, null, null]);
    // Three marks given, more than the participants → reported as «over».
    const over = addRow(wb, "Процедуры", [S3, 2021, "ОГЭ математика", 5, 1, 3, 2, null]);
    // Two marks within the participants → nothing.
    addRow(wb, "Процедуры", [S3, 2023, "ОГЭ математика", 5, 1, 3, null, null]);
    const issues = runMonitoringCheck(sumsCheck, wb);
    expect(at(issues)).toEqual([`Процедуры!E${egeOver} SUM_MISMATCH`, `Процедуры!D${over} SUM_MISMATCH`]);
    expect(issues.map((i) => i.params.variant)).toEqual(["over", "over"]);
  });
});
