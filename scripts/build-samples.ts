/**
 * Builds the sample workbooks: every module under samples/<folder>/*.ts (samples/plans/,
 * samples/monitoring/ …) that exports `sample: SampleWorkbook` is written to
 * samples/<sample.file> as .xlsx; a module that exports `buildSamples(): Promise<BuiltSample[]>`
 * (samples/schools/: blank templates filled in) has each of its workbooks written to samples/<file>.
 *
 *   npx tsx scripts/build-samples.ts
 *
 * Modules named *.expected*, *.test.* and `types` are skipped; so is anything without a `sample`
 * export. Exits with status 1 if a module fails to load or a workbook cannot be written.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuiltSample, SampleWorkbook } from "../samples/types";
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

function isBuiltSample(v: unknown): v is BuiltSample {
  return (
    isRecord(v) && typeof v.file === "string" && v.bytes instanceof Uint8Array && typeof v.description === "string"
  );
}

/** Why a sample may not be written to `target` (outside samples/, not .xlsx, written twice), or null. */
function targetProblem(target: string, file: string, previous: string | undefined): string | null {
  if (!target.startsWith(SAMPLES + sep) || !target.endsWith(".xlsx"))
    return `sample file must be an .xlsx path inside samples/, got "${file}"`;
  if (previous !== undefined) return `writes ${file}, already written by ${previous}`;
  return null;
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
    const exported = (key: string): unknown =>
      isRecord(mod) ? (mod[key] ?? (isRecord(mod.default) ? mod.default[key] : undefined)) : undefined;
    const builder = exported("buildSamples");
    if (typeof builder === "function") {
      let list: unknown;
      try {
        list = await (builder as () => Promise<unknown>)();
      } catch (e) {
        failures++;
        console.error(`✗ ${shown}: buildSamples failed: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (!Array.isArray(list) || !list.every(isBuiltSample)) {
        failures++;
        console.error(`✗ ${shown}: buildSamples must return BuiltSample[] (file, bytes, description)`);
        continue;
      }
      for (const b of list) {
        const target = resolve(SAMPLES, b.file);
        const problem = targetProblem(target, b.file, seen.get(target));
        if (problem) {
          failures++;
          console.error(`✗ ${shown}: ${problem}`);
          continue;
        }
        seen.set(target, shown);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, b.bytes);
        built++;
        console.log(`✓ samples/${b.file}: ${b.description}`);
      }
      continue;
    }
    const sample: unknown = exported("sample");
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
    const problem = targetProblem(target, sample.file, seen.get(target));
    if (problem) {
      failures++;
      console.error(`✗ ${shown}: ${problem}`);
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
