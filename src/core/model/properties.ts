/**
 * Sverka's key/value properties of a workbook: custom document properties, and the rows A:B of a
 * very hidden `_sverka` sheet (written by tools that use ExcelJS, which cannot write custom
 * properties). Custom properties win on a clash. Both hosts read them the same way.
 */
import { cellText, type SheetData } from "./sheet";

/** The name of the sheet that carries Sverka's own key/value properties in ExcelJS-written files. */
export const PROPERTIES_SHEET = "_sverka";

/** Key/value rows A:B of a properties sheet. */
export function sheetProperties(sheet: SheetData | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!sheet) return out;
  for (const row of sheet.rows) {
    const key = cellText(row[0] ?? null);
    if (key !== "") out[key] = cellText(row[1] ?? null);
  }
  return out;
}

/** The workbook's properties: the `_sverka` sheet's rows, overridden by custom document properties. */
export function workbookProperties(
  sheets: readonly SheetData[],
  custom: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  return { ...sheetProperties(sheets.find((s) => s.name === PROPERTIES_SHEET)), ...(custom ?? {}) };
}
