import { classifyFormat } from "./numberFormats";

describe("classifyFormat", () => {
  it.each([
    ["dd.mm.yyyy", "date"],
    ["DD.MM.YYYY", "date"],
    ["YYYY", "date"],
    ["[$-419]d mmmm yyyy;@", "date"],
    ["[$-F800]dddd, mmmm dd, yyyy", "date"],
    ["mmm-yy", "date"],
    ["h:mm", "date"],
    ["[h]:mm:ss", "date"],
    ["0%", "percent"],
    ["0.00%", "percent"],
    ["[Red]0.0%;[Blue]-0.0%", "percent"],
    ["General", "other"],
    ["@", "other"],
    ["0", "other"],
    ["#,##0.00", "other"],
    ["0.00E+00", "other"],
    ['0 "дней"', "other"],
    ['#,##0.00 "₽"', "other"],
    ["0.0\\h", "other"],
    ["0.0\\%", "other"],
    ['_-* #,##0.00\\ _₽_-;\\-* #,##0.00\\ _₽_-;_-* "-"??\\ _₽_-;_-@_-', "other"],
    ["[<=9999999]###-####;(###) ###-####", "other"],
  ])("%s → %s", (code, kind) => {
    expect(classifyFormat(code)).toBe(kind);
  });

  it("treats a missing format as other", () => {
    expect(classifyFormat(undefined)).toBe("other");
  });
});
