import { en, getStrings, ru } from "./strings";

describe("i18n strings", () => {
  it("ru and en have identical key sets", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it.each([
    ["ru", ru],
    ["en", en],
  ] as const)("%s has no empty strings", (_name, dict) => {
    for (const [key, value] of Object.entries(dict)) {
      expect({ key, ok: typeof value === "string" && value.trim().length > 0 }).toEqual({ key, ok: true });
    }
  });

  it("en and ru actually differ (no untranslated copy)", () => {
    expect(en.appTitle).not.toBe(ru.appTitle);
    expect(en.checkWorkbook).not.toBe(ru.checkWorkbook);
  });

  it("getStrings picks en for en* locales and ru otherwise", () => {
    expect(getStrings("en-US")).toBe(en);
    expect(getStrings("en")).toBe(en);
    expect(getStrings("EN-gb")).toBe(en);
    expect(getStrings("ru-RU")).toBe(ru);
    expect(getStrings("de-DE")).toBe(ru);
    expect(getStrings("")).toBe(ru);
    expect(getStrings(undefined)).toBe(ru);
    expect(getStrings()).toBe(ru);
  });
});
