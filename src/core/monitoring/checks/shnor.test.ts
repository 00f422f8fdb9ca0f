import { cleanWorkbook, S2, setCell } from "../testing/testWorkbook";
import { shnorCheck } from "./shnor";
import { at, runMonitoringCheck } from "./testing/runCheck";

describe("monitoring check: shnor (SHNOR_MISMATCH)", () => {
  it("warns at the declared ШНОР cell when the procedures say otherwise, and says why", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Школы", "C3", "да");
    const issues = runMonitoringCheck(shnorCheck, wb);
    expect(at(issues)).toEqual(["Школы!C3 SHNOR_MISMATCH"]);
    expect(issues[0].message).toBe(
      `Ячейка C3 («ШНОР (да/нет)»): у школы «${S2}» указано «да», а по результатам процедур за 2021–2022 гг. ожидалось «нет». По итогам 2022 г. не ШНОР: в 2022 г. нет процедур с низкими результатами. Низкие результаты (доля «2» не менее 30 %) в 2022 г.: нет; в 2021 г.: нет.`,
    );
  });

  it("names the low results behind a computed ШНОР status", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Школы", "C2", "нет");
    const issues = runMonitoringCheck(shnorCheck, wb);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining(
        "По итогам 2022 г. ШНОР: низкие результаты и в 2021 г., и в 2022 г. Низкие результаты (доля «2» не менее 30 %) в 2022 г.: ОГЭ математика (33,3 %, 4 из 12); в 2021 г.: ВПР 5 кл. математика (40,0 %, 4 из 10).",
      ),
    ]);
  });

  it("says nothing when the declared flags agree", () => {
    expect(runMonitoringCheck(shnorCheck, cleanWorkbook())).toEqual([]);
  });
});
