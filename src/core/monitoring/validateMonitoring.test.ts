import { localizeIssue } from "../../i18n/issueMessages";
import type { WorkbookData } from "../model/sheet";
import type { RenderedIssue as Issue } from "../report/issue";
import type { DataSheetSpec } from "../template/schema";
import { MONITORING_SHEETS } from "./sheets";
import { addRow, cleanWorkbook, S1, S2, S3, setCell, sheetOf, type MutableWorkbook } from "./testing/testWorkbook";
import { validateMonitoring } from "./validateMonitoring";

/** The check, its messages rendered in Russian. */
function run(wb: WorkbookData, specs: readonly DataSheetSpec[] = MONITORING_SHEETS) {
  const res = validateMonitoring(wb, specs);
  return { ...res, issues: res.issues.map((i) => localizeIssue(i, "ru")) };
}

function only(issues: Issue[], code: Issue["code"]): Issue[] {
  return issues.filter((i) => i.code === code);
}

/** The issues after breaking one cell: exactly one, at that cell. */
function oneIssue(wb: MutableWorkbook, sheet: string, cell: string): Issue {
  const { issues } = run(wb);
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatchObject({ sheet, cell });
  return issues[0];
}

describe("validateMonitoring: a clean workbook", () => {
  const res = run(cleanWorkbook());

  it("raises nothing", () => {
    expect(res.issues).toEqual([]);
  });

  it("finds all seven sheets with their header rows and records", () => {
    expect(res.sheets).toEqual([
      { name: "Школы", id: "schools", headerRow: 1, rows: 3 },
      { name: "Успеваемость", id: "grades", headerRow: 1, rows: 3 },
      { name: "Процедуры", id: "procedures", headerRow: 1, rows: 5 },
      { name: "Кадры", id: "staff", headerRow: 1, rows: 3 },
      { name: "Сеть", id: "network", headerRow: 1, rows: 3 },
      { name: "ГИА", id: "gia", headerRow: 1, rows: 3 },
      { name: "Мероприятия", id: "events", headerRow: 1, rows: 2 },
    ]);
    expect(Object.keys(res.data.present).sort()).toEqual([
      "events",
      "gia",
      "grades",
      "network",
      "procedures",
      "schools",
      "staff",
    ]);
    expect(res.data.present.staff?.columns).toHaveLength(10);
  });

  it("fills the registry", () => {
    expect(
      res.data.schools.map((s) => [s.name, s.shnor, s.shnsu, s.leader, s.participant, s.unobjective, s.level]),
    ).toEqual([
      [S1, true, false, false, true, false, "Умеренно неуспевающие"],
      [S2, false, true, false, true, false, null],
      [S3, false, false, true, false, false, null],
    ]);
  });

  it("stores typed values, periods and registered names", () => {
    const g = res.data.records.grades[0];
    expect(g).toMatchObject({ sheetName: "Успеваемость", row: 2, school: S1, period: "2021/2022", invalid: [] });
    expect(g.values).toEqual({
      school: S1,
      school_year: "2021/2022",
      students: 100,
      assessed: 95,
      excellent: 10,
      good: 30,
      failing: 5,
    });
    const p = res.data.records.procedures[3];
    expect(p.values).toMatchObject({
      year: 2022,
      procedure: "ЕГЭ математика профильная",
      participants: 8,
      m2: 1,
      m3: null,
    });
    expect(p.period).toBe("2022");
    expect(res.data.records.staff[0].values).toMatchObject({ posts: 22.5, vacancies: 1 });
    expect(res.data.records.network[2].values).toMatchObject({
      network: true,
      agreement: false,
      program: true,
      program_online: false,
    });
    const e = res.data.records.events[1];
    expect(e).toMatchObject({ school: null, schoolKey: null, period: "2022" });
    expect(e.values.date).toEqual(new Date(Date.UTC(2022, 9, 20)));
    expect(e.values.level).toBe("муниципальный");
    expect(res.data.records.events[0].schoolList?.map((s) => s.name)).toEqual([S1, S2]);
  });
});

describe("finding the sheets", () => {
  it("by another name, in any case, and by headers under a title", () => {
    const wb = cleanWorkbook();
    const staff = sheetOf(wb, "Кадры");
    const gia = sheetOf(wb, "ГИА");
    gia.rows.unshift(["Результаты ГИА выпускников", null], []);
    wb.sheets = wb.sheets.map((s) =>
      s === staff ? { ...s, name: "ПЕДАГОГИ" } : s === gia ? { ...s, name: "Лист7" } : s,
    );
    const res = run(wb);
    expect(res.issues).toEqual([]);
    expect(res.sheets.find((s) => s.id === "staff")?.name).toBe("ПЕДАГОГИ");
    expect(res.sheets.find((s) => s.id === "gia")).toEqual({ name: "Лист7", id: "gia", headerRow: 3, rows: 3 });
    expect(res.data.records.gia[0].row).toBe(4);
  });

  it("skips Sverka's own sheets and plan sheets, and leaves a missing sheet absent", () => {
    const wb = cleanWorkbook();
    wb.sheets = wb.sheets.filter((s) => s.name !== "Сеть");
    wb.sheets.push({ name: "Отчёт ФЛК", rows: [["ОО", "Год", "Педагогов", "Прошли КПК"]] });
    wb.sheets.push({
      name: "План",
      rows: [
        ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат", "Участники", "Дата выполнения"],
        ["1", "Семинар", "Март 2022", "УО", "Проведён", S1, "15.03.2022"],
      ],
    });
    const res = run(wb);
    expect(res.issues).toEqual([]);
    expect(res.data.present.network).toBeUndefined();
    expect(res.data.records.network).toEqual([]);
    expect(res.sheets.map((s) => s.name)).not.toContain("План");
    expect(res.sheets.map((s) => s.name)).not.toContain("Отчёт ФЛК");
  });
});

describe("MISSING_COLUMN", () => {
  it("a named sheet without a header row misses its required columns", () => {
    const wb = cleanWorkbook();
    sheetOf(wb, "Кадры").rows.shift();
    const res = run(wb);
    expect(res.issues.map((i) => [i.code, i.severity, i.sheet, i.cell, i.field])).toEqual([
      ["MISSING_COLUMN", "error", "Кадры", null, "school"],
      ["MISSING_COLUMN", "error", "Кадры", null, "year"],
      ["MISSING_COLUMN", "error", "Кадры", null, "teachers"],
    ]);
    expect(res.issues[0].message).toMatch(/не найдена строка заголовков/);
    expect(res.data.present.staff).toBeUndefined();
  });

  it("a sheet with an unknown name is not taken by headers unless its required columns are there", () => {
    const wb = cleanWorkbook();
    const staff = sheetOf(wb, "Кадры");
    staff.rows[0][2] = "Всего работников";
    wb.sheets = wb.sheets.map((s) => (s === staff ? { ...s, name: "Лист1" } : s));
    const res = run(wb);
    expect(res.data.present.staff).toBeUndefined();
    expect(res.issues).toEqual([]);
  });

  it("is an error for a required column", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Процедуры", "D1", "Примечание");
    const res = run(wb);
    const i = only(res.issues, "MISSING_COLUMN");
    expect(i).toHaveLength(1);
    expect(i[0]).toMatchObject({ severity: "error", sheet: "Процедуры", row: 1, field: "participants" });
    expect(i[0].message).toMatch(/обязательный столбец «Участников»/);
  });

  it("is a warning for an optional column, whose values are «нет данных»", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Школы", "B1", "Примечание");
    const res = run(wb);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]).toMatchObject({ code: "MISSING_COLUMN", severity: "warning", sheet: "Школы", field: "code" });
    expect(res.issues[0].message).toMatch(/«нет данных»/);
    expect(res.data.records.schools[0].values.code).toBeNull();
  });
});

describe("cell checks name the cell, what was expected and what was found", () => {
  it("EMPTY_REQUIRED for a record without its year; a row with only a school is still a record", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "B3", null);
    const i = oneIssue(wb, "Кадры", "B3");
    expect(i).toMatchObject({ code: "EMPTY_REQUIRED", severity: "error", field: "year", row: 3, column: "B" });
    expect(i.message).toMatch(/B3 \(«Год»\)/);
    expect(i.message).not.toMatch(/««/);

    const wb2 = cleanWorkbook();
    addRow(wb2, "Кадры", [S3]);
    const res = run(wb2);
    expect(res.issues.map((x) => [x.code, x.cell])).toEqual([
      ["EMPTY_REQUIRED", "B5"],
      ["EMPTY_REQUIRED", "C5"],
    ]);
    expect(res.data.records.staff).toHaveLength(4);
  });

  it("NOT_A_NUMBER", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "C2", "много");
    const i = oneIssue(wb, "Кадры", "C2");
    expect(i).toMatchObject({ code: "NOT_A_NUMBER", severity: "error", field: "teachers" });
    expect(i.message).toBe("Ячейка C2 («Педагогов»): ожидалось целое число ≥ 0, найдено «много».");
  });

  it("NEGATIVE", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Успеваемость", "E3", "−5");
    expect(oneIssue(wb, "Успеваемость", "E3")).toMatchObject({ code: "NEGATIVE", field: "excellent" });
  });

  it("NOT_INTEGER for counts, but not for numbers", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "D2", "12,5");
    setCell(wb, "Кадры", "I2", "12,5");
    const i = oneIssue(wb, "Кадры", "D2");
    expect(i).toMatchObject({ code: "NOT_INTEGER", field: "kpk" });
    expect(i.message).toMatch(/найдено дробное «12,5»/);
  });

  it("PERCENT_RANGE for a value written with «%» outside 0–100 and for percent columns", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "D2", "120 %");
    expect(oneIssue(wb, "Кадры", "D2")).toMatchObject({ code: "PERCENT_RANGE", field: "kpk" });

    const spec: DataSheetSpec = {
      id: "custom",
      name: "Доли",
      sheetNames: [],
      key: [],
      columns: [
        { id: "school", title: "ОО", aliases: [], required: true, type: "school" },
        { id: "year", title: "Год", aliases: [], required: true, type: "year" },
        { id: "share", title: "Доля", aliases: [], required: false, type: "percent" },
      ],
    };
    const custom: MutableWorkbook = {
      name: "x.xlsx",
      sheets: [
        {
          name: "Доли",
          rows: [
            ["ОО", "Год", "Доля"],
            [S1, 2022, "90 %"],
            [S2, 2022, 101],
            [S3, 2022, 0.5],
          ],
          formats: [undefined, undefined, undefined, [undefined, undefined, "0%"]],
        },
      ],
    };
    const res = run(custom, [spec]);
    expect(res.issues.map((x) => [x.code, x.cell])).toEqual([["PERCENT_RANGE", "C3"]]);
    expect(res.issues[0].message).toMatch(/ожидался процент от 0 до 100, найдено «101»/);
    expect(res.sheets).toEqual([{ name: "Доли", id: "custom", headerRow: 1, rows: 3 }]);
    expect(res.data.present).toEqual({});
  });

  it("an event date that is no date", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Мероприятия", "A3", "в октябре");
    setCell(wb, "Мероприятия", "A2", "15.03.2022");
    const res = run(wb);
    expect(res.issues.map((i) => [i.code, i.cell])).toEqual([["DUE_UNPARSED", "A3"]]);
    expect(res.issues[0].message).toMatch(/ожидалась дата вида 15\.03\.2023, найдено «в октябре»/);
    expect(res.data.records.events[0].values.date).toEqual(new Date(Date.UTC(2022, 2, 15)));
    expect(res.data.records.events[1]).toMatchObject({ period: null, invalid: ["date"] });
  });

  it("a percent in a count column is not a count", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "D2", "90 %");
    expect(oneIssue(wb, "Кадры", "D2")).toMatchObject({ code: "NOT_A_NUMBER", field: "kpk" });
  });

  it("FORMULA_ERROR, not NOT_A_NUMBER, for an error value in any column", () => {
    for (const [sheet, cell, field] of [
      ["Успеваемость", "D2", "assessed"],
      ["Школы", "C3", "shnor"],
      ["Процедуры", "C2", "procedure"],
    ] as const) {
      const wb = cleanWorkbook();
      setCell(wb, sheet, cell, { error: "#DIV/0!" });
      const { issues, data } = run(wb);
      const fe = only(issues, "FORMULA_ERROR");
      expect(fe).toHaveLength(1);
      expect(fe[0]).toMatchObject({ sheet, cell, field, severity: "error" });
      expect(fe[0].message).toMatch(/#DIV\/0!/);
      expect(only(issues, "NOT_A_NUMBER")).toEqual([]);
      if (sheet === "Успеваемость") expect(data.records.grades[0].invalid).toEqual(["assessed"]);
    }
  });

  it("YES_NO_INVALID", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Сеть", "D3", "может быть");
    const i = oneIssue(wb, "Сеть", "D3");
    expect(i).toMatchObject({ code: "YES_NO_INVALID", field: "agreement" });
    expect(i.message).toMatch(/ожидалось «да» или «нет», найдено «может быть»/);
  });

  it("a bad school year or year", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Успеваемость", "B2", "2021/2023");
    setCell(wb, "Сеть", "B2", "прошлый");
    const { issues } = run(wb);
    expect(issues.map((x) => [x.code, x.sheet, x.cell])).toEqual([
      ["NOT_A_NUMBER", "Успеваемость", "B2"],
      ["NOT_A_NUMBER", "Сеть", "B2"],
    ]);
    expect(issues[0].message).toMatch(/годы 2021 и 2023 идут не подряд/);
  });

  it("parses «12,5», «90 %», «1 050» with NBSP, spelled school years and years", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "I2", "12,5");
    setCell(wb, "Успеваемость", "C2", "1\u00A0050");
    setCell(wb, "Успеваемость", "D2", "1 000");
    setCell(wb, "Успеваемость", "B2", "2021–2022 уч. год");
    setCell(wb, "Кадры", "B2", "2022 г.");
    const res = run(wb);
    expect(res.issues).toEqual([]);
    expect(res.data.records.staff[0].values.posts).toBe(12.5);
    expect(res.data.records.staff[0].period).toBe("2022");
    expect(res.data.records.grades[0].values).toMatchObject({
      students: 1050,
      assessed: 1000,
      school_year: "2021/2022",
    });
  });

  it("records with invalid values carry `invalid` and null values", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "C3", "тридцать");
    setCell(wb, "Кадры", "D3", -1);
    const rec = run(wb).data.records.staff[1];
    expect(rec.invalid).toEqual(["teachers", "kpk"]);
    expect(rec.values.teachers).toBeNull();
    expect(rec.values.kpk).toBeNull();
  });

  it("dashes stand for «no value»", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Процедуры", "F5", "—");
    setCell(wb, "ГИА", "E4", "-");
    const res = run(wb);
    expect(res.issues).toEqual([]);
    expect(res.data.records.procedures[3].values.m3).toBeNull();
  });
});

describe("SUM_MISMATCH", () => {
  it("«Успеваемость»: отличники + ударники + неуспевающие > аттестовано", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Успеваемость", "F2", 90);
    const res = run(wb);
    const i = oneIssue(wb, "Успеваемость", "D2");
    expect(i).toMatchObject({ code: "SUM_MISMATCH", field: "assessed" });
    expect(i.message).toMatch(
      /«Отличников» \(E2\) \+ «Ударников» \(F2\) \+ «Неуспевающих» \(G2\) = 105 больше, чем «Аттестовано» \(D2\) = 95/,
    );
    expect(res.data.records.grades[0].invalid).toEqual(["_sum", "excellent", "good", "failing", "assessed"]);
  });

  it("«Успеваемость»: аттестовано > обучающихся", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Успеваемость", "C3", 150);
    expect(oneIssue(wb, "Успеваемость", "D3")).toMatchObject({ code: "SUM_MISMATCH" });
  });

  it("«Процедуры»: «2»+«3»+«4»+«5» ≠ участников", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Процедуры", "D2", 11);
    const i = oneIssue(wb, "Процедуры", "D2");
    expect(i.message).toMatch(/= 10, а «Участников» \(D2\) = 11/);
    expect(run(wb).data.records.procedures[0].invalid).toContain("_sum");
  });

  it("«Процедуры»: ЕГЭ rows and rows with only participants and «2» are exempt from the sum", () => {
    const wb = cleanWorkbook();
    addRow(wb, "Процедуры", [S2, 2022, "ЕГЭ русский язык", 8, 1, 3, 2, 0]);
    addRow(wb, "Процедуры", [S3, 2021, "ОГЭ математика", 9, 2, null, null, null]);
    const res = run(wb);
    expect(res.issues).toEqual([]);
  });

  it("«Процедуры»: «2» > участников always, also for ЕГЭ", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Процедуры", "E5", 9);
    const i = oneIssue(wb, "Процедуры", "E5");
    expect(i).toMatchObject({ code: "SUM_MISMATCH", field: "m2" });
    expect(i.message).toMatch(/ «2» \/ не преодолели порог \(E5\) = 9 больше, чем «Участников» \(D5\) = 8/);
  });

  it("«Кадры»: each part > педагогов, вакансий > ставок", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "H2", 21);
    setCell(wb, "Кадры", "J3", 40);
    const { issues, data } = run(wb);
    expect(issues.map((x) => [x.code, x.cell, x.field])).toEqual([
      ["SUM_MISMATCH", "H2", "in_project"],
      ["SUM_MISMATCH", "J3", "vacancies"],
    ]);
    expect(data.records.staff[0].invalid).toEqual(["_sum", "in_project", "teachers"]);
  });

  it("«ГИА»: ОГЭ ≥ 12 > выпускников 9 кл., ЕГЭ > выпускников 11 кл.", () => {
    const wb = cleanWorkbook();
    setCell(wb, "ГИА", "D2", 21);
    setCell(wb, "ГИА", "G3", 21);
    expect(run(wb).issues.map((x) => [x.code, x.cell])).toEqual([
      ["SUM_MISMATCH", "D2"],
      ["SUM_MISMATCH", "G3"],
    ]);
  });
});

describe("schools", () => {
  it("matches names in different spellings and stores the registered name", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Кадры", "A2", "СОШ № 1 с.Соколовка");
    setCell(
      wb,
      "Процедуры",
      "A2",
      "муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа №1 с. Соколовка",
    );
    setCell(wb, "Мероприятия", "E3", "ООШ пос Хор ; сош 2");
    const res = run(wb);
    expect(only(res.issues, "UNKNOWN_SCHOOL").map((i) => i.message)).toEqual([expect.stringMatching(/«ООШ пос Хор»/)]);
    expect(res.data.records.staff[0].school).toBe(S1);
    expect(res.data.records.staff[0].values.school).toBe("СОШ № 1 с.Соколовка");
    expect(res.data.records.procedures[0].school).toBe(S1);
  });

  it("UNKNOWN_SCHOOL suggests the nearest registered name", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Сеть", "A3", "СОШ №2 с. Сокол");
    setCell(wb, "Успеваемость", "A2", "СОШ №1 с. Сокловка");
    const { issues, data } = run(wb);
    expect(issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["UNKNOWN_SCHOOL", "warning", "Успеваемость", "A2"],
      ["UNKNOWN_SCHOOL", "warning", "Сеть", "A3"],
    ]);
    expect(issues[0].message).toBe(
      `Ячейка A2 («ОО»): школа «СОШ №1 с. Сокловка» не найдена в реестре на листе «Школы»; возможно, имелась в виду «${S1}».`,
    );
    expect(issues[1].message).toMatch(/возможно, имелась в виду «МБОУ СОШ №2»/);
    expect(data.records.grades[0].school).toBe("СОШ №1 с. Сокловка");
  });

  it("checks each school of an event separately", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Мероприятия", "E2", `${S1}; Лицей «Ступени»; СОШ №22`);
    const i = only(run(wb).issues, "UNKNOWN_SCHOOL");
    expect(i.map((x) => x.cell)).toEqual(["E2", "E2"]);
    expect(i[0].message).toMatch(/«Лицей «Ступени»» не найдена/);
    expect(i[1].message).toMatch(/«СОШ №22»/);
  });

  it("without «Школы» the check is skipped", () => {
    const wb = cleanWorkbook();
    wb.sheets = wb.sheets.filter((s) => s.name !== "Школы");
    setCell(wb, "Кадры", "A2", "Совсем другая школа");
    const res = run(wb);
    expect(res.issues).toEqual([]);
    expect(res.data.schools).toEqual([]);
    expect(res.data.present.schools).toBeUndefined();
  });

  it("DUPLICATE_SCHOOL on «Школы», in any spelling", () => {
    const wb = cleanWorkbook();
    const row = addRow(wb, "Школы", ['МБОУ "СОШ № 2"', "004", "нет", "нет", "нет", "нет", "нет", null]);
    const { issues, data } = run(wb);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "DUPLICATE_SCHOOL", severity: "error", sheet: "Школы", cell: `A${row}` });
    expect(issues[0].message).toMatch(/уже указана в строке 3 как «МБОУ СОШ №2»/);
    expect(data.schools).toHaveLength(3);
  });

  it("DUPLICATE_SCHOOL in one period of a per-school sheet, not across periods", () => {
    const wb = cleanWorkbook();
    addRow(wb, "Кадры", [S2, 2021, 30, 30, 10, 5, 20, 25, 31, 0]);
    const dup = addRow(wb, "Кадры", ["СОШ №2", "2022", 30, 30, 10, 5, 20, 25, 31, 0]);
    addRow(wb, "Процедуры", [S1, 2022, "ОГЭ русский язык", 12, 0, 6, 6, 0]);
    const dupProc = addRow(wb, "Процедуры", [S1, 2022, "ОГЭ: математика", 12, 4, 6, 2, 0]);
    const { issues, data } = run(wb);
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["DUPLICATE_SCHOOL", "Процедуры", `A${dupProc}`],
      ["DUPLICATE_SCHOOL", "Кадры", `A${dup}`],
    ]);
    expect(issues[1].message).toMatch(/\(2022\) уже указана в строке 3/);
    expect(data.records.staff.find((r) => r.row === dup)?.invalid).toEqual(["_duplicate"]);
  });
});

describe("SHNOR_MISMATCH", () => {
  it("warns at the ШНОР cell when the declared flag differs from the computed status", () => {
    const wb = cleanWorkbook();
    setCell(wb, "Школы", "C3", "да"); // school 2: nothing low in 2021–2022
    setCell(wb, "Школы", "C2", "нет"); // school 1: low in 2021 and 2022
    setCell(wb, "Школы", "C4", "да"); // school 3: only 2022 → not computable, no warning
    const { issues } = run(wb);
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["SHNOR_MISMATCH", "warning", "C2"],
      ["SHNOR_MISMATCH", "warning", "C3"],
    ]);
    expect(issues[0].message).toMatch(/указано «нет», а по результатам процедур за 2021–2022 гг\. ожидалось «да»/);
    expect(issues[0].message).toMatch(/ВПР 5 кл\. математика \(40,0 %, 4 из 10\)/);
    expect(issues[0].message).toMatch(/ОГЭ математика \(33,3 %, 4 из 12\)/);
  });

  it("uses the latest year with data for Y and Y−1", () => {
    const wb = cleanWorkbook();
    // School 3 gets 2021 data with a low result: then 2022 (one low? no: «2» 1 of 9) decides → not ШНОР.
    addRow(wb, "Процедуры", [S3, 2021, "ВПР 6 кл. математика", 10, 5, 3, 2, 0]);
    addRow(wb, "Процедуры", [S3, 2020, "ВПР 6 кл. русский язык", 10, 5, 3, 2, 0]);
    setCell(wb, "Школы", "C4", "да");
    const { issues } = run(wb);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "SHNOR_MISMATCH", cell: "C4" });
    expect(issues[0].message).toMatch(/за 2021–2022 гг\./);
  });
});

describe("rows", () => {
  it("skips empty and totals rows and repeats a vertically merged school", () => {
    const wb = cleanWorkbook();
    const p = sheetOf(wb, "Процедуры");
    // Rows 2–3 of school 1 merged in column A.
    p.rows[2][0] = null;
    p.merges = [{ top: 2, left: 1, bottom: 3, right: 1 }];
    addRow(wb, "Процедуры", []);
    addRow(wb, "Процедуры", ["Итого", null, null, 59, 12, 21, 13, 6]);
    const res = run(wb);
    expect(res.issues).toEqual([]);
    expect(res.data.records.procedures).toHaveLength(5);
    expect(res.data.records.procedures[1]).toMatchObject({ row: 3, school: S1 });
  });

  it("an event titled «Итог …» with a date is an event; a dateless «Итого» row is not", () => {
    const wb = cleanWorkbook();
    addRow(wb, "Мероприятия", [
      new Date(Date.UTC(2022, 11, 20)),
      "Итог года: педагогический совет",
      "муниципальный",
      S1,
      S1,
    ]);
    addRow(wb, "Мероприятия", [null, "Итого: 3", null, null, null]);
    const res = run(wb);
    expect(res.issues).toEqual([]);
    expect(res.data.records.events).toHaveLength(3);
  });
});

describe("validateMonitoring: record values", () => {
  it("are plain objects with every column of the sheet's spec, in the spec's order, on every run", () => {
    const first = run(cleanWorkbook()).data.records;
    const again = run(cleanWorkbook()).data.records;
    for (const spec of MONITORING_SHEETS) {
      const id = spec.id as keyof typeof first;
      expect(first[id].length).toBeGreaterThan(0);
      for (const r of [...first[id], ...again[id]]) {
        expect(Object.getPrototypeOf(r.values)).toBe(Object.prototype);
        expect(Object.keys(r.values)).toEqual(spec.columns.map((c) => c.id));
      }
    }
    // A fresh check of the same workbook parses the same values.
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });
});
