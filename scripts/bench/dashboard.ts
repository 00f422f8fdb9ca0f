/**
 * Bench: the region's `dashboard` copy (2,000 schools × 3 years × 12 procedures) against ExcelJS
 * 4.4 merely loading the same file, in CPU seconds, and its peak RSS. Goals (issue 10): ratio
 * ≤ 0.80, peak RSS ≤ 500 MB. Each job runs in a child process (`lib/dashboardChild.ts`, bundled as
 * the built CLI is), three times; the median is reported.
 */
import { execFileSync } from "node:child_process";
import { buildSync } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeRegionXlsx } from "./lib/region";

interface Measured {
  mode: string;
  cpu: number;
  phases: Record<string, number>;
  maxRssMb: number;
}

const RUNS = 3;

/**
 * The child bundled as the built CLI is (`scripts/build-cli.js`: our code in one file, npm packages
 * required from node_modules). Run through tsx instead, the job's CPU time would include tsx's
 * loader thread and source maps, and its peak RSS tsx's own, none of which the `sverka` command has.
 */
function bundleChild(dir: string): string {
  const out = join(dir, "dashboardChild.js");
  buildSync({
    entryPoints: [join(__dirname, "lib", "dashboardChild.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: out,
    logLevel: "warning",
  });
  return out;
}

function run(child: string, args: string[]): Measured {
  const out = execFileSync(process.execPath, [child, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    // The bundle lives in a temporary folder: its npm packages (ExcelJS) are the project's.
    env: { ...process.env, NODE_PATH: join(__dirname, "..", "..", "node_modules") },
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as Measured;
}

function median(xs: Measured[]): Measured {
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
    const child = bundleChild(dir);
    const base = median(Array.from({ length: RUNS }, () => run(child, ["exceljs-load", file])));
    const dash = median(Array.from({ length: RUNS }, () => run(child, ["dashboard", file, join(dir, "out.xlsx")])));
    const ratio = dash.cpu / base.cpu;
    const fmt = (p: Record<string, number>) =>
      Object.entries(p)
        .map(([k, v]) => `${k} ${v.toFixed(2)} с`)
        .join(", ");
    process.stdout.write(
      `  ExcelJS 4.4, только загрузка: ${base.cpu.toFixed(2)} с CPU, пик RSS ${base.maxRssMb.toFixed(0)} MB\n`,
    );
    process.stdout.write(
      `  dashboard (копия): ${dash.cpu.toFixed(2)} с CPU (${fmt(dash.phases)}), пик RSS ${dash.maxRssMb.toFixed(0)} MB\n`,
    );
    process.stdout.write(
      `  отношение к загрузке ExcelJS ${ratio.toFixed(2)} (цель ≤ 0.80): ${ratio <= 0.8 ? "цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА"}\n`,
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
