/** Consolidation sources from paths on disk (Node: the CLI, the demo, the benchmark). */
import { basename } from "node:path";
import type { ConsolidationSource } from "./consolidate";
import { readWorkbookFile } from "./node";
import type { ReadWorkbookOptions } from "./read";

/** One source per path, named by its file name; each file is read only when its turn comes. */
export function fileSources(paths: readonly string[], options: ReadWorkbookOptions = {}): ConsolidationSource[] {
  return paths.map((path) => ({
    file: basename(path) || path,
    read: () => readWorkbookFile(path, options),
  }));
}
