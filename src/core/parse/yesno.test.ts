import fc from "fast-check";
import { parseYesNo } from "./yesno";

describe("parseYesNo", () => {
  it.each<[string | number | boolean, boolean]>([
    ["да", true],
    ["Да", true],
    ["ДА", true],
    ["  да ", true],
    ["Да.", true],
    ["нет", false],
    ["Нет!", false],
    ["+", true],
    ["-", false],
    ["—", false],
    ["1", true],
    ["0", false],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
    ["ИСТИНА", true],
    ["ложь", false],
    ["TRUE", true],
    ["False", false],
  ])("%j → %s", (v, expected) => {
    expect(parseYesNo(v)).toBe(expected);
  });

  it("null for empty cells", () => {
    expect(parseYesNo(null)).toBeNull();
    expect(parseYesNo("  ")).toBeNull();
  });

  it.each<[string | number | Date | { error: string }]>([
    ["может быть"],
    ["да/нет"],
    [2],
    [new Date(Date.UTC(2022, 0, 1))],
    [{ error: "#N/A" }],
    ["++"],
    ["данет"],
  ])("%j is invalid", (v) => {
    expect(parseYesNo(v)).toBe("invalid");
  });

  it("property: any case and padding of «да»/«нет» parse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("да", "нет"),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.constantFrom("", " ", "\u00A0"),
        (w, ups, pad) => {
          const cased = [...w].map((ch, i) => (ups[i] ? ch.toUpperCase() : ch)).join("");
          expect(parseYesNo(pad + cased + pad)).toBe(w === "да");
        },
      ),
    );
  });
});
