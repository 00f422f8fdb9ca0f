/**
 * The standalone page in a real browser: open the Lazo monitoring sample with the file picker,
 * check it, see issues located by sheet and A1 address and the indicators (ШНОР share 2022 =
 * 10 of 29 = 34.5 %, DOMAIN.md and seed 003), download the copy and verify its dashboard with
 * ExcelJS; open a file by drag and drop; a PDF named .xlsx gets its own error while the other
 * file keeps working; axe-core on each view; screenshots in test-artifacts/e2e/.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { factName } from "../src/core/dashboard/layout";
import { loadExcelJs, namesOf } from "../src/hosts/xlsx/testDashboard";
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

const SAMPLE = "effektivnaya-shkola-2023.monitoring.xlsx";
const SAMPLE_PATH = join(SAMPLES, SAMPLE);
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
/** The report date the sample's data run to (its monitoring ends in 2023). */
const AS_OF = "2023-12-31";
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

/** Selects the file, sets the report date and runs «Проверить книгу»; waits until that check is over. */
async function checkFile(page: Page, name: string): Promise<void> {
  await fileItem(page, name).first().getByRole("button", { name, exact: true }).click();
  const ws = page.getByTestId("workspace");
  await ws.getByRole("heading", { name, exact: true }).waitFor();
  await ws.getByLabel("Отчётная дата").fill(AS_OF);
  const runs = Number(await ws.getAttribute("data-runs"));
  await ws.getByRole("button", { name: "Проверить книгу" }).click();
  await page.locator(`[data-testid="workspace"][data-runs="${runs + 1}"]`).waitFor({ timeout: 30_000 });
  const error = ws.getByTestId("workspace-error");
  if (await error.isVisible()) assert.fail(`the check of «${name}» failed: ${await error.innerText()}`);
  await ws.getByTestId("summary").waitFor({ timeout: 1_000 });
}

describe("standalone page", () => {
  let session: Session;
  let opened: OpenedPage;
  let page: Page;

  before(async () => {
    session = await timed("start server and browser", startSession);
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

  it("the axe check itself fails loudly on a page with a critical violation", { timeout: TIMEOUT }, async () => {
    const scratch = await opened.context.newPage();
    try {
      await scratch.setContent(
        '<html lang="ru"><head><title>x</title></head><body><main><img src="data:,"></main></body></html>',
      );
      await assert.rejects(expectAccessible(scratch, "scratch"), /image-alt \[critical\]/);
    } finally {
      await scratch.close();
    }
  });

  it(
    "opens the sample with the file picker, checks it, shows issues and indicators, downloads the copy",
    { timeout: TIMEOUT },
    async () => {
      await timed("pick and read the sample", async () => {
        await page.getByTestId("file-input").setInputFiles(SAMPLE_PATH);
        await waitForStatus(fileItem(page, SAMPLE), "ready", SAMPLE);
      });
      await timed("check and write the dashboard", () => checkFile(page, SAMPLE));
      const ws = page.getByTestId("workspace");

      // Issues: each row names the sheet and the A1 address (or the whole sheet) and says what is wrong.
      const rows = ws.getByTestId("issues").locator("tbody tr");
      const count = await rows.count();
      assert.ok(count > 0, "the sample has known defects, but no issue is listed");
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
      );
      for (const [severity, sheet, cell, message] of cells) {
        assert.match(severity, /^(Ошибка|Предупреждение|Замечание)$/, `severity «${severity}»`);
        assert.ok(sheet.trim() !== "", `an issue without a sheet: ${message}`);
        assert.match(cell, /^([A-Z]{1,3}[1-9]\d*|весь лист)$/, `cell «${cell}» of «${message}»`);
        assert.ok(message.trim().length > 10, `an issue without a message at ${sheet}!${cell}`);
      }
      assert.ok(
        cells.some(([, , cell]) => /^[A-Z]{1,3}\d+$/.test(cell)),
        "no issue carries an A1 address",
      );

      // Indicators: the ШНОР share 2022 is 10 of 29 schools.
      const shnor = ws.locator('[data-testid="indicators"] tr[data-indicator="shnor_share"][data-period="2022"]');
      assert.equal(await shnor.count(), 1, "no row for the ШНОР share 2022");
      const [title, period, fact] = await shnor.locator("td").allInnerTexts();
      assert.deepEqual([title, period, fact], ["Доля ШНОР", "2022", "34,5 %"]);
      await expectAccessible(page, "checked file");
      await screenshot(page, "standalone-2-checked");

      // The download: the copy with «Дашборд» and «Отчёт ФЛК», the fact cell named sv_shnor_share_2022.
      const download = await timed("download", async () => {
        const [d] = await Promise.all([
          page.waitForEvent("download", { timeout: 20_000 }),
          ws.getByRole("button", { name: "Скачать" }).click(),
        ]);
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
      assert.ok(flk.rowCount > count, `«Отчёт ФЛК» has ${flk.rowCount} rows for ${count} issues`);
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
    assert.match(text, /Файл «отчёт-школы\.xlsx» не является книгой Excel \(\.xlsx\): это PDF-документ/);
    // The sample is still listed as read and can be checked again.
    await waitForStatus(fileItem(page, SAMPLE), "ready", SAMPLE);
    await checkFile(page, SAMPLE);
    await expectAccessible(page, "a file that could not be read");
    await screenshot(page, "standalone-3-bad-file");
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
          zone.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { base64, name: dropped, type: XLSX_MIME },
    );
    await waitForStatus(fileItem(page, dropped), "ready", dropped);
    await checkFile(page, dropped);
    const fact = page
      .locator('[data-testid="indicators"] tr[data-indicator="shnor_share"][data-period="2022"] td')
      .nth(2);
    assert.equal(await fact.innerText(), "34,5 %");
    assert.equal(await page.getByTestId("file-item").count(), 3, "three files: the sample, the PDF, the dropped one");
    await screenshot(page, "standalone-4-dropped");
    opened.assertClean();
  });
});
