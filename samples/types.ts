/** Sample workbooks are written as plain grids in TypeScript and turned into .xlsx by scripts/build-samples.ts. */

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
  /** File name under samples/, e.g. "uchitel-uchitelyu-2020.plan.xlsx". */
  file: string;
  sheets: SampleSheet[];
}

/** A defect that the sample really contains and the validator must report. */
export interface ExpectedIssue {
  code: string;
  sheet: string;
  /** Worksheet row (1-based) of the offending cell. */
  row: number;
  /** Why this is a defect, quoting the seed. */
  note: string;
}

/**
 * A sample written as bytes rather than as a grid (e.g. a blank template filled in). A module
 * under samples/<folder>/ exports `buildSamples(): Promise<BuiltSample[]>`; scripts/build-samples.ts
 * writes each to samples/<file>.
 */
export interface BuiltSample {
  /** Path under samples/, e.g. "schools/oo-khor.xlsx". */
  file: string;
  bytes: Uint8Array;
  /** One line for the build log. */
  description: string;
}
