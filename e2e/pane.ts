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

export function tab(scope: Page | Locator, name: string): Locator {
  return scope.getByRole("tab", { name });
}

/** Opens a tab with the mouse and waits until it is the selected one. */
export async function openTab(scope: Page | Locator, name: string): Promise<void> {
  const t = tab(scope, name);
  await t.click();
  await t.and(scope.locator('[aria-selected="true"]')).waitFor();
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

/** «Проверить книгу» (or «Проверить снова») on the «Проверка» tab; waits for the summary. */
export async function runCheck(scope: Page | Locator): Promise<Locator> {
  await openTab(scope, TAB.check);
  const before = await scope.getByTestId("summary").count();
  await scope
    .getByRole("button", {
      name: before ? "Проверить снова" : "Проверить книгу",
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

export async function issueRows(scope: Page | Locator): Promise<IssueRowText[]> {
  return scope.getByTestId("issue-row").evaluateAll((trs) =>
    trs.map((tr) => {
      const [severity, sheet, cell, message] = Array.from(tr.querySelectorAll("td"), (td) =>
        (td.textContent ?? "").trim(),
      );
      return { severity, sheet, cell, message };
    }),
  );
}

/**
 * The rows are the Lazo sample's planted defects, one each, at their sheet and row (the sample's
 * `expected` list); each row shows a severity, the sheet, an A1 address and a message.
 */
export function assertLazoDefects(rows: readonly IssueRowText[]): void {
  for (const r of rows) {
    assert.match(r.severity, /^(Ошибка|Предупреждение|Замечание)$/, `severity «${r.severity}» of «${r.message}»`);
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
  assert.equal(await row.count(), 1, "no single row for the ШНОР share");
  const cells = await row.locator("td").allInnerTexts();
  return {
    period: cells[1].trim(),
    fact: (await row.getByTestId("fact").innerText()).trim(),
  };
}
