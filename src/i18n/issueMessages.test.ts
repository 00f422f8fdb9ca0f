/**
 * The message templates: every code and variant in both languages, nothing left unrendered, and
 * the samples' whole reports in English without Russian outside quoted cell values and names.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sample as lazo } from "../../samples/monitoring/lazo-monitoring";
import { sampleToWorkbook } from "../../samples/toWorkbook";
import { planConsolidation } from "../core/consolidate/consolidate";
import type { ConsolidationReport } from "../core/consolidate/types";
import { computeIndicators } from "../core/indicators/engine";
import { shnorStatuses } from "../core/monitoring/shnor";
import { ISSUE_TYPES, makeIssue, type IssueCode, type Issue, type IssueParams } from "../core/report/issue";
import { BUILTIN_TEMPLATES } from "../core/templates";
import { validateWorkbook } from "../core/validate";
import { readWorkbookFile } from "../hosts/xlsx/node";
import {
  CONSOLIDATION_PROBLEMS,
  CONSOLIDATION_TEXTS,
  INDICATOR_NOTES,
  ISSUE_TEMPLATES,
  TEMPLATE_REASONS,
  consolidationText,
  issueMessage,
  localizeConsolidation,
  indicatorNote,
  localizeIndicators,
  localizeIssue,
  localizeReport,
  renderTemplate,
  shnorReason,
} from "./issueMessages";

const SAMPLES = join(__dirname, "../../samples");

/** The param names a template refers to (placeholders and «absent» parts). */
function names(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(/\{(\w+)/g)) out.add(m[1]);
  for (const m of template.matchAll(/\[\[!(\w+):/g)) out.add(m[1]);
  return [...out].sort();
}

/** Values for every name: lists for the names that hold lists, sibling params for the formats that need them. */
function sampleValues(template: string): Record<string, string | number | string[]> {
  const v: Record<string, string | number | string[]> = {};
  for (const n of names(template)) v[n] = "x";
  for (const m of template.matchAll(/\{(\w+)\|(\w+)/g)) {
    const [, n, f] = m;
    if (f === "date") v[n] = "2023-03-15";
    if (f === "dates") v[n] = ["2019-01-01/2019-12-31", "2025-05-05"];
    if (f === "refs")
      Object.assign(v, {
        [n]: ["Отличников", "Ударников"],
        [`${n}_cells`]: ["E5", "F5"],
      });
    if (f === "ref") v[`${n}_cell`] = "D5";
    if (f === "lows") v[n] = ["ВПР 5 кл. математика: 4/10"];
    if (f === "found") v[`${n}_type`] = "error";
    if (f === "yn") v[n] = "yes";
    if (f === "rows" || f === "errors") v[n] = 3;
    if (f === "and") v[n] = ["2021", "2022"];
  }
  return v;
}

const LEFTOVER = /[{}]|\[\[|\]\]/;

describe("message templates", () => {
  const variants = Object.entries(ISSUE_TEMPLATES).flatMap(([code, byVariant]) =>
    Object.entries(byVariant).map(([variant, w]) => ({ code, variant, w })),
  );

  it("cover every issue code", () => {
    expect(Object.keys(ISSUE_TEMPLATES).sort()).toEqual(Object.keys(ISSUE_TYPES).sort());
  });

  it.each(variants)("$code/$variant has a Russian and an English wording over the same params", ({ w }) => {
    expect(w.ru.trim()).not.toBe("");
    expect(w.en.trim()).not.toBe("");
    expect(names(w.en)).toEqual(names(w.ru));
  });

  it.each(variants)("$code/$variant renders with nothing left of the template", ({ w }) => {
    for (const lang of ["ru", "en"] as const) {
      const text = renderTemplate(w[lang], sampleValues(w[lang]), lang);
      expect(text).not.toMatch(LEFTOVER);
      expect(text.length).toBeGreaterThan(10);
      // Without any param: optional parts vanish, the rest still renders.
      expect(renderTemplate(w[lang], {}, lang)).not.toMatch(LEFTOVER);
    }
    expect(renderTemplate(w.en, sampleValues(w.en), "en")).not.toMatch(/[«»]/);
  });

  it.each(Object.entries(TEMPLATE_REASONS))("template reason %s renders in both languages", (_v, w) => {
    for (const lang of ["ru", "en"] as const)
      expect(renderTemplate(w[lang], sampleValues(w[lang]), lang)).not.toMatch(LEFTOVER);
  });

  it("renders optional parts, plural choices and quotes by language", () => {
    const gap = (missing: string[], previous?: string): Issue =>
      makeIssue(
        "NUMBER_GAP",
        { sheet: "План", row: 5, col: 1 },
        {
          variant: "gap",
          missing,
          number: "1.1.12",
          ...(previous ? { previous } : {}),
        },
      );
    expect(issueMessage(gap(["1.1.11"], "1.1.10"), "ru")).toBe("Пропущен номер 1.1.11: после 1.1.10 идёт 1.1.12.");
    expect(issueMessage(gap(["2.7", "2.8"]), "ru")).toBe("Пропущены номера 2.7, 2.8: в начале раздела идёт 1.1.12.");
    expect(issueMessage(gap(["2.7", "2.8"]), "en")).toBe(
      "Numbers 2.7, 2.8 are missing: 1.1.12 comes at the start of its section.",
    );
    const owner = makeIssue("OWNER_UNKNOWN", { sheet: "План", row: 2, col: 3 }, { owners: ["Минюст", "ФСБ"] });
    expect(issueMessage(owner, "en")).toBe(
      "The owners “Минюст”, “ФСБ” are not in the project's list of organisations and abbreviations.",
    );
    expect(localizeIssue(owner, "ru")).toMatchObject({
      code: "OWNER_UNKNOWN",
      message: expect.stringMatching(/^Ответственный «Минюст», «ФСБ»/),
    });
  });

  const sentences = [
    ...Object.entries(CONSOLIDATION_TEXTS).map(([variant, w]) => ({ kind: "consolidation", variant, w })),
    ...Object.entries(CONSOLIDATION_PROBLEMS).map(([variant, w]) => ({ kind: "problem", variant, w })),
    // The ШНОР reasons and the other indicator notes.
    ...Object.entries(INDICATOR_NOTES).map(([variant, w]) => ({ kind: "note", variant, w })),
  ];

  it.each(sentences)("$kind/$variant renders in both languages over the same params", ({ variant, w }) => {
    // An unreadable file: Russian shows the reader's (Russian) message, English its code.
    if (variant !== "unreadable") expect(names(w.en)).toEqual(names(w.ru));
    for (const lang of ["ru", "en"] as const) {
      const text = renderTemplate(w[lang], sampleValues(w[lang]), lang);
      expect(text).not.toMatch(LEFTOVER);
      expect(text.length).toBeGreaterThan(0);
    }
    const en = renderTemplate(w.en, sampleValues(w.en), "en");
    expect(en).not.toMatch(/[«»]/);
    expect([en, russianOutsideQuotes(en)]).toEqual([en, null]);
  });

  it("counts rows and errors with the noun's form, lists years with «и» / “and”", () => {
    const merged = (rows: number, replaced?: number) =>
      consolidationText({ variant: "merged", rows, ...(replaced ? { replaced } : {}) }, "ru");
    expect(merged(1)).toBe("Сведено 1 строка.");
    expect(merged(22, 11)).toBe("Сведено 22 строки; заменено 11 строк прежнего импорта.");
    expect(consolidationText({ variant: "merged", rows: 1, replaced: 2 }, "en")).toBe(
      "Merged: 1 row; 2 rows of an earlier import replaced.",
    );
    expect(consolidationText({ variant: "rejected", errors: 21 }, "ru")).toMatch(/^В файле 21 ошибка: /);
    expect(consolidationText({ variant: "rejected", errors: 1 }, "en")).toMatch(/^The file has 1 error: /);
    const gap = { variant: "not_computed", year: 2022, missing_years: ["2021", "2022"] };
    expect(shnorReason(gap, "ru")).toContain("за 2021 и 2022 гг.");
    expect(shnorReason({ ...gap, missing_years: ["2021"] }, "ru")).toContain("за 2021 г.,");
    expect(shnorReason(gap, "en")).toContain("for 2021 and 2022");
    expect(consolidationText({ variant: "nonexistent" }, "en")).toBeNull();
  });

  it("falls back to the code's default wording for an unknown variant", () => {
    const i = makeIssue("NUMBER_FORMAT", { sheet: "План", row: 2, col: 1 }, { variant: "nonexistent", value: "1)" });
    expect(issueMessage(i, "ru")).toMatch(/^Номер «1\)» не соответствует формату/);
  });
});

/** Russian outside “…”: what the English report must not have. */
function russianOutsideQuotes(text: string): string | null {
  const bare = text.replace(/“[^”]*”/g, "");
  const m = /[А-Яа-яЁё][^.;:]*/.exec(bare);
  return m ? m[0] : null;
}

describe("the samples' reports in English", () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));
  const schoolFiles = readdirSync(join(SAMPLES, "schools")).filter((f) => f.endsWith(".xlsx") && !f.startsWith("svod"));

  it("every sample: each message and the template's reason, ten codes and more among them", async () => {
    const codes = new Set<IssueCode>();
    let messages = 0;
    for (const f of files) {
      const wb = await readWorkbookFile(join(SAMPLES, f));
      const check = validateWorkbook(wb, {
        templates: BUILTIN_TEMPLATES,
        asOf: "2024-12-31",
      });
      const report = localizeReport(check.report, "en");
      for (const i of report.issues) codes.add(i.code);
      messages += report.issues.length;
      for (const text of [report.template_reason, ...report.issues.map((i) => i.message)]) {
        expect(text).not.toMatch(LEFTOVER);
        expect([f, text, russianOutsideQuotes(text)]).toEqual([f, text, null]);
      }
    }
    expect(messages).toBeGreaterThan(50);
    expect(codes.size).toBeGreaterThanOrEqual(10);
  });

  it("the consolidation of the school files, its issues included", async () => {
    const master = await readWorkbookFile(join(SAMPLES, "schools", "svod-lazo-2023.xlsx"));
    const inputs = await Promise.all(
      schoolFiles.map(async (f) => ({
        file: f,
        workbook: await readWorkbookFile(join(SAMPLES, "schools", f)),
      })),
    );
    const { report } = planConsolidation(master, inputs, {
      templates: BUILTIN_TEMPLATES,
      asOf: "2024-12-31",
    });
    const en = localizeConsolidation(report, "en");
    const texts = [
      en.template_reason ?? "",
      ...en.files.flatMap((f) => [f.message, ...f.notes, ...f.issues.map((i) => i.message ?? "")]),
      ...en.notes,
    ];
    expect(texts.length).toBeGreaterThan(3);
    expect(en.files.map((f) => f.message)).toContain("Merged: 38 rows; schools already in the registry: 2.");
    // Russian: the sentences as the core used to write them itself.
    const ru = localizeConsolidation(report, "ru");
    expect(ru.files.map((f) => [f.file, f.message, f.notes])).toEqual([
      [
        "oo-bichevaya.xlsx",
        "В файле 1 ошибка: файл не сведён; исправьте ошибки и пришлите файл снова или сведите только строки без ошибок.",
        [],
      ],
      ["oo-khor.xlsx", "Сведено 38 строк; школ, уже внесённых в реестр: 2.", []],
      ["oo-kruglikovo.xlsx", "Сведено 24 строки; школ, уже внесённых в реестр: 2.", []],
      ["oo-mukhen.xlsx", "Сведено 19 строк; заменено 2 строки прежнего импорта; школ, уже внесённых в реестр: 1.", []],
    ]);
    expect(ru.notes).toEqual([
      "В сводной книге не было листов «Процедуры», «Кадры», «Сеть», «ГИА», «Мероприятия»: они созданы с заголовками шаблона effektivnaya-shkola-2023.",
    ]);
    const codes = new Set<IssueCode>(en.files.flatMap((f) => f.issues.map((i) => i.code)));
    expect(codes.size).toBeGreaterThan(0);
    for (const text of texts) expect([text, russianOutsideQuotes(text)]).toEqual([text, null]);
  });
});

describe("the consolidation's sentences", () => {
  const TEMPLATE = "effektivnaya-shkola-2023";
  const PROCEDURES = ["ОО", "Год", "Процедура", "Участников", "«2» / не преодолели порог"];
  /** Each variant (and each master sheet's problem): its params, the Russian the core used to write, the English. */
  const cases: { variant: string; params: IssueParams; ru: string; en: string }[] = [
    {
      variant: "merged",
      params: { variant: "merged", rows: 19, replaced: 2, registered: 1 },
      ru: "Сведено 19 строк; заменено 2 строки прежнего импорта; школ, уже внесённых в реестр: 1.",
      en: "Merged: 19 rows; 2 rows of an earlier import replaced; schools already in the registry: 1.",
    },
    {
      variant: "merged_partly",
      params: { variant: "merged_partly", errors: 1, rows: 18, skipped: 1, registered: 1 },
      ru: "В файле 1 ошибка: сведены только строки без ошибок — 18 строк, пропущено строк с ошибками: 1; школ, уже внесённых в реестр: 1.",
      en: "The file has 1 error: only the rows without errors were merged — 18 rows, rows with errors skipped: 1; schools already in the registry: 1.",
    },
    {
      variant: "rejected",
      params: { variant: "rejected", errors: 2 },
      ru: "В файле 2 ошибки: файл не сведён; исправьте ошибки и пришлите файл снова или сведите только строки без ошибок.",
      en: "The file has 2 errors: it was not merged; fix the errors and send the file again, or merge only the rows without errors.",
    },
    {
      variant: "rejected_no_valid_rows",
      params: { variant: "rejected_no_valid_rows", errors: 1 },
      ru: "В файле 1 ошибка: файл не сведён (строк без ошибок нет); исправьте ошибки и пришлите файл снова.",
      en: "The file has 1 error: it was not merged (it has no rows without errors); fix the errors and send the file again.",
    },
    {
      variant: "unreadable",
      params: { variant: "unreadable", code: "ENCRYPTED", error: "Файл «secret.xlsx» защищён паролем" },
      ru: "Файл «secret.xlsx» защищён паролем",
      en: "The file could not be read (error ENCRYPTED).",
    },
    {
      variant: "master_itself",
      params: { variant: "master_itself", file: "SVOD.XLSX" },
      ru: "Файл «SVOD.XLSX» — это сама сводная книга: в себя она не сводится.",
      en: "The file “SVOD.XLSX” is the master workbook itself: it is not merged into itself.",
    },
    {
      variant: "same_name",
      params: { variant: "same_name", file: "oo-khor.xlsx", source: "Источник" },
      ru: "Файл с именем «oo-khor.xlsx» уже есть в этой сводке: имя файла записывается в «Источник», поэтому второй файл с тем же именем не сведён; переименуйте один из них.",
      en: "A file named “oo-khor.xlsx” is already in this batch: the file name is written into “Источник”, so a second file of the same name is not merged; rename one of them.",
    },
    {
      variant: "other_template",
      params: { variant: "other_template", recorded: "uchitel-uchitelyu-2020", template: TEMPLATE },
      ru: `Файл сделан по шаблону uchitel-uchitelyu-2020, а сводная книга ведётся по шаблону ${TEMPLATE}: строки листов мониторинга сведены по заголовкам столбцов.`,
      en: `The file was made with template uchitel-uchitelyu-2020, while the master workbook follows template ${TEMPLATE}: the rows of the monitoring sheets were merged by their column headers.`,
    },
    {
      variant: "missing_column",
      params: { variant: "missing_column", sheet: "Кадры", column: "Прошли КПК" },
      ru: "В сводной книге на листе «Кадры» нет столбца «Прошли КПК»: его значения из файла не перенесены.",
      en: "The master workbook's sheet “Кадры” has no column “Прошли КПК”: the file's values of that column were not carried over.",
    },
    {
      variant: "sheet_not_merged",
      params: {
        variant: "sheet_not_merged",
        sheet: "Сеть",
        problem: "missing_required",
        problem_sheet: "Сеть",
        problem_columns: ["Год"],
      },
      ru: "Строки листа «Сеть» не сведены: на листе «Сеть» сводной книги нет обязательного столбца «Год».",
      en: "The rows of sheet “Сеть” were not merged: the master workbook's sheet “Сеть” lacks the required column “Год”.",
    },
    {
      variant: "master_sheet",
      params: {
        variant: "master_sheet",
        problem: "missing_required",
        problem_sheet: "Процедуры",
        problem_columns: PROCEDURES,
      },
      ru: "Строки не сводятся: на листе «Процедуры» сводной книги нет обязательного столбца «ОО», «Год», «Процедура», «Участников», ««2» / не преодолели порог».",
      en: "Rows cannot be merged: the master workbook's sheet “Процедуры” lacks the required columns “ОО”, “Год”, “Процедура”, “Участников”, “«2» / не преодолели порог”.",
    },
    {
      variant: "master_sheet",
      params: { variant: "master_sheet", problem: "no_header", problem_sheet: "ГИА" },
      ru: "Строки не сводятся: на листе «ГИА» сводной книги не найдена строка заголовков.",
      en: "Rows cannot be merged: no header row was found on the master workbook's sheet “ГИА”.",
    },
    {
      variant: "master_sheet",
      params: {
        variant: "master_sheet",
        problem: "no_table",
        problem_sheet: "Мероприятия",
        problem_columns: ["Дата", "Мероприятие"],
      },
      ru: "Строки не сводятся: на листе «Мероприятия» сводной книги не найдена таблица шаблона (заголовки «Дата», «Мероприятие»).",
      en: "Rows cannot be merged: no table of the template was found on the master workbook's sheet “Мероприятия” (headers “Дата”, “Мероприятие”).",
    },
    {
      variant: "no_rows",
      params: { variant: "no_rows" },
      ru: "В файле нет заполненных строк листов мониторинга.",
      en: "The file has no filled rows on the monitoring sheets.",
    },
    {
      variant: "created_sheets",
      params: { variant: "created_sheets", sheets: ["Успеваемость"], template: TEMPLATE },
      ru: `В сводной книге не было листа «Успеваемость»: он создан с заголовками шаблона ${TEMPLATE}.`,
      en: `The master workbook had no sheet “Успеваемость”: it was created with the headers of template ${TEMPLATE}.`,
    },
    {
      variant: "created_sheets",
      params: { variant: "created_sheets", sheets: ["Успеваемость", "ГИА"], template: TEMPLATE },
      ru: `В сводной книге не было листов «Успеваемость», «ГИА»: они созданы с заголовками шаблона ${TEMPLATE}.`,
      en: `The master workbook had no sheets “Успеваемость”, “ГИА”: they were created with the headers of template ${TEMPLATE}.`,
    },
  ];

  it.each(cases)("$variant: the Russian the core used to write, and English", ({ params, ru, en }) => {
    expect(consolidationText(params, "ru")).toBe(ru);
    expect(consolidationText(params, "en")).toBe(en);
  });

  it("has a case for every wording and every master sheet's problem", () => {
    expect(new Set(cases.map((c) => c.variant))).toEqual(new Set(Object.keys(CONSOLIDATION_TEXTS)));
    expect(new Set(cases.map((c) => c.params.problem).filter((p) => p !== undefined))).toEqual(
      new Set(Object.keys(CONSOLIDATION_PROBLEMS)),
    );
  });

  it("fills a report's sentences in the contract's key order; an unknown variant shows its name", () => {
    const report: ConsolidationReport = {
      master: "svod.xlsx",
      template: TEMPLATE,
      template_reason_params: { variant: "explicit", template: TEMPLATE },
      merge_valid_rows: false,
      files: [
        {
          file: "secret.xlsx",
          status: "unreadable",
          message_params: cases.find((c) => c.variant === "unreadable")!.params,
          template: null,
          sheets: [],
          rows: 0,
          skipped_rows: 0,
          replaced_rows: 0,
          schools: [],
          issues: [],
          summary: { errors: 0, warnings: 0, infos: 0 },
          notes_params: [{ variant: "no_rows" }, { variant: "nonexistent" }],
          error: { code: "ENCRYPTED", message: "Файл «secret.xlsx» защищён паролем" },
        },
      ],
      duplicates: [],
      created_sheets: [],
      sheets: [],
      notes_params: [{ variant: "no_rows" }],
      summary: { files: 1, merged: 0, merged_partly: 0, rejected: 0, unreadable: 1, rows: 0, replaced_rows: 0 },
    };
    const en = localizeConsolidation(report, "en");
    expect(Object.keys(en)).toEqual([
      "master",
      "template",
      "template_reason_params",
      "merge_valid_rows",
      "files",
      "duplicates",
      "created_sheets",
      "sheets",
      "notes",
      "notes_params",
      "summary",
      "template_reason",
    ]);
    expect(Object.keys(en.files[0])).toEqual([
      "file",
      "status",
      "message",
      "message_params",
      "template",
      "sheets",
      "rows",
      "skipped_rows",
      "replaced_rows",
      "schools",
      "issues",
      "summary",
      "notes",
      "notes_params",
      "error",
    ]);
    expect(en.template_reason).toBe(`Template ${TEMPLATE} was named explicitly.`);
    expect(en.files[0].message).toBe("The file could not be read (error ENCRYPTED).");
    expect(en.files[0].notes).toEqual(["The file has no filled rows on the monitoring sheets.", "[nonexistent]"]);
    expect(en.notes).toEqual(["The file has no filled rows on the monitoring sheets."]);
    const ru = localizeConsolidation(report, "ru");
    expect(ru.files[0].message).toBe("Файл «secret.xlsx» защищён паролем");
    expect(ru.notes).toEqual(["В файле нет заполненных строк листов мониторинга."]);
  });
});

describe("the ШНОР status' reason", () => {
  const wb = sampleToWorkbook(lazo);
  const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: "2024-12-31" });
  // 2019: no procedure data for 2018 (the status is not computed); the later years are.
  const statuses = [2019, 2020, 2021, 2022, 2023].flatMap((y) => shnorStatuses(check.monitoring, y));

  it("renders from its params: the core's Russian text, and English without Russian outside quotes", () => {
    const variants = new Set<string>();
    for (const s of statuses) {
      variants.add(String(s.reason_params.variant));
      expect(shnorReason(s.reason_params, "ru")).toBe(s.reason);
      const en = shnorReason(s.reason_params, "en")!;
      expect(en).not.toMatch(LEFTOVER);
      expect([s.school, en, russianOutsideQuotes(en)]).toEqual([s.school, en, null]);
    }
    expect(statuses.length).toBeGreaterThan(50);
    expect(variants.size).toBeGreaterThanOrEqual(3);
  });

  it("is the note of the shnor_status values, in English under localizeIndicators", () => {
    const values = computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf: "2024-12-31" });
    const status = values.filter((v) => v.id === "shnor_status" && v.note);
    expect(status.length).toBeGreaterThan(10);
    expect(localizeIndicators(values, "ru")).toBe(values);
    const en = localizeIndicators(values, "en");
    expect(en).toHaveLength(values.length);
    for (const v of en.filter((x) => x.id === "shnor_status" && x.note)) {
      expect(v.note_params).toBeDefined();
      expect([v.note, russianOutsideQuotes(v.note!)]).toEqual([v.note, null]);
    }
    // Values without such a note are the same objects.
    const other = values.findIndex((v) => !v.note_params);
    expect(en[other]).toBe(values[other]);
  });
});

describe("the event_share note (the mean over events)", () => {
  const wb = sampleToWorkbook(lazo);
  const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: "2024-12-31" });
  const values = computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf: "2024-12-31" });
  const means = values.filter((v) => v.note_params?.variant === "event_mean");

  it("renders from its params: the core's Russian text, and English", () => {
    expect(means.length).toBeGreaterThan(0);
    for (const v of means) {
      expect(indicatorNote(v.note_params!, "ru")).toBe(v.note);
      const en = indicatorNote(v.note_params!, "en")!;
      expect(en).toBe(`mean over ${v.note_params!.events} events; low-results schools: ${v.note_params!.schools}`);
    }
    expect(indicatorNote({ variant: "event_mean", events: 1, schools: 3 }, "en")).toBe(
      "mean over 1 event; low-results schools: 3",
    );
  });

  it("is English under localizeIndicators --lang en, Russian as the core wrote it otherwise", () => {
    const en = localizeIndicators(values, "en");
    const k = values.indexOf(means[0]);
    expect(values[k].note).toMatch(/^среднее по \d+ мероприятиям; ШНОР: \d+$/);
    expect([en[k].note, russianOutsideQuotes(en[k].note!)]).toEqual([en[k].note, null]);
    expect(en[k].note_params).toEqual(values[k].note_params);
    expect(localizeIndicators(values, "ru")[k].note).toBe(values[k].note);
  });
});
