/**
 * `npm run demo`: the main job on the bundled samples — check every sample workbook against its
 * template (detected, not named) and print the report, then the plan-execution indicator of the
 * monitored plan and of the 29-school monitoring workbook, and write each sample's dashboard copy
 * («Дашборд», «Отчёт ФЛК») into `out/`; then consolidate the bundled school files
 * (samples/schools/oo-*.xlsx) into a copy of the bundled master (`out/svod-lazo-2023.consolidated.xlsx`).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildLayouts, checkWorkbook } from "../src/app/check";
import { planConsolidation } from "../src/app/consolidate";
import { formatConsolidation, formatIndicators, formatReport, ansiPaint, noPaint } from "../src/cli/format";
import { BUILTIN_TEMPLATES } from "../src/core/templates";
import { applyConsolidationPlan, readFailure } from "../src/hosts/xlsx/consolidate";
import { fileSources } from "../src/hosts/xlsx/consolidateNode";
import { readWorkbookFileWithBytes } from "../src/hosts/xlsx/node";
import { writeDashboard } from "../src/hosts/xlsx/writeDashboard";

const SAMPLES = join(__dirname, "..", "samples");
const OUT = join(__dirname, "..", "out");
/** The dashboards' refresh date: fixed, so that the demo's files do not change from run to run. */
const REFRESHED_AT = "2024-01-10";
/** The Ivanovo sample's monitoring sheet is filled as of the end of June 2021. */
const AS_OF = "2021-06-30";
/** The Lazo monitoring sample holds data up to the end of 2023. */
const MONITORING_AS_OF = "2023-12-31";

/** The bundled school files and the master they are consolidated into (samples/schools/). */
const SCHOOLS = join(SAMPLES, "schools");
const MASTER = "svod-lazo-2023.xlsx";

/** Consolidates samples/schools/oo-*.xlsx into a copy of the bundled master in out/. */
async function consolidateSamples(paint: typeof ansiPaint): Promise<string> {
  const files = readdirSync(SCHOOLS)
    .filter((f) => f.startsWith("oo-") && f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(SCHOOLS, f));
  const { workbook, bytes } = await readWorkbookFileWithBytes(join(SCHOOLS, MASTER));
  const consolidation = await planConsolidation(workbook, fileSources(files), {
    templates: BUILTIN_TEMPLATES,
    asOf: MONITORING_AS_OF,
    mergeValidRows: false,
    readFailure,
  });
  const result = { consolidation, ...(await applyConsolidationPlan(bytes, consolidation.plan)) };
  const out = join(OUT, MASTER.replace(/\.xlsx$/, ".consolidated.xlsx"));
  writeFileSync(out, result.data);
  process.stdout.write(
    `Сведение файлов школ (samples/schools/) в сводную книгу ${MASTER}:\n\n` +
      formatConsolidation(
        result.consolidation.report,
        `out/${MASTER.replace(/\.xlsx$/, ".consolidated.xlsx")}`,
        result.warnings,
        paint,
      ) +
      "\n",
  );
  return out;
}

async function main(): Promise<void> {
  const paint = process.stdout.isTTY ? ansiPaint : noPaint;
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  if (!files.length) throw new Error(`в ${SAMPLES} нет образцов .xlsx (npm run build:samples)`);
  let total = { errors: 0, warnings: 0, infos: 0 };
  mkdirSync(OUT, { recursive: true });
  const dashboards: string[] = [];
  for (const f of files) {
    const { workbook: wb, bytes } = await readWorkbookFileWithBytes(join(SAMPLES, f));
    const { check } = checkWorkbook({ ...wb, name: `samples/${f}` }, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
    const isMonitoring = check.report.sheets.some((s) => s.kind === "monitoring");
    // The monitoring sample holds data up to 2023; its indicators and dashboard use that date.
    const asOf = isMonitoring ? MONITORING_AS_OF : AS_OF;
    process.stdout.write(formatReport(check.report, paint) + "\n");
    const { indicators: values, layout, flk } = buildLayouts(wb, check, { asOf, refreshedAt: REFRESHED_AT });
    if (check.plans.some((p) => p.hasStatus) || isMonitoring)
      process.stdout.write(`\nПоказатели на ${asOf}:\n${formatIndicators(values)}\n`);

    // The dashboard copy of the sample.
    const written = await writeDashboard(bytes, layout, flk);
    const path = join(OUT, f.replace(/\.xlsx$/, ".dashboard.xlsx"));
    writeFileSync(path, written.data);
    const formulas = layout.facts.filter((x) => x.formula).length;
    process.stdout.write(
      `\nДашборд: out/${f.replace(/\.xlsx$/, ".dashboard.xlsx")} (листы ${written.sheetNames.map((n) => `«${n}»`).join(", ")}; показателей ${layout.facts.length}, с живой формулой ${formulas})\n`,
    );
    for (const w of written.warnings) process.stdout.write(`Внимание: ${w}\n`);
    dashboards.push(path);
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
  process.stdout.write(
    `Дашборды (копии образцов с листами «Дашборд» и «Отчёт ФЛК»):\n${dashboards.map((p) => `  ${p}\n`).join("")}`,
  );
  process.stdout.write("\n" + "─".repeat(80) + "\n\n");
  const consolidated = await consolidateSamples(paint);
  process.stdout.write(`\nСводная книга: ${consolidated}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
