// The built CLI bundle (dist-cli/sverka.js, scripts/build-cli.js): whether it can be used, and
// loading it with V8's code cache. Used by bin/sverka.js and by the test of the bundle.
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

module.exports = { ROOT, BUNDLE, bundleProblem, loadBundle };
