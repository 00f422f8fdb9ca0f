/**
 * @jest-environment jsdom
 *
 * «Свод файлов» on a fake host serving the Lazo master (samples/schools/): the picked sample school
 * files are read with ExcelJS in the page, checked and planned by the core, and the plan goes to
 * the host once. Golden figures (samples/schools/README.md): Хор merged 38 rows, Мухен 19 (2
 * earlier rows replaced), Кругликово 24, Бичевая rejected (SUM_MISMATCH, «Процедуры» row 12;
 * 18 rows merged with the option); № 3 р.п. Хор sent in two files; 81 rows in all.
 */
import "../testing/files";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { BICHEVAYA, MASTER, SCHOOL_FILES } from "../../../samples/schools/schools";
import type { ConsolidationPlan } from "../../core/consolidate/types";
import type { WorkbookData } from "../../core/model/sheet";
import { readWorkbook } from "../../hosts/xlsx/read";
import { en, ru } from "../../i18n/strings";
import { FakeHost } from "../testing/fakeHost";
import { button, idle, isDisabled, renderApp, tabNamed } from "../testing/render";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const fileName = (p: string) => p.slice(p.lastIndexOf("/") + 1);
const KHOR_3 = "МБОУ СОШ № 3 р.п. Хор";

let master: WorkbookData;
beforeAll(async () => {
  master = await readWorkbook(new Uint8Array(readFileSync(join(SAMPLES, MASTER))), "svod-lazo-2023.xlsx");
});

function sampleFile(path: string): File {
  return new File([readFileSync(join(SAMPLES, path))], fileName(path));
}

async function openTab(host: FakeHost): Promise<void> {
  renderApp(host);
  await waitFor(() => expect(isDisabled(button(ru.checkWorkbook))).toBe(false));
  fireEvent.click(tabNamed(ru.tabConsolidate));
  // The tab loads on first use.
  await screen.findByTestId("consolidate-confirm");
}

function pick(files: unknown[]): void {
  fireEvent.change(screen.getByLabelText(ru.consolidateFilesLabel), { target: { files } });
}

async function results(): Promise<Map<string, HTMLElement>> {
  const rows = await screen.findAllByTestId("consolidate-row", {}, { timeout: 30000 });
  await idle();
  return new Map(rows.map((r) => [r.dataset.file ?? "", r]));
}

const rowsOf = (plan: ConsolidationPlan) => plan.sheets.reduce((n, p) => n + p.rows.length, 0);

describe("the consolidation tab", () => {
  it("says what it will write, reads the picked files, shows each file's result and writes once", async () => {
    const host = new FakeHost({ workbook: master, consolidate: {} });
    await openTab(host);
    expect(screen.getByTestId("consolidate-confirm").textContent).toBe(ru.consolidateConfirmExcel);
    expect(isDisabled(button(ru.consolidateRun))).toBe(true);
    expect(isDisabled(button(ru.consolidateUndo))).toBe(true);

    pick(SCHOOL_FILES.map(sampleFile));
    expect(screen.getByText("Выбрано файлов: 4")).toBeTruthy();
    fireEvent.click(button(ru.consolidateRun));
    const byFile = await results();

    expect([...byFile].map(([f, r]) => [f, r.dataset.status])).toEqual([
      ["oo-khor.xlsx", "merged"],
      ["oo-mukhen.xlsx", "merged"],
      ["oo-bichevaya.xlsx", "rejected"],
      ["oo-kruglikovo.xlsx", "merged"],
    ]);
    const text = (f: string) => byFile.get(f)?.textContent ?? "";
    // Хор: two schools × (2 + 12 + 2 + 2 + 1) rows; their registry rows are already in the master.
    for (const part of ["Успеваемость: 4", "Процедуры: 24", "Кадры: 4", "Сеть: 4", "ГИА: 2", "Сведено 38 строк"])
      expect(text("oo-khor.xlsx")).toContain(part);
    expect(text("oo-mukhen.xlsx")).toContain("Процедуры: 12");
    expect(text("oo-mukhen.xlsx")).toContain("заменено прежних строк: 2");
    expect(text("oo-kruglikovo.xlsx")).toContain("Процедуры: 24");
    expect(text("oo-bichevaya.xlsx")).toContain("не сведён");
    expect(text("oo-bichevaya.xlsx")).toContain("пропущено строк с ошибками: 20");

    // The rejected file's error is listed: ВПР 7 кл. математика 2022, «Процедуры» row 12.
    const bich = byFile.get("oo-bichevaya.xlsx")!;
    fireEvent.click(within(bich).getByRole("button", { expanded: false }));
    const issues = within(bich).getByTestId("consolidate-issues");
    const errors = [...issues.querySelectorAll('li[data-severity="error"]')];
    expect(errors.map((li) => li.getAttribute("data-code"))).toEqual(["SUM_MISMATCH"]);
    expect(errors[0].textContent).toMatch(/Процедуры, [A-Z]+12: /);

    // № 3 р.п. Хор came in two files: said on both rows and in the list.
    expect(within(byFile.get("oo-khor.xlsx")!).getByTestId("consolidate-duplicates").textContent).toBe(
      `${KHOR_3} — также в oo-kruglikovo.xlsx`,
    );
    expect(within(byFile.get("oo-kruglikovo.xlsx")!).getByTestId("consolidate-duplicates").textContent).toBe(
      `${KHOR_3} — также в oo-khor.xlsx`,
    );
    expect(screen.getByTestId("consolidate-duplicate-list").textContent).toContain(
      `${KHOR_3}: oo-khor.xlsx, oo-kruglikovo.xlsx`,
    );

    // Written once: 81 rows; where they went is said.
    const applied = host.callsOf("applyConsolidation");
    expect(applied).toHaveLength(1);
    expect(rowsOf(applied[0][0] as ConsolidationPlan)).toBe(81);
    expect(screen.getByTestId("consolidate-summary").textContent).toContain("Добавлено строк: 81");
    const written = screen.getByTestId("consolidate-written").textContent ?? "";
    expect(written).toContain("Лист «Процедуры» создан с заголовками шаблона");
    expect(written).toContain("Лист «Процедуры»: добавлено строк 60 (строки 2–61), имя файла — в столбце I «Источник»");
    expect(written).toContain("Лист «Успеваемость»: удалено строк прежнего импорта: 2");
    expect(screen.getByText("Свод записан: добавлено строк 81, заменено 2.")).toBeTruthy();

    // «Отменить свод».
    await waitFor(() => expect(isDisabled(button(ru.consolidateUndo))).toBe(false));
    fireEvent.click(button(ru.consolidateUndo));
    await screen.findByText("Свод отменён: убрано добавленных строк 81, возвращено строк прежнего импорта 2.");
    expect(host.callsOf("undoConsolidation")).toHaveLength(1);
    expect(screen.queryAllByTestId("consolidate-row")).toHaveLength(0);
    await waitFor(() => expect(isDisabled(button(ru.consolidateUndo))).toBe(true));
  }, 60000);

  it("merges the valid rows of a file with errors when asked", async () => {
    const host = new FakeHost({ workbook: master, consolidate: {} });
    await openTab(host);
    pick([sampleFile(BICHEVAYA)]);
    fireEvent.click(screen.getByLabelText(ru.consolidateMergeValid));
    fireEvent.click(button(ru.consolidateRun));
    const byFile = await results();
    const row = byFile.get("oo-bichevaya.xlsx")!;
    expect(row.dataset.status).toBe("merged_partly");
    expect(row.textContent).toContain("пропущено строк с ошибками: 1");
    expect(rowsOf(host.callsOf("applyConsolidation")[0][0] as ConsolidationPlan)).toBe(18);
  }, 60000);

  it("lists hostile files as unreadable, never reads a file over 25 MB, and merges the rest", async () => {
    const host = new FakeHost({ workbook: master, consolidate: { undo: false } });
    await openTab(host);
    const arrayBuffer = jest.fn(async () => new ArrayBuffer(0));
    const huge = { name: "огромный.xlsx", size: 30 * 1024 * 1024, arrayBuffer };
    const pdf = new File(["%PDF-1.7\n1 0 obj\n"], "скан.xlsx");
    pick([huge, pdf, sampleFile(SCHOOL_FILES[1])]);
    // No undo on this host: no «Отменить свод».
    expect(screen.queryByText(ru.consolidateUndo)).toBeNull();
    fireEvent.click(button(ru.consolidateRun));
    const byFile = await results();
    expect(byFile.get("огромный.xlsx")?.dataset.status).toBe("unreadable");
    expect(byFile.get("огромный.xlsx")?.textContent).toContain("25");
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(byFile.get("скан.xlsx")?.dataset.status).toBe("unreadable");
    expect(byFile.get("скан.xlsx")?.textContent).toContain("PDF");
    expect(byFile.get("oo-mukhen.xlsx")?.dataset.status).toBe("merged");
    expect(host.callsOf("applyConsolidation")).toHaveLength(1);
  }, 60000);

  it("writes nothing when no file was merged", async () => {
    const host = new FakeHost({ workbook: master, consolidate: {} });
    await openTab(host);
    pick([sampleFile(BICHEVAYA)]);
    fireEvent.click(button(ru.consolidateRun));
    const byFile = await results();
    expect(byFile.get("oo-bichevaya.xlsx")?.dataset.status).toBe("rejected");
    expect(host.callsOf("applyConsolidation")).toHaveLength(0);
    expect(screen.getByTestId("consolidate-written").textContent).toContain(ru.consolidateNothingWritten);
  }, 60000);

  it("says what happened to each file in English for an English Office", async () => {
    const host = new FakeHost({ workbook: master, consolidate: {} });
    renderApp(host, { locale: "en-US" });
    await waitFor(() => expect(isDisabled(button(en.checkWorkbook))).toBe(false));
    fireEvent.click(tabNamed(en.tabConsolidate));
    await screen.findByTestId("consolidate-confirm");
    fireEvent.change(screen.getByLabelText(en.consolidateFilesLabel), {
      target: { files: [...SCHOOL_FILES.map(sampleFile), new File(["%PDF-1.7\n1 0 obj\n"], "скан.xlsx")] },
    });
    // The tab has the same name as the button: the button is the one with the button role.
    fireEvent.click(screen.getByRole("button", { name: en.consolidateRun }));
    const byFile = await results();
    const text = (f: string) => byFile.get(f)?.textContent ?? "";
    expect(text("oo-khor.xlsx")).toContain("Merged: 38 rows; schools already in the registry: 2.");
    expect(text("oo-mukhen.xlsx")).toContain("2 rows of an earlier import replaced");
    expect(text("oo-bichevaya.xlsx")).toContain("The file has 1 error: it was not merged;");
    // An unreadable file: the reader's own message, in English.
    expect(text("скан.xlsx")).toContain(
      "The file “скан.xlsx” is not an Excel workbook or a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): it is a PDF document.",
    );
    for (const f of byFile.keys()) expect(text(f)).not.toMatch(/Сведено|В файле|строк/);
    expect(document.body.textContent).toContain("The master workbook had no sheets “Процедуры”, “Кадры”");
    expect(document.body.textContent).not.toContain("В сводной книге не было");
  }, 60000);

  it("has no tab on a host that cannot consolidate", async () => {
    renderApp(new FakeHost({ workbook: master }));
    await waitFor(() => button(ru.checkWorkbook));
    expect(screen.queryByText(ru.tabConsolidate)).toBeNull();
  });
});
