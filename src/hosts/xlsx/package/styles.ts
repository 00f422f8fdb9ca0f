/**
 * Appending Sverka's cell formats to the workbook's `xl/styles.xml`: new number formats, fonts,
 * fills, borders and `cellXfs` go after the existing ones (whose indices keep their meaning);
 * nothing of the official's is changed. A workbook without a styles part gets a minimal one.
 */
import { escapeAttr } from "./xmlText";
import { parseAttributes } from "../ooxml";

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  /** ARGB. */
  color?: string;
}

export interface BorderSide {
  style: "thin" | "double";
  color?: string;
}

export interface XfSpec {
  font?: FontSpec;
  /** ARGB of a solid fill. */
  fill?: string;
  border?: { top?: BorderSide; left?: BorderSide; bottom?: BorderSide; right?: BorderSide };
  alignment?: { wrapText?: boolean; vertical?: "top" | "center"; horizontal?: "center" | "left" | "right" };
  numFmt?: string;
}

/** Excel's built-in number formats Sverka uses, by code (ECMA-376 Part 1 §18.8.30). */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

interface Block {
  /** Tag with prefix, e.g. `fonts` or `x:fonts`. */
  tag: string;
  count: number;
}

/** Finds a collection element (`fonts`, `cellXfs` …) and counts its items (`font`, `xf` …). */
function block(xml: string, local: string, item: string): Block | undefined {
  const m = new RegExp(`<((?:\\w+:)?${local})\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${local}>)`).exec(xml);
  if (!m) return undefined;
  const inner = m[2] ?? "";
  const count = inner.match(new RegExp(`<(?:\\w+:)?${item}\\b`, "g"))?.length ?? 0;
  return { tag: m[1], count };
}

/** Appends `items` to the collection `local` (creating it before `before` when missing) and fixes its count. */
function appendItems(xml: string, local: string, item: string, items: string[], before: string[]): string {
  if (!items.length) return xml;
  const b = block(xml, local, item);
  const prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
  // A prefixed styles part (`x:styleSheet`, no default namespace): new elements take the prefix.
  if (prefix) items = items.map((it) => it.replace(/<(\/?)(\w+)(?=[\s>/])/g, `<$1${prefix}$2`));
  if (!b) {
    const el = `<${prefix}${local} count="${items.length}">${items.join("")}</${prefix}${local}>`;
    for (const tag of before) {
      const m = new RegExp(`<(?:\\w+:)?${tag}\\b`).exec(xml);
      if (m) return xml.slice(0, m.index) + el + xml.slice(m.index);
    }
    const end = /<\/(?:\w+:)?styleSheet>/.exec(xml);
    if (!end) throw new Error("no </styleSheet>");
    return xml.slice(0, end.index) + el + xml.slice(end.index);
  }
  const total = b.count + items.length;
  const open = new RegExp(`<${b.tag}\\b([^>]*?)(/?)>`);
  const m = open.exec(xml);
  if (!m) return xml;
  const attrs = m[1].replace(/\s+count\s*=\s*("|')\d*\1/, "");
  const start = `<${b.tag}${attrs} count="${total}">`;
  if (m[2] === "/")
    return xml.slice(0, m.index) + `${start}${items.join("")}</${b.tag}>` + xml.slice(m.index + m[0].length);
  const close = new RegExp(`</${b.tag}>`);
  const after = xml.slice(m.index + m[0].length);
  const c = close.exec(after);
  if (!c) return xml;
  return xml.slice(0, m.index) + start + after.slice(0, c.index) + items.join("") + after.slice(c.index);
}

function colorXml(argb: string | undefined): string {
  return argb ? `<color rgb="${escapeAttr(argb)}"/>` : "";
}

/** Collects new formats and writes them into the styles part. */
export class StylesAppender {
  private readonly fonts: string[] = [];
  private readonly fills: string[] = [];
  private readonly borders: string[] = [];
  private readonly xfs: string[] = [];
  private readonly numFmts: string[] = [];
  private readonly baseFonts: number;
  private readonly baseFills: number;
  private readonly baseBorders: number;
  private readonly baseXfs: number;
  private readonly hasStyleXfs: boolean;
  private nextNumFmt: number;
  private readonly numFmtIds = new Map<string, number>();
  private readonly memo = new Map<string, number>();
  private readonly itemMemo = new Map<string, number>();
  private readonly existingXfs: string[];
  private readonly customFormats = new Map<number, string>();
  private readonly fontName: string;
  private readonly fontSize: number;

  constructor(private readonly xml: string) {
    this.baseFonts = block(xml, "fonts", "font")?.count ?? 0;
    this.baseFills = block(xml, "fills", "fill")?.count ?? 0;
    this.baseBorders = block(xml, "borders", "border")?.count ?? 0;
    this.baseXfs = block(xml, "cellXfs", "xf")?.count ?? 0;
    this.hasStyleXfs = (block(xml, "cellStyleXfs", "xf")?.count ?? 0) > 0;
    let max = 163;
    for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
      const a = parseAttributes(m[1]);
      const id = Number(a.numFmtId);
      if (Number.isFinite(id)) max = Math.max(max, id);
      if (a.formatCode !== undefined && !this.numFmtIds.has(a.formatCode)) this.numFmtIds.set(a.formatCode, id);
    }
    this.nextNumFmt = max + 1;
    for (const [code, id] of this.numFmtIds) this.customFormats.set(id, code);
    const xfsBlock = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
    this.existingXfs = [...xfsBlock.matchAll(/<(?:\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?xf>)/g)].map((m) => m[0]);
    const firstFont = /<(?:\w+:)?font\b[^>]*>([\s\S]*?)<\/(?:\w+:)?font>/.exec(
      /<(?:\w+:)?fonts\b[\s\S]*?<\/(?:\w+:)?fonts>/.exec(xml)?.[0] ?? "",
    )?.[1];
    this.fontName = /<(?:\w+:)?name\b[^>]*val="([^"]*)"/.exec(firstFont ?? "")?.[1] ?? "Calibri";
    this.fontSize = Number(/<(?:\w+:)?sz\b[^>]*val="([^"]*)"/.exec(firstFont ?? "")?.[1] ?? 11) || 11;
  }

  private item(kind: "font" | "fill" | "border", xml: string): number {
    const key = `${kind}\u0001${xml}`;
    const hit = this.itemMemo.get(key);
    if (hit !== undefined) return hit;
    const list = kind === "font" ? this.fonts : kind === "fill" ? this.fills : this.borders;
    const base = kind === "font" ? this.baseFonts : kind === "fill" ? this.baseFills : this.baseBorders;
    list.push(xml);
    const id = base + list.length - 1;
    this.itemMemo.set(key, id);
    return id;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtin = BUILTIN_NUMFMT[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The `cellXfs` index of a format (new ones are appended). */
  xf(spec: XfSpec, key: string = JSON.stringify(spec)): number {
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const f = spec.font ?? {};
    const fontId = this.item(
      "font",
      `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.underline ? "<u/>" : ""}<sz val="${f.size ?? this.fontSize}"/>${colorXml(f.color)}<name val="${escapeAttr(this.fontName)}"/></font>`,
    );
    const fillId = spec.fill
      ? this.item(
          "fill",
          `<fill><patternFill patternType="solid"><fgColor rgb="${escapeAttr(spec.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const side = (tag: string, s: BorderSide | undefined) =>
      s ? `<${tag} style="${s.style}">${colorXml(s.color ?? "FF000000")}</${tag}>` : `<${tag}/>`;
    const b = spec.border;
    const borderId = b
      ? this.item(
          "border",
          `<border>${side("left", b.left)}${side("right", b.right)}${side("top", b.top)}${side("bottom", b.bottom)}<diagonal/></border>`,
        )
      : 0;
    const numFmtId = this.numFmtId(spec.numFmt);
    const al = spec.alignment;
    const alignment = al
      ? `<alignment${al.horizontal ? ` horizontal="${al.horizontal}"` : ""}${al.vertical ? ` vertical="${al.vertical}"` : ""}${al.wrapText ? ' wrapText="1"' : ""}/>`
      : "";
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${this.hasStyleXfs ? ' xfId="0"' : ""}` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""} applyFont="1"${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}` +
      (alignment ? ` applyAlignment="1">${alignment}</xf>` : "/>");
    this.xfs.push(xf);
    const id = this.baseXfs + this.xfs.length - 1;
    this.memo.set(key, id);
    return id;
  }

  /** Whether a number format shows dates (built-in date ids, or a custom code with d, m or y). */
  private isDateFormat(id: number): boolean {
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
      return true;
    const code = this.customFormats.get(id);
    return code !== undefined && /[dmy]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ""));
  }

  /**
   * A format showing dates (`code`) that otherwise looks like the existing format `base`: `base`
   * itself when it shows dates already, else a copy of it with the date format (appended).
   */
  dateStyle(base: number | undefined, code: string): number {
    const key = `date\u0001${base ?? ""}\u0001${code}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const src = base === undefined ? undefined : (this.existingXfs[base] ?? undefined);
    const numFmt = src ? Number(/\bnumFmtId\s*=\s*"(\d+)"/.exec(src)?.[1] ?? 0) : 0;
    if (base !== undefined && src && this.isDateFormat(numFmt)) {
      this.memo.set(key, base);
      return base;
    }
    const id = this.numFmtId(code);
    let xf: string;
    if (src) {
      xf = src.replace(/\bnumFmtId\s*=\s*"\d+"/, `numFmtId="${id}"`).replace(/\s+applyNumberFormat\s*=\s*"[^"]*"/, "");
      xf = xf.replace(/^<((?:\w+:)?xf)\b/, `<$1 applyNumberFormat="1"`);
    } else
      xf = `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"${this.hasStyleXfs ? ' xfId="0"' : ""} applyNumberFormat="1"/>`;
    this.xfs.push(xf);
    const out = this.baseXfs + this.xfs.length - 1;
    this.memo.set(key, out);
    return out;
  }

  /** Whether anything was added. */
  get changed(): boolean {
    return this.xfs.length > 0;
  }

  /** The styles part with the new items appended (the input when nothing was added). */
  result(): string {
    if (!this.changed) return this.xml;
    let out = this.xml;
    out = appendItems(out, "numFmts", "numFmt", this.numFmts, ["fonts"]);
    out = appendItems(out, "fonts", "font", this.fonts, ["fills"]);
    out = appendItems(out, "fills", "fill", this.fills, ["borders"]);
    out = appendItems(out, "borders", "border", this.borders, ["cellStyleXfs", "cellXfs"]);
    out = appendItems(out, "cellXfs", "xf", this.xfs, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    return out;
  }
}
