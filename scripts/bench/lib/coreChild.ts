/**
 * One measured round of the `plan` and `region` benches, in its own process and bundled as the
 * built `sverka` command runs (see `child.ts`). Each mode runs its job `runs` times in this process
 * (a full GC before each) and prints one JSON line with the median CPU seconds of each phase:
 * `exceljs-load <file> <runs>` — ExcelJS 4.4 merely loading the workbook (the baseline);
 * `validate <file> <runs> <asOf>` — what `sverka validate` does: read, check;
 * `indicators <file> <runs> <asOf>` — what `sverka indicators` does: read, check, indicators.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { computeIndicators } from "../../../src/core/indicators/engine";
import { BUILTIN_TEMPLATES } from "../../../src/core/templates";
import { validateWorkbook } from "../../../src/core/validate";
import { readWorkbookFile } from "../../../src/hosts/xlsx/node";
import { cpu, median } from "./measure";
// The command's V8 flags (`bin/v8-flags.js`).
const { tuneV8 } = require("../../../bin/v8-flags.js") as { tuneV8: () => void };

export interface CoreRound {
  mode: string;
  /** Median CPU seconds per phase. */
  phases: Record<string, number>;
  /** CPU seconds of the first run (cold, as one command runs), all phases together. */
  first: number;
  /** Facts about the job's output, to print (rows read, issues, values, issues by code …). */
  facts: Record<string, number | string>;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const [mode, file, runsArg, asOf = "2023-06-30"] = process.argv.slice(2);
  // Sverka's jobs run with the command's V8 flags; ExcelJS, the baseline, with Node's defaults.
  if (mode !== "exceljs-load") tuneV8();
  const runs = Number(runsArg) || 3;
  const times: Record<string, number[]> = {};
  const lap = (name: string, since: number): number => {
    const now = cpu();
    (times[name] ??= []).push(now - since);
    return now;
  };
  const facts: Record<string, number | string> = {};
  for (let k = 0; k < runs; k++) {
    gc();
    let t = cpu();
    if (mode === "exceljs-load") {
      const bytes = readFileSync(file);
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as Parameters<ExcelJS.Workbook["xlsx"]["load"]>[0]);
      lap("load", t);
      continue;
    }
    if (mode !== "validate" && mode !== "indicators") throw new Error(`unknown mode ${mode}`);
    const wb = await readWorkbookFile(file);
    t = lap("read", t);
    const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf });
    t = lap("check", t);
    facts.rows = wb.sheets.reduce((n, s) => n + s.rows.length, 0);
    facts.issues = check.report.issues.length;
    facts.template = check.report.template;
    facts.activities = check.plans.reduce((n, p) => n + p.activities.length, 0);
    const byCode = new Map<string, number>();
    for (const i of check.report.issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
    facts.codes = [...byCode].map(([c, n]) => `${c} ${n}`).join(", ") || "нет";
    if (mode === "indicators") {
      const values = computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf });
      lap("indicators", t);
      facts.values = values.length;
    }
  }
  const phases: Record<string, number> = {};
  for (const [name, xs] of Object.entries(times)) phases[name] = median(xs);
  const first = Object.values(times).reduce((sum, xs) => sum + xs[0], 0);
  const round: CoreRound = { mode, phases, first, facts };
  process.stdout.write(`${JSON.stringify(round)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
