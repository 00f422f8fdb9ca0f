/**
 * Tiny readers for small SpreadsheetML parts: custom document properties (`docProps/custom.xml`,
 * ECMA-376 Part 1 §22.3), defined names and sheets as written in `xl/workbook.xml`, relationships.
 * Regular expressions suffice: these parts are small and machine-written.
 */

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g,
    (_m, hex: string, dec: string, named: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(parseInt(dec, 10));
      switch (named) {
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "amp":
          return "&";
        case "quot":
          return '"';
        default:
          return "'";
      }
    },
  );
}

/** Attributes of one start tag's text (`name="v" r:id='x'`), names with their prefixes. */
export function parseAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

function attrByLocalName(attrs: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) {
    const i = k.indexOf(":");
    if ((i < 0 ? k : k.slice(i + 1)) === local && (local !== "id" || i >= 0)) return v;
  }
  return undefined;
}

export interface WorkbookPart {
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly relId: string | undefined }>;
  /** Workbook-scoped names only (no `localSheetId`): name → formula/reference text as stored. */
  readonly definedNames: Readonly<Record<string, string>>;
}

export function parseWorkbookPart(xml: string): WorkbookPart {
  const sheets: { name: string; relId: string | undefined }[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetRe.exec(xml); m; m = sheetRe.exec(xml)) {
    const attrs = parseAttributes(m[1]);
    if (attrs.name !== undefined) sheets.push({ name: attrs.name, relId: attrByLocalName(attrs, "id") });
  }
  const definedNames: Record<string, string> = {};
  const nameRe = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;
  for (let m = nameRe.exec(xml); m; m = nameRe.exec(xml)) {
    const attrs = parseAttributes(m[1]);
    if (attrs.name === undefined || attrs.localSheetId !== undefined) continue;
    definedNames[attrs.name] = decodeXml(m[2] ?? "");
  }
  return { sheets, definedNames };
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const re = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const a = parseAttributes(m[1]);
    if (a.Id !== undefined && a.Target !== undefined) out.push({ id: a.Id, type: a.Type ?? "", target: a.Target });
  }
  return out;
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolvePartName(baseFolder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (baseFolder ? baseFolder.split("/") : []).filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Custom document properties: name → value text (numbers, booleans and dates as written). */
export function parseCustomProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /<(?:\w+:)?property\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?property>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = parseAttributes(m[1]).name;
    if (name === undefined) continue;
    const inner = m[2] ?? "";
    const value = /<(?:\w+:)?\w+\b[^>]*>([\s\S]*?)<\/(?:\w+:)?\w+>/.exec(inner);
    out[name] = value ? decodeXml(value[1]) : "";
  }
  return out;
}
