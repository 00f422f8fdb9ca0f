/**
 * The pane at its real width: 350 × 700, as Excel gives a task pane, in Russian and English, on
 * the task pane (the Excel fake) and on the standalone page. After a check the verdict is on the
 * first screen; no tab scrolls sideways (scrollWidth ≤ 350); the indicators tab draws at least
 * one chart; axe finds no serious or critical violation. Screenshots: test-artifacts/e2e/narrow-*.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import {
  FAKE_DIST,
  FAKE_PAGE,
  SAMPLES,
  buildFakePage,
  expectAccessible,
  screenshot,
  startSession,
  timed,
  type Session,
} from "./harness";
import {
  LAZO_SAMPLE,
  TAB,
  TAB_EN,
  assertNoSidewaysScroll,
  assertVerdictOnFirstScreen,
  idle,
  openTab,
  runCheck,
} from "./pane";

const TIMEOUT = 120_000;
const NARROW = { width: 350, height: 700 };

const LANGS = {
  ru: { locale: "ru-RU", tabs: TAB, check: "Проверить книгу", again: "Проверить снова", verdict: /Найдены ошибки/ },
  en: { locale: "en-US", tabs: TAB_EN, check: "Check workbook", again: "Check again", verdict: /Errors found/ },
} as const;

type Lang = keyof typeof LANGS;

/** Every tab of the pane: no sideways scrolling, axe clean, a screenshot; the indicators draw a chart. */
async function walkTabs(page: Page, scope: Page | Locator, lang: Lang, prefix: string): Promise<void> {
  const l = LANGS[lang];
  const names = [l.tabs.check, l.tabs.indicators, l.tabs.consolidate, l.tabs.templates];
  for (const [k, name] of names.entries()) {
    await openTab(scope, name);
    await idle(scope);
    if (name === l.tabs.indicators) {
      const charts = scope.locator('[data-testid="indicator-chart"] svg');
      await charts.first().waitFor({ timeout: 20_000 });
      assert.ok((await charts.count()) >= 1, `${prefix}: no chart on «${name}»`);
    }
    if (name === l.tabs.consolidate) await scope.getByTestId("consolidate-confirm").waitFor({ timeout: 20_000 });
    if (name === l.tabs.templates) await scope.getByTestId("template-card").first().waitFor();
    await assertNoSidewaysScroll(page, `${prefix} «${name}»`);
    await expectAccessible(page, `${prefix} «${name}»`);
    await screenshot(page, `narrow-${prefix}-${k + 1}`);
  }
}

describe("the pane at 350 × 700", () => {
  let session: Session;

  before(async () => {
    await timed("build the fake Excel page", async () => buildFakePage());
    session = await timed("start server and browser", () => startSession({ extraRoots: [FAKE_DIST, SAMPLES] }));
  });

  after(async () => {
    await session?.close();
  });

  for (const lang of ["ru", "en"] as const) {
    const l = LANGS[lang];

    it(
      `task pane on the Excel fake (${lang}): verdict on the first screen, every tab fits`,
      { timeout: TIMEOUT },
      async () => {
        const opened = await session.open(`/${FAKE_PAGE}?lang=${l.locale}`, { viewport: NARROW, locale: l.locale });
        const page = opened.page;
        await page.getByRole("tablist").waitFor({ timeout: 20_000 });
        await page.getByRole("button", { name: l.check, exact: true }).waitFor();
        await assertNoSidewaysScroll(page, `taskpane-${lang} before the check`);
        await expectAccessible(page, `taskpane-${lang} before the check`);
        await screenshot(page, `narrow-taskpane-${lang}-0-start`);
        const summary = await runCheck(page, { tab: l.tabs.check, check: l.check, again: l.again });
        assert.match(await summary.innerText(), l.verdict);
        await assertVerdictOnFirstScreen(page, page, `taskpane-${lang}`);
        await screenshot(page, `narrow-taskpane-${lang}-first-screen`, false);
        await walkTabs(page, page, lang, `taskpane-${lang}`);
        opened.assertClean();
        await opened.context.close();
      },
    );

    it(
      `standalone page (${lang}): a chosen file's verdict on the first screen, every tab fits`,
      { timeout: TIMEOUT },
      async () => {
        const opened = await session.open("/standalone.html", { viewport: NARROW, locale: l.locale });
        const page = opened.page;
        await assertNoSidewaysScroll(page, `standalone-${lang} empty`);
        await expectAccessible(page, `standalone-${lang} empty`);
        await page.getByTestId("file-input").setInputFiles(join(SAMPLES, LAZO_SAMPLE));
        const item = page.getByTestId("file-item").filter({ hasText: LAZO_SAMPLE });
        // The first file opened is chosen at once: its pane appears and the file list folds away.
        const ws = page.getByTestId("workspace");
        await ws.getByRole("heading", { level: 2, name: LAZO_SAMPLE, exact: true }).waitFor({ timeout: 30_000 });
        assert.equal(await item.getAttribute("data-status"), "ready");
        assert.equal(await item.isVisible(), false, "the file list still takes the first screen");
        await page
          .getByRole("button", { name: lang === "ru" ? "Показать список файлов (1)" : "Show the file list (1)" })
          .click();
        assert.equal(await item.isVisible(), true, "the file list does not unfold");
        await page.getByRole("button", { name: lang === "ru" ? "Скрыть список файлов" : "Hide the file list" }).click();
        const summary = await runCheck(ws, { tab: l.tabs.check, check: l.check, again: l.again });
        assert.match(await summary.innerText(), l.verdict);
        await assertVerdictOnFirstScreen(page, ws, `standalone-${lang}`);
        await screenshot(page, `narrow-standalone-${lang}-first-screen`, false);
        await walkTabs(page, ws, lang, `standalone-${lang}`);
        opened.assertClean();
        await opened.context.close();
      },
    );
  }
});
