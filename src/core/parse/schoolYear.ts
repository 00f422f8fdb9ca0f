/** School years («2021/2022») and calendar years («2022 г.») in monitoring cells. */
import { memoizeText } from "../text/memo";
import { formatDateRu, isCellError, type CellValue } from "../model/sheet";
import { foldText } from "../text/normalize";

export type ParsedSchoolYear =
  | { ok: true; value: string; start: number }
  | {
      ok: false;
      empty: boolean;
      reason: string;
      error?: string;
      /** The two years of a school year whose years are not consecutive («2021/2023»). */
      years?: readonly [number, number];
    };
export type ParsedYear = { ok: true; value: number } | { ok: false; empty: boolean; reason: string; error?: string };

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function notText(v: Exclude<CellValue, string>): { ok: false; empty: boolean; reason: string; error?: string } {
  if (v === null) return { ok: false, empty: true, reason: "пустая ячейка" };
  if (isCellError(v)) return { ok: false, empty: false, reason: `ошибка формулы ${v.error}`, error: v.error };
  if (v instanceof Date) return { ok: false, empty: false, reason: `дата ${formatDateRu(v)}` };
  if (typeof v === "boolean")
    return { ok: false, empty: false, reason: `логическое значение ${v ? "ИСТИНА" : "ЛОЖЬ"}` };
  return { ok: false, empty: false, reason: `число ${v}` };
}

/** Drop «уч. год», «учебный год», «г.», «гг.», «год» after the years. */
function stripYearWords(t: string): string {
  return t
    .replace(/\s*(?:уч\.?\s*|учебн\S*\s*)?(?:г\.?\s*г\.?|гг\.?|годы|года|год|г\.?)\s*$/u, "")
    .replace(/\s*(?:уч\.?|учебный)\s*$/u, "")
    .trim();
}

function fullYear(s: string, first?: number): number {
  if (s.length === 4) return Number(s);
  // Two digits: «2021/22» → the century of the first year; «21/22» → 20xx.
  const century = first !== undefined ? Math.floor(first / 100) * 100 : 2000;
  return century + Number(s);
}

/**
 * «2021/2022», «2021-2022», «2021/22», «2021–2022 уч. год», «2021 / 2022» → «2021/2022».
 * Years that do not follow each other («2021/2023») are rejected.
 */
export function parseSchoolYear(v: CellValue): ParsedSchoolYear {
  if (typeof v !== "string") return notText(v);
  // Thousands of rows repeat a few school years: each text is parsed once (results are shared, never mutated).
  return schoolYearText(v);
}

/** Parsed school-year texts, memoised. */
const schoolYearText = memoizeText(parseSchoolYearText);

function parseSchoolYearText(v: string): ParsedSchoolYear {
  const t = stripYearWords(foldText(v));
  if (t === "") return { ok: false, empty: true, reason: "пустая ячейка" };
  const m = /^(\d{4}|\d{2})\s*[/\\\-.,]\s*(\d{4}|\d{2})$/u.exec(t);
  if (!m) return { ok: false, empty: false, reason: `текст «${v.trim()}»` };
  const a = fullYear(m[1]);
  const b = fullYear(m[2], a);
  if (a < MIN_YEAR || a > MAX_YEAR) return { ok: false, empty: false, reason: `год ${a} вне допустимого диапазона` };
  if (b !== a + 1) return { ok: false, empty: false, reason: `годы ${a} и ${b} идут не подряд`, years: [a, b] };
  return { ok: true, value: `${a}/${b}`, start: a };
}

/** Results of the years as numbers (at most MAX_YEAR − MIN_YEAR + 1 of them). */
const yearResults = new Map<number, ParsedYear>();

/** 2022, «2022», «2022 г.», «2022 год» → 2022. */
export function parseYear(v: CellValue): ParsedYear {
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) {
      // One shared result per year: a sheet repeats a few years on every row.
      let known = yearResults.get(v);
      if (!known) yearResults.set(v, (known = { ok: true, value: v }));
      return known;
    }
    return { ok: false, empty: false, reason: `число ${v} — не год` };
  }
  if (typeof v !== "string") return notText(v);
  const t = stripYearWords(foldText(v));
  if (t === "") return { ok: false, empty: true, reason: "пустая ячейка" };
  const m = /^(\d{4})$/u.exec(t);
  if (!m) return { ok: false, empty: false, reason: `текст «${v.trim()}»` };
  const y = Number(m[1]);
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, empty: false, reason: `год ${y} вне допустимого диапазона` };
  return { ok: true, value: y };
}
