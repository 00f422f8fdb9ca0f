/**
 * `--lang en` beyond the issue messages: the consolidation's per-file sentences and notes, and the
 * ШНОР status' reason (the `note` of `shnor_status` values) are English, in the text output and in
 * the JSON; the Russian fields keep their names (the JSON contract only gains `*_params`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MASTER, SCHOOL_FILES } from "../../samples/schools/schools";
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
});
