import { gridWorkbook } from "../../../../samples/toWorkbook";
import { findTemplate } from "../../templates";
import { validateWorkbook } from "../../validate";
import { indicatorHints } from "../hints";
import { fixture } from "../testing/fixtures";
import { runKind } from "../testing/kinds";
import { planDone } from "./planDone";

const plan = {
  id: "plan_done_pct",
  title: "Выполнение плана-графика",
  kind: "plan_done" as const,
  period: { kind: "report_date" as const },
};

describe("plan_done", () => {
  const ivanovo = findTemplate("ivanovo-2020")!;
  const wb = gridWorkbook("plan.xlsx", [
    ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки", "Ожидаемый результат", "Статус"],
    ["1.", "Семинар", "МБУ МЦ", "Октябрь 2020", "Проведён семинар", "Выполнено"],
    ["2.", "Совещание", "МБУ МЦ", "Ноябрь 2020", "Проведено совещание", "В работе"],
    ["3.", "Анализ", "МБУ МЦ", "Май 2021", "Проведён анализ", ""],
  ]);
  const check = validateWorkbook(wb, { template: ivanovo, templates: [ivanovo], asOf: "2020-12-31" });

  it("due activities done / due activities at the report date (not yet due ones wait)", () => {
    const { values } = runKind(plan, fixture().build(), { asOf: "2020-12-31", plans: check.plans });
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
      period: "2020-12-31",
      display: "50,0 %",
    });
  });

  it("no value without a monitored plan", () => {
    expect(runKind(plan, fixture().build(), { asOf: "2020-12-31" }).values).toEqual([]);
  });

  it("no formula (deadlines are text); a rise is good", () => {
    expect(planDone.formula).toBeUndefined();
    expect(planDone.noFormula).toMatch(/^значение: выполнение плана/);
    expect(indicatorHints(runKind(plan, fixture().build()).spec).better).toBe("up");
  });
});
