/** Turn a sample grid into the core model directly (tests use it to skip the xlsx round trip). */
import { parseA1 } from "../src/core/model/address";
import type { CellValue, SheetData, WorkbookData } from "../src/core/model/sheet";
import type { SampleSheet, SampleWorkbook } from "./types";

export function sampleSheetToSheetData(s: SampleSheet): SheetData {
  return {
    name: s.name,
    hidden: s.state === "veryHidden" ? "very" : s.state === "hidden",
    rows: s.rows.map((r) => r.map((v): CellValue => (v === undefined || v === null ? null : typeof v === "object" && !(v instanceof Date) ? { error: v.error } : v))),
    merges: (s.merges ?? []).map((m) => {
      const [a, b] = m.split(":");
      const p = parseA1(a);
      const q = parseA1(b ?? a);
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    }),
  };
}

/** Like the xlsx reader, key/value rows of a `_sverka` sheet become workbook properties. */
export function sampleToWorkbook(wb: SampleWorkbook): WorkbookData {
  const properties: Record<string, string> = {};
  for (const s of wb.sheets.filter((x) => x.name === "_sverka"))
    for (const [k, v] of s.rows) if (typeof k === "string" && v !== null && v !== undefined) properties[k] = String(v);
  return { name: wb.file, sheets: wb.sheets.map(sampleSheetToSheetData), ...(Object.keys(properties).length ? { properties } : {}) };
}

/** A one-sheet workbook from a grid, for small tests. */
export function gridWorkbook(name: string, rows: SampleSheet["rows"], sheetName = "План"): WorkbookData {
  return sampleToWorkbook({ file: name, sheets: [{ name: sheetName, rows }] });
}
