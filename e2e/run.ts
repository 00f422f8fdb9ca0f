/**
 * `npm run test:e2e`: builds dist/ once (unless it is a fresh production build), then runs every
 * e2e/*.e2e.ts with node's test runner, one file at a time (2 cores), prints the total time and a
 * closing `e2e: N passed, N failed, N skipped` line (also in test-artifacts/e2e/summary.json).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureProductionBuild } from "../src/standalone/server/build";
import { ARTIFACTS } from "./harness";

const started = Date.now();
ensureProductionBuild((line) => console.log(`e2e: ${line}`));
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith(".e2e.ts"))
  .sort()
  .map((f) => join(__dirname, f));
if (files.length === 0) {
  console.error("e2e: no e2e/*.e2e.ts file found");
  process.exit(1);
}
rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });
const tap = join(ARTIFACTS, "results.tap");
const r = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=1",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: "inherit" },
);

function count(text: string, key: string): number {
  return Number(new RegExp(`^# ${key} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
}
let text = "";
try {
  text = readFileSync(tap, "utf8");
} catch {
  // no report: the runner itself failed; its exit code says so below
}
const summary = {
  passed: count(text, "pass"),
  failed: count(text, "fail") + count(text, "cancelled"),
  skipped: count(text, "skipped") + count(text, "todo"),
  seconds: Math.round((Date.now() - started) / 100) / 10,
};
writeFileSync(join(ARTIFACTS, "summary.json"), JSON.stringify(summary, null, 2) + "\n");
console.log(`e2e: ${files.length} file(s) in ${summary.seconds} s`);
console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
if (r.status === 0 && summary.passed === 0) {
  console.error("e2e: no test ran");
  process.exit(1);
}
process.exit(r.status ?? 1);
