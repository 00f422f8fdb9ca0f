#!/usr/bin/env node
/*
 * Builds the `sverka` command into one JavaScript bundle, dist-cli/sverka.js (esbuild: our
 * TypeScript bundled, npm packages left as `require`s so ExcelJS, SheetJS and docx load only when a
 * command uses them), and dist-cli/inputs.json, the source files it was built from (bin/sverka.js
 * compares their times with the bundle's to notice a stale build). Run by `npm install` (prepare),
 * `npm run build` and `npm run build:cli`. Without esbuild (a production-only install) it says so
 * and leaves bin/sverka.js to run the sources through tsx. bin/sverka.js keeps V8's code cache of the
 * bundle beside it (sverka.js.cache), removed here on each build.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT_DIR = path.join(ROOT, "dist-cli");

/** The package's dependencies that stay outside the bundle. */
function externals() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const deps = [...Object.keys(pkg.dependencies || {}), ...Object.keys(pkg.devDependencies || {})];
  return deps.filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);
}

const BUNDLED = new Set(["zod", "commander"]);

/**
 * zod's namespace re-exports its forty-odd locales (a quarter of the bundle); Sverka speaks Russian
 * and English only (the app imports those two itself), so the index of locales keeps just them.
 */
const twoZodLocales = {
  name: "two-zod-locales",
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as ru } from "./ru.js";\nexport { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
      loader: "js",
    }));
  },
};

async function main() {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    console.warn("build-cli: esbuild is not installed (dev dependency): bin/sverka.js will run the sources via tsx.");
    return;
  }
  const started = Date.now();
  // The V8 code cache bin/sverka.js keeps belongs to the old bundle.
  fs.rmSync(path.join(OUT_DIR, "sverka.js.cache"), { force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ["src/cli/main.ts"],
    outfile: path.join(OUT_DIR, "sverka.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // npm packages stay `require`s (loaded when a command needs them), except the two every start
    // needs: zod (the templates are parsed at load) and commander, bundled so node does not resolve
    // and compile their hundred-odd files on each run.
    external: externals(),
    sourcemap: "linked",
    metafile: true,
    plugins: [twoZodLocales],
    legalComments: "none",
    minify: true,
    keepNames: false,
    logLevel: "warning",
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
  fs.writeFileSync(path.join(OUT_DIR, "inputs.json"), JSON.stringify(inputs, null, 1) + "\n");
  const size = fs.statSync(path.join(OUT_DIR, "sverka.js")).size;
  console.log(
    `build-cli: dist-cli/sverka.js (${(size / 1024).toFixed(0)} KB, ${inputs.length} sources) in ${Date.now() - started} ms`,
  );
}

main().catch((e) => {
  console.error(`build-cli: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
