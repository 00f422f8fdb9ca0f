import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { ISSUE_KEYS, runCli, sample } from "./testing/harness";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from "./main";

/** A workbook of no project: one sheet «Покупки» with a shopping list. */
async function unrelatedWorkbook(): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Покупки");
  ws.addRow(["Товар", "Цена"]);
  ws.addRow(["Хлеб", 40]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ROOT = join(__dirname, "..", "..");

const run = runCli;

describe("sverka validate", () => {
  it("prints «Ошибок нет» and exits 0 for a clean plan", async () => {
    const r = await run("validate", sample("uchitel-uchitelyu-2020.plan.xlsx"));
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toMatch(/^Ошибок нет/m);
    expect(r.out).toContain("Шаблон: uchitel-uchitelyu-2020");
  });

  it("exits 1 when errors are found and groups issues by sheet", async () => {
    const r = await run("validate", sample("ivanovo-2020.plan.xlsx"), "--as-of", "2021-06-30");
    expect(r.code).toBe(EXIT_ERRORS);
    expect(r.out).toContain("Лист «План мероприятий»");
    expect(r.out).toMatch(/^Ошибок: \d+/m);
    expect(r.out).toContain("EMPTY_REQUIRED");
  });

  it("writes only the JSON contract to stdout with --json", async () => {
    const r = await run(
      "validate",
      sample("effektivnaya-shkola-2023.plan.xlsx"),
      sample("kovrov-network-2021.plan.xlsx"),
      "--json",
    );
    const doc = JSON.parse(r.out) as { files: Record<string, unknown>[] };
    expect(doc.files).toHaveLength(2);
    const f = doc.files[0] as {
      file: string;
      template: string;
      sheets: Record<string, unknown>[];
      issues: Record<string, unknown>[];
      summary: Record<string, number>;
    };
    expect(Object.keys(f)).toEqual(expect.arrayContaining(["file", "template", "sheets", "issues", "summary"]));
    expect(f.template).toBe("effektivnaya-shkola-2023");
    expect(Object.keys(f.sheets[0])).toEqual(expect.arrayContaining(["name", "kind", "header_row", "rows"]));
    expect(Object.keys(f.issues[0]).sort()).toEqual(ISSUE_KEYS);
    expect(Object.keys(f.summary).sort()).toEqual(["errors", "infos", "warnings"]);
    const gap = f.issues.find((i) => i.code === "NUMBER_GAP")!;
    expect(gap).toMatchObject({ severity: "warning", column: "A" });
    expect(gap.cell).toBe(`A${gap.row}`);
    expect(r.err).toContain("Проверка");
  });

  it("exits 2 with a clear message for a missing file, a non-xlsx file, a bad template or date", async () => {
    const missing = await run("validate", "/nonexistent/plan.xlsx");
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain("plan.xlsx");
    const dir = mkdtempSync(join(tmpdir(), "sverka-"));
    const pdf = join(dir, "plan.xlsx");
    writeFileSync(pdf, "%PDF-1.4\n%…\n");
    const notXlsx = await run("validate", pdf, "--json");
    expect(notXlsx.code).toBe(EXIT_USAGE);
    const doc = JSON.parse(notXlsx.out) as { files: { error: { code: string } }[] };
    expect(doc.files[0].error.code).toBe("NOT_XLSX");
    expect((await run("validate", sample("ivanovo-2020.plan.xlsx"), "--template", "nope")).code).toBe(EXIT_USAGE);
    const badDate = await run("validate", sample("ivanovo-2020.plan.xlsx"), "--as-of", "2021-13-01");
    expect(badDate.code).toBe(EXIT_USAGE);
    expect(badDate.err).toContain("--as-of");
    expect((await run("validate")).code).toBe(EXIT_USAGE);
  });

  it("accepts a template from a JSON file and rejects an invalid one with the path of the problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ id: "Bad Id", title: "", period: { start: "2023", end: "2024-12-31" } }));
    const r = await run("validate", sample("ivanovo-2020.plan.xlsx"), "--template-file", bad);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("period › start: дата в формате ГГГГ-ММ-ДД");
    expect(r.err).toContain("bad.json");
  });

  it("refuses a template file that takes a built-in id (built-in templates win, as in the pane)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-"));
    const clash = join(dir, "clash.json");
    writeFileSync(
      clash,
      JSON.stringify({ id: "ivanovo-2020", title: "Мой", period: { start: "2024-01-01", end: "2024-12-31" } }),
    );
    const r = await run("validate", sample("ivanovo-2020.plan.xlsx"), "--template-file", clash);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("Шаблон с кодом ivanovo-2020 уже есть среди встроенных");
    const en = await run("validate", sample("ivanovo-2020.plan.xlsx"), "--template-file", clash, "--lang", "en");
    expect(en.err).toContain("A built-in template already has the id ivanovo-2020");
  });

  it("writes the text report's own words in English with --lang en (data stays as it is)", async () => {
    const r = await run("validate", sample("ivanovo-2020.plan.xlsx"), "--as-of", "2021-06-30", "--lang", "en");
    expect(r.code).toBe(EXIT_ERRORS);
    expect(r.out).toContain("File: ");
    expect(r.out).toContain("Sheet “План мероприятий” (plan-graph, header in row 3");
    expect(r.out).toMatch(/^ {2}error {5}C10 /m);
    expect(r.out).toMatch(/^Errors: \d+, warnings: \d+/m);
    expect(r.out).not.toMatch(/Файл:|Лист «|ошибка|Ошибок/);
  });

  it("says why a file cannot be read or written in its own words, not Node's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-"));
    const r = await run("validate", sample("ivanovo-2020.plan.xlsx"), "--template-file", dir);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("это папка, а не файл");
    expect(r.err).not.toMatch(/EISDIR|illegal operation/);
    const w = await run("template", "ivanovo-2020", "--out", join(dir, "no", "such", "blank.xlsx"), "--lang", "en");
    expect(w.code).toBe(EXIT_USAGE);
    expect(w.err).toContain("no such file or folder");
    expect(w.err).not.toContain("ENOENT");
  });

  it("renders the JSON report in the requested language and keeps its shape", async () => {
    const file = sample("ivanovo-2020.plan.xlsx");
    const ru = JSON.parse((await run("validate", file, "--as-of", "2021-06-30", "--json")).out) as {
      files: { issues: { code: string; message: string }[] }[];
    };
    const en = JSON.parse((await run("validate", file, "--as-of", "2021-06-30", "--json", "--lang", "en")).out) as {
      files: { issues: { code: string; message: string }[] }[];
    };
    expect(en.files[0].issues.map((i) => i.code)).toEqual(ru.files[0].issues.map((i) => i.code));
    for (const i of en.files[0].issues) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(ISSUE_KEYS));
      expect(i.message.length).toBeGreaterThan(0);
    }
    expect((await run("validate", file, "--lang", "de")).code).toBe(EXIT_USAGE);
  });
});

describe("sverka indicators and templates", () => {
  it("computes plan_done_pct for the monitored Ivanovo plan, and exits 1 because its check found errors", async () => {
    const r = await run("indicators", sample("ivanovo-2020.plan.xlsx"), "--as-of", "2021-06-30", "--json");
    expect(r.code).toBe(EXIT_ERRORS);
    const doc = JSON.parse(r.out) as {
      indicators: { id: string; value: number; scope: string; period: string }[];
      summary: { errors: number };
    };
    expect(doc.summary.errors).toBeGreaterThan(0);
    expect(r.err).toContain("sverka validate");
    const v = doc.indicators.find((i) => i.id === "plan_done_pct")!;
    expect(v.scope).toBe("municipality");
    expect(v.period).toBe("2021-06-30");
    expect(v.value).toBeGreaterThan(0);
    expect(v.value).toBeLessThan(100);
  });

  it("exits 0 when the check found no errors", async () => {
    const r = await run("indicators", sample("uchitel-uchitelyu-2020.plan.xlsx"), "--as-of", "2021-06-30");
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain("Проверка (ФЛК): Ошибок нет");
  });

  it("says so and exits 1 on a workbook of no known project, printing no indicators", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-"));
    const file = join(dir, "shopping.xlsx");
    writeFileSync(file, await unrelatedWorkbook());
    const r = await run("indicators", file, "--json");
    expect(r.code).toBe(EXIT_ERRORS);
    const doc = JSON.parse(r.out) as { indicators: unknown[]; error: { code: string; message: string } };
    expect(doc.indicators).toEqual([]);
    expect(doc.error.code).toBe("NO_KNOWN_SHEETS");
    expect(doc.error.message).toContain("shopping.xlsx");
    expect(doc.error.message).toContain("«Покупки»");
    const text = await run("indicators", file);
    expect(text.code).toBe(EXIT_ERRORS);
    expect(text.out).toBe("");
    expect(text.err).toContain("не относится ни к одному известному проекту");
  });

  it("prints its version and its help in Russian, or English with --lang en", async () => {
    const v = await run("--version");
    expect(v.code).toBe(EXIT_OK);
    expect(v.out.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version,
    );
    const ru = await run("--help");
    expect(ru.code).toBe(EXIT_OK);
    for (const word of ["Использование:", "Параметры:", "Команды:", "показать справку", "dashboard"])
      expect(ru.out).toContain(word);
    expect(ru.out).not.toMatch(/Usage:|Options:|display help/);
    const en = await run("indicators", "--help", "--lang", "en");
    for (const word of ["Usage:", "Options:", "Arguments:", "display help", "--schools"])
      expect(en.out).toContain(word);
    expect(en.out).not.toMatch(/[А-Яа-яЁё]/);
    const missing = await run("indicators");
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain("не указан обязательный аргумент «file»");
  });

  it("lists the five built-in templates", async () => {
    const r = await run("templates", "--json");
    const ids = (JSON.parse(r.out) as { templates: { id: string }[] }).templates.map((t) => t.id);
    expect(ids).toEqual([
      "uchitel-uchitelyu-2020",
      "ivanovo-2020",
      "uritsky-2021",
      "effektivnaya-shkola-2023",
      "kovrov-network-2021",
    ]);
  });

  it("runs as the package bin", () => {
    const out = execFileSync(process.execPath, [join(ROOT, "bin", "sverka.js"), "templates"], { encoding: "utf8" });
    expect(out).toContain("effektivnaya-shkola-2023");
    expect(out).toContain("2020-09-01 – 2021-08-31 (учебный год)");
  });
});
