/**
 * Writing the dashboard into a copy must keep everything else of the workbook: sheet names and
 * order, every cell's value and formula, number formats and fonts, merges, data validations,
 * defined names (also constants, formulas, sheet-scoped names and print areas, which ExcelJS alone
 * would drop or mangle) and custom document properties; Sverka's sheets never overwrite the user's.
 */
import { ValueType, Workbook } from "exceljs";
import { parseDefinedNames, snapshotPackage } from "./preserve";
import { readWorkbook } from "./read";
import {
  buildDashboard,
  expectPreserved,
  loadExcelJs,
  MONITORING_SAMPLE,
  namesOf,
  sampleBytes,
  type BuiltDashboard,
} from "./testing/testDashboard";
import { buildZip, unzipAll } from "./testing/testZip";
import { OWNED_SHEETS_PROPERTY, writeDashboard } from "./writeDashboard";

const SVERKA = ["Дашборд", "Отчёт ФЛК", "_sverka_calc"];
const dec = new TextDecoder();
const enc = new TextEncoder();

async function toBytes(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Adds raw parts and edits to a package (what ExcelJS cannot write itself). */
async function patchPackage(
  bytes: Uint8Array,
  edit: (parts: Map<string, Uint8Array>, text: (name: string) => string) => void,
): Promise<Uint8Array> {
  const parts = await unzipAll(bytes);
  edit(parts, (name) => dec.decode(parts.get(name)));
  return buildZip([...parts].map(([name, data]) => ({ name, data, method: 8 as const })));
}

/**
 * A monitoring workbook with what users put into workbooks: styles, number formats, formulas (also
 * shared ones), merges, data validations, conditional formats, notes, hyperlinks, frozen panes, a
 * hidden sheet, defined names of every kind and custom document properties.
 */
async function richOriginal(): Promise<Uint8Array> {
  const wb = await loadExcelJs(await sampleBytes(MONITORING_SAMPLE));
  const ws = wb.addWorksheet("Свод");
  ws.getCell("A1").value = "Свод по району";
  ws.getCell("A1").font = { bold: true, size: 14, name: "Arial", color: { argb: "FF1F3864" } };
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = 5;
  ws.getCell("B2").value = { formula: "A2*2", result: 10 };
  ws.getCell("C2").value = 0.25;
  ws.getCell("C2").numFmt = "0.0%";
  ws.getCell("D2").value = { formula: "COUNTA('Школы'!A2:A30)", result: 29 };
  ws.getCell("A3").value = "=это текст, а не формула";
  ws.getCell("B3").value = { text: "сайт", hyperlink: "https://example.org" };
  ws.getCell("C3").value = 7;
  ws.getCell("C3").note = "примечание";
  ws.getCell("A4").value = { sharedFormula: "B2", result: 10 } as never;
  ws.getCell("A5").value = new Date(Date.UTC(2023, 0, 5));
  ws.getCell("A5").numFmt = "dd.mm.yyyy";
  ws.getCell("B5").value = 1234.5;
  ws.getCell("B5").numFmt = '# ##0.00" ₽"';
  ws.getCell("B5").font = { italic: true, color: { argb: "FFFF0000" } };
  ws.getColumn(2).width = 30;
  ws.getRow(2).height = 25;
  ws.views = [{ state: "frozen", ySplit: 1 }];
  (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add("A10:A20", {
    type: "list",
    allowBlank: true,
    formulae: ['"да,нет"'],
  });
  ws.addConditionalFormatting({
    ref: "A2:A9",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["3"],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  wb.addWorksheet("Скрытый", { state: "hidden" }).getCell("A1").value = 1;
  wb.definedNames.add("'Свод'!$A$2:$A$5", "Диапазон");
  return patchPackage(await toBytes(wb), (parts, text) => {
    const names = parseDefinedNames(text("xl/workbook.xml"));
    expect(names.map((n) => n.name)).toContain("Диапазон");
    const sheetIndex = (n: string) =>
      [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === n);
    parts.set(
      "xl/workbook.xml",
      enc.encode(
        text("xl/workbook.xml").replace(
          "</definedNames>",
          '<definedName name="Порог">0.5</definedName>' +
            "<definedName name=\"Итог\">SUM('Свод'!$A$2:$A$5)</definedName>" +
            `<definedName name="Лок" localSheetId="${sheetIndex("Скрытый")}">'Скрытый'!$A$1</definedName>` +
            `<definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex("Свод")}">'Свод'!$A$1:$D$5</definedName>` +
            "</definedNames>",
        ),
      ),
    );
    parts.set(
      "docProps/custom.xml",
      enc.encode(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Отдел"><vt:lpwstr>УО</vt:lpwstr></property></Properties>',
      ),
    );
    parts.set(
      "_rels/.rels",
      enc.encode(
        text("_rels/.rels").replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
        ),
      ),
    );
    parts.set(
      "[Content_Types].xml",
      enc.encode(
        text("[Content_Types].xml").replace(
          "</Types>",
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
        ),
      ),
    );
  });
}

describe("writeDashboard", () => {
  let built: BuiltDashboard;
  let rich: Uint8Array;

  beforeAll(async () => {
    rich = await richOriginal();
    built = await buildDashboard(rich, "свод.xlsx");
  });

  it("keeps every sheet, cell, format, merge, validation, defined name and custom property of the original", async () => {
    const res = await writeDashboard(rich, built.layout, built.flk);
    expect(res.sheetNames).toEqual(SVERKA);
    expect(res.warnings).toEqual([]);
    await expectPreserved(rich, res.data, SVERKA);
    const back = await readWorkbook(res.data, "out.xlsx");
    expect(back.properties?.["Отдел"]).toBe("УО");
    expect(JSON.parse(back.properties?.[OWNED_SHEETS_PROPERTY] ?? "[]")).toEqual(SVERKA);
    expect(back.sheets.find((s) => s.name === "_sverka_calc")?.hidden).toBe(true);
    expect(back.sheets.find((s) => s.name === "_sverka")?.hidden).toBe("very");
    // Sverka's names: one per municipal fact, pointing at the dashboard.
    const names = (await namesOf(res.data)).filter((n) => n.name.startsWith("sv_"));
    expect(names.map((n) => n.name).sort()).toEqual(built.layout.definedNames.map((n) => n.name).sort());
    expect(names.find((n) => n.name === "sv_shnor_share_2022")?.text).toMatch(/^'Дашборд'!\$E\$\d+$/);
  });

  it("writes cached results, number formats, links and text that looks like a formula as text", async () => {
    // A school named like a formula (text from the user's workbook) on the dashboard.
    const [dashboard, ...rest] = built.layout.sheets;
    const odd = { ...dashboard, cells: [...dashboard.cells, { row: 500, col: 1, value: '=HYPERLINK("x") школа' }] };
    const res = await writeDashboard(rich, { ...built.layout, sheets: [odd, ...rest] }, built.flk);
    const x = await loadExcelJs(res.data);
    const dash = x.getWorksheet("Дашборд")!;
    const fact = built.layout.facts.find((f) => f.id === "shnor_share" && f.period === "2022")!;
    const cell = dash.getCell(fact.address);
    expect(cell.formula).toMatch(/^IF\(COUNT\('_sverka_calc'!/);
    expect(cell.result).toBeCloseTo((10 / 29) * 100, 10);
    expect(cell.numFmt).toBe('0.0" %"');
    const flk = x.getWorksheet("Отчёт ФЛК")!;
    expect(flk.autoFilter).toBeDefined();
    // «=…» text from the user's workbook stays text in the copy, and so does the text Sverka writes.
    expect(x.getWorksheet("Свод")!.getCell("A3").type).toBe(ValueType.String);
    expect(dash.getCell("A500").type).toBe(ValueType.String);
    expect(dash.getCell("A500").value).toBe('=HYPERLINK("x") школа');
    const raw = await unzipAll(res.data);
    const flkPart = [...raw.keys()].find(
      (k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k) && dec.decode(raw.get(k)).includes("autoFilter"),
    )!;
    expect(dec.decode(raw.get(flkPart))).not.toMatch(/<f>=/);
    // A link to a cell: a `location` inside the workbook, no relationship to an outside target.
    expect(dec.decode(raw.get(flkPart))).toMatch(/<hyperlink ref="C6" location="'[^']+'!C?[A-Z]+\d+"/);
  });

  it("never overwrites a user's «Дашборд»: writes «Дашборд (2)» and keeps it on the next run", async () => {
    const wb = await loadExcelJs(rich);
    const mine = wb.addWorksheet("Дашборд");
    mine.getCell("A1").value = "Мой собственный дашборд";
    mine.getCell("B2").value = { formula: "1+1", result: 2 };
    const withUserSheet = await toBytes(wb);
    // The data are the same: the layout built for the original serves.
    const again = built;
    const first = await writeDashboard(withUserSheet, again.layout, again.flk);
    expect(first.sheetNames).toEqual(["Дашборд (2)", "Отчёт ФЛК", "_sverka_calc"]);
    expect(first.warnings.join(" ")).toContain("«Дашборд (2)»");
    const names = await namesOf(first.data);
    expect(names.find((n) => n.name === "sv_shnor_share_2022")?.text).toMatch(/^'Дашборд \(2\)'!\$E\$\d+$/);

    const second = await writeDashboard(first.data, again.layout, again.flk);
    expect(second.sheetNames).toEqual(first.sheetNames);
    const x = await loadExcelJs(second.data);
    expect(x.worksheets.map((w) => w.name)).toEqual((await loadExcelJs(first.data)).worksheets.map((w) => w.name));
    expect(x.getWorksheet("Дашборд")!.getCell("A1").value).toBe("Мой собственный дашборд");
    // Two runs later, the user's «Дашборд» and everything else are as they were.
    await expectPreserved(withUserSheet, second.data, second.sheetNames);
  });

  it("replaces its own sheets in place on the next run instead of adding «(2)»", async () => {
    const first = await writeDashboard(rich, built.layout, built.flk);
    // The user moves on: a sheet after Sverka's, a note on the dashboard's tab order.
    const wb = await loadExcelJs(first.data);
    wb.addWorksheet("После").getCell("A1").value = "позже";
    // …and a name of their own that points at a fact on Sverka's dashboard.
    const firstParts = await unzipAll(first.data);
    const edited = await patchPackage(await toBytes(wb), (parts, text) => {
      parts.set(
        "xl/workbook.xml",
        enc.encode(
          text("xl/workbook.xml").replace(
            "</definedNames>",
            "<definedName name=\"МояДоля\">'Дашборд'!$E$26</definedName></definedNames>",
          ),
        ),
      );
      // Excel and LibreOffice keep custom document properties (ExcelJS, which made this edit, does not).
      parts.set("docProps/custom.xml", firstParts.get("docProps/custom.xml")!);
      parts.set("_rels/.rels", firstParts.get("_rels/.rels")!);
      parts.set(
        "[Content_Types].xml",
        enc.encode(
          text("[Content_Types].xml").replace(
            "</Types>",
            '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
          ),
        ),
      );
    });
    const second = await writeDashboard(edited, built.layout, built.flk);
    expect(second.sheetNames).toEqual(SVERKA);
    const names = (await loadExcelJs(second.data)).worksheets.map((w) => w.name);
    expect(names).toEqual((await loadExcelJs(edited)).worksheets.map((w) => w.name));
    expect(names.filter((n) => n.startsWith("Дашборд"))).toEqual(["Дашборд"]);
    const back = await readWorkbook(second.data, "second.xlsx");
    expect(JSON.parse(back.properties?.[OWNED_SHEETS_PROPERTY] ?? "[]")).toEqual(SVERKA);
    // One set of Sverka's names, not two; the user's name stays.
    const all = await namesOf(second.data);
    expect(all.filter((n) => n.name.startsWith("sv_"))).toHaveLength(built.layout.definedNames.length);
    expect(all.find((n) => n.name === "МояДоля")).toEqual({ name: "МояДоля", scope: "", text: "'Дашборд'!$E$26" });
  });

  it("recognises the sheets an older Sverka listed on its `_sverka` sheet and replaces them in place", async () => {
    // A copy written before ownership moved to a custom property: the list sits on `_sverka`.
    const wb = await loadExcelJs(rich);
    for (const name of SVERKA) wb.addWorksheet(name).getCell("A1").value = `старый лист ${name}`;
    const props = wb.getWorksheet("_sverka") ?? wb.addWorksheet("_sverka", { state: "veryHidden" });
    props.addRow([OWNED_SHEETS_PROPERTY, JSON.stringify(SVERKA)]);
    const legacy = await toBytes(wb);
    const res = await writeDashboard(legacy, built.layout, built.flk);
    expect(res.sheetNames).toEqual(SVERKA);
    expect(res.warnings).toEqual([]);
    const back = await readWorkbook(res.data, "copy.xlsx");
    expect(back.sheets.map((s) => s.name)).toEqual(
      (await readWorkbook(legacy, "legacy.xlsx")).sheets.map((s) => s.name),
    );
    expect(back.sheets.find((s) => s.name === "Дашборд")?.rows[0]?.[0]).not.toBe("старый лист Дашборд");
    expect(JSON.parse(back.properties?.[OWNED_SHEETS_PROPERTY] ?? "[]")).toEqual(SVERKA);
  });

  it("keeps a user's defined name that clashes with Sverka's and says so", async () => {
    const patched = await patchPackage(rich, (parts, text) =>
      parts.set(
        "xl/workbook.xml",
        enc.encode(
          text("xl/workbook.xml").replace(
            "</definedNames>",
            '<definedName name="sv_shnor_share_2022">42</definedName></definedNames>',
          ),
        ),
      ),
    );
    const res = await writeDashboard(patched, built.layout, built.flk);
    expect(res.warnings.join(" ")).toContain("sv_shnor_share_2022");
    const names = await namesOf(res.data);
    expect(names.filter((n) => n.name === "sv_shnor_share_2022")).toEqual([
      { name: "sv_shnor_share_2022", scope: "", text: "42" },
    ]);
  });

  it("carries over what ExcelJS could not (a note on an empty cell, threaded comments) byte for byte, without warnings", async () => {
    const wb = await loadExcelJs(rich);
    wb.getWorksheet("Свод")!.getCell("F9").note = "примечание к пустой ячейке";
    const withNote = await patchPackage(await toBytes(wb), (parts) =>
      parts.set("xl/threadedComments/threadedComment1.xml", enc.encode("<ThreadedComments/>")),
    );
    expect((await snapshotPackage(withNote)).features.get("примечания")).toBe(2);
    const res = await writeDashboard(withNote, built.layout, built.flk);
    expect(res.warnings).toEqual([]);
    const before = await unzipAll(withNote);
    const after = await unzipAll(res.data);
    for (const [name, data] of before)
      if (/comments|threadedComment|vmlDrawing|worksheets\/sheet\d+\.xml$/.test(name))
        expect({ name, same: Buffer.compare(Buffer.from(after.get(name) ?? []), Buffer.from(data)) === 0 }).toEqual({
          name,
          same: true,
        });
  });
});
