/**
 * Errors from the host for the UI: a code is always there (the `HostError` code, Office.js
 * `OfficeExtension.Error.code`, or the error's name), never swallowed.
 */
import { HostError } from "../hosts/host";

export interface ErrorInfo {
  code: string;
  message: string;
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

export function describeError(error: unknown): ErrorInfo {
  if (error instanceof HostError) {
    const debugInfo = text(error.debugInfo);
    return { code: error.code, message: error.message, ...(debugInfo ? { debugInfo } : {}) };
  }
  if (error instanceof Error) {
    // Office.js errors (OfficeExtension.Error) carry `code` and an object `debugInfo`.
    const extra = error as Error & { code?: unknown; debugInfo?: unknown };
    const code = typeof extra.code === "string" && extra.code ? extra.code : error.name || "Error";
    const debugInfo = text(extra.debugInfo);
    return { code, message: error.message, ...(debugInfo ? { debugInfo } : {}) };
  }
  return { code: "UNKNOWN", message: text(error) ?? "" };
}
