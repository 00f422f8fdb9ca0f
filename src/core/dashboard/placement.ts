/**
 * Where Sverka's sheets go in a workbook (both hosts use it). A sheet of the same name that Sverka
 * does not own belongs to the user and is never touched: the layout's sheet then goes to
 * «Дашборд (2)» (or (3) …, shortened to Excel's 31 characters). A sheet Sverka owns is reused.
 * References inside formulas, links, defined names and chart ranges use the quoted logical names
 * (`'Дашборд'!`), which `renamer` rewrites to the names the sheets really got.
 */
import { quoteSheetName } from "../model/address";
import type { SheetRole } from "./types";

/** Excel's limit on sheet names. */
export const MAX_SHEET_NAME = 31;

export interface SheetToPlace {
  /** Logical name («Дашборд», «Отчёт ФЛК», «_sverka_calc»). */
  name: string;
  role?: SheetRole;
}

export interface PlacedSheet {
  logical: string;
  actual: string;
  role?: SheetRole;
}

export interface Placement {
  /** In the order given. */
  sheets: PlacedSheet[];
  /** Logical name → actual name. */
  names: Map<string, string>;
  /** The sheets that could not keep their logical name. */
  renamed: PlacedSheet[];
  /** Rewrites `'Logical'!` references to the actual names. */
  rewrite: (s: string) => string;
}

function lower(s: string): string {
  return s.toLocaleLowerCase("ru");
}

/**
 * Names for `sheets` in a workbook whose sheets are `existing`, of which Sverka owns `owned`
 * (compared without case, as Excel compares sheet names).
 */
export function placeSheets(
  sheets: readonly SheetToPlace[],
  existing: readonly string[],
  owned: readonly string[],
): Placement {
  const ownedSet = new Set(owned.map(lower));
  const claimed = new Set<string>();
  const names = new Map<string, string>();
  const placed: PlacedSheet[] = [];
  for (const sheet of sheets) {
    let name = sheet.name;
    for (let k = 2; ; k++) {
      const ex = existing.find((e) => lower(e) === lower(name));
      if (!claimed.has(lower(name)) && (ex === undefined || ownedSet.has(lower(ex)))) break;
      const suffix = ` (${k})`;
      name = `${sheet.name.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    claimed.add(lower(name));
    names.set(sheet.name, name);
    placed.push({ logical: sheet.name, actual: name, ...(sheet.role ? { role: sheet.role } : {}) });
  }
  return {
    sheets: placed,
    names,
    renamed: placed.filter((p) => p.actual !== p.logical),
    rewrite: renamer(names),
  };
}

/** Rewrites `'Logical'!` references to the names the sheets really got. */
export function renamer(names: ReadonlyMap<string, string>): (s: string) => string {
  const pairs = [...names].filter(([from, to]) => from !== to);
  if (!pairs.length) return (s) => s;
  return (s) => {
    let out = s;
    for (const [from, to] of pairs) out = out.split(`${quoteSheetName(from)}!`).join(`${quoteSheetName(to)}!`);
    return out;
  };
}
