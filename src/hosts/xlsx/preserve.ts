/**
 * Reading what a package holds beyond cells, for the writers and their tests: defined names as
 * written in `xl/workbook.xml` (with their scope), whether a formula text refers to a sheet, and
 * the features a spreadsheet library round trip would lose (charts, pivot tables, macros, notes …),
 * counted by Russian label. Sverka's writers patch the package (`package/`), so nothing is lost;
 * the counts let tests show that.
 */
import { decodeXml, parseAttributes, parseRelationships, parseWorkbookPart } from "./ooxml";
import { REL_TYPES, relationships } from "./package/parts";
import { extractText, readZipDirectory, type ZipDirectory } from "./zip";

export interface RawDefinedName {
  name: string;
  localSheetId: number | null;
  /** The element as written in `xl/workbook.xml`. */
  xml: string;
  /** The formula text, XML-decoded. */
  text: string;
}

export interface PackageSnapshot {
  sheetNames: string[];
  definedNames: RawDefinedName[];
  /** `docProps/custom.xml` (or wherever the root relationship points) and its text. */
  customProperties: { part: string; xml: string } | null;
  /** Counts of the features ExcelJS does not carry over, by Russian label. */
  features: Map<string, number>;
}

const NAME_RE = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;

export function parseDefinedNames(workbookXml: string): RawDefinedName[] {
  const out: RawDefinedName[] = [];
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(workbookXml); m; m = NAME_RE.exec(workbookXml)) {
    const attrs = parseAttributes(m[1]);
    if (attrs.name === undefined) continue;
    const local = attrs.localSheetId;
    out.push({
      name: attrs.name,
      localSheetId: local !== undefined && /^\d+$/.test(local) ? Number(local) : null,
      xml: m[0],
      text: decodeXml(m[2] ?? ""),
    });
  }
  return out;
}

/** Part-name prefixes (or XML markers inside parts) of features ExcelJS drops, with their labels. */
const PART_FEATURES: { label: string; test: (name: string) => boolean }[] = [
  { label: "диаграммы", test: (n) => /^xl\/charts\/chart\d*\.xml$/i.test(n) },
  { label: "сводные таблицы", test: (n) => /^xl\/pivotTables\/[^/]+\.xml$/i.test(n) },
  { label: "срезы", test: (n) => /^xl\/slicers\/[^/]+\.xml$/i.test(n) },
  { label: "временные шкалы", test: (n) => /^xl\/timelines\/[^/]+\.xml$/i.test(n) },
  { label: "связи с другими книгами", test: (n) => /^xl\/externalLinks\/[^/]+\.xml$/i.test(n) },
  { label: "цепочки комментариев", test: (n) => /^xl\/threadedComments\/[^/]+\.xml$/i.test(n) },
  { label: "макросы", test: (n) => /^xl\/vbaProject\.bin$/i.test(n) },
  { label: "элементы управления формы", test: (n) => /^xl\/ctrlProps\/[^/]+\.xml$/i.test(n) },
  { label: "подключения к внешним данным", test: (n) => /^xl\/(connections\.xml|queryTables\/[^/]+\.xml)$/i.test(n) },
];

const XML_FEATURES: { label: string; parts: RegExp; marker: RegExp }[] = [
  { label: "фигуры и надписи", parts: /^xl\/drawings\/drawing\d+\.xml$/i, marker: /<xdr:sp\b/g },
  { label: "спарклайны", parts: /^xl\/worksheets\/sheet\d+\.xml$/i, marker: /<x14:sparklineGroup\b/g },
  {
    label: "условное форматирование Excel 2010+",
    parts: /^xl\/worksheets\/sheet\d+\.xml$/i,
    marker: /<x14:conditionalFormatting\b/g,
  },
  { label: "проверки данных Excel 2010+", parts: /^xl\/worksheets\/sheet\d+\.xml$/i, marker: /<x14:dataValidation\b/g },
  { label: "примечания", parts: /^xl\/comments\d*\.xml$/i, marker: /<(?:\w+:)?comment\b/g },
];

async function features(
  bytes: Uint8Array,
  dir: ZipDirectory,
  ignoreSheets: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (label: string, n: number) => n > 0 && out.set(label, (out.get(label) ?? 0) + n);
  for (const e of dir.entries) {
    for (const f of PART_FEATURES) if (f.test(e.name)) add(f.label, 1);
    for (const f of XML_FEATURES) {
      if (!f.parts.test(e.name) || ignoreSheets.has(e.name)) continue;
      const xml = await extractText(bytes, dir, e.name);
      if (xml === undefined) continue;
      add(f.label, xml.match(f.marker)?.length ?? 0);
    }
  }
  return out;
}

/** Worksheet part names by sheet name. */
async function sheetParts(bytes: Uint8Array, dir: ZipDirectory, workbookXml: string): Promise<Map<string, string>> {
  const rels = await extractText(bytes, dir, "xl/_rels/workbook.xml.rels");
  const byId = new Map(rels ? parseRelationships(rels).map((r) => [r.id, r.target]) : []);
  const out = new Map<string, string>();
  for (const s of parseWorkbookPart(workbookXml).sheets) {
    const target = s.relId === undefined ? undefined : byId.get(s.relId);
    if (target !== undefined) out.set(s.name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** What the repairs need from a package. `ignoreSheets`: sheets whose features do not count (Sverka's own). */
export async function snapshotPackage(
  bytes: Uint8Array,
  ignoreSheets: readonly string[] = [],
): Promise<PackageSnapshot> {
  const dir = readZipDirectory(bytes);
  const workbookXml = (await extractText(bytes, dir, "xl/workbook.xml")) ?? "";
  const parts = await sheetParts(bytes, dir, workbookXml);
  const ignored = new Set(ignoreSheets.map((n) => parts.get(n)).filter((p): p is string => p !== undefined));
  let customProperties: PackageSnapshot["customProperties"] = null;
  const rootRels = await extractText(bytes, dir, "_rels/.rels");
  const rel = relationships(rootRels).find((r) => r.type === REL_TYPES.customProperties);
  if (rel) {
    const part = rel.target.replace(/^\//, "");
    const xml = await extractText(bytes, dir, part);
    if (xml !== undefined) customProperties = { part, xml };
  }
  return {
    sheetNames: parseWorkbookPart(workbookXml).sheets.map((s) => s.name),
    definedNames: parseDefinedNames(workbookXml),
    customProperties,
    features: await features(bytes, dir, ignored),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether a formula text refers to a sheet (`'Дашборд'!A1`, `Лист1!A1`). */
export function refersToSheet(text: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  if (text.toLowerCase().includes(quoted.toLowerCase())) return true;
  return new RegExp(`(^|[^\\p{L}\\p{N}_.'])${escapeRegExp(sheet)}!`, "iu").test(text);
}
