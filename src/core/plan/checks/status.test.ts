import { statusCheck } from "./status";
import { at, HEADER, MON_HEADER, runPlanCheck } from "./testing/runCheck";

describe("plan check: status", () => {
  it("reports an invalid status, an unreadable completion date, overdue and late activities", () => {
    const issues = runPlanCheck(
      statusCheck,
      [
        MON_HEADER,
        ["1.", "А", "МБУ МЦ", "Октябрь 2020", "Итог", "Сделано", ""],
        ["2.", "Б", "МБУ МЦ", "Октябрь 2020", "Итог", "Выполнено", "32.13.2020"],
        ["3.", "В", "МБУ МЦ", "Октябрь 2020", "Итог", "В работе", ""],
        ["4.", "Г", "МБУ МЦ", "Октябрь 2020", "Итог", "Выполнено", "15.11.2020"],
      ],
      undefined,
      "2021-06-30",
    );
    expect(at(issues)).toEqual(["F2 STATUS_INVALID", "F2 OVERDUE", "G3 DUE_UNPARSED", "F4 OVERDUE", "G5 DONE_LATE"]);
    const text = issues.map((i) => i.message);
    expect(text[0]).toBe(
      "Статус «Сделано» недопустим: ожидалось одно из «Выполнено», «Выполнено частично», «Выполнено с нарушением срока», «В работе», «Не выполнено», «Перенесено».",
    );
    expect(text[2]).toBe("Дата выполнения «32.13.2020» не распознана: ожидалась дата вида 15.03.2023.");
    expect(text[3]).toBe(
      "Мероприятие № 3 не выполнено (статус «В работе»), а срок «Октябрь 2020» истёк 31.10.2020 (отчётная дата 30.06.2021).",
    );
    expect(text[4]).toBe("Мероприятие № 4 выполнено 15.11.2020 — позже срока «Октябрь 2020» (31.10.2020).");
  });

  it("applies only to sheets with a status column", () => {
    expect(runPlanCheck(statusCheck, [HEADER, ["1.", "А", "МБУ МЦ", "Октябрь 2020", "Итог"]])).toEqual([]);
  });
});
