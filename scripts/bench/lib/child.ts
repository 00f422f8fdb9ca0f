/**
 * Measured jobs in child processes, bundled as the built `sverka` command is (`scripts/build-cli.js`:
 * our code in one file, npm packages required from node_modules). Run through tsx instead, a job's CPU
 * time would include tsx's loader thread, source maps and a getter on every cross-module access in
 * hot loops, and its peak RSS tsx's own — none of which the shipped command or the pane has.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { buildSync } from "esbuild";

/** Bundles `scripts/bench/lib/<name>.ts` into `dir`; returns the bundle's path. */
export function bundleChild(name: string, dir: string): string {
  const out = join(dir, `${name}.js`);
  buildSync({
    entryPoints: [join(__dirname, `${name}.ts`)],
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

/**
 * The environment for measured child processes: without the `NODE_OPTIONS` tsx sets for its own
 * children (a bare node would otherwise load tsx's loader too).
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

/** Runs a bundled child with `args` and parses the JSON of its last output line. */
export function runChild<T>(bundle: string, args: string[], nodeArgs: string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeArgs, bundle, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    // The bundle lives in a temporary folder: its npm packages (ExcelJS) are the project's.
    env: { ...childEnv(), NODE_PATH: join(__dirname, "..", "..", "..", "node_modules") },
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as T;
}
