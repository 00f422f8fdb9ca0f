import { columnsCheck } from "./columns";
import { at, runPlanCheck } from "./testing/runCheck";

describe("plan check: columns (MISSING_COLUMN)", () => {
  it("reports a required column the header lacks, at the header row, with what was found", () => {
    const issues = runPlanCheck(columnsCheck, [
      ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки"],
      ["1.", "Семинар", "МБУ МЦ", "Май 2021"],
    ]);
    expect(at(issues)).toEqual(["A1 MISSING_COLUMN"]);
    expect(issues[0]).toMatchObject({
      severity: "error",
      field: "result",
      row: 1,
    });
    expect(issues[0].message).toBe(
      "Строка заголовков 1: не найден обязательный столбец «Результат» (ожидался заголовок «Результат», «Ожидаемый результат», «Ожидаемые результаты», «Планируемый результат»); найдены: «№ п/п», «Мероприятия», «Ответственный исполнитель», «Сроки».",
    );
  });

  it("says nothing when every required column is there", () => {
    expect(
      runPlanCheck(columnsCheck, [
        ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки", "Ожидаемый результат"],
        ["1.", "Семинар", "МБУ МЦ", "Май 2021", "Проведён"],
      ]),
    ).toEqual([]);
  });
});
