/** Marks in the workbook: colour the cells of the issues shown, and take the colours back exactly. */
import { useCallback, useEffect, useState } from "react";
import type { Issue } from "../../core/report/issue";
import type { WorkbookHost } from "../../hosts/host";
import { noticeMessage } from "../messages";
import type { ActivityState } from "./useActivity";
import type { Notices } from "./useNotices";

export interface MarksSlice {
  /** The host can mark at all. */
  supported: boolean;
  /** Cells marked now (also by an earlier session). */
  marked: number;
  mark(issues: readonly Issue[]): Promise<void>;
  clearMarks(): Promise<void>;
}

export function useMarks(
  host: WorkbookHost,
  { perform }: Pick<ActivityState, "perform">,
  { say, fail }: Pick<Notices, "say" | "fail">,
): MarksSlice {
  const [marked, setMarked] = useState(0);
  const supported = host.capabilities.marks;

  useEffect(() => {
    let cancelled = false;
    setMarked(0);
    if (!supported) return;
    host.markedCount().then(
      (count) => {
        if (!cancelled) setMarked(count);
      },
      (e: unknown) => {
        if (!cancelled) fail(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [host, supported, fail]);

  const mark = useCallback(
    (issues: readonly Issue[]) =>
      perform({ kind: "action", name: "mark" }, async () => {
        const outcome = await host.mark(issues);
        setMarked(await host.markedCount());
        say([
          { intent: "success", key: "marksDone", params: { count: outcome.marked } },
          ...(outcome.notes ? [{ intent: "info" as const, key: "marksWithNotes" as const, params: {} }] : []),
          ...outcome.notices.map(noticeMessage),
        ]);
      }),
    [perform, host, say],
  );

  const clearMarks = useCallback(
    () =>
      perform({ kind: "action", name: "clearMarks" }, async () => {
        const restored = await host.clearMarks();
        setMarked(await host.markedCount());
        say([{ intent: "success", key: "marksCleared", params: { count: restored } }]);
      }),
    [perform, host, say],
  );

  return { supported, marked, mark, clearMarks };
}
