import { OwnerMatcher, splitOwners } from "./owners";

describe("OwnerMatcher", () => {
  const m = new OwnerMatcher([
    { name: "МБУ «ИМЦ»", aliases: ["ИМЦ"] },
    {
      name: "Управление образования администрации муниципального района имени Лазо",
      aliases: ["Управление образования"],
    },
  ]);
  it("splits on commas, semicolons, line breaks and «и»", () => {
    expect(splitOwners("МБУ «ИМЦ», руководители ОО;\nкураторы и методисты")).toEqual([
      "МБУ «ИМЦ»",
      "руководители ОО",
      "кураторы",
      "методисты",
    ]);
  });
  it("knows the template's organisations in any quoting and case", () => {
    expect(m.unknownParts('МБУ "ИМЦ", руководители ОО')).toEqual([]);
    expect(m.unknownParts("мбу «имц»")).toEqual([]);
    expect(
      m.unknownParts(
        "Управление образования администрации муниципального района имени Лазо (далее – Управление образования)",
      ),
    ).toEqual([]);
  });
  it("reports the parts it does not know", () => {
    expect(m.unknownParts("МБУ «ИМЦ», Министерство юстиции")).toEqual(["Министерство юстиции"]);
    expect(m.unknownParts("Заключительный этап")).toEqual(["Заключительный этап"]);
  });
});
