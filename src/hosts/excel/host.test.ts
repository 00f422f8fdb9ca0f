/**
 * The rest of the Excel host's `WorkbookHost`: navigation, settings kept in the workbook, blank
 * template sheets with data validation (the same layout `sverka template` writes).
 */
import { blankLayout } from "../../core/template/blank";
import { findTemplate } from "../../core/templates";
import type { Template } from "../../core/template/schema";
import { FakeWorkbook, installFakeOffice, type FakeOfficeHandle, type FakeSheet } from "./testing/fake";
import { createExcelHost } from "./index";

let office: FakeOfficeHandle | null = null;
afterEach(() => {
  office?.uninstall();
  office = null;
});

function install(wb = new FakeWorkbook("Проект.xlsx"), apiVersion = "1.18"): FakeOfficeHandle {
  if (!wb.sheets.length) wb.addSheet("Школы").rows[0] = [{ value: "ОО" }];
  office = installFakeOffice(globalThis, { workbook: wb, apiVersion });
  return office;
}

const ES = findTemplate("effektivnaya-shkola-2023") as Template;

describe("the Excel host", () => {
  it("names the workbook, says what it can do, and goes to a cell", async () => {
    const wb = new FakeWorkbook("Мониторинг.xlsx");
    wb.addSheet("План");
    wb.addSheet("Школы");
    const o = install(wb, "1.12");
    const host = createExcelHost();
    expect(host.kind).toBe("excel");
    expect(host.capabilities).toEqual({ marks: true, notes: false, charts: true, navigate: true, download: false });
    expect(await host.workbookName()).toBe("Мониторинг.xlsx");
    await host.goTo("Школы", "C12");
    expect(o.workbook.activeSheet?.name).toBe("Школы");
    expect(o.workbook.selection).toEqual({ sheet: "Школы", address: "C12" });
    await expect(host.goTo("Нет листа", "A1")).rejects.toMatchObject({ name: "HostError", code: "ItemNotFound" });
  });

  it("keeps the chosen template and imported templates in the workbook", async () => {
    const o = install();
    const host = createExcelHost();
    expect(await host.loadSettings()).toEqual({});
    const long = JSON.stringify({ ...ES, id: "moy-proekt", title: "Мой проект ".repeat(200) });
    await host.saveSettings({ templateId: "moy-proekt", importedTemplates: [long] });
    expect(o.workbook.customProperties.get("sverka.templateChoice")).toBe("moy-proekt");
    expect(await createExcelHost().loadSettings()).toEqual({ templateId: "moy-proekt", importedTemplates: [long] });
    await host.saveSettings({ importedTemplates: [long] });
    expect(await host.loadSettings()).toEqual({ importedTemplates: [long] });
    await host.saveSettings({});
    expect(await host.loadSettings()).toEqual({});
    expect(o.workbook.customXmlParts).toEqual([]);
  });

  it("adds the template's blank sheets with headers, frozen rows, widths and validation", async () => {
    const wb = new FakeWorkbook("Новая.xlsx");
    wb.addSheet("Школы").rows[0] = [{ value: "мои данные" }];
    const o = install(wb);
    const layout = blankLayout(ES);
    const outcome = await createExcelHost().createBlankSheets(ES);

    // The user's «Школы» stays; the blank registry goes to «Школы (2)» and the school lists follow.
    expect(o.workbook.sheet("Школы")?.rows[0]?.[0]?.value).toBe("мои данные");
    expect(outcome.notices).toEqual([{ code: "SHEET_RENAMED", params: { logical: "Школы", actual: "Школы (2)" } }]);
    expect(outcome.sheets.map((s) => s.logical)).toEqual(layout.sheets.map((s) => s.name));
    for (const sheet of layout.sheets) {
      const name = outcome.sheets.find((s) => s.logical === sheet.name)?.actual as string;
      const ws = o.workbook.sheet(name) as FakeSheet;
      expect(ws.rows[sheet.headerRow - 1]?.map((c) => c?.value)).toEqual(sheet.columns.map((c) => c.title));
      expect(ws.frozenRows).toBe(sheet.headerRow);
      expect(ws.columnWidths.size).toBe(sheet.columns.length);
      expect(ws.validations.length).toBe(sheet.validations.length);
      if (sheet.title) expect(ws.cell(1, 1)?.value).toBe(sheet.title);
    }
    const all = o.workbook.sheets.flatMap((s) => s.validations.map((v) => JSON.stringify(v.rule)));
    expect(all.some((r) => r.includes("'Школы (2)'!$A$2:$A$1001"))).toBe(true);
    expect(all.some((r) => r.includes('"source":"да,нет"'))).toBe(true);
    if (layout.lists.length) expect(o.workbook.sheet("_sverka_lists")?.visibility).toBe("VeryHidden");
    expect(o.workbook.customProperties.get("sverka.template")).toBe(ES.id);
    expect(o.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
