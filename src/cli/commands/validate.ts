/** `sverka validate <files…>`: the check (ФЛК) of each workbook; the JSON report of the contract. */
import type { Command } from "commander";
import { checkWorkbook } from "../../app/check";
import type { FileReport } from "../../core/validate";
import type { ReadFailure } from "../../core/consolidate/types";
import { localizeReadFailure } from "../../i18n/readErrors";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Cli } from "../context";
import { formatReport } from "../format";
import { xlsxNode } from "../fileHost";
import { withOptions, type ProjectOptions } from "../options";
import { chosenTemplate, dates, loadTemplates } from "../project";

/** A file that cannot be read, in the report's shape (JSON contract). */
interface UnreadableFile {
  file: string;
  template: null;
  sheets: [];
  issues: [];
  summary: { errors: 0; warnings: 0; infos: 0 };
  /** `message` in the report's language; `message_params`: the message as data (`i18n/readErrors.ts`). */
  error: ReadFailure;
}

export function registerValidate(program: Command, cli: Cli): void {
  const cmd = program
    .command("validate")
    .description(cli.text("cmd.validate"))
    .argument("<files...>", cli.text("arg.files"));
  withOptions(cmd, cli, ["template", "templateFile", "asOf", "json"]).action(
    async (files: string[], o: ProjectOptions) => {
      const templates = await loadTemplates(cli, o.templateFile);
      const templateId = chosenTemplate(cli, o.template, templates);
      const { asOf } = dates(cli, o.asOf);
      const { readWorkbookFile, WorkbookReadError, readFailureOf } = xlsxNode();
      const reports: (FileReport | UnreadableFile)[] = [];
      let anyErrors = false;
      let unreadable = false;
      for (const file of files) {
        if (o.json) cli.io.err(cli.text("checking", { file }) + "\n");
        try {
          const wb = await readWorkbookFile(file);
          const { check } = checkWorkbook(
            { ...wb, name: file },
            { templates, asOf, lang: cli.lang, ...(templateId ? { templateId } : {}) },
          );
          reports.push(check.report);
          if (check.report.summary.errors) anyErrors = true;
          if (!o.json) cli.io.out(formatReport(check.report, cli.paint, cli.lang) + "\n\n");
        } catch (e) {
          if (!(e instanceof WorkbookReadError)) throw e;
          unreadable = true;
          const error = localizeReadFailure(readFailureOf(e), cli.lang);
          cli.io.err(`sverka: ${error.message}\n`);
          reports.push({
            file,
            template: null,
            sheets: [],
            issues: [],
            summary: { errors: 0, warnings: 0, infos: 0 },
            error,
          });
        }
      }
      if (o.json) cli.io.out(JSON.stringify({ files: reports }, null, 2) + "\n");
      cli.exitCode = unreadable ? EXIT_USAGE : anyErrors ? EXIT_ERRORS : EXIT_OK;
    },
  );
}
