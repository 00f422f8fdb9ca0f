/** Reading a workbook from a path (Node only: the CLI, scripts and tests). */
import { readFile, stat } from "node:fs/promises";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { basename } from "node:path";
import type { WorkbookData } from "../../core/model/sheet";
import { WorkbookReadError, readErrors, type WorkbookFormat } from "./errors";
import { readWorkbookWithFormat, type ReadWorkbookOptions } from "./read";
import type { RawInflater } from "./read/xlsx";
import { DEFAULT_MAX_BYTES } from "./sniff";
import type { RawDeflater } from "./zipWrite";

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

/**
 * Like `readWorkbookFile`, and also the file's bytes and format (for writers that copy the
 * workbook: only an .xlsx/.xlsm package can be patched).
 */
export async function readWorkbookFileWithBytes(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<{ workbook: WorkbookData; bytes: Uint8Array; format: WorkbookFormat }> {
  const file = basename(path) || path;
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw readErrors.notXlsx(file, "directory");
    }
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = errnoCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw readErrors.notFound(file, path, e);
    }
    throw e;
  }

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    // Refuse before reading a huge file into memory.
    throw readErrors.tooLarge(file, size, maxBytes);
  }
  const buf = await readFile(path);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const { workbook, format } = await readWorkbookWithFormat(bytes, file, { inflateRaw: zlibInflater, ...options });
  return { workbook, bytes, format };
}

/**
 * Node's native zlib, about four times faster than fflate on big sheets; `maxOutputLength` keeps
 * the declared size a hard limit (a part that inflates to more is damaged or a bomb).
 */
export const zlibInflater: RawInflater = (data, size) => {
  const out = inflateRawSync(data, {
    maxOutputLength: Math.max(1, size),
    chunkSize: Math.max(64, Math.min(size, 256 * 1024 * 1024)),
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** Node's native zlib for the parts Sverka writes into a copy (several times faster than fflate). */
export const zlibDeflater: RawDeflater = (data, level) => {
  const out = deflateRawSync(data, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/**
 * Like `readWorkbookFileWithBytes`, for commands that write a copy of the workbook (dashboard,
 * consolidation into a master): only an .xlsx/.xlsm package can be written into, so an .xls, .ods
 * or CSV is refused (NOT_XLSX, with a message that says to save it as .xlsx) before any work.
 */
export async function readWritableWorkbookFile(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<{ workbook: WorkbookData; bytes: Uint8Array; format: WorkbookFormat }> {
  const read = await readWorkbookFileWithBytes(path, options);
  if (read.format !== "xlsx" && read.format !== "xlsm") {
    const file = basename(path) || path;
    throw readErrors.notWritable(file, read.format);
  }
  return read;
}
