import { Workbook, type CellValue as XlCellValue } from "exceljs";
import { cellAt, formatAt, type SheetData, type WorkbookData } from "../../core/model/sheet";
import { toIsoDate } from "../../core/model/dates";
import { readWorkbook, PROPERTIES_SHEET } from "./read";
import { parseCustomProperties, parseWorkbookPart } from "./ooxml";
import { buildZip, unzipAll } from "./testing/testZip";
import { extractText, readZipDirectory } from "./zip";

async function toBytes(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function roundTrip(build: (wb: Workbook) => void, name = "книга.xlsx"): Promise<WorkbookData> {
  const wb = new Workbook();
  build(wb);
  return readWorkbook(await toBytes(wb), name);
}

function sheet(data: WorkbookData, name: string): SheetData {
  const s = data.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${data.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

/** ExcelJS's typings do not cover every value shape it accepts (formula with an error result). */
function xl(v: unknown): XlCellValue {
  return v as XlCellValue;
}

describe("readWorkbook: values", () => {
  it("keeps the value of a merged area in its top-left cell and lists the merges", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("План");
      ws.getCell("A1").value = "План мероприятий";
      ws.mergeCells("A1:E1");
      ws.getCell("A3").value = "Этап 1";
      ws.mergeCells("A3:A5");
      ws.getCell("B3").value = "Семинар";
    });
    const s = sheet(data, "План");
    expect(cellAt(s, 1, 1)).toBe("План мероприятий");
    for (let c = 2; c <= 5; c++) expect(cellAt(s, 1, c)).toBeNull();
    expect(cellAt(s, 3, 1)).toBe("Этап 1");
    expect(cellAt(s, 4, 1)).toBeNull();
    expect(cellAt(s, 5, 1)).toBeNull();
    expect(cellAt(s, 3, 2)).toBe("Семинар");
    expect(s.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 3, left: 1, bottom: 5, right: 1 },
    ]);
  });

  it("returns cached formula results, error values and nothing for formulas without a result", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Ф");
      ws.getCell("A1").value = xl({ formula: "1+1", result: 2 });
      ws.getCell("B1").value = xl({ formula: "1/0", result: { error: "#DIV/0!" } });
      ws.getCell("C1").value = xl({ formula: "A1*0", result: 0 });
      ws.getCell("D1").value = xl({ formula: '"а"&"б"', result: "аб" });
      ws.getCell("E1").value = xl({ formula: "1>2", result: false });
      ws.getCell("F1").value = xl({ formula: "NOW()" });
      ws.getCell("G1").value = xl({ error: "#N/A" });
      ws.getCell("H1").value = true;
      ws.getCell("I1").value = -12.5;
    });
    const row = sheet(data, "Ф").rows[0];
    expect(row.slice(0, 5)).toEqual([2, { error: "#DIV/0!" }, 0, "аб", false]);
    expect(row[5]).toBeNull();
    expect(row[6]).toEqual({ error: "#N/A" });
    expect(row[7]).toBe(true);
    expect(row[8]).toBe(-12.5);
  });

  it("reads the results of shared formulas in every cell they cover", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Ф");
      [1, 2, 3, 4].forEach((v, i) => (ws.getCell(i + 1, 1).value = v));
      ws.fillFormula("B1:B4", "A1*10", [10, 20, 30, 40]);
    });
    const s = sheet(data, "Ф");
    expect([1, 2, 3, 4].map((r) => cellAt(s, r, 2))).toEqual([10, 20, 30, 40]);
  });

  it("recovers text, error and boolean results of date-formatted formulas, which ExcelJS turns into dates", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Сроки");
      for (const a of ["A1", "B1", "C1", "D1"]) ws.getCell(a).numFmt = "dd.mm.yyyy";
      ws.getCell("A1").value = xl({ formula: 'DATEVALUE("x")', result: { error: "#VALUE!" } });
      ws.getCell("B1").value = xl({ formula: 'IF(TRUE,"нет срока")', result: "нет срока" });
      ws.getCell("C1").value = xl({ formula: "DATE(2021,5,31)", result: new Date(Date.UTC(2021, 4, 31)) });
      ws.getCell("D1").value = xl({ formula: "DATE(2021,6,1)", result: 44348 });
      ws.getCell("E1").numFmt = "dd.mm.yyyy";
      ws.getCell("E1").value = xl({ formula: "A2>0", result: true });
      ws.getCell("F1").numFmt = "dd.mm.yyyy";
      ws.getCell("F1").value = xl({ formula: "A2*0", result: 0.000001 });
    });
    const row = sheet(data, "Сроки").rows[0];
    expect(row[4]).toBe(true);
    expect(row[5]).toEqual(new Date(Date.UTC(1899, 11, 30) + 86));
    expect(row[0]).toEqual({ error: "#VALUE!" });
    expect(row[1]).toBe("нет срока");
    expect(row[2]).toEqual(new Date(Date.UTC(2021, 4, 31)));
    expect(row[3]).toEqual(new Date(Date.UTC(2021, 5, 1)));
  });

  it("flattens rich text and shows hyperlinks as their text", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Т");
      ws.getCell("A1").value = {
        richText: [
          { text: "Жирное", font: { bold: true } },
          { text: " и " },
          { text: "курсив", font: { italic: true } },
        ],
      };
      ws.getCell("B1").value = { text: "сайт школы", hyperlink: "https://school.example.ru/" };
      ws.getCell("C1").value = "строка 1\nстрока 2";
    });
    expect(sheet(data, "Т").rows[0]).toEqual(["Жирное и курсив", "сайт школы", "строка 1\nстрока 2"]);
  });

  it("pads ragged rows from A1 and leaves out trailing empties", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Р");
      ws.getCell("A1").value = 1;
      ws.getCell("B1").value = 2;
      ws.getCell("C1").value = 3;
      ws.getCell("C3").value = "x";
      ws.getCell("B5").value = "y";
      ws.getCell("H5").font = { bold: true }; // styled but empty
      ws.getCell("A7").numFmt = "0%"; // styled but empty, after the last value
    });
    const s = sheet(data, "Р");
    expect(s.rows).toEqual([[1, 2, 3], [], [null, null, "x"], [], [null, "y"]]);
  });
});

describe("readWorkbook: dates", () => {
  const march15 = new Date(Date.UTC(2024, 2, 15));

  async function dateBook(date1904: boolean): Promise<Uint8Array> {
    const wb = new Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet("Даты");
    ws.getCell("A1").value = march15;
    ws.getCell("A1").numFmt = "dd.mm.yyyy";
    ws.getCell("B1").value = new Date(Date.UTC(2024, 2, 15, 12, 30));
    ws.getCell("B1").numFmt = "dd.mm.yyyy hh:mm";
    return toBytes(wb);
  }

  it("gives the same calendar date in the 1900 and the 1904 date systems", async () => {
    const d1900 = await readWorkbook(await dateBook(false), "1900.xlsx");
    const d1904 = await readWorkbook(await dateBook(true), "1904.xlsx");
    for (const d of [d1900, d1904]) {
      const s = sheet(d, "Даты");
      expect(cellAt(s, 1, 1)).toEqual(march15);
      expect(cellAt(s, 1, 2)).toEqual(new Date(Date.UTC(2024, 2, 15, 12, 30)));
    }
  });

  it("really wrote different serials for the two systems (45366 vs 43904 for 15.03.2024)", async () => {
    async function serialOfA1(bytes: Uint8Array): Promise<string | undefined> {
      const xml = await extractText(bytes, readZipDirectory(bytes), "xl/worksheets/sheet1.xml");
      return /<c r="A1"[^>]*><v>([^<]*)<\/v>/.exec(xml ?? "")?.[1];
    }
    expect(await serialOfA1(await dateBook(false))).toBe("45366");
    expect(await serialOfA1(await dateBook(true))).toBe("43904");
  });

  it("reads serial numbers in date-formatted cells by the workbook's date system", async () => {
    async function book(date1904: boolean, serial: number, numFmt: string): Promise<SheetData> {
      const data = await roundTrip((wb) => {
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet("Ч");
        ws.getCell("A1").value = serial;
        ws.getCell("A1").numFmt = numFmt;
      });
      return sheet(data, "Ч");
    }
    // Converted by ExcelJS ("dd.mm.yyyy") and by the reader itself ("YYYY", which ExcelJS misses).
    for (const fmt of ["dd.mm.yyyy", "YYYY"]) {
      expect(toIsoDate(cellAt(await book(false, 45366, fmt), 1, 1) as Date)).toBe("2024-03-15");
      expect(toIsoDate(cellAt(await book(true, 43904, fmt), 1, 1) as Date)).toBe("2024-03-15");
    }
  });

  it("keeps numbers whose format only looks like a date or a percentage once ExcelJS unescapes it", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Ч");
      ws.getCell("A1").value = 12.5;
      ws.getCell("A1").numFmt = "0.0\\h"; // "12,5h": a literal h
      ws.getCell("B1").value = 3;
      ws.getCell("B1").numFmt = '0 "мес."';
      ws.getCell("C1").value = 45.5;
      ws.getCell("C1").numFmt = "0.0\\%"; // "45,5%" from 45.5: a literal percent sign
    });
    const s = sheet(data, "Ч");
    expect(s.rows[0]).toEqual([12.5, 3, 45.5]);
    expect(formatAt(s, 1, 1)).toBeUndefined();
    expect(formatAt(s, 1, 3)).toBeUndefined();
  });

  it("tells an escaped format from a plain one (ExcelJS reported both as 0.0%)", async () => {
    // Formats are read from styles.xml as written: "0.0\\%" is a literal percent sign, "0.0%" a percentage.
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Ч");
      ws.getCell("A1").value = 45.5;
      ws.getCell("A1").numFmt = "0.0\\%";
      ws.getCell("B1").value = 0.455;
      ws.getCell("B1").numFmt = "0.0%";
    });
    const s = sheet(data, "Ч");
    expect(s.rows[0]).toEqual([45.5, 0.455]);
    expect([formatAt(s, 1, 1), formatAt(s, 1, 2)]).toEqual([undefined, "0.0%"]);
  });
});

describe("readWorkbook: sheets, formats, names, properties", () => {
  it("marks hidden and very hidden sheets and keeps tab order", async () => {
    const data = await roundTrip((wb) => {
      wb.addWorksheet("Видимый").getCell("A1").value = 1;
      wb.addWorksheet("Скрытый", { state: "hidden" }).getCell("A1").value = 2;
      wb.addWorksheet("Очень скрытый", { state: "veryHidden" }).getCell("A1").value = 3;
    });
    expect(data.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Видимый", undefined],
      ["Скрытый", true],
      ["Очень скрытый", "very"],
    ]);
    expect(data.sheets.map((s) => cellAt(s, 1, 1))).toEqual([1, 2, 3]);
  });

  it("keeps date and percentage formats, and only those", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Ф");
      ws.getCell("A2").value = 0.25;
      ws.getCell("A2").numFmt = "0%";
      ws.getCell("B2").value = 0.125;
      ws.getCell("B2").numFmt = "0.00%";
      ws.getCell("C2").value = 1234.5;
      ws.getCell("C2").numFmt = "#,##0.00";
      ws.getCell("D2").value = new Date(Date.UTC(2021, 8, 1));
      ws.getCell("D2").numFmt = "dd.mm.yyyy";
      ws.getCell("E2").value = 7;
      ws.getCell("F2").value = xl({ formula: "A2*2", result: 0.5 });
      ws.getCell("F2").numFmt = "0%";
    });
    const s = sheet(data, "Ф");
    expect(formatAt(s, 2, 1)).toBe("0%");
    expect(formatAt(s, 2, 2)).toBe("0.00%");
    expect(formatAt(s, 2, 3)).toBeUndefined();
    expect(formatAt(s, 2, 4)).toBe("dd.mm.yyyy");
    expect(formatAt(s, 2, 5)).toBeUndefined();
    expect(formatAt(s, 2, 6)).toBe("0%");
    expect(s.formats?.[0]).toBeUndefined();
    expect(s.rows[1]).toEqual([0.25, 0.125, 1234.5, new Date(Date.UTC(2021, 8, 1)), 7, 0.5]);
  });

  it("lists workbook-level defined names, not sheet-local ones like the print area", async () => {
    const data = await roundTrip((wb) => {
      const ws = wb.addWorksheet("Школы");
      ws.getCell("A1").value = "СОШ № 1";
      ws.pageSetup.printArea = "A1:C10";
      wb.definedNames.add("'Школы'!$A$1:$A$30", "СписокШкол");
      wb.definedNames.add("'Школы'!$B$2", "Год");
    });
    expect(data.definedNames).toEqual({ СписокШкол: "'Школы'!$A$1:$A$30", Год: "'Школы'!$B$2" });
  });

  it("parses defined names that are formulas or constants, which ExcelJS drops", () => {
    const part = parseWorkbookPart(
      '<workbook><sheets><sheet name="A&amp;B" sheetId="1" r:id="rId3"/></sheets><definedNames>' +
        '<definedName name="Порог">0.5</definedName>' +
        "<definedName name=\"Итого\">SUM('A&amp;B'!$A:$A)</definedName>" +
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'A&amp;B\'!$A$1:$H$9</definedName>' +
        "</definedNames></workbook>",
    );
    expect(part.sheets).toEqual([{ name: "A&B", relId: "rId3" }]);
    expect(part.definedNames).toEqual({ Порог: "0.5", Итого: "SUM('A&B'!$A:$A)" });
  });

  it("reads Sverka's properties from a `_sverka` sheet", async () => {
    const data = await roundTrip((wb) => {
      wb.addWorksheet("План").getCell("A1").value = "x";
      const meta = wb.addWorksheet(PROPERTIES_SHEET, { state: "veryHidden" });
      meta.addRow(["templateId", "plan-2020"]);
      meta.addRow(["version", 3]);
      meta.addRow([null, "без ключа"]);
    });
    expect(data.properties).toEqual({ templateId: "plan-2020", version: "3" });
    expect(sheet(data, PROPERTIES_SHEET).hidden).toBe("very");
  });

  it("reads custom document properties (docProps/custom.xml), which win over the `_sverka` sheet", async () => {
    const wb = new Workbook();
    wb.addWorksheet("План").getCell("A1").value = "x";
    wb.addWorksheet(PROPERTIES_SHEET, { state: "veryHidden" }).addRows([
      ["templateId", "old"],
      ["onlyInSheet", "да"],
    ]);
    const parts = await unzipAll(await toBytes(wb));
    const enc = new TextEncoder();
    const dec = new TextDecoder();
    parts.set(
      "docProps/custom.xml",
      enc.encode(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="templateId"><vt:lpwstr>plan-2021 &amp; co</vt:lpwstr></property>' +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Школ"><vt:i4>30</vt:i4></property>' +
          "</Properties>",
      ),
    );
    const rels = dec.decode(parts.get("_rels/.rels"));
    parts.set(
      "_rels/.rels",
      enc.encode(
        rels.replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
        ),
      ),
    );
    const zip = buildZip([...parts].map(([name, data]) => ({ name, data, method: 8 as const })));
    const data = await readWorkbook(zip, "свойства.xlsx");
    expect(data.properties).toEqual({ templateId: "plan-2021 & co", onlyInSheet: "да", Школ: "30" });
    expect(cellAt(sheet(data, "План"), 1, 1)).toBe("x");
  });

  it("parses custom property values of any type", () => {
    expect(
      parseCustomProperties(
        '<Properties><property name="a"><vt:bool>true</vt:bool></property><property name="b"><vt:lpwstr/></property>' +
          '<property name="c"><vt:filetime>2021-09-01T00:00:00Z</vt:filetime></property></Properties>',
      ),
    ).toEqual({ a: "true", b: "", c: "2021-09-01T00:00:00Z" });
  });

  it("uses the given name and accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Лист1").getCell("B2").value = "ок";
    const bytes = await toBytes(wb);
    const copy = bytes.slice().buffer;
    const data = await readWorkbook(copy, "мониторинг.xlsx");
    expect(data.name).toBe("мониторинг.xlsx");
    expect(data.sheets[0].rows).toEqual([[], [null, "ок"]]);
    expect(data.properties).toBeUndefined();
    expect(data.definedNames).toBeUndefined();
  });
});
