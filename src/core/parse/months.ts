/**
 * Russian month names in every grammatical form and the usual abbreviations, plus a detector
 * for words that look like a misspelt month. All input is expected to be folded already
 * (lower case, «ё» → «е»; see `foldText`).
 */

/** Month number (1–12) by exact word form. */
const MONTH_FORMS: ReadonlyMap<string, number> = buildMonthForms();

/** Full month names (nominative, genitive, prepositional) used for misspelling detection. */
const FULL_FORMS: readonly string[] = [
  "январь",
  "января",
  "январе",
  "февраль",
  "февраля",
  "феврале",
  "март",
  "марта",
  "марте",
  "апрель",
  "апреля",
  "апреле",
  "май",
  "мая",
  "мае",
  "июнь",
  "июня",
  "июне",
  "июль",
  "июля",
  "июле",
  "август",
  "августа",
  "августе",
  "сентябрь",
  "сентября",
  "сентябре",
  "октябрь",
  "октября",
  "октябре",
  "ноябрь",
  "ноября",
  "ноябре",
  "декабрь",
  "декабря",
  "декабре",
];

/** Four-letter beginnings that only month names (and their derivatives) have. */
const MONTH_PREFIXES: readonly string[] = ["янва", "февр", "апре", "авгу", "сент", "октя", "нояб", "дека"];

function buildMonthForms(): Map<string, number> {
  const map = new Map<string, number>();
  // Soft-stem months: январ-ь/я/е/ю/ем.
  const soft: ReadonlyArray<readonly [string, number]> = [
    ["январ", 1],
    ["феврал", 2],
    ["апрел", 4],
    ["июн", 6],
    ["июл", 7],
    ["сентябр", 9],
    ["октябр", 10],
    ["ноябр", 11],
    ["декабр", 12],
  ];
  for (const [stem, m] of soft) {
    for (const end of ["ь", "я", "е", "ю", "ем"]) map.set(stem + end, m);
  }
  // Hard-stem months: март, август.
  const hard: ReadonlyArray<readonly [string, number]> = [
    ["март", 3],
    ["август", 8],
  ];
  for (const [stem, m] of hard) {
    for (const end of ["", "а", "е", "у", "ом"]) map.set(stem + end, m);
  }
  for (const form of ["май", "мая", "мае", "маю", "маем"]) map.set(form, 5);
  // Abbreviations (with or without a trailing period, which the caller strips).
  const abbr: ReadonlyArray<readonly [string, number]> = [
    ["янв", 1],
    ["фев", 2],
    ["февр", 2],
    ["мар", 3],
    ["апр", 4],
    ["июн", 6],
    ["июл", 7],
    ["авг", 8],
    ["сен", 9],
    ["сент", 9],
    ["сентяб", 9],
    ["окт", 10],
    ["ноя", 11],
    ["нояб", 11],
    ["дек", 12],
  ];
  for (const [form, m] of abbr) map.set(form, m);
  return map;
}

/** The month (1–12) a folded word names, or null. A trailing period is allowed («сент.»). */
export function matchMonth(word: string): number | null {
  const w = word.endsWith(".") ? word.slice(0, -1) : word;
  return MONTH_FORMS.get(w) ?? null;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * True when a folded word is not a month but looks like a misspelt one («сентяберь», «октябр»,
 * «ноябя»): close to a full month form, or starting like one.
 */
export function looksLikeMisspeltMonth(word: string): boolean {
  const w = word.endsWith(".") ? word.slice(0, -1) : word;
  if (w.length < 4 || w.length > 14 || !/^[а-я]+$/.test(w) || matchMonth(w) !== null) return false;
  if (w.length >= 5 && MONTH_PREFIXES.some((p) => w.startsWith(p))) return true;
  const limit = w.length >= 7 ? 2 : 1;
  if (w.length < 5) {
    // Short words: only a one-letter slip of a short month form («мартт», «июнь» → «июнъ»).
    return FULL_FORMS.some((f) => f.length >= 4 && editDistance(w, f, 1) <= 1 && w[0] === f[0]);
  }
  return FULL_FORMS.some((f) => f.length >= 4 && editDistance(w, f, limit) <= limit);
}
