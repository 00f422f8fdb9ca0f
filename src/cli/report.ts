/**
 * `sverka report <file> [--template ID] [--as-of DATE] --out справка.docx`: the справка of a checked
 * workbook as a Word document. The command is registered by `main` with the helpers it shares
 * with the other commands (templates, dates, reading the workbook, usage errors).
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { computeIndicators } from "../core/indicators/engine";
import type { WorkbookData } from "../core/model/sheet";
import { buildSpravka } from "../core/report/spravka/build";
import type { Template } from "../core/template/schema";
import { validateWorkbook } from "../core/validate";
import { renderSpravkaDocx } from "../hosts/docx/spravka";
import { summaryLine } from "./format";

export interface ReportCommandContext {
  out: (s: string) => void;
  loadTemplates: (files?: string[]) => Promise<Template[]>;
  resolveTemplate: (id: string | undefined, templates: readonly Template[]) => Template | undefined;
  resolveAsOf: (s: string | undefined) => string;
  /** Reads the workbook; an unreadable file throws the usage error. */
  openWorkbook: (file: string) => Promise<{ workbook: WorkbookData }>;
  /** An error that `main` reports as a usage error (exit 2). */
  usage: (message: string) => Error;
  setExitCode: (code: number) => void;
  /** The date the справка is dated (default: the report date). */
  today?: () => string;
}

interface ReportOptions {
  out: string;
  template?: string;
  templateFile?: string[];
  asOf?: string;
  json?: boolean;
}

export function registerReportCommand(program: Command, ctx: ReportCommandContext): void {
  program
    .command("report")
    .description(
      "записать аналитическую справку по итогам мониторинга (.docx): проверка данных, достижение целевых показателей, школы с низкими образовательными результатами, выводы и диаграмма доли ШНОР. Код выхода 0, когда справка записана (даже если проверка нашла ошибки — они в разделе 1), 2 — файл не читается или неверные аргументы",
    )
    .argument("<file>", "книга мониторинга (.xlsx)")
    .requiredOption("-o, --out <file>", "куда записать справку .docx")
    .option("-t, --template <id>", "шаблон проекта (по умолчанию определяется по книге)")
    .option("--template-file <file...>", "дополнительный шаблон в формате JSON")
    .option("--as-of <date>", "отчётная дата ГГГГ-ММ-ДД (по умолчанию сегодня)")
    .option("--json", "вывести итог в формате JSON")
    .action(async (file: string, o: ReportOptions) => {
      if (!/\.docx$/i.test(o.out)) throw ctx.usage(`--out: справка записывается в файл .docx, получено «${o.out}».`);
      if (resolve(o.out) === resolve(file)) throw ctx.usage(`--out: укажите другой файл, не «${file}».`);
      const templates = await ctx.loadTemplates(o.templateFile);
      const template = ctx.resolveTemplate(o.template, templates);
      const asOf = ctx.resolveAsOf(o.asOf);
      const { workbook } = await ctx.openWorkbook(file);
      const check = validateWorkbook({ ...workbook, name: file }, { template, templates, asOf });
      const indicators = computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf });
      const doc = buildSpravka({
        template: check.template,
        report: check.report,
        indicators,
        monitoring: check.monitoring,
        asOf,
        date: ctx.today?.() ?? asOf,
      });
      const bytes = await renderSpravkaDocx(doc);
      try {
        await writeFile(o.out, bytes);
      } catch (e) {
        throw ctx.usage(`Не удалось записать «${o.out}»: ${(e as Error).message}`);
      }
      const f = doc.facts;
      if (o.json)
        ctx.out(
          JSON.stringify(
            {
              file,
              out: o.out,
              template: check.template.id,
              as_of: asOf,
              summary: check.report.summary,
              targets: { met: f.targetsMet, assessed: f.targetsAssessed },
              shnor: { year: f.shnorYear, schools: f.shnorSchools },
            },
            null,
            2,
          ) + "\n",
        );
      else
        ctx.out(
          `Справка записана в ${o.out} (шаблон ${check.template.id}, отчётная дата ${asOf}).\n` +
            `Проверка (ФЛК): ${summaryLine(check.report.summary)}.\n` +
            `Целевые показатели: выполнено ${f.targetsMet} из ${f.targetsAssessed}.\n` +
            (f.shnorYear !== null ? `ШНОР по итогам ${f.shnorYear} г.: ${f.shnorSchools.length}.\n` : ""),
        );
      ctx.setExitCode(0);
    });
}
