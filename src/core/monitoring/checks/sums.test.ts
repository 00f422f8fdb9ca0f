import { cleanWorkbook, setCell } from "../testing/testWorkbook";
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
});
