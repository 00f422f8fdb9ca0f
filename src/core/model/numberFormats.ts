/** Classifying Excel number format codes: does a format show a date/time, or a percentage? */

export type FormatKind = "date" | "percent" | "other";

/** Removes the parts of a format code that never carry date or percent meaning. */
function significant(code: string): string {
  return code
    .replace(/"[^"]*"/g, "") // quoted literal text
    .replace(/\\./g, "") // escaped characters
    .replace(/[_*]./g, "") // padding and fill characters
    .replace(/\[(?:h+|m+|s+)\]/gi, "h") // elapsed time keeps its meaning
    .replace(/\[[^\]]*\]/g, ""); // colours, conditions, locales
}

function classifyUncached(code: string): FormatKind {
  if (!code || code === "General" || code === "@") return "other";
  const s = significant(code);
  // The first section decides for positive numbers, which is what dates and percentages are.
  const first = s.split(";")[0] ?? "";
  if (/[dmyhs]/i.test(first.replace(/general/gi, ""))) return "date";
  if (first.includes("%")) return "percent";
  return "other";
}

const cache = new Map<string, FormatKind>();

/** Classifies a number format code (cached: workbooks reuse a handful of codes). */
export function classifyFormat(code: string | undefined): FormatKind {
  if (code === undefined) return "other";
  let k = cache.get(code);
  if (k === undefined) {
    k = classifyUncached(code);
    if (cache.size < 10_000) cache.set(code, k);
  }
  return k;
}

export function isDateFormat(code: string | undefined): boolean {
  return classifyFormat(code) === "date";
}

export function isPercentFormat(code: string | undefined): boolean {
  return classifyFormat(code) === "percent";
}
