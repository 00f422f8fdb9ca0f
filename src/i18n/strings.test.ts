import { en, format, getStrings, langOf, ru } from "./strings";

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

describe("placeholders and format", () => {
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

  it("en uses exactly the placeholders of ru for every key", () => {
    for (const key of Object.keys(ru) as (keyof typeof ru)[])
      expect({ key, en: placeholders(en[key]) }).toEqual({ key, en: placeholders(ru[key]) });
  });

  it("every value other than symbols and shared formats is translated", () => {
    const same = (Object.keys(ru) as (keyof typeof ru)[]).filter((k) => ru[k] === en[k]);
    // Formats without words and the dash for «no value» are the same in both languages.
    expect(same.sort()).toEqual([
      "consolidateDuplicate",
      "consolidateIssueAt",
      "consolidateIssueSheet",
      "consolidateSheetRows",
      "importIssue",
      "issueLocation",
      "noValue",
      "templateOption",
      "valueWithUnit",
    ]);
  });

  it("format fills placeholders and leaves unknown ones visible", () => {
    expect(format(ru.readingSheet, { sheet: "Школы", done: 2, total: 8 })).toBe("Чтение листа «Школы» (2 из 8)");
    expect(format("{a} и {b}", { a: 1 })).toBe("1 и {b}");
    expect(format("{a}{a}", { a: "x" })).toBe("xx");
  });

  it("langOf follows getStrings", () => {
    expect(langOf("en-US")).toBe("en");
    expect(langOf("ru-RU")).toBe("ru");
    expect(langOf(undefined)).toBe("ru");
  });
});
