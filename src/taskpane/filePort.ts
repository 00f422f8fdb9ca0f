/**
 * The file-reader port of the pane (`PickedFileReader`, `hosts/host.ts`): how the school files of a
 * consolidation are read. Each entry point provides it (`index.tsx`: the file host, imported on
 * first use so the readers stay out of the first load; the standalone page likewise); the pane's
 * components never import a concrete host.
 */
import { createContext, useContext } from "react";
import type { PickedFileReader } from "../hosts/host";

/** Loads the reader when it is first needed. */
export type PickedFileReaderLoader = () => Promise<PickedFileReader>;

export const FileReaderContext = createContext<PickedFileReaderLoader | null>(null);

/** The entry's reader, or null where none was wired (consolidation is then unavailable). */
export function useFileReader(): PickedFileReaderLoader | null {
  return useContext(FileReaderContext);
}
