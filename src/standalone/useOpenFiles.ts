/**
 * The files opened on the page: each gets its own `BrowserXlsxHost`, read once on arrival so the
 * list can say at once which files are readable workbooks and which are not (with the reader's
 * code and Russian message). Files are read one after another, so dozens of files never sit in
 * memory twice at once. ExcelJS (≈1 MB) arrives with the first file, in its own chunk.
 */
import { useCallback, useRef, useState } from "react";
import type { WorkbookHost } from "../hosts/host";
import type { PickedFile } from "../hosts/xlsx/browserHost";
import { describeError, type ErrorInfo } from "../taskpane/errors";

export type FileStatus = "reading" | "ready" | "error";

export interface OpenFile {
  id: number;
  name: string;
  size: number;
  status: FileStatus;
  host?: WorkbookHost;
  error?: ErrorInfo;
}

/** Opens one picked file as a host and reads it once (throws the reader's error for a bad file). */
export type OpenHost = (file: PickedFile) => Promise<WorkbookHost>;

export const openHost: OpenHost = async (file) => {
  // `.js`: an ES import under `moduleResolution: nodenext`; webpack maps it to the .ts file (extensionAlias).
  const { BrowserXlsxHost } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/browserHost.js");
  const host = await BrowserXlsxHost.fromFile(file);
  await host.read();
  return host;
};

export interface OpenFiles {
  files: OpenFile[];
  selectedId: number | null;
  select: (id: number) => void;
  add: (files: readonly PickedFile[]) => Promise<void>;
}

export function useOpenFiles(open: OpenHost = openHost): OpenFiles {
  const [files, setFiles] = useState<OpenFile[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const nextId = useRef(1);

  const update = useCallback((id: number, change: Partial<OpenFile>) => {
    setFiles((prev) => prev.map((f) => (f.id === id ? { ...f, ...change } : f)));
  }, []);

  const add = useCallback(
    async (picked: readonly PickedFile[]) => {
      const entries: OpenFile[] = picked.map((f) => ({
        id: nextId.current++,
        name: f.name,
        size: f.size,
        status: "reading",
      }));
      if (entries.length === 0) return;
      setFiles((prev) => [...prev, ...entries]);
      setSelectedId((s) => s ?? entries[0].id);
      for (let i = 0; i < entries.length; i++) {
        try {
          const host = await open(picked[i]);
          update(entries[i].id, { status: "ready", host });
        } catch (e) {
          update(entries[i].id, { status: "error", error: describeError(e) });
        }
      }
    },
    [open, update],
  );

  return { files, selectedId, select: setSelectedId, add };
}

/** Callbacks of the shell's components (typed here: ESLint's base no-unused-vars misreads parameter names in .tsx types). */
export type FilesHandler = (files: File[]) => void;
export type IdHandler = (id: number) => void;
