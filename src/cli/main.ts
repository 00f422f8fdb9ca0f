/**
 * The `sverka` command line. Exit codes: 0 no errors, 1 errors found (consolidate: a file not merged,
 * merged partly, unreadable, or a school sent twice), 2 unreadable input or bad arguments.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { computeIndicators } from "../core/indicators/engine";
import type { IndicatorValue } from "../core/indicators/types";
import { isValidIsoDate, todayIso } from "../core/model/dates";
import { parseTemplate, type Template } from "../core/template/schema";
import { BUILTIN_TEMPLATES } from "../core/templates";
import { validateWorkbook, type FileReport } from "../core/validate";
import { blankSheetNames, writeBlankTemplate } from "../hosts/xlsx/blankTemplate";
import { WorkbookReadError } from "../hosts/xlsx/errors";
import { readWorkbookFile, readWorkbookFileWithBytes } from "../hosts/xlsx/node";
import { writeDashboard } from "../hosts/xlsx/writeDashboard";
import { consolidateXlsx } from "../hosts/xlsx/consolidate";
import { fileSources } from "../hosts/xlsx/consolidateNode";
import { ansiPaint, formatConsolidation, formatIndicators, formatReport, noPaint, summaryLine } from "./format";
import { ProgressBar } from "./progress";
import { buildDashboardLayouts } from "../core/dashboard/build";
import { registerReportCommand } from "./report";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  /** stderr is a terminal: progress bars are drawn there (absent: no progress bar). */
  errIsTTY?: boolean;
  /** Terminal width for the progress bar (default 80). */
  errColumns?: number;
}

const defaultIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  errIsTTY: !!process.stderr.isTTY,
  errColumns: process.stderr.columns,
};

interface CommonOptions {
  template?: string;
  templateFile?: string[];
  asOf?: string;
  json?: boolean;
}

async function loadTemplates(files: readonly string[] = []): Promise<Template[]> {
  const extra: Template[] = [];
  for (const f of files) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(f, "utf8"));
    } catch (e) {
      throw new UsageError(`Не удалось прочитать шаблон «${f}»: ${(e as Error).message}`);
    }
    const r = parseTemplate(json);
    if (!r.ok) throw new UsageError(`Шаблон «${f}» не прошёл проверку:\n  ${r.errors.join("\n  ")}`);
    extra.push(r.template);
  }
  return [...extra, ...BUILTIN_TEMPLATES.filter((b) => !extra.some((e) => e.id === b.id))];
}

function resolveTemplate(id: string | undefined, templates: readonly Template[]): Template | undefined {
  if (!id) return undefined;
  const t = templates.find((x) => x.id === id);
  if (!t) throw new UsageError(`Нет шаблона «${id}». Доступные шаблоны: ${templates.map((x) => x.id).join(", ")}.`);
  return t;
}

function resolveAsOf(s: string | undefined): string {
  if (s === undefined) return todayIso();
  if (!isValidIsoDate(s)) throw new UsageError(`--as-of: ожидалась дата ГГГГ-ММ-ДД, получено «${s}».`);
  return s;
}

/** Read a workbook for a one-file command: an unreadable file is a usage error (exit 2, its message). */
async function openWorkbook(file: string) {
  try {
    return await readWorkbookFileWithBytes(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(e.message);
    throw e;
  }
}

interface UnreadableFile {
  file: string;
  template: null;
  sheets: [];
  issues: [];
  summary: { errors: 0; warnings: 0; infos: 0 };
  error: { code: string; message: string };
}

export async function main(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  let exitCode = EXIT_OK;
  const paint = io.isTTY ? ansiPaint : noPaint;
  const program = new Command();
  program
    .name("sverka")
    .description("Сверка: проверка планов-графиков и мониторинга по шаблону проекта (ФЛК) и расчёт показателей")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  const common = (c: Command) =>
    c
      .option("-t, --template <id>", "шаблон проекта (по умолчанию определяется по книге)")
      .option("--template-file <file...>", "дополнительный шаблон в формате JSON")
      .option("--as-of <date>", "отчётная дата ГГГГ-ММ-ДД (по умолчанию сегодня)")
      .option("--json", "вывести отчёт в формате JSON");

  common(program.command("validate").description("проверить книги (ФЛК)").argument("<files...>", "файлы .xlsx")).action(
    async (files: string[], o: CommonOptions) => {
      const templates = await loadTemplates(o.templateFile);
      const template = resolveTemplate(o.template, templates);
      const asOf = resolveAsOf(o.asOf);
      const reports: (FileReport | UnreadableFile)[] = [];
      let anyErrors = false;
      let unreadable = false;
      for (const file of files) {
        if (o.json) io.err(`Проверка ${file}…\n`);
        try {
          const wb = await readWorkbookFile(file);
          const { report } = validateWorkbook({ ...wb, name: file }, { template, templates, asOf });
          reports.push(report);
          if (report.summary.errors) anyErrors = true;
          if (!o.json) io.out(formatReport(report, paint) + "\n\n");
        } catch (e) {
          if (!(e instanceof WorkbookReadError)) throw e;
          unreadable = true;
          io.err(`sverka: ${e.message}\n`);
          reports.push({
            file,
            template: null,
            sheets: [],
            issues: [],
            summary: { errors: 0, warnings: 0, infos: 0 },
            error: { code: e.code, message: e.message },
          });
        }
      }
      if (o.json) io.out(JSON.stringify({ files: reports }, null, 2) + "\n");
      exitCode = unreadable ? EXIT_USAGE : anyErrors ? EXIT_ERRORS : EXIT_OK;
    },
  );

  common(
    program
      .command("indicators")
      .description("рассчитать показатели проекта")
      .argument("<file>", "файл .xlsx")
      .option("--schools", "показать значения по школам"),
  ).action(async (file: string, o: CommonOptions & { schools?: boolean }) => {
    const templates = await loadTemplates(o.templateFile);
    const template = resolveTemplate(o.template, templates);
    const asOf = resolveAsOf(o.asOf);
    const { workbook: wb } = await openWorkbook(file);
    const check = validateWorkbook({ ...wb, name: file }, { template, templates, asOf });
    const indicators: IndicatorValue[] = computeIndicators(check.template, check.monitoring, {
      plans: check.plans,
      asOf,
    });
    if (o.json) io.out(JSON.stringify({ file, template: check.template.id, indicators }, null, 2) + "\n");
    else
      io.out(
        `Файл: ${file}\nШаблон: ${check.template.id}\nОтчётная дата: ${asOf}\n\n${formatIndicators(indicators, { schools: o.schools })}\n`,
      );
    exitCode = EXIT_OK;
  });

  program
    .command("dashboard")
    .description(
      "записать копию книги с листами «Дашборд» (показатели с живыми формулами, школы, ФЛК по листам) и «Отчёт ФЛК»; исходный файл не меняется. Код выхода 0, когда копия записана (даже если проверка нашла ошибки — они в «Отчёте ФЛК»), 2 — файл не читается или неверные аргументы",
    )
    .argument("<file>", "файл .xlsx")
    .requiredOption("-o, --out <file>", "куда записать копию .xlsx (не исходный файл)")
    .option("-t, --template <id>", "шаблон проекта (по умолчанию определяется по книге)")
    .option("--template-file <file...>", "дополнительный шаблон в формате JSON")
    .option("--as-of <date>", "отчётная дата ГГГГ-ММ-ДД (по умолчанию сегодня)")
    .action(async (file: string, o: { out: string; template?: string; templateFile?: string[]; asOf?: string }) => {
      const templates = await loadTemplates(o.templateFile);
      const template = resolveTemplate(o.template, templates);
      const asOf = resolveAsOf(o.asOf);
      if (resolve(o.out) === resolve(file))
        throw new UsageError(`--out: дашборд записывается в копию; укажите другой файл, не «${file}».`);
      const { workbook: wb, bytes } = await openWorkbook(file);
      const check = validateWorkbook({ ...wb, name: file }, { template, templates, asOf });
      const { layout, flk } = buildDashboardLayouts(wb, check, { asOf, refreshedAt: todayIso() });
      const result = await writeDashboard(bytes, layout, flk);
      try {
        await writeFile(o.out, result.data);
      } catch (e) {
        throw new UsageError(`Не удалось записать «${o.out}»: ${(e as Error).message}`);
      }
      const [dashboard, report, ...helpers] = result.sheetNames;
      const formulas = layout.facts.filter((f) => f.formula).length;
      io.out(
        `Дашборд записан в ${o.out} (шаблон ${check.template.id}, отчётная дата ${asOf}): листы «${dashboard}» и «${report}»${helpers.length ? `, скрытый служебный ${helpers.map((h) => `«${h}»`).join(", ")}` : ""}.\n` +
          `Показателей по муниципалитету: ${layout.facts.length}, из них с живой формулой: ${formulas}.\n` +
          `Проверка (ФЛК): ${summaryLine(check.report.summary)}.\n`,
      );
      for (const w of result.warnings) io.out(`Внимание: ${w}\n`);
      exitCode = EXIT_OK;
    });

  registerReportCommand(program, {
    out: io.out,
    loadTemplates,
    resolveTemplate,
    resolveAsOf,
    openWorkbook,
    usage: (message) => new UsageError(message),
    setExitCode: (code) => (exitCode = code),
    today: todayIso,
  });

  program
    .command("consolidate")
    .description(
      "свести заполненные файлы школ в копию сводной книги: каждый файл проверяется (ФЛК); строки файлов без ошибок добавляются на листы мониторинга со столбцом «Источник» (имя файла), повторный импорт файла заменяет его прежние строки, одна школа в разных файлах показывается. Код выхода 0 — все файлы сведены без замечаний, 1 — есть файлы не сведённые, сведённые частично, нечитаемые или одна школа в нескольких файлах (копия всё равно записана), 2 — сводная книга не читается, копию не записать или неверные аргументы",
    )
    .argument("<files...>", "файлы школ .xlsx")
    .requiredOption("--into <file>", "сводная книга .xlsx (сама не меняется)")
    .requiredOption("-o, --out <file>", "куда записать сводную копию .xlsx")
    .option("-t, --template <id>", "шаблон проекта (по умолчанию определяется по сводной книге)")
    .option("--template-file <file...>", "дополнительный шаблон в формате JSON")
    .option("--as-of <date>", "отчётная дата ГГГГ-ММ-ДД для проверки (по умолчанию сегодня)")
    .option("--merge-valid-rows", "из файлов с ошибками свести строки без ошибок")
    .option("--json", "вывести итог в формате JSON")
    .action(async (files: string[], o: CommonOptions & { into: string; out: string; mergeValidRows?: boolean }) => {
      const templates = await loadTemplates(o.templateFile);
      const template = resolveTemplate(o.template, templates);
      const asOf = resolveAsOf(o.asOf);
      const out = resolve(o.out);
      if (out === resolve(o.into) || files.some((f) => resolve(f) === out))
        throw new UsageError(`--out: сводка записывается в копию; укажите другой файл, не «${o.out}».`);
      const { workbook, bytes } = await openWorkbook(o.into);
      const bar = io.errIsTTY ? new ProgressBar(io.err, io.errColumns) : null;
      const result = await consolidateXlsx({ file: workbook.name, bytes, workbook }, fileSources(files), {
        template,
        templates,
        asOf,
        mergeValidRows: !!o.mergeValidRows,
        onProgress: (p) => bar?.update(p.done, p.total, p.phase === "write" ? `запись ${o.out}` : p.file),
      });
      bar?.end();
      try {
        await writeFile(o.out, result.data);
      } catch (e) {
        throw new UsageError(`Не удалось записать «${o.out}»: ${(e as Error).message}`);
      }
      const r = result.consolidation.report;
      if (o.json) io.out(JSON.stringify({ ...r, out: o.out, warnings: result.warnings }, null, 2) + "\n");
      else io.out(formatConsolidation(r, o.out, result.warnings, paint) + "\n");
      const problems = r.summary.rejected + r.summary.unreadable + r.summary.merged_partly + r.duplicates.length > 0;
      exitCode = problems ? EXIT_ERRORS : EXIT_OK;
    });

  program
    .command("templates")
    .description("встроенные шаблоны проектов")
    .option("--json", "в формате JSON")
    .action((o: { json?: boolean }) => {
      const list = BUILTIN_TEMPLATES.map((t) => ({
        id: t.id,
        title: t.title,
        municipality: t.municipality,
        period: t.period,
      }));
      if (o.json) io.out(JSON.stringify({ templates: list }, null, 2) + "\n");
      else
        for (const t of list)
          io.out(
            `${t.id.padEnd(26)} ${t.period.start} – ${t.period.end}${t.period.schoolYear ? " (учебный год)" : ""}  ${t.title}\n`,
          );
    });

  program
    .command("template")
    .description("создать пустой бланк книги по шаблону проекта (листы плана и мониторинга с проверкой ввода)")
    .argument("<id>", "шаблон проекта (см. sverka templates)")
    .requiredOption("-o, --out <file>", "куда записать бланк .xlsx")
    .option("--template-file <file...>", "дополнительный шаблон в формате JSON")
    .action(async (id: string, o: { out: string; templateFile?: string[] }) => {
      const templates = await loadTemplates(o.templateFile);
      const template = resolveTemplate(id, templates);
      if (!template)
        throw new UsageError(`Не указан шаблон. Доступные шаблоны: ${templates.map((x) => x.id).join(", ")}.`);
      const bytes = await writeBlankTemplate(template);
      try {
        await writeFile(o.out, bytes);
      } catch (e) {
        throw new UsageError(`Не удалось записать «${o.out}»: ${(e as Error).message}`);
      }
      const sheets = blankSheetNames(template)
        .map((n) => `«${n}»`)
        .join(", ");
      io.out(`Создан бланк ${o.out} (шаблон ${template.id}): листы ${sheets}\n`);
      exitCode = EXIT_OK;
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
        return EXIT_OK;
      return EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.err(`sverka: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
