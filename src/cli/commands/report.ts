/**
 * `sverka report <file> --out справка.docx`: «Аналитическая справка по итогам мониторинга …» as a
 * Word document (`src/core/report/spravka` builds it as data, `src/hosts/docx` renders it). Exit 0
 * when the справка is written, even when the check found errors (they are its section 1); 1 when the
 * workbook belongs to no known project (nothing is written); 2 for unreadable input or bad arguments.
 */
import type { Command } from "commander";
import { checkWorkbook, isKnownProject, projectIndicators } from "../../app/check";
import { buildSpravka } from "../../core/report/spravka/build";
import { EXIT_ERRORS, EXIT_OK, type Cli } from "../context";
import { summaryLine } from "../format";
import { docxSpravka } from "../fileHost";
import { withOptions, type ProjectOptions } from "../options";
import { checkOut, chosenTemplate, dates, loadTemplates, openWorkbook, writeOut } from "../project";

export function registerReport(program: Command, cli: Cli): void {
  const cmd = program.command("report").description(cli.text("cmd.report")).argument("<file>", cli.text("arg.file"));
  withOptions(cmd, cli, ["out", "template", "templateFile", "asOf", "json"]).action(
    async (file: string, o: ProjectOptions & { out: string }) => {
      if (!/\.docx$/i.test(o.out)) throw cli.usage("reportNotDocx", { file: o.out });
      const templates = await loadTemplates(cli, o.templateFile);
      const templateId = chosenTemplate(cli, o.template, templates);
      const runDates = dates(cli, o.asOf);
      checkOut(cli, o.out, [file]);
      const { workbook } = await openWorkbook(file, { lang: cli.lang });
      const { check } = checkWorkbook(
        { ...workbook, name: file },
        { templates, asOf: runDates.asOf, lang: cli.lang, ...(templateId ? { templateId } : {}) },
      );
      if (!isKnownProject(check)) {
        // A справка of a workbook of no known project would be empty: none is written.
        const sheets = workbook.sheets.map((s) => `«${s.name}»`).join(", ") || cli.text("noSheets");
        cli.io.err(`sverka: ${cli.text("reportUnknownProject", { file, template: check.template.id, sheets })}\n`);
        cli.exitCode = EXIT_ERRORS;
        return;
      }
      const doc = buildSpravka({
        template: check.template,
        report: check.report,
        indicators: projectIndicators(check, runDates.asOf),
        monitoring: check.monitoring,
        asOf: runDates.asOf,
        date: runDates.refreshedAt,
      });
      await writeOut(cli, o.out, await docxSpravka().renderSpravkaDocx(doc));
      const f = doc.facts;
      if (o.json)
        cli.io.out(
          JSON.stringify(
            {
              file,
              out: o.out,
              template: check.template.id,
              as_of: runDates.asOf,
              summary: check.report.summary,
              targets: { met: f.targetsMet, assessed: f.targetsAssessed },
              shnor: { year: f.shnorYear, schools: f.shnorSchools },
            },
            null,
            2,
          ) + "\n",
        );
      else
        cli.io.out(
          [
            cli.text("reportDone", { out: o.out, template: check.template.id, asOf: runDates.asOf }),
            cli.text("dashboardCheck", { summary: summaryLine(check.report.summary) }),
            cli.text("reportTargets", { met: f.targetsMet, assessed: f.targetsAssessed }),
            ...(f.shnorYear !== null
              ? [cli.text("reportShnor", { year: f.shnorYear, count: f.shnorSchools.length })]
              : []),
          ].join("\n") + "\n",
        );
      cli.exitCode = EXIT_OK;
    },
  );
}
