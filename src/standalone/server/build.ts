/**
 * Is dist/ a production build newer than every input? (Node only.) `npm run standalone` and the
 * e2e tests build only when it is not. The standalone page records the webpack mode in a
 * `<meta name="sverka-build">` tag; webpack rewrites every asset on each build (compareBeforeEmit
 * off), so the page's file time is the build's time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const PROJECT_ROOT = join(__dirname, "..", "..", "..");
/**
 * The build's output. SVERKA_DIST points elsewhere (a debugging aid): that folder is used as it is
 * if it holds a production build, never rebuilt and not compared with the sources.
 */
export const DIST = process.env.SVERKA_DIST ?? join(PROJECT_ROOT, "dist");
export const STANDALONE_PAGE = "standalone.html";

/** What a build reads: sources, assets, the manifest and the build's own configuration. */
const INPUTS = [
  "src",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

/** The newest modification time of `path` or anything under it (0 when it does not exist). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export type Freshness = { fresh: true } | { fresh: false; reason: string };

export function buildFreshness(root = PROJECT_ROOT, dist = DIST, compareSources = true): Freshness {
  const page = join(dist, STANDALONE_PAGE);
  if (!existsSync(page)) return { fresh: false, reason: `${page} does not exist` };
  const mode = /<meta name="?sverka-build"? content="?([\w-]+)/.exec(readFileSync(page, "utf8"))?.[1];
  if (mode !== "production")
    return { fresh: false, reason: `dist/ holds a ${mode ?? "unknown"} build, not production` };
  if (!compareSources) return { fresh: true };
  const built = statSync(page).mtimeMs;
  const newest = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  if (newest > built) return { fresh: false, reason: "sources changed since dist/ was built" };
  return { fresh: true };
}

/** Runs webpack-cli with `args` in `root`; returns how long it took (ms), throws when it fails. */
export function runWebpack(args: readonly string[], root = PROJECT_ROOT): number {
  const started = Date.now();
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`webpack ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
  return Date.now() - started;
}

/** Runs `webpack --mode production` (what `npm run build` runs); throws when it fails. */
export function runProductionBuild(root = PROJECT_ROOT): number {
  return runWebpack(["--mode", "production"], root);
}

/** Builds unless dist/ is a fresh production build; says which and how long it took. */
export function ensureProductionBuild(log: (line: string) => void = console.log): void {
  if (process.env.SVERKA_DIST) {
    const f = buildFreshness(PROJECT_ROOT, DIST, false);
    if (!f.fresh) throw new Error(`SVERKA_DIST=${DIST}: ${f.reason}`);
    log(`using SVERKA_DIST=${DIST} as it is (not rebuilt)`);
    return;
  }
  const f = buildFreshness();
  if (f.fresh) {
    log("dist/ is a fresh production build: reusing it");
    return;
  }
  log(`building dist/ (${f.reason})…`);
  const ms = runProductionBuild();
  log(`built dist/ in ${(ms / 1000).toFixed(1)} s`);
  const after = buildFreshness();
  if (!after.fresh) throw new Error(`dist/ is still not usable after the build: ${after.reason}`);
}
