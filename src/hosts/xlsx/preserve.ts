/**
 * What an ExcelJS round trip (load, add sheets, write) loses, and the repairs made on the written
 * package. Measured on ExcelJS 4.4 (see `writeDashboard.test.ts`):
 *
 * Repaired here:
 * - defined names: ExcelJS drops names that are not plain ranges (constants `0.5`, formulas
 *   `SUM(…)`), writes sheet-scoped names as workbook-scoped (drops `localSheetId`) and mangles
 *   print areas (`$A$1:$C$5` → `$A1:$C5`). The original `<definedName>` elements are put back as
 *   written (their `localSheetId` renumbered when sheets were removed), minus those that point at
 *   sheets Sverka removes and Sverka's old names, plus Sverka's new ones;
 * - custom document properties (`docProps/custom.xml`): ExcelJS drops the part; it is copied back.
 *
 * Not repaired, reported as warnings (the original file is never changed, the output is a copy):
 * charts, pivot tables, slicers, timelines, links to other workbooks, threaded comments, macros,
 * form controls, data connections, shapes and text boxes in drawings, sparklines and Excel 2010+
 * conditional formats and data validations (`x14` extensions), and notes on empty cells.
 */
import { decodeXml, parseAttributes, parseRelationships, parseWorkbookPart } from "./ooxml";
import { extractText, readZipDirectory, type ZipDirectory } from "./zip";
import { rewriteZip } from "./zipWrite";

const CUSTOM_PROPERTIES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
const CUSTOM_PROPERTIES_CONTENT = "application/vnd.openxmlformats-officedocument.custom-properties+xml";

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
  const rel = rootRels ? parseRelationships(rootRels).find((r) => r.type === CUSTOM_PROPERTIES_TYPE) : undefined;
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

export interface RepairOptions {
  /** Sverka's sheets of the original that are gone from the copy: names pointing at them go. */
  removedSheets: readonly string[];
  /**
   * Sverka's sheets of the original written anew under the same name: Sverka's old names
   * (`sv_…`, or any of `ownNames`) pointing at them go; the user's own names stay.
   */
  replacedSheets: readonly string[];
  /** Sverka's own defined names (taken from the output as ExcelJS wrote them). */
  ownNames: ReadonlySet<string>;
  /** Sheets Sverka wrote: their features (data bars …) do not count when looking for losses. */
  ownSheets: readonly string[];
}

export interface RepairResult {
  bytes: Uint8Array;
  warnings: string[];
}

/** Created on first use: a page or test environment may install `TextEncoder` after this module loads. */
let encoder: TextEncoder | undefined;
const enc = { encode: (s: string): Uint8Array => (encoder ??= new TextEncoder()).encode(s) };

function replaceDefinedNames(workbookXml: string, elements: readonly string[]): string {
  const block = elements.length ? `<definedNames>${elements.join("")}</definedNames>` : "";
  if (/<definedNames\b[\s\S]*?<\/definedNames>/.test(workbookXml))
    return workbookXml.replace(/<definedNames\b[\s\S]*?<\/definedNames>/, block);
  if (/<definedNames\s*\/>/.test(workbookXml)) return workbookXml.replace(/<definedNames\s*\/>/, block);
  return workbookXml.replace("</sheets>", `</sheets>${block}`);
}

/** Applies the repairs to the package ExcelJS wrote from `original`. */
export async function repairRoundTrip(
  original: PackageSnapshot,
  written: Uint8Array,
  options: RepairOptions,
): Promise<RepairResult> {
  const dir = readZipDirectory(written);
  const changes = new Map<string, Uint8Array | null>();
  const warnings: string[] = [];

  // Defined names.
  const workbookXml = (await extractText(written, dir, "xl/workbook.xml")) ?? "";
  const outSheets = parseWorkbookPart(workbookXml).sheets.map((s) => s.name);
  const outIndex = new Map(outSheets.map((n, i) => [n, i]));
  const removed = options.removedSheets;
  const elements: string[] = [];
  const kept = new Set<string>();
  const isOwn = (name: string) => name.startsWith("sv_") || options.ownNames.has(name);
  for (const n of original.definedNames) {
    if (removed.some((s) => refersToSheet(n.text, s))) continue;
    if (isOwn(n.name) && options.replacedSheets.some((s) => refersToSheet(n.text, s))) continue;
    let xml = n.xml;
    if (n.localSheetId !== null) {
      const sheet = original.sheetNames[n.localSheetId];
      const index = sheet === undefined ? undefined : outIndex.get(sheet);
      if (sheet === undefined || index === undefined || removed.includes(sheet)) continue;
      xml = xml.replace(/\blocalSheetId\s*=\s*("|')\d+\1/, `localSheetId="${index}"`);
    }
    kept.add(`${n.name}\u0001${n.localSheetId === null ? "" : original.sheetNames[n.localSheetId]}`);
    elements.push(xml);
  }
  const own = parseDefinedNames(workbookXml).filter((n) => n.localSheetId === null && options.ownNames.has(n.name));
  for (const n of own) if (!kept.has(`${n.name}\u0001`)) elements.push(n.xml);
  const fixed = replaceDefinedNames(workbookXml, elements);
  if (fixed !== workbookXml) changes.set("xl/workbook.xml", enc.encode(fixed));

  // Custom document properties.
  if (original.customProperties) {
    const rootRels = (await extractText(written, dir, "_rels/.rels")) ?? "";
    const has = parseRelationships(rootRels).some((r) => r.type === CUSTOM_PROPERTIES_TYPE);
    if (!has) {
      const part = original.customProperties.part;
      changes.set(part, enc.encode(original.customProperties.xml));
      const ids = new Set(parseRelationships(rootRels).map((r) => r.id));
      let n = 1;
      while (ids.has(`rIdSv${n}`)) n++;
      changes.set(
        "_rels/.rels",
        enc.encode(
          rootRels.replace(
            /<\/Relationships>\s*$/,
            `<Relationship Id="rIdSv${n}" Type="${CUSTOM_PROPERTIES_TYPE}" Target="${part}"/></Relationships>`,
          ),
        ),
      );
      const types = (await extractText(written, dir, "[Content_Types].xml")) ?? "";
      if (!types.includes(`PartName="/${part}"`))
        changes.set(
          "[Content_Types].xml",
          enc.encode(
            types.replace(
              /<\/Types>\s*$/,
              `<Override PartName="/${part}" ContentType="${CUSTOM_PROPERTIES_CONTENT}"/></Types>`,
            ),
          ),
        );
    }
  }

  // What cannot be repaired: compare the features of both packages.
  const ownParts = await sheetParts(written, dir, workbookXml);
  const after = await features(
    written,
    dir,
    new Set(options.ownSheets.map((n) => ownParts.get(n)).filter((p): p is string => p !== undefined)),
  );
  const lost: string[] = [];
  for (const [label, count] of original.features) {
    const left = after.get(label) ?? 0;
    if (left < count) lost.push(`${label} (${count - left})`);
  }
  if (lost.length)
    warnings.push(
      `В копию не перенесено (библиотека ExcelJS этого не сохраняет): ${lost.join(", ")}. Исходный файл не изменён.`,
    );

  return { bytes: changes.size ? rewriteZip(written, changes) : written, warnings };
}
