/**
 * Numbers as schools write them: real numbers, numbers stored as text, a decimal comma («12,5»),
 * a percent sign («90 %», «90%»), thousands separated by spaces, non-breaking or narrow
 * non-breaking spaces («1 050»), any minus sign («−5»).
 */
import { formatDateRu, isCellError, type CellValue } from "../model/sheet";

export type ParsedNumber =
  | { ok: true; value: number; percent: boolean }
  /** An empty cell (or only spaces): not an error by itself. */
  | { ok: false; empty: true; reason: string }
  /** A value that is not a number; `error` carries an Excel error such as `#DIV/0!`. */
  | { ok: false; empty: false; reason: string; error?: string };

const SPACE = "[ \\u00A0\\u2007\\u2009\\u202F]";
const MINUS = /^[-\u2212\u2012\u2013\u2014\uFE63\uFF0D]/u;
/** 1050 · 1 050 · 1 050,5 · 12.5 · ,5 is not accepted */
const BODY = new RegExp(`^(?:\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:[.,]\\d+)?$`, "u");

/** Excel error values typed or pasted as text (English and Russian Excel). */
const ERROR_TEXT =
  /^#(?:DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|ДЕЛ\/0!|ССЫЛКА!|ЗНАЧ!|Н\/Д|ИМЯ\?|ЧИСЛО!|ПУСТО!)$/iu;

/** Parse a number from a cell. Never throws. */
export function parseNumber(v: CellValue): ParsedNumber {
  if (v === null) return { ok: false, empty: true, reason: "пустая ячейка" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, empty: false, reason: `не число (${String(v)})` };
    return { ok: true, value: v, percent: false };
  }
  if (typeof v === "boolean")
    return { ok: false, empty: false, reason: `логическое значение ${v ? "ИСТИНА" : "ЛОЖЬ"}` };
  if (v instanceof Date) return { ok: false, empty: false, reason: `дата ${formatDateRu(v)}` };
  if (isCellError(v)) return { ok: false, empty: false, reason: `ошибка формулы ${v.error}`, error: v.error };
  return parseNumberText(v);
}

function parseNumberText(raw: string): ParsedNumber {
  let s = raw
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+$/u, "")
    .replace(/^[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/u, "");
  if (s === "") return { ok: false, empty: true, reason: "пустая ячейка" };
  if (ERROR_TEXT.test(s)) return { ok: false, empty: false, reason: `ошибка формулы ${s}`, error: s };
  let percent = false;
  const pm = /^(.*?)[\s\u00A0\u2009\u202F]*%$/su.exec(s);
  if (pm) {
    percent = true;
    s = pm[1];
  }
  let sign = 1;
  if (MINUS.test(s)) {
    sign = -1;
    s = s.slice(1).replace(/^[\s\u00A0\u2009\u202F]+/u, "");
  } else if (s.startsWith("+")) s = s.slice(1).replace(/^[\s\u00A0\u2009\u202F]+/u, "");
  if (!BODY.test(s)) return { ok: false, empty: false, reason: `текст «${raw.trim()}»` };
  const value = sign * Number(s.replace(/[ \u00A0\u2007\u2009\u202F]/gu, "").replace(",", "."));
  if (!Number.isFinite(value)) return { ok: false, empty: false, reason: `текст «${raw.trim()}»` };
  return { ok: true, value: value === 0 ? 0 : value, percent };
}

/** The Excel errors a formula cell can show (English and Russian Excel). */
export const FORMULA_ERRORS = ["#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!"] as const;

/** The Excel error text of a cell (an error value, or the same text typed as a string), else null. */
export function formulaError(v: CellValue): string | null {
  if (isCellError(v)) return v.error;
  // Every text cell passes here (school names, procedures): only text with «#» can be an error.
  if (typeof v === "string" && v.includes("#")) {
    const r = parseNumberText(v);
    if (!r.ok && !r.empty && r.error) return r.error;
  }
  return null;
}
