import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { readWorkbook } from "../hosts/xlsx/read";
import { runCli, sample } from "./testing/harness";
import { EXIT_OK, EXIT_USAGE } from "./main";

const run = runCli;

describe("sverka dashboard", () => {
  it("writes a copy with «Дашборд» and «Отчёт ФЛК» and exits 0 even when the check found errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-dashboard-"));
    const out = join(dir, "дашборд.xlsx");
    const input = sample("ivanovo-2020.plan.xlsx");
    const before = readFileSync(input);
    const r = await run("dashboard", input, "--as-of", "2021-06-30", "--out", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain(`Дашборд записан в ${out}`);
    expect(r.out).toMatch(/Проверка \(ФЛК\): Ошибок: \d+/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const wb = await readWorkbook(readFileSync(out), "дашборд.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(["План мероприятий", "Мониторинг плана", "Дашборд", "Отчёт ФЛК"]);
    // Sverka's own sheets are recorded in a custom document property, not in a sheet of their own.
    expect(JSON.parse(wb.properties?.["sverka.sheets"] ?? "[]")).toEqual(["Дашборд", "Отчёт ФЛК"]);
    expect(Object.keys(wb.definedNames ?? {})).toContain("sv_plan_done_pct_2021_06_30");
  });

  it("prints a warning when the workbook has a «Дашборд» of its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-dashboard-"));
    const input = join(dir, "свой дашборд.xlsx");
    const wb = new Workbook();
    await wb.xlsx.load(
      readFileSync(sample("uchitel-uchitelyu-2020.plan.xlsx")) as unknown as Parameters<Workbook["xlsx"]["load"]>[0],
    );
    wb.addWorksheet("Дашборд").getCell("A1").value = "мой";
    writeFileSync(input, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r = await run("dashboard", input, "--out", join(dir, "out.xlsx"));
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain("листы «Дашборд (2)» и «Отчёт ФЛК»");
    expect(r.out).toMatch(/^Внимание: .*«Дашборд \(2\)»/m);
  });

  it("exits 2 on unreadable input, a bad date, a missing --out or --out equal to the input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-dashboard-"));
    const out = join(dir, "out.xlsx");
    const missing = await run("dashboard", "/nonexistent/plan.xlsx", "--out", out);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain("plan.xlsx");
    const pdf = join(dir, "plan.xlsx");
    writeFileSync(pdf, "%PDF-1.4\n");
    expect((await run("dashboard", pdf, "--out", out)).code).toBe(EXIT_USAGE);
    const input = sample("ivanovo-2020.plan.xlsx");
    const badDate = await run("dashboard", input, "--as-of", "2021-02-30", "--out", out);
    expect(badDate.code).toBe(EXIT_USAGE);
    expect(badDate.err).toContain("--as-of");
    expect((await run("dashboard", input)).code).toBe(EXIT_USAGE);
    const same = await run("dashboard", input, "--out", input);
    expect(same.code).toBe(EXIT_USAGE);
    expect(same.err).toContain("копию");
  });

  it("says in its help when it exits 0", async () => {
    const r = await run("dashboard", "--help");
    expect(r.code).toBe(EXIT_OK);
    expect(r.out.replace(/\s+/g, " ")).toContain("Код выхода 0, когда копия записана (даже если проверка нашла ошибки");
  });
});
