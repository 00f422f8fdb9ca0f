/**
 * Why a file could not be read as a workbook, with a message for the user that says what was
 * expected and what was found. A typed error with an inner cause, after script-lab's
 * `common/src/utilities/error.ts`. The message is also data (`params`: a variant and its values),
 * which `i18n/readErrors.ts` renders in Russian (the `message`) or English.
 */
import type { ReadFailure } from "../../core/consolidate/types";
import {
  readErrorMessage,
  type CorruptReason,
  type FoundKind,
  type NotXlsxDetail,
  type ReadErrorParams,
  type WorkbookFormat,
} from "../../i18n/readErrors";

export type { CorruptReason, FoundKind, NotXlsxDetail, ReadErrorParams, WorkbookFormat };

export type WorkbookReadErrorCode =
  "NOT_FOUND" | "NOT_XLSX" | "LEGACY_XLS" | "ENCRYPTED" | "CORRUPT" | "TOO_LARGE" | "ZIP_BOMB";

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  readonly code: WorkbookReadErrorCode;
  /** The file as the user named it (a file name, or the path given on the command line). */
  readonly file: string;
  /** The message as data, for other languages (`message` is its Russian rendering). */
  readonly params: ReadErrorParams;

  constructor(code: WorkbookReadErrorCode, file: string, message: string, params: ReadErrorParams, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.file = file;
    this.params = params;
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}

/** The error as a file's read failure (the CLI JSON's `error`, a consolidation's unreadable file). */
export function readFailureOf(e: WorkbookReadError): ReadFailure {
  return { code: e.code, message: e.message, message_params: e.params };
}

function ru(params: ReadErrorParams): string {
  return readErrorMessage(params, "ru") ?? "";
}

/** The params of each situation; every read failure of this host is one of these. */
export const readParams = {
  notFound: (file: string, path: string): ReadErrorParams => ({
    variant: "not_found",
    file,
    ...(path !== file ? { path } : {}),
  }),
  notXlsx: (file: string, found: FoundKind, detail?: NotXlsxDetail, bytes?: string): ReadErrorParams => ({
    variant: "not_xlsx",
    file,
    found,
    ...(detail ? { detail } : {}),
    ...(bytes !== undefined ? { bytes } : {}),
  }),
  /** An Office 97–2003 compound file that holds a workbook stream no reader could parse. */
  legacyXls: (file: string): ReadErrorParams => ({ variant: "legacy_xls", file }),
  /** A workbook Sverka reads but cannot write into (dashboard, consolidation): not an .xlsx/.xlsm package. */
  notWritable: (file: string, format: WorkbookFormat): ReadErrorParams => ({ variant: "not_writable", file, format }),
  /** A file of a known format whose contents are damaged. */
  corruptFormat: (file: string, format: WorkbookFormat, reason: CorruptReason): ReadErrorParams => ({
    variant: "corrupt_format",
    file,
    format,
    ...reason,
  }),
  encrypted: (file: string): ReadErrorParams => ({ variant: "encrypted", file }),
  corrupt: (file: string, reason: CorruptReason): ReadErrorParams => ({ variant: "corrupt", file, ...reason }),
  tooLarge: (file: string, size: number, max: number): ReadErrorParams => ({
    variant: "too_large",
    file,
    size,
    max_size: max,
  }),
  zipBombTotal: (file: string, total: number, max: number): ReadErrorParams => ({
    variant: "zip_bomb_total",
    file,
    total,
    max_total: max,
  }),
  zipBombRatio: (file: string, part: string, ratio: number, max: number): ReadErrorParams => ({
    variant: "zip_bomb_ratio",
    file,
    part,
    ratio: Math.round(ratio),
    max_ratio: max,
  }),
  zipBombEntries: (file: string, count: number, max: number): ReadErrorParams => ({
    variant: "zip_bomb_entries",
    file,
    count,
    max_count: max,
  }),
} as const;

function make(code: WorkbookReadErrorCode, params: ReadErrorParams, cause?: unknown): WorkbookReadError {
  return new WorkbookReadError(code, String(params.file), ru(params), params, cause);
}

/** The error of each situation: its code, the file, the Russian message and its params. */
export const readErrors = {
  notFound: (file: string, path: string, cause?: unknown) => make("NOT_FOUND", readParams.notFound(file, path), cause),
  notXlsx: (file: string, found: FoundKind, detail?: NotXlsxDetail, bytes?: string) =>
    make("NOT_XLSX", readParams.notXlsx(file, found, detail, bytes)),
  legacyXls: (file: string, cause?: unknown) => make("LEGACY_XLS", readParams.legacyXls(file), cause),
  /** Not writable is NOT_XLSX: the commands that write need an .xlsx/.xlsm package. */
  notWritable: (file: string, format: WorkbookFormat) => make("NOT_XLSX", readParams.notWritable(file, format)),
  corruptFormat: (file: string, format: WorkbookFormat, reason: CorruptReason, cause?: unknown) =>
    make("CORRUPT", readParams.corruptFormat(file, format, reason), cause),
  encrypted: (file: string, cause?: unknown) => make("ENCRYPTED", readParams.encrypted(file), cause),
  corrupt: (file: string, reason: CorruptReason, cause?: unknown) =>
    make("CORRUPT", readParams.corrupt(file, reason), cause),
  tooLarge: (file: string, size: number, max: number) => make("TOO_LARGE", readParams.tooLarge(file, size, max)),
  zipBombTotal: (file: string, total: number, max: number) =>
    make("ZIP_BOMB", readParams.zipBombTotal(file, total, max)),
  zipBombRatio: (file: string, part: string, ratio: number, max: number) =>
    make("ZIP_BOMB", readParams.zipBombRatio(file, part, ratio, max)),
  zipBombEntries: (file: string, count: number, max: number) =>
    make("ZIP_BOMB", readParams.zipBombEntries(file, count, max)),
} as const;
