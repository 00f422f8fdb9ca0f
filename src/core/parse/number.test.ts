import fc from "fast-check";
import { formulaError, parseNumber } from "./number";

describe("parseNumber", () => {
  it.each<[string | number, number, boolean]>([
    [42, 42, false],
    [12.5, 12.5, false],
    ["12", 12, false],
    ["12,5", 12.5, false],
    ["12.5", 12.5, false],
    ["  7 ", 7, false],
    ["90 %", 90, true],
    ["90%", 90, true],
    ["12,5\u00A0%", 12.5, true],
    ["1 050", 1050, false],
    ["1\u00A0050", 1050, false],
    ["1\u202F050", 1050, false],
    ["1 234 567,25", 1234567.25, false],
    ["-5", -5, false],
    ["\u22125", -5, false],
    ["− 5", -5, false],
    ["+3", 3, false],
    ["0", 0, false],
  ])("%j → %d", (input, value, percent) => {
    expect(parseNumber(input)).toEqual({ ok: true, value, percent });
  });

  it("tells empty from invalid", () => {
    expect(parseNumber(null)).toMatchObject({ ok: false, empty: true });
    expect(parseNumber("   ")).toMatchObject({ ok: false, empty: true });
    expect(parseNumber("\u00A0")).toMatchObject({ ok: false, empty: true });
    expect(parseNumber("много")).toMatchObject({ ok: false, empty: false });
  });

  it.each(["12 5", "1 05", "1,2,3", "12a", "a12", ",5", "5-", "--5", "1 050 %%", "%"])("rejects %j", (text) => {
    expect(parseNumber(text)).toMatchObject({ ok: false, empty: false });
  });

  it("returns formula errors with the error text", () => {
    expect(parseNumber({ error: "#DIV/0!" })).toEqual({
      ok: false,
      empty: false,
      reason: "ошибка формулы #DIV/0!",
      error: "#DIV/0!",
    });
    expect(parseNumber("#N/A")).toMatchObject({ ok: false, error: "#N/A" });
    expect(formulaError({ error: "#REF!" })).toBe("#REF!");
    expect(formulaError("#VALUE!")).toBe("#VALUE!");
    expect(formulaError("12")).toBeNull();
  });

  it("rejects dates, booleans and non-finite numbers", () => {
    expect(parseNumber(new Date(Date.UTC(2022, 0, 1)))).toMatchObject({
      ok: false,
      empty: false,
      reason: "дата 01.01.2022",
    });
    expect(parseNumber(true)).toMatchObject({ ok: false, empty: false });
    expect(parseNumber(Number.NaN)).toMatchObject({ ok: false, empty: false });
  });

  it("property: integers written with any thousands separator parse back", () => {
    const sep = fc.constantFrom(" ", "\u00A0", "\u202F");
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), sep, (n, s) => {
        const grouped = Math.abs(n)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, s);
        expect(parseNumber((n < 0 ? "-" : "") + grouped)).toEqual({ ok: true, value: n, percent: false });
      }),
    );
  });

  it("property: decimals with a comma and an optional percent sign parse back", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom("", "%", " %", "\u00A0%"),
        (i, f, pct) => {
          const text = `${i},${String(f).padStart(2, "0")}${pct}`;
          const r = parseNumber(text);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value).toBeCloseTo(i + f / 100, 9);
            expect(r.percent).toBe(pct !== "");
          }
        },
      ),
    );
  });

  it("property: never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseNumber(s);
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });
});
