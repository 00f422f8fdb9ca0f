/**
 * Consolidation into the open workbook: run it over the picked school files (the flow and its
 * reader load on first use), follow its steps, keep its report, and undo it where the host can.
 */
import { useCallback, useEffect, useState } from "react";
import type { IsoDate } from "../../core/model/dates";
import type { Template } from "../../core/template/schema";
import { noticeMessage } from "../messages";
import type { WorkbookHost } from "../../hosts/host";
import { hostError } from "../../i18n/hostErrors";
import type { Lang } from "../../i18n/strings";
import { useFileReader } from "../filePort";
import { loadPipeline, type ConsolidationRun, type ConsolidationStep } from "./pipeline";
import type { ActivityState } from "./useActivity";
import type { Notices } from "./useNotices";

export interface ConsolidationSlice {
  /** The host can undo a consolidation at all. */
  undoSupported: boolean;
  /** The last consolidation (report and what was written), until it is undone. */
  run: ConsolidationRun | null;
  /** Where a running consolidation is. */
  step: ConsolidationStep | null;
  /** The host can take a consolidation back now («Отменить свод»). */
  canUndo: boolean;
  consolidate(files: readonly File[], mergeValidRows: boolean): Promise<void>;
  undo(): Promise<void>;
}

export interface ConsolidationOptions {
  /** The language of the issue messages. */
  lang: Lang;
  /** The report date (default: today where the user is). */
  today: (() => IsoDate) | undefined;
  templateId: string | undefined;
  imported: readonly Template[];
  /** A check was run before (its result is now out of date). */
  checked: boolean;
  /** The workbook changed. */
  onChanged(): void;
}

export function useConsolidation(
  host: WorkbookHost,
  { lang, today, templateId, imported, checked, onChanged }: ConsolidationOptions,
  { perform }: Pick<ActivityState, "perform">,
  { say, fail }: Pick<Notices, "say" | "fail">,
): ConsolidationSlice {
  const [run, setRun] = useState<ConsolidationRun | null>(null);
  const [step, setStep] = useState<ConsolidationStep | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const reader = useFileReader();

  const refreshUndo = useCallback(
    async () => setCanUndo(host.canUndoConsolidation ? await host.canUndoConsolidation() : false),
    [host],
  );

  useEffect(() => {
    let cancelled = false;
    setRun(null);
    setCanUndo(false);
    if (!host.canUndoConsolidation) return;
    host.canUndoConsolidation().then(
      (undo) => {
        if (!cancelled) setCanUndo(undo);
      },
      (e: unknown) => {
        if (!cancelled) fail(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [host, fail]);

  const consolidate = useCallback(
    (files: readonly File[], mergeValidRows: boolean) =>
      perform({ kind: "action", name: "consolidate" }, async () => {
        setRun(null);
        if (!reader) throw hostError("UNSUPPORTED", { variant: "consolidation_no_reader" });
        try {
          const flow = await loadPipeline();
          const result = await flow.runConsolidation(host, files, {
            templates: flow.allTemplates(imported),
            ...(templateId ? { templateId } : {}),
            asOf: today ? today() : flow.localToday(),
            mergeValidRows,
            lang,
            reader,
            onStep: setStep,
          });
          setRun(result);
          const outcome = result.outcome;
          if (!outcome) return;
          onChanged();
          const { rows, replaced_rows } = result.report.summary;
          say([
            { intent: "success", key: "consolidateDone", params: { rows, replaced: replaced_rows } },
            ...(host.capabilities.download
              ? [{ intent: "info" as const, key: "consolidateDownloadHint" as const, params: {} }]
              : []),
            ...(checked ? [{ intent: "info" as const, key: "consolidateChecked" as const, params: {} }] : []),
            ...outcome.notices.map(noticeMessage),
          ]);
        } finally {
          setStep(null);
          // Also after a failure: a write that stopped half-way may have left something to undo.
          await refreshUndo();
        }
      }),
    [perform, host, reader, lang, imported, templateId, today, checked, onChanged, say, refreshUndo],
  );

  const undo = useCallback(
    () =>
      perform({ kind: "action", name: "undoConsolidation" }, async () => {
        if (!host.undoConsolidation) return;
        try {
          const undone = await host.undoConsolidation();
          setRun(null);
          onChanged();
          say([
            {
              intent: "success",
              key: "consolidateUndone",
              params: { removed: undone.removed, restored: undone.restored },
            },
          ]);
        } finally {
          await refreshUndo();
        }
      }),
    [perform, host, onChanged, say, refreshUndo],
  );

  return { undoSupported: !!host.undoConsolidation, run, step, canUndo, consolidate, undo };
}
