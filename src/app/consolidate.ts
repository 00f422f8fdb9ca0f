/**
 * Consolidation for every entry point: the master (the pane's open workbook, or the CLI's
 * `--into`) and the school files, each read through the caller's port when its turn comes, checked
 * and planned by the core; the report's sentences (issue messages, each file's message and notes,
 * the master's notes, an unreadable file's read error) rendered in the user's language from their
 * params. The caller's host writes the plan: the pane's `WorkbookHost.applyConsolidation`, the
 * CLI's file writer.
 */
import { collectConsolidation, type CollectProgress } from "../core/consolidate/collect";
import type {
  ConsolidationReport,
  RenderedConsolidation,
  RenderedConsolidationReport,
} from "../core/consolidate/types";
import type { IsoDate } from "../core/model/dates";
import type { WorkbookData } from "../core/model/sheet";
import type { Template } from "../core/template/schema";
import {
  type ConsolidationOutcome,
  type ConsolidationSource,
  type PickedFile,
  type PickedFileReader,
  type ReadProgress,
  type WorkbookHost,
} from "../hosts/host";
import { hostError } from "../i18n/hostErrors";
import { localizeConsolidation } from "../i18n/issueMessages";
import { localizeUnreadableFiles } from "../i18n/readErrors";
import type { Lang } from "../i18n/strings";
import { findTemplate } from "./templates";

export interface PlanOptions {
  /** Built-in plus imported templates. */
  templates: readonly Template[];
  /** The user's template choice (absent, or unknown: detected from the master). */
  templateId?: string;
  asOf: IsoDate;
  /** «Сводить верные строки файлов с ошибками». */
  mergeValidRows: boolean;
  lang?: Lang;
  /** How the port's read failures become a file's code and message. */
  readFailure: PickedFileReader["failure"];
  onProgress?: (p: CollectProgress) => void;
}

/** Reads, checks and plans the school files against the master: the report (in `lang`) and the plan, nothing written. */
export async function planConsolidation(
  master: WorkbookData,
  sources: readonly ConsolidationSource[],
  options: PlanOptions,
): Promise<RenderedConsolidation> {
  const template = findTemplate(options.templates, options.templateId);
  const c = await collectConsolidation(master, sources, {
    templates: options.templates,
    ...(template ? { template } : {}),
    asOf: options.asOf,
    mergeValidRows: options.mergeValidRows,
    readFailure: options.readFailure,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const lang = options.lang ?? "ru";
  // An unreadable file's message is its reader's, rendered from the error's params: the core's
  // `unreadable` sentence can only repeat the Russian text (or, in English, give the code).
  return { ...c, report: localizeUnreadableFiles(localizeConsolidation(c.report, lang), lang) };
}

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
  lang?: Lang;
  /** The file reader port (the pane's entry loads the file host's on first use). */
  reader: PickedFileReader | (() => Promise<PickedFileReader>);
  onStep?: (step: ConsolidationStep) => void;
}

export interface ConsolidationRun {
  report: RenderedConsolidationReport;
  /** What the host wrote; null when nothing was (no file merged). */
  outcome: ConsolidationOutcome | null;
}

/** Whether the report merged anything (only then is the workbook written). */
export function mergedAny(report: Pick<ConsolidationReport, "summary">): boolean {
  return report.summary.merged + report.summary.merged_partly > 0;
}

/**
 * Consolidation in the pane: the open workbook is the master (read through the host), the picked
 * school files are read one at a time through the reader port — a file over the size limit is
 * refused before its bytes are read, a hostile file becomes that file's `unreadable` entry — and
 * the plan is written into the workbook by the host. Nothing is written when no file was merged.
 */
export async function runConsolidation(
  host: WorkbookHost,
  files: readonly PickedFile[],
  options: ConsolidateFlowOptions,
): Promise<ConsolidationRun> {
  if (!host.applyConsolidation) throw hostError("UNSUPPORTED", { variant: "consolidation_no_writer" });
  const step = options.onStep;
  step?.({ phase: "master", progress: null });
  const reader = typeof options.reader === "function" ? await options.reader() : options.reader;
  const master = await host.read((progress) => step?.({ phase: "master", progress }));
  const { report, plan } = await planConsolidation(
    master,
    files.map((f) => reader.source(f)),
    {
      templates: options.templates,
      ...(options.templateId ? { templateId: options.templateId } : {}),
      asOf: options.asOf,
      mergeValidRows: options.mergeValidRows,
      ...(options.lang ? { lang: options.lang } : {}),
      readFailure: reader.failure,
      onProgress: (p) => {
        if (p.phase === "read") step?.({ phase: "file", file: p.file, done: p.done, total: p.total });
      },
    },
  );
  if (!mergedAny(report)) return { report, outcome: null };
  step?.({ phase: "write" });
  return { report, outcome: await host.applyConsolidation(plan) };
}
