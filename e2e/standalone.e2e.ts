/**
 * The standalone page in a real browser, with the real task pane on each opened file: open the
 * Lazo monitoring sample with the file picker, check it (the sample's 15 planted defects, each
 * row with its sheet and A1 address), see the indicators (ШНОР share 2022 = 10 of 29 = 34,5 %,
 * DOMAIN.md and seed 003), fill the dashboard, download the copy and verify it with ExcelJS; open
 * a file by drag and drop; a PDF named .xlsx gets its own error in the file list while the other
 * files keep working; consolidate three school files into the master in the «Свод файлов» tab and
 * verify the downloaded copy. axe-core on each view; screenshots and downloads in test-artifacts/e2e/.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { factName } from "../src/core/dashboard/layout";
import { loadExcelJs, namesOf } from "../src/hosts/xlsx/testing/testDashboard";
import {
  ARTIFACTS,
  SAMPLES,
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
  issueRows,
  menuAction,
  openTab,
  runCheck,
  shnorShare,
} from "./pane";

const SAMPLE_PATH = join(SAMPLES, LAZO_SAMPLE);
/** The methodist's master workbook of the consolidation samples (samples/schools/). */
const MASTER = "svod-lazo-2023.xlsx";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const TIMEOUT = 60_000;

function fileItem(page: Page, name: string): Locator {
  return page.getByTestId("file-item").filter({ has: page.getByRole("button", { name, exact: true }) });
}

async function waitForStatus(item: Locator, status: "ready" | "error", what: string): Promise<void> {
  try {
    await item.and(item.page().locator(`[data-status="${status}"]`)).waitFor({ timeout: 20_000 });
  } catch {
    const actual = await item
      .first()
      .getAttribute("data-status")
      .catch(() => "absent");
    const text = await item
      .first()
      .innerText()
      .catch(() => "");
    assert.fail(`${what}: expected status «${status}», found «${actual}»: ${text}`);
  }
}

/** Selects the file in the list; returns its pane (the workspace headed by the file's name). */
async function selectFile(page: Page, name: string): Promise<Locator> {
  await fileItem(page, name).first().getByRole("button", { name, exact: true }).click();
  const ws = page.getByTestId("workspace");
  await ws.getByRole("heading", { level: 2, name, exact: true }).waitFor();
  return ws;
}

describe("standalone page", () => {
  let session: Session;
  let opened: OpenedPage;
  let page: Page;

  before(async () => {
    session = await timed("start server and browser", () => startSession());
    opened = await timed("open standalone.html", () => session.open("/standalone.html"));
    page = opened.page;
  });

  after(async () => {
    await session?.close();
  });

  it("shows the empty page, offline, with no serious accessibility problem", { timeout: TIMEOUT }, async () => {
    await page.getByRole("heading", { level: 1, name: "Сверка без Excel" }).waitFor();
    await page.getByRole("button", { name: "Выбрать файлы" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "ru");
    await expectAccessible(page, "empty page");
    await screenshot(page, "standalone-1-empty");
    opened.assertClean();
  });

  it(
    "the axe check itself fails loudly on a serious violation; only tabster's helpers are let off",
    { timeout: TIMEOUT },
    async () => {
      const scratch = await opened.context.newPage();
      try {
        await scratch.setContent(
          '<html lang="ru"><head><title>x</title></head><body><main><img src="data:,"></main></body></html>',
        );
        await assert.rejects(expectAccessible(scratch, "scratch"), /image-alt \[critical\]/);
        await scratch.setContent(
          '<html lang="ru"><head><title>x</title></head><body><main><p>текст</p>' +
            '<i tabindex="0" aria-hidden="true" data-tabster-dummy=""></i>' +
            '<i tabindex="0" aria-hidden="true" class="not-tabster"></i></main></body></html>',
        );
        await assert.rejects(expectAccessible(scratch, "scratch"), (e: Error) => {
          assert.match(e.message, /aria-hidden-focus \[serious\]/);
          assert.match(e.message, /not-tabster/);
          assert.doesNotMatch(e.message, /data-tabster-dummy|i:nth-child\(2\)/);
          return true;
        });
      } finally {
        await scratch.close();
      }
    },
  );

  it(
    "opens the sample with the picker, checks it in the pane, shows issues and indicators, downloads the copy",
    { timeout: TIMEOUT },
    async () => {
      await timed("pick and read the sample", async () => {
        await page.getByTestId("file-input").setInputFiles(SAMPLE_PATH);
        await waitForStatus(fileItem(page, LAZO_SAMPLE), "ready", LAZO_SAMPLE);
      });
      const ws = await selectFile(page, LAZO_SAMPLE);
      const summary = await timed("check", () => runCheck(ws));
      assert.match(await summary.innerText(), /Найдены ошибки/);

      // Issues: the sample's planted defects, each row with its sheet, A1 address and message.
      const rows = await issueRows(ws);
      assertLazoDefects(rows);
      // Here a row cannot take the user to the cell (no Excel): it is not a button, and a click does nothing.
      const first = ws.getByTestId("issue-row").first();
      assert.equal(await first.getAttribute("tabindex"), null);
      await first.click();
      assert.equal(await ws.getByTestId("host-error").count(), 0);
      assert.equal(await ws.getByText("Нажмите на строку").count(), 0);
      assert.equal(await ws.getByRole("button", { name: "Отметить в таблице" }).count(), 0);
      await expectAccessible(page, "a checked file («Проверка (ФЛК)»)");
      await screenshot(page, "standalone-2-checked");

      // Indicators: the ШНОР share 2022 is 10 of 29 schools.
      assert.deepEqual(await shnorShare(ws), {
        period: "2022",
        fact: SHNOR_2022,
      });
      await menuAction(ws, "Заполнить дашборд");
      await idle(ws);
      await ws.getByText("Записан лист «Дашборд».").waitFor();
      await expectAccessible(page, "a checked file («Показатели»)");
      await screenshot(page, "standalone-3-indicators");

      // The download: the copy with «Дашборд» and «Отчёт ФЛК», the fact cell named sv_shnor_share_2022.
      const download = await timed("download", async () => {
        const [d] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), menuAction(ws, "Скачать")]);
        return d;
      });
      assert.equal(download.suggestedFilename(), "effektivnaya-shkola-2023.monitoring.sverka.xlsx");
      mkdirSync(join(ARTIFACTS, "downloads"), { recursive: true });
      const saved = join(ARTIFACTS, "downloads", download.suggestedFilename());
      await download.saveAs(saved);
      const bytes = new Uint8Array(readFileSync(saved));
      const wb = await loadExcelJs(bytes);
      const sheets = wb.worksheets.map((w) => w.name);
      for (const s of ["Школы", "Процедуры", "Дашборд", "Отчёт ФЛК"])
        assert.ok(sheets.includes(s), `the download lacks the sheet «${s}»: ${sheets.join(", ")}`);
      const name = factName("shnor_share", "2022");
      const ref = (await namesOf(bytes)).find((n) => n.name === name)?.text;
      assert.ok(ref, `the download has no defined name ${name}`);
      const m = /^'Дашборд'!\$([A-Z]+)\$(\d+)$/.exec(ref);
      assert.ok(m, `${name} should point at one cell of «Дашборд», points at ${ref}`);
      const v: unknown = wb.getWorksheet("Дашборд")!.getCell(`${m[1]}${m[2]}`).value;
      const shown = typeof v === "number" ? v : Number((v as { result?: unknown }).result);
      assert.equal(Math.round(shown * 10) / 10, 34.5, `${name} = ${JSON.stringify(v)}`);
      const flk = wb.getWorksheet("Отчёт ФЛК")!;
      assert.ok(flk.rowCount > rows.length, `«Отчёт ФЛК» has ${flk.rowCount} rows for ${rows.length} issues`);
      opened.assertClean();
    },
  );

  it("gives a PDF named .xlsx its own error while the other file keeps working", { timeout: TIMEOUT }, async () => {
    const bad = "отчёт-школы.xlsx";
    await page.getByTestId("file-input").setInputFiles({ name: bad, mimeType: XLSX_MIME, buffer: PDF });
    const item = fileItem(page, bad);
    await waitForStatus(item, "error", bad);
    const error = item.getByTestId("file-error");
    assert.equal(await error.getAttribute("data-code"), "NOT_XLSX");
    const text = await error.innerText();
    assert.match(text, /Код: NOT_XLSX/);
    assert.match(
      text,
      /Файл «отчёт-школы\.xlsx» не является книгой Excel или таблицей \(\.xlsx, \.xlsm, \.xls, \.ods, \.csv\): это PDF-документ/,
    );
    // The unreadable file gets no pane, only the hint.
    await item.getByRole("button", { name: bad, exact: true }).click();
    assert.equal(await page.getByTestId("workspace").count(), 0);
    await page.getByText("Выберите прочитанный файл в списке, чтобы проверить его.").waitFor();
    // The sample is still listed as read and gets a fresh pane that checks it again.
    await waitForStatus(fileItem(page, LAZO_SAMPLE), "ready", LAZO_SAMPLE);
    const ws = await selectFile(page, LAZO_SAMPLE);
    assert.equal(await ws.getByTestId("summary").count(), 0, "a fresh pane shows no earlier check");
    await runCheck(ws);
    assert.equal((await issueRows(ws)).length, 15);
    await expectAccessible(page, "a file that could not be read");
    await screenshot(page, "standalone-4-bad-file");
    opened.assertClean();
  });

  it("opens a file dropped on the drop zone", { timeout: TIMEOUT }, async () => {
    const dropped = "перетащенный.xlsx";
    const base64 = readFileSync(SAMPLE_PATH).toString("base64");
    await page.getByTestId("drop-zone").evaluate(
      (zone, { base64, name, type }) => {
        const bin = atob(base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type }));
        for (const kind of ["dragenter", "dragover", "drop"])
          zone.dispatchEvent(
            new DragEvent(kind, {
              dataTransfer: dt,
              bubbles: true,
              cancelable: true,
            }),
          );
      },
      { base64, name: dropped, type: XLSX_MIME },
    );
    await waitForStatus(fileItem(page, dropped), "ready", dropped);
    const ws = await selectFile(page, dropped);
    const summary = await runCheck(ws);
    assert.match(await summary.innerText(), /Проверена книга «перетащенный\.xlsx»/);
    assert.deepEqual(await shnorShare(ws), {
      period: "2022",
      fact: SHNOR_2022,
    });
    assert.equal(await page.getByTestId("file-item").count(), 3, "three files: the sample, the PDF, the dropped one");
    await screenshot(page, "standalone-5-dropped");
    opened.assertClean();
  });
  // Golden per-file figures: samples/schools/README.md, src/hosts/xlsx/consolidate.test.ts (20 Lazo rows per school).
  it(
    "consolidates three school files into the master in the «Свод файлов» tab and downloads it",
    { timeout: TIMEOUT },
    async () => {
      const schools = join(SAMPLES, "schools");
      await page.getByTestId("file-input").setInputFiles(join(schools, MASTER));
      await waitForStatus(fileItem(page, MASTER), "ready", MASTER);
      const ws = await selectFile(page, MASTER);
      await openTab(ws, TAB.consolidate);
      await ws
        .getByLabel("Файлы школ", { exact: true })
        .setInputFiles(["oo-khor.xlsx", "oo-mukhen.xlsx", "oo-bichevaya.xlsx"].map((f) => join(schools, f)));
      await ws.getByText("Выбрано файлов: 3").waitFor();
      await timed("consolidate three school files", async () => {
        await ws.getByRole("button", { name: "Свести", exact: true }).click();
        await ws.getByTestId("consolidate-results").waitFor({ timeout: 30_000 });
        await idle(ws);
      });
      const row = (file: string) => ws.locator(`[data-testid="consolidate-row"][data-file="${file}"]`);
      const rowText = async (file: string) => (await row(file).innerText()).replace(/\s+/g, " ");
      // Хор: two schools × 20 rows, their registry rows already in the master → 38.
      assert.equal(await row("oo-khor.xlsx").getAttribute("data-status"), "merged");
      for (const part of ["Успеваемость: 4", "Процедуры: 24", "Кадры: 4", "Сеть: 4", "ГИА: 2"])
        assert.ok(
          (await rowText("oo-khor.xlsx")).includes(part),
          `oo-khor.xlsx: no «${part}» in ${await rowText("oo-khor.xlsx")}`,
        );
      // Мухен: 19 rows; the 2 rows of its earlier import on «Успеваемость» are replaced.
      assert.equal(await row("oo-mukhen.xlsx").getAttribute("data-status"), "merged");
      for (const part of ["Успеваемость: 2", "Процедуры: 12", "ГИА: 1", "заменено прежних строк: 2"])
        assert.ok(
          (await rowText("oo-mukhen.xlsx")).includes(part),
          `oo-mukhen.xlsx: no «${part}» in ${await rowText("oo-mukhen.xlsx")}`,
        );
      // Бичевая: SUM_MISMATCH on «Процедуры» row 12 (32 marks for 29 participants) → not merged.
      const bich = row("oo-bichevaya.xlsx");
      assert.equal(await bich.getAttribute("data-status"), "rejected");
      await bich.getByRole("button", { name: /Показать/ }).click();
      const found = bich.locator('[data-testid="consolidate-issues"] li[data-code="SUM_MISMATCH"]');
      assert.equal(await found.count(), 1, await rowText("oo-bichevaya.xlsx"));
      assert.match(await found.innerText(), /Процедуры, [A-Z]+12:/);
      assert.equal(await ws.getByTestId("consolidate-duplicate-list").count(), 0, "no school was sent twice");
      await expectAccessible(page, "«Свод файлов» with results");
      await screenshot(page, "standalone-6-consolidated");

      // The downloaded copy: the rows of Хор and Мухен with their «Источник», none of Бичевая.
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 20_000 }),
        menuAction(ws, "Скачать"),
      ]);
      const saved = join(ARTIFACTS, "downloads", download.suggestedFilename());
      await download.saveAs(saved);
      const wb = await loadExcelJs(new Uint8Array(readFileSync(saved)));
      const bySource = (sheet: string) => {
        const w = wb.getWorksheet(sheet);
        assert.ok(w, `the consolidated copy has no «${sheet}»`);
        let column = 0;
        let headerRow = 0;
        w.eachRow((r, n) => {
          if (column) return;
          r.eachCell((c, k) => {
            if (String(c.value).trim() === "Источник") [column, headerRow] = [k, n];
          });
        });
        assert.ok(column, `«${sheet}» has no «Источник» column`);
        const counts: Record<string, number> = {};
        w.eachRow((r, n) => {
          const v = r.getCell(column).value;
          if (n > headerRow && v !== null && v !== "") counts[String(v)] = (counts[String(v)] ?? 0) + 1;
        });
        return counts;
      };
      assert.deepEqual(bySource("Процедуры"), { "oo-khor.xlsx": 24, "oo-mukhen.xlsx": 12 });
      assert.deepEqual(bySource("Успеваемость"), { "oo-khor.xlsx": 4, "oo-mukhen.xlsx": 2 });
      assert.ok(wb.getWorksheet("Справка"), "the methodist's own sheet «Справка» is kept");
      opened.assertClean();
    },
  );
});
