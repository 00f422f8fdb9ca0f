/**
 * Consolidation in the pane, without React: the open workbook is the master (read through the
 * host), the school files the user picked are read in the browser with ExcelJS (`readWorkbook`),
 * one at a time — a file over the size limit is refused before its bytes are read, a hostile file
 * (corrupt, not .xlsx, encrypted, a zip bomb) becomes that file's `unreadable` entry and never
 * stops the batch — then checked and planned by the core, and the plan is written into the
 * workbook by the host (`WorkbookHost.applyConsolidation`). Nothing is written when no file was
 * merged.
 */
import { localizeConsolidation } from "../i18n/issueMessages";
import type { Lang } from "../i18n/strings";
import type { ConsolidationReport } from "../core/consolidate/types";
import type { IsoDate } from "../core/model/dates";
import type { Template } from "../core/template/schema";
import { HostError, type ConsolidationOutcome, type ReadProgress, type WorkbookHost } from "../hosts/host";
import { pickedFileBytes, type PickedFile } from "../hosts/xlsx/browserHost";
import { collectConsolidation, type ConsolidationSource } from "../hosts/xlsx/consolidate";
import { readWorkbook, type ReadWorkbookOptions } from "../hosts/xlsx/read";

export type ConsolidationStep =
  | { phase: "master"; progress: ReadProgress | null }
  /** `done` files checked so far of `total`; `file` is being read and checked. */
  | { phase: "file"; file: string; done: number; total: number }
  | { phase: "write" };

export interface ConsolidateFlowOptions {
  /** Built-in plus imported templates. */
  templates: readonly Template[];
  /** The user's template choice (absent: detected from the master). */
  templateId?: string;
  asOf: IsoDate;
  /** «Сводить верные строки файлов с ошибками». */
  mergeValidRows: boolean;
  /** Size and zip-bomb limits of the reader (defaults: 25 MB …, `hosts/xlsx/sniff.ts`). */
  limits?: ReadWorkbookOptions;
  onStep?: (step: ConsolidationStep) => void;
  /** The language of the report's messages (default Russian). */
  lang?: Lang;
}

export interface ConsolidationRun {
  report: ConsolidationReport;
  /** What the host wrote; null when nothing was (no file merged). */
  outcome: ConsolidationOutcome | null;
}

/** A picked file as a consolidation source: its size checked first, then read with ExcelJS. */
export function pickedSource(file: PickedFile, limits: ReadWorkbookOptions = {}): ConsolidationSource {
  return {
    file: file.name,
    read: async () => readWorkbook(await pickedFileBytes(file, limits), file.name, limits),
  };
}

/** Whether the report merged anything (only then is the workbook written). */
export function mergedAny(report: ConsolidationReport): boolean {
  return report.summary.merged + report.summary.merged_partly > 0;
}

export async function runConsolidation(
  host: WorkbookHost,
  files: readonly PickedFile[],
  options: ConsolidateFlowOptions,
): Promise<ConsolidationRun> {
  if (!host.applyConsolidation)
    throw new HostError("Свод файлов здесь недоступен: эта среда не умеет записывать строки в книгу.", "UNSUPPORTED");
  const step = options.onStep;
  step?.({ phase: "master", progress: null });
  const master = await host.read((progress) => step?.({ phase: "master", progress }));
  const template = options.templateId ? options.templates.find((t) => t.id === options.templateId) : undefined;
  const { report, plan } = await collectConsolidation(
    master,
    files.map((f) => pickedSource(f, options.limits)),
    {
      templates: options.templates,
      ...(template ? { template } : {}),
      asOf: options.asOf,
      mergeValidRows: options.mergeValidRows,
      onProgress: (p) => {
        if (p.phase === "read") step?.({ phase: "file", file: p.file, done: p.done, total: p.total });
      },
    },
  );
  const localized = localizeConsolidation(report, options.lang ?? "ru");
  if (!mergedAny(report)) return { report: localized, outcome: null };
  step?.({ phase: "write" });
  return { report: localized, outcome: await host.applyConsolidation(plan) };
}
