import fc from "fast-check";
import { duplicatesCheck, keyHash, taskHash, taskKey } from "./duplicates";
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

  it("taskHash is the hash of taskKey, for any text (Cyrillic, other scripts, separators)", () => {
    const samples = ["Семинар: учёт для педагогов ШНОР", "ЁЛКА ёлка Ѐ Џ ѐ", "  İstanbul ǅ ß Σ 😀 ", " .,- ", "", "…"];
    for (const t of samples) expect(taskHash(t)).toBe(keyHash(taskKey(t)));
    const chars = fc.constantFrom(..."АБВЁЖЯабвёжяЀЏѐџ ЪъIİiıSsΣσς ,.;:-—«»\u00A0\u2003\u0130!?#1".split(""));
    fc.assert(
      fc.property(
        fc.array(chars).map((a) => a.join("")),
        (t) => taskHash(t) === keyHash(taskKey(t)),
      ),
    );
    fc.assert(fc.property(fc.string({ unit: "binary" }), (t) => taskHash(t) === keyHash(taskKey(t))));
  });

  it("tasks whose keys share a hash are told apart; a third copy points to its own first row", () => {
    // «з108255 414» and «з941344 7646» have one keyHash.
    expect(keyHash("з108255 414")).toBe(keyHash("з941344 7646"));
    const issues = runPlanCheck(duplicatesCheck, [
      HEADER,
      ["Раздел"],
      ["1.", "З108255 414", "МБУ МЦ", "Май 2021", "Итог"],
      ["2.", "з941344 7646", "МБУ МЦ", "Май 2021", "Итог"],
      ["3.", "З941344, 7646", "МБУ МЦ", "Май 2021", "Итог"],
      ["4.", "з108255 414.", "МБУ МЦ", "Май 2021", "Итог"],
    ]);
    expect(at(issues)).toEqual(["B5 DUPLICATE_ROW", "B6 DUPLICATE_ROW"]);
    expect(issues.map((i) => i.params.first_row)).toEqual([4, 3]);
  });
});
