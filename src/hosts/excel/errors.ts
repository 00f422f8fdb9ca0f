/**
 * Office errors as `HostError`s: the code (`ItemNotFound`, `InvalidArgument`,
 * `RequestPayloadSizeLimitExceeded` …), the message and the `debugInfo` (where in the batch it
 * failed) are kept; nothing is swallowed.
 */
import { HostError } from "../host";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The Office error code of `e` (an `OfficeExtension.Error` or anything shaped like one). */
export function officeErrorCode(e: unknown): string | undefined {
  return isRecord(e) && typeof e.code === "string" ? e.code : undefined;
}

export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = officeErrorCode(e);
  if (isRecord(e) && code !== undefined) {
    const message = typeof e.message === "string" ? e.message : code;
    const debug = e.debugInfo === undefined ? undefined : JSON.stringify(e.debugInfo);
    return new HostError(message, code, debug, e);
  }
  if (e instanceof Error) return new HostError(e.message, e.name || "Error", e.stack, e);
  return new HostError(String(e), "Unknown", undefined, e);
}

/** `Excel.run` with Office errors turned into `HostError`s. */
export async function excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toHostError(e);
  }
}

/** Whether Office supports the ExcelApi requirement set `version` (false outside Office). */
export function excelApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}
