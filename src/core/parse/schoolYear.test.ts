import fc from "fast-check";
import { parseSchoolYear, parseYear } from "./schoolYear";

describe("parseSchoolYear", () => {
  it.each([
    "2021/2022",
    "2021-2022",
    "2021/22",
    "2021–2022 уч. год",
    "2021 / 2022",
    "2021—2022 учебный год",
    "2021-22",
    " 2021/2022 гг. ",
    "21/22",
  ])("%j → 2021/2022", (text) => {
    expect(parseSchoolYear(text)).toEqual({ ok: true, value: "2021/2022", start: 2021 });
  });

  it("rejects years that do not follow each other", () => {
    const r = parseSchoolYear("2021/2023");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/не подряд/);
    expect(parseSchoolYear("2022/2021").ok).toBe(false);
  });

  it("rejects other values, tells empty apart", () => {
    expect(parseSchoolYear(null)).toMatchObject({ ok: false, empty: true });
    expect(parseSchoolYear("")).toMatchObject({ ok: false, empty: true });
    expect(parseSchoolYear(2021)).toMatchObject({ ok: false, empty: false });
    expect(parseSchoolYear("прошлый год")).toMatchObject({ ok: false, empty: false });
    expect(parseSchoolYear({ error: "#REF!" })).toMatchObject({ ok: false, empty: false, error: "#REF!" });
  });

  it("property: every consecutive pair in every spelling is canonical", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2098 }),
        fc.constantFrom("/", "-", "–", " / ", " - "),
        fc.boolean(),
        fc.constantFrom("", " уч. год", " учебный год", " г."),
        (y, sep, short, tail) => {
          const second = short ? String(y + 1).slice(2) : String(y + 1);
          expect(parseSchoolYear(`${y}${sep}${second}${tail}`)).toEqual({ ok: true, value: `${y}/${y + 1}`, start: y });
        },
      ),
    );
  });
});

describe("parseYear", () => {
  it.each<[string | number, number]>([
    [2022, 2022],
    ["2022", 2022],
    ["2022 г.", 2022],
    ["2022г", 2022],
    [" 2022 год ", 2022],
  ])("%j → %d", (v, y) => {
    expect(parseYear(v)).toEqual({ ok: true, value: y });
  });

  it.each<[string | number]>([[2022.5], ["22"], ["2021/2022"], ["две тысячи"], [12]])("%j is invalid", (v) => {
    expect(parseYear(v)).toMatchObject({ ok: false, empty: false });
  });

  it("empty is empty", () => {
    expect(parseYear(null)).toMatchObject({ ok: false, empty: true });
  });
});
