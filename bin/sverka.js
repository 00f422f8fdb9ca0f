#!/usr/bin/env node
// The `sverka` command. Runs the built bundle dist-cli/sverka.js (`npm install` builds it; so do
// `npm run build` and `npm run build:cli`). When the bundle is missing, or older than a source it was
// built from (dist-cli/inputs.json), it says what to run and runs the TypeScript sources through
// tsx instead, so the command always matches the sources.
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BUNDLE = path.join(ROOT, "dist-cli", "sverka.js");

/** Why the bundle cannot be used ("" when it can). */
function bundleProblem() {
  let built;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return "dist-cli/sverka.js не собран";
  }
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(path.join(ROOT, "dist-cli", "inputs.json"), "utf8"));
  } catch {
    return "нет dist-cli/inputs.json";
  }
  for (const file of inputs) {
    let time;
    try {
      time = fs.statSync(path.join(ROOT, file)).mtimeMs;
    } catch {
      continue; // an install without the sources: nothing can be newer than the bundle
    }
    if (time > built) return `${file} новее сборки`;
  }
  return "";
}

// `sverka … | head`: a reader that closes the pipe early ends the command quietly.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
  throw err;
});

/**
 * Loads the bundle with V8's code cache (dist-cli/sverka.js.cache, written after the first run), so
 * each start skips compiling what the last run compiled: node 20 has no module compile cache.
 */
function loadBundle() {
  const vm = require("vm");
  const Module = require("module");
  const cacheFile = `${BUNDLE}.cache`;
  const code = fs.readFileSync(BUNDLE, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(code), { filename: BUNDLE, cachedData });
  const mod = { exports: {} };
  const req = Module.createRequire(BUNDLE);
  script.runInThisContext()(mod.exports, req, mod, BUNDLE, path.dirname(BUNDLE));
  if (cachedData === undefined || script.cachedDataRejected)
    process.once("beforeExit", () => {
      try {
        fs.writeFileSync(cacheFile, script.createCachedData());
      } catch {
        // A read-only install: start without the cache.
      }
    });
  return mod.exports;
}

let main;
const problem = bundleProblem();
if (!problem) ({ main } = loadBundle());
else {
  let tsx = true;
  try {
    require.resolve("tsx/cjs");
  } catch {
    tsx = false;
  }
  if (!tsx || !fs.existsSync(path.join(ROOT, "src", "cli", "main.ts"))) {
    process.stderr.write(`sverka: ${problem}; соберите команду: npm run build:cli\n`);
    process.exit(2);
  }
  process.stderr.write(`sverka: ${problem} — запускаю исходники через tsx (медленнее); соберите: npm run build:cli\n`);
  require("tsx/cjs");
  ({ main } = require("../src/cli/main.ts"));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sverka: внутренняя ошибка: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 3;
  },
);
