/**
 * The e2e harness: one static server over dist/, one headless Chromium (Debian's /usr/bin/chromium
 * driven by playwright-core), pages that may reach nothing but that server, an axe-core check and
 * screenshots kept under test-artifacts/e2e/. Each test file calls `startSession()` in `before` and
 * `session.close()` in `after`. The task pane's test page (the Excel fake in place of Office.js) is
 * built by `buildFakePage()` into its own folder, served beside dist/, never inside it.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DIST, PROJECT_ROOT, ensureProductionBuild, runWebpack } from "../src/standalone/server/build";
import { startStaticServer, type StaticServer } from "../src/standalone/server/staticServer";

export { PROJECT_ROOT };
export const ARTIFACTS = join(PROJECT_ROOT, "test-artifacts", "e2e");
export const SAMPLES = join(PROJECT_ROOT, "samples");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Where `buildFakePage()` writes the test-only task pane page (never dist/). */
export const FAKE_DIST = join(PROJECT_ROOT, "node_modules", ".cache", "sverka-e2e");
export const FAKE_PAGE = "taskpane-fake.html";
/** Text only the Excel fake's code holds (an export's name, a string literal that survives minifying). */
export const FAKE_MARKERS = ["installFakeOffice", "is not modelled"];

/** Builds `taskpane-fake.html` + `fake-office.js` into FAKE_DIST (e2e/webpack.fake.config.js, ~3 s). */
export function buildFakePage(): void {
  runWebpack(["--config", join("e2e", "webpack.fake.config.js"), "--env", `outDir=${FAKE_DIST}`]);
}

/** Logs `label: N ms` and returns what `fn` returned. */
export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    console.log(`  ⏱ ${label}: ${Date.now() - started} ms`);
  }
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to send anywhere but our server (all aborted). */
  external: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /** Fails loudly when the page went off the machine or logged an error. */
  assertClean(): void;
}

export interface Session {
  server: StaticServer;
  browser: Browser;
  /** A new page (own context, Russian locale) at `path` of the server, e.g. `/standalone.html`. */
  open(
    path: string,
    options?: {
      locale?: string;
      /** Default 1280 × 900; the task pane's real width is 350. */
      viewport?: { width: number; height: number };
      init?: (context: BrowserContext) => Promise<void>;
    },
  ): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Folders served under dist/ (dist/ wins on a clash): the test-only pane page, the samples. */
  extraRoots?: readonly string[];
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  ensureProductionBuild((line) => console.log(`  ${line}`));
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  const server = await startStaticServer({
    root: [DIST, ...(options.extraRoots ?? [])],
  });
  let browser: Browser;
  try {
    browser = await timed("launch Chromium", () =>
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      }),
    );
  } catch (e) {
    await server.close();
    throw e;
  }
  const contexts: BrowserContext[] = [];

  return {
    server,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext({
        acceptDownloads: true,
        locale: options.locale ?? "ru-RU",
        viewport: options.viewport ?? { width: 1280, height: 900 },
      });
      contexts.push(context);
      const external: string[] = [];
      const errors: string[] = [];
      // The page must work with no network: anything not served by our server is refused and noted.
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(server.origin + "/") || url.startsWith("data:") || url.startsWith("blob:"))
          return route.continue();
        external.push(url);
        return route.abort();
      });
      if (options.init) await options.init(context);
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
      });
      const response = await page.goto(server.origin + path);
      if (!response?.ok()) throw new Error(`GET ${path}: HTTP ${response?.status() ?? "no response"}`);
      return {
        page,
        context,
        external,
        errors,
        assertClean() {
          if (external.length) throw new Error(`the page tried to reach the network:\n  ${external.join("\n  ")}`);
          if (errors.length) throw new Error(`the page reported errors:\n  ${errors.join("\n  ")}`);
        },
      };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Fluent UI's focus manager (tabster) puts `<i data-tabster-dummy tabindex="0" aria-hidden="true">`
 * around arrow-key groups such as a TabList: they only pass focus on, and are hidden from screen
 * readers on purpose. axe reports them as `aria-hidden-focus`; Fluent lists this as a known false
 * positive (microsoft/tabster#288) and Accessibility Insights drops exactly these nodes
 * (microsoft/accessibility-insights-web#7605). So do we — only these nodes of only this rule.
 */
export function withoutTabsterDummies(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) =>
      v.id === "aria-hidden-focus"
        ? {
            ...v,
            nodes: v.nodes.filter((n) => !/\bdata-tabster-dummy\b/.test(n.html)),
          }
        : v,
    )
    .filter((v) => v.nodes.length > 0);
}

/** Turns off CSS transitions and animations, so axe measures colours at rest, not mid-fade. */
const SETTLED_STYLE = "*, *::before, *::after { transition: none !important; animation: none !important; }";

/**
 * Runs axe-core on the page as it is now and fails when it finds a `serious` or `critical`
 * violation, listing each rule with the elements it hit. Returns all violations found.
 */
export async function expectAccessible(page: Page, view: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) {
    await page.addStyleTag({ content: SETTLED_STYLE });
    await page.addScriptTag({ content: axe.source });
  }
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(ctx: Document, o: object): Promise<{ violations: unknown[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ["violations"] });
    return r.violations;
  });
  const all = withoutTabsterDummies(violations as AxeViolation[]);
  const bad = all.filter((v) => v.impact === "serious" || v.impact === "critical");
  const minor = all.filter((v) => !bad.includes(v));
  if (minor.length) console.log(`  axe (${view}): minor: ${minor.map((v) => `${v.id} (${v.impact})`).join(", ")}`);
  if (bad.length) {
    const text = bad
      .map(
        (v) =>
          `- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n` +
          v.nodes
            .slice(0, 5)
            .map((n) => `    at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`)
            .join("\n"),
      )
      .join("\n");
    throw new Error(`axe-core: ${bad.length} serious/critical accessibility violation(s) on «${view}»:\n${text}`);
  }
  return all;
}

/** Saves a full-page screenshot (or only the window: `fullPage` false) as test-artifacts/e2e/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
