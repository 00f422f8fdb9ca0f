/**
 * Bench: the region's `dashboard` copy (2,000 schools × 3 years × 12 procedures) against ExcelJS
 * 4.4 merely loading the same file, in CPU seconds, and its peak RSS. Goals (issue 10): ratio
 * ≤ 0.80, peak RSS ≤ 500 MB. Each job runs in a child process (`lib/dashboardChild.ts`, bundled as
 * the built CLI is, the job with the command's V8 flags, `bin/v8-flags.js`), three rounds of ExcelJS
 * then the job; the median of the rounds' ratios is reported.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleChild, runChild } from "./lib/child";
import { median } from "./lib/measure";
import { makeRegionXlsx } from "./lib/region";

const { V8_FLAGS } = require("../../bin/v8-flags.js") as { V8_FLAGS: string[] };

interface Measured {
  mode: string;
  cpu: number;
  phases: Record<string, number>;
  maxRssMb: number;
}

const RUNS = 3;

function run(child: string, args: string[]): Measured {
  return runChild<Measured>(child, args);
}

function medianRun(xs: Measured[]): Measured {
  return [...xs].sort((a, b) => a.cpu - b.cpu)[Math.floor(xs.length / 2)];
}

export async function bench(): Promise<void> {
  const schools = 2000;
  const dir = mkdtempSync(join(tmpdir(), "sverka-bench-dashboard-"));
  try {
    const file = join(dir, "region.xlsx");
    const data = await makeRegionXlsx(schools);
    writeFileSync(file, data);
    process.stdout.write(
      `\nДашборд региона: ${schools} школ × 3 года × 12 процедур (${(data.byteLength / 1048576).toFixed(1)} MB)\n`,
    );
    const child = bundleChild("dashboardChild", dir);
    // Interleaved (ExcelJS, then the job, RUNS times), so the machine's drift touches both sides;
    // the ratio is the median of the rounds' ratios.
    const bases: Measured[] = [];
    const dashes: Measured[] = [];
    for (let k = 0; k < RUNS; k++) {
      bases.push(run(child, ["exceljs-load", file]));
      dashes.push(run(child, ["dashboard", file, join(dir, "out.xlsx")]));
    }
    const base = medianRun(bases);
    const dash = medianRun(dashes);
    const ratios = dashes.map((d, k) => d.cpu / bases[k].cpu);
    const ratio = median(ratios);
    const fmt = (p: Record<string, number>) =>
      Object.entries(p)
        .map(([k, v]) => `${k} ${v.toFixed(2)} с`)
        .join(", ");
    process.stdout.write(
      `  ExcelJS 4.4, только загрузка: ${base.cpu.toFixed(2)} с CPU, пик RSS ${base.maxRssMb.toFixed(0)} MB\n`,
    );
    process.stdout.write(
      `  dashboard (копия, флаги V8 команды ${V8_FLAGS.join(" ")}): ${dash.cpu.toFixed(2)} с CPU (${fmt(dash.phases)}), пик RSS ${dash.maxRssMb.toFixed(0)} MB\n`,
    );
    process.stdout.write(
      `  отношения по раундам: ${ratios.map((x) => x.toFixed(2)).join(", ")}; медиана ${ratio.toFixed(2)} (цель ≤ 0.80): ${ratio <= 0.8 ? "цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА"}\n`,
    );
    process.stdout.write(
      `  пик RSS ${dash.maxRssMb.toFixed(0)} MB (цель ≤ 500 MB): ${dash.maxRssMb <= 500 ? "цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА"}\n`,
    );
    const write = dash.phases.write ?? 0;
    process.stdout.write(
      `  из них запись копии (патч пакета): ${write.toFixed(2)} с, ${((write / base.cpu) * 100).toFixed(0)} % загрузки ExcelJS\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
