/**
 * The quirks that made valid .xlsx files «повреждён» under ExcelJS, each on a package built here
 * from raw XML (zipped with fflate): inline strings, namespace-prefixed XML, no styles part, no
 * shared strings, rows and cells without `r`, awkward sheet names, `t="d"`, `t="str"`, booleans,
 * the 1904 date system, `.xlsm`.
 */
import { zipSync, strToU8 } from "fflate";
import { cellAt, formatAt, type SheetData, type WorkbookData } from "../../../core/model/sheet";
import { readWorkbook, readWorkbookWithFormat } from "../read";
import { readZipDirectory } from "../zip";
import {
  elementChunks,
  parseSharedStringChunks,
  parseSharedStrings,
  parseStyleFormats,
  parseWorksheet,
  readXlsxPackage,
} from "./xlsx";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

interface BookParts {
  sheets: { name: string; xml: string; state?: string }[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  /** The workbook part's prefix: "" for the default namespace, "x" for `<x:workbook xmlns:x=…>`. */
  prefix?: string;
  contentTypes?: string;
  extra?: Record<string, string>;
}

function pkg(b: BookParts): Uint8Array {
  const p = b.prefix ? `${b.prefix}:` : "";
  const xmlns = b.prefix ? `xmlns:${b.prefix}="${NS}"` : `xmlns="${NS}"`;
  const rels: string[] = [];
  const files: Record<string, Uint8Array> = {};
  b.sheets.forEach((s, i) => {
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
  });
  if (b.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files["xl/sharedStrings.xml"] = strToU8(b.sharedStrings);
  }
  if (b.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    files["xl/styles.xml"] = strToU8(b.styles);
  }
  const esc = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/</g, "&lt;");
  files["[Content_Types].xml"] = strToU8(
    b.contentTypes ??
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`);
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r="${REL}">` +
      (b.workbookPr ?? "") +
      `<${p}sheets>` +
      b.sheets
        .map(
          (s, i) =>
            `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`,
        )
        .join("") +
      `</${p}sheets></${p}workbook>`,
  );
  for (const [k, v] of Object.entries(b.extra ?? {})) files[k] = strToU8(v);
  return zipSync(files);
}

function ws(sheetData: string, tail = "", prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const xmlns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns}><${p}sheetData>${sheetData}</${p}sheetData>${tail}</${p}worksheet>`;
}

function only(data: WorkbookData): SheetData {
  expect(data.sheets).toHaveLength(1);
  return data.sheets[0];
}

describe("xlsx quirks that ExcelJS called damaged", () => {
  it("reads inline strings, with rich runs flattened and phonetic runs left out", async () => {
    const data = await readWorkbook(
      pkg({
        sheets: [
          {
            name: "Лист1",
            xml: ws(
              '<row r="1"><c r="A1" t="inlineStr"><is><t>Школа</t></is></c>' +
                '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Жир</t></r><r><t xml:space="preserve">ное </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></is></c></row>',
            ),
          },
        ],
      }),
      "inline.xlsx",
    );
    expect(only(data).rows).toEqual([["Школа", "Жирное "]]);
  });

  it("reads namespace-prefixed parts (<x:worksheet xmlns:x=…>), without a styles part or shared strings", async () => {
    const data = await readWorkbook(
      pkg({
        prefix: "x",
        sheets: [
          {
            name: "Данные",
            xml: ws(
              '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ОО</x:t></x:is></x:c><x:c r="B1"><x:v>12.5</x:v></x:c></x:row>' +
                '<x:row r="3"><x:c r="C3" t="b"><x:v>1</x:v></x:c></x:row>',
              '<x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells>',
              "x",
            ),
          },
        ],
      }),
      "prefixed.xlsx",
    );
    const s = only(data);
    expect(s.rows).toEqual([["ОО", 12.5], [], [null, null, true]]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
  });

  it("reads prefixed shared strings", () => {
    expect(
      parseSharedStrings(
        `<x:sst xmlns:x="${NS}" count="3"><x:si><x:t>а</x:t></x:si><x:si><x:r><x:t>б</x:t></x:r><x:r><x:t>в</x:t></x:r></x:si><x:si/></x:sst>`,
      ),
    ).toEqual(["а", "бв", ""]);
  });

  it("numbers rows and cells without `r` attributes in order", async () => {
    const data = await readWorkbook(
      pkg({
        sheets: [
          {
            name: "Без адресов",
            xml: ws(
              '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>' +
                '<row><c><v>2</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row>' +
                '<row r="5"><c><v>6</v></c></row><row><c t="str"><v>x</v></c></row>',
            ),
          },
        ],
      }),
      "no-r.xlsx",
    );
    expect(only(data).rows).toEqual([["a", 1], [2, null, null, 4, 5], [], [], [6], ["x"]]);
  });

  it("keeps sheet names that start with an apostrophe or hold quotes and ampersands", async () => {
    const names = ["'Школы", 'План "2023"', "А&Б", "O'Brien"];
    const data = await readWorkbook(
      pkg({ sheets: names.map((name) => ({ name, xml: ws('<row r="1"><c r="A1"><v>1</v></c></row>') })) }),
      "names.xlsx",
    );
    expect(data.sheets.map((s) => s.name)).toEqual(names);
  });

  it("reads t=d ISO dates, t=str formula strings, booleans, errors and cached results", async () => {
    const data = await readWorkbook(
      pkg({
        sheets: [
          {
            name: "Типы",
            xml: ws(
              '<row r="1">' +
                '<c r="A1" t="d"><v>2024-03-15T00:00:00</v></c>' +
                '<c r="B1" t="d"><v>2024-03-15T12:30:00Z</v></c>' +
                '<c r="C1" t="str"><f>"а"&amp;"б"</f><v>аб</v></c>' +
                '<c r="D1" t="b"><f>1&gt;2</f><v>0</v></c>' +
                '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
                '<c r="F1"><f>1+1</f><v>2</v></c>' +
                '<c r="G1"><f>NOW()</f></c>' +
                '<c r="H1" t="b"><v>1</v></c>' +
                '<c r="I1" t="s"><v>0</v></c>' +
                "</row>",
            ),
          },
        ],
        sharedStrings: `<sst xmlns="${NS}"><si><t>строка_x000D_ 1</t></si></sst>`,
      }),
      "types.xlsx",
    );
    const row = only(data).rows[0];
    expect(row).toEqual([
      new Date(Date.UTC(2024, 2, 15)),
      new Date(Date.UTC(2024, 2, 15, 12, 30)),
      "аб",
      false,
      { error: "#DIV/0!" },
      2,
      null,
      true,
      "строка\r 1",
    ]);
  });

  it("reads serials by the 1904 date system and keeps date and percent formats from styles.xml", async () => {
    const styles =
      `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>` +
      '<numFmt numFmtId="165" formatCode="0.0\\%"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="9"/><xf numFmtId="165"/></cellXfs></styleSheet>';
    const sheet = ws(
      '<row r="1"><c r="A1" s="1"><v>43904</v></c><c r="B1" s="2"><v>43904</v></c><c r="C1" s="3"><v>0.25</v></c>' +
        '<c r="D1" s="4"><v>45.5</v></c><c r="E1"><v>43904</v></c></row>',
    );
    for (const date1904 of [true, false]) {
      const data = await readWorkbook(
        pkg({
          sheets: [{ name: "Д", xml: sheet }],
          styles,
          workbookPr: date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>",
        }),
        "1904.xlsx",
      );
      const s = only(data);
      const expected = date1904 ? new Date(Date.UTC(2024, 2, 15)) : new Date(Date.UTC(2020, 2, 14));
      expect(cellAt(s, 1, 1)).toEqual(expected);
      expect(cellAt(s, 1, 2)).toEqual(expected);
      expect(cellAt(s, 1, 3)).toBe(0.25);
      expect(cellAt(s, 1, 4)).toBe(45.5);
      expect(cellAt(s, 1, 5)).toBe(43904);
      expect([1, 2, 3, 4, 5].map((c) => formatAt(s, 1, c))).toEqual([
        "dd.mm.yyyy",
        "mm-dd-yy",
        "0%",
        undefined,
        undefined,
      ]);
    }
  });

  it("reads hidden states and skips chart sheets", async () => {
    const bytes = pkg({
      sheets: [
        { name: "Видимый", xml: ws('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: "Скрытый", state: "hidden", xml: ws("") },
        {
          name: "_sverka",
          state: "veryHidden",
          xml: ws(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>sverka.template</t></is></c><c r="B1" t="inlineStr"><is><t>ivanovo-2020</t></is></c></row>',
          ),
        },
      ],
    });
    const data = await readWorkbook(bytes, "states.xlsx");
    expect(data.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Видимый", undefined],
      ["Скрытый", true],
      ["_sverka", "very"],
    ]);
    expect(data.properties).toEqual({ "sverka.template": "ivanovo-2020" });
  });

  it("says .xlsm for a macro-enabled package", async () => {
    const bytes = pkg({
      sheets: [{ name: "Лист1", xml: ws('<row r="1"><c r="A1"><v>7</v></c></row>') }],
      contentTypes:
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
      extra: { "xl/vbaProject.bin": "\u00d0\u00cf" },
    });
    const { workbook, format } = await readWorkbookWithFormat(bytes, "макрос.xlsm");
    expect(format).toBe("xlsm");
    expect(workbook.sheets[0].rows).toEqual([[7]]);
    expect((await readWorkbookWithFormat(pkg({ sheets: [{ name: "a", xml: ws("") }] }), "a.xlsx")).format).toBe("xlsx");
  });

  it("tolerates comments, CDATA-free text with entities and `_x005F_` escapes", () => {
    const part = parseWorksheet(
      ws(
        '<!-- a comment --><row r="2"><c r="B2" t="inlineStr"><is><t>A &amp; B &lt;C&gt; _x005F_x0041_</t></is></c></row>',
      ),
      { sharedStrings: [], styleFormats: [], date1904: false },
    );
    expect(part.rows).toEqual([[], [null, "A & B <C> _x0041_"]]);
  });

  it("keeps each row's formats at their columns only (repeated rows merged, far columns sparse)", () => {
    const ctx = { sharedStrings: [], styleFormats: [undefined, "dd.mm.yyyy", "0%"], date1904: false };
    const part = parseWorksheet(
      ws(
        '<row r="1"><c r="A1"><v>1</v></c><c r="G1" s="1"><v>45000</v></c></row>' +
          '<row r="2"><c r="C2" s="2"/></row>' +
          '<row r="3"><c r="B3" s="2"><v>0.5</v></c></row><row r="3"><c r="E3" s="1"><v>45001</v></c></row>' +
          '<row r="4"><c r="CV4" s="2"><v>0.1</v></c></row>',
      ),
      ctx,
    );
    const formats = (r: number): readonly (string | undefined)[] => part.formats?.[r] ?? [];
    expect(formats(0)).toHaveLength(7);
    expect(formats(0)[6]).toBe("dd.mm.yyyy");
    expect(Object.keys(formats(0))).toEqual(["6"]);
    expect(formats(1)).toHaveLength(3);
    expect(Object.keys(formats(1))).toEqual(["2"]);
    expect(formats(2)).toHaveLength(5);
    expect(Object.keys(formats(2))).toEqual(["1", "4"]);
    expect(formats(3)).toHaveLength(100);
    expect(Object.keys(formats(3))).toEqual(["99"]);
    expect(part.rows[2]).toEqual([null, null, null, null, new Date(Date.UTC(2023, 2, 16))]);
  });

  it("reads plain, empty and rich shared-string items alike", () => {
    expect(
      parseSharedStrings(
        '<sst><si><t xml:space="preserve"> a </t></si><si><t/></si><si></si><si><t>x</t><rPh><t>y</t></rPh></si>' +
          "<si><tt>z</tt></si><si><t>&lt;q&gt;</t></si></sst>",
      ),
    ).toEqual([" a ", "", "", "x", "", "<q>"]);
  });

  it("maps style indices to format codes, built-in ids included", () => {
    expect(
      parseStyleFormats(
        '<styleSheet><numFmts><numFmt numFmtId="170" formatCode="[$-419]d mmmm yyyy"/></numFmts>' +
          '<cellStyleXfs><xf numFmtId="10"/></cellStyleXfs>' +
          '<cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="10"/><xf numFmtId="22"/></cellXfs></styleSheet>',
      ),
    ).toEqual([undefined, "[$-419]d mmmm yyyy", "0.00%", "m/d/yy h:mm"]);
  });
});

describe("big parts: read in pieces, streamed", () => {
  /** A sheet of `n` rows (numbers, shared strings, an inline string) with prefixed XML and a merge. */
  function bigBook(n: number): Uint8Array {
    const si: string[] = [];
    const rows: string[] = [];
    for (let i = 0; i < n; i++) {
      si.push(`<x:si><x:t>Школа № ${i + 1} — «строка»</x:t></x:si>`);
      rows.push(
        `<x:row r="${i + 1}"><x:c r="A${i + 1}" t="s"><x:v>${i}</x:v></x:c><x:c r="B${i + 1}"><x:v>${i * 1.5}</x:v></x:c>` +
          (i % 100 === 0 ? `<x:c r="C${i + 1}" t="inlineStr"><x:is><x:t>ряд ${i}</x:t></x:is></x:c>` : "") +
          "</x:row>",
      );
    }
    return pkg({
      prefix: "x",
      sheets: [
        { name: "Много", xml: ws(rows.join(""), '<x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells>', "x") },
      ],
      sharedStrings: `<x:sst xmlns:x="${NS}" count="${n}" uniqueCount="${n}">${si.join("")}</x:sst>`,
    });
  }

  it("gives the same cells whether parts are inflated whole or streamed in pieces", () => {
    const bytes = bigBook(20_000);
    const dir = readZipDirectory(bytes);
    const whole = readXlsxPackage(bytes, dir);
    const streamed = readXlsxPackage(bytes, dir, { streamAbove: 0 });
    const s = streamed.sheets[0];
    expect(s.rows).toHaveLength(20_000);
    expect(s.rows[0]).toEqual(["Школа № 1 — «строка»", 0, "ряд 0"]);
    expect(s.rows[19_999]).toEqual(["Школа № 20000 — «строка»", 29_998.5]);
    expect(s.merges).toEqual([{ top: 1, left: 3, bottom: 1, right: 4 }]);
    expect(streamed.sheets).toEqual(whole.sheets);
  });

  it("cuts a part only after a closing tag, never inside a character", () => {
    const xml = `<x:sheetData>${'<x:row r="1"><x:c t="inlineStr"><x:is><x:t>ёЁ№</x:t></x:is></x:c></x:row>'.repeat(50)}</x:sheetData>`;
    const pieces = [...elementChunks(new TextEncoder().encode(xml), "row", 100)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join("")).toBe(xml);
    for (const p of pieces.slice(0, -1)) expect(p.endsWith("</x:row>")).toBe(true);
  });

  it("never cuts after a prefixed opening tag (<x:si>), whole or streamed", () => {
    const xml = `<x:sst xmlns:x="${NS}">${"<x:si><x:t>Школа</x:t></x:si>".repeat(200)}</x:sst>`;
    for (let size = 1; size < 60; size++) {
      const pieces = [...elementChunks(new TextEncoder().encode(xml), "si", size)];
      expect(pieces.join("")).toBe(xml);
      for (const p of pieces.slice(0, -1)) expect(p.endsWith("</x:si>")).toBe(true);
    }
    expect(parseSharedStringChunks(elementChunks(new TextEncoder().encode(xml), "si", 7))).toEqual(
      Array<string>(200).fill("Школа"),
    );
  });
});
