/**
 * The consolidation loop over school files that a host reads one at a time: each file is read when
 * its turn comes (a file that cannot be read becomes its `unreadable` entry, never the batch's end),
 * checked and planned against the master (`startConsolidation`). Nothing is written: any host then
 * applies the plan. The app pipeline and the file host both drive it.
 */
import type { WorkbookData } from "../model/sheet";
import { startConsolidation, type ConsolidateOptions, type ConsolidationInput } from "./consolidate";
import type { Consolidation, ReadFailure } from "./types";

/** A school file that a host reads on demand. */
export interface CollectSource {
  /** File name, written into «Источник». */
  file: string;
  /** The workbook; throws when it cannot be read. */
  read(): Promise<WorkbookData>;
}

export interface CollectProgress {
  /** Files read so far, of `total`. */
  done: number;
  total: number;
  /** The file being read (or the last one). */
  file: string;
  phase: "read" | "write";
}

export interface CollectOptions extends ConsolidateOptions {
  onProgress?: (p: CollectProgress) => void;
  /** A read failure as the file's code and located message (the host's reader knows its errors). */
  readFailure: (file: string, error: unknown) => ReadFailure;
}

export async function collectConsolidation(
  master: WorkbookData,
  sources: readonly CollectSource[],
  options: CollectOptions,
): Promise<Consolidation> {
  const c = startConsolidation(master, options);
  const total = sources.length;
  for (let i = 0; i < total; i++) {
    const s = sources[i];
    options.onProgress?.({ done: i, total, file: s.file, phase: "read" });
    let input: ConsolidationInput;
    try {
      input = { file: s.file, workbook: await s.read() };
    } catch (e) {
      input = { file: s.file, error: options.readFailure(s.file, e) };
    }
    c.add(input);
  }
  options.onProgress?.({ done: total, total, file: sources[total - 1]?.file ?? master.name, phase: "write" });
  return c.finish();
}
