/** A workbook as a plain grid: what `writeGrid.ts` writes (the samples and test workbooks are such grids). */

/**
 * A cell of a sample grid. `{ error }` is a formula cell whose cached result is an Excel error
 * (e.g. `{ error: "#DIV/0!" }`), written as a formula so that the file looks as Excel saved it.
 */
export type SampleCell = string | number | boolean | Date | { error: string; formula?: string } | null;

export interface SampleSheet {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  name: string;
  /** rows[r][c] is worksheet row r+1, column c+1. Use "\n" inside a string for a line break within a cell. */
  rows: SampleCell[][];
  /** Merged ranges in A1 notation, e.g. "A1:E1". */
  merges?: string[];
  /** Column widths in characters, by column index. */
  widths?: number[];
  /** Visibility of the sheet tab; absent = visible. */
  state?: "visible" | "hidden" | "veryHidden";
}

export interface SampleWorkbook {
  /** File name, e.g. "uchitel-uchitelyu-2020.plan.xlsx". */
  file: string;
  sheets: SampleSheet[];
}
