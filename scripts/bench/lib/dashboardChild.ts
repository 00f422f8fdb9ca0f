/**
 * One measured job of the dashboard bench, run in its own process so its peak RSS is its own:
 * `exceljs-load <file>` — ExcelJS 4.4 merely loading the workbook (the baseline);
 * `dashboard <file> <out>` — what `sverka dashboard` does: read, check, lay out, write the copy.
 * Prints one JSON line: CPU seconds of the job (start-up excluded), per phase, and the peak RSS.
 * The bench runs it bundled, as the built `sverka` command runs (`dashboard.ts`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { buildLayouts, checkWorkbook } from "../../../src/app/check";
import { BUILTIN_TEMPLATES } from "../../../src/core/templates";
import { readWritableWorkbookFile, zlibDeflater } from "../../../src/hosts/xlsx/node";
import { writeDashboard } from "../../../src/hosts/xlsx/writeDashboard";
import { cpu, peakRssMb } from "./measure";
// The command's V8 flags (`bin/v8-flags.js`).
const { tuneV8 } = require("../../../bin/v8-flags.js") as { tuneV8: () => void };

async function main(): Promise<void> {
  const [mode, file, out] = process.argv.slice(2);
  // Sverka's job runs with the command's V8 flags; ExcelJS, the baseline, with Node's defaults.
  if (mode !== "exceljs-load") tuneV8();
  const phases: Record<string, number> = {};
  const t0 = cpu();
  let t = t0;
  const lap = (name: string) => {
    const now = cpu();
    phases[name] = now - t;
    t = now;
  };
  if (mode === "exceljs-load") {
    const bytes = new Uint8Array(readFileSync(file));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    lap("load");
  } else if (mode === "dashboard") {
    // As `sverka dashboard` does (`cli/commands/dashboard.ts`): the Node reader (native zlib), the
    // check with its messages localised, the indicators (traced) and the layouts, then the patch.
    const { workbook: wb, bytes } = await readWritableWorkbookFile(file);
    lap("read");
    const asOf = "2023-06-30";
    const { check } = checkWorkbook({ ...wb, name: file }, { templates: BUILTIN_TEMPLATES, asOf, lang: "ru" });
    lap("check");
    const { layout, flk } = buildLayouts(wb, check, { asOf, refreshedAt: asOf });
    lap("layout");
    const res = await writeDashboard(bytes, layout, flk, { deflateRaw: zlibDeflater });
    writeFileSync(out, res.data);
    lap("write");
  } else throw new Error(`unknown mode ${mode}`);
  const total = cpu() - t0;
  process.stdout.write(`${JSON.stringify({ mode, cpu: total, phases, maxRssMb: peakRssMb() })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
