/**
 * A small, strict XML 1.0 parser for tests (no DTDs, no external entities).
 * It checks well-formedness: one root element, matching and properly nested
 * tags, unique attributes, quoted attribute values without `<`, only the five
 * predefined entities and numeric character references, no `--` in comments,
 * and nothing but comments, processing instructions and whitespace outside
 * the root. It resolves namespace prefixes (undeclared prefixes are errors).
 */

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  /** Local part of the name, e.g. "Image". */
  localName: string;
  /** Namespace URI ("" when none). */
  ns: string;
  /** Attributes by qualified name, entity-decoded. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (trimmed). */
  text: string;
  parent?: XmlElement;
  /** 1-based line of the start tag. */
  line: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = "XmlError";
  }
}

const NAME_START =
  "A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
// Combining marks (U+0300–U+036F) go first so no base character precedes them in the class.
const NAME_CHAR = `\\u0300-\\u036F${NAME_START}\\-.0-9\\u00B7\\u203F-\\u2040`;
const NAME_RE = new RegExp(`^[${NAME_START}:][${NAME_CHAR}:]*$`);
const QNAME_RE = new RegExp(`^(?:[${NAME_START}][${NAME_CHAR}]*:)?[${NAME_START}][${NAME_CHAR}]*$`);
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

interface RawElement {
  name: string;
  attrs: Record<string, string>;
  children: RawElement[];
  textParts: string[];
  line: number;
}

/** Parses `source` and returns the root element; throws XmlError if it is not well-formed. */
export function parseXml(source: string): XmlElement {
  let src = source;
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1); // BOM
  let pos = 0;
  let line = 1;

  const fail = (msg: string): never => {
    throw new XmlError(msg, line);
  };
  const advance = (n: number): void => {
    for (let i = 0; i < n; i++) if (src.charCodeAt(pos + i) === 10) line++;
    pos += n;
  };
  const startsWith = (s: string): boolean => src.startsWith(s, pos);
  const skipSpace = (): boolean => {
    const m = /^[ \t\r\n]*/.exec(src.slice(pos, pos + 4096));
    const n = m ? m[0].length : 0;
    advance(n);
    if (n === 4096) skipSpace();
    return n > 0;
  };
  const readUntil = (terminator: string, what: string): string => {
    const end = src.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    const body = src.slice(pos, end);
    advance(end - pos + terminator.length);
    return body;
  };
  const readName = (): string => {
    const m = new RegExp(`^[${NAME_START}:][${NAME_CHAR}:]*`).exec(src.slice(pos, pos + 1024));
    if (!m) return fail(`expected a name at ${JSON.stringify(src.slice(pos, pos + 20))}`);
    advance(m[0].length);
    return m[0];
  };
  const checkChars = (s: string): void => {
    for (const ch of s) {
      const cp = ch.codePointAt(0) ?? 0;
      if (!isXmlChar(cp)) fail(`illegal character U+${cp.toString(16).toUpperCase()}`);
    }
  };
  const decode = (raw: string, inAttr: boolean): string => {
    checkChars(raw);
    if (inAttr && raw.includes("<")) fail("'<' in attribute value");
    let out = raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) fail(`unterminated entity reference ${JSON.stringify(whole)}`);
      if (ref in PREDEFINED) return PREDEFINED[ref];
      const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!m) return fail(`unknown entity &${ref};`);
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (!isXmlChar(cp)) fail(`character reference to illegal character &${ref};`);
      return String.fromCodePoint(cp);
    });
    if (inAttr) out = out.replace(/[\t\n\r]/g, " "); // attribute-value normalisation (CDATA type)
    return out;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (startsWith("<!--")) {
        advance(4);
        const body = readUntil("-->", "comment");
        if (body.includes("--") || body.endsWith("-")) fail("'--' inside a comment");
        checkChars(body);
      } else if (startsWith("<?")) {
        advance(2);
        const target = readName();
        if (target.toLowerCase() === "xml") fail("XML declaration not at the start of the document");
        readUntil("?>", "processing instruction");
      } else if (startsWith("<!DOCTYPE")) {
        fail("DOCTYPE is not allowed in an add-in manifest");
      } else return;
    }
  };

  // XML declaration (optional, must be first).
  if (startsWith("<?xml") && /^<\?xml[ \t\r\n]/.test(src.slice(pos, pos + 6))) {
    advance(5);
    const decl = readUntil("?>", "XML declaration");
    if (
      !/^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(
        decl,
      )
    ) {
      fail("malformed XML declaration");
    }
  }
  skipMisc();
  if (!startsWith("<")) fail("expected the root element");

  const stack: RawElement[] = [];
  let root: RawElement | undefined;

  while (pos < src.length) {
    if (stack.length === 0 && root) {
      skipMisc();
      if (pos < src.length) fail("content after the root element");
      break;
    }
    if (startsWith("<!--")) {
      advance(4);
      const body = readUntil("-->", "comment");
      if (body.includes("--") || body.endsWith("-")) fail("'--' inside a comment");
      checkChars(body);
    } else if (startsWith("<![CDATA[")) {
      if (stack.length === 0) fail("CDATA outside the root element");
      advance(9);
      const body = readUntil("]]>", "CDATA section");
      checkChars(body);
      stack[stack.length - 1].textParts.push(body);
    } else if (startsWith("<?")) {
      advance(2);
      const target = readName();
      if (target.toLowerCase() === "xml") fail("XML declaration not at the start of the document");
      readUntil("?>", "processing instruction");
    } else if (startsWith("<!")) {
      fail("markup declarations are not allowed here");
    } else if (startsWith("</")) {
      advance(2);
      const name = readName();
      skipSpace();
      if (!startsWith(">")) fail(`malformed end tag </${name}`);
      advance(1);
      const open = stack.pop();
      if (!open) return fail(`unexpected end tag </${name}>`);
      if (open.name !== name) fail(`end tag </${name}> does not match <${open.name}> (line ${open.line})`);
    } else if (startsWith("<")) {
      const tagLine = line;
      advance(1);
      const name = readName();
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        const hadSpace = skipSpace();
        if (startsWith("/>")) {
          advance(2);
          selfClosing = true;
          break;
        }
        if (startsWith(">")) {
          advance(1);
          break;
        }
        if (pos >= src.length) fail(`unterminated start tag <${name}`);
        if (!hadSpace) fail(`missing whitespace before attribute in <${name}>`);
        const attrName = readName();
        skipSpace();
        if (!startsWith("=")) fail(`attribute ${attrName} has no value`);
        advance(1);
        skipSpace();
        const quote = src[pos];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attrName} value is not quoted`);
        advance(1);
        const raw = readUntil(quote, `attribute ${attrName}`);
        if (Object.prototype.hasOwnProperty.call(attrs, attrName)) fail(`duplicate attribute ${attrName} in <${name}>`);
        attrs[attrName] = decode(raw, true);
      }
      const el: RawElement = { name, attrs, children: [], textParts: [], line: tagLine };
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root) fail("more than one root element");
      else root = el;
      if (!selfClosing) stack.push(el);
    } else {
      const next = src.indexOf("<", pos);
      const end = next < 0 ? src.length : next;
      const raw = src.slice(pos, end);
      if (stack.length === 0) {
        if (raw.trim()) fail("text outside the root element");
      } else {
        if (raw.includes("]]>")) fail("']]>' in character data");
        stack[stack.length - 1].textParts.push(decode(raw, false));
      }
      advance(end - pos);
    }
  }
  if (stack.length > 0)
    fail(`unclosed element <${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line})`);
  if (!root) return fail("no root element");

  return resolve(root, undefined, { xml: XML_NS, xmlns: XMLNS_NS });
}

function resolve(raw: RawElement, parent: XmlElement | undefined, inherited: Record<string, string>): XmlElement {
  const scope: Record<string, string> = { ...inherited };
  for (const [attr, value] of Object.entries(raw.attrs)) {
    if (attr === "xmlns") scope[""] = value;
    else if (attr.startsWith("xmlns:")) {
      if (!value) throw new XmlError(`empty namespace for prefix ${attr.slice(6)}`, raw.line);
      scope[attr.slice(6)] = value;
    }
  }
  const qname = (n: string, isAttr: boolean): { prefix: string; local: string; ns: string } => {
    if (!QNAME_RE.test(n) || !NAME_RE.test(n)) throw new XmlError(`invalid qualified name ${n}`, raw.line);
    const i = n.indexOf(":");
    const prefix = i < 0 ? "" : n.slice(0, i);
    const local = i < 0 ? n : n.slice(i + 1);
    if (prefix === "") return { prefix, local, ns: isAttr ? "" : (scope[""] ?? "") };
    const ns = scope[prefix];
    if (ns === undefined) throw new XmlError(`undeclared namespace prefix ${prefix}:`, raw.line);
    return { prefix, local, ns };
  };
  const seen = new Set<string>();
  for (const attr of Object.keys(raw.attrs)) {
    if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
    const { local, ns } = qname(attr, true);
    const key = `{${ns}}${local}`;
    if (seen.has(key)) throw new XmlError(`duplicate attribute ${attr} after namespace resolution`, raw.line);
    seen.add(key);
  }
  const { local, ns } = qname(raw.name, false);
  const el: XmlElement = {
    name: raw.name,
    localName: local,
    ns,
    attrs: raw.attrs,
    children: [],
    text: raw.textParts.join("").trim(),
    parent,
    line: raw.line,
  };
  el.children = raw.children.map((c) => resolve(c, el, scope));
  return el;
}

/** Depth-first list of `el` and all its descendants. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [el];
  for (const c of el.children) out.push(...descendants(c));
  return out;
}

/** Children (or descendants when deep) with the given local name. */
export function childrenNamed(el: XmlElement, localName: string): XmlElement[] {
  return el.children.filter((c) => c.localName === localName);
}

/** Follows a path of local names through children; returns every match. */
export function select(el: XmlElement, ...path: string[]): XmlElement[] {
  let current: XmlElement[] = [el];
  for (const step of path) current = current.flatMap((e) => childrenNamed(e, step));
  return current;
}

/** Value of an attribute given by local name, ignoring its prefix (e.g. "type" finds xsi:type). */
export function attr(el: XmlElement, localName: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) {
    const local = k.includes(":") ? k.slice(k.indexOf(":") + 1) : k;
    if (local === localName && !k.startsWith("xmlns")) return v;
  }
  return undefined;
}
