import { numberingCheck } from "./numbering";
import { at, HEADER, runPlanCheck } from "./testing/runCheck";

const row = (no: string, task = "Семинар") => [no, task, "МБУ МЦ", "Май 2021", "Итог"];

describe("plan check: numbering", () => {
  it("reports format, a gap, a duplicate and a missing number, each at the number cell", () => {
    const issues = runPlanCheck(numberingCheck, [HEADER, row("1)"), row("2."), row("2."), row("", "Круглый стол")]);
    expect(at(issues)).toEqual(["A2 NUMBER_FORMAT", "A3 NUMBER_GAP", "A4 NUMBER_DUPLICATE", "A5 NUMBER_MISSING"]);
    expect(issues.map((i) => i.message)).toEqual([
      "Номер «1)» не соответствует формату: ожидалось «1», «1.», «1.2» или «1.2.3.».",
      "Пропущен номер 1: в начале раздела идёт 2.",
      "2.: номер 2 уже встречался в строке 3; ожидался новый номер.",
      "У мероприятия «Круглый стол» нет номера: ожидался номер вида «1.2», ячейка пуста.",
    ]);
  });

  it("names several missing numbers and the number before them", () => {
    const issues = runPlanCheck(numberingCheck, [HEADER, row("1."), row("1.1"), row("1.4")]);
    expect(issues.map((i) => i.message)).toEqual(["Пропущены номера 1.2, 1.3: после 1.1 идёт 1.4."]);
  });

  it("reports a number outside its section and one with no parent", () => {
    const outside = runPlanCheck(numberingCheck, [HEADER, row("1."), row("1.1"), row("2.1")]);
    expect(at(outside)).toEqual(["A4 NUMBER_PARENT"]);
    expect(outside[0].message).toMatch(/^Номер 2\.1 (стоит в разделе|без вышестоящего)/);
    const orphan = runPlanCheck(numberingCheck, [HEADER, row("2.3.1"), row("1.")]);
    expect(orphan.filter((i) => i.code === "NUMBER_PARENT").map((i) => i.message)).toEqual([
      "Номер 2.3.1 без вышестоящего пункта: перед ним нет ни одного из номеров 2.3, 2.",
    ]);
  });

  it("says nothing of a well-numbered plan", () => {
    expect(runPlanCheck(numberingCheck, [HEADER, row("1."), row("1.1"), row("1.2"), row("2.")])).toEqual([]);
  });
});
