/**
 * The fake Excel object model behaves like Office.js where the host's correctness depends on it:
 * load-before-read, batching until `sync()`, the 5 MB request and response limits, the 8,192
 * character address lists, requirement sets, null objects, text entry, and the globals.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { FakeWorkbook, installFakeOffice, type FakeOfficeHandle } from "./index";

let office: FakeOfficeHandle | null = null;
afterEach(() => {
  office?.uninstall();
  office = null;
});

function install(apiVersion = "1.18", payloadLimit?: number): FakeOfficeHandle {
  const wb = new FakeWorkbook("t.xlsx");
  const s = wb.addSheet("Данные");
  s.rows[0] = [{ value: "ОО" }, { value: 5 }];
  office = installFakeOffice(globalThis, { workbook: wb, apiVersion, ...(payloadLimit ? { payloadLimit } : {}) });
  return office;
}

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe("the fake Excel", () => {
  /* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading too early is what this test is about */
  it("refuses to read a property that was not loaded and synced (PropertyNotLoaded)", async () => {
    install();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Данные").getRange("A1:B1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(/not available/); // loaded but not synced yet
      await context.sync();
      expect(r.values).toEqual([["ОО", 5]]);
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });
  /* eslint-enable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load */

  it("applies writes only at sync, in order, and counts syncs (Excel.run sends what is left)", async () => {
    const o = install();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Данные").getRange("C1");
      r.values = [[1]];
      expect(o.workbook.sheet("Данные")?.cell(1, 3)).toBeUndefined();
      await context.sync();
      expect(o.workbook.sheet("Данные")?.cell(1, 3)?.value).toBe(1);
      r.values = [[2]];
    });
    expect(o.workbook.sheet("Данные")?.cell(1, 3)?.value).toBe(2);
    expect(o.stats.syncs).toBe(2);
  });

  it("rejects a request over 5 MB (RequestPayloadSizeLimitExceeded) and applies none of it", async () => {
    const o = install();
    const big = Array.from({ length: 60_000 }, (_v, i) => [`строка ${i} `.repeat(6)]);
    const err = await code(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Данные").getRange("D1").values = [["до"]];
        context.workbook.worksheets.getItem("Данные").getRange("A1:A60000").values = big;
        await context.sync();
      }),
    );
    expect(err).toBe("RequestPayloadSizeLimitExceeded");
    expect(o.stats.requests[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(o.workbook.sheet("Данные")?.cell(1, 4)).toBeUndefined();
  });

  it("rejects a response over 5 MB (ResponsePayloadSizeLimitExceeded)", async () => {
    install("1.18", 1000);
    const err = await code(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Данные").getRange("A1:Z100").load("values,numberFormat");
        await context.sync();
      }),
    );
    expect(err).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("rejects an address list of 8,192 characters or more, and measures the longest", async () => {
    const o = install();
    const cells = Array.from({ length: 2000 }, (_v, i) => `A${i * 2 + 1}`);
    const err = await code(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Данные").getRanges(cells.join(",")).format.fill.color = "#FF0000";
        await context.sync();
      }),
    );
    expect(err).toBe("InvalidArgument");
    expect(o.stats.longestAddress).toBeGreaterThan(8192);
  });

  it("fails APIs above the supported requirement set with ApiNotFound, and answers isSetSupported", async () => {
    install("1.12");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    const err = await code(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Данные").notes.add("A1", "x");
        await context.sync();
      }),
    );
    expect(err).toBe("ApiNotFound");
  });

  it("has null objects and ItemNotFound like Office.js", async () => {
    install();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Нет");
      const used = missing.getUsedRangeOrNullObject(true).load("address");
      const present = context.workbook.worksheets.getItemOrNullObject("данные"); // names compare without case
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    expect(
      await code(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Нет").load("name");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
  });

  it("enters text as Excel does: «=» and «+x» make formulas, «'» keeps text, digits become numbers", async () => {
    const o = install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Данные").getRange("A2:F2").values = [
        ["=1+1", "'=1+1", "+7 дней", "12", "'12", null],
      ];
      await context.sync();
    });
    const s = o.workbook.sheet("Данные");
    expect(s?.cell(2, 1)?.formula).toBe("=1+1");
    expect([s?.cell(2, 2)?.value, s?.cell(2, 2)?.formula]).toEqual(["=1+1", undefined]);
    expect(s?.cell(2, 3)?.formula).toBe("=+7 дней");
    expect(s?.cell(2, 4)?.value).toBe(12);
    expect(s?.cell(2, 5)?.value).toBe("12");
    expect(s?.cell(2, 6)).toBeUndefined(); // null leaves the cell alone
  });

  it("rejects objects used outside their Excel.run batch", async () => {
    install();
    let leaked: Excel.Range | null = null;
    await Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getItem("Данные").getRange("A1");
      await context.sync();
    });
    expect(() => (leaked as unknown as Excel.Range).load("values")).toThrow(
      expect.objectContaining({ code: "InvalidObjectPath" }),
    );
  });

  it("installs Office and Excel on a global object and removes them again", async () => {
    const target = {} as typeof globalThis;
    const h = installFakeOffice(target, { displayLanguage: "en-US" });
    const g = target as unknown as { Office: typeof Office; Excel: typeof Excel };
    expect((await g.Office.onReady()).host).toBe("Excel");
    expect(g.Office.context.displayLanguage).toBe("en-US");
    g.Office.actions.associate("f", () => 1);
    expect(h.actions.has("f")).toBe(true);
    await g.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Лист1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(h.workbook.grid("Лист1")).toEqual([[1]]);
    h.uninstall();
    expect("Office" in target || "Excel" in target).toBe(false);
  });

  it("uses no Node APIs (it runs in a browser page)", () => {
    for (const f of readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const src = readFileSync(join(__dirname, f), "utf8");
      expect([f, /from "node:|require\(|process\.|Buffer/.test(src)]).toEqual([f, false]);
    }
  });
});
