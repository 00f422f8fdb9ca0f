/**
 * The task pane in a real browser with the in-repo Excel fake in place of Office.js
 * (`taskpane-fake.html`, built by e2e/webpack.fake.config.js outside dist/): the production
 * taskpane.js from dist/ finds `Office`, creates its Excel host and drives the fake's object model.
 * The fake's workbook is the Lazo monitoring sample, fetched from the test server and read by the
 * xlsx reader; `window.__sverkaFake` (typed in fake/officeFake.ts) is the fake's handle, inspected
 * here to see what the pane did in "Excel": the sheet activated and the cell selected, fills marked
 * and restored, the dashboard's sheet, defined names and charts. axe-core on each tab; screenshots
 * in test-artifacts/e2e/.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { parseA1 } from "../src/core/model/address";
import { factName } from "../src/core/dashboard/layout";
import { DIST } from "../src/standalone/server/build";
import {
  FAKE_DIST,
  FAKE_MARKERS,
  FAKE_PAGE,
  SAMPLES,
  buildFakePage,
  expectAccessible,
  screenshot,
  startSession,
  timed,
  type OpenedPage,
  type Session,
} from "./harness";
import {
  LAZO_SAMPLE,
  SHNOR_2022,
  TAB,
  assertLazoDefects,
  idle,
  issueCardAt,
  issueRows,
  menuAction,
  openTab,
  runCheck,
  shnorShare,
  type IssueRowText,
} from "./pane";

const TIMEOUT = 60_000;

interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

function cellRef(r: IssueRowText): CellRef {
  assert.match(r.cell, /^[A-Z]+\d+$/, `not an A1 address: ${r.cell}`);
  return { sheet: r.sheet, ...parseA1(r.cell) };
}

/** The fills the fake workbook holds at these cells (null: none). */
function fillsAt(page: Page, cells: readonly CellRef[]): Promise<unknown[]> {
  return page.evaluate(
    (refs) => refs.map((c) => window.__sverkaFake!.workbook.sheet(c.sheet)?.cell(c.row, c.col)?.format?.fill ?? null),
    cells,
  );
}

function selection(page: Page): Promise<{
  active: string | null;
  selected: { sheet: string; address: string } | null;
}> {
  return page.evaluate(() => {
    const wb = window.__sverkaFake!.workbook;
    return { active: wb.activeSheet?.name ?? null, selected: wb.selection };
  });
}

async function waitForSelection(page: Page, sheet: string, address: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const s = await selection(page);
    if (s.active === sheet && s.selected?.sheet === sheet && s.selected.address === address) return;
    if (Date.now() - started > 10_000)
      assert.fail(`expected «${sheet}»!${address} active and selected in Excel, found ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("task pane on the Excel fake", () => {
  let session: Session;
  let opened: OpenedPage;
  let page: Page;
  let rows: IssueRowText[] = [];

  before(async () => {
    await timed("build the fake Excel page", async () => buildFakePage());
    session = await timed("start server and browser", () => startSession({ extraRoots: [FAKE_DIST, SAMPLES] }));
    opened = await timed(`open ${FAKE_PAGE}`, () => session.open(`/${FAKE_PAGE}`));
    page = opened.page;
  });

  after(async () => {
    await session?.close();
  });

  it("ships no fake in dist/: only the test page carries it", () => {
    const carrying = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".js"))
        .filter((f) => FAKE_MARKERS.some((m) => readFileSync(join(dir, f), "utf8").includes(m)));
    assert.deepEqual(carrying(DIST), [], "the production build carries the Excel fake");
    assert.deepEqual(carrying(FAKE_DIST), ["fake-office.js"], "the markers do not find the fake where it is");
    assert.ok(readdirSync(DIST).includes("taskpane.js"));
    assert.ok(!readdirSync(DIST).includes(FAKE_PAGE), `${FAKE_PAGE} must not be in dist/`);
  });

  it("starts the pane on the fake Excel (not the «outside Excel» message)", { timeout: TIMEOUT }, async () => {
    await page.getByRole("tablist", { name: "Разделы надстройки" }).waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId("no-host").count(), 0);
    const sheets = await page.evaluate(() => window.__sverkaFake!.workbook.sheets.map((s) => s.name));
    for (const s of ["Школы", "Успеваемость", "Процедуры", "Кадры", "Сеть", "ГИА", "Мероприятия"])
      assert.ok(sheets.includes(s), `the fake workbook lacks «${s}»: ${sheets.join(", ")}`);
    await page.getByRole("button", { name: "Проверить книгу", exact: true }).waitFor();
    await expectAccessible(page, "task pane before the check");
    await screenshot(page, "taskpane-1-start");
    opened.assertClean();
  });

  it(
    "checks the workbook through Excel: the sample's 15 planted defects at their cells",
    { timeout: TIMEOUT },
    async () => {
      const summary = await timed("check (read through the Excel host)", () => runCheck(page));
      assert.match(await summary.innerText(), /Найдены ошибки/);
      assert.match(await summary.innerText(), new RegExp(`Проверена книга «${LAZO_SAMPLE.replace(/\./g, "\\.")}»`));
      rows = await issueRows(page);
      assert.equal(rows.length, 15);
      assertLazoDefects(rows);
      await page.getByText("Нажмите на замечание (или Enter на нём), чтобы перейти к ячейке.").waitFor();
      const stats = await page.evaluate(() => {
        const s = window.__sverkaFake!.stats;
        return {
          syncs: s.syncs,
          request: s.maxRequestBytes,
          response: s.maxResponseBytes,
        };
      });
      console.log(
        `  fake Excel: ${stats.syncs} syncs so far, largest request ${stats.request} B, response ${stats.response} B`,
      );
      await expectAccessible(page, "«Проверка (ФЛК)» with results");
      await screenshot(page, "taskpane-2-check");
      opened.assertClean();
    },
  );

  it(
    "goes to an issue's cell: click or Enter activates its sheet and selects the cell",
    { timeout: TIMEOUT },
    async () => {
      const target = rows.find((r) => r.sheet === "Кадры" && r.cell.endsWith("20"));
      assert.ok(target, "no issue on «Кадры» row 20 (the NOT_INTEGER defect)");
      await issueCardAt(page, target.sheet, target.cell).click();
      await waitForSelection(page, "Кадры", target.cell);

      const other = rows.find((r) => r.sheet === "Школы");
      assert.ok(other);
      const row = issueCardAt(page, other.sheet, other.cell);
      await row.focus();
      await page.keyboard.press("Enter");
      await waitForSelection(page, "Школы", other.cell);
      opened.assertClean();
    },
  );

  it("marks the issues' cells and «Снять отметки» restores every fill exactly", { timeout: TIMEOUT }, async () => {
    const cells = rows.map(cellRef);
    const distinct = new Set(cells.map((c) => `${c.sheet}!${c.row}:${c.col}`)).size;
    // A fill of the user's own on one offending cell: it must come back as it was.
    const own = cells[0];
    const yellow = { color: "#FFFF00", pattern: "Solid" };
    await page.evaluate(
      ({ c, fill }) => {
        const cell = window.__sverkaFake!.workbook.sheet(c.sheet)!.ensure(c.row, c.col);
        cell.format = { ...cell.format, fill };
      },
      { c: own, fill: yellow },
    );
    const before = await fillsAt(page, cells);
    assert.deepEqual(before[0], yellow);

    await page.getByRole("button", { name: "Отметить в таблице" }).click();
    await idle(page);
    await page.getByText(`Отмечено ячеек: ${distinct}`, { exact: true }).waitFor();
    const marked = await fillsAt(page, cells);
    marked.forEach((fill, i) =>
      assert.notDeepEqual(fill, before[i], `«${cells[i].sheet}» R${cells[i].row}C${cells[i].col} was not marked`),
    );
    await screenshot(page, "taskpane-3-marked");

    await page.getByRole("button", { name: "Снять отметки" }).click();
    await idle(page);
    assert.deepEqual(await fillsAt(page, cells), before, "the fills after «Снять отметки» differ from before");
    assert.ok(await page.getByRole("button", { name: "Снять отметки" }).isDisabled());
    opened.assertClean();
  });

  it(
    "fills the dashboard in Excel: «Дашборд», the ШНОР share 2022 name, three charts",
    { timeout: TIMEOUT },
    async () => {
      assert.deepEqual(await shnorShare(page), {
        period: "2022",
        fact: SHNOR_2022,
      });
      await menuAction(page, "Заполнить дашборд");
      await idle(page, 60_000);
      const name = factName("shnor_share", "2022");
      const wb = await page.evaluate((wanted) => {
        const w = window.__sverkaFake!.workbook;
        return {
          sheets: w.sheets.map((s) => s.name),
          name: w.names.find((n) => n.name === wanted)?.formula ?? null,
          charts: (w.sheet("Дашборд")?.charts ?? []).map((c) => ({
            type: c.type,
            title: c.title ?? "",
          })),
        };
      }, name);
      for (const s of ["Дашборд", "Отчёт ФЛК"]) assert.ok(wb.sheets.includes(s), `no «${s}»: ${wb.sheets.join(", ")}`);
      assert.ok(wb.name, `no defined name ${name}`);
      const m = /^=?'?Дашборд'?!(\$[A-Z]+\$\d+)$/.exec(wb.name);
      assert.ok(m, `${name} should point at one cell of «Дашборд», points at ${wb.name}`);
      const cell = await page.evaluate(({ row, col }) => {
        const c = window.__sverkaFake!.workbook.sheet("Дашборд")?.cell(row, col);
        return c ? { value: c.value, formula: c.formula ?? null } : null;
      }, parseA1(m[1]));
      assert.ok(cell && (cell.formula !== null || cell.value !== ""), `${name} names an empty cell`);
      assert.equal(wb.charts.length, 3, `charts on «Дашборд»: ${JSON.stringify(wb.charts)}`);
      await expectAccessible(page, "«Показатели»");
      await screenshot(page, "taskpane-4-indicators");
      opened.assertClean();
    },
  );

  it("«Шаблоны» has no serious accessibility problem", { timeout: TIMEOUT }, async () => {
    await openTab(page, TAB.templates);
    await page.getByTestId("template-card").first().waitFor();
    await expectAccessible(page, "«Шаблоны»");
    await screenshot(page, "taskpane-5-templates");
    opened.assertClean();
  });

  it("«Свод файлов» has no serious accessibility problem", { timeout: TIMEOUT }, async () => {
    await openTab(page, TAB.consolidate);
    await page.getByRole("button", { name: "Свести", exact: true }).waitFor();
    assert.equal(await page.getByLabel("Файлы школ", { exact: true }).getAttribute("type"), "file");
    await expectAccessible(page, "«Свод файлов»");
    await screenshot(page, "taskpane-6-consolidate");
    opened.assertClean();
  });

  it(
    "consolidates three school files into the open workbook through the Excel host, and undoes it",
    { timeout: TIMEOUT },
    async () => {
      // A second page whose fake Excel has the methodist's master open (samples/schools/).
      const master = await session.open(`/${FAKE_PAGE}?workbook=/schools/svod-lazo-2023.xlsx`);
      const p = master.page;
      await p.getByRole("tablist", { name: "Разделы надстройки" }).waitFor({ timeout: 20_000 });
      const bySource = (sheet: string) =>
        p.evaluate((name) => {
          const s = window.__sverkaFake!.workbook.sheet(name);
          if (!s) return null;
          const rows = window.__sverkaFake!.workbook.grid(name);
          const counts: Record<string, number> = {};
          const h = rows.findIndex((r) => r.includes("Источник"));
          if (h < 0) return counts;
          const col = rows[h].indexOf("Источник");
          for (const r of rows.slice(h + 1)) if (r[col]) counts[String(r[col])] = (counts[String(r[col])] ?? 0) + 1;
          return counts;
        }, sheet);
      assert.deepEqual(await bySource("Успеваемость"), { "oo-mukhen.xlsx": 2 }, "the master's earlier import");
      assert.equal(await bySource("Процедуры"), null);

      await openTab(p, TAB.consolidate);
      await p
        .getByLabel("Файлы школ", { exact: true })
        .setInputFiles(["oo-khor.xlsx", "oo-mukhen.xlsx", "oo-bichevaya.xlsx"].map((f) => join(SAMPLES, "schools", f)));
      await timed("consolidate three school files in Excel", async () => {
        await p.getByRole("button", { name: "Свести", exact: true }).click();
        await p.getByTestId("consolidate-results").waitFor({ timeout: 30_000 });
        await idle(p);
      });
      const status = (file: string) =>
        p.locator(`[data-testid="consolidate-row"][data-file="${file}"]`).getAttribute("data-status");
      assert.deepEqual(
        [await status("oo-khor.xlsx"), await status("oo-mukhen.xlsx"), await status("oo-bichevaya.xlsx")],
        ["merged", "merged", "rejected"],
      );
      // Written into the open workbook: Хор 2 × 12 and Мухен 12 procedures; Мухен's 2 earlier rows replaced.
      assert.deepEqual(await bySource("Процедуры"), { "oo-khor.xlsx": 24, "oo-mukhen.xlsx": 12 });
      assert.deepEqual(await bySource("Успеваемость"), { "oo-khor.xlsx": 4, "oo-mukhen.xlsx": 2 });
      await screenshot(p, "taskpane-7-consolidated");

      await p.getByRole("button", { name: "Отменить свод" }).click();
      await idle(p);
      assert.equal(await bySource("Процедуры"), null, "the sheet the consolidation created is removed");
      assert.deepEqual(await bySource("Успеваемость"), { "oo-mukhen.xlsx": 2 }, "the earlier import is back");
      master.assertClean();
    },
  );

  it(
    "keyboard: Tab reaches the tab list, arrow keys move along it, Enter and Space open a tab",
    { timeout: TIMEOUT },
    async () => {
      await openTab(page, TAB.check);
      const names = (await page.getByRole("tab").allInnerTexts()).map((n) => n.trim());
      assert.ok(names.length >= 3, `tabs: ${names.join(", ")}`);
      /** Index of the focused tab in `names` (-1: focus is not on a tab). */
      const focusedTab = async () => {
        const text = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.getAttribute("role") === "tab" ? (el as HTMLElement).innerText.trim() : null;
        });
        return text === null ? -1 : names.indexOf(text);
      };
      const selectedTab = async () =>
        names.indexOf((await page.locator('[role="tab"][aria-selected="true"]').innerText()).trim());
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let presses = 0;
      while ((await focusedTab()) < 0) {
        assert.ok(++presses <= 30, "30 presses of Tab never reached the tab list");
        await page.keyboard.press("Tab");
      }
      const start = await focusedTab();
      const next = (start + 1) % names.length;
      await page.keyboard.press("ArrowRight");
      assert.equal(await focusedTab(), next, "ArrowRight did not move to the next tab");
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (n) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.includes(n),
        names[next],
      );
      assert.equal(await selectedTab(), next);
      await page.keyboard.press("ArrowLeft");
      assert.equal(await focusedTab(), start, "ArrowLeft did not move back");
      await page.keyboard.press("Space");
      await page.waitForFunction(
        (n) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.includes(n),
        names[start],
      );
      // From the first tab, ArrowLeft wraps round to the last one.
      for (let i = 0; i < start; i++) await page.keyboard.press("ArrowLeft");
      assert.equal(await focusedTab(), 0);
      await page.keyboard.press("ArrowLeft");
      assert.equal(await focusedTab(), names.length - 1, "the tab list does not wrap round");
      await page.keyboard.press("Enter");
      assert.equal(await selectedTab(), names.length - 1);
      await openTab(page, TAB.check);
      assert.equal((await issueRows(page)).length, 15, "the check's results are still there");
      opened.assertClean();
    },
  );
});
