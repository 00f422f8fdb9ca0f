/**
 * «Справка (Word)»: the analytical справка of the last check as a Word document, built by the
 * entry's справка port (`../spravkaPort.ts`, the docx host loaded on first use) and saved as a
 * download (inside Excel there is no file system). Absent (`null`) where no port was wired.
 */
import { useCallback } from "react";
import { saveFile } from "../files";
import { DOCX_MIME, spravkaFileName, useSpravkaPort } from "../spravkaPort";
import { loadPipeline, type CheckRun } from "./pipeline";
import type { ActivityState } from "./useActivity";
import type { Notices } from "./useNotices";

export function useSpravka(
  run: CheckRun | null,
  { perform }: Pick<ActivityState, "perform">,
  { say }: Pick<Notices, "say">,
): (() => Promise<void>) | null {
  const load = useSpravkaPort();
  const spravka = useCallback(
    () =>
      perform({ kind: "action", name: "spravka" }, async () => {
        if (!run || !load) return;
        const flow = await loadPipeline();
        const { check, asOf } = run;
        if (!flow.isKnownProject(check)) {
          // A справка of a workbook of no known project would be empty: none is built (as the CLI).
          say([{ intent: "warning", key: "spravkaUnknownProject", params: { template: check.template.title } }]);
          return;
        }
        const build = await load();
        const data = await build({
          template: check.template,
          report: check.report,
          indicators: flow.projectIndicators(check, asOf),
          monitoring: check.monitoring,
          asOf,
        });
        saveFile(spravkaFileName(run.workbook.name), data, DOCX_MIME);
      }),
    [perform, run, load, say],
  );
  return load ? spravka : null;
}
