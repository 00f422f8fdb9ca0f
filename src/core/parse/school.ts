/**
 * School names as different people write them: «МБОУ "СОШ №1 с.Соколовка"» and
 * «СОШ № 1 с. Соколовка» are the same school. `schoolKey` folds a name to a matching key;
 * `nearestSchool` finds the closest registered name for suggestions.
 */
import { foldText } from "../text/normalize";

/** The full organisational-legal form: adjectives, then «учреждение»/«организация» («муниципальное бюджетное общеобразовательное учреждение»). */
const FULL_FORM = /^(?:\p{L}+(?:ое|ая) ){1,5}(?:учреждение|организация)(?: дополнительного образования)? /u;

/** Abbreviated forms: МБОУ, МКОУ, МАОУ, МОУ, ГБОУ, ГОУ, ЧОУ, НОУ, КГБОУ, МБУ ДО, МБОУ ДО … */
const ABBREVIATIONS = new Set([
  "мбоу",
  "мкоу",
  "маоу",
  "моу",
  "гбоу",
  "гоу",
  "гкоу",
  "гаоу",
  "кгбоу",
  "кгкоу",
  "кгоу",
  "огбоу",
  "огоу",
  "чоу",
  "ноу",
  "аноо",
  "мбу",
  "мау",
  "мку",
  "мбудо",
  "маудо",
  "мкудо",
  "мбоудо",
  "маоудо",
  "мкоудо",
  "гбу",
  "гбудо",
  "мбоу до",
  "маоу до",
  "мкоу до",
  "моу до",
  "мбу до",
  "мау до",
  "мку до",
  "гбу до",
]);

/** Common long school types and their abbreviations. */
const SCHOOL_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/(?<=^| )средняя общеобразовательная школа(?= |$)/gu, "сош"],
  [/(?<=^| )основная общеобразовательная школа(?= |$)/gu, "оош"],
  [/(?<=^| )начальная общеобразовательная школа(?= |$)/gu, "нош"],
  [/(?<=^| )средняя школа(?= |$)/gu, "сш"],
  [/(?<=^| )основная школа(?= |$)/gu, "ош"],
  [/(?<=^| )начальная школа(?= |$)/gu, "нш"],
];

function stripLegalForm(s: string): string {
  let out = s;
  for (let i = 0; i < 3; i++) {
    const before = out;
    out = out.replace(FULL_FORM, "");
    const two = /^(\S+ \S+) /u.exec(out);
    const one = /^(\S+) /u.exec(out);
    if (two && ABBREVIATIONS.has(two[1])) out = out.slice(two[0].length);
    else if (one && ABBREVIATIONS.has(one[1])) out = out.slice(one[0].length);
    if (out === before) break;
  }
  return out;
}

/**
 * Matching key of a school name: lower case, «ё»→«е», quotes and punctuation removed («с.Соколовка»
 * and «с. Соколовка» agree), «№» dropped («СОШ №1», «СОШ № 1», «СОШ 1» agree), long school types abbreviated («средняя
 * общеобразовательная школа» → «сош»), and the organisational-legal prefix («МБОУ»,
 * «муниципальное бюджетное общеобразовательное учреждение», «МБОУ ДО») removed.
 */
export function schoolKey(name: string): string {
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const key = schoolKeyUncached(name);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 20000;

function schoolKeyUncached(name: string): string {
  let s = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/(\p{L})(?=\d)/gu, "$1 ")
    .replace(/(\d)(?=\p{L})/gu, "$1 ")
    .replace(/(?<=^| )n (?=\d)/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  for (const [re, abbr] of SCHOOL_TYPES) s = s.replace(re, abbr);
  const stripped = stripLegalForm(s + " ").trim();
  return stripped || s;
}

/** Levenshtein distance, O(|a|·|b|) time and O(|b|) memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Largest edit distance still worth suggesting: a third of the longer key, at least 2. */
export function closeEnough(distance: number, a: string, b: string): boolean {
  return distance <= Math.max(2, Math.floor(Math.max(a.length, b.length) / 3));
}

export interface KeyedName {
  name: string;
  key: string;
}

/**
 * The registered name closest to `name` (Levenshtein on keys), or null when none is reasonably
 * close. An exact key match returns that name. Ties go to the first in registry order.
 */
export function nearestSchool(name: string, registry: readonly string[]): string | null {
  return nearestByKey(
    schoolKey(name),
    registry.map((r) => ({ name: r, key: schoolKey(r) })),
  );
}

function numbersOf(key: string): string {
  return (key.match(/\d+/g) ?? []).join(" ");
}

/**
 * `nearestSchool` over precomputed keys (for many look-ups against one registry). A number in
 * the name («№ 2») weighs more than letters: registered names with the same numbers are tried first.
 */
export function nearestByKey(key: string, registry: readonly KeyedName[]): string | null {
  if (!key) return null;
  const nums = numbersOf(key);
  if (nums) {
    const same = registry.filter((r) => numbersOf(r.key) === nums);
    const hit = same.length ? pickNearest(key, same) : null;
    if (hit) return hit;
  }
  return pickNearest(key, registry);
}

function pickNearest(key: string, registry: readonly KeyedName[]): string | null {
  let best: { entry: KeyedName; d: number } | null = null;
  for (const entry of registry) {
    const d = levenshtein(key, entry.key);
    if (!best || d < best.d) best = { entry, d };
    if (d === 0) break;
  }
  if (!best) return null;
  if (closeEnough(best.d, key, best.entry.key)) return best.entry.name;
  // A name written shorter or longer than registered («СОШ №7» for «СОШ №7 п. Хор») still suggests it when unique.
  const containing = registry.filter(
    (r) =>
      Math.min(r.key.length, key.length) >= 5 &&
      (` ${r.key} `.includes(` ${key} `) || ` ${key} `.includes(` ${r.key} `)),
  );
  return containing.length === 1 ? containing[0].name : null;
}
