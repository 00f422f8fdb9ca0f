/** `sverka dashboard <file> --out copy.xlsx`: a copy with «Дашборд» and «Отчёт ФЛК»; the input never changes. */
import type { Command } from "commander";
import { buildLayouts, checkWorkbook } from "../../app/check";
import { EXIT_OK, type Cli } from "../context";
import { summaryLine } from "../format";
import { xlsxDashboard, xlsxNode } from "../fileHost";
import { withOptions, type ProjectOptions } from "../options";
import { checkOut, chosenTemplate, dates, loadTemplates, openWorkbook, writeOut } from "../project";

export function registerDashboard(program: Command, cli: Cli): void {
  const cmd = program
    .command("dashboard")
    .description(cli.text("cmd.dashboard"))
    .argument("<file>", cli.text("arg.file"));
  withOptions(cmd, cli, ["out", "template", "templateFile", "asOf"]).action(
    async (file: string, o: ProjectOptions & { out: string }) => {
      const templates = await loadTemplates(cli, o.templateFile);
      const templateId = chosenTemplate(cli, o.template, templates);
      const runDates = dates(cli, o.asOf);
      checkOut(cli, o.out, [file]);
      const { workbook, bytes } = await openWorkbook(file, { forWriting: true, lang: cli.lang });
      const { check } = checkWorkbook(
        { ...workbook, name: file },
        { templates, asOf: runDates.asOf, lang: cli.lang, ...(templateId ? { templateId } : {}) },
      );
      const { layout, flk } = buildLayouts(workbook, check, runDates);
      const result = await xlsxDashboard().writeDashboard(bytes, layout, flk, { deflateRaw: xlsxNode().zlibDeflater });
      await writeOut(cli, o.out, result.data);
      const [dashboard, report, ...helpers] = result.sheetNames;
      const names = helpers.map((h) => cli.quote(h)).join(", ");
      cli.io.out(
        [
          cli.text("dashboardDone", {
            out: o.out,
            template: check.template.id,
            asOf: runDates.asOf,
            dashboard: dashboard ?? "",
            report: report ?? "",
            helpers: helpers.length ? cli.text("dashboardHelpers", { names }) : "",
          }),
          cli.text("dashboardFacts", {
            facts: layout.facts.length,
            formulas: layout.facts.filter((f) => f.formula).length,
          }),
          cli.text("dashboardCheck", { summary: summaryLine(check.report.summary, cli.lang) }),
          ...result.warnings.map((text) => cli.text("warning", { text })),
        ].join("\n") + "\n",
      );
      cli.exitCode = EXIT_OK;
    },
  );
}
