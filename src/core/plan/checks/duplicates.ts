/** DUPLICATE_ROW: the same task text twice in one section. */
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

export const duplicatesCheck: PlanCheck = {
  id: "duplicates",
  codes: ["DUPLICATE_ROW"],
  start(ctx) {
    // Task keys by section, as nested maps: a «section|key» string per row would be a new string to
    // build and hash on each of 100k rows.
    const seen = new Map<number, Map<string, number>>();
    return {
      row(r, activity) {
        const task = r.texts.task;
        if (!activity || !task) return;
        const key = taskKey(task);
        let inSection = seen.get(r.section);
        if (!inSection) seen.set(r.section, (inSection = new Map()));
        const first = inSection.get(key);
        if (first !== undefined) ctx.report("DUPLICATE_ROW", r, "task", { task, first_row: first });
        else inSection.set(key, r.row);
      },
    };
  },
};
