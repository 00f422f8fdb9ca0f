import { placeSheets, renamer } from "./placement";

describe("placeSheets", () => {
  const sheets = [
    { name: "Дашборд", role: "dashboard" as const },
    { name: "Отчёт ФЛК", role: "flk" as const },
  ];

  it("keeps the logical names in a workbook without them", () => {
    const p = placeSheets(sheets, ["Школы"], []);
    expect(p.sheets.map((s) => s.actual)).toEqual(["Дашборд", "Отчёт ФЛК"]);
    expect(p.renamed).toEqual([]);
    expect(p.rewrite("'Дашборд'!A1")).toBe("'Дашборд'!A1");
  });

  it("skips a user's sheet of the same name (any case) and reuses Sverka's own", () => {
    const p = placeSheets(sheets, ["дашборд", "Дашборд (2)", "Отчёт ФЛК"], ["Отчёт ФЛК"]);
    expect(p.sheets.map((s) => s.actual)).toEqual(["Дашборд (3)", "Отчёт ФЛК"]);
    expect(p.renamed).toEqual([{ logical: "Дашборд", actual: "Дашборд (3)", role: "dashboard" }]);
    expect(p.rewrite("=SUM('Дашборд'!A1,'Отчёт ФЛК'!B2)")).toBe("=SUM('Дашборд (3)'!A1,'Отчёт ФЛК'!B2)");
  });

  it("keeps names within Excel's 31 characters", () => {
    const long = "Очень длинное название листа 31";
    const p = placeSheets([{ name: long }], [long], []);
    expect(p.sheets[0].actual).toBe(`${long.slice(0, 27)} (2)`);
    expect(p.sheets[0].actual.length).toBeLessThanOrEqual(31);
  });

  it("rewrites only quoted sheet references", () => {
    const r = renamer(new Map([["Дашборд", "Дашборд (2)"]]));
    expect(r("'Дашборд'!$E$7 и Дашборд")).toBe("'Дашборд (2)'!$E$7 и Дашборд");
  });
});
