/**
 * Test helper (Node only): an official's macro-enabled workbook with everything a spreadsheet
 * library tends to lose, built from raw XML parts over the bundled monitoring sample: a chart of
 * the user's and a picture (one drawing), a note (comments + VML), data validation, conditional
 * formats, defined names (a range, a constant, a sheet-scoped print area), a hidden sheet and a
 * VBA project (`xl/vbaProject.bin` with the macro-enabled content types; the bytes are not a real
 * project, only the part name and content type matter here).
 */
import { chartXml, drawingXml } from "../charts/chartXml";
import { MONITORING_SAMPLE, sampleBytes } from "./testDashboard";
import { buildZip, unzipAll } from "./testZip";

const dec = new TextDecoder();
const enc = new TextEncoder();

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<authors><author>Методист</author></authors><commentList><comment ref="B2" authorId="0"><text><r><t>Проверить код ОО</t></r></text></comment></commentList></comments>';

const VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:59pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
  '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
  '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 1, 10, 4, 15, 5, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';

const PICTURE_ANCHOR =
  '<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
  "<xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>24</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
  '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="10" name="Рисунок 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
  '<xdr:blipFill><a:blip r:embed="rIdPic"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
  '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>';

const HIDDEN_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Архив прошлого года</t></is></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>';

/** The rich `.xlsm` and the names of the parts the test expects to be carried over untouched. */
export async function richMacroWorkbook(): Promise<Uint8Array> {
  const parts = await unzipAll(await sampleBytes(MONITORING_SAMPLE));
  const text = (name: string) => dec.decode(parts.get(name));
  const set = (name: string, data: string | Uint8Array) =>
    parts.set(name, typeof data === "string" ? enc.encode(data) : data);

  // «Школы» (sheet1): validation, a conditional format, the drawing (chart + picture), the note.
  set(
    "xl/worksheets/sheet1.xml",
    text("xl/worksheets/sheet1.xml")
      .replace(
        "<pageMargins",
        '<conditionalFormatting sqref="C2:C30"><cfRule type="containsText" priority="1" operator="containsText" text="да"><formula>NOT(ISERROR(SEARCH("да",C2)))</formula></cfRule></conditionalFormatting>' +
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="D2:D30"><formula1>"да,нет"</formula1></dataValidation></dataValidations>' +
          "<pageMargins",
      )
      .replace("</worksheet>", '<drawing r:id="rIdDr"/><legacyDrawing r:id="rIdVml"/></worksheet>'),
  );
  set(
    "xl/worksheets/_rels/sheet1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rIdDr" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` +
      `<Relationship Id="rIdVml" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
      `<Relationship Id="rIdCm" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
  );
  const userChart = {
    id: "user",
    kind: "column" as const,
    title: "Обучающихся по школам (диаграмма методиста)",
    categoriesRef: "'Успеваемость'!$A$2:$A$4",
    categories: ["a", "b", "c"],
    series: [{ name: "Обучающихся", ref: "'Успеваемость'!$C$2:$C$4", values: [1, 2, 3], asLine: false }],
    sheet: "Школы",
    anchor: { top: 2, left: 10, bottom: 18, right: 16 },
  };
  set("xl/charts/chart1.xml", chartXml(userChart));
  set(
    "xl/drawings/drawing1.xml",
    drawingXml([userChart], ["rIdCh"]).replace("</xdr:wsDr>", `${PICTURE_ANCHOR}</xdr:wsDr>`),
  );
  set(
    "xl/drawings/_rels/drawing1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rIdCh" Type="${REL}/chart" Target="../charts/chart1.xml"/>` +
      `<Relationship Id="rIdPic" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
  );
  set("xl/media/image1.png", new Uint8Array(PNG));
  set("xl/comments1.xml", COMMENTS);
  set("xl/drawings/vmlDrawing1.vml", VML);
  set("xl/vbaProject.bin", enc.encode("VBA project bytes: not a real project, the part name is what matters"));
  set("xl/worksheets/sheet9.xml", HIDDEN_SHEET);

  // The workbook: a hidden sheet, defined names of three kinds, macro-enabled.
  set(
    "xl/workbook.xml",
    text("xl/workbook.xml")
      .replace(
        "</sheets>",
        '<sheet sheetId="9" name="Архив" state="hidden" r:id="rIdArch"/></sheets>' +
          "<definedNames><definedName name=\"Школы_список\">'Школы'!$A$2:$A$30</definedName>" +
          '<definedName name="Порог">0.3</definedName>' +
          '<definedName name="_xlnm.Print_Area" localSheetId="8">\'Архив\'!$A$1:$B$1</definedName></definedNames>',
      )
      .replace("<workbookPr ", '<workbookPr codeName="ЭтаКнига" '),
  );
  set(
    "xl/_rels/workbook.xml.rels",
    text("xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdArch" Type="${REL}/worksheet" Target="worksheets/sheet9.xml"/>` +
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  set(
    "[Content_Types].xml",
    text("[Content_Types].xml")
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
          '<Default Extension="png" ContentType="image/png"/>' +
          '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
          '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
          "</Types>",
      ),
  );
  return buildZip([...parts].map(([name, data]) => ({ name, data, method: 8 as const })));
}
