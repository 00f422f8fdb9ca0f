// The V8 flags of the `sverka` command, set before anything is compiled (bin/sverka.js; the
// benchmarks' child processes set the same, as they measure the command). A command runs once and
// briefly: V8's optimising compiler is a large share of its CPU time (on its own threads, and on
// 2 cores it competes with the command), and compiling each hot function with its callees inlined
// made that share larger still, run after run of recompilation. Without inlining, the region's
// read, check and indicators take about 15 % less CPU cold, the whole `indicators` command about
// 6 % and `dashboard` about 13 %, wall time unchanged and no loss when warm (`npm run bench`).
// (Running single-threaded used no less CPU for the whole command, and cost wall time.) The pane runs in Office's own
// engine, with its defaults.
"use strict";

const V8_FLAGS = ["--no-turbo-inlining"];

function tuneV8() {
  const v8 = require("v8");
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}

module.exports = { V8_FLAGS, tuneV8 };
