/**
 * The pane's one door into the pipeline (template resolution, the check, consolidation). The
 * pane's hooks reach `workflow.ts` and `consolidateFlow.ts` only through here, so moving the
 * pipeline (to `src/app/`) changes these lines and nothing else.
 *
 * Both load on demand, never with the pane's first paint: the check's pipeline (the core, its
 * built-in templates and zod) as soon as the pane starts, consolidation (with the file reader,
 * ExcelJS) when a consolidation first runs.
 */
import type * as Workflow from "../workflow";
import type { runConsolidation as RunConsolidation } from "../consolidateFlow";
import { loadConsolidateFlow, loadWorkflow } from "../lazy";

export type { CheckRun, StoredTemplates, TemplateIssue } from "../workflow";
export type { ConsolidationRun, ConsolidationStep } from "../consolidateFlow";

export type Pipeline = typeof Workflow;

let pipeline: Promise<Pipeline> | null = null;

/** The check's pipeline, loaded once (a failed load is tried again on the next call). */
export function loadPipeline(): Promise<Pipeline> {
  pipeline ??= loadWorkflow().catch((e: unknown) => {
    pipeline = null;
    throw e;
  });
  return pipeline;
}

/** `runConsolidation` of the consolidation flow, loaded (with its reader) when first called. */
export async function runConsolidation(
  ...args: Parameters<typeof RunConsolidation>
): ReturnType<typeof RunConsolidation> {
  const flow = await loadConsolidateFlow();
  return flow.runConsolidation(...args);
}
