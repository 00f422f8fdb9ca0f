import fc from "fast-check";
import { isShnorProcedure, parseProcedure, procedureKey } from "./procedure";
import { SHNOR_PROCEDURES } from "./sheets";

describe("parseProcedure", () => {
  it.each<[string, string, number | null, string]>([
    ["ВПР 5 кл. математика", "ВПР", 5, "математика"],
    ["ВПР-5 математика", "ВПР", 5, "математика"],
    ["ВПР 5 класс, математика", "ВПР", 5, "математика"],
    ["ВПР по русскому языку в 5 классе", "ВПР", 5, "русский язык"],
    ["впр 6 кл русский", "ВПР", 6, "русский язык"],
    ["ВПР 7 кл. история", "ВПР", 7, "история"],
    ["ОГЭ русский язык", "ОГЭ", null, "русский язык"],
    ["ОГЭ Математика", "ОГЭ", null, "математика"],
    ["ЕГЭ математика профиль", "ЕГЭ", null, "математика профильная"],
    ["ЕГЭ профильная математика", "ЕГЭ", null, "математика профильная"],
    ["ЕГЭ математика (П)", "ЕГЭ", null, "математика профильная"],
    ["ЕГЭ математика базовая", "ЕГЭ", null, "математика базовая"],
    ["ЕГЭ математика (база)", "ЕГЭ", null, "математика базовая"],
    ["ЕГЭ математика (Б)", "ЕГЭ", null, "математика базовая"],
    ["ЕГЭ Русский язык", "ЕГЭ", null, "русский язык"],
  ])("%j", (text, kind, grade, subject) => {
    expect(parseProcedure(text)).toMatchObject({ kind, grade, subject });
  });

  it("keeps other procedures as words", () => {
    expect(parseProcedure("Итоговое собеседование")).toMatchObject({
      kind: "other",
      subject: "итоговое собеседование",
    });
  });

  it("gives one key to all spellings of one procedure", () => {
    expect(procedureKey("ВПР 5 кл. математика")).toBe(procedureKey("ВПР-5, математика"));
    expect(procedureKey("ВПР 5 кл. математика")).toBe("ВПР 5 кл. математика");
    expect(procedureKey("ЕГЭ математика профиль")).not.toBe(procedureKey("ЕГЭ математика базовая"));
  });

  it("property: grade and subject survive any spelling of the grade", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 8 }),
        fc.constantFrom("математика", "русский язык", "Математика", "Русский язык"),
        fc.constantFrom(
          (g: number, s: string) => `ВПР ${g} кл. ${s}`,
          (g: number, s: string) => `ВПР-${g} ${s}`,
          (g: number, s: string) => `ВПР ${g} класс, ${s}`,
          (g: number, s: string) => `ВПР ${s} ${g} класс`,
        ),
        (g, s, spell) => {
          expect(parseProcedure(spell(g, s))).toMatchObject({ kind: "ВПР", grade: g, subject: s.toLowerCase() });
        },
      ),
    );
  });
});

describe("isShnorProcedure", () => {
  it("accepts every listed procedure and its spellings", () => {
    for (const p of SHNOR_PROCEDURES) expect(isShnorProcedure(p)).toBe(true);
    expect(isShnorProcedure("ВПР-5, математика")).toBe(true);
    expect(isShnorProcedure("ЕГЭ математика (П)")).toBe(true);
    expect(isShnorProcedure("ОГЭ русский")).toBe(true);
  });

  it("rejects procedures that do not decide ШНОР status", () => {
    expect(isShnorProcedure("ВПР 7 кл. история")).toBe(false);
    expect(isShnorProcedure("ВПР 7 кл. математика")).toBe(false);
    expect(isShnorProcedure("ОГЭ обществознание")).toBe(false);
    expect(isShnorProcedure("ЕГЭ математика")).toBe(false); // level unknown
  });

  it("takes a template's own list", () => {
    expect(isShnorProcedure("ВПР 7 кл. история", ["ВПР 7 класс история"])).toBe(true);
    expect(isShnorProcedure("ОГЭ математика", ["ВПР 7 класс история"])).toBe(false);
  });
});
