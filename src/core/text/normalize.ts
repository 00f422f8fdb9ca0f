/** Text normalisation shared by header matching, owner matching and school-name matching. */

const QUOTES = /["'«»„“”‟‘’‚‛`´]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

/** Lower case, «ё»→«е», all dashes → "-", all spaces (incl. non-breaking) → one space, trimmed. */
export function foldText(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").replace(DASHES, "-").replace(SPACES, " ").trim();
}

/** Remove text in parentheses (nested too) — «Ответственный исполнитель (наименование организации)». */
export function stripParentheses(s: string): string {
  let prev = s;
  for (;;) {
    const next = prev.replace(/\([^()]*\)/g, " ");
    if (next === prev) return next.replace(/[()]/g, " ");
    prev = next;
  }
}

/**
 * Key for matching headers: folded, parentheses removed, punctuation (incl. quotes, slashes,
 * dashes, «№») turned into spaces, spaces collapsed. «Ответственные/ участники» → «ответственные участники».
 */
export function headerKey(s: string): string {
  return foldText(stripParentheses(s))
    .replace(QUOTES, " ")
    .replace(/[^\p{L}\p{N}№]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Same as headerKey but keeps parentheses' content — for owner and title matching. */
export function wordsKey(s: string): string {
  return foldText(s)
    .replace(QUOTES, " ")
    .replace(/[^\p{L}\p{N}№]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when `needle` occurs in `haystack` as a whole-word sequence (both already keyed). */
export function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${haystack} `.includes(` ${needle} `);
}
