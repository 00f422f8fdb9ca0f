/** Turn a sample grid into the core model directly (tests use it to skip the xlsx round trip). */
import { parseA1 } from "../src/core/model/address";
import type { SheetData, WorkbookData } from "../src/core/model/sheet";
import type { SampleSheet, SampleWorkbook } from "./types";

export function sampleSheetToSheetData(s: SampleSheet): SheetData {
  return {
    name: s.name,
    rows: s.rows.map((r) => r.map((v) => (v === undefined ? null : v))),
    merges: (s.merges ?? []).map((m) => {
      const [a, b] = m.split(":");
      const p = parseA1(a);
      const q = parseA1(b ?? a);
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    }),
  };
}

export function sampleToWorkbook(wb: SampleWorkbook): WorkbookData {
  return { name: wb.file, sheets: wb.sheets.map(sampleSheetToSheetData) };
}

/** A one-sheet workbook from a grid, for small tests. */
export function gridWorkbook(name: string, rows: SampleSheet["rows"], sheetName = "План"): WorkbookData {
  return sampleToWorkbook({ file: name, sheets: [{ name: sheetName, rows }] });
}
