/**
 * The Excel host's reader against the fake Excel: sync counts that do not grow with the rows,
 * requests and responses under Excel on the web's 5 MB, load-before-read respected (the fake throws
 * otherwise), and — the strongest check — the Lazo monitoring sample read through the Excel host
 * gives the same report and indicators as through the xlsx host.
 */
import { join } from "node:path";
import { buildDashboardLayouts } from "../../core/dashboard/build";
import type { WorkbookData } from "../../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import { validateWorkbook } from "../../core/validate";
import { readWorkbookFile } from "../xlsx/node";
import { HostError } from "../host";
import { PAYLOAD_LIMIT } from "./payload";
import { FakeWorkbook, fakeWorkbookFromData, installFakeOffice, type FakeOfficeHandle } from "./testing/fake";
import { createExcelHost } from "./index";
import { CELLS_PER_REQUEST, cellFromExcel, parseMergedAddress } from "./read";

const SAMPLE = join(__dirname, "..", "..", "..", "samples", "effektivnaya-shkola-2023.monitoring.xlsx");
const AS_OF = "2023-12-31";

let office: FakeOfficeHandle | null = null;
afterEach(() => {
  office?.uninstall();
  office = null;
});

function install(workbook: FakeWorkbook, apiVersion = "1.18"): FakeOfficeHandle {
  office = installFakeOffice(globalThis, { workbook, apiVersion });
  return office;
}

const SCHOOLS = ["МБОУ СОШ № 1 с. Переяславка", "МБОУ СОШ п. Хор", "МБОУ ООШ с. Кругликово", "МБОУ СОШ № 3 п. Мухен"];

/** A monitoring-like sheet: school, year, two counts, a percentage and a date per row. */
function bigWorkbook(rows: number, columns: 2 | 6 = 6): FakeWorkbook {
  const wb = new FakeWorkbook("big.xlsx");
  const s = wb.addSheet("Успеваемость");
  s.rows[0] = ["ОО", "Год", "Обучающихся", "Успевают", "Доля", "Дата"].slice(0, columns).map((value) => ({ value }));
  for (let r = 1; r <= rows; r++) {
    const row = [
      { value: SCHOOLS[r % SCHOOLS.length] },
      { value: 2021 + (r % 3) },
      { value: 100 + (r % 50) },
      { value: 90 + (r % 10) },
      { value: 0.9 + (r % 10) / 100, numberFormat: "0.0%" },
      { value: 44927 + (r % 365), numberFormat: "dd.mm.yyyy" },
    ];
    s.rows[r] = row.slice(0, columns);
  }
  wb.addSheet("Пусто");
  return wb;
}

describe("reading through the Excel host", () => {
  it("takes the same number of syncs for 5,000 and 50,000 rows, every request and response under 5 MB", async () => {
    const counts: number[] = [];
    for (const rows of [5_000, 50_000]) {
      const o = install(bigWorkbook(rows, 2));
      const data = await createExcelHost().read();
      expect(data.sheets[0].rows.length).toBe(rows + 1);
      counts.push(o.stats.syncs);
      expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(o.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(o.stats.bareLoads).toBe(0);
      o.uninstall();
      office = null;
    }
    // Sheets, custom properties and names; used ranges; the cells (three row blocks in one request).
    expect(counts).toEqual([3, 3]);
  });

  it("reads a wide 50,000-row sheet in row blocks, each response under 5 MB", async () => {
    const o = install(bigWorkbook(50_000, 6));
    const data = await createExcelHost().read();
    const sheet = data.sheets[0];
    expect(sheet.rows.length).toBe(50_001);
    expect(sheet.rows[50_000]).toEqual([
      SCHOOLS[50_000 % 4],
      2021 + (50_000 % 3),
      100,
      90,
      0.9,
      new Date(Date.UTC(2023, 0, 1) + (50_000 % 365) * 86400000),
    ]);
    // 300,006 cells do not fit one 5 MB response: the row blocks go in three requests of at most
    // CELLS_PER_REQUEST cells (not one request per block, not one per row).
    expect(o.stats.syncs).toBe(2 + Math.ceil((50_001 * 6) / CELLS_PER_REQUEST));
    expect(o.stats.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(o.stats.maxRequestBytes).toBeLessThan(10_000);
    expect(o.stats.bareLoads).toBe(0);
  });

  it("splits a request whose response would pass 5 MB (long texts) and still reads every cell", async () => {
    const wb = new FakeWorkbook("long.xlsx");
    const s = wb.addSheet("План");
    const text = "Проведение методического семинара для учителей школ с низкими результатами обучения ".repeat(3);
    for (let r = 0; r < 30_000; r++) s.rows[r] = [{ value: r + 1 }, { value: text }, { value: text }];
    const o = install(wb);
    const data = await createExcelHost().read();
    expect(data.sheets[0].rows.length).toBe(30_000);
    expect(data.sheets[0].rows[29_999]).toEqual([30_000, text, text]);
    const failed = o.stats.requests.filter((r) => r.responseBytes > PAYLOAD_LIMIT);
    expect(failed.length).toBeGreaterThan(0); // the first try was too large …
    // … the halves were delivered, each under the limit, and together they are the whole sheet (above).
    expect(
      o.stats.requests.filter((r) => r.responseBytes <= PAYLOAD_LIMIT && r.responseBytes > 1_000_000).length,
    ).toBeGreaterThan(5);
  });

  it("converts what Excel shows: dates in date-formatted cells, percentages kept with their format, errors", async () => {
    expect(cellFromExcel(45000, "dd.mm.yyyy")).toEqual(new Date(Date.UTC(2023, 2, 15)));
    expect(cellFromExcel(45000, "General")).toBe(45000);
    expect(cellFromExcel(0.5, "0%")).toBe(0.5);
    expect(cellFromExcel("#DIV/0!", "General")).toEqual({ error: "#DIV/0!" });
    expect(cellFromExcel("", "General")).toBeNull();
    expect(cellFromExcel("да", "General")).toBe("да");
    expect(parseMergedAddress("'Лист 1'!A1:G1,'Лист 1'!B5:C7")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 7 },
      { top: 5, left: 2, bottom: 7, right: 3 },
    ]);
  });

  it("reads merged areas only where ExcelApi 1.13 is supported", async () => {
    const wb = new FakeWorkbook("m.xlsx");
    const s = wb.addSheet("План");
    s.rows[0] = [{ value: "Заголовок" }];
    s.rows[1] = [{ value: 1 }, { value: 2 }];
    s.merges = [{ top: 1, left: 1, bottom: 1, right: 2 }];
    install(wb, "1.13");
    expect((await createExcelHost().read()).sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    office?.uninstall();
    install(wb, "1.12");
    expect((await createExcelHost().read()).sheets[0].merges).toBeUndefined();
  });

  it("turns Office errors into HostError with the code and debug info", async () => {
    const o = install(bigWorkbook(10, 2));
    o.setApiVersion("1.1"); // custom properties need ExcelApi 1.7
    const err: unknown = await createExcelHost()
      .read()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("ApiNotFound");
    expect((err as HostError).debugInfo).toMatch(/properties\.custom/);
  });
});

describe("the Lazo monitoring sample through both hosts", () => {
  let viaXlsx: WorkbookData;
  let viaExcel: WorkbookData;
  beforeAll(async () => {
    viaXlsx = await readWorkbookFile(SAMPLE);
    const o = installFakeOffice(globalThis, { workbook: fakeWorkbookFromData(viaXlsx) });
    try {
      const progress: string[] = [];
      viaExcel = await createExcelHost().read((p) => progress.push(`${p.done}/${p.total}`));
      expect(progress.at(-1)).toBe(`${viaXlsx.sheets.length}/${viaXlsx.sheets.length}`);
      expect(o.stats.syncs).toBe(3);
    } finally {
      o.uninstall();
    }
  });

  it("reads the same cells, formats, merges, properties", () => {
    expect(viaExcel.sheets.map((s) => s.name)).toEqual(viaXlsx.sheets.map((s) => s.name));
    for (const [i, s] of viaXlsx.sheets.entries()) {
      const e = viaExcel.sheets[i];
      expect({ name: e.name, rows: e.rows.map((r) => [...r]) }).toEqual({
        name: s.name,
        rows: s.rows.map((r) => [...r]),
      });
      expect(e.merges ?? []).toEqual(s.merges ?? []);
      expect(e.hidden).toEqual(s.hidden);
    }
    expect(viaExcel.properties).toEqual(viaXlsx.properties);
  });

  it("gives the same ФЛК report and the same indicators", () => {
    const opts = { templates: BUILTIN_TEMPLATES, asOf: AS_OF };
    const a = validateWorkbook(viaXlsx, opts);
    const b = validateWorkbook(viaExcel, opts);
    expect(b.report.template).toBe("effektivnaya-shkola-2023");
    expect(b.report).toEqual(a.report);
    const ia = buildDashboardLayouts(viaXlsx, a, { asOf: AS_OF, refreshedAt: AS_OF });
    const ib = buildDashboardLayouts(viaExcel, b, { asOf: AS_OF, refreshedAt: AS_OF });
    expect(ib.indicators).toEqual(ia.indicators);
    // DOMAIN.md's seed: ШНОР 8 of 29 schools in 2021, 10 of 29 in 2022.
    const shnor = ib.indicators.filter((v) => v.id === "shnor_share" && v.scope === "municipality");
    expect(shnor.map((v) => [v.period, Math.round((v.value as number) * 10) / 10])).toEqual(
      expect.arrayContaining([
        ["2021", 27.6],
        ["2022", 34.5],
      ]),
    );
  });
});
