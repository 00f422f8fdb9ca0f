/**
 * Errors from the host for the UI: a code is always there (the `HostError` code, Office.js
 * `OfficeExtension.Error.code`, or the error's name), never swallowed. Sverka's own errors (a
 * `HostError` or a `WorkbookReadError` with `params`) keep their message as data too, so the view
 * shows it in the user's language (`errorMessage`); Office's errors come localised by Office.
 */
import { HostError, type HostErrorParams } from "../hosts/host";
import { hostErrorMessage } from "../i18n/hostErrors";
import type { Lang } from "../i18n/strings";

export interface ErrorInfo {
  code: string;
  /** The error's own message (Sverka's: Russian). */
  message: string;
  /** Sverka's own errors: the message as data, for `errorMessage`. */
  params?: HostErrorParams;
  debugInfo?: string;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** `params` of an error that has them (`HostError`, `WorkbookReadError`: a `variant` and values). */
function paramsOf(error: Error): HostErrorParams | undefined {
  const p = (error as Error & { params?: unknown }).params;
  return typeof p === "object" && p !== null && typeof (p as { variant?: unknown }).variant === "string"
    ? (p as HostErrorParams)
    : undefined;
}

export function describeError(error: unknown): ErrorInfo {
  if (error instanceof HostError) {
    const debugInfo = text(error.debugInfo);
    const params = paramsOf(error);
    return {
      code: error.code,
      message: error.message,
      ...(params ? { params } : {}),
      ...(debugInfo ? { debugInfo } : {}),
    };
  }
  if (error instanceof Error) {
    // Office.js errors (OfficeExtension.Error) carry `code` and an object `debugInfo`;
    // a `WorkbookReadError` carries `code` and `params`.
    const extra = error as Error & { code?: unknown; debugInfo?: unknown };
    const code = typeof extra.code === "string" && extra.code ? extra.code : error.name || "Error";
    const debugInfo = text(extra.debugInfo);
    const params = paramsOf(error);
    return { code, message: error.message, ...(params ? { params } : {}), ...(debugInfo ? { debugInfo } : {}) };
  }
  return { code: "UNKNOWN", message: text(error) ?? "" };
}

/** Renders params in a language; null for params it does not know. */
export type ParamsRenderer = (params: HostErrorParams, lang: Lang) => string | null;

/**
 * The error's message in `lang`: rendered from its params where `render` knows them (by default
 * the host errors'; the standalone page adds the read errors', `i18n/readErrors.ts`, which the
 * Excel pane's first load does without), else its own.
 */
export function errorMessage(error: ErrorInfo, lang: Lang, render: ParamsRenderer = hostErrorMessage): string {
  return (error.params && render(error.params, lang)) ?? error.message;
}
