/**
 * The file host's `PickedFileReader` (`hosts/host.ts`): the school files a user picks in the pane,
 * each refused before its bytes are read when over the size limit, then read with this host's
 * reader. The Excel pane's entry imports this module on first use (`import()`), so the readers stay
 * out of the pane's first load.
 */
import type { ConsolidationSource, PickedFile, PickedFileReader } from "../host";
import { pickedFileBytes } from "./browserHost";
import { readFailure } from "./consolidate";
import { readWorkbook, type ReadWorkbookOptions } from "./read";

/** A picked file as a consolidation source: its size checked first, then read. */
export function pickedSource(file: PickedFile, limits: ReadWorkbookOptions = {}): ConsolidationSource {
  return {
    file: file.name,
    read: async () => readWorkbook(await pickedFileBytes(file, limits), file.name, limits),
  };
}

/** The reader with the given limits (defaults: 25 MB …, `sniff.ts`). */
export function pickedFileReader(limits: ReadWorkbookOptions = {}): PickedFileReader {
  return { source: (file) => pickedSource(file, limits), failure: readFailure };
}
