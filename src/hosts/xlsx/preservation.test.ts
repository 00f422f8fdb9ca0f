/**
 * Issue 10's «Done when»: an official's .xlsm with a chart, a picture, a note, data validation,
 * conditional formats, defined names, a hidden sheet and a VBA project goes through `dashboard`
 * twice; every part of the original is in the copy byte for byte, except the parts that list
 * things, whose existing entries are all kept, unchanged and in order. With LibreOffice installed,
 * the copy opens with every chart (the official's and Sverka's).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { richMacroWorkbook } from "./testing/richWorkbook";
import { buildDashboard, type BuiltDashboard } from "./testing/testDashboard";
import { unzipAll } from "./testing/testZip";
import { writeDashboard, type WriteDashboardResult } from "./writeDashboard";
import { applyConsolidationPlan } from "./consolidate";
import { readWorkbook } from "./read";
import { appendPlan } from "../testing/testPlan";
import { convertWithLibreOffice, soffice } from "./testing/libreoffice";

const dec = new TextDecoder();

/** Parts that list things: Sverka may append to them. */
const LISTING = new Set([
  "[Content_Types].xml",
  "_rels/.rels", // the custom properties part is listed there when the workbook had none
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);

/** Every part of `before` is in `after`: byte for byte, or (listing parts) with its entries kept in order. */
function expectKept(
  before: Map<string, Uint8Array>,
  after: Map<string, Uint8Array>,
  rewritten: ReadonlySet<string>,
): void {
  for (const [name, data] of before) {
    if (rewritten.has(name)) continue;
    const out = after.get(name);
    expect({ name, present: out !== undefined }).toEqual({ name, present: true });
    if (LISTING.has(name)) {
      const kept = isSubsequence(listEntries(dec.decode(data)), listEntries(dec.decode(out)));
      expect({ name, kept }).toEqual({ name, kept: true });
    } else expect({ name, same: Buffer.from(out!).equals(Buffer.from(data)) }).toEqual({ name, same: true });
  }
}

/** The entry elements of a listing part, as written. */
function listEntries(xml: string): string[] {
  return [
    ...xml.matchAll(
      /<(?:\w+:)?(?:Default|Override|Relationship|sheet|definedName|numFmt|font|fill|border|xf|cellStyle|dxf)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?(?:definedName|font|fill|border|xf|cellStyle|dxf)>)/g,
    ),
  ].map((m) => m[0]);
}

/** Whether `sub` occurs in `all` in the same order (not necessarily adjacent). */
function isSubsequence(sub: readonly string[], all: readonly string[]): boolean {
  let i = 0;
  for (const x of all) if (i < sub.length && x === sub[i]) i++;
  return i === sub.length;
}

describe("the official's workbook survives `dashboard` twice, byte for byte", () => {
  let original: Uint8Array;
  let built: BuiltDashboard;
  let first: WriteDashboardResult;
  let second: WriteDashboardResult;

  beforeAll(async () => {
    original = await richMacroWorkbook();
    built = await buildDashboard(original, "свод.xlsm");
    first = await writeDashboard(original, built.layout, built.flk);
    second = await writeDashboard(first.data, built.layout, built.flk);
  });

  it("keeps every part of the original byte for byte, and the listed parts' entries in order", async () => {
    expect(first.warnings).toEqual([]);
    expect(second.warnings).toEqual([]);
    const before = await unzipAll(original);
    const after = await unzipAll(second.data);
    expectKept(before, after, new Set());
    // Formats are appended after the official's: every existing index keeps its meaning.
    const xfs = (xml: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1];
    expect(xfs(dec.decode(after.get("xl/styles.xml"))).startsWith(xfs(dec.decode(before.get("xl/styles.xml"))))).toBe(
      true,
    );
  });

  it("stays macro-enabled with its VBA project", async () => {
    const after = await unzipAll(second.data);
    const types = dec.decode(after.get("[Content_Types].xml"));
    expect(types).toContain(
      'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    );
    expect(types).toContain('Extension="bin" ContentType="application/vnd.ms-office.vbaProject"');
    expect(dec.decode(after.get("xl/_rels/workbook.xml.rels"))).toMatch(
      /Type="[^"]*vbaProject" Target="vbaProject\.bin"/,
    );
  });

  it("adds no duplicates on the second run: sheets, names, relationships, content types, drawings, charts", async () => {
    const once = await unzipAll(first.data);
    const twice = await unzipAll(second.data);
    expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
    for (const part of ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "docProps/custom.xml"])
      expect({ part, text: dec.decode(twice.get(part)) }).toEqual({ part, text: dec.decode(once.get(part)) });
    const charts = [...twice.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    expect(charts).toHaveLength(1 + built.layout.charts.length);
    expect([...twice.keys()].filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k))).toHaveLength(2);
    const wb = dec.decode(twice.get("xl/workbook.xml"));
    const sheets = [...wb.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toEqual([
      "Школы",
      "Успеваемость",
      "Процедуры",
      "Кадры",
      "Сеть",
      "ГИА",
      "Мероприятия",
      "_sverka",
      "Архив",
      ...second.sheetNames,
    ]);
    const names = [...wb.matchAll(/<definedName\b[^>]*name="([^"]+)"(?:[^>]*localSheetId="(\d+)")?/g)].map(
      (m) => `${m[1]}@${m[2] ?? ""}`,
    );
    expect(new Set(names).size).toBe(names.length);
  });

  const lo = soffice();
  (lo ? it : it.skip)(
    "opens in LibreOffice with every chart: the official's and Sverka's",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "sverka-lo-"));
      try {
        writeFileSync(join(dir, "copy.xlsm"), second.data);
        const ods = readFileSync(convertWithLibreOffice(lo!, dir, join(dir, "copy.xlsm"), "ods"));
        return unzipAll(new Uint8Array(ods)).then((parts) => {
          const content = dec.decode(parts.get("content.xml"));
          const objects = [...parts.keys()].filter((k) => /^Object \d+\/content\.xml$/.test(k));
          const charts = objects.filter((k) => dec.decode(parts.get(k)).includes("<chart:chart"));
          expect(charts.length).toBe(1 + built.layout.charts.length);
          // Sverka's chart titles survived the conversion.
          const all = charts.map((k) => dec.decode(parts.get(k))).join("\n");
          for (const c of built.layout.charts) expect(all).toContain(c.title);
          expect(all).toContain("диаграмма методиста");
          expect(content).toContain("Архив");
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

describe("consolidation into the official's workbook", () => {
  it("re-emits only the monitoring sheet it appends to; every other part stays byte for byte", async () => {
    const original = await richMacroWorkbook();
    const row = ["МБОУ СОШ с. Альфа", 2023, "да", "да", "нет", "да", 3, "alpha.xlsx"];
    const plan = {
      sheets: [
        appendPlan("Сеть", "network", [row], {
          deleteRows: [2, 3],
          deleteRuns: [{ start: 2, count: 2 }],
          appendAt: 58,
          sourceColumn: 8,
          sourceHeader: true,
        }),
      ],
    };
    const net = (await readWorkbook(original, "master.xlsm")).sheets.find((s) => s.name === "Сеть")!;
    const { data, warnings } = await applyConsolidationPlan(original, plan);
    expect(warnings).toEqual([]);
    expectKept(await unzipAll(original), await unzipAll(data), new Set(["xl/worksheets/sheet5.xml"]));
    const back = (await readWorkbook(data, "copy.xlsm")).sheets.find((s) => s.name === "Сеть")!;
    // Rows 2 and 3 are gone, the rows below moved up, the new row follows, «Источник» has its header.
    expect(back.rows[0][7]).toBe("Источник");
    expect(back.rows[1].slice(0, 7)).toEqual(net.rows[3].slice(0, 7));
    expect(back.rows[56].slice(0, 7)).toEqual(net.rows[58].slice(0, 7));
    expect(back.rows[57]).toEqual(row);
    expect(back.rows.filter((r) => r.some((v) => v !== null))).toHaveLength(
      net.rows.filter((r) => r.some((v) => v !== null)).length - 1,
    );
  });
});
