import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { docxParagraphs } from "../hosts/docx/testing/docxText";
import { existsSync } from "node:fs";
import { Workbook } from "exceljs";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from "./main";
import { runCli, sample } from "./testing/harness";

describe("sverka report", () => {
  it("writes the справка of the Lazo monitoring sample: verdict, ШНОР shares 27,6 % and 34,5 %, a chart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-report-"));
    const out = join(dir, "справка.docx");
    const r = await runCli(
      "report",
      sample("effektivnaya-shkola-2023.monitoring.xlsx"),
      "--as-of",
      "2023-12-31",
      "--out",
      out,
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain(`Справка записана в ${out} (шаблон effektivnaya-shkola-2023, отчётная дата 2023-12-31).`);
    expect(r.out).toContain("Целевые показатели: выполнено 10 из 17.");
    expect(r.out).toContain("ШНОР по итогам 2022 г.: 10.");
    const bytes = new Uint8Array(readFileSync(out));
    const text = docxParagraphs(bytes);
    expect(text).toContain(
      "Аналитическая справка по итогам мониторинга реализации муниципального проекта «Эффективная школа»",
    );
    for (const h of [
      "1. Проверка представленных данных",
      "2. Достижение целевых показателей",
      "3. Школы с низкими образовательными результатами",
      "4. Выводы",
    ])
      expect(text).toContain(h);
    expect(text).toContain("Итог форматно-логического контроля (ФЛК): Ошибок: 12, предупреждений: 3.");
    expect(text).toContain("27,6 % (2021)");
    expect(text).toContain("34,5 % (2022)");
    expect(text.some((p) => p.startsWith("Проверены данные файла «effektivnaya-shkola-2023.monitoring.xlsx»"))).toBe(
      true,
    );
    const media = Object.keys(unzipSync(bytes)).filter((f) => f.startsWith("word/media/"));
    expect(media.map((f) => f.replace(/^.*\./, "")).sort()).toEqual(["png", "svg"]);
  });

  it("prints its result as JSON with --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-report-"));
    const out = join(dir, "s.docx");
    const r = await runCli(
      "report",
      sample("effektivnaya-shkola-2023.monitoring.xlsx"),
      "--as-of",
      "2023-12-31",
      "-o",
      out,
      "--json",
    );
    expect(r.code).toBe(EXIT_OK);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      template: "effektivnaya-shkola-2023",
      as_of: "2023-12-31",
      summary: { errors: 12, warnings: 3, infos: 0 },
      targets: { met: 10, assessed: 17 },
      shnor: { year: 2022 },
    });
    expect(json.shnor.schools).toHaveLength(10);
  });

  it("refuses an --out that is not .docx and a file that is not a workbook, with a clear message (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-report-"));
    const bad = await runCli(
      "report",
      sample("effektivnaya-shkola-2023.monitoring.xlsx"),
      "--out",
      join(dir, "s.xlsx"),
    );
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.err).toMatch(/^sverka: --out: справка записывается в файл \.docx/);
    const pdf = join(dir, "отчёт.xlsx");
    writeFileSync(pdf, "%PDF-1.4\n");
    const unreadable = await runCli("report", pdf, "--out", join(dir, "s.docx"));
    expect(unreadable.code).toBe(EXIT_USAGE);
    expect(unreadable.err).toMatch(/^sverka: /);
    expect(unreadable.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it("writes nothing for a workbook of no known project and says so (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-report-"));
    const input = join(dir, "список.xlsx");
    const wb = new Workbook();
    wb.addWorksheet("Лист1").getCell("A1").value = "Список покупок";
    writeFileSync(input, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const out = join(dir, "s.docx");
    const r = await runCli("report", input, "--out", out);
    expect(r.code).toBe(EXIT_ERRORS);
    expect(r.err).toMatch(/книга не относится ни к одному известному проекту.*справка не записана/);
    expect(existsSync(out)).toBe(false);
  });
});
