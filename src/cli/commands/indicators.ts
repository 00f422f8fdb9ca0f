/**
 * `sverka indicators <file>`: the project's indicators. Exit code 1 when the check found errors
 * (the indicators are still printed) or when the workbook belongs to no known project (then none
 * are: a located message says so).
 */
import type { Command } from "commander";
import { checkWorkbook, isKnownProject, projectIndicators } from "../../app/check";
import { localizeIndicators } from "../../i18n/issueMessages";
import { EXIT_ERRORS, EXIT_OK, type Cli } from "../context";
import { formatIndicators, summaryLine } from "../format";
import { withOptions, type ProjectOptions } from "../options";
import { chosenTemplate, dates, loadTemplates, openWorkbook } from "../project";

export function registerIndicators(program: Command, cli: Cli): void {
  const cmd = program
    .command("indicators")
    .description(cli.text("cmd.indicators"))
    .argument("<file>", cli.text("arg.file"));
  withOptions(cmd, cli, ["template", "templateFile", "asOf", "json", "schools"]).action(
    async (file: string, o: ProjectOptions & { schools?: boolean }) => {
      const templates = await loadTemplates(cli, o.templateFile);
      const templateId = chosenTemplate(cli, o.template, templates);
      const { asOf } = dates(cli, o.asOf);
      const { workbook } = await openWorkbook(file, { lang: cli.lang });
      const { check } = checkWorkbook(
        { ...workbook, name: file },
        { templates, asOf, lang: cli.lang, ...(templateId ? { templateId } : {}) },
      );
      const summary = check.report.summary;
      if (!isKnownProject(check)) {
        const sheets = workbook.sheets.map((s) => cli.quote(s.name)).join(", ") || cli.text("noSheets");
        const message = cli.text("unknownProject", { file, template: check.template.id, sheets });
        if (o.json)
          cli.io.out(
            JSON.stringify(
              {
                file,
                template: check.template.id,
                indicators: [],
                summary,
                error: { code: "NO_KNOWN_SHEETS", message },
              },
              null,
              2,
            ) + "\n",
          );
        cli.io.err(`sverka: ${message}\n`);
        cli.exitCode = EXIT_ERRORS;
        return;
      }
      // Notes with a wording per language (the ШНОР status' reason) in --lang.
      const indicators = localizeIndicators(projectIndicators(check, asOf), cli.lang);
      if (o.json)
        cli.io.out(JSON.stringify({ file, template: check.template.id, indicators, summary }, null, 2) + "\n");
      else {
        const head = cli.text("indicatorsHead", {
          file,
          template: check.template.id,
          asOf,
          summary: summaryLine(summary, cli.lang),
        });
        cli.io.out(`${head}\n\n${formatIndicators(indicators, { schools: o.schools }, cli.lang)}\n`);
      }
      if (summary.errors) cli.io.err(`sverka: ${cli.text("indicatorsErrors", { file })}\n`);
      cli.exitCode = summary.errors ? EXIT_ERRORS : EXIT_OK;
    },
  );
}
