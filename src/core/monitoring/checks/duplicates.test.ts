import { addRow, cleanWorkbook, S1, S2 } from "../testing/testWorkbook";
import { validateMonitoring } from "../validateMonitoring";
import { MONITORING_SHEETS } from "../sheets";
import { duplicatesCheck } from "./duplicates";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: duplicates (DUPLICATE_SCHOOL)", () => {
  it("reports the same school twice in one period, in any spelling, and leaves the later row out", () => {
    const wb = cleanWorkbook();
    const row = addRow(wb, "Процедуры", ["МБОУ СОШ № 2", 2021, "ВПР 5 кл. Русский язык", 20, 2, 8, 6, 4]);
    addRow(wb, "Процедуры", [S2, 2023, "ВПР 5 кл. русский язык", 20, 2, 8, 6, 4]);
    const issues = runMonitoringCheck(duplicatesCheck, wb);
    expect(at(issues)).toEqual([`Процедуры!A${row} DUPLICATE_SCHOOL`]);
    expect(issues[0].message).toBe(
      `Школа «МБОУ СОШ № 2» (2021, процедура «ВПР 5 кл. Русский язык») уже указана в строке 4 как «${S2}»; ожидалась одна строка на школу за период.`,
    );
    const { data } = validateMonitoring(wb, MONITORING_SHEETS, {}, [duplicatesCheck]);
    expect(data.records.procedures.find((r) => r.row === row)?.invalid).toContain("_duplicate");
  });

  it("on «Школы», one row per school", () => {
    const wb = cleanWorkbook();
    const row = addRow(wb, "Школы", [S1, "009", "нет", "нет", "нет", "да", "нет", null]);
    const issues = runMonitoringCheck(duplicatesCheck, wb);
    expect(issues.map((i) => i.message)).toEqual([
      `Школа «${S1}» уже указана в строке 2; ожидалась одна строка на школу.`,
    ]);
    expect(issues[0].row).toBe(row);
  });

  it("keys by the period's value: the same school year twice is reported, another year is not", () => {
    const wb = cleanWorkbook();
    const again = addRow(wb, "Успеваемость", ["СОШ № 2", "2021/2022", 10, 10, 1, 2, 0]);
    addRow(wb, "Успеваемость", [S2, "2022/2023", 10, 10, 1, 2, 0]);
    addRow(wb, "Кадры", [S2, 2023, 30, 30, 10, 5, 20, 25, 31, 0]);
    const dup = addRow(wb, "Кадры", [S2, 2022, 30, 30, 10, 5, 20, 25, 31, 0]);
    const issues = runMonitoringCheck(duplicatesCheck, wb);
    expect(at(issues)).toEqual([`Успеваемость!A${again} DUPLICATE_SCHOOL`, `Кадры!A${dup} DUPLICATE_SCHOOL`]);
    expect(issues.map((i) => [i.params.period, i.params.first_row])).toEqual([
      ["2021/2022", 3],
      ["2022", 3],
    ]);
  });
});
