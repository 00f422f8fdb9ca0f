/**
 * Pseudo-localisation (script-lab's `fake.strings.ts` idea): every value wrapped in `[!! … !!]`
 * with its letters accented, placeholders kept. A view rendered with it shows at a glance (and a
 * test proves) that each visible text came through the dictionary.
 */
import type { Strings } from "./strings";

export const PSEUDO_OPEN = "[!! ";
export const PSEUDO_CLOSE = " !!]";

const ACCENTS: Record<string, string> = {
  a: "á",
  e: "é",
  i: "í",
  o: "ó",
  u: "ú",
  y: "ý",
  A: "Á",
  E: "É",
  I: "Í",
  O: "Ó",
  U: "Ú",
  а: "ӓ",
  о: "ӧ",
  е: "ё",
  и: "ӣ",
  у: "ӯ",
};

/** Accents the letters outside `{placeholders}`. */
function accent(text: string): string {
  return text
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? part : part.replace(/[aeiouyAEIOUаоеиу]/g, (c) => ACCENTS[c] ?? c)))
    .join("");
}

export function pseudoStrings(base: Strings): Strings {
  const out = {} as Strings;
  for (const key of Object.keys(base) as (keyof Strings)[]) out[key] = PSEUDO_OPEN + accent(base[key]) + PSEUDO_CLOSE;
  return out;
}

/** Whether a text shown in the UI is (formatted from) one pseudo value. */
export function isPseudo(text: string): boolean {
  return text.startsWith(PSEUDO_OPEN.trim()) && text.endsWith(PSEUDO_CLOSE.trim());
}
