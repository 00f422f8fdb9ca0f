/** Yes/no cells: «да», «нет», «+», «-», «1», «0», TRUE/FALSE, «истина»/«ложь» in any case. */
import { memoizeText } from "../text/memo";
import { isCellError, type CellValue } from "../model/sheet";
import { foldText } from "../text/normalize";

const YES = new Set(["да", "+", "1", "истина", "true", "yes", "д"]);
const NO = new Set(["нет", "-", "0", "ложь", "false", "no", "н"]);

/** true / false; null for an empty cell; "invalid" for anything else (including formula errors and dates). */
export function parseYesNo(v: CellValue): boolean | null | "invalid" {
  if (v === null) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : "invalid";
  if (v instanceof Date || isCellError(v)) return "invalid";
  return parsedYesNoText(v);
}

/** Parsed texts, memoised (a column holds a handful of distinct ones). */
const parsedYesNoText = memoizeText(parseYesNoText);

function parseYesNoText(v: string): boolean | null | "invalid" {
  const t = foldText(v);
  if (t === "") return null;
  if (YES.has(t) || NO.has(t)) return YES.has(t);
  // «Да.», «нет!», «"да"»: drop surrounding punctuation, but keep a lone «+» / «-».
  const core = t.replace(/^[\s"'«»„“”.,;:!?()]+|[\s"'«»„“”.,;:!?()]+$/gu, "");
  if (YES.has(core)) return true;
  if (NO.has(core)) return false;
  return "invalid";
}

/** «да» / «нет» for messages. */
export function yesNoText(b: boolean): string {
  return b ? "да" : "нет";
}
