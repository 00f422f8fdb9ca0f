/** `sverka consolidate <files…> --into master.xlsx --out copy.xlsx`: school files merged into a copy of the master. */
import type { Command } from "commander";
import { planConsolidation } from "../../app/consolidate";
import { EXIT_ERRORS, EXIT_OK, type Cli } from "../context";
import { formatConsolidation } from "../format";
import { xlsxConsolidation, xlsxNode } from "../fileHost";
import { withOptions, type ProjectOptions } from "../options";
import { ProgressBar } from "../progress";
import { checkOut, chosenTemplate, dates, loadTemplates, openWorkbook, writeOut } from "../project";

export function registerConsolidate(program: Command, cli: Cli): void {
  const cmd = program
    .command("consolidate")
    .description(cli.text("cmd.consolidate"))
    .argument("<files...>", cli.text("arg.schoolFiles"));
  withOptions(cmd, cli, ["into", "out", "template", "templateFile", "asOf", "mergeValidRows", "json"]).action(
    async (files: string[], o: ProjectOptions & { into: string; out: string; mergeValidRows?: boolean }) => {
      const templates = await loadTemplates(cli, o.templateFile);
      const templateId = chosenTemplate(cli, o.template, templates);
      const { asOf } = dates(cli, o.asOf);
      checkOut(cli, o.out, [o.into, ...files]);
      const { workbook, bytes } = await openWorkbook(o.into, { forWriting: true, lang: cli.lang });
      const { fileSources, readFailure, applyConsolidationPlan } = xlsxConsolidation();
      const bar = cli.io.errIsTTY ? new ProgressBar(cli.io.err, cli.io.errColumns) : null;
      const consolidation = await planConsolidation(workbook, fileSources(files), {
        templates,
        ...(templateId ? { templateId } : {}),
        asOf,
        mergeValidRows: !!o.mergeValidRows,
        lang: cli.lang,
        readFailure,
        onProgress: (p) =>
          bar?.update(p.done, p.total, p.phase === "write" ? cli.text("progressWrite", { file: o.out }) : p.file),
      });
      const result = await applyConsolidationPlan(bytes, consolidation.plan, { deflateRaw: xlsxNode().zlibDeflater });
      bar?.end();
      await writeOut(cli, o.out, result.data);
      const r = consolidation.report;
      if (o.json) cli.io.out(JSON.stringify({ ...r, out: o.out, warnings: result.warnings }, null, 2) + "\n");
      else cli.io.out(formatConsolidation(r, o.out, result.warnings, cli.paint, cli.lang) + "\n");
      const problems = r.summary.rejected + r.summary.unreadable + r.summary.merged_partly + r.duplicates.length > 0;
      cli.exitCode = problems ? EXIT_ERRORS : EXIT_OK;
    },
  );
}
