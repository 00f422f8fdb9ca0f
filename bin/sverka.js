#!/usr/bin/env node
// The `sverka` command. Runs the TypeScript sources through tsx, so it works right after
// `npm install` with no build step.
"use strict";
require("tsx/cjs");
// `sverka … | head`: a reader that closes the pipe early ends the command quietly.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
  throw err;
});
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sverka: внутренняя ошибка: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 3;
  },
);
