/**
 * Consolidation on the xlsx host (browser and Node): school files are read one at a time with the
 * reader (a hostile file becomes that file's `unreadable` entry, never the batch's end), checked
 * and planned by the core (`core/consolidate`), and the plan is applied to a copy of the master by
 * patching its package: only the monitoring sheets appended to are re-emitted, every other part
 * of the master stays byte for byte (`package/consolidatePatch.ts`).
 *
 * Moving rows in the file does not adjust formulas: on a sheet where formulas or merged cells lie
 * below the replaced rows, those rows are cleared instead of deleted (the new rows go after the
 * table) and a warning says so. Excel itself (the Office.js host) deletes them properly.
 */
import { collectConsolidation as collect, type CollectProgress } from "../../core/consolidate/collect";
import type { ConsolidateOptions } from "../../core/consolidate/consolidate";
import type { Consolidation, ConsolidationPlan, PlanCell, ReadFailure } from "../../core/consolidate/types";
import type { WorkbookData } from "../../core/model/sheet";
import type { ConsolidationSource } from "../host";
import { WorkbookReadError, readErrors, readFailureOf } from "./errors";
import { readWorkbook } from "./read";
import { patchConsolidation } from "./package/consolidatePatch";
import type { PatchOptions } from "./package/workbookPackage";

/** A school file the host can read (a path on disk, a browser `File` …). */
export type { ConsolidationSource } from "../host";

/** Progress of a consolidation: files read so far, then the write. */
export type ConsolidationProgress = CollectProgress;

export interface ConsolidateXlsxOptions extends ConsolidateOptions {
  onProgress?: (p: ConsolidationProgress) => void;
}

export interface ConsolidateXlsxResult {
  consolidation: Consolidation;
  /** The .xlsx bytes of the consolidated copy of the master. */
  data: Uint8Array;
  /** What the user should know about the copy (Russian). */
  warnings: string[];
}

function errorText(e: unknown): string {
  if (typeof e === "object" && e !== null && "message" in e && typeof e.message === "string") return e.message;
  return String(e);
}

/**
 * A read failure as the file's code and message (Russian), with the message as data
 * (`message_params`, for the other language): the reader's, or CORRUPT for anything else.
 */
export function readFailure(file: string, e: unknown): ReadFailure {
  return readFailureOf(
    e instanceof WorkbookReadError ? e : readErrors.corrupt(file, { reason: "technical", detail: errorText(e) }),
  );
}

/**
 * Consolidates `sources` into a copy of the master: reads each file (one at a time), checks and
 * plans (core), writes the copy. The master itself is never changed.
 */
export async function consolidateXlsx(
  master: { file: string; bytes: Uint8Array; workbook?: WorkbookData },
  sources: readonly ConsolidationSource[],
  options: ConsolidateXlsxOptions,
): Promise<ConsolidateXlsxResult> {
  const masterWb = master.workbook ?? (await readWorkbook(master.bytes, master.file));
  const consolidation = await collectConsolidation({ ...masterWb, name: master.file }, sources, options);
  const { data, warnings } = await applyConsolidationPlan(master.bytes, consolidation.plan);
  return { consolidation, data, warnings };
}

/**
 * Reads each source (one at a time; a file that cannot be read becomes its `unreadable` entry),
 * checks and plans it against `master` (core): the report and the plan, nothing written.
 */
export function collectConsolidation(
  master: WorkbookData,
  sources: readonly ConsolidationSource[],
  options: ConsolidateXlsxOptions,
): Promise<Consolidation> {
  return collect(master, sources, { ...options, readFailure });
}

/**
 * A copy of the master (`bytes`) with the plan applied by patching its package: only the
 * monitoring sheets the plan appends to are re-emitted, everything else stays byte for byte
 * (`package/consolidatePatch.ts`).
 */
export async function applyConsolidationPlan(
  bytes: Uint8Array,
  plan: ConsolidationPlan,
  options: PatchOptions = {},
): Promise<{ data: Uint8Array; warnings: string[] }> {
  return patchConsolidation(bytes, plan, options);
}

/**
 * Fills sheets of a workbook (e.g. a blank template) with rows below their header: for samples
 * and benchmarks that need school files as a school would send them. `rows` go from `startRow`.
 */
export async function fillWorkbook(
  bytes: Uint8Array,
  fills: readonly {
    sheet: string;
    startRow: number;
    rows: readonly PlanCell[][];
  }[],
): Promise<Uint8Array> {
  const plan: ConsolidationPlan = {
    sheets: fills.map((f) => {
      const width = Math.max(0, ...f.rows.map((r) => r.length));
      return {
        sheet: f.sheet,
        spec: "schools" as const,
        create: false,
        header: [],
        widths: [],
        headerRow: f.startRow - 1,
        sourceColumn: 1,
        sourceHeader: false,
        deleteRows: [],
        deleteRuns: [],
        appendAt: f.startRow,
        width,
        rows: f.rows.map((r) => [...r, ...new Array<PlanCell>(width - r.length).fill(null)]),
      };
    }),
  };
  return (await applyConsolidationPlan(bytes, plan)).data;
}
