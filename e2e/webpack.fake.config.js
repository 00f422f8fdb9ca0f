// Test-only build (e2e): `taskpane-fake.html` + `fake-office.js`, the page that puts the in-repo
// Excel fake where Office.js would be and then loads the production taskpane.js from dist/. It is
// written to its own folder (`--env outDir=…`, default node_modules/.cache/sverka-e2e), never into
// dist/: the add-in ships no fake. Module rules and resolution are the main config's.

/* global require, module, __dirname */

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const mainConfig = require("../webpack.config.js");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_OUT = path.join(ROOT, "node_modules", ".cache", "sverka-e2e");

module.exports = async (env = {}) => {
  const main = await mainConfig({}, { mode: "production" });
  return {
    // Not minified: nothing ships, and Terser on ExcelJS would only slow the tests down.
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: { "fake-office": "./e2e/fake/officeFake.ts" },
    output: {
      path: path.resolve(env.outDir || DEFAULT_OUT),
      filename: "[name].js",
      clean: true,
    },
    resolve: main.resolve,
    module: main.module,
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane-fake.html",
        template: "./e2e/fake/taskpane-fake.html",
        chunks: ["fake-office"],
      }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};

module.exports.DEFAULT_OUT = DEFAULT_OUT;
