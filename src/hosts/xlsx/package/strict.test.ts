/**
 * ISO/IEC 29500 Strict workbooks: the dashboard and consolidation patch them in their own flavour.
 * The Strict copy of a sample is made here by rewriting its namespaces and relationship types
 * (the pairs below are the standard's, written out independently of `strict.ts`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyConsolidationPlan } from "../consolidate";
import { parseRelationships, parseWorkbookPart, resolvePartName } from "../ooxml";
import { readWorkbook } from "../read";
import { buildDashboard, MONITORING_SAMPLE, sampleBytes, type BuiltDashboard } from "../testing/testDashboard";
import { buildZip, unzipAll } from "../testing/testZip";
import { OWNED_SHEETS_PROPERTY, writeDashboard, type WriteDashboardResult } from "../writeDashboard";
import { snapshotPackage } from "../preserve";
import { appendPlan } from "../../testing/testPlan";
import { isStrictWorkbook, toStrict, transitionalRelType } from "./strict";
import { convertWithLibreOffice, soffice } from "../testing/libreoffice";

const dec = new TextDecoder();

const STRICT_PAIRS: [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
  ],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
  ],
  [
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
  ],
];

/** A Transitional package rewritten as Strict (namespaces, relationship types, `conformance`). */
async function strictCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = await unzipAll(bytes);
  const entries = [...parts].map(([name, data]) => {
    if (!/\.(xml|rels)$/.test(name)) return { name, data, method: 8 as const };
    let xml = dec.decode(data);
    for (const [t, s] of STRICT_PAIRS) xml = xml.split(t).join(s);
    if (name === "xl/workbook.xml") xml = xml.replace(/<workbook\b/, '<workbook conformance="strict"');
    return { name, data: xml, method: 8 as const };
  });
  return buildZip(entries);
}

/** URIs both flavours share: OPC's content types, package relationships and core properties; markup compatibility. */
const SHARED = /^http:\/\/schemas\.openxmlformats\.org\/(package\/2006\/|markup-compatibility\/2006$)/;

function transitionalUris(xml: string): string[] {
  return [...xml.matchAll(/http:\/\/schemas\.openxmlformats\.org\/[^"'\s<]*/g)]
    .map((m) => m[0])
    .filter((u) => !SHARED.test(u));
}

/** Parts that list things, which Sverka appends to. */
const LISTING = new Set([
  "[Content_Types].xml",
  "_rels/.rels",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);

function entries(xml: string): string[] {
  return [
    ...xml.matchAll(
      /<(?:\w+:)?(?:Default|Override|Relationship|sheet|definedName|numFmt|font|fill|border|xf|cellStyle|dxf)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?(?:definedName|font|fill|border|xf|cellStyle|dxf)>)/g,
    ),
  ].map((m) => m[0]);
}

function inOrder(sub: readonly string[], all: readonly string[]): boolean {
  let i = 0;
  for (const x of all) if (i < sub.length && x === sub[i]) i++;
  return i === sub.length;
}

describe("strict.ts", () => {
  it("tells a Strict workbook part from a Transitional one by its root namespace", () => {
    expect(
      isStrictWorkbook('<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>'),
    ).toBe(true);
    expect(
      isStrictWorkbook("<x:workbook xmlns:x='http://purl.oclc.org/ooxml/spreadsheetml/main' xmlns='urn:other'/>"),
    ).toBe(true);
    expect(
      isStrictWorkbook(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
      ),
    ).toBe(false);
    // A Strict namespace declared for another prefix does not make the root Strict.
    expect(
      isStrictWorkbook(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:s="http://purl.oclc.org/ooxml/spreadsheetml/main"/>',
      ),
    ).toBe(false);
  });

  it("maps namespaces, relationship types and chart percentages; leaves OPC URIs and text alone", () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="x.xml"/>' +
      '<Relationship Id="b" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="c.xml"/>' +
      "<Relationship Id='c' Type='http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties' Target='core.xml'/>" +
      "</Relationships>";
    expect(toStrict(rels)).toBe(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="a" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="x.xml"/>' +
        '<Relationship Id="b" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties" Target="c.xml"/>' +
        "<Relationship Id='c' Type='http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties' Target='core.xml'/>" +
        "</Relationships>",
    );
    const chart =
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<c:gapWidth val="60"/><c:lblOffset val="100"/><c:overlap val="-20"/><c:gapWidth val="150%"/><c:size val="6"/>' +
      "<c:v>http://schemas.openxmlformats.org/drawingml/2006/chart</c:v></c:chartSpace>";
    expect(toStrict(chart)).toBe(
      '<c:chartSpace xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart" xmlns:a="http://purl.oclc.org/ooxml/drawingml/main">' +
        '<c:gapWidth val="60%"/><c:lblOffset val="100%"/><c:overlap val="-20%"/><c:gapWidth val="150%"/><c:size val="6"/>' +
        "<c:v>http://schemas.openxmlformats.org/drawingml/2006/chart</c:v></c:chartSpace>",
    );
    expect(
      toStrict(
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
      ),
    ).toBe(
      '<Properties xmlns="http://purl.oclc.org/ooxml/officeDocument/customProperties" xmlns:vt="http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"/>',
    );
  });

  it("never touches cell text, even text that looks like an attribute with a URI", () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" &gt; 1</t></is></c>' +
      "</row></sheetData></worksheet>";
    expect(toStrict(sheet)).toBe(
      sheet.replace(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main">',
      ),
    );
  });

  it("names Strict relationship types as Transitional does, for lookups", () => {
    expect(transitionalRelType("http://purl.oclc.org/ooxml/officeDocument/relationships/styles")).toBe(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
    );
    expect(transitionalRelType("http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties")).toBe(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
    );
    const other = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
    expect(transitionalRelType(other)).toBe(other);
  });
});

describe("a Strict workbook through `dashboard` twice", () => {
  let original: Uint8Array;
  let built: BuiltDashboard;
  let first: WriteDashboardResult;
  let second: WriteDashboardResult;

  beforeAll(async () => {
    original = await strictCopy(await sampleBytes(MONITORING_SAMPLE));
    built = await buildDashboard(original, "strict.xlsx");
    first = await writeDashboard(original, built.layout, built.flk);
    second = await writeDashboard(first.data, built.layout, built.flk);
  });

  it("is Strict to begin with, and the reader reads it", async () => {
    expect(isStrictWorkbook(dec.decode((await unzipAll(original)).get("xl/workbook.xml")))).toBe(true);
    expect(built.workbook.sheets.length).toBeGreaterThan(3);
    expect(built.layout.charts.length).toBeGreaterThan(0);
  });

  it("keeps every user part byte for byte and the listing parts' entries in order", async () => {
    expect(first.warnings).toEqual([]);
    expect(second.warnings).toEqual([]);
    const before = await unzipAll(original);
    const after = await unzipAll(second.data);
    for (const [name, data] of before) {
      const out = after.get(name);
      expect({ name, present: out !== undefined }).toEqual({
        name,
        present: true,
      });
      if (LISTING.has(name))
        expect({
          name,
          kept: inOrder(entries(dec.decode(data)), entries(dec.decode(out))),
        }).toEqual({ name, kept: true });
      else
        expect({
          name,
          same: Buffer.from(out!).equals(Buffer.from(data)),
        }).toEqual({ name, same: true });
    }
    // The user's formats stay: appended to, not replaced by a minimal styles part.
    const xfs = (xml: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1];
    const stylesAfter = dec.decode(after.get("xl/styles.xml"));
    expect(xfs(stylesAfter).startsWith(xfs(dec.decode(before.get("xl/styles.xml"))))).toBe(true);
    expect(xfs(stylesAfter).length).toBeGreaterThan(xfs(dec.decode(before.get("xl/styles.xml"))).length);
  });

  it("writes no Transitional URI into any part it wrote or appended to", async () => {
    const before = await unzipAll(original);
    const after = await unzipAll(second.data);
    const touched = [...after].filter(([name, data]) => {
      const was = before.get(name);
      return was === undefined || !Buffer.from(was).equals(Buffer.from(data));
    });
    const names = touched.map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"]));
    expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/.test(n))).toBe(true);
    for (const [name, data] of touched)
      expect({
        name,
        transitional: transitionalUris(dec.decode(data)),
      }).toEqual({ name, transitional: [] });
    const wb = dec.decode(after.get("xl/workbook.xml"));
    // One `r` prefix, bound to the Strict relationships namespace, used by the new sheet entries.
    expect(wb.match(/xmlns:r=/g)).toHaveLength(1);
    expect(wb).toContain('xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"');
    expect(wb).toMatch(/<sheet name="Дашборд" sheetId="\d+" r:id="rIdSv\d+"\/>/);
    const root = dec.decode(after.get("_rels/.rels"));
    expect(root.match(/relationships\/customProperties"/g)).toHaveLength(1);
    const chart = [...after.keys()].find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))!;
    expect(dec.decode(after.get(chart))).toMatch(/<c:gapWidth val="\d+%"\/>|<c:lblOffset val="\d+%"\/>/);
  });

  it("recognises its own sheets on the second run: the same parts, no «Дашборд (2)»", async () => {
    expect(second.sheetNames).toEqual(first.sheetNames);
    expect(first.sheetNames[0]).toBe("Дашборд");
    const once = await unzipAll(first.data);
    const twice = await unzipAll(second.data);
    expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
    for (const part of [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "_rels/.rels",
      "docProps/custom.xml",
    ])
      expect({ part, text: dec.decode(twice.get(part)) }).toEqual({
        part,
        text: dec.decode(once.get(part)),
      });
  });

  it("reads back with «Дашборд» through the reader", async () => {
    const back = await readWorkbook(second.data, "copy.xlsx");
    const names = back.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([...built.workbook.sheets.map((s) => s.name), "Дашборд"]));
    const dash = back.sheets.find((s) => s.name === "Дашборд")!;
    expect(dash.rows.flat().some((v) => typeof v === "string" && v.length > 0)).toBe(true);
  });

  const lo = soffice();
  (lo ? it : it.skip)(
    "converts in LibreOffice with the user's sheets, «Дашборд» and Sverka's charts (skipped without soffice)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sverka-strict-"));
      try {
        writeFileSync(join(dir, "copy.xlsx"), second.data);
        const ods = convertWithLibreOffice(lo!, dir, join(dir, "copy.xlsx"), "ods");
        const parts = await unzipAll(new Uint8Array(readFileSync(ods)));
        const content = dec.decode(parts.get("content.xml"));
        const tables = [...content.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1]);
        expect(tables).toEqual(
          expect.arrayContaining([...built.workbook.sheets.map((s) => s.name), ...second.sheetNames]),
        );
        const charts = [...parts.keys()]
          .filter((k) => /^Object \d+\/content\.xml$/.test(k))
          .map((k) => dec.decode(parts.get(k)))
          .filter((x) => x.includes("<chart:chart"));
        expect(charts.length).toBe(built.layout.charts.length);
        for (const c of built.layout.charts) expect(charts.join("\n")).toContain(c.title);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

/** The package with its custom properties part moved from `docProps/custom.xml` to `to` (relationship and override follow). */
async function moveCustomProperties(bytes: Uint8Array, to: string): Promise<Uint8Array> {
  const parts = await unzipAll(bytes);
  const entries = [...parts].map(([name, data]) => {
    if (name === "docProps/custom.xml") return { name: to, data, method: 8 as const };
    if (name !== "_rels/.rels" && name !== "[Content_Types].xml") return { name, data, method: 8 as const };
    const xml = dec.decode(data).split("docProps/custom.xml").join(to);
    return { name, data: xml, method: 8 as const };
  });
  return buildZip(entries);
}

describe("a Strict workbook whose custom properties are not at docProps/custom.xml", () => {
  let first: WriteDashboardResult;
  let moved: Uint8Array;
  let built: BuiltDashboard;

  beforeAll(async () => {
    const original = await strictCopy(await sampleBytes(MONITORING_SAMPLE));
    built = await buildDashboard(original, "strict.xlsx");
    first = await writeDashboard(original, built.layout, built.flk);
    moved = await moveCustomProperties(first.data, "docProps/props2.xml");
  });

  it("has the Strict relationship type pointing to the moved part", async () => {
    const parts = await unzipAll(moved);
    expect(parts.has("docProps/custom.xml")).toBe(false);
    expect(dec.decode(parts.get("_rels/.rels"))).toMatch(
      /Type="http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\/customProperties" Target="\/?docProps\/props2\.xml"/,
    );
  });

  it("is read with Sverka's properties, so its own sheets are known", async () => {
    const back = await readWorkbook(moved, "copy.xlsx");
    expect(JSON.parse(back.properties?.[OWNED_SHEETS_PROPERTY] ?? "[]")).toEqual(
      expect.arrayContaining(first.sheetNames),
    );
  });

  it("is snapshotted with the moved part", async () => {
    const snap = await snapshotPackage(moved);
    expect(snap.customProperties?.part).toBe("docProps/props2.xml");
    expect(snap.customProperties?.xml).toContain(OWNED_SHEETS_PROPERTY);
  });

  it("recognises its own sheets on the second run: no «Дашборд (2)», no second properties part", async () => {
    const rebuilt = await buildDashboard(moved, "strict.xlsx");
    const second = await writeDashboard(moved, rebuilt.layout, rebuilt.flk);
    expect(second.sheetNames).toEqual(first.sheetNames);
    const after = await unzipAll(second.data);
    expect(after.has("docProps/custom.xml")).toBe(false);
    expect(dec.decode(after.get("docProps/props2.xml"))).toContain(OWNED_SHEETS_PROPERTY);
    // The check takes «Дашборд» for Sverka's own sheet, not the user's.
    expect(rebuilt.check.report.sheets.find((s) => s.name === first.sheetNames[0])?.kind).toBe("sverka");
  });
});

/** The worksheet part of the sheet named `name` (through `xl/workbook.xml` and its relationships). */
function sheetPart(parts: Map<string, Uint8Array>, name: string): string {
  const entry = parseWorkbookPart(dec.decode(parts.get("xl/workbook.xml"))).sheets.find((s) => s.name === name);
  const rel = parseRelationships(dec.decode(parts.get("xl/_rels/workbook.xml.rels"))).find(
    (r) => r.id === entry?.relId,
  );
  if (!rel) throw new Error(`no part for sheet ${name}`);
  return resolvePartName("xl", rel.target);
}

describe("consolidation into a Strict master", () => {
  it("appends rows and adds a sheet in Strict, every other part byte for byte", async () => {
    const original = await strictCopy(await sampleBytes(MONITORING_SAMPLE));
    const wb = await readWorkbook(original, "master.xlsx");
    const sheet = wb.sheets[0];
    const row = [...sheet.rows[1].slice(0, sheet.rows[0].length - 1).map(() => "x"), "alpha.xlsx"];
    const plan = {
      sheets: [
        appendPlan(sheet.name, "schools", [row], {
          appendAt: sheet.rows.length + 2,
        }),
        appendPlan("Новый лист", "schools", [["a", "alpha.xlsx"]], {
          create: true,
          header: ["Поле", "Источник"],
          widths: [20, 28],
        }),
      ],
    };
    const { data } = await applyConsolidationPlan(original, plan);
    const before = await unzipAll(original);
    const after = await unzipAll(data);
    // Exactly the listing parts, the appended sheet and the new one changed: every other part,
    // the other user sheets included, keeps its bytes.
    const changed = [...after]
      .filter(([name, bytes]) => {
        const was = before.get(name);
        return was === undefined || !Buffer.from(was).equals(Buffer.from(bytes));
      })
      .map(([name]) => name);
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual([]);
    expect(changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        sheetPart(before, sheet.name),
        sheetPart(after, "Новый лист"),
      ].sort(),
    );
    expect(before.has(sheetPart(after, "Новый лист"))).toBe(false);
    for (const name of changed)
      expect({
        name,
        transitional: transitionalUris(dec.decode(after.get(name))),
      }).toEqual({ name, transitional: [] });
    const back = await readWorkbook(data, "copy.xlsx");
    expect(back.sheets.map((s) => s.name)).toContain("Новый лист");
    expect(back.sheets.find((s) => s.name === sheet.name)!.rows.some((r) => r.at(-1) === "alpha.xlsx")).toBe(true);
  });
});
