/**
 * The built CLI (dist-cli/sverka.js, `npm run build:cli`; built by `npm install`) gives what the
 * TypeScript `main` gives: the same JSON on a sample and the same exit code. Skipped when the
 * bundle has not been built or is older than its sources (bin/sverka.js would not use it either).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli, sample } from "./testing/harness";

const ROOT = join(__dirname, "..", "..");
const BUNDLE = join(ROOT, "dist-cli", "sverka.js");

const { bundleProblem } = require(join(ROOT, "bin", "cli-bundle.js")) as { bundleProblem: () => string };
const run = (args: string[]) =>
  spawnSync(
    process.execPath,
    [
      "-e",
      `require(${JSON.stringify(BUNDLE)}).main(process.argv.slice(1)).then((c) => (process.exitCode = c))`,
      "--",
      ...args,
    ],
    {
      encoding: "utf8",
    },
  );

(bundleProblem() === "" ? describe : describe.skip)("the built CLI bundle", () => {
  it("validates a sample as the sources do (JSON and exit code)", async () => {
    const args = ["validate", sample("ivanovo-2020.plan.xlsx"), "--as-of", "2021-06-30", "--json", "--lang", "en"];
    const built = run(args);
    const source = await runCli(...args);
    expect(built.status).toBe(source.code);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.out));
  });

  it("prints its version and help, and loads no file library for `templates`", () => {
    expect(run(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const probe = spawnSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(BUNDLE)}).main(["templates"]).then(() => {
          const loaded = Object.keys(require.cache).filter((p) => /node_modules[\\\\/](exceljs|@e965|docx|fflate|saxes)[\\\\/]/.test(p));
          process.stderr.write(JSON.stringify(loaded));
        })`,
      ],
      { encoding: "utf8" },
    );
    expect(probe.stdout).toContain("effektivnaya-shkola-2023");
    expect(JSON.parse(probe.stderr)).toEqual([]);
  });
});
