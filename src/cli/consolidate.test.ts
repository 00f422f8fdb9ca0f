import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BICHEVAYA, KHOR, MASTER, MUKHEN, SCHOOL_FILES } from "../../samples/schools/schools";
import { readWorkbook } from "../hosts/xlsx/read";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, main } from "./main";
import { progressLine } from "./progress";
import { ISSUE_KEYS, runCli, sample } from "./testing/harness";

/** `sverka consolidate <files> --into <the Lazo master> --out <out> --as-of 2023-12-31 <more>`. */
const consolidateArgs = (files: string[], out: string, ...more: string[]) => [
  "consolidate",
  ...files,
  "--into",
  sample(MASTER),
  "--out",
  out,
  "--as-of",
  "2023-12-31",
  ...more,
];

describe("sverka consolidate", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sverka-cli-consolidate-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the copy, prints the per-file table and exits 1 when a file is rejected", async () => {
    const out = join(dir, "svod.xlsx");
    const r = await runCli(...consolidateArgs(SCHOOL_FILES.map(sample), out));
    expect(r.code).toBe(EXIT_ERRORS);
    expect(r.err).toBe(""); // no progress bar when stderr is no terminal
    expect(r.out).toMatch(/^oo-khor\.xlsx\s+сведён\s+38\s+0\s+0\s+0\s+0$/m);
    expect(r.out).toMatch(/^oo-mukhen\.xlsx\s+сведён\s+19\s+2\s+0\s+0\s+0$/m);
    expect(r.out).toMatch(/^oo-bichevaya\.xlsx\s+не сведён\s+0\s+0\s+20\s+1\s+0$/m);
    expect(r.out).toContain("(ключ --merge-valid-rows)");
    expect(r.out).toContain("SUM_MISMATCH");
    expect(r.out).toContain("МБОУ СОШ № 3 р.п. Хор: oo-khor.xlsx, oo-kruglikovo.xlsx");
    expect(r.out).toContain("Строк добавлено: 81, заменено строк прежнего импорта: 2.");
    const wb = await readWorkbook(new Uint8Array(readFileSync(out)), "svod.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Школы", "Успеваемость", "Справка", "Процедуры", "Кадры", "Сеть", "ГИА", "Мероприятия"]),
    );
  });

  it("exits 0 when every file is merged cleanly", async () => {
    const r = await runCli(...consolidateArgs([sample(KHOR), sample(MUKHEN)], join(dir, "ok.xlsx")));
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain("Файлов: 2; сведено 2");
  });

  it("prints the JSON report: per-file status, issues in validate's shape, duplicates, summary", async () => {
    const bad = join(dir, "secret.xlsx");
    writeFileSync(bad, "%PDF-1.4\n");
    const r = await runCli(
      ...consolidateArgs([sample(BICHEVAYA), bad], join(dir, "j.xlsx"), "--merge-valid-rows", "--json"),
    );
    expect(r.code).toBe(EXIT_ERRORS);
    const doc = JSON.parse(r.out) as {
      master: string;
      out: string;
      template: string;
      merge_valid_rows: boolean;
      files: {
        file: string;
        status: string;
        rows: number;
        skipped_rows: number;
        issues: Record<string, unknown>[];
        summary: Record<string, number>;
        error?: { code: string };
      }[];
      duplicates: unknown[];
      summary: Record<string, number>;
      warnings: string[];
    };
    expect(doc).toMatchObject({
      master: "svod-lazo-2023.xlsx",
      template: "effektivnaya-shkola-2023",
      merge_valid_rows: true,
    });
    expect(doc.files[0]).toMatchObject({
      file: "oo-bichevaya.xlsx",
      status: "merged_partly",
      rows: 18,
      skipped_rows: 1,
    });
    expect(Object.keys(doc.files[0].issues[0]).sort()).toEqual(ISSUE_KEYS);
    expect(doc.files[0].issues[0]).toMatchObject({
      code: "SUM_MISMATCH",
      severity: "error",
      sheet: "Процедуры",
      cell: "D12",
    });
    expect(doc.files[1]).toMatchObject({ file: "secret.xlsx", status: "unreadable", error: { code: "NOT_XLSX" } });
    expect(doc.summary).toMatchObject({ files: 2, merged_partly: 1, unreadable: 1, rows: 18 });
    expect(doc.duplicates).toEqual([]);
    expect(Array.isArray(doc.warnings)).toBe(true);
  });

  it("draws a progress bar on stderr when it is a terminal", async () => {
    let err = "";
    let out = "";
    const code = await main(consolidateArgs([sample(KHOR), sample(MUKHEN)], join(dir, "tty.xlsx")), {
      out: (s) => (out += s),
      err: (s) => (err += s),
      isTTY: false,
      errIsTTY: true,
      errColumns: 100,
    });
    expect(code).toBe(EXIT_OK);
    expect(err).toContain(`\r${progressLine(0, 2, "oo-khor.xlsx", 100)}\x1b[K`);
    expect(err).toContain(`\r${progressLine(1, 2, "oo-mukhen.xlsx", 100)}`);
    expect(err.endsWith("\r\x1b[K")).toBe(true); // the bar's line is cleared at the end
    expect(out).toContain("Файлов: 2");
  });

  it("exits 2 for an unreadable master, an --out that is the master, or missing options", async () => {
    const missing = await runCli(
      "consolidate",
      sample(KHOR),
      "--into",
      join(dir, "нет.xlsx"),
      "--out",
      join(dir, "x.xlsx"),
    );
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain("нет.xlsx");
    const same = await runCli("consolidate", sample(KHOR), "--into", sample(MASTER), "--out", sample(MASTER));
    expect(same.code).toBe(EXIT_USAGE);
    expect(same.err).toContain("--out");
    expect((await runCli("consolidate", sample(KHOR), "--out", join(dir, "y.xlsx"))).code).toBe(EXIT_USAGE);
  });
});

describe("progressLine", () => {
  it("fills the bar in proportion and fits the terminal", () => {
    expect(progressLine(0, 4, "a.xlsx")).toBe(`Сведение [${"░".repeat(24)}] 0/4 a.xlsx`);
    expect(progressLine(2, 4, "a.xlsx")).toBe(`Сведение [${"█".repeat(12)}${"░".repeat(12)}] 2/4 a.xlsx`);
    const long = progressLine(1, 3, "x".repeat(200), 60);
    expect(long).toHaveLength(59);
    expect(long.endsWith("…")).toBe(true);
  });
});
