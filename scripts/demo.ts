/**
 * `npm run demo`: the main job on the bundled samples — check every sample workbook against its
 * template (detected, not named) and print the report, then the plan-execution indicator of the
 * monitored plan and of the 29-school monitoring workbook.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { formatIndicators, formatReport, ansiPaint, noPaint } from "../src/cli/format";
import { computeIndicators } from "../src/core/indicators/engine";
import { BUILTIN_TEMPLATES } from "../src/core/templates";
import { validateWorkbook } from "../src/core/validate";
import { readWorkbookFile } from "../src/hosts/xlsx/node";

const SAMPLES = join(__dirname, "..", "samples");
/** The Ivanovo sample's monitoring sheet is filled as of the end of June 2021. */
const AS_OF = "2021-06-30";
/** The Lazo monitoring sample holds data up to the end of 2023. */
const MONITORING_AS_OF = "2023-12-31";

async function main(): Promise<void> {
  const paint = process.stdout.isTTY ? ansiPaint : noPaint;
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  if (!files.length) throw new Error(`в ${SAMPLES} нет образцов .xlsx (npm run build:samples)`);
  let total = { errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    const wb = await readWorkbookFile(join(SAMPLES, f));
    const check = validateWorkbook({ ...wb, name: `samples/${f}` }, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
    process.stdout.write(formatReport(check.report, paint) + "\n");
    const monitored = check.plans.some((p) => p.hasStatus) || check.report.sheets.some((s) => s.kind === "monitoring");
    if (monitored) {
      const asOf = check.report.sheets.some((s) => s.kind === "monitoring") ? MONITORING_AS_OF : AS_OF;
      const values = computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf });
      process.stdout.write(`\nПоказатели на ${asOf}:\n${formatIndicators(values)}\n`);
    }
    process.stdout.write("\n" + "─".repeat(80) + "\n\n");
    total = {
      errors: total.errors + check.report.summary.errors,
      warnings: total.warnings + check.report.summary.warnings,
      infos: total.infos + check.report.summary.infos,
    };
  }
  process.stdout.write(
    `Проверено образцов: ${files.length}; ошибок ${total.errors}, предупреждений ${total.warnings}, замечаний ${total.infos} — это дефекты, которые есть в исходных документах.\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
