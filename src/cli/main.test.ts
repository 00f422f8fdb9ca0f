import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ISSUE_KEYS, runCli, sample } from "./testing/harness";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from "./main";

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
    expect(r.err).toMatch(/period\.start/);
  });
});

describe("sverka indicators and templates", () => {
  it("computes plan_done_pct for the monitored Ivanovo plan", async () => {
    const r = await run("indicators", sample("ivanovo-2020.plan.xlsx"), "--as-of", "2021-06-30", "--json");
    expect(r.code).toBe(EXIT_OK);
    const doc = JSON.parse(r.out) as { indicators: { id: string; value: number; scope: string; period: string }[] };
    const v = doc.indicators.find((i) => i.id === "plan_done_pct")!;
    expect(v.scope).toBe("municipality");
    expect(v.period).toBe("2021-06-30");
    expect(v.value).toBeGreaterThan(0);
    expect(v.value).toBeLessThan(100);
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
