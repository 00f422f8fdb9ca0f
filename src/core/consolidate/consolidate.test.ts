import { sampleToWorkbook } from "../../../samples/toWorkbook";
import type { SampleCell, SampleSheet } from "../../../samples/types";
import { MONITORING_SHEETS } from "../monitoring/sheets";
import { BUILTIN_TEMPLATES, findTemplate } from "../templates";
import { planConsolidation as planCore, rowRuns, startConsolidation, type ConsolidationInput } from "./consolidate";
import { SOURCE_HEADER, type ConsolidationReport } from "./types";
import { consolidationText, localizeConsolidation, localizeIssue } from "../../i18n/issueMessages";

/** Every report the tests below make: at the end, each of its sentences (params) must have a wording in both languages. */
const reports: ConsolidationReport[] = [];
const planConsolidation: typeof planCore = (...args) => {
  const c = planCore(...args);
  reports.push(c.report);
  return c;
};

const TEMPLATE = findTemplate("effektivnaya-shkola-2023")!;
const OPTS = { templates: BUILTIN_TEMPLATES, asOf: "2023-12-31" };
const titles = (id: string) => MONITORING_SHEETS.find((s) => s.id === id)!.columns.map((c) => c.title);

const ALPHA = "МБОУ СОШ № 1 с. Альфа";
const BETA = "МБОУ СОШ № 2 с. Бета";
const GAMMA = "МБОУ ООШ с. Гамма";
const DELTA = "МБОУ СОШ с. Дельта";

const registryRow = (name: string): SampleCell[] => [name, "1", "нет", "нет", "нет", "да", "нет", null];
const PROPS: SampleSheet = { name: "_sverka", state: "veryHidden", rows: [["sverka.template", TEMPLATE.id]] };

function book(file: string, sheets: SampleSheet[]) {
  return sampleToWorkbook({ file, sheets: [...sheets, PROPS] });
}

function file(name: string, sheets: SampleSheet[]): ConsolidationInput {
  return { file: name, workbook: book(name, sheets) };
}

/** The master: a registry of three schools and «Кадры» holding earlier imports and a typed row. */
function master(extra: SampleSheet[] = []) {
  return book("svod.xlsx", [
    { name: "Школы", rows: [titles("schools"), registryRow(ALPHA), registryRow(BETA), registryRow(GAMMA)] },
    {
      name: "Кадры",
      rows: [
        ["ОО", "Год", "Педагогов", "Примечание методиста", "Источник"],
        [ALPHA, 2022, 30, "сверено", "alpha.xlsx"],
        [BETA, 2022, 25, null, null],
        [ALPHA, 2023, 31, null, "ALPHA.xlsx"],
        [GAMMA, 2022, 12, null, "gamma-old.xlsx"],
      ],
    },
    ...extra,
  ]);
}

/** Alpha's file: «Кадры» with columns in its own order, an extra column and «Прошли КПК» (the master has none). */
const alpha = () =>
  file("alpha.xlsx", [
    { name: "Школы", rows: [titles("schools"), registryRow("МБОУ СОШ №1 с.Альфа")] },
    {
      name: "Кадры",
      rows: [
        ["Год", "Педагогов", "Прошли КПК", "Заметка школы", "ОО"],
        [2022, 32, 20, "уточнено", "МБОУ СОШ №1 с.Альфа"],
        [2023, 33, 21, null, "МБОУ СОШ №1 с.Альфа"],
      ],
    },
  ]);

/** Beta's file: a NEGATIVE count on «Кадры» row 2, «Процедуры» without its required «Участников». */
const beta = () =>
  file("beta.xlsx", [
    { name: "Школы", rows: [titles("schools"), registryRow(BETA)] },
    { name: "Успеваемость", rows: [titles("grades"), [BETA, "2022/2023", 300, 290, 10, 100, 5]] },
    {
      name: "Кадры",
      rows: [
        ["ОО", "Год", "Педагогов"],
        [BETA, 2023, -5],
        [BETA, 2024, 26],
      ],
    },
    {
      name: "Процедуры",
      rows: [
        ["ОО", "Год", "Процедура", "«2»"],
        [BETA, 2022, "ОГЭ математика", 1],
      ],
    },
  ]);

const gamma = () =>
  file("gamma-new.xlsx", [
    {
      name: "Кадры",
      rows: [
        ["ОО", "Год", "Педагогов"],
        [GAMMA, 2023, 13],
      ],
    },
  ]);

const delta = () =>
  file("delta.xlsx", [
    { name: "Школы", rows: [titles("schools"), registryRow(DELTA)] },
    {
      name: "Кадры",
      rows: [
        ["ОО", "Год", "Педагогов"],
        [DELTA, 2022, 9],
      ],
    },
  ]);

describe("planConsolidation", () => {
  it("maps a file's columns by id, replaces the earlier import and appends right after the table", () => {
    const { report, plan } = planConsolidation(master(), [alpha()], OPTS);
    expect(report.template).toBe(TEMPLATE.id);
    const f = report.files[0];
    expect(f).toMatchObject({ file: "alpha.xlsx", status: "merged", rows: 2, replaced_rows: 2, skipped_rows: 0 });
    expect(f.notes_params).toEqual([{ variant: "missing_column", sheet: "Кадры", column: "Прошли КПК" }]);
    expect(f.message_params).toEqual({ variant: "merged", rows: 2, replaced: 2, registered: 1 });
    const staff = plan.sheets.find((s) => s.sheet === "Кадры")!;
    // «Источник» is column E; rows 2 and 4 came from alpha.xlsx (any case); the table ends on row 5.
    expect(staff).toMatchObject({
      create: false,
      header: [],
      headerRow: 1,
      sourceColumn: 5,
      sourceHeader: false,
      deleteRows: [2, 4],
      deleteRuns: [
        { start: 4, count: 1 },
        { start: 2, count: 1 },
      ],
      appendAt: 4,
      width: 5,
    });
    expect(staff.rows).toEqual([
      ["МБОУ СОШ №1 с.Альфа", 2022, 32, null, "alpha.xlsx"],
      ["МБОУ СОШ №1 с.Альфа", 2023, 33, null, "alpha.xlsx"],
    ]);
    // Alpha is registered: its «Школы» row is not appended.
    expect(f.sheets.find((s) => s.sheet === "Школы")).toMatchObject({ rows: 0, registered_rows: 1 });
    expect(plan.sheets.find((s) => s.sheet === "Школы")).toBeUndefined();
  });

  it("creates the monitoring sheets the master lacks, with the template's headers and «Источник»", () => {
    const { report, plan } = planConsolidation(master(), [alpha()], OPTS);
    expect(report.created_sheets).toEqual(["Успеваемость", "Процедуры", "Сеть", "ГИА", "Мероприятия"]);
    const grades = plan.sheets.find((s) => s.sheet === "Успеваемость")!;
    expect(grades).toMatchObject({ create: true, headerRow: 1, sourceColumn: 8, appendAt: 2, rows: [] });
    expect(grades.header).toEqual([...titles("grades"), SOURCE_HEADER]);
    expect(report.notes_params).toEqual([
      { variant: "created_sheets", sheets: report.created_sheets, template: TEMPLATE.id },
    ]);
  });

  it("rejects a file with errors, or merges its rows without errors when asked", () => {
    const rejected = planConsolidation(master(), [beta()], OPTS).report.files[0];
    expect(rejected.status).toBe("rejected");
    expect(rejected.rows).toBe(0);
    expect(rejected.summary.errors).toBe(2);
    expect(rejected.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["NEGATIVE", "Кадры", "C2"],
      ["MISSING_COLUMN", "Процедуры", "A1"],
    ]);
    expect(rejected.message_params).toEqual({ variant: "rejected", errors: 2 });

    const { report, plan } = planConsolidation(master(), [beta()], { ...OPTS, mergeValidRows: true });
    const partly = report.files[0];
    expect(partly.status).toBe("merged_partly");
    // «Кадры» row 3 and the «Успеваемость» row; «Кадры» row 2 (NEGATIVE) and the whole «Процедуры» (no «Участников») left out.
    expect(partly.rows).toBe(2);
    expect(partly.skipped_rows).toBe(2);
    // Beta's «Школы» row: the master's registry already has the school.
    expect(partly.message_params).toEqual({ variant: "merged_partly", errors: 2, rows: 2, skipped: 2, registered: 1 });
    expect(plan.sheets.find((s) => s.sheet === "Кадры")!.rows).toEqual([[BETA, 2024, 26, null, "beta.xlsx"]]);
    expect(plan.sheets.find((s) => s.sheet === "Процедуры")!.rows).toEqual([]);
    expect(plan.sheets.find((s) => s.sheet === "Успеваемость")!.rows).toEqual([
      [BETA, "2022/2023", 300, 290, 10, 100, 5, "beta.xlsx"],
    ]);
  });

  it("keeps a rejected file's earlier rows (nothing is replaced)", () => {
    const bad = file("alpha.xlsx", [
      {
        name: "Кадры",
        rows: [
          ["ОО", "Год", "Педагогов"],
          [ALPHA, 2023, "тридцать"],
        ],
      },
    ]);
    const { report, plan } = planConsolidation(master(), [bad], OPTS);
    expect(report.files[0].status).toBe("rejected");
    expect(plan.sheets.find((s) => s.sheet === "Кадры")).toBeUndefined();
  });

  it("reports a school sent in two files, and one already imported from another file", () => {
    const alsoAlpha = file("alpha-2.xlsx", [
      {
        name: "Кадры",
        rows: [
          ["ОО", "Год", "Педагогов"],
          ["СОШ № 1 с. Альфа", 2024, 34],
        ],
      },
    ]);
    const { report } = planConsolidation(master(), [alpha(), gamma(), alsoAlpha], OPTS);
    expect(report.duplicates).toEqual([
      { school: ALPHA, files: ["alpha.xlsx", "alpha-2.xlsx"], earlier: [] },
      { school: GAMMA, files: ["gamma-new.xlsx"], earlier: ["gamma-old.xlsx"] },
    ]);
  });

  it("adds a new school to the registry, with «Источник», and warns that the master did not know it", () => {
    const { report, plan } = planConsolidation(master(), [delta()], OPTS);
    const f = report.files[0];
    expect(f.status).toBe("merged");
    const unknown = f.issues.filter((i) => i.code === "UNKNOWN_SCHOOL").map((i) => localizeIssue(i, "ru"));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: "warning", sheet: "Школы", cell: "A2" });
    expect(unknown[0].message).toContain("нет в реестре сводной книги «svod.xlsx»");
    expect(unknown[0].message).toContain("будет добавлена");
    const reg = plan.sheets.find((s) => s.sheet === "Школы")!;
    // The registry has 8 columns and no «Источник»: it goes to column I, the header is written.
    expect(reg).toMatchObject({ sourceColumn: 9, sourceHeader: true, appendAt: 5, deleteRows: [] });
    expect(reg.rows).toEqual([[...registryRow(DELTA), "delta.xlsx"]]);
  });

  it("lists an unreadable file with its error and goes on", () => {
    const { report } = planConsolidation(
      master(),
      [{ file: "secret.xlsx", error: { code: "ENCRYPTED", message: "Файл «secret.xlsx» защищён паролем" } }, gamma()],
      OPTS,
    );
    expect(report.files.map((f) => f.status)).toEqual(["unreadable", "merged"]);
    expect(report.files[0]).toMatchObject({
      error: { code: "ENCRYPTED" },
      message_params: { variant: "unreadable", code: "ENCRYPTED", error: "Файл «secret.xlsx» защищён паролем" },
    });
    expect(report.summary).toMatchObject({ files: 2, merged: 1, unreadable: 1, rows: 1, replaced_rows: 0 });
  });

  it("refuses a second file of the same name in one batch (its name is its «Источник»)", () => {
    const { report } = planConsolidation(master(), [gamma(), gamma()], OPTS);
    expect(report.files.map((f) => f.status)).toEqual(["merged", "rejected"]);
    expect(report.files[1].message_params).toEqual({
      variant: "same_name",
      file: "gamma-new.xlsx",
      source: SOURCE_HEADER,
    });
  });

  it("refuses the master itself given among the school files (e.g. by a glob)", () => {
    const m = master();
    const self: ConsolidationInput = { file: m.name.toUpperCase(), workbook: m };
    const { report } = planConsolidation(m, [self, alpha()], OPTS);
    expect(report.files.map((f) => f.status)).toEqual(["rejected", "merged"]);
    expect(report.files[0].message_params).toEqual({ variant: "master_itself", file: "SVOD.XLSX" });
    expect(report.files[0].rows).toBe(0);
  });

  it("writes the header into an empty sheet of the template's name instead of creating another", () => {
    const { plan } = planConsolidation(master([{ name: "ГИА", rows: [] }]), [alpha()], OPTS);
    const gia = plan.sheets.find((s) => s.sheet === "ГИА")!;
    expect(gia.create).toBe(false);
    expect(gia.header).toEqual([...titles("gia"), SOURCE_HEADER]);
  });

  it("does not merge into a master sheet that lacks a required column, and says why", () => {
    const net = {
      name: "Сеть",
      rows: [
        ["ОО", "Программа повышения качества (да/нет)"],
        [BETA, "да"],
      ],
    };
    const sends = file("alpha.xlsx", [
      {
        name: "Сеть",
        rows: [
          ["ОО", "Год", "Программа повышения качества (да/нет)"],
          [ALPHA, 2023, "да"],
        ],
      },
    ]);
    const { report, plan } = planConsolidation(master([net]), [sends], OPTS);
    expect(plan.sheets.find((s) => s.sheet === "Сеть")).toBeUndefined();
    const problem = { problem: "missing_required", problem_sheet: "Сеть", problem_columns: ["Год"] };
    expect(report.notes_params).toContainEqual({ variant: "master_sheet", ...problem });
    expect(report.files[0].skipped_rows).toBe(1);
    expect(report.files[0].notes_params).toContainEqual({ variant: "sheet_not_merged", sheet: "Сеть", ...problem });
  });

  it("works one file at a time and refuses to go on after finish", () => {
    const c = startConsolidation(master(), OPTS);
    expect(c.template.id).toBe(TEMPLATE.id);
    expect(c.add(alpha()).status).toBe("merged");
    const { report } = c.finish();
    expect(report.summary.rows).toBe(2);
    expect(() => c.add(gamma())).toThrow();
  });
});

describe("the report's sentences as data", () => {
  /** Russian outside “…” (file, sheet and column names are quoted data). */
  const russianOutsideQuotes = (text: string) => /[А-Яа-яЁё][^.;:]*/.exec(text.replace(/“[^”]*”/g, ""))?.[0] ?? null;

  it("have a wording in both languages; English without Russian outside quotes", () => {
    const variants = new Set<string>();
    let sentences = 0;
    for (const report of reports) {
      const params = [...report.files.flatMap((f) => [f.message_params, ...f.notes_params]), ...report.notes_params];
      for (const p of params) {
        variants.add(String(p.variant));
        for (const lang of ["ru", "en"] as const) expect([p, consolidationText(p, lang)]).not.toContainEqual(null);
        sentences++;
      }
      const en = localizeConsolidation(report, "en");
      for (const f of en.files) {
        // An unreadable file's `error` keeps the reader's own (Russian) message; the sentence is English.
        for (const text of [f.message, ...f.notes]) expect([text, russianOutsideQuotes(text)]).toEqual([text, null]);
      }
      for (const text of en.notes) expect([text, russianOutsideQuotes(text)]).toEqual([text, null]);
    }
    expect(sentences).toBeGreaterThan(20);
    expect([...variants].sort()).toEqual(
      [
        "created_sheets",
        "master_itself",
        "master_sheet",
        "merged",
        "merged_partly",
        "missing_column",
        "rejected",
        "same_name",
        "sheet_not_merged",
        "unreadable",
      ].sort(),
    );
  });
});

describe("rowRuns", () => {
  it("groups ascending rows into runs, bottom-up", () => {
    expect(rowRuns([2, 3, 4, 7, 9, 10])).toEqual([
      { start: 9, count: 2 },
      { start: 7, count: 1 },
      { start: 2, count: 3 },
    ]);
    expect(rowRuns([])).toEqual([]);
  });
});
