/**
 * Sverka's worksheet XML: page setup from `PrintSetup` (A4 landscape, one page wide, print titles
 * and area as sheet-scoped names, header/footer), row heights, frozen rows, text as inline strings
 * (never formulas), and formats appended to the workbook's styles with their indices.
 */
import type { LayoutSheet } from "../../../core/dashboard/types";
import { buildDashboard, MONITORING_SAMPLE, namesOf, sampleBytes } from "../testing/testDashboard";
import { buildZip, unzipAll } from "../testing/testZip";
import { readWorkbook } from "../read";
import { writeDashboard } from "../writeDashboard";
import { StylesAppender, MINIMAL_STYLES } from "./styles";

const dec = new TextDecoder();

describe("worksheet XML of Sverka's sheets", () => {
  it("applies the print setup, row heights and frozen rows, and writes text as text", async () => {
    const built = await buildDashboard(await sampleBytes(MONITORING_SAMPLE), MONITORING_SAMPLE);
    const [dash, ...rest] = built.layout.sheets;
    const printed: LayoutSheet = {
      ...dash,
      frozenRows: 3,
      rowHeights: [undefined, undefined, undefined, 42], // index = worksheet row
      cells: [...dash.cells, { row: 600, col: 1, value: "=1+1 (текст)" }],
      print: {
        orientation: "landscape",
        paper: "A4",
        fitToWidth: 1,
        fitToHeight: 0,
        titleRows: { from: 1, to: 3 },
        area: { top: 1, left: 1, bottom: 60, right: 7 },
        header: "&LПроект «Эффективная школа»&RДата: &D",
        footer: "&CСтраница &P из &N",
      },
    };
    const res = await writeDashboard(built.original, { ...built.layout, sheets: [printed, ...rest] }, built.flk);
    const parts = await unzipAll(res.data);
    const rels = dec.decode(parts.get("xl/_rels/workbook.xml.rels"));
    const wb = dec.decode(parts.get("xl/workbook.xml"));
    const relId = /<sheet name="Дашборд"[^>]*r:id="([^"]+)"/.exec(wb)![1];
    const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const xml = dec.decode(parts.get(`xl/${target}`));
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(xml).toContain("<oddHeader>&amp;LПроект «Эффективная школа»&amp;RДата: &amp;D</oddHeader>");
    expect(xml).toContain("<oddFooter>&amp;CСтраница &amp;P из &amp;N</oddFooter>");
    expect(/<row r="3" ht="42" customHeight="1">/.test(xml)).toBe(true);
    expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<c r="A600" t="inlineStr"><is><t xml:space="preserve">=1+1 (текст)</t></is></c>');
    // Schema order: sheetPr … sheetData … mergeCells … pageMargins, pageSetup, headerFooter, drawing.
    const order = [
      "<sheetPr",
      "<dimension",
      "<sheetViews",
      "<sheetFormatPr",
      "<cols",
      "<sheetData",
      "<mergeCells",
      "<pageMargins",
      "<pageSetup",
      "<headerFooter",
      "<drawing",
    ];
    const at = order.map((t) => xml.indexOf(t));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const index = [...wb.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === "Дашборд");
    const names = await namesOf(res.data);
    expect(names).toContainEqual({ name: "_xlnm.Print_Titles", scope: "Дашборд", text: "'Дашборд'!$1:$3" });
    expect(names).toContainEqual({ name: "_xlnm.Print_Area", scope: "Дашборд", text: "'Дашборд'!$A$1:$G$60" });
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">`);
  });

  it("appends formats after the existing ones, reusing identical ones, and fixes the counts", () => {
    const styles = new StylesAppender(MINIMAL_STYLES);
    const a = styles.xf({ font: { bold: true }, numFmt: '0.0" %"' });
    const b = styles.xf({ font: { bold: true }, numFmt: '0.0" %"' });
    const c = styles.xf({ fill: "FFC6EFCE", numFmt: "0" });
    expect([a, b, c]).toEqual([1, 1, 2]);
    const out = styles.result();
    expect(out).toContain('<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(out).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot; %&quot;"/></numFmts>');
    expect(out).toMatch(/<fills count="3">/);
    expect(out.indexOf("<numFmts")).toBeLessThan(out.indexOf("<fonts"));
  });
});

describe("a minimal, namespace-prefixed workbook without styles or shared strings", () => {
  const X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const minimal = () =>
    buildZip([
      {
        name: "[Content_Types].xml",
        data:
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      },
      {
        name: "_rels/.rels",
        data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
      {
        name: "xl/workbook.xml",
        data: `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${X}" xmlns:r="${R}"><x:sheets><x:sheet name="Данные" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${X}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Школа</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      },
    ]);

  it("gets a styles part, prefixed sheet entries and defined names, and reads back", async () => {
    const built = await buildDashboard(await sampleBytes(MONITORING_SAMPLE), MONITORING_SAMPLE);
    const original = minimal();
    const res = await writeDashboard(original, built.layout, built.flk);
    const parts = await unzipAll(res.data);
    const wb = dec.decode(parts.get("xl/workbook.xml"));
    expect(wb).toMatch(/<x:sheet name="Дашборд" sheetId="2" r:id="rIdSv\d+"\/>/);
    expect(wb).toMatch(/<x:definedNames><x:definedName name="sv_/);
    expect(dec.decode(parts.get("xl/_rels/workbook.xml.rels"))).toMatch(/Type="[^"]*\/styles" Target="styles\.xml"/);
    expect(dec.decode(parts.get("[Content_Types].xml"))).toContain('PartName="/xl/styles.xml"');
    expect(dec.decode(parts.get("xl/styles.xml"))).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0"/);
    expect(
      Buffer.from(parts.get("xl/worksheets/sheet1.xml")!).equals(
        Buffer.from((await unzipAll(original)).get("xl/worksheets/sheet1.xml")!),
      ),
    ).toBe(true);
    const back = await readWorkbook(res.data, "copy.xlsx");
    expect(back.sheets.map((s) => s.name)).toEqual(["Данные", ...res.sheetNames]);
    expect(back.sheets[0].rows[0][0]).toBe("Школа");
  });
});
