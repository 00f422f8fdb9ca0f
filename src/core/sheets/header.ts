/**
 * Header detection: the header row of a table is found, never assumed. Title rows above it,
 * a «1 2 3 4 5» numbering row under it, headers wrapped over lines, merged header cells,
 * columns in any order and extra columns are all expected.
 */
import type { ColumnSpec } from "../template/schema";
import { cellAt, cellText, type SheetData } from "../model/sheet";
import { memoizeText } from "../text/memo";
import { headerKey } from "../text/normalize";

export interface HeaderMatch {
  /** Worksheet row of the header. */
  headerRow: number;
  /** Row of a «1 2 3 4 5» numbering row under the header, if any. */
  numberingRow: number | null;
  /** First row after the header (and numbering row). */
  dataStartRow: number;
  /** Column id → 1-based worksheet column. */
  columns: Record<string, number>;
  /** Header text of each matched column, by id. */
  headers: Record<string, string>;
  /** Specs that were not found. */
  missing: ColumnSpec[];
  /** Columns with a header that matches no spec (kept and ignored). */
  extra: number[];
  /** Number of matched specs, of those matched exactly (not by prefix), and the share in spec order. */
  matched: number;
  exact: number;
  inOrder: number;
}

interface AliasKey {
  id: string;
  key: string;
}

export function aliasKeys(columns: readonly ColumnSpec[]): AliasKey[] {
  const out: AliasKey[] = [];
  for (const c of columns) {
    const keys = new Set([c.title, ...c.aliases].map(headerKey).filter((k) => k !== ""));
    for (const key of keys) out.push({ id: c.id, key });
  }
  // Longer aliases first, so «сроки реализации» wins over «сроки» on prefix matches.
  return out.sort((a, b) => b.key.length - a.key.length);
}

type TextMatch = { id: string; strength: 1 | 2 } | null;

/**
 * Template detection reads the top rows of every sheet once per template and plan spec: the same
 * cell texts are keyed again and again, so each distinct text is keyed once.
 */
const cachedHeaderKey = memoizeText(headerKey);

/** Match one header text: exact alias (strength 2) or alias followed by more words (strength 1). */
function matchHeaderText(text: string, keys: readonly AliasKey[]): TextMatch {
  const k = cachedHeaderKey(text);
  if (!k) return null;
  for (const a of keys) if (a.key === k) return { id: a.id, strength: 2 };
  for (const a of keys) if (k.startsWith(a.key + " ")) return { id: a.id, strength: 1 };
  return null;
}

/**
 * The header matching of a spec list, each distinct text matched once: the spec lists are the
 * templates' own (fixed), and the same header texts recur on every sheet and every call. Bounded
 * (`memoizeText`): a sheet's top rows may hold any text (school names, numbers).
 */
type HeaderMatcher = (text: string) => TextMatch;
const matchers = new WeakMap<readonly ColumnSpec[], HeaderMatcher>();

function matcherOf(specs: readonly ColumnSpec[]): HeaderMatcher {
  let m = matchers.get(specs);
  if (!m) {
    const keys = aliasKeys(specs);
    matchers.set(specs, (m = memoizeText((text) => matchHeaderText(text, keys))));
  }
  return m;
}

function rowMatch(sheet: SheetData, row: number, width: number, specs: readonly ColumnSpec[], match: HeaderMatcher) {
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const strength: Record<string, number> = {};
  const extra: number[] = [];
  for (let c = 1; c <= width; c++) {
    const t = cellText(cellAt(sheet, row, c));
    if (!t) continue;
    const m = match(t);
    if (!m) {
      extra.push(c);
      continue;
    }
    const prev = strength[m.id];
    if (prev === undefined || m.strength > prev) {
      if (prev !== undefined) extra.push(columns[m.id]);
      columns[m.id] = c;
      headers[m.id] = t;
      strength[m.id] = m.strength;
    } else {
      extra.push(c);
    }
  }
  const ids = Object.keys(columns);
  const order = specs.map((s) => s.id).filter((id) => id in columns);
  let inOrderPairs = 0;
  let pairs = 0;
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      pairs++;
      if (columns[order[i]] < columns[order[j]]) inOrderPairs++;
    }
  return {
    columns,
    headers,
    extra: extra.sort((a, b) => a - b),
    matched: ids.length,
    exact: ids.filter((id) => strength[id] === 2).length,
    inOrder: pairs ? inOrderPairs / pairs : 1,
  };
}

function isNumberingRow(sheet: SheetData, row: number, width: number): boolean {
  const nums: number[] = [];
  for (let c = 1; c <= width; c++) {
    const v = cellAt(sheet, row, c);
    const t = cellText(v);
    if (!t) continue;
    if (!/^\d{1,2}\.?$/.test(t)) return false;
    nums.push(Number.parseInt(t, 10));
  }
  if (nums.length < 3) return false;
  return nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

export interface FindHeaderOptions {
  /** How many rows from the top to scan for the header (default 40). */
  maxScanRows?: number;
  /** Least number of matched columns for a row to count as a header (default 3, or fewer specs). */
  minMatched?: number;
}

export function findHeader(
  sheet: SheetData,
  specs: readonly ColumnSpec[],
  opts: FindHeaderOptions = {},
): HeaderMatch | null {
  const match = matcherOf(specs);
  const last = Math.min(sheet.rows.length, opts.maxScanRows ?? 40);
  // Only the scanned rows and the one under them (a numbering row) are read: the width of those
  // rows, not of the whole sheet (a 92k-row sheet would be walked on every call).
  let width = 0;
  for (let r = 0; r <= last && r < sheet.rows.length; r++)
    if (sheet.rows[r].length > width) width = sheet.rows[r].length;
  const minMatched = opts.minMatched ?? Math.min(3, specs.length);
  let best: (ReturnType<typeof rowMatch> & { row: number }) | null = null;
  for (let r = 1; r <= last; r++) {
    const m = rowMatch(sheet, r, width, specs, match);
    if (m.matched < minMatched) continue;
    if (!best || m.matched * 10 + m.exact > best.matched * 10 + best.exact) best = { ...m, row: r };
  }
  if (!best) return null;
  const numberingRow = isNumberingRow(sheet, best.row + 1, width) ? best.row + 1 : null;
  return {
    headerRow: best.row,
    numberingRow,
    dataStartRow: (numberingRow ?? best.row) + 1,
    columns: best.columns,
    headers: best.headers,
    missing: specs.filter((s) => !(s.id in best.columns)),
    extra: best.extra,
    matched: best.matched,
    exact: best.exact,
    inOrder: best.inOrder,
  };
}
