/** Sample workbooks are written as plain grids in TypeScript and turned into .xlsx by scripts/build-samples.ts. */

export type { SampleCell, SampleSheet, SampleWorkbook } from "../src/hosts/xlsx/gridTypes";

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
