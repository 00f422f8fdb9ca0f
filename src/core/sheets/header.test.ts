import { gridWorkbook } from "../../../samples/toWorkbook";
import { standardPlanColumns } from "../template/planColumns";
import { findHeader } from "./header";

const specs = standardPlanColumns();

describe("findHeader", () => {
  it("finds a header under title rows, with wrapped text, parentheses and a numbering row (seed 003 layout)", () => {
    const wb = gridWorkbook("x.xlsx", [
      ["Муниципальный проект «Эффективная школа»", null, null, null, null],
      [],
      [
        "№ п/п",
        "Сроки реализации",
        "Задачи",
        "Ответственный\nисполнитель (наименование\nорганизации)",
        "Прогнозируемый результат (количественные характеристики результата)",
        "Примечание школы",
      ],
      [1, 2, 3, 4, 5],
      ["1.1.1.", "До 05 апреля 2023 г.", "Разработка проекта", "Управление образования", "разработан проект"],
    ]);
    const h = findHeader(wb.sheets[0], specs);
    expect(h).not.toBeNull();
    expect(h!.headerRow).toBe(3);
    expect(h!.numberingRow).toBe(4);
    expect(h!.dataStartRow).toBe(5);
    expect(h!.columns).toMatchObject({ no: 1, due: 2, task: 3, owner: 4, result: 5 });
    expect(h!.extra).toEqual([6]);
    expect(h!.missing.map((m) => m.id)).toEqual(expect.arrayContaining(["status", "participants"]));
    expect(h!.missing.map((m) => m.id)).not.toContain("result");
  });

  it("matches columns in any order, case and spacing", () => {
    const wb = gridWorkbook("x.xlsx", [
      ["  ОЖИДАЕМЫЙ   результат", "Сроки", "Ответственные/ участники", "Мероприятие", "№"],
    ]);
    const h = findHeader(wb.sheets[0], specs)!;
    expect(h.columns).toEqual({ result: 1, due: 2, owner: 3, task: 4, no: 5 });
    expect(h.numberingRow).toBeNull();
  });

  it("returns null when no row has enough plan headers", () => {
    const wb = gridWorkbook("x.xlsx", [
      ["ОО", "Год", "Обучающихся"],
      ["Школа №1", 2022, 100],
    ]);
    expect(findHeader(wb.sheets[0], specs)).toBeNull();
  });

  it("prefers the row with the most matches over a title that mentions a column word", () => {
    const wb = gridWorkbook("x.xlsx", [
      ["Мероприятие", "Сроки"],
      ["№ п/п", "Мероприятия", "Сроки", "Ответственные", "Результат"],
    ]);
    expect(findHeader(wb.sheets[0], specs)!.headerRow).toBe(2);
  });
});
