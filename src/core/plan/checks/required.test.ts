import { requiredCheck } from "./required";
import { at, HEADER, runPlanCheck } from "./testing/runCheck";

describe("plan check: required (EMPTY_REQUIRED)", () => {
  it("reports each empty required cell of an activity, naming the activity", () => {
    const issues = runPlanCheck(requiredCheck, [
      HEADER,
      ["1.", "Разработка карт оценки", "", "", "Разработана система"],
    ]);
    expect(at(issues).sort()).toEqual(["C2 EMPTY_REQUIRED", "D2 EMPTY_REQUIRED"]);
    expect(issues.find((i) => i.field === "owner")?.message).toMatch(
      /^Не заполнено поле «Ответственн[^»]*» мероприятия № 1: ожидалось значение, ячейка пуста\.$/,
    );
  });

  it("treats punctuation as empty and quotes it; an activity without a number is named by its row", () => {
    const issues = runPlanCheck(requiredCheck, [HEADER, ["", "Семинар", "МБУ МЦ", "Май 2021", "—"]]);
    expect(issues.map((i) => i.message)).toEqual([
      "Не заполнено поле «Результат» мероприятия в строке 2: ожидалось значение, найдено «—».",
    ]);
  });
});
