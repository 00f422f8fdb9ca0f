// The first-load budget: the scripts each page loads before anything else (its entry's initial
// chunks, office.js from Microsoft's CDN aside), measured gzipped as a browser receives them.
// webpack's own `performance` hints measure raw bytes; this plugin gzips the initial chunks and
// fails the build (a compilation error: `npm run build` exits non-zero) above the budget. Chunks
// loaded later (the check's pipeline, charts, consolidation, the file reader) are listed, not held
// to it. Every build prints the figures.

const zlib = require("zlib");

const PLUGIN = "SizeBudgetPlugin";

class SizeBudgetPlugin {
  /** @param {{ maxInitialGzip: number, entries?: string[] }} options bytes (gzip -9), entries to hold to it (default: all). */
  constructor(options) {
    this.max = options.maxInitialGzip;
    this.entries = options.entries;
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const gz = (file) => {
            const source = assets[file];
            return source ? zlib.gzipSync(source.buffer(), { level: 9 }).length : 0;
          };
          const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
          const lines = [];
          const initialFiles = new Set();
          for (const [name, entry] of compilation.entrypoints) {
            const files = entry.getFiles().filter((f) => f.endsWith(".js"));
            files.forEach((f) => initialFiles.add(f));
            const sizes = files.map((f) => [f, gz(f)]);
            const total = sizes.reduce((n, [, s]) => n + s, 0);
            const held = !this.entries || this.entries.includes(name);
            lines.push(
              `  ${name}: ${kb(total)} gzipped on first load (${sizes.map(([f, s]) => `${f} ${kb(s)}`).join(", ")})` +
                (held ? ` — budget ${kb(this.max)}` : ""),
            );
            if (held && total > this.max)
              compilation.errors.push(
                new WebpackError(
                  `${PLUGIN}: the first load of «${name}» is ${kb(total)} gzipped, over its ${kb(this.max)} budget. ` +
                    `Load what is not needed at once with import() (see webpack.budget.js).`,
                ),
              );
          }
          const later = Object.keys(assets)
            .filter((f) => f.endsWith(".js") && !initialFiles.has(f))
            .sort()
            .map((f) => `${f} ${kb(gz(f))}`);
          if (later.length) lines.push(`  loaded when needed: ${later.join(", ")}`);
          console.log(`size budget (gzip -9):\n${lines.join("\n")}`);
        },
      );
    });
  }
}

module.exports = { SizeBudgetPlugin };
