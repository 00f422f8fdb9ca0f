import { parseDefinedNames, refersToSheet } from "./preserve";
import { buildZip, unzipAll } from "./testing/testZip";
import { crc32 } from "../crc32";
import { rewriteZip } from "./zipWrite";

describe("refersToSheet", () => {
  it("finds quoted and unquoted references to exactly that sheet", () => {
    expect(refersToSheet("'Дашборд'!$E$7", "Дашборд")).toBe(true);
    expect(refersToSheet("SUM(Дашборд!A1:A3)", "Дашборд")).toBe(true);
    expect(refersToSheet("_sverka_calc!$B$2:$B$9", "_sverka_calc")).toBe(true);
    expect(refersToSheet("'It''s'!A1", "It's")).toBe(true);
    expect(refersToSheet("'Дашборд (2)'!$E$7", "Дашборд")).toBe(false);
    expect(refersToSheet("МойДашборд!A1", "Дашборд")).toBe(false);
    expect(refersToSheet("0.5", "Дашборд")).toBe(false);
  });
});

describe("parseDefinedNames", () => {
  it("keeps each element as written, with its scope", () => {
    const xml =
      '<definedNames><definedName name="A">&apos;Свод&apos;!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">Свод!$A$1:$C$5</definedName></definedNames>';
    expect(parseDefinedNames(xml)).toEqual([
      {
        name: "A",
        localSheetId: null,
        xml: '<definedName name="A">&apos;Свод&apos;!$A$1</definedName>',
        text: "'Свод'!$A$1",
      },
      {
        name: "_xlnm.Print_Area",
        localSheetId: 2,
        xml: '<definedName name="_xlnm.Print_Area" localSheetId="2">Свод!$A$1:$C$5</definedName>',
        text: "Свод!$A$1:$C$5",
      },
    ]);
  });
});

describe("rewriteZip", () => {
  it("replaces, removes and adds entries and copies the rest compressed", async () => {
    const enc = new TextEncoder();
    const zip = buildZip([
      { name: "a.xml", data: "<a/>".repeat(100), method: 8 },
      { name: "b.xml", data: "<b/>", method: 8 },
      { name: "c.xml", data: "<c/>" },
    ]);
    const out = rewriteZip(
      zip,
      new Map<string, Uint8Array | null>([
        ["b.xml", enc.encode("<b>новое</b>")],
        ["c.xml", null],
        ["d/e.xml", enc.encode("<e/>")],
      ]),
    );
    const parts = await unzipAll(out);
    const dec = new TextDecoder();
    expect([...parts.keys()]).toEqual(["a.xml", "b.xml", "d/e.xml"]);
    expect(dec.decode(parts.get("a.xml"))).toBe("<a/>".repeat(100));
    expect(dec.decode(parts.get("b.xml"))).toBe("<b>новое</b>");
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
  });
});
