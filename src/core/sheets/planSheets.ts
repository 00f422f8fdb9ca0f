/** Finding a template's plan sheets in a workbook: by header fit, then by sheet name. */
import type { SheetData, WorkbookData } from "../model/sheet";
import type { PlanSheetSpec, Template } from "../template/schema";
import { foldText } from "../text/normalize";
import { findHeader, type HeaderMatch } from "./header";

/** Sheets Sverka writes itself; never checked as data. */
export const SVERKA_SHEETS = ["Дашборд", "Отчёт ФЛК", "_sverka"];

/** Workbook property (in the `_sverka` sheet) listing, as a JSON array, the sheets Sverka wrote. */
export const OWNED_SHEETS_PROPERTY = "sverka.sheets";

/**
 * Which sheets of this workbook are Sverka's own: its `_sverka…` sheets always; «Дашборд»,
 * «Отчёт ФЛК» and the like only when the workbook lists them under `sverka.sheets` (Sverka's
 * writers always do). A user's own «Дашборд» is checked like any other sheet.
 */
/** The sheet names a `sverka.sheets` value lists (a JSON array of strings; anything else lists none). */
export function ownedSheetList(raw: string): string[] {
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function sverkaSheetTest(wb: WorkbookData): (name: string) => boolean {
  const raw = wb.properties?.[OWNED_SHEETS_PROPERTY];
  const owned = raw === undefined ? null : new Set(ownedSheetList(raw));
  return (name) => foldText(name).startsWith("_sverka") || (owned !== null && owned.has(name));
}

export function isSverkaSheet(name: string): boolean {
  const n = foldText(name);
  return SVERKA_SHEETS.some((s) => foldText(s) === n || n.startsWith(foldText(s) + " (")) || n.startsWith("_sverka");
}

export interface PlanSheetMatch {
  spec: PlanSheetSpec;
  header: HeaderMatch;
  /** Fit score: higher is better. */
  score: number;
}

const CORE_PLAN_IDS = ["no", "task", "due", "owner", "result"];

function layoutOrderScore(header: HeaderMatch, spec: PlanSheetSpec): number {
  const layout = (spec.layout ?? spec.columns.map((c) => c.id)).filter((id) => id in header.columns);
  let ok = 0;
  let all = 0;
  for (let i = 0; i < layout.length; i++)
    for (let j = i + 1; j < layout.length; j++) {
      all++;
      if (header.columns[layout[i]] < header.columns[layout[j]]) ok++;
    }
  return all ? ok / all : 0;
}

/** The plan spec of the template that fits a sheet best, or null when the sheet is no plan. */
export function matchPlanSheet(sheet: SheetData, template: Template): PlanSheetMatch | null {
  let best: PlanSheetMatch | null = null;
  const sheetName = foldText(sheet.name);
  for (const spec of template.plans) {
    const header = findHeader(sheet, spec.columns, { minMatched: 3 });
    if (!header) continue;
    const core = CORE_PLAN_IDS.filter((id) => id in header.columns).length;
    if (core < 3 || !("task" in header.columns || "due" in header.columns)) continue;
    const requiredMissing = header.missing.filter((m) => m.required).length;
    const named = [spec.title, ...spec.sheetNames].some((n) => foldText(n) === sheetName) ? 1 : 0;
    const score =
      header.matched * 100 -
      requiredMissing * 30 +
      header.exact * 10 +
      layoutOrderScore(header, spec) * 20 +
      named * 50;
    if (!best || score > best.score) best = { spec, header, score };
  }
  return best;
}
