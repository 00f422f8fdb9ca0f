#!/usr/bin/env node
// The `sverka` command. Runs the built bundle dist-cli/sverka.js (`npm install` builds it; so do
// `npm run build` and `npm run build:cli`). When the bundle is missing, or older than a source it was
// built from (dist-cli/inputs.json), it says what to run and runs the TypeScript sources through
// tsx instead, so the command always matches the sources.
"use strict";
require("./v8-flags.js").tuneV8();
const fs = require("fs");
const path = require("path");

const { ROOT, bundleProblem, loadBundle } = require("./cli-bundle.js");

// `sverka … | head`: a reader that closes the pipe early ends the command quietly.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
  throw err;
});

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
