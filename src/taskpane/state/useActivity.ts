/**
 * What runs now, and `perform`: every host call of an action goes through it, so a failure is
 * shown with its code (`Notices.fail`) and the pane stays usable.
 */
import { useCallback, useMemo, useState } from "react";
import type { Activity } from "./types";
import type { Notices } from "./useNotices";

export interface ActivityState {
  activity: Activity | null;
  busy: boolean;
  /** Runs `work` as `start`, clearing the last error first and showing a new one. */
  perform(start: Activity, work: () => Promise<void>): Promise<void>;
  /** Updates what the running work is doing (reading progress, checking). */
  report(activity: Activity): void;
}

export function useActivity({ fail, clearError }: Pick<Notices, "fail" | "clearError">): ActivityState {
  const [activity, setActivity] = useState<Activity | null>(null);
  const perform = useCallback(
    async (start: Activity, work: () => Promise<void>): Promise<void> => {
      setActivity(start);
      clearError();
      try {
        await work();
      } catch (e) {
        fail(e);
      } finally {
        setActivity(null);
      }
    },
    [fail, clearError],
  );
  return useMemo(() => ({ activity, busy: activity !== null, perform, report: setActivity }), [activity, perform]);
}
