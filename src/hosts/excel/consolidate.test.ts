/**
 * Consolidation through the Excel host (on the fake Excel) with the bundled samples
 * (samples/schools/README.md): the same sheet contents as the xlsx writer, a number of syncs that
 * does not grow with the files or rows, requests under 5 MB, an exact undo (also from a new host,
 * as after reopening the file), and a plan that no longer fits the workbook refused.
 * Golden figures (README): Хор 38 rows, Мухен 19 (its 2 earlier rows replaced), Кругликово 24,
 * Бичевая rejected; 81 rows in all; «Процедуры», «Кадры», «Сеть», «ГИА», «Мероприятия» created.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BICHEVAYA, KHOR, KRUGLIKOVO, MASTER, MUKHEN } from "../../../samples/schools/schools";
import { planConsolidation, type ConsolidationInput } from "../../core/consolidate/consolidate";
import type { ConsolidationPlan, SheetPlan } from "../../core/consolidate/types";
import type { WorkbookData } from "../../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import type { HostError } from "../host";
import { applyConsolidationPlan } from "../xlsx/consolidate";
import { readWorkbook } from "../xlsx/read";
import { parseUndoParts, planInput, restoreInput, undoParts, valueRuns } from "./consolidate";
import { fakeWorkbookFromData, FakeWorkbook, installFakeOffice, type FakeOfficeHandle } from "./testing/fake";
import { createExcelHost } from "./index";
import { PAYLOAD_LIMIT } from "./payload";
import { appendPlan } from "../testing/testPlan";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const OPTS = { templates: BUILTIN_TEMPLATES, asOf: "2023-12-31" };
const MASTER_NAME = "svod-lazo-2023.xlsx";
const fileName = (p: string) => p.slice(p.lastIndexOf("/") + 1);

let office: FakeOfficeHandle | null = null;
afterEach(() => {
  office?.uninstall();
  office = null;
});

let masterBytes: Uint8Array;
let master: WorkbookData;
const schools = new Map<string, WorkbookData>();

beforeAll(async () => {
  masterBytes = new Uint8Array(readFileSync(join(SAMPLES, MASTER)));
  master = await readWorkbook(masterBytes, MASTER_NAME);
  for (const f of [KHOR, MUKHEN, BICHEVAYA, KRUGLIKOVO])
    schools.set(fileName(f), await readWorkbook(new Uint8Array(readFileSync(join(SAMPLES, f))), fileName(f)));
});

function input(file: string, as = file): ConsolidationInput {
  return { file: as, workbook: { ...schools.get(file)!, name: as } };
}

const FOUR = () => ["oo-khor.xlsx", "oo-mukhen.xlsx", "oo-bichevaya.xlsx", "oo-kruglikovo.xlsx"].map((f) => input(f));

function install(data: WorkbookData, apiVersion = "1.12"): FakeOfficeHandle {
  office = installFakeOffice(globalThis, { workbook: fakeWorkbookFromData(data), apiVersion });
  return office;
}

/** A sheet's rows with trailing empty cells and rows dropped (what both hosts read back). */
function trimmed(wb: WorkbookData, sheet: string): unknown[][] {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const rows = s.rows.map((r) => {
    const out = [...r];
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const MONITORING = ["Школы", "Успеваемость", "Процедуры", "Кадры", "Сеть", "ГИА", "Мероприятия"];

describe("consolidation through the Excel host", () => {
  it("writes the same rows as the xlsx host, creates the missing sheets and leaves the rest alone", async () => {
    const { plan, report } = planConsolidation(master, FOUR(), OPTS);
    expect(report.summary).toMatchObject({ merged: 3, rejected: 1, rows: 81, replaced_rows: 2 });
    const o = install(master);
    const host = createExcelHost();
    const outcome = await host.applyConsolidation!(plan);

    const bySheet = new Map(outcome.sheets.map((s) => [s.sheet, s]));
    // «Успеваемость»: Мухен's 2 earlier rows (2–3) deleted; Хор 2 × 2 + Мухен 2 appended at rows 2–7.
    expect(bySheet.get("Успеваемость")).toEqual({
      sheet: "Успеваемость",
      created: false,
      deleted: 2,
      appended: 6,
      firstRow: 2,
      lastRow: 7,
      sourceColumn: "H",
    });
    // «Процедуры»: 12 per school — Хор 2, Мухен 1, Кругликово 2 (its own table) → 60 rows below the header.
    expect(bySheet.get("Процедуры")).toMatchObject({ created: true, appended: 60, firstRow: 2, lastRow: 61 });
    expect(outcome.undoable).toBe(true);

    const viaExcel = await createExcelHost().read();
    const viaXlsx = await readWorkbook((await applyConsolidationPlan(masterBytes, plan)).data, MASTER_NAME);
    for (const sheet of MONITORING)
      expect({ sheet, rows: trimmed(viaExcel, sheet) }).toEqual({ sheet, rows: trimmed(viaXlsx, sheet) });
    expect(trimmed(viaExcel, "Процедуры")).toHaveLength(61);
    expect(trimmed(viaExcel, "Школы")).toHaveLength(30);
    // The methodist's own sheet and the properties are untouched.
    expect(trimmed(viaExcel, "Справка")).toEqual(trimmed(master, "Справка"));
    expect(viaExcel.properties?.["sverka.template"]).toBe("effektivnaya-shkola-2023");
    expect(o.workbook.sheets.map((s) => s.name)).toEqual([
      ...master.sheets.map((s) => s.name),
      "Процедуры",
      "Кадры",
      "Сеть",
      "ГИА",
      "Мероприятия",
    ]);
    // A created sheet: header styled and frozen, widths set.
    const proc = o.workbook.sheet("Процедуры")!;
    expect(proc.frozenRows).toBe(1);
    expect(proc.cell(1, 1)?.format?.font?.bold).toBe(true);
    expect(proc.columnWidths.size).toBe(9);
    expect(o.stats.screenUpdatingSuspended).toBeGreaterThan(0);
  });

  it("takes as many syncs for 30 files as for 4, with every request under 5 MB", async () => {
    const syncsFor = async (inputs: ConsolidationInput[]) => {
      const { plan } = planConsolidation(master, inputs, OPTS);
      const o = install(master);
      await createExcelHost().applyConsolidation!(plan);
      const stats = {
        syncs: o.stats.syncs,
        max: o.stats.maxRequestBytes,
        rows: plan.sheets.reduce((n, p) => n + p.rows.length, 0),
      };
      o.uninstall();
      office = null;
      return stats;
    };
    const four = await syncsFor(FOUR());
    const thirty = [...FOUR()];
    for (let k = 1; thirty.length < 30; k++)
      for (const f of ["oo-khor.xlsx", "oo-mukhen.xlsx", "oo-kruglikovo.xlsx"])
        if (thirty.length < 30) thirty.push(input(f, f.replace(".xlsx", `-${String(k).padStart(2, "0")}.xlsx`)));
    const many = await syncsFor(thirty);
    // 4 files: 81 rows; 26 more copies of Хор (38), Мухен (19), Кругликово (24) — 9, 9 and 8 of them.
    expect(four.rows).toBe(81);
    expect(many.rows).toBe(81 + 9 * 38 + 9 * 19 + 8 * 24);
    expect(many.syncs).toBe(four.syncs);
    // (1) sheets and used ranges, (2) the rows to replace and the style rows, (3) the writes.
    expect(four.syncs).toBe(3);
    expect(Math.max(four.max, many.max)).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("splits a very large block into requests under 5 MB", async () => {
    const wb: WorkbookData = {
      name: "big.xlsx",
      sheets: [{ name: "Данные", rows: [["ОО", "Текст", "Источник"]] }],
    };
    const rows = Array.from({ length: 40_000 }, (_, i) => [
      `Школа ${i}`,
      "длинный текст ячейки ".repeat(4),
      "big-file.xlsx",
    ]);
    const sheet = appendPlan("Данные", "schools", rows);
    const o = install(wb);
    await createExcelHost().applyConsolidation!({ sheets: [sheet] });
    expect(o.stats.syncs).toBeGreaterThan(3);
    expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(o.workbook.sheet("Данные")!.rows).toHaveLength(40_001);
    expect(o.workbook.sheet("Данные")!.cell(40_001, 1)?.value).toBe("Школа 39999");
    const afterFirst = JSON.stringify(o.workbook.grid("Данные"));

    // The same file again: its 40,000 rows are read for the undo (several responses), deleted and
    // appended anew; the undo record (values, formulas, formats of the replaced rows) takes several parts.
    o.stats.reset();
    const again: SheetPlan = {
      ...sheet,
      deleteRows: rows.map((_, i) => i + 2),
      deleteRuns: [{ start: 2, count: 40_000 }],
    };
    await createExcelHost().applyConsolidation!({ sheets: [again] });
    expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    // Long texts: a response that came out over 5 MB was refused and its rows read in halves.
    expect(o.stats.requests.filter((r) => r.responseBytes > PAYLOAD_LIMIT).length).toBeLessThanOrEqual(2);
    expect(o.workbook.customXmlParts.length).toBeGreaterThan(1);
    expect(o.workbook.sheet("Данные")!.rows.filter((r) => r?.some((c) => c && c.value !== ""))).toHaveLength(40_001);
    expect(await createExcelHost().canUndoConsolidation!()).toBe(true);
    o.stats.reset();
    await createExcelHost().undoConsolidation!();
    expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(JSON.stringify(o.workbook.grid("Данные").slice(0, 40_001))).toBe(afterFirst);
    expect(o.workbook.customXmlParts).toEqual([]);
  });

  it("undoes exactly: created sheets go, appended rows go, replaced rows come back — also after reopening", async () => {
    const o = install(master);
    const before = await createExcelHost().read();
    const first = planConsolidation(before, FOUR(), OPTS).plan;
    await createExcelHost().applyConsolidation!(first);
    const afterFirst = await createExcelHost().read();
    // Number formats as Excel reports them (a cell without one shows "General").
    const formats = () =>
      o.workbook
        .sheet("Успеваемость")!
        .rows.flatMap((r, i) =>
          (r ?? []).flatMap((c, j) => (c ? [`${i + 1}:${j + 1} ${c.numberFormat ?? "General"}`] : [])),
        );
    const formatsAfterFirst = formats();

    // Importing the same files again replaces their 81 rows (deleted in runs) and appends them anew.
    const second = planConsolidation(afterFirst, FOUR(), OPTS);
    expect(second.report.summary).toMatchObject({ rows: 81, replaced_rows: 81 });
    expect(second.plan.sheets.find((s) => s.sheet === "Процедуры")!.deleteRuns.length).toBeGreaterThan(0);
    await createExcelHost().applyConsolidation!(second.plan);
    expect(trimmed(await createExcelHost().read(), "Процедуры")).toHaveLength(61);

    // A new host (the file closed and reopened): the record is in the workbook.
    const undo = await createExcelHost().undoConsolidation!();
    expect(undo).toMatchObject({ restored: 81, removed: 81 });
    expect(await createExcelHost().read()).toEqual(afterFirst);
    expect(formats()).toEqual(formatsAfterFirst);
    // Only the last consolidation is kept: nothing more to undo.
    expect(await createExcelHost().canUndoConsolidation!()).toBe(false);
    await expect(createExcelHost().undoConsolidation!()).rejects.toMatchObject({ code: "NOTHING_TO_UNDO" });

    // Undoing a first import: the created sheets are deleted, Мухен's earlier rows are back.
    o.uninstall();
    const o2 = install(master);
    await createExcelHost().applyConsolidation!(first);
    o2.stats.reset();
    await createExcelHost().undoConsolidation!();
    expect(o2.stats.syncs).toBe(4);
    expect(await createExcelHost().read()).toEqual(before);
    expect(o2.workbook.sheets.map((s) => s.name)).toEqual(master.sheets.map((s) => s.name));
    expect(o2.workbook.customXmlParts).toEqual([]);
  });

  it("refuses to undo when the appended rows were changed, and changes nothing", async () => {
    const o = install(master);
    await createExcelHost().applyConsolidation!(planConsolidation(master, FOUR(), OPTS).plan);
    // The user overwrote the «Источник» of an appended row (Успеваемость row 4).
    o.workbook.sheet("Успеваемость")!.ensure(4, 8).value = "моя правка";
    const snapshot = JSON.stringify(o.workbook.sheets.map((s) => s.rows));
    const err = (await createExcelHost().undoConsolidation!().catch((e: unknown) => e)) as HostError;
    expect(err).toMatchObject({
      name: "HostError",
      code: "CONSOLIDATION_UNDO_STALE",
      params: {
        variant: "consolidation_undo_stale",
        what: "row_changed",
        sheet: "Успеваемость",
        row: 4,
        got: "моя правка",
      },
    });
    expect(err.message).toBe(
      `Свод нельзя отменить: строка 4 листа «Успеваемость» изменена после свода («Источник»: «моя правка» вместо «${String(err.params!.want)}»). Книга не изменена.`,
    );
    expect(JSON.stringify(o.workbook.sheets.map((s) => s.rows))).toBe(snapshot);
    expect(await createExcelHost().canUndoConsolidation!()).toBe(true);
  });

  it("refuses a plan the workbook no longer fits, before writing anything", async () => {
    const { plan } = planConsolidation(master, FOUR(), OPTS);
    // A sheet the plan creates was added meanwhile.
    let o = install(master);
    o.workbook.addSheet("Кадры");
    await expect(createExcelHost().applyConsolidation!(plan)).rejects.toMatchObject({ code: "CONSOLIDATION_STALE" });
    expect(o.workbook.sheet("Процедуры")).toBeUndefined();
    o.uninstall();
    // Something typed below the «Успеваемость» table.
    o = install(master);
    o.workbook.sheet("Успеваемость")!.ensure(10, 1).value = "новая строка";
    await expect(createExcelHost().applyConsolidation!(plan)).rejects.toMatchObject({ code: "CONSOLIDATION_STALE" });
    expect(o.workbook.customXmlParts).toEqual([]);
    expect(o.workbook.sheets.map((s) => s.name)).toEqual(master.sheets.map((s) => s.name));
  });

  it("writes text as text and dates as dates", async () => {
    const wb = new FakeWorkbook("t.xlsx");
    wb.addSheet("Данные").rows[0] = [{ value: "ОО" }, { value: "Дата" }, { value: "Код" }, { value: "Источник" }];
    office = installFakeOffice(globalThis, { workbook: wb, apiVersion: "1.12" });
    const plan: ConsolidationPlan = {
      sheets: [appendPlan("Данные", "events", [["=СУММ(A1)", new Date(Date.UTC(2023, 8, 1)), "007", "a.xlsx"]])],
    };
    await createExcelHost().applyConsolidation!(plan);
    const s = office.workbook.sheet("Данные")!;
    expect(s.cell(2, 1)).toMatchObject({ value: "=СУММ(A1)", quotePrefix: true });
    expect(s.cell(2, 1)?.formula).toBeUndefined();
    expect(s.cell(2, 2)).toMatchObject({ value: 45170, numberFormat: "dd.mm.yyyy" });
    expect(s.cell(2, 3)).toMatchObject({ value: "007" });
    const read = await createExcelHost().read();
    expect(read.sheets[0].rows[1]).toEqual(["=СУММ(A1)", new Date(Date.UTC(2023, 8, 1)), "007", "a.xlsx"]);
  });
});

describe("consolidation helpers", () => {
  it("turns plan cells into Excel input", () => {
    expect(planInput(null)).toBeNull();
    expect(planInput("")).toBeNull();
    expect(planInput("+7 999")).toBe("'+7 999");
    expect(planInput("Школа")).toBe("Школа");
    expect(planInput(12)).toBe(12);
    expect(planInput(new Date(Date.UTC(2023, 8, 1)))).toBe(45170);
  });

  it("restores formulas as formulas and text as text", () => {
    expect(restoreInput(3, "=1+2")).toBe("=1+2");
    expect(restoreInput("=x", "=x")).toBe("'=x");
    expect(restoreInput("", "")).toBeNull();
    expect(restoreInput("12", "12")).toBe("'12");
    expect(restoreInput(12, 12)).toBe(12);
  });

  it("keeps the undo record across parts, whatever their order, and ignores a broken set", () => {
    const record = { v: 1 as const, sheets: [] };
    expect(valueRuns(["a", "a", "b", "a"])).toEqual([
      ["a", 2],
      ["b", 1],
      ["a", 1],
    ]);
    const big = {
      v: 1 as const,
      sheets: [{ sheet: "x".repeat(50), created: true, header: null, source: null, block: null, deleted: [] }],
    };
    const parts = undoParts(big, "id1", 20);
    expect(parts.length).toBeGreaterThan(3);
    expect(parseUndoParts([...parts].reverse())).toEqual(big);
    expect(parseUndoParts(parts.slice(1))).toBeNull();
    expect(parseUndoParts([undoParts(record, "z")[0], "not json", null])).toEqual(record);
  });
});
