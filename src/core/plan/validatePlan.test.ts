import fc from "fast-check";
import { gridWorkbook } from "../../../samples/toWorkbook";
import type { SampleCell } from "../../../samples/types";
import { computePlanDone } from "../indicators/planDone";
import { BUILTIN_TEMPLATES, findTemplate } from "../templates";
import { validateWorkbook } from "../validate";
import { localizeReport } from "../../i18n/issueMessages";
import { taskKey } from "./validatePlan";

const ivanovo = findTemplate("ivanovo-2020")!;
const effektivnaya = findTemplate("effektivnaya-shkola-2023")!;

const HEADER = ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки", "Ожидаемый результат"];
const MON_HEADER = [...HEADER, "Статус", "Дата выполнения"];

function check(rows: SampleCell[][], template = ivanovo, asOf = "2021-06-30") {
  const wb = gridWorkbook("t.xlsx", rows);
  const r = validateWorkbook(wb, { template, templates: BUILTIN_TEMPLATES, asOf });
  return { ...r, report: localizeReport(r.report, "ru") };
}
const codes = (rows: SampleCell[][], template = ivanovo, asOf = "2021-06-30") =>
  check(rows, template, asOf).report.issues.map((i) => `${i.cell} ${i.code}`);

describe("validatePlanSheet", () => {
  it("a clean plan raises nothing", () => {
    const r = check([
      ["План реализации Проекта"],
      HEADER,
      ["Вводный этап"],
      ["1.", "Формирование списка школ", "Управление образования", "Сентябрь 2020", "Созданы списки"],
      ["2.", "Сбор заявок", "МБУ МЦ", "Сентябрь 2020-май 2021", "Сформирован банк заявок"],
    ]);
    expect(r.report.issues).toEqual([]);
    expect(r.report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(r.report.sheets[0]).toMatchObject({ kind: "plan", header_row: 2, activities: 2, rows: 3 });
  });

  it("reports empty required cells with their A1 address and Russian message", () => {
    const r = check([HEADER, ["1.", "Разработка карт оценки", "", "", "Разработана система"]]);
    const empty = r.report.issues.filter((i) => i.code === "EMPTY_REQUIRED");
    expect(empty.map((i) => i.cell)).toEqual(["C2", "D2"]);
    expect(empty[0]).toMatchObject({ severity: "error", row: 2, column: "C", field: "owner", sheet: "План" });
    expect(empty[0].message).toContain("Ответственн");
    expect(empty[0].message).toContain("№ 1");
  });

  it("treats a cell with only punctuation as empty", () => {
    expect(codes([HEADER, ["1.", "Семинар", "МБУ МЦ", "Май 2021", "."]])).toEqual(["E2 EMPTY_REQUIRED"]);
  });

  it("reports number format, duplicates and missing numbers", () => {
    expect(
      codes([
        HEADER,
        ["1)", "А", "МБУ МЦ", "Май 2021", "Итог"],
        ["2.", "Б", "МБУ МЦ", "Май 2021", "Итог"],
        ["2.", "В", "МБУ МЦ", "Май 2021", "Итог"],
        ["", "Г", "МБУ МЦ", "Май 2021", "Итог"],
      ]),
    ).toEqual(["A2 NUMBER_FORMAT", "A3 NUMBER_GAP", "A4 NUMBER_DUPLICATE", "A5 NUMBER_MISSING"]);
  });

  it("reports unparsed deadlines and deadlines outside the project period", () => {
    const r = check([
      HEADER,
      ["1.", "А", "МБУ МЦ", "Когда-нибудь", "Итог"],
      ["2.", "Б", "МБУ МЦ", "Март 2022 г.", "Итог"],
    ]);
    expect(r.report.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual([
      "D2 DUE_UNPARSED warning",
      "D3 DUE_OUTSIDE_PERIOD error",
    ]);
    expect(r.report.issues[1].message).toMatch(/01\.09\.2020–31\.08\.2021/);
  });

  it("reports unknown owners, naming the unknown part", () => {
    const r = check([HEADER, ["1.", "А", "МБУ МЦ, Министерство юстиции", "Май 2021", "Итог"]]);
    expect(r.report.issues).toHaveLength(1);
    expect(r.report.issues[0]).toMatchObject({ code: "OWNER_UNKNOWN", cell: "C2", severity: "warning" });
    expect(r.report.issues[0].message).toContain("Министерство юстиции");
  });

  it("reports a task repeated within a section but not across sections", () => {
    expect(
      codes([
        HEADER,
        ["Вводный этап"],
        ["1.", "Семинар для учителей", "МБУ МЦ", "Май 2021", "Итог"],
        ["2.", "Семинар  для учителей.", "МБУ МЦ", "Май 2021", "Итог"],
        ["Основной этап"],
        ["3.", "Семинар для учителей", "МБУ МЦ", "Май 2021", "Итог"],
      ]),
    ).toEqual(["B4 DUPLICATE_ROW"]);
  });

  it("reports activities earlier than the previous one in the same section as info", () => {
    const r = check([
      HEADER,
      ["1.", "А", "МБУ МЦ", "Октябрь 2020", "Итог"],
      ["2.", "Б", "МБУ МЦ", "Сентябрь 2020", "Итог"],
    ]);
    expect(r.report.issues.map((i) => `${i.code} ${i.severity}`)).toEqual(["DUE_ORDER info"]);
  });

  it("joins page-break fragments to the activity they continue", () => {
    const r = check(
      [
        ["№ п/п", "Сроки реализации", "Задачи", "Ответственный исполнитель", "Прогнозируемый результат"],
        ["1.", "До 05 апреля 2023 г.", "Разработка проекта", "Управление образования", "разработан проект для"],
        ["", "", "", "", "12 школ"],
      ],
      effektivnaya,
      "2023-01-01",
    );
    expect(r.report.issues).toEqual([]);
    expect(r.plans[0].activities).toHaveLength(1);
  });

  it("checks results for a quantitative characteristic where the template demands it", () => {
    const r = check(
      [
        ["№ п/п", "Сроки реализации", "Задачи", "Ответственный исполнитель", "Прогнозируемый результат"],
        ["1.", "Январь 2023 г.", "Разработка", "Управление образования", "Организовано сотрудничество"],
        ["2.", "Февраль 2023 г.", "Обучение", "Управление образования", "обучены не менее 30 процентов педагогов"],
      ],
      effektivnaya,
      "2023-01-01",
    );
    expect(r.report.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["E2 RESULT_NOT_MEASURABLE"]);
  });

  it("repeats a vertically merged owner down to the rows it covers", () => {
    const wb = gridWorkbook("t.xlsx", [
      HEADER,
      ["1.", "А", "МБУ МЦ", "Май 2021", "Итог"],
      ["2.", "Б", null, "Май 2021", "Итог"],
    ]);
    const sheet = { ...wb.sheets[0], merges: [{ top: 2, left: 3, bottom: 3, right: 3 }] };
    const r = validateWorkbook(
      { ...wb, sheets: [sheet] },
      { template: ivanovo, templates: BUILTIN_TEMPLATES, asOf: "2021-06-30" },
    );
    expect(r.report.issues).toEqual([]);
  });
});

describe("monitoring of execution", () => {
  const rows: SampleCell[][] = [
    MON_HEADER,
    ["1.", "А", "МБУ МЦ", "Сентябрь 2020", "Итог", "Выполнено", new Date(Date.UTC(2020, 8, 20))],
    ["2.", "Б", "МБУ МЦ", "Октябрь 2020", "Итог", "ВЫПОЛНЕНО с нарушением срока", "15.11.2020"],
    ["3.", "В", "МБУ МЦ", "Ноябрь 2020", "Итог", "В работе", null],
    ["4.", "Г", "МБУ МЦ", "Декабрь 2020", "Итог", "сделано", null],
    ["5.", "Д", "МБУ МЦ", "Май 2021", "Итог", "", null],
    ["6.", "Е", "МБУ МЦ", "Август 2021", "Итог", "В работе", null],
    ["7.", "Ж", "МБУ МЦ", "Ежегодно", "Итог", "В работе", null],
  ];

  it("reports invalid statuses, overdue activities and late completion", () => {
    expect(codes(rows)).toEqual(["G3 DONE_LATE", "F4 OVERDUE", "F5 STATUS_INVALID", "F5 OVERDUE", "D6 OVERDUE"]);
    const r = check(rows);
    expect(r.report.issues.find((i) => i.code === "OVERDUE")!.message).toContain("30.11.2020");
  });

  it("computes plan_done_pct over due activities: 2 done of 5 due = 40 %", () => {
    const r = check(rows);
    const v = computePlanDone(r.plans, "2021-06-30");
    expect(v).toMatchObject({
      id: "plan_done_pct",
      value: 40,
      display: "40,0 %",
      numerator: 2,
      denominator: 5,
      scope: "municipality",
    });
  });

  it("an activity becomes due on the last day of its deadline", () => {
    const r = check(rows, ivanovo, "2021-05-31");
    expect(computePlanDone(r.plans, "2021-05-31")).toMatchObject({ numerator: 2, denominator: 5 });
    const before = check(rows, ivanovo, "2021-05-30");
    expect(computePlanDone(before.plans, "2021-05-30")).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
  });

  it("has no value without a status column", () => {
    const r = check([HEADER, ["1.", "А", "МБУ МЦ", "Сентябрь 2020", "Итог"]]);
    expect(computePlanDone(r.plans, "2021-06-30")).toMatchObject({ value: null, display: "нет данных", met: null });
  });
});

describe("workbook level", () => {
  it("says so when no sheet of the template is found", () => {
    const r = check([
      ["ОО", "Год"],
      ["Школа №1", 2021],
    ]);
    expect(r.report.issues.map((i) => i.code)).toEqual(["NO_KNOWN_SHEETS"]);
    expect(r.report.summary.errors).toBe(1);
  });

  it("reports a missing required column at the header row", () => {
    const r = check([
      ["№", "Мероприятие", "Сроки", "Ответственные"],
      ["1.", "А", "Май 2021", "МБУ МЦ"],
    ]);
    expect(r.report.issues).toEqual([
      expect.objectContaining({ code: "MISSING_COLUMN", row: 1, field: "result", severity: "error" }),
    ]);
  });
});

describe("taskKey (DUPLICATE_ROW)", () => {
  /** The rule as DOMAIN.md states it, written as the regular expressions it means. */
  const byRule = (task: string): string =>
    task
      .toLowerCase()
      .replace(/[\s.,;:!?()[\]{}"'«»„“”\-–—/\\]+/g, " ")
      .replace(/ё/g, "е")
      .trim();

  it("ignores case, «ё», punctuation, quotes, dashes and spacing", () => {
    expect(taskKey("  Семинар «Учёт»—для\u00A0педагогов (ШНОР).  ")).toBe("семинар учет для педагогов шнор");
    expect(taskKey("Семинар: учет для педагогов ШНОР")).toBe(taskKey("семинар — «Учёт» для педагогов, ШНОР!"));
    expect(taskKey("…")).toBe("…");
    expect(taskKey(" .,- ")).toBe("");
  });

  it("equals the rule for any text, separators and white space of every kind included", () => {
    const chars = [..." \t\n\u00A0\u2003\u202F\u3000\uFEFF.,;:!?()[]{}\"'«»„“”-–—/\\_#№ЁёАяZz09"];
    const text = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((a) => a.join("")),
    );
    fc.assert(fc.property(text, (t) => taskKey(t) === byRule(t)));
  });
});
