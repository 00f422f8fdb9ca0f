/**
 * Edits of the package parts that list things: `[Content_Types].xml`, relationship parts,
 * `xl/workbook.xml` (sheets, defined names) and `docProps/custom.xml`. Every edit is textual and
 * local: new entries are appended, Sverka's own entries removed; the official's entries stay as
 * written, in their order. Regular expressions suffice: these parts are small and machine-written
 * (elements may carry a namespace prefix, which new elements reuse).
 */
import { escapeAttr, escapeText } from "./xmlText";
import { parseAttributes, parseRelationships, type Relationship } from "../ooxml";
import { declaredPrefix, transitionalRelType } from "./strict";

export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
export const REL_TYPES = {
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  calcChain: `${REL}/calcChain`,
  customProperties: `${REL}/custom-properties`,
} as const;

export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
} as const;

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Inserts `insert` before the closing tag of the root element (`</Types>`, `</x:Relationships>`). */
function beforeRootEnd(xml: string, root: string, insert: string): string {
  const re = new RegExp(`</((?:\\w+:)?${root})>\\s*$`);
  const m = re.exec(xml);
  if (m) return xml.slice(0, m.index) + insert + xml.slice(m.index);
  // An empty root `<Types …/>`.
  const empty = new RegExp(`<((?:\\w+:)?${root})\\b([^>]*?)/>`).exec(xml);
  if (!empty) throw new Error(`no <${root}> element`);
  return `${xml.slice(0, empty.index)}<${empty[1]}${empty[2]}>${insert}</${empty[1]}>${xml.slice(empty.index + empty[0].length)}`;
}

/** The namespace prefix (with its colon) the root element `local` is written with. */
function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}\\b`).exec(xml);
  return m?.[1] ?? "";
}

// ---------------------------------------------------------------------------------------------
// [Content_Types].xml

export function addOverride(types: string, partName: string, contentType: string): string {
  const name = `/${partName}`;
  if (hasOverride(types, partName)) return types;
  const p = prefixOf(types, "Types");
  return beforeRootEnd(
    types,
    "Types",
    `<${p}Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>`,
  );
}

function overrideRe(partName: string): RegExp {
  const esc = `/${partName}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName\\s*=\\s*["']${esc}["'][^>]*/>`, "i");
}

export function hasOverride(types: string, partName: string): boolean {
  return overrideRe(partName).test(types);
}

export function removeOverride(types: string, partName: string): string {
  return types.replace(overrideRe(partName), "");
}

/** Whether a `Default` covers the extension (`bin`, `png`). */
export function hasDefault(types: string, extension: string): boolean {
  return new RegExp(`<(?:\\w+:)?Default\\b[^>]*Extension\\s*=\\s*["']${extension}["']`, "i").test(types);
}

// ---------------------------------------------------------------------------------------------
// Relationship parts

export function emptyRels(): string {
  return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
}

/** Appends a relationship with a fresh id (`rIdSv1` …, never clashing); returns the part and the id. */
export function addRelationship(rels: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = rels ?? emptyRels();
  const ids = new Set(parseRelationships(xml).map((r) => r.id));
  let n = 1;
  while (ids.has(`rIdSv${n}`)) n++;
  const id = `rIdSv${n}`;
  const p = prefixOf(xml, "Relationships");
  return {
    xml: beforeRootEnd(
      xml,
      "Relationships",
      `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`,
    ),
    id,
  };
}

export function removeRelationships(rels: string, ids: ReadonlySet<string>): string {
  return rels.replace(/<(?:\w+:)?Relationship\b([^>]*?)\/>/g, (el, attrs: string) => {
    const id = parseAttributes(attrs).Id;
    return id !== undefined && ids.has(id) ? "" : el;
  });
}

/** Relationships with their types as Transitional names them (a Strict package's mapped), for lookups. */
export function relationships(rels: string | undefined): Relationship[] {
  return rels ? parseRelationships(rels).map((r) => ({ ...r, type: transitionalRelType(r.type) })) : [];
}

// ---------------------------------------------------------------------------------------------
// xl/workbook.xml

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string | undefined;
  state: string | undefined;
  /** The element as written. */
  xml: string;
}

const SHEET_RE = /<(?:\w+:)?sheet\b([^>]*?)(?:\/>|>\s*<\/(?:\w+:)?sheet>)/g;

export function sheetEntries(workbook: string): SheetEntry[] {
  const block = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbook);
  if (!block) return [];
  const out: SheetEntry[] = [];
  SHEET_RE.lastIndex = 0;
  for (let m = SHEET_RE.exec(block[1]); m; m = SHEET_RE.exec(block[1])) {
    const a = parseAttributes(m[1]);
    let relId: string | undefined;
    for (const [k, v] of Object.entries(a)) if (/:id$/.test(k)) relId = v;
    out.push({ name: a.name ?? "", sheetId: Number(a.sheetId ?? 0), relId, state: a.state, xml: m[0] });
  }
  return out;
}

/** The prefix bound to the relationships namespace in the workbook (declared on the root if missing). */
export function ensureRelPrefix(workbook: string): { xml: string; prefix: string } {
  const prefix = declaredPrefix(workbook, NS_R);
  if (prefix !== undefined) return { xml: workbook, prefix };
  const root = /<((?:\w+:)?workbook)\b/.exec(workbook);
  if (!root) throw new Error("no <workbook> element");
  const at = root.index + root[0].length;
  return { xml: `${workbook.slice(0, at)} xmlns:r="${NS_R}"${workbook.slice(at)}`, prefix: "r" };
}

export function newSheetElement(
  workbook: string,
  e: { name: string; sheetId: number; relId: string; hidden: boolean },
  relPrefix: string,
): string {
  const p = prefixOf(workbook, "workbook");
  return `<${p}sheet name="${escapeAttr(e.name)}" sheetId="${e.sheetId}"${e.hidden ? ' state="hidden"' : ""} ${relPrefix}:id="${escapeAttr(e.relId)}"/>`;
}

/** Sets the sheet's visibility (the element is returned as it was when it already matches). */
export function withSheetState(element: string, hidden: boolean): string {
  const m = /\sstate\s*=\s*("|')([^"']*)\1/.exec(element);
  const state = m?.[2] ?? "visible";
  if ((state === "hidden") === hidden && state !== "veryHidden") return element;
  if (m) return element.replace(m[0], hidden ? ' state="hidden"' : "");
  return element.replace(/^<((?:\w+:)?sheet)\b/, '<$1 state="hidden"');
}

export function appendToSheets(workbook: string, elements: string): string {
  const close = /<\/(?:\w+:)?sheets>/.exec(workbook);
  if (close) return workbook.slice(0, close.index) + elements + workbook.slice(close.index);
  const empty = /<((?:\w+:)?sheets)\b([^>]*?)\/>/.exec(workbook);
  if (!empty) throw new Error("no <sheets> element");
  return `${workbook.slice(0, empty.index)}<${empty[1]}${empty[2]}>${elements}</${empty[1]}>${workbook.slice(empty.index + empty[0].length)}`;
}

/** Appends defined names (a block is created after `sheets`/`functionGroups`/`externalReferences`). */
export function appendDefinedNames(workbook: string, elements: string): string {
  if (!elements) return workbook;
  const close = /<\/(?:\w+:)?definedNames>/.exec(workbook);
  if (close) return workbook.slice(0, close.index) + elements + workbook.slice(close.index);
  const p = prefixOf(workbook, "workbook");
  const empty = /<(?:\w+:)?definedNames\b[^>]*\/>/.exec(workbook);
  const block = `<${p}definedNames>${elements}</${p}definedNames>`;
  if (empty) return workbook.slice(0, empty.index) + block + workbook.slice(empty.index + empty[0].length);
  let at = -1;
  for (const tag of ["sheets", "functionGroups", "externalReferences"]) {
    const m = new RegExp(`</(?:\\w+:)?${tag}>|<(?:\\w+:)?${tag}\\b[^>]*/>`).exec(workbook);
    if (m) at = Math.max(at, m.index + m[0].length);
  }
  if (at < 0) throw new Error("no <sheets> element");
  return workbook.slice(0, at) + block + workbook.slice(at);
}

export function definedNameElement(
  workbook: string,
  name: string,
  ref: string,
  localSheetId?: number,
  hidden = false,
): string {
  const p = prefixOf(workbook, "workbook");
  const local = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
  return `<${p}definedName name="${escapeAttr(name)}"${local}${hidden ? ' hidden="1"' : ""}>${escapeText(ref)}</${p}definedName>`;
}

// ---------------------------------------------------------------------------------------------
// docProps/custom.xml

const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

export function emptyCustomProperties(): string {
  return `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="${NS_VT}"></Properties>`;
}

/** Sets a text custom property: replaces the property of that name, or appends one with a new pid. */
export function setCustomProperty(xml: string, name: string, value: string): string {
  const vt = declaredPrefix(xml, NS_VT);
  let doc = xml;
  let vtp = vt;
  if (vtp === undefined) {
    const root = /<((?:\w+:)?Properties)\b/.exec(doc);
    if (!root) throw new Error("no <Properties> element");
    const at = root.index + root[0].length;
    doc = `${doc.slice(0, at)} xmlns:vt="${NS_VT}"${doc.slice(at)}`;
    vtp = "vt";
  }
  const p = prefixOf(doc, "Properties");
  const re = /<(?:\w+:)?property\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?property>)/g;
  let maxPid = 1;
  let found: { start: number; end: number; pid: string } | undefined;
  for (let m = re.exec(doc); m; m = re.exec(doc)) {
    const a = parseAttributes(m[1]);
    const pid = Number(a.pid);
    if (Number.isFinite(pid)) maxPid = Math.max(maxPid, pid);
    if (a.name === name) found = { start: m.index, end: m.index + m[0].length, pid: a.pid ?? "2" };
  }
  const element = (pid: string) =>
    `<${p}property fmtid="${FMTID}" pid="${pid}" name="${escapeAttr(name)}"><${vtp}:lpwstr>${escapeText(value)}</${vtp}:lpwstr></${p}property>`;
  if (found) return doc.slice(0, found.start) + element(found.pid) + doc.slice(found.end);
  return beforeRootEnd(doc, "Properties", element(String(maxPid + 1)));
}
