/**
 * The import rules of the production code (src/**, without tests and `testing/` folders), checked
 * on the import graph (static, type-only, `export … from`, `import()` and `require`):
 * - the core imports only itself and zod;
 * - the app (the pipeline) imports the core, the host contract (`hosts/host.ts`), i18n and zod;
 * - hosts never import each other (`hosts/excel`, `hosts/xlsx`, `hosts/docx`), nor the app, the
 *   pane, the ribbon or the CLI; each may import `hosts/host.ts` and the byte helper `hosts/crc32.ts`;
 * - the CLI imports no Office, pane or ribbon code;
 * - the ribbon imports no pane code;
 * - the pane imports no concrete host (`hosts/excel`, `hosts/xlsx`, `hosts/docx`) outside its entry
 *   file (`taskpane/index.tsx`);
 * - no production file imports `samples/`, a `testing/` module or a test;
 * - the core's `validateWorkbook` is called from one module outside the core: `app/check.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");

const isTest = (file: string) => /\.(test|e2e|bench)\.tsx?$/.test(file) || file.split("/").includes("testing");

function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...productionFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out.map((p) => relative(ROOT, p).split(sep).join("/")).filter((f) => !isTest(f));
}

interface Edge {
  from: string;
  /** A repository path (`src/core/x`, no extension) for relative imports, else the package name. */
  to: string;
  spec: string;
}

function importsOf(file: string): Edge[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
  return info.importedFiles.map(({ fileName: spec }) => {
    if (!spec.startsWith(".")) return { from: file, to: spec, spec };
    const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
      .split(sep)
      .join("/")
      .replace(/\.(js|ts|tsx)$/, "");
    return { from: file, to: target, spec };
  });
}

const FILES = productionFiles(SRC);
const EDGES = FILES.flatMap(importsOf);

const under = (path: string, dir: string) => path === dir || path.startsWith(dir + "/");
const pkg = (to: string) => !to.startsWith("src/") && !to.startsWith("samples") && !to.startsWith(".");

/** Edges from files matching `from` that break `allowed`, as «file → import» lines. */
function violations(from: (f: string) => boolean, allowed: (e: Edge) => boolean): string[] {
  return EDGES.filter((e) => from(e.from) && !allowed(e)).map((e) => `${e.from} → ${e.spec}`);
}

const OFFICE_PACKAGES = /^(office-|@microsoft\/office|@types\/office)/;

describe("the production import graph", () => {
  it("covers the sources (sanity)", () => {
    expect(FILES).toContain("src/app/check.ts");
    expect(FILES).toContain("src/cli/main.ts");
    expect(FILES.some((f) => f.includes("/testing/"))).toBe(false);
    expect(EDGES.length).toBeGreaterThan(200);
  });

  it("the core imports only itself and zod", () => {
    expect(
      violations(
        (f) => under(f, "src/core"),
        (e) => under(e.to, "src/core") || e.to === "zod" || e.to.startsWith("zod/"),
      ),
    ).toEqual([]);
  });

  it("the app imports the core, the host contract, i18n and zod only", () => {
    expect(
      violations(
        (f) => under(f, "src/app"),
        (e) =>
          under(e.to, "src/app") ||
          under(e.to, "src/core") ||
          under(e.to, "src/i18n") ||
          e.to === "src/hosts/host" ||
          e.to === "zod" ||
          e.to.startsWith("zod/"),
      ),
    ).toEqual([]);
  });

  it("hosts never import each other, nor the app, the pane, the ribbon or the CLI", () => {
    const isHost = (f: string) =>
      under(f, "src/hosts/excel") || under(f, "src/hosts/xlsx") || under(f, "src/hosts/docx");
    expect(
      violations(isHost, (e) => {
        if (!e.to.startsWith("src/")) return true;
        const own = e.from.split("/").slice(0, 3).join("/");
        return (
          under(e.to, own) ||
          e.to === "src/hosts/host" ||
          e.to === "src/hosts/crc32" ||
          under(e.to, "src/core") ||
          under(e.to, "src/i18n")
        );
      }),
    ).toEqual([]);
  });

  it("the CLI imports no Office, pane or ribbon code", () => {
    expect(
      violations(
        (f) => under(f, "src/cli"),
        (e) =>
          !OFFICE_PACKAGES.test(e.to) &&
          !/^react(-dom)?$|^@fluentui\//.test(e.to) &&
          !["src/taskpane", "src/commands", "src/standalone", "src/hosts/excel"].some((d) => under(e.to, d)),
      ),
    ).toEqual([]);
  });

  it("the ribbon imports no pane code", () => {
    expect(
      violations(
        (f) => under(f, "src/commands"),
        (e) => !under(e.to, "src/taskpane") && !under(e.to, "src/standalone") && !/^@fluentui\/|^react/.test(e.to),
      ),
    ).toEqual([]);
  });

  it("the pane imports no concrete host outside its entry file", () => {
    expect(
      violations(
        (f) => under(f, "src/taskpane") && f !== "src/taskpane/index.tsx",
        (e) => !under(e.to, "src/hosts/excel") && !under(e.to, "src/hosts/xlsx") && !under(e.to, "src/hosts/docx"),
      ),
    ).toEqual([]);
  });

  it("no production file imports samples/, a testing/ module or a test", () => {
    expect(
      EDGES.filter((e) => under(e.to, "samples") || e.to.split("/").includes("testing") || isTest(e.to + ".ts")).map(
        (e) => `${e.from} → ${e.spec}`,
      ),
    ).toEqual([]);
  });

  it("every relative import resolves to a file (the rules above see the whole graph)", () => {
    const exists = (p: string) =>
      ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].some((ext) => {
        try {
          return readFileSync(join(ROOT, p + ext)) !== null;
        } catch {
          return false;
        }
      });
    expect(EDGES.filter((e) => !pkg(e.to) && !exists(e.to)).map((e) => `${e.from} → ${e.spec}`)).toEqual([]);
  });

  it("the core's validateWorkbook is called from app/check.ts only, outside the core", () => {
    const callers = FILES.filter(
      (f) => !under(f, "src/core") && /\bvalidateWorkbook\s*\(/.test(readFileSync(join(ROOT, f), "utf8")),
    );
    expect(callers).toEqual(["src/app/check.ts"]);
  });
});
