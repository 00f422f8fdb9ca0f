/**
 * ISO/IEC 29500 Strict packages. A Strict workbook names the same parts with other namespace URIs
 * (`http://purl.oclc.org/ooxml/…`) and relationship types; content types and the OPC namespaces
 * (content types, package relationships, core properties, markup compatibility) are the same in
 * both flavours. Sverka's writers build Transitional XML; when the workbook is Strict, everything
 * they wrote or appended is mapped here, so the copy stays one flavour instead of a mixed package
 * that Strict-only consumers may reject.
 *
 * Besides URIs, Strict differs in what Sverka writes in one respect: DrawingML chart percentages
 * (`c:gapWidth`, `c:lblOffset` …) are `"60%"` strings; Transitional also allows bare numbers
 * (ECMA-376 1st edition wrote only those), which is what the chart writer emits.
 */

const T = "http://schemas.openxmlformats.org";
const S = "http://purl.oclc.org/ooxml";

/** Transitional namespace → Strict namespace, for the namespaces Sverka's parts use (and kin). */
const STRICT_NAMESPACES: Readonly<Record<string, string>> = {
  [`${T}/spreadsheetml/2006/main`]: `${S}/spreadsheetml/main`,
  [`${T}/officeDocument/2006/relationships`]: `${S}/officeDocument/relationships`,
  [`${T}/drawingml/2006/main`]: `${S}/drawingml/main`,
  [`${T}/drawingml/2006/chart`]: `${S}/drawingml/chart`,
  [`${T}/drawingml/2006/chartDrawing`]: `${S}/drawingml/chartDrawing`,
  [`${T}/drawingml/2006/spreadsheetDrawing`]: `${S}/drawingml/spreadsheetDrawing`,
  [`${T}/officeDocument/2006/custom-properties`]: `${S}/officeDocument/customProperties`,
  [`${T}/officeDocument/2006/extended-properties`]: `${S}/officeDocument/extendedProperties`,
  [`${T}/officeDocument/2006/docPropsVTypes`]: `${S}/officeDocument/docPropsVTypes`,
  [`${T}/officeDocument/2006/sharedTypes`]: `${S}/officeDocument/sharedTypes`,
};

const T_REL = `${T}/officeDocument/2006/relationships/`;
const S_REL = `${S}/officeDocument/relationships/`;
/** Relationship types whose Strict name is not the Transitional one under the Strict base. */
const RENAMED_REL_TYPES: Readonly<Record<string, string>> = {
  "custom-properties": "customProperties",
  "extended-properties": "extendedProperties",
};
const TRANSITIONAL_REL_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(RENAMED_REL_TYPES).map(([t, s]) => [s, t]),
);

/** A Transitional URI (namespace or relationship type) in Strict, or undefined when it has no other name. */
function strictUri(uri: string): string | undefined {
  const ns = STRICT_NAMESPACES[uri];
  if (ns !== undefined) return ns;
  if (uri.startsWith(T_REL)) {
    const name = uri.slice(T_REL.length);
    return S_REL + (RENAMED_REL_TYPES[name] ?? name);
  }
  return undefined;
}

/** A relationship type as Transitional names it (Strict types mapped back; others unchanged), for lookups. */
export function transitionalRelType(type: string): string {
  if (!type.startsWith(S_REL)) return type;
  const name = type.slice(S_REL.length);
  return T_REL + (TRANSITIONAL_REL_NAMES[name] ?? name);
}

const declarations = new Map<string, RegExp>();

/**
 * The prefix an `xmlns:p` declaration binds to the Transitional namespace `ns` or to its Strict
 * name, or undefined: declaring a second one for the same prefix would make the part malformed.
 */
export function declaredPrefix(xml: string, ns: string): string | undefined {
  let re = declarations.get(ns);
  if (re === undefined) {
    const uris = [ns, STRICT_NAMESPACES[ns] ?? ns].map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    re = new RegExp(`xmlns:(\\w+)\\s*=\\s*["'](?:${uris.join("|")})["']`);
    declarations.set(ns, re);
  }
  return re.exec(xml)?.[1];
}

/** Whether the workbook part's root element is in the Strict SpreadsheetML namespace. */
export function isStrictWorkbook(workbookXml: string): boolean {
  const root = /<(?:(\w+):)?workbook\b([^>]*)>/.exec(workbookXml);
  if (!root) return false;
  const decl = root[1] === undefined ? "xmlns" : `xmlns:${root[1]}`;
  const m = new RegExp(`\\s${decl}\\s*=\\s*("|')([^"']*)\\1`).exec(root[2]);
  return m?.[2] === `${S}/spreadsheetml/main`;
}

// Tags that mention a Transitional URI, and in them the attribute values that are exactly one
// (namespace declarations, relationship types, `a:graphicData/@uri`): text content, which holds
// no raw `<`, is never touched.
const URI_TAG = /<[^>]*http:\/\/schemas\.openxmlformats\.org\/[^>]*>/g;
const URI_ATTR = /(=\s*)("|')(http:\/\/schemas\.openxmlformats\.org\/[^"']*)\2/g;

// Chart elements whose `val` is a percentage (ST_GapAmount, ST_Overlap, ST_LblOffset, …).
const CHART_PERCENT =
  /(<(?:\w+:)?(?:gapWidth|gapDepth|overlap|lblOffset|hPercent|depthPercent|holeSize|secondPieSize|bubbleScale|thickness)\b[^>]*?\bval\s*=\s*)("|')(-?\d+)\2/g;

/** XML written Transitional, in Strict: namespace URIs, relationship types, chart percentages. */
export function toStrict(xml: string): string {
  let out = xml.replace(URI_TAG, (tag) =>
    tag.replace(URI_ATTR, (m, eq: string, q: string, uri: string) => {
      const s = strictUri(uri);
      return s === undefined ? m : `${eq}${q}${s}${q}`;
    }),
  );
  if (out.includes(`${S}/drawingml/chart`)) out = out.replace(CHART_PERCENT, "$1$2$3%$2");
  return out;
}
