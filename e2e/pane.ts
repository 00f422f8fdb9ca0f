/**
 * The task pane (`SverkaPane`) as the e2e tests drive it, on either page (the standalone page and
 * the task pane on the Excel fake): its tabs, the check, the issue rows, the indicators, and the
 * golden expectations of the Lazo monitoring sample (its 15 planted defects, ШНОР share 2022).
 */
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { expected as LAZO_DEFECTS } from "../samples/monitoring/lazo-monitoring";

/** The Lazo monitoring sample (seed 003): 29 schools, 15 planted defects. */
export const LAZO_SAMPLE = "effektivnaya-shkola-2023.monitoring.xlsx";
/** ШНОР share «по итогам 2022 года»: 10 of 29 schools (DOMAIN.md, seed 003). */
export const SHNOR_2022 = "34,5 %";

export const TAB = {
  check: "Проверка (ФЛК)",
  indicators: "Показатели",
  templates: "Шаблоны",
  consolidate: "Свод файлов",
} as const;

/** The same tabs in English. */
export const TAB_EN = {
  check: "Check (FLK)",
  indicators: "Indicators",
  templates: "Templates",
  consolidate: "Consolidate",
} as const;

export function tab(scope: Page | Locator, name: string): Locator {
  return scope.getByRole("tab", { name });
}

function pageOf(scope: Page | Locator): Page {
  return "page" in scope && typeof scope.page === "function" ? (scope as Locator).page() : (scope as Page);
}

/**
 * Opens a tab with the mouse and waits until it is the selected one. A tab that does not fit the
 * pane's width is in the tab list's «Ещё» menu: it is opened from there.
 */
export async function openTab(scope: Page | Locator, name: string): Promise<void> {
  const t = tab(scope, name);
  if (!(await t.isVisible())) {
    await scope
      .getByRole("tablist")
      .locator("xpath=..")
      .getByRole("button", { name: /^(Ещё|More)$/ })
      .click();
    await pageOf(scope).getByRole("menuitem", { name, exact: true }).click();
  } else await t.click();
  await t.and(scope.locator('[aria-selected="true"]')).waitFor();
}

/** Runs `name` from the pane's «Ещё действия» menu (the menu opens in a layer of the page). */
export async function menuAction(scope: Page | Locator, name: string, menu = "Ещё действия"): Promise<void> {
  await scope.getByRole("button", { name: menu, exact: true }).click();
  await pageOf(scope).getByRole("menuitem", { name, exact: true }).click();
}

/** Opens every collapsed group of issues. */
export async function openAllGroups(scope: Page | Locator): Promise<void> {
  const closed = scope.locator('[data-testid="issue-group"] button[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
}

/** Waits until the pane runs nothing (its activity region is empty) and shows no host error. */
export async function idle(scope: Page | Locator, timeout = 30_000): Promise<void> {
  const activity = scope.getByTestId("activity");
  const started = Date.now();
  while ((await activity.innerText()).trim() !== "") {
    if (Date.now() - started > timeout) assert.fail(`the pane is still busy: «${await activity.innerText()}»`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const error = scope.getByTestId("host-error");
  if (await error.count()) assert.fail(`the pane shows an error: ${await error.first().innerText()}`);
}

/** «Проверить книгу» (or «Проверить снова»: `names` in English) on the «Проверка» tab; waits for the summary. */
export async function runCheck(
  scope: Page | Locator,
  names: { tab: string; check: string; again: string } = {
    tab: TAB.check,
    check: "Проверить книгу",
    again: "Проверить снова",
  },
): Promise<Locator> {
  await openTab(scope, names.tab);
  const before = await scope.getByTestId("summary").count();
  await scope
    .getByRole("button", {
      name: before ? names.again : names.check,
      exact: true,
    })
    .click();
  await idle(scope, 60_000);
  const summary = scope.getByTestId("summary");
  await summary.waitFor({ timeout: 5_000 });
  return summary;
}

export interface IssueRowText {
  severity: string;
  sheet: string;
  cell: string;
  message: string;
}

/** Every issue card (the groups are opened first). */
export async function issueRows(scope: Page | Locator): Promise<IssueRowText[]> {
  await openAllGroups(scope);
  return scope.getByTestId("issue-row").evaluateAll((cards) =>
    cards.map((card) => ({
      severity: card.getAttribute("data-severity") ?? "",
      sheet: card.getAttribute("data-sheet") ?? "",
      cell: card.getAttribute("data-cell") ?? "",
      // A rule met once shows its message as the group's heading; the card then says only where.
      message: (
        (
          card.querySelector('[data-testid="issue-message"]') ??
          card.closest('[data-testid="issue-group"]')?.querySelector('[data-testid="issue-message"]')
        )?.textContent ?? ""
      ).trim(),
    })),
  );
}

/**
 * The rows are the Lazo sample's planted defects, one each, at their sheet and row (the sample's
 * `expected` list); each row shows a severity, the sheet, an A1 address and a message.
 */
export function assertLazoDefects(rows: readonly IssueRowText[]): void {
  for (const r of rows) {
    assert.match(r.severity, /^(error|warning|info)$/, `severity «${r.severity}» of «${r.message}»`);
    assert.match(r.cell, /^[A-Z]{1,3}[1-9]\d*$/, `cell «${r.cell}» of «${r.message}»`);
    assert.ok(r.message.length > 10, `an issue without a message at ${r.sheet}!${r.cell}`);
  }
  const shown = rows.map((r) => `${r.sheet}:${/\d+$/.exec(r.cell)?.[0]}`).sort();
  const planted = LAZO_DEFECTS.map((d) => `${d.sheet}:${d.row}`).sort();
  assert.deepEqual(shown, planted, "the issues listed are not the sample's planted defects");
}

/** The fact shown for the ШНОР share in the latest period (2022) on the «Показатели» tab. */
export async function shnorShare(scope: Page | Locator): Promise<{ period: string; fact: string }> {
  await openTab(scope, TAB.indicators);
  const row = scope.locator('[data-testid="indicator-row"][data-indicator="shnor_share"]');
  assert.equal(await row.count(), 1, "no single card for the ШНОР share");
  return {
    period: (await row.getByTestId("period").innerText()).trim(),
    fact: (await row.getByTestId("fact").innerText()).trim(),
  };
}

/** The page scrolls sideways nowhere: the document is no wider than the window. */
export async function assertNoSidewaysScroll(page: Page, view: string): Promise<void> {
  const { scroll, width, wide } = await page.evaluate(() => {
    const el = document.documentElement;
    const over = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} «${(e.textContent ?? "").slice(0, 40)}»`);
    return { scroll: el.scrollWidth, width: window.innerWidth, wide: over };
  });
  assert.ok(scroll <= width, `${view}: scrollWidth ${scroll} > ${width}; wider than the window: ${wide.join("; ")}`);
}

/** The verdict (the summary card) lies wholly within the first screen. */
export async function assertVerdictOnFirstScreen(page: Page, scope: Page | Locator, view: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await scope.getByTestId("summary").boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  assert.ok(box, `${view}: no verdict`);
  assert.ok(box.y + box.height <= height, `${view}: the verdict ends at y = ${box.y + box.height}, below ${height}`);
}

/** The card of the issue at `sheet`!`cell`. */
export function issueCardAt(scope: Page | Locator, sheet: string, cell: string): Locator {
  return scope.locator(`[data-testid="issue-row"][data-sheet="${sheet}"][data-cell="${cell}"]`).first();
}
