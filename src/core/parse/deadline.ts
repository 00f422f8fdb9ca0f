/**
 * Parser for the free-text Russian deadlines («Сроки») of plan-graphs.
 *
 * A deadline becomes a sorted list of inclusive date intervals and/or a recognised recurring
 * term. The parser works in four steps:
 *  1. recurring/open phrases («ежегодно», «по плану», «не реже одного раза в квартал» …) are
 *     recognised on the folded text and cut out;
 *  2. the rest is tokenised (months, numbers, numeric dates, dashes, separators, words);
 *  3. tokens become date units (month, day, quarter, half-year, year group, school year, date)
 *     joined by operators (range dash, «с … по …», «до …»), and the units become items whose
 *     missing years are taken from a later year in the same group («Март, август 2023»);
 *  4. items are resolved to intervals; items without any year recur in every year of the
 *     project period (one school year: September–December in its first year, January–August in
 *     its second).
 * Anything that looks like a broken date (an impossible numeric date, a misspelt month, a stray
 * number) makes the deadline "unparsed" with a Russian explanation. The parser never throws.
 */
import { formatDateRu, isCellError, type CellValue } from "../model/sheet";
import { daysInMonth, excelSerialToDate, isoDate, isValidIsoDate, toIsoDate, type IsoDate } from "../model/dates";
import { foldText } from "../text/normalize";
import { looksLikeMisspeltMonth, matchMonth } from "./months";

export interface DeadlinePeriod {
  start: IsoDate;
  end: IsoDate;
  schoolYear: boolean;
}

/** Inclusive interval of calendar days. */
export interface DateInterval {
  start: IsoDate;
  end: IsoDate;
}

export type RecurringTerm =
  | "annually"
  | "permanent"
  | "half_yearly"
  | "quarterly"
  | "monthly"
  | "during_year"
  | "whole_period"
  | "by_plan"
  | "by_schedule"
  | "after_event"
  | "on_request"
  | "times_per_year"
  | "period_end";

export interface Deadline {
  /** The original text (or the formatted date / number). */
  text: string;
  kind: "dated" | "recurring" | "unparsed";
  /** Sorted by start; empty for pure recurring and unparsed deadlines. */
  intervals: DateInterval[];
  /** Present when the text names a recurring/open term (may coexist with intervals). */
  recurring?: RecurringTerm;
  /** «До 05 апреля 2023 г.» style: each interval is a single end date. */
  byDate?: boolean;
  /** Russian explanation when kind === "unparsed". */
  problem?: string;
}

/** The end of the last interval (the latest end date), or null when there is none. */
export function lastDate(d: Deadline): IsoDate | null {
  let best: IsoDate | null = null;
  for (const iv of d.intervals) if (best === null || iv.end > best) best = iv.end;
  return best;
}

/** Parse a deadline cell. Never throws. */
export function parseDeadline(value: CellValue, period: DeadlinePeriod): Deadline {
  try {
    return parseValue(value, period);
  } catch {
    // A safety net only: every branch below is meant to return normally.
    const text = safeText(value);
    return unparsed(text, `не удалось распознать срок: "${displayText(text)}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Cell values

function parseValue(value: CellValue, period: DeadlinePeriod): Deadline {
  if (value === null || value === undefined) return unparsed("", "срок не указан");
  if (typeof value === "string") return parseText(value, period);
  if (typeof value === "boolean") {
    const t = value ? "ИСТИНА" : "ЛОЖЬ";
    return unparsed(t, `вместо срока указано логическое значение ${t}`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return unparsed("", "в ячейке срока недопустимая дата");
    const iso = toIsoDate(value);
    const text = formatDateRu(value);
    if (!isValidIsoDate(iso)) return unparsed(text, `недопустимая дата в сроке: "${text}"`);
    return dated(text, [{ start: iso, end: iso }]);
  }
  if (typeof value === "number") return parseNumber(value);
  if (isCellError(value)) {
    const code = typeof value.error === "string" ? value.error : String(value.error);
    return unparsed(code, `в ячейке срока ошибка ${code}`);
  }
  const text = safeText(value);
  return unparsed(text, `не удалось распознать срок: "${displayText(text)}"`);
}

function parseNumber(n: number): Deadline {
  const text = String(n);
  if (!Number.isFinite(n)) return unparsed(text, `число ${text} не является сроком`);
  if (Number.isInteger(n) && n >= 1990 && n <= 2100) {
    return dated(text, [{ start: isoDate(n, 1, 1), end: isoDate(n, 12, 31) }]);
  }
  if (n >= 30000 && n < 80000) {
    const d = excelSerialToDate(Math.floor(n));
    const iso = toIsoDate(d);
    return dated(formatDateRu(d), [{ start: iso, end: iso }]);
  }
  return unparsed(text, `число ${text} не похоже ни на дату, ни на год`);
}

function safeText(value: unknown): string {
  try {
    if (typeof value === "string") return value;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatDateRu(value);
    if (typeof value === "object" && value !== null && "error" in value) {
      return String((value as { error: unknown }).error);
    }
    return String(value);
  } catch {
    return "";
  }
}

/** The text as it is quoted in messages: whitespace (line breaks too) collapsed. */
function displayText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function unparsed(text: string, problem: string): Deadline {
  return { text, kind: "unparsed", intervals: [], problem };
}

function dated(text: string, intervals: DateInterval[]): Deadline {
  return { text, kind: "dated", intervals };
}

// ---------------------------------------------------------------------------------------------
// Recurring and open terms

/** Priority when a text names several terms: the most specific one wins. */
const TERM_PRIORITY: readonly RecurringTerm[] = [
  "after_event",
  "on_request",
  "by_schedule",
  "by_plan",
  "times_per_year",
  "half_yearly",
  "quarterly",
  "monthly",
  "annually",
  "permanent",
  "whole_period",
  "during_year",
  "period_end",
];

interface PhraseRule {
  readonly re: RegExp;
  readonly term: RecurringTerm | ((m: RegExpExecArray) => RecurringTerm);
}

/** A regular expression matching whole words only (Cyrillic-aware boundaries). */
function words(src: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`, "gu");
}

const TECH = "в течени[еи]";
const COUNT_WORDS =
  "один|одного|одному|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести|несколько|нескольких";

function timesTerm(m: RegExpExecArray): RecurringTerm {
  const count = (m[1] ?? "").trim();
  const unit = m[2] ?? "";
  if (unit.startsWith("полугод")) return "half_yearly";
  if (unit.startsWith("квартал") || unit.startsWith("четверт") || unit.startsWith("триместр")) return "quarterly";
  if (unit.startsWith("месяц")) return "monthly";
  if (unit.startsWith("недел") || unit.startsWith("день")) return "permanent";
  const once = count === "" || count === "1" || count === "один" || count === "одного" || count === "одному";
  return once ? "annually" : "times_per_year";
}

/** Ordered: longer and more specific phrases first, since matches are cut out of the text. */
const PHRASES: readonly PhraseRule[] = [
  {
    re: words(
      `(?:не (?:позднее|позже)|${TECH}|через) \\d+ (?:(?:рабочих|календарных) )?(?:дн\\p{L}*|недел\\p{L}*|месяц\\p{L}*)`,
    ),
    term: "after_event",
  },
  {
    re: words(
      `(?:после|по итогам|по факту|по окончании|по завершении) (?:проведения|мероприяти\\p{L}*|события|событий)`,
    ),
    term: "after_event",
  },
  {
    re: words(
      "(?:по итогам|по окончании|по завершении|в конце|на конец|к концу|к окончанию) (?:реализации )?(?:проекта|программы|периода|срока)(?: реализации)?(?: (?:проекта|программы))?",
    ),
    term: "period_end",
  },
  { re: words("по (?:заявк|запрос|требовани|обращени)\\p{L}*"), term: "on_request" },
  { re: words("по мере (?:необходимост|поступлени|потребност|готовност)\\p{L}*"), term: "on_request" },
  { re: words("(?:при|по) необходимости|по согласованию"), term: "on_request" },
  { re: words("(?:по|согласно|в соответствии с) (?:\\p{L}+ )?график\\p{L}*"), term: "by_schedule" },
  { re: words("(?:по|согласно|в соответствии с) (?:\\p{L}+ )?план(?:у|ам|ами|ах|ом|а|ы)?"), term: "by_plan" },
  {
    re: words(
      `(?:не (?:реже|менее|более|чаще) )?(?:(\\d+(?: ?- ?\\d+)?|${COUNT_WORDS}) )?раза? в (учебный год|год|полугодие|квартал|четверть|триместр|месяц|неделю|день)`,
    ),
    term: timesTerm,
  },
  { re: words("по полугодиям|ежеполугодн\\p{L}*|каждое полугодие"), term: "half_yearly" },
  {
    re: words("(?:в конце|по итогам|по окончании|по завершении) (?:каждого )?полугоди(?:я|й)"),
    term: "half_yearly",
  },
  { re: words("ежеквартальн\\p{L}*|поквартальн\\p{L}*|по кварталам|каждый квартал|по четвертям"), term: "quarterly" },
  {
    re: words("(?:в конце|по итогам|по окончании) (?:каждого |каждой )?(?:квартал(?:а|ов)|четверт(?:и|ей))"),
    term: "quarterly",
  },
  { re: words("(?:до |к )?\\d{1,2} числа(?: (?:каждого )?месяца)?"), term: "monthly" },
  {
    re: words("ежемесячн\\p{L}*|помесячн\\p{L}*|каждый месяц|(?:в конце|по итогам) (?:каждого )?месяца"),
    term: "monthly",
  },
  {
    re: words(
      `(?:(?:${TECH}|на протяжении|в ходе|на) )?(?:всего|весь) (?:период\\p{L}*|срок\\p{L}*)(?: (?:реализации|действия))?(?: (?:проекта|программы|плана))?`,
    ),
    term: "whole_period",
  },
  {
    re: words(
      `(?:${TECH}|в ходе|в период|на период|на протяжении|в рамках) (?:срока |периода )?реализации(?: (?:проекта|программы|плана))?`,
    ),
    term: "whole_period",
  },
  { re: words(`${TECH} (?:проекта|программы)`), term: "whole_period" },
  {
    re: words(`${TECH} (?:всего |текущего )?(?:учебного |календарного |уч\\. ?)?(?:года|г\\.)|круглогодичн\\p{L}*`),
    term: "during_year",
  },
  {
    re: words(
      "ежегодн\\p{L}*|каждый (?:учебный )?год|каждого (?:учебного )?года|(?:в конце|по итогам|по окончании) (?:каждого )?(?:учебного |календарного )?года",
    ),
    term: "annually",
  },
  {
    re: words(
      "постоянн\\p{L}*|систематическ\\p{L}*|регулярн\\p{L}*|еженедельн\\p{L}*|ежедневн\\p{L}*|непрерывн\\p{L}*",
    ),
    term: "permanent",
  },
];

/** A bare «период»/«весь период» making up the whole text. */
const BARE_PERIOD = /^(?:весь |всего )?период\p{L}*$/u;
/** «в течение» followed by something else («В течение 2023, 2024 гг.»). */
const BARE_DURING = words(TECH);

interface PhraseScan {
  readonly rest: string;
  readonly terms: Set<RecurringTerm>;
  readonly bareDuring: boolean;
}

function scanPhrases(folded: string): PhraseScan {
  const terms = new Set<RecurringTerm>();
  let rest = folded;
  const trimmedWhole = folded.replace(/[\s.,;:()-]+/g, " ").trim();
  if (BARE_PERIOD.test(trimmedWhole)) {
    terms.add("whole_period");
    return { rest: "", terms, bareDuring: false };
  }
  for (const rule of PHRASES) {
    rule.re.lastIndex = 0;
    let out = "";
    let pos = 0;
    for (let m = rule.re.exec(rest); m !== null; m = rule.re.exec(rest)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      terms.add(typeof rule.term === "function" ? rule.term(m) : rule.term);
      out += `${rest.slice(pos, m.index)} , `;
      pos = m.index + m[0].length;
    }
    rest = out + rest.slice(pos);
  }
  BARE_DURING.lastIndex = 0;
  const bareDuring = BARE_DURING.test(rest);
  BARE_DURING.lastIndex = 0;
  rest = rest.replace(BARE_DURING, " ");
  return { rest, terms, bareDuring };
}

function pickTerm(terms: ReadonlySet<RecurringTerm>): RecurringTerm | undefined {
  for (const t of TERM_PRIORITY) if (terms.has(t)) return t;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Tok =
  | { readonly t: "month"; readonly m: number; readonly raw: string }
  | { readonly t: "num"; readonly n: number; readonly raw: string }
  | { readonly t: "date"; readonly y: number; readonly m: number; readonly d: number; readonly raw: string }
  | { readonly t: "monthYear"; readonly y: number; readonly m: number; readonly raw: string }
  | { readonly t: "word"; readonly w: string }
  | { readonly t: "dash" }
  | { readonly t: "slash" }
  | { readonly t: "sep"; readonly ch: string };

const TOKEN_RE =
  /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(\d{1,2})([./-])(\d{1,2})\5(\d{4}|\d{2})(?!\d)|(\d{1,2})\.(\d{4})(?!\d)|(\d+)|(\p{L}+\.?)|(-)|(\/)|([,:;()[\]{}.!?])|(\s+)|([\s\S])/uy;

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let guard = 0;
  while (TOKEN_RE.lastIndex < s.length && guard++ < 100000) {
    const start = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(s);
    if (!m) break;
    if (TOKEN_RE.lastIndex === start) TOKEN_RE.lastIndex = start + 1;
    if (m[1] !== undefined) {
      out.push({ t: "date", y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), raw: m[0] });
    } else if (m[4] !== undefined) {
      const yRaw = m[7] ?? "";
      let y = Number(yRaw);
      if (yRaw.length === 2) y += y >= 70 ? 1900 : 2000;
      out.push({ t: "date", y, m: Number(m[6]), d: Number(m[4]), raw: m[0] });
    } else if (m[8] !== undefined) {
      out.push({ t: "monthYear", y: Number(m[9]), m: Number(m[8]), raw: m[0] });
    } else if (m[10] !== undefined) {
      out.push({ t: "num", n: Number(m[10]), raw: m[10] });
    } else if (m[11] !== undefined) {
      const w = m[11];
      const month = matchMonth(w);
      if (month !== null) out.push({ t: "month", m: month, raw: w });
      else out.push({ t: "word", w });
    } else if (m[12] !== undefined) {
      out.push({ t: "dash" });
    } else if (m[13] !== undefined) {
      out.push({ t: "slash" });
    } else if (m[14] !== undefined) {
      out.push({ t: "sep", ch: m[14] });
    }
    // whitespace and other characters (quotes, №, …) are dropped
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Units and parts

type YearGroup =
  | { readonly kind: "list"; readonly years: readonly number[] }
  | { readonly kind: "range"; readonly from: number; readonly to: number }
  | { readonly kind: "school"; readonly from: number; readonly to: number };

/** A unit whose position within a year is known but whose year may be missing. */
type FloatingUnit =
  | { readonly k: "month"; readonly m: number; years: number[] | null }
  | { readonly k: "day"; readonly d: number; readonly m: number; years: number[] | null }
  | { readonly k: "quarter"; readonly q: number; years: number[] | null }
  | { readonly k: "half"; readonly h: number; years: number[] | null };

type FixedUnit = { readonly k: "date"; readonly iso: IsoDate } | { readonly k: "years"; readonly group: YearGroup };

type Unit = FloatingUnit | FixedUnit;

type Part =
  | { readonly p: "unit"; readonly u: Unit }
  | { readonly p: "dash" }
  | { readonly p: "soft" }
  | { readonly p: "hard" }
  | { readonly p: "until" }
  | { readonly p: "from" }
  | { readonly p: "to" }
  | { readonly p: "filler" };

const YEAR_WORDS = new Set(["г", "г.", "гг", "гг.", "год", "года", "годы", "годов", "году", "годах", "лет"]);
const SCHOOL_WORDS = /^(?:учебн\p{L}*\.?|уч\.?)$/u;
/** Words that carry no meaning for the dates and keep units adjacent. */
const SILENT_WORDS = new Set([
  "в",
  "во",
  "на",
  "течение",
  "течении",
  "включительно",
  "конца",
  "окончания",
  "срок",
  "сроки",
  "месяц",
  "месяца",
  "мес",
  "мес.",
  "года.",
  "календарного",
  "календарный",
  "текущего",
  "следующего",
]);
const SOFT_WORDS = new Set(["и", "или", "а", "также", "либо"]);
const HARD_WORDS = new Set(["далее", "затем", "потом", "после"]);
const ROMAN: ReadonlyMap<string, number> = new Map([
  ["i", 1],
  ["і", 1],
  ["ii", 2],
  ["іі", 2],
  ["iii", 3],
  ["ііі", 3],
  ["iv", 4],
  ["іv", 4],
]);
const ORDINALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^перв\p{L}*$/u, 1],
  [/^втор\p{L}*$/u, 2],
  [/^трет\p{L}*$/u, 3],
  [/^четверт(?:ый|ого|ом|ому|ая|ое)$/u, 4],
];
const QUARTER_WORD = /^(?:квартал\p{L}*|кв\.?)$/u;
const HALF_WORD = /^полугоди\p{L}*$/u;

interface Scan {
  readonly parts: Part[];
  readonly problems: string[];
}

function isYearNum(tok: Tok | undefined): tok is { t: "num"; n: number; raw: string } {
  return tok !== undefined && tok.t === "num" && tok.raw.length === 4 && tok.n >= 1900 && tok.n <= 2100;
}

function isYearWord(tok: Tok | undefined): boolean {
  return tok !== undefined && tok.t === "word" && YEAR_WORDS.has(tok.w);
}

function ordinalOf(tok: Tok | undefined): number | null {
  if (!tok) return null;
  if (tok.t === "num" && tok.n >= 1 && tok.n <= 4 && tok.raw.length === 1) return tok.n;
  if (tok.t !== "word") return null;
  const w = tok.w.endsWith(".") ? tok.w.slice(0, -1) : tok.w;
  const roman = ROMAN.get(w);
  if (roman !== undefined) return roman;
  for (const [re, n] of ORDINALS) if (re.test(w)) return n;
  return null;
}

function isQuarterWord(tok: Tok | undefined): boolean {
  return tok !== undefined && tok.t === "word" && QUARTER_WORD.test(tok.w);
}

function isHalfWord(tok: Tok | undefined): boolean {
  return tok !== undefined && tok.t === "word" && HALF_WORD.test(tok.w);
}

class UnitScanner {
  readonly parts: Part[] = [];
  readonly problems: string[] = [];
  private i = 0;

  constructor(private readonly toks: readonly Tok[]) {}

  scan(): Scan {
    while (this.i < this.toks.length) this.step();
    return { parts: this.parts, problems: this.problems };
  }

  private tok(k: number): Tok | undefined {
    return this.toks[k];
  }

  private skipYearWords(j: number): number {
    let k = j;
    while (isYearWord(this.tok(k))) k++;
    return k;
  }

  /** A year, a list «2023, 2024 гг.», a range «2020-2022 г.г.» or a school year «2020-2021 учебный год». */
  private readYearGroup(j: number): { group: YearGroup; next: number } | null {
    const first = this.tok(j);
    if (!isYearNum(first)) return null;
    const y1 = first.n;
    let k = this.skipYearWords(j + 1);
    const sepTok = this.tok(k);
    const second = this.tok(k + 1);
    if ((sepTok?.t === "dash" || sepTok?.t === "slash") && second?.t === "num") {
      let y2: number | null = null;
      if (isYearNum(second)) y2 = second.n;
      else if (second.raw.length === 2 && this.tok(k + 2)?.t !== "month") {
        // «2020/21», «2020-21 гг.», but not «2020 – 21 мая 2021»
        const candidate = Math.floor(y1 / 100) * 100 + second.n;
        if (candidate > y1) y2 = candidate;
      }
      if (y2 !== null) {
        k = this.skipYearWords(k + 2);
        if (y2 < y1) this.problems.push(`годы указаны в обратном порядке: ${y1}–${y2}`);
        const lo = Math.min(y1, y2);
        const hi = Math.max(y1, y2);
        const school = this.readSchoolMarker(k);
        if (school !== null) return { group: { kind: "school", from: lo, to: hi === lo ? lo + 1 : hi }, next: school };
        return { group: { kind: "range", from: lo, to: hi }, next: k };
      }
    }
    const years = [y1];
    for (;;) {
      const s = this.tok(k);
      const isListSep = (s?.t === "sep" && s.ch === ",") || (s?.t === "word" && s.w === "и");
      const next = this.tok(k + 1);
      if (!isListSep || !isYearNum(next)) break;
      // «2023, 2024 - …» keeps the list; a following month after the year starts a new unit anyway.
      years.push(next.n);
      k = this.skipYearWords(k + 2);
    }
    return { group: { kind: "list", years }, next: k };
  }

  /** «учебный год», «уч. г.», «учебного года» after a year range: returns the index after it. */
  private readSchoolMarker(j: number): number | null {
    const t = this.tok(j);
    if (t?.t !== "word" || !SCHOOL_WORDS.test(t.w)) return null;
    const k = this.skipYearWords(j + 1);
    return k > j + 1 ? k : null;
  }

  private emit(u: Unit): void {
    this.parts.push({ p: "unit", u });
  }

  /** Years written right after a month/day/quarter/half. */
  private yearsAfter(j: number, month: number): { years: number[] | null; next: number } {
    const g = this.readYearGroup(j);
    if (!g) return { years: null, next: j };
    return { years: expandGroup(g.group, month), next: g.next };
  }

  private step(): void {
    const t = this.toks[this.i];
    if (!t) {
      this.i++;
      return;
    }
    switch (t.t) {
      case "month": {
        const { years, next } = this.yearsAfter(this.i + 1, t.m);
        this.emit({ k: "month", m: t.m, years });
        this.i = next;
        return;
      }
      case "date": {
        this.i++;
        if (t.m < 1 || t.m > 12 || t.d < 1 || t.d > daysInMonth(t.y, t.m) || t.y < 1900 || t.y > 2100) {
          this.problems.push(`несуществующая дата «${t.raw}»`);
          this.parts.push({ p: "filler" });
          return;
        }
        this.emit({ k: "date", iso: isoDate(t.y, t.m, t.d) });
        this.i = this.skipYearWords(this.i);
        return;
      }
      case "monthYear": {
        this.i++;
        if (t.m < 1 || t.m > 12 || t.y < 1900 || t.y > 2100) {
          this.problems.push(`непонятная дата «${t.raw}»`);
          this.parts.push({ p: "filler" });
          return;
        }
        this.emit({ k: "month", m: t.m, years: [t.y] });
        this.i = this.skipYearWords(this.i);
        return;
      }
      case "num":
        this.number(t);
        return;
      case "word":
        this.word(t.w);
        return;
      case "dash":
        this.parts.push({ p: "dash" });
        this.i++;
        return;
      case "slash":
        this.parts.push({ p: "soft" });
        this.i++;
        return;
      case "sep":
        this.parts.push({ p: t.ch === ";" || t.ch === "!" || t.ch === "?" ? "hard" : "soft" });
        this.i++;
        return;
    }
  }

  private number(t: { n: number; raw: string }): void {
    const i = this.i;
    const next = this.tok(i + 1);
    // Day + month: «15 марта 2023 г.»
    if (t.n >= 1 && t.n <= 31 && t.raw.length <= 2 && next?.t === "month") {
      const { years, next: after } = this.yearsAfter(i + 2, next.m);
      this.emit({ k: "day", d: t.n, m: next.m, years });
      this.i = after;
      return;
    }
    // Day range in one month: «15-20 марта 2023», «с 1 по 15 сентября»
    const n2 = this.tok(i + 2);
    const n3 = this.tok(i + 3);
    const rangeSep = next?.t === "dash" || (next?.t === "word" && next.w === "по");
    if (
      t.n >= 1 &&
      t.n <= 31 &&
      t.raw.length <= 2 &&
      rangeSep &&
      n2?.t === "num" &&
      n2.n >= 1 &&
      n2.n <= 31 &&
      n2.raw.length <= 2 &&
      n3?.t === "month"
    ) {
      const { years, next: after } = this.yearsAfter(i + 4, n3.m);
      this.emit({ k: "day", d: t.n, m: n3.m, years: years ? [...years] : null });
      this.parts.push({ p: "dash" });
      this.emit({ k: "day", d: n2.n, m: n3.m, years });
      this.i = after;
      return;
    }
    // Quarter / half-year: «1 кв. 2023», «2 полугодие»
    const ord = ordinalOf(this.tok(i));
    if (ord !== null && (isQuarterWord(next) || (ord <= 2 && isHalfWord(next)))) {
      this.periodUnit(ord, isQuarterWord(next), i + 2);
      return;
    }
    // Duration «2 года (2023 – 2024 гг.)»
    if (t.n >= 1 && t.n < 100 && t.raw.length <= 2 && next?.t === "word" && /^(?:год|года|лет)$/.test(next.w)) {
      this.parts.push({ p: "filler" });
      this.i = i + 2;
      return;
    }
    const g = this.readYearGroup(i);
    if (g) {
      this.emit({ k: "years", group: g.group });
      this.i = g.next;
      return;
    }
    this.problems.push(`непонятное число «${t.raw}»`);
    this.parts.push({ p: "filler" });
    this.i = i + 1;
  }

  private periodUnit(ord: number, quarter: boolean, afterWord: number): void {
    const anchorMonth = quarter ? ord * 3 - 2 : ord * 6 - 5;
    const { years, next } = this.yearsAfter(afterWord, anchorMonth);
    this.emit(quarter ? { k: "quarter", q: ord, years } : { k: "half", h: ord, years });
    this.i = next;
  }

  private word(w: string): void {
    const i = this.i;
    const next = this.tok(i + 1);
    const ord = ordinalOf(this.tok(i));
    if (ord !== null && (isQuarterWord(next) || (ord <= 2 && isHalfWord(next)))) {
      this.periodUnit(ord, isQuarterWord(next), i + 2);
      return;
    }
    this.i = i + 1;
    const bare = w.endsWith(".") ? w.slice(0, -1) : w;
    if (bare === "до" || bare === "к" || bare === "ко") {
      this.parts.push({ p: "until" });
      return;
    }
    if (bare === "не") {
      const n = this.tok(i + 1);
      if (n?.t === "word" && (n.w === "позднее" || n.w === "позже")) {
        this.parts.push({ p: "until" });
        this.i = i + 2;
        return;
      }
      this.parts.push({ p: "filler" });
      return;
    }
    if (bare === "с" || bare === "со" || bare === "от") {
      this.parts.push({ p: "from" });
      return;
    }
    if (bare === "по") {
      this.parts.push({ p: "to" });
      return;
    }
    if (SOFT_WORDS.has(bare)) {
      this.parts.push({ p: "soft" });
      return;
    }
    if (HARD_WORDS.has(bare)) {
      this.parts.push({ p: "hard" });
      return;
    }
    if (
      YEAR_WORDS.has(w) ||
      YEAR_WORDS.has(bare) ||
      SCHOOL_WORDS.test(w) ||
      SILENT_WORDS.has(w) ||
      SILENT_WORDS.has(bare)
    ) {
      return;
    }
    if (looksLikeMisspeltMonth(bare)) this.problems.push(`непонятное слово «${bare}»`);
    this.parts.push({ p: "filler" });
  }
}

function expandGroup(g: YearGroup, month: number): number[] {
  switch (g.kind) {
    case "list":
      return [...g.years];
    case "range":
      return rangeList(g.from, g.to);
    case "school": {
      const out: number[] = [];
      for (let y = g.from; y < g.to && out.length < 300; y++) out.push(month >= 9 ? y : y + 1);
      return out;
    }
  }
}

function rangeList(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to && out.length < 300; y++) out.push(y);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Items: units joined into ranges, with years propagated backwards within a group

interface Item {
  a: Unit;
  b: Unit | null;
  byDate: boolean;
  /** Years taken from a later unit of the same group («Май, август 2021»). */
  attached: number[] | null;
}

function isFloating(u: Unit): u is FloatingUnit {
  return u.k === "month" || u.k === "day" || u.k === "quarter" || u.k === "half";
}

function itemHasYears(it: Item): boolean {
  if (it.attached) return true;
  const has = (u: Unit | null): boolean => u !== null && (!isFloating(u) || u.years !== null);
  return has(it.a) || has(it.b);
}

/** The years an item passes on to earlier year-less items of its group. */
function itemYears(it: Item): number[] {
  if (it.attached) return it.attached;
  const of = (u: Unit | null): number[] | null => {
    if (!u) return null;
    if (isFloating(u)) return u.years;
    if (u.k === "date") return [Number(u.iso.slice(0, 4))];
    const g = u.group;
    return g.kind === "list" ? [...g.years] : rangeList(g.from, g.to);
  };
  return of(it.a) ?? of(it.b) ?? [];
}

function buildItems(parts: readonly Part[]): Item[] {
  const items: Item[] = [];
  let pending: Item[] = [];
  let last: Item | null = null;
  let linkable = false; // the previous part was a unit of `last`
  let adjacent = false; // …and nothing at all came between
  let dash = false;
  let until = false;
  let from = false;
  let to = false;

  const settle = (it: Item): void => {
    if (itemHasYears(it)) {
      pending = pending.filter((p) => p !== it);
      const ys = itemYears(it);
      for (const p of pending) p.attached = [...ys];
      pending = [];
    } else if (!pending.includes(it)) {
      pending.push(it);
    }
  };

  for (const part of parts) {
    switch (part.p) {
      case "until":
        until = true;
        linkable = adjacent = dash = false;
        break;
      case "from":
        from = true;
        linkable = adjacent = dash = false;
        break;
      case "to":
        if (last && last.b === null && from) to = true;
        adjacent = false;
        break;
      case "dash":
        if (linkable && last && last.b === null) dash = true;
        adjacent = false;
        break;
      case "soft":
      case "filler":
        linkable = adjacent = dash = to = false;
        if (part.p === "filler") from = false;
        break;
      case "hard":
        linkable = adjacent = dash = to = from = until = false;
        pending = [];
        break;
      case "unit": {
        const u = part.u;
        if ((dash || to) && last && last.b === null) {
          last.b = u;
          dash = to = from = false;
          linkable = adjacent = false;
          settle(last);
          break;
        }
        if (
          adjacent &&
          last &&
          last.b === null &&
          !last.byDate &&
          last.a.k === "month" &&
          last.a.years === null &&
          !last.attached &&
          u.k === "month"
        ) {
          // «Декабрь январь»: two bare months side by side form a range.
          last.b = u;
          linkable = adjacent = false;
          settle(last);
          break;
        }
        if (u.k === "years" && !until && pending.length > 0 && !dash) {
          // «Сентябрь, 2021-2024», «август, 2021»: the years belong to the months before them.
          const ys = itemYears({ a: u, b: null, byDate: false, attached: null });
          for (const p of pending) p.attached = [...ys];
          pending = [];
          linkable = adjacent = false;
          break;
        }
        const it: Item = { a: u, b: null, byDate: until, attached: null };
        until = false;
        dash = to = false;
        items.push(it);
        last = it;
        linkable = adjacent = true;
        settle(it);
        break;
      }
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Resolution to intervals

type Span = readonly [IsoDate, IsoDate];

interface Ctx {
  readonly period: {
    readonly start: IsoDate;
    readonly end: IsoDate;
    readonly startY: number;
    readonly endY: number;
  } | null;
  readonly schoolYear: boolean;
  readonly problems: string[];
}

function floatingSpan(u: FloatingUnit, y: number): Span | null {
  switch (u.k) {
    case "month":
      return [isoDate(y, u.m, 1), isoDate(y, u.m, daysInMonth(y, u.m))];
    case "day": {
      if (u.d > daysInMonth(y, u.m)) return null;
      const d = isoDate(y, u.m, u.d);
      return [d, d];
    }
    case "quarter": {
      const m2 = u.q * 3;
      return [isoDate(y, m2 - 2, 1), isoDate(y, m2, daysInMonth(y, m2))];
    }
    case "half": {
      const m2 = u.h * 6;
      return [isoDate(y, m2 - 5, 1), isoDate(y, m2, daysInMonth(y, m2))];
    }
  }
}

function fixedSpans(u: FixedUnit): Span[] {
  if (u.k === "date") return [[u.iso, u.iso]];
  const g = u.group;
  switch (g.kind) {
    case "list":
      return g.years.map((y): Span => [isoDate(y, 1, 1), isoDate(y, 12, 31)]);
    case "range":
      return [[isoDate(g.from, 1, 1), isoDate(g.to, 12, 31)]];
    case "school":
      return [[isoDate(g.from, 9, 1), isoDate(g.to, 8, 31)]];
  }
}

/** Month-and-day position (mmdd) of a floating unit's start or end, for cross-year ranges. */
function mdKey(u: FloatingUnit, which: "start" | "end"): number {
  switch (u.k) {
    case "month":
      return u.m * 100 + (which === "start" ? 1 : 31);
    case "day":
      return u.m * 100 + u.d;
    case "quarter":
      return which === "start" ? (u.q * 3 - 2) * 100 + 1 : u.q * 300 + 31;
    case "half":
      return which === "start" ? (u.h * 6 - 5) * 100 + 1 : u.h * 600 + 31;
  }
}

function crossesYear(a: FloatingUnit, b: FloatingUnit): boolean {
  return mdKey(b, "end") < mdKey(a, "start");
}

function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

function dayNumber(iso: IsoDate): number {
  return Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000,
  );
}

function badDay(u: FloatingUnit, ctx: Ctx): void {
  if (u.k === "day") ctx.problems.push(`несуществующая дата «${u.d}.${String(u.m).padStart(2, "0")}»`);
}

/** Spans of an item for a given year assignment; null marks an impossible date. */
function spanFor(a: FloatingUnit, ya: number, b: FloatingUnit | null, yb: number, ctx: Ctx): Span | null {
  const sa = floatingSpan(a, ya);
  if (!sa) {
    badDay(a, ctx);
    return null;
  }
  if (!b) return sa;
  const sb = floatingSpan(b, yb);
  if (!sb) {
    badDay(b, ctx);
    return null;
  }
  return [sa[0], sb[1]];
}

/** Every occurrence of a year-less item inside the project period. */
function occurrences(a: FloatingUnit, b: FloatingUnit | null, byDate: boolean, ctx: Ctx): Span[] {
  const p = ctx.period;
  if (!p) {
    ctx.problems.push("не указан год, а период проекта не задан");
    return [];
  }
  // One school year: the half-years are the school's (September–December, January–May).
  if (ctx.schoolYear && !b && a.k === "half") {
    const s: Span =
      a.h === 1
        ? [isoDate(p.startY, 9, 1), isoDate(p.startY, 12, 31)]
        : [isoDate(p.endY, 1, 1), isoDate(p.endY, 5, 31)];
    return [byDate ? [s[1], s[1]] : s];
  }
  const cross = b !== null && crossesYear(a, b);
  const found: { span: Span; overlap: number }[] = [];
  let firstValid: Span | null = null;
  for (let y = p.startY - 1; y <= p.endY && y <= p.startY + 400; y++) {
    const raw = spanFor(a, y, b, cross ? y + 1 : y, { ...ctx, problems: [] });
    if (!raw) continue;
    const s: Span = byDate ? [raw[1], raw[1]] : raw;
    if (firstValid === null && yearOf(s[0]) >= p.startY) firstValid = s;
    const lo = s[0] > p.start ? s[0] : p.start;
    const hi = s[1] < p.end ? s[1] : p.end;
    if (lo <= hi) found.push({ span: [lo, hi], overlap: dayNumber(hi) - dayNumber(lo) + 1 });
  }
  if (found.length === 0) {
    // The term does not occur in the period: report it in the period's first year (the plan
    // checks will flag it as outside the period), or as an impossible date.
    if (firstValid) return [firstValid];
    const probe = spanFor(a, p.startY, b, cross ? p.startY + 1 : p.startY, ctx);
    return probe ? [probe] : [];
  }
  if (ctx.schoolYear && found.length > 1) {
    let best = found[0];
    for (const f of found) if (best === undefined || f.overlap > best.overlap) best = f;
    return best ? [best.span] : [];
  }
  return found.map((f) => f.span);
}

function resolveItem(it: Item, ctx: Ctx): Span[] {
  const spans = resolveItemSpans(it, ctx);
  const out: Span[] = [];
  for (const s of spans) {
    const v: Span = it.byDate ? [s[1], s[1]] : s;
    if (v[0] > v[1]) {
      ctx.problems.push("конец срока раньше начала");
      continue;
    }
    out.push(v);
  }
  return out;
}

function resolveItemSpans(it: Item, ctx: Ctx): Span[] {
  const { a, b } = it;
  if (!b) {
    if (!isFloating(a)) return fixedSpans(a);
    const ys = a.years ?? it.attached;
    if (!ys) return occurrences(a, null, it.byDate, ctx);
    const out: Span[] = [];
    for (const y of ys) {
      const s = spanFor(a, y, null, y, ctx);
      if (s) out.push(s);
    }
    return out;
  }
  // Range a – b
  if (!isFloating(a) && !isFloating(b)) {
    const sa = fixedSpans(a);
    const sb = fixedSpans(b);
    const first = sa[0];
    const lastB = sb[sb.length - 1];
    return first && lastB ? [[first[0], lastB[1]]] : [];
  }
  if (!isFloating(a) && isFloating(b)) {
    const first = fixedSpans(a)[0];
    if (!first) return [];
    let yb: number;
    if (b.years && b.years.length > 0) yb = b.years[b.years.length - 1] ?? yearOf(first[1]);
    else {
      yb = yearOf(first[1]);
      const probe = floatingSpan(b, yb);
      if (probe && probe[1] < first[0]) yb += 1;
    }
    const sb = floatingSpan(b, yb);
    if (!sb) {
      badDay(b, ctx);
      return [];
    }
    return [[first[0], sb[1]]];
  }
  if (isFloating(a) && !isFloating(b)) {
    const sb = fixedSpans(b);
    const lastB = sb[sb.length - 1];
    if (!lastB) return [];
    let ya: number;
    if (a.years && a.years.length > 0) ya = a.years[0] ?? yearOf(lastB[0]);
    else {
      ya = yearOf(lastB[0]);
      const probe = floatingSpan(a, ya);
      if (probe && probe[0] > lastB[1]) ya -= 1;
    }
    const sa = floatingSpan(a, ya);
    if (!sa) {
      badDay(a, ctx);
      return [];
    }
    return [[sa[0], lastB[1]]];
  }
  // Both floating
  const fa = a as FloatingUnit;
  const fb = b as FloatingUnit;
  const cross = crossesYear(fa, fb);
  const ya = fa.years;
  const yb = fb.years ?? (ya === null ? it.attached : null);
  if (ya && yb) {
    const s = spanFor(fa, ya[0] ?? 0, fb, yb[yb.length - 1] ?? 0, ctx);
    return s ? [s] : [];
  }
  if (yb) {
    const out: Span[] = [];
    for (const y of yb) {
      const s = spanFor(fa, cross ? y - 1 : y, fb, y, ctx);
      if (s) out.push(s);
    }
    return out;
  }
  if (ya) {
    const out: Span[] = [];
    for (const y of ya) {
      const s = spanFor(fa, y, fb, cross ? y + 1 : y, ctx);
      if (s) out.push(s);
    }
    return out;
  }
  return occurrences(fa, fb, it.byDate, ctx);
}

function periodContext(period: DeadlinePeriod, problems: string[]): Ctx {
  const ok =
    period !== null &&
    typeof period === "object" &&
    typeof period.start === "string" &&
    typeof period.end === "string" &&
    isValidIsoDate(period.start) &&
    isValidIsoDate(period.end) &&
    period.start <= period.end;
  return {
    period: ok
      ? { start: period.start, end: period.end, startY: yearOf(period.start), endY: yearOf(period.end) }
      : null,
    schoolYear: ok ? period.schoolYear === true : false,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Text

function parseText(text: string, period: DeadlinePeriod): Deadline {
  const shown = displayText(text);
  if (shown === "") return unparsed(text, "срок не указан");
  const folded = foldText(text)
    .replace(/["'«»„“”‟‘’‚‛`´]/g, " ")
    // «1-й», «2-ое», «3-го» → the number
    .replace(/(\d)-(?:й|е|ое|ый|ой|го|ого|м|ом)(?![\p{L}])/gu, "$1")
    // «до конца года» is the 31st of December of every year of the period
    .replace(/(?<![\p{L}])(?:до|к) (?:конца|окончания) (?:текущего |календарного )?года(?![\p{L}])/gu, "до 31 декабря");
  const { rest, terms, bareDuring } = scanPhrases(folded);
  const { parts, problems } = new UnitScanner(tokenize(rest)).scan();
  const items = buildItems(parts);
  const ctx = periodContext(period, problems);

  const spans: Span[] = [];
  for (const it of items) spans.push(...resolveItem(it, ctx));

  if (problems.length > 0) {
    return unparsed(text, `не удалось распознать срок: "${shown}" (${unique(problems).join("; ")})`);
  }

  const intervals = normalizeSpans(spans);
  const byDate = items.some((it) => it.byDate);
  if (intervals.length > 0 && bareDuring && terms.size === 0) terms.add("during_year");
  const recurring = pickTerm(terms);
  if (intervals.length > 0) {
    const d: Deadline = { text, kind: "dated", intervals };
    if (recurring) d.recurring = recurring;
    if (byDate) d.byDate = true;
    return d;
  }
  if (recurring) return { text, kind: "recurring", intervals: [], recurring };
  return unparsed(text, `не удалось распознать срок: "${shown}"`);
}

function normalizeSpans(spans: readonly Span[]): DateInterval[] {
  const sorted = [...spans].sort((x, y) =>
    x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0,
  );
  const out: DateInterval[] = [];
  for (const [start, end] of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === start && prev.end === end) continue;
    out.push({ start, end });
  }
  return out;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
