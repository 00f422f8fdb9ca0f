import { measurableCheck } from "./measurable";
import { at, EFFEKTIVNAYA, IVANOVO, runPlanCheck } from "./testing/runCheck";

const HEADER = ["№ п/п", "Сроки реализации", "Задачи", "Ответственный исполнитель", "Прогнозируемый результат"];
const row = (no: string, result: string) => [no, "Май 2023 г.", `Задача ${no}`, "Управление образования", result];

describe("plan check: measurable (RESULT_NOT_MEASURABLE)", () => {
  it("warns of a result without a number or percentage where the template demands one", () => {
    const issues = runPlanCheck(
      measurableCheck,
      [HEADER, row("1.", "Организовано сотрудничество"), row("2.", "не менее 30 процентов ШНОР")],
      EFFEKTIVNAYA,
      "2024-12-31",
    );
    expect(at(issues)).toEqual(["E2 RESULT_NOT_MEASURABLE"]);
    expect(issues[0].message).toBe(
      "Результат без количественной характеристики: ожидалось число или процент (например, «не менее 90 % ШНОР», «не реже двух раз в год»), найдено «Организовано сотрудничество».",
    );
  });

  it("says nothing where the template does not demand numbers", () => {
    const header = ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки", "Ожидаемый результат"];
    expect(
      runPlanCheck(measurableCheck, [header, ["1.", "Семинар", "МБУ МЦ", "Май 2021", "Организовано"]], IVANOVO),
    ).toEqual([]);
  });
});
