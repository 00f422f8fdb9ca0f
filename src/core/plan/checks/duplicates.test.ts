import fc from "fast-check";
import { duplicatesCheck, taskKey } from "./duplicates";
import { at, HEADER, runPlanCheck } from "./testing/runCheck";

describe("plan check: duplicates (DUPLICATE_ROW)", () => {
  it("warns of a task repeated within a section, in any spelling, but not across sections", () => {
    const issues = runPlanCheck(duplicatesCheck, [
      HEADER,
      ["Вводный этап"],
      ["1.", "Семинар для учителей", "МБУ МЦ", "Май 2021", "Итог"],
      ["2.", "Семинар  для учителей.", "МБУ МЦ", "Май 2021", "Итог"],
      ["Основной этап"],
      ["3.", "Семинар для учителей", "МБУ МЦ", "Май 2021", "Итог"],
    ]);
    expect(at(issues)).toEqual(["B4 DUPLICATE_ROW"]);
    expect(issues[0].message).toBe("Мероприятие «Семинар для учителей.» повторяет строку 3 того же раздела.");
  });

  it("taskKey ignores case, «ё», punctuation and spacing", () => {
    expect(taskKey("Семинар: учёт для педагогов ШНОР")).toBe(taskKey("семинар — «Учет» для педагогов, ШНОР!"));
    fc.assert(fc.property(fc.string(), (t) => taskKey(t) === taskKey(taskKey(t))));
  });
});
