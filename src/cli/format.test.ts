/** `sverka validate --lang en`: the text and JSON reports in English, cell values and names quoted as found. */
import { runCli, sample } from "./testing/harness";

/** Russian left once “…” quotes (cell values, sheet and column names) are taken out. */
const russianOutsideQuotes = (text: string): string[] => text.replace(/“[^”]*”/g, "").match(/[А-Яа-яЁё]+/g) ?? [];

describe("sverka validate --lang en", () => {
  const file = sample("ivanovo-2020.plan.xlsx");

  it("prints the text report in English: words, severities, messages and the template's reason", async () => {
    const { out } = await runCli("validate", file, "--as-of", "2021-06-30", "--lang", "en");
    expect(out).toMatch(/^File: .*ivanovo-2020\.plan\.xlsx$/m);
    expect(out).toMatch(/^Template: ivanovo-2020\. Template ivanovo-2020 was chosen: /m);
    expect(out).toMatch(/^ {2}error +C10 +EMPTY_REQUIRED +The field “Ответственные” of activity No\. 5 is empty/m);
    expect(out).toMatch(/^Errors: \d+, warnings: \d+/m);
    const lines = out.split("\n").filter((l) => !l.startsWith("File: "));
    expect(lines.flatMap(russianOutsideQuotes)).toEqual([]);
  });

  it("renders every JSON message in English and keeps Russian by default", async () => {
    type Doc = { files: { template_reason: string; issues: { code: string; message: string; params: object }[] }[] };
    const en = JSON.parse(
      (await runCli("validate", file, "--as-of", "2021-06-30", "--json", "--lang", "en")).out,
    ) as Doc;
    const ru = JSON.parse((await runCli("validate", file, "--as-of", "2021-06-30", "--json")).out) as Doc;
    expect(en.files[0].issues.length).toBeGreaterThan(3);
    for (const text of [en.files[0].template_reason, ...en.files[0].issues.map((i) => i.message)])
      expect([text, russianOutsideQuotes(text)]).toEqual([text, []]);
    expect(ru.files[0].issues.map((i) => i.params)).toEqual(en.files[0].issues.map((i) => i.params));
    expect(ru.files[0].issues.find((i) => i.code === "EMPTY_REQUIRED")?.message).toBe(
      "Не заполнено поле «Ответственные» мероприятия № 5: ожидалось значение, ячейка пуста.",
    );
  });
});
