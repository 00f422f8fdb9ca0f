// Webpack config laid out like the `yo office` React task-pane template:
// entries taskpane and commands (the add-in) and standalone (the page that checks .xlsx files in a
// plain browser, without Office.js), one HTML page each, assets + manifest copied into dist/, and an
// https dev server on port 3000 using office-addin-dev-certs.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { SizeBudgetPlugin } = require("./webpack.budget");

const urlDev = "https://localhost:3000/";
// Where the built add-in is served: SVERKA_URL=https://addin.example.ru/sverka/ npm run build rewrites
// manifest.xml's localhost URLs to it (README, «Loading the add-in into Excel»).
const urlProd = (process.env.SVERKA_URL || "https://sverka.example.org/").replace(/\/?$/, "/");

async function getHttpsOptions() {
  // Loaded lazily: only `webpack serve` needs (and may create/install) the dev certificates; on Linux
  // without sudo (scripts/dev-certs.js).
  return require("./scripts/dev-certs").httpsOptions();
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);

  const config = {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      standalone: "./src/standalone/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Lazily loaded chunks (pipeline.js, charts.js, consolidate.js, xlsx-host.js …) sit beside the pages.
      chunkFilename: "[name].js",
      clean: true,
      // Write every asset on every build, so file times tell when dist/ was built (e2e reuses a fresh dist/).
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // `import("./x.js")` is how a dynamic import of ./x.ts is written under moduleResolution nodenext.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      // ExcelJS is taken from its "browser" field (dist/exceljs.min.js, with its own Node polyfills),
      // which webpack's default mainFields for the web target already prefer: no fallbacks needed.
    },
    optimization: {
      // Lazy chunks keep their names (pipeline, charts, consolidate, xlsx-host) rather than being
      // split again under numeric names.
      splitChunks: false,
    },
    module: {
      // A self-contained browserify bundle: nothing for webpack to resolve inside it, parsing it is slow.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // tsconfig.json targets Node (module nodenext, CommonJS output for .ts);
              // the browser bundle wants ES modules so webpack can tree-shake Fluent UI.
              compilerOptions: {
                module: "esnext",
                moduleResolution: "bundler",
                sourceMap: true,
                // TypeScript 6 wants rootDir explicit when outDir is set (TS5011).
                rootDir: __dirname,
              },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      // Each page's first load ≤ 300 KB gzipped (issue 12), else the production build fails.
      ...(dev ? [] : [new SizeBudgetPlugin({ maxInitialGzip: 300 * 1000 })]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/standalone/standalone.html",
        chunks: ["standalone"],
        // Written into the page (<meta name="sverka-build">): the e2e tests reuse only a production dist/.
        buildMode: dev ? "development" : "production",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) return content;
              // The manifest's own placeholders (AppDomain, SupportUrl) follow SVERKA_URL too.
              return content
                .toString()
                .replace(new RegExp(urlDev, "g"), urlProd)
                .replace(/https:\/\/sverka\.example\.org(\/?)/g, (_, slash) => (slash ? urlProd : new URL(urlProd).origin));
            },
          },
        ],
      }),
    ],
    // The budget is SizeBudgetPlugin's (gzipped first load); webpack's raw-size hints would only repeat it.
    performance: { hints: false },
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };

  if (serving) {
    config.devServer.server = {
      type: "https",
      options: options.https !== undefined ? options.https : await getHttpsOptions(),
    };
  }

  return config;
};
