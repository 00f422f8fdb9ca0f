/**
 * Sverka's data stored in the workbook as custom XML parts (ExcelApi 1.5): one part per namespace,
 * holding a JSON text (marks with the fills they replaced, imported templates). Parts travel with
 * the file, so the data survives closing and reopening the workbook; they are no sheet the user
 * could edit by mistake.
 */

export const MARKS_NAMESPACE = "urn:sverka:marks:1";
export const TEMPLATES_NAMESPACE = "urn:sverka:templates:1";
export const CONSOLIDATION_NAMESPACE = "urn:sverka:consolidation:1";

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** The XML of a part holding `json` under `namespace`. */
export function jsonPartXml(namespace: string, json: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sverka xmlns="${namespace}">${escapeXml(json)}</sverka>`;
}

/** The JSON text inside a part written by `jsonPartXml` (null when the XML is not one). */
export function jsonFromPartXml(xml: string): string | null {
  const m = /<sverka\b[^>]*>([\s\S]*)<\/sverka>\s*$/.exec(xml);
  return m ? unescapeXml(m[1]) : null;
}

/** Queues loading the ids of the parts in `namespace`; read `.items` after a sync. */
export function partsIn(context: Excel.RequestContext, namespace: string): Excel.CustomXmlPartScopedCollection {
  return context.workbook.customXmlParts.getByNamespace(namespace).load("items/id");
}

/** Queues reading the XML of each part; read `.value` after a sync. */
export function partXmls(parts: Excel.CustomXmlPartScopedCollection): OfficeExtension.ClientResult<string>[] {
  return parts.items.map((p) => p.getXml());
}

/** Queues replacing every part of `namespace` with one holding `json` (or none when null). */
export function replaceParts(
  context: Excel.RequestContext,
  parts: Excel.CustomXmlPartScopedCollection,
  namespace: string,
  json: string | null,
): void {
  for (const p of parts.items) p.delete();
  if (json !== null) context.workbook.customXmlParts.add(jsonPartXml(namespace, json));
}
