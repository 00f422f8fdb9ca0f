import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEMPLATE_PROPERTY } from "../core/detect";
import { readWorkbook } from "../hosts/xlsx/read";
import { BUILTIN_TEMPLATES } from "../core/templates";
import { runCli } from "./testing/harness";
import { EXIT_OK, EXIT_USAGE } from "./main";

const run = runCli;

describe("sverka template", () => {
  it("writes the blank workbook of a built-in template", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-template-"));
    const file = join(dir, "blank.xlsx");
    const r = await run("template", "effektivnaya-shkola-2023", "--out", file);
    expect(r.code).toBe(EXIT_OK);
    expect(r.err).toBe("");
    expect(r.out).toContain(`Создан бланк ${file}`);
    expect(r.out).toContain(
      "листы «План-график», «Школы», «Успеваемость», «Процедуры», «Кадры», «Сеть», «ГИА», «Мероприятия»",
    );
    const wb = await readWorkbook(readFileSync(file), "blank.xlsx");
    expect(wb.properties?.[TEMPLATE_PROPERTY]).toBe("effektivnaya-shkola-2023");
    expect(wb.sheets.map((s) => s.name)).toContain("Процедуры");
  });

  it("exits 2 with the list of templates for an unknown id", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sverka-template-"));
    const r = await run("template", "no-such-project", "--out", join(dir, "blank.xlsx"));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("Нет шаблона «no-such-project»");
    for (const t of BUILTIN_TEMPLATES) expect(r.err).toContain(t.id);
  });

  it("exits 2 without --out or when the file cannot be written", async () => {
    expect((await run("template", "ivanovo-2020")).code).toBe(EXIT_USAGE);
    const r = await run("template", "ivanovo-2020", "--out", "/nonexistent-dir/blank.xlsx");
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("Не удалось записать");
  });
});
