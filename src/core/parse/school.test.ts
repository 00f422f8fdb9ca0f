import fc from "fast-check";
import { levenshtein, nearestSchool, schoolKey } from "./school";

describe("schoolKey", () => {
  const same: Array<[string, string]> = [
    ['МБОУ "СОШ №1 с.Соколовка"', "СОШ № 1 с. Соколовка"],
    ["МБОУ «СОШ №1 с.Соколовка»", "сош №1 с. соколовка"],
    [
      "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1 с. Соколовка»",
      "СОШ №1 с.Соколовка",
    ],
    ["МКОУ ООШ пос.Хор", "ООШ пос. Хор"],
    ["МАОУ «Гимназия №3» г.Вязники", "Гимназия № 3 г. Вязники"],
    ["МОУ СОШ р.п.Переяславка", "СОШ р. п. Переяславка"],
    ["ГБОУ „Лицей № 2“", "Лицей №2"],
    ["ЧОУ ‘Школа Ёлочка’", "школа елочка"],
    ["МБОУ ДО «Дом детского творчества»", "Дом детского творчества"],
    ["МБОУ   СОШ  №5  ст.Бикин", "СОШ №5 ст. Бикин"],
    ["муниципальное казённое общеобразовательное учреждение ООШ с.Святогорье", "ООШ с. Святогорье"],
    ["СОШ №1", "СОШ 1"],
  ];
  it.each(same)("%j ≡ %j", (a, b) => {
    expect(schoolKey(a)).toBe(schoolKey(b));
  });

  it("keeps different schools apart", () => {
    expect(schoolKey("СОШ №1 с. Соколовка")).not.toBe(schoolKey("СОШ №11 с. Соколовка"));
    expect(schoolKey("СОШ №1 с. Соколовка")).not.toBe(schoolKey("ООШ №1 с. Соколовка"));
  });

  it("does not strip a name down to nothing", () => {
    expect(schoolKey("МБОУ")).toBe("мбоу");
  });

  it("property: quotes, spaces after abbreviations and case do not change the key", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("СОШ", "ООШ", "Гимназия", "Лицей"),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom("с.", "п.", "г.", "ст.", "пос."),
        fc.constantFrom("Соколовка", "Хор", "Бикин"),
        fc.constantFrom(["«", "»"], ['"', '"'], ["“", "”"], ["", ""]),
        fc.constantFrom("", "МБОУ ", "МКОУ ", "МАОУ "),
        (type, n, abbr, place, [l, r], prefix) => {
          const canonical = schoolKey(`${type} № ${n} ${abbr} ${place}`);
          expect(schoolKey(`${prefix}${l}${type} №${n} ${abbr}${place}${r}`)).toBe(canonical);
          expect(schoolKey(`${prefix}${l}${type.toUpperCase()} №${n} ${abbr}${place.toLowerCase()}${r}`)).toBe(
            canonical,
          );
        },
      ),
    );
  });
});

describe("levenshtein", () => {
  it("counts edits", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("соколовка", "сокловка")).toBe(1);
  });

  it("property: symmetric, zero only for equal strings, bounded by the longer length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = levenshtein(a, b);
        expect(d).toBe(levenshtein(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe("nearestSchool", () => {
  const registry = ["МБОУ «СОШ №1 с. Соколовка»", "МБОУ СОШ №2 с. Соколовка", "МКОУ ООШ п. Хор", "МАОУ Гимназия №3"];

  it("suggests the registered name with the smallest distance", () => {
    expect(nearestSchool("СОШ №1 с.Сокловка", registry)).toBe(registry[0]);
    expect(nearestSchool("ООШ п. Хорр", registry)).toBe(registry[2]);
    expect(nearestSchool("Гимназия 3", registry)).toBe(registry[3]);
  });

  it("returns nothing when no name is close", () => {
    expect(nearestSchool("Лицей «Ступени» г. Москва", registry)).toBeNull();
    expect(nearestSchool("", registry)).toBeNull();
    expect(nearestSchool("СОШ №1", [])).toBeNull();
  });

  it("suggests a unique registered name that contains the written one", () => {
    expect(nearestSchool("ООШ", ["МКОУ ООШ п. Хор", "СОШ №2"])).toBeNull(); // too short to guess
    expect(nearestSchool("Гимназия", ["МАОУ Гимназия №3 г. Вязники", "СОШ №2"])).toBe("МАОУ Гимназия №3 г. Вязники");
  });
});

describe("nearestSchool and numbers", () => {
  it("prefers a registered name with the same number", () => {
    const registry = ["МБОУ «СОШ №1 с. Соколовка»", "МБОУ СОШ №2"];
    expect(nearestSchool("СОШ №2 с. Сокол", registry)).toBe("МБОУ СОШ №2");
    expect(nearestSchool("СОШ №11 с. Соколовка", registry)).toBe("МБОУ «СОШ №1 с. Соколовка»");
  });
});
