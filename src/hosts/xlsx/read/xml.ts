/**
 * A small forward-only scanner for machine-written SpreadsheetML parts: element and attribute
 * names may carry any namespace prefix (`<x:c>`, as some writers emit), attributes any quotes and
 * whitespace. It never builds a tree: the reader asks for the next tag and for attribute values,
 * which keeps a sheet of a million cells to a few string slices per cell. Browser-safe.
 */
import { decodeXml } from "../ooxml";

/** `_x000D_`-style escapes of characters XML cannot carry (ECMA-376 Part 1 §22.9.2.19, ST_Xstring). */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content as the user sees it: entities decoded, then `_xHHHH_` escapes. */
export function textContent(raw: string): string {
  return decodeXstring(decodeXml(raw));
}

export function isNameChar(c: number): boolean {
  // letters, digits, '_', '-', '.', ':' and anything non-ASCII
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46 || c > 127
  );
}

/** One start, end or empty-element tag found by `nextTag`. */
export interface Tag {
  /** Local name (prefix removed), e.g. "c", "row", "v". */
  local: string;
  /** `true` for `</name>`. */
  close: boolean;
  /** `true` for `<name/>`. */
  empty: boolean;
  /** Index of `<`. */
  start: number;
  /** Index just after `>`. */
  end: number;
  /** Where the attributes start (after the name) and end (before `/>` or `>`). */
  attrStart: number;
  attrEnd: number;
}

/**
 * The next element tag at or after `from` (comments, processing instructions, CDATA and doctype
 * are skipped), or `undefined` at the end. Reuses `tag` to spare allocations.
 */
export function nextTag(xml: string, from: number, tag: Tag): Tag | undefined {
  let i = xml.indexOf("<", from);
  while (i >= 0) {
    const c = xml.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", i)) {
        const e = xml.indexOf("-->", i + 4);
        if (e < 0) return undefined;
        i = xml.indexOf("<", e + 3);
      } else if (xml.startsWith("<![CDATA[", i)) {
        const e = xml.indexOf("]]>", i + 9);
        if (e < 0) return undefined;
        i = xml.indexOf("<", e + 3);
      } else {
        const e = xml.indexOf(">", i + 2);
        if (e < 0) return undefined;
        i = xml.indexOf("<", e + 1);
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", i + 2);
      if (e < 0) return undefined;
      i = xml.indexOf("<", e + 2);
      continue;
    }
    const close = c === 47; /* / */
    let p = close ? i + 2 : i + 1;
    const nameStart = p;
    let colon = -1;
    for (; p < xml.length; p++) {
      const k = xml.charCodeAt(p);
      if (!isNameChar(k)) break;
      if (k === 58) colon = p;
    }
    const gt = xml.indexOf(">", p);
    if (gt < 0) return undefined;
    tag.local = xml.slice(colon >= 0 ? colon + 1 : nameStart, p);
    tag.close = close;
    tag.empty = !close && xml.charCodeAt(gt - 1) === 47;
    tag.start = i;
    tag.end = gt + 1;
    tag.attrStart = p;
    tag.attrEnd = tag.empty ? gt - 1 : gt;
    return tag;
  }
  return undefined;
}

export function newTag(): Tag {
  return { local: "", close: false, empty: false, start: 0, end: 0, attrStart: 0, attrEnd: 0 };
}

/**
 * Calls `each(localName, rawValue)` for every attribute of `tag` (values not yet entity-decoded;
 * names without their prefix, except `r:id`-style names, which keep the whole name in `qname`).
 */
export function eachAttribute(xml: string, tag: Tag, each: (local: string, raw: string, qname: string) => void): void {
  let p = tag.attrStart;
  const end = tag.attrEnd;
  while (p < end) {
    let k = xml.charCodeAt(p);
    while (p < end && (k === 32 || k === 9 || k === 10 || k === 13)) k = xml.charCodeAt(++p);
    if (p >= end) return;
    const nameStart = p;
    let colon = -1;
    while (p < end && isNameChar(xml.charCodeAt(p))) {
      if (xml.charCodeAt(p) === 58) colon = p;
      p++;
    }
    const nameEnd = p;
    const eq = xml.indexOf("=", p);
    if (eq < 0 || eq >= end || nameEnd === nameStart) return;
    p = eq + 1;
    while (p < end && xml.charCodeAt(p) !== 34 && xml.charCodeAt(p) !== 39) p++;
    if (p >= end) return;
    const quote = xml[p];
    const close = xml.indexOf(quote, p + 1);
    if (close < 0 || close > end) return;
    each(
      xml.slice(colon >= 0 ? colon + 1 : nameStart, nameEnd),
      xml.slice(p + 1, close),
      xml.slice(nameStart, nameEnd),
    );
    p = close + 1;
  }
}

/** All attributes of `tag`, decoded, by local name (the first of equal local names wins). */
export function attributes(xml: string, tag: Tag): Record<string, string> {
  const out: Record<string, string> = {};
  eachAttribute(xml, tag, (local, raw) => {
    if (!(local in out)) out[local] = decodeXml(raw);
  });
  return out;
}

/**
 * The text a cell or shared-string item shows: every `<t>` inside [from, to), in order, except the
 * phonetic runs (`<rPh>`) that East Asian workbooks add.
 */
export function collectText(xml: string, from: number, to: number): string {
  const tag = newTag();
  let out = "";
  let inPhonetic = 0;
  let p = from;
  for (let t = nextTag(xml, p, tag); t && t.start < to; t = nextTag(xml, p, tag)) {
    p = t.end;
    if (t.local === "rPh") {
      if (!t.empty) inPhonetic += t.close ? -1 : 1;
      continue;
    }
    if (t.local !== "t" || t.close || t.empty || inPhonetic > 0) continue;
    const textStart = t.end;
    const closeAt = xml.indexOf("<", textStart);
    if (closeAt < 0) break;
    out += xml.slice(textStart, closeAt);
    p = closeAt;
  }
  return textContent(out);
}
