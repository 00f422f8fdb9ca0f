import { deadlinesCheck } from "./deadlines";
import { at, HEADER, runPlanCheck } from "./testing/runCheck";

const row = (no: string, due: string) => [no, `Мероприятие ${no}`, "МБУ МЦ", due, "Итог"];

describe("plan check: deadlines", () => {
  it("reports an unparsed deadline and one outside the project period", () => {
    const issues = runPlanCheck(deadlinesCheck, [HEADER, row("1.", "Когда-нибудь"), row("2.", "Март 2022 г.")]);
    expect(issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual([
      "D2 DUE_UNPARSED warning",
      "D3 DUE_OUTSIDE_PERIOD error",
    ]);
    expect(issues[1].message).toBe(
      "Срок «Март 2022 г.» (01.03.2022–31.03.2022) выходит за период проекта 01.09.2020–31.08.2021.",
    );
  });

  it("notes a dated activity earlier than the previous one of its section, not across sections", () => {
    const issues = runPlanCheck(deadlinesCheck, [
      HEADER,
      row("1.", "Октябрь 2020"),
      row("2.", "Сентябрь 2020"),
      ["Основной этап"],
      row("3.", "Сентябрь 2020"),
    ]);
    expect(at(issues)).toEqual(["D3 DUE_ORDER"]);
    expect(issues[0].message).toBe(
      "Срок «Сентябрь 2020» раньше срока предыдущего мероприятия № 1 («Октябрь 2020») того же раздела.",
    );
  });

  it("accepts recurring terms anywhere", () => {
    expect(runPlanCheck(deadlinesCheck, [HEADER, row("1.", "Май 2021"), row("2.", "Ежегодно")])).toEqual([]);
  });
});
