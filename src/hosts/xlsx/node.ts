/** Reading a workbook from a path (Node only: the CLI, scripts and tests). */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookData } from "../../core/model/sheet";
import { WorkbookReadError, readMessages } from "./errors";
import { readWorkbook, type ReadWorkbookOptions } from "./read";
import { DEFAULT_MAX_BYTES } from "./sniff";

function errnoCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const code: unknown = e.code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/**
 * Reads the .xlsx workbook at `path`. The workbook's `name` and the errors' `file` are the file
 * name (not the whole path). Throws `WorkbookReadError`: NOT_FOUND for a missing file, NOT_XLSX
 * for a directory, TOO_LARGE before reading a file over `maxBytes`, and whatever `readWorkbook`
 * finds about the contents.
 */
export async function readWorkbookFile(path: string, options: ReadWorkbookOptions = {}): Promise<WorkbookData> {
  return (await readWorkbookFileWithBytes(path, options)).workbook;
}

/** Like `readWorkbookFile`, and also the file's bytes (for writers that copy the workbook). */
export async function readWorkbookFileWithBytes(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<{ workbook: WorkbookData; bytes: Uint8Array }> {
  const file = basename(path) || path;
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw new WorkbookReadError("NOT_XLSX", file, readMessages.notXlsx(file, "directory"));
    }
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = errnoCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new WorkbookReadError("NOT_FOUND", file, readMessages.notFound(file, path), { cause: e });
    }
    throw e;
  }

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    // Refuse before reading a huge file into memory.
    throw new WorkbookReadError("TOO_LARGE", file, readMessages.tooLarge(file, size, maxBytes));
  }
  const buf = await readFile(path);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return { workbook: await readWorkbook(bytes, file, options), bytes };
}
