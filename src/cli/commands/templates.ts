/** `sverka templates` (the built-in templates) and `sverka template <id> --out blank.xlsx` (a blank workbook). */
import type { Command } from "commander";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import { EXIT_OK, type Cli } from "../context";
import { xlsxBlank } from "../fileHost";
import { withOptions, type ProjectOptions } from "../options";
import { chosenTemplate, loadTemplates, writeOut } from "../project";

export function registerTemplates(program: Command, cli: Cli): void {
  withOptions(program.command("templates").description(cli.text("cmd.templates")), cli, ["json"]).action(
    (o: { json?: boolean }) => {
      const list = BUILTIN_TEMPLATES.map((t) => ({
        id: t.id,
        title: t.title,
        municipality: t.municipality,
        period: t.period,
      }));
      if (o.json) cli.io.out(JSON.stringify({ templates: list }, null, 2) + "\n");
      else
        for (const t of list)
          cli.io.out(
            `${t.id.padEnd(26)} ${t.period.start} – ${t.period.end}${t.period.schoolYear ? cli.text("schoolYear") : ""}  ${t.title}\n`,
          );
      cli.exitCode = EXIT_OK;
    },
  );

  const blank = program.command("template").description(cli.text("cmd.template")).argument("<id>", cli.text("arg.id"));
  withOptions(blank, cli, ["out", "templateFile"]).action(async (id: string, o: ProjectOptions & { out: string }) => {
    const templates = await loadTemplates(cli, o.templateFile);
    const template = templates.find((t) => t.id === chosenTemplate(cli, id, templates))!;
    const { writeBlankTemplate, blankSheetNames } = xlsxBlank();
    await writeOut(cli, o.out, await writeBlankTemplate(template));
    const sheets = blankSheetNames(template)
      .map((n) => cli.quote(n))
      .join(", ");
    cli.io.out(cli.text("blankDone", { out: o.out, template: template.id, sheets }) + "\n");
    cli.exitCode = EXIT_OK;
  });
}
