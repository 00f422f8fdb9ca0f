/**
 * The pane's one door into the application pipeline (`src/app/`: template resolution, the check,
 * consolidation). The hooks reach it only through `loadPipeline()`, which loads it once, as its own
 * chunk, after the pane's first paint.
 */
import type * as AppPipeline from "./appPipeline";
import { loadAppPipeline } from "../paneChunks";

export type { CheckRun } from "../../app/check";
export type { ConsolidationRun, ConsolidationStep } from "../../app/consolidate";
export type { ImportProblem, StoredTemplates, TemplateIssue } from "../../app/templates";

export type Pipeline = typeof AppPipeline;

let pipeline: Promise<Pipeline> | null = null;

/** The pipeline, loaded once (a failed load is tried again on the next call). */
export function loadPipeline(): Promise<Pipeline> {
  pipeline ??= loadAppPipeline().catch((e: unknown) => {
    pipeline = null;
    throw e;
  });
  return pipeline;
}
