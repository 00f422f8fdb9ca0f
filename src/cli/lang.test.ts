/**
 * `--lang en` beyond the issue messages: the consolidation's per-file sentences and notes, and the
 * ШНОР status' reason (the `note` of `shnor_status` values) are English, in the text output and in
 * the JSON; the Russian fields keep their names (the JSON contract only gains `*_params`).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MASTER, SCHOOL_FILES } from "../../samples/schools/schools";
import { EXIT_ERRORS, EXIT_USAGE } from "./context";
import { runCli, sample } from "./testing/harness";

/** Russian outside “…” (school, file, sheet and column names are quoted data). */
function russianOutsideQuotes(text: string): string | null {
  const m = /[А-Яа-яЁё][^.;:]*/.exec(text.replace(/“[^”]*”/g, ""));
  return m ? m[0] : null;
}

const consolidate = (dir: string, name: string, ...more: string[]) =>
  runCli(
    "consolidate",
    ...SCHOOL_FILES.map(sample),
    "--into",
    sample(MASTER),
    "--out",
    join(dir, name),
    "--as-of",
    "2023-12-31",
    "--lang",
    "en",
    ...more,
  );

describe("--lang en", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sverka-cli-lang-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("consolidate: every file's sentence and note in English, text and JSON", async () => {
    const text = await consolidate(dir, "t.xlsx");
    expect(text.out).toContain("The file has 1 error: it was not merged; fix the errors and send the file again");
    expect(text.out).toContain("(flag --merge-valid-rows).");
    // The table, the notes and the totals; the issues' lines quote the sheet, school names stand alone.
    for (const line of text.out.split("\n").filter((l) => !/^\s+“/.test(l) && !/^ {2}\S.*: .*\.xlsx/.test(l)))
      expect([line, russianOutsideQuotes(line.replace(/^\S+\.xlsx/, ""))]).toEqual([line, null]);

    const json = await consolidate(dir, "j.xlsx", "--json", "--merge-valid-rows");
    const doc = JSON.parse(json.out) as {
      files: { file: string; status: string; message: string; message_params: { variant: string }; notes: string[] }[];
      notes: string[];
    };
    expect(doc.files.map((f) => f.message_params.variant)).toContain("merged_partly");
    for (const f of doc.files)
      for (const t of [f.message, ...f.notes]) expect([f.file, t, russianOutsideQuotes(t)]).toEqual([f.file, t, null]);
    for (const t of doc.notes) expect([t, russianOutsideQuotes(t)]).toEqual([t, null]);
    const partly = doc.files.find((f) => f.status === "merged_partly")!;
    expect(partly.message).toMatch(/^The file has 1 error: only the rows without errors were merged — 18 rows/);
  });

  it("indicators: the ШНОР status' reason of every school and event_share's mean over events in English (JSON)", async () => {
    const args = ["indicators", sample("effektivnaya-shkola-2023.monitoring.xlsx"), "--as-of", "2023-12-31", "--json"];
    const parse = (out: string) =>
      (JSON.parse(out) as { indicators: { id: string; scope: string; note?: string; note_params?: object }[] })
        .indicators;
    const enAll = parse((await runCli(...args, "--lang", "en")).out);
    const ruAll = parse((await runCli(...args)).out);
    const en = enAll.filter((v) => v.id === "shnor_status");
    const ru = ruAll.filter((v) => v.id === "shnor_status");
    expect(en.length).toBeGreaterThan(5);
    expect(en.map((v) => v.scope)).toEqual(ru.map((v) => v.scope));
    for (const v of en) {
      expect(v.note_params).toBeDefined();
      expect([v.scope, v.note, russianOutsideQuotes(v.note ?? "")]).toEqual([v.scope, v.note, null]);
    }
    expect(ru.every((v) => /^(По итогам|Статус по итогам) \d{4} г\./.test(v.note ?? ""))).toBe(true);
    // The mean over events (event_share): English too; the same values otherwise.
    const means = (all: typeof en) =>
      all.filter((v) => (v.note_params as { variant?: string } | undefined)?.variant === "event_mean");
    expect(means(enAll).map((v) => v.note)).toEqual(
      means(ruAll).map((v) =>
        v.note!.replace(/^среднее по (\d+) мероприятиям; ШНОР: (\d+)$/, "mean over $1 events; low-results schools: $2"),
      ),
    );
    expect(means(enAll).length).toBeGreaterThan(0);
    expect(enAll.length).toBe(ruAll.length);
  });

  it("validate: a file that cannot be read is told in English on stderr and in the JSON, with its message_params", async () => {
    const pdf = join(dir, "plan.xlsx");
    writeFileSync(pdf, "%PDF-1.4\n");
    type Doc = { files: { error: { code: string; message: string; message_params: object } }[] };
    const en = await runCli("validate", pdf, "--json", "--lang", "en");
    expect(en.code).toBe(EXIT_USAGE);
    const said =
      "The file “plan.xlsx” is not an Excel workbook or a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): it is a PDF document.";
    expect(en.err).toContain(`sverka: ${said}\n`);
    const enError = (JSON.parse(en.out) as Doc).files[0].error;
    expect(enError).toEqual({
      code: "NOT_XLSX",
      message: said,
      message_params: { variant: "not_xlsx", file: "plan.xlsx", found: "pdf" },
    });
    // Russian by default: the same text as ever, and the same params.
    const ru = await runCli("validate", pdf, "--json");
    const ruError = (JSON.parse(ru.out) as Doc).files[0].error;
    expect(ruError).toEqual({
      ...enError,
      message:
        "Файл «plan.xlsx» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): это PDF-документ.",
    });
    expect(ru.err).toContain(`sverka: ${ruError.message}\n`);
  });

  it("dashboard, indicators: an unreadable or unwritable input is a usage error in English", async () => {
    const missing = join(dir, "nothing-here.xlsx");
    const ind = await runCli("indicators", missing, "--lang", "en");
    expect(ind.code).toBe(EXIT_USAGE);
    expect(ind.err).toBe(
      `sverka: The file “nothing-here.xlsx” was not found: expected an Excel workbook (.xlsx) at the path “${missing}”, but there is nothing there.\n`,
    );
    const csv = join(dir, "plan.csv");
    writeFileSync(csv, "a;b\n1;2\n");
    const dash = await runCli("dashboard", csv, "--out", join(dir, "d.xlsx"), "--lang", "en");
    expect(dash.code).toBe(EXIT_USAGE);
    expect(dash.err).toMatch(
      /^sverka: The file “plan\.csv” is a delimited text file \(CSV\): Sverka reads and checks it/,
    );
    expect(russianOutsideQuotes(dash.err)).toBeNull();
    const ru = await runCli("dashboard", csv, "--out", join(dir, "d.xlsx"));
    expect(ru.err).toMatch(/^sverka: Файл «plan\.csv» — текстовый файл с разделителями \(CSV\): Сверка его читает/);
  });

  it("consolidate: an unreadable school file's message in English; its error gains message_params", async () => {
    const bad = join(dir, "secret.xlsx");
    writeFileSync(bad, "%PDF-1.4\n");
    const args = [
      "consolidate",
      sample(SCHOOL_FILES[0]),
      bad,
      "--into",
      sample(MASTER),
      "--as-of",
      "2023-12-31",
      "--json",
    ];
    type Doc = {
      files: {
        file: string;
        status: string;
        message: string;
        message_params: { variant: string };
        error?: { code: string; message: string; message_params: object };
      }[];
    };
    const en = await runCli(...args, "--out", join(dir, "en.xlsx"), "--lang", "en");
    expect(en.code).toBe(EXIT_ERRORS);
    const file = (JSON.parse(en.out) as Doc).files.find((f) => f.file === "secret.xlsx")!;
    const said =
      "The file “secret.xlsx” is not an Excel workbook or a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): it is a PDF document.";
    expect(file.status).toBe("unreadable");
    expect(file.message).toBe(said);
    expect(file.message_params.variant).toBe("unreadable");
    expect(file.error).toEqual({
      code: "NOT_XLSX",
      message: said,
      message_params: { variant: "not_xlsx", file: "secret.xlsx", found: "pdf" },
    });
    const text = await runCli(...args.filter((a) => a !== "--json"), "--out", join(dir, "t.xlsx"), "--lang", "en");
    expect(text.out).toContain(said);

    const ru = await runCli(...args, "--out", join(dir, "ru.xlsx"));
    const ruFile = (JSON.parse(ru.out) as Doc).files.find((f) => f.file === "secret.xlsx")!;
    const russian =
      "Файл «secret.xlsx» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): это PDF-документ.";
    expect(ruFile.message).toBe(russian);
    expect(ruFile.error).toEqual({ ...file.error, message: russian });
  });
});
