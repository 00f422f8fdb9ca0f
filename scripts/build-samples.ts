/**
 * Builds the sample workbooks: every module under samples/<folder>/*.ts (samples/plans/,
 * samples/monitoring/ …) that exports `sample: SampleWorkbook` is written to
 * samples/<sample.file> as .xlsx.
 *
 *   npx tsx scripts/build-samples.ts
 *
 * Modules named *.expected*, *.test.* and `types` are skipped; so is anything without a `sample`
 * export. Exits with status 1 if a module fails to load or a workbook cannot be written.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { SampleWorkbook } from "../samples/types";
import { gridToXlsx } from "../src/hosts/xlsx/writeGrid";

const SAMPLES = resolve(__dirname, "..", "samples");

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function isSampleWorkbook(v: unknown): v is SampleWorkbook {
  return (
    isRecord(v) &&
    typeof v.file === "string" &&
    Array.isArray(v.sheets) &&
    v.sheets.every((s: unknown) => isRecord(s) && typeof s.name === "string" && Array.isArray(s.rows))
  );
}

function isSampleModule(file: string): boolean {
  if (!/\.(ts|mts|cts)$/.test(file) || file.endsWith(".d.ts")) return false;
  const base = file.replace(/\.(ts|mts|cts)$/, "");
  return base !== "types" && !base.includes(".expected") && !/\.(test|spec)$/.test(base);
}

function sampleModules(): string[] {
  const out: string[] = [];
  let folders: string[];
  try {
    folders = readdirSync(SAMPLES).filter((f) => statSync(join(SAMPLES, f)).isDirectory());
  } catch {
    return out;
  }
  for (const folder of folders.sort()) {
    const dir = join(SAMPLES, folder);
    for (const f of readdirSync(dir).sort()) if (isSampleModule(f)) out.push(join(dir, f));
  }
  return out;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function main(): Promise<number> {
  const modules = sampleModules();
  if (modules.length === 0) {
    console.log(`No sample modules under ${relative(process.cwd(), SAMPLES) || "samples"}/*/ — nothing to build.`);
    return 0;
  }
  let failures = 0;
  let built = 0;
  const seen = new Map<string, string>();
  for (const path of modules) {
    const shown = relative(process.cwd(), path);
    let mod: unknown;
    try {
      mod = await import(pathToFileURL(path).href);
    } catch (e) {
      failures++;
      console.error(`✗ ${shown}: cannot load: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const sample: unknown = isRecord(mod)
      ? (mod.sample ?? (isRecord(mod.default) ? mod.default.sample : undefined))
      : undefined;
    if (sample === undefined) {
      console.log(`- ${shown}: no \`sample\` export, skipped`);
      continue;
    }
    if (!isSampleWorkbook(sample)) {
      failures++;
      console.error(`✗ ${shown}: \`sample\` is not a SampleWorkbook (needs file and sheets[].name/rows)`);
      continue;
    }
    const target = resolve(SAMPLES, sample.file);
    if (!target.startsWith(SAMPLES + sep) || !target.endsWith(".xlsx")) {
      failures++;
      console.error(`✗ ${shown}: sample.file must be an .xlsx path inside samples/, got "${sample.file}"`);
      continue;
    }
    const previous = seen.get(target);
    if (previous !== undefined) {
      failures++;
      console.error(`✗ ${shown}: writes ${sample.file}, already written by ${previous}`);
      continue;
    }
    seen.set(target, shown);
    try {
      const bytes = await gridToXlsx(sample);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    } catch (e) {
      failures++;
      console.error(`✗ ${shown}: cannot write ${sample.file}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    built++;
    const sheets = sample.sheets.map((s) => `${s.name} (${plural(s.rows.length, "row", "rows")})`).join(", ");
    console.log(`✓ samples/${sample.file}: ${plural(sample.sheets.length, "sheet", "sheets")}: ${sheets}`);
  }
  console.log(`${built} built, ${failures} failed.`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
