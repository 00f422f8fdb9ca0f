/** DUPLICATE_ROW: the same task text twice in one section. */
import type { PlanRow } from "../rows";
import type { PlanCheck } from "./check";

/**
 * Separators of task keys: white space (as `\s`), punctuation, quotes, dashes and slashes. A table,
 * not a regular expression: this runs on each of 100k rows, and a replace over every run of
 * separators costs several times more than one pass over the characters.
 */
const TASK_SEPARATOR = (() => {
  const table = new Uint8Array(65536);
  for (const ch of " \t\n\v\f\r.,;:!?()[]{}\"'«»„“”-–—/\\") table[ch.charCodeAt(0)] = 1;
  for (const code of [0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) table[code] = 1;
  for (let code = 0x2000; code <= 0x200a; code++) table[code] = 1;
  return table;
})();

/**
 * Key for DUPLICATE_ROW: case, «ё», punctuation and spacing do not make a task different. Lower
 * case, every run of separators one space, none at the ends, «ё» → «е».
 */
export function taskKey(task: string): string {
  const low = task.toLowerCase();
  const key = isSpacedWords(low) ? low : joinWords(low);
  return key.includes("ё") ? key.replace(/ё/g, "е") : key;
}

/** The text is already words separated by single spaces, nothing at its ends: its own key. */
function isSpacedWords(low: string): boolean {
  const last = low.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = low.charCodeAt(i);
    if (TASK_SEPARATOR[c] && (c !== 32 || i === 0 || i === last || TASK_SEPARATOR[low.charCodeAt(i + 1)])) return false;
  }
  return true;
}

/** The words of `low` (runs of non-separators) joined by single spaces, without an array of them. */
function joinWords(low: string): string {
  let key = "";
  let words = 0;
  let start = -1;
  for (let i = 0; i < low.length; i++) {
    if (TASK_SEPARATOR[low.charCodeAt(i)]) {
      if (start >= 0) key = words++ ? `${key} ${low.slice(start, i)}` : low.slice(start, i);
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) key = words ? `${key} ${low.slice(start)}` : low.slice(start);
  return key;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** A key's hash, character by character (the same as `taskHash` of any task with this key). */
export function keyHash(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h & 0x3fffffff;
}

/**
 * `keyHash(taskKey(task))` without building the key (100k-row plans: a lower-cased copy and a
 * joined key per row were most of this check). Letters are lower-cased here for ASCII and Cyrillic
 * (as `toLowerCase` does, «ё» → «е»); any other character outside the separators takes the way
 * through `taskKey`.
 */
export function taskHash(task: string): number {
  let h = FNV_OFFSET;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < task.length; i++) {
    let c = task.charCodeAt(i);
    if (TASK_SEPARATOR[c]) {
      inWord = false;
      continue;
    }
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
    } else if (c >= 0x410 && c <= 0x42f) c += 32;
    else if (c === 0x401 || c === 0x451) c = 0x435;
    else if (c >= 0x400 && c <= 0x40f) c += 0x50;
    else if (c < 0x430 || c > 0x45f) return keyHash(taskKey(task));
    if (!inWord) {
      if (words++) h = Math.imul(h ^ 32, FNV_PRIME);
      inWord = true;
    }
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h & 0x3fffffff;
}

export const duplicatesCheck: PlanCheck = {
  id: "duplicates",
  codes: ["DUPLICATE_ROW"],
  start(ctx) {
    // The first row of each task key in the current section, by the key's hash (a row per hash,
    // or the rows of different keys with one hash): keys are built only to confirm a hit. A
    // section's rows follow one another, so only the current section's tasks are kept.
    const seen = new Map<number, PlanRow | PlanRow[]>();
    let section = -1;
    const sameTask = (a: PlanRow, task: string): boolean => taskKey(a.texts.task ?? "") === taskKey(task);
    return {
      row(r, activity) {
        const task = r.texts.task;
        if (!activity || !task) return;
        if (r.section !== section) {
          seen.clear();
          section = r.section;
        }
        const h = taskHash(task);
        const known = seen.get(h);
        let first: PlanRow | undefined;
        if (known === undefined) seen.set(h, r);
        else if (!Array.isArray(known)) {
          if (sameTask(known, task)) first = known;
          else seen.set(h, [known, r]);
        } else {
          first = known.find((k) => sameTask(k, task));
          if (!first) known.push(r);
        }
        if (first) ctx.report("DUPLICATE_ROW", r, "task", { task, first_row: first.row });
      },
    };
  },
};
