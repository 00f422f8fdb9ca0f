/**
 * The check: run it (reading progress, then the core), keep its result, and what is done with it:
 * go to an issue's cell, the report sheet, the dashboard, the download of the file host's copy.
 */
import { useCallback, useEffect, useState } from "react";
import type { IsoDate } from "../../core/model/dates";
import type { Issue } from "../../core/report/issue";
import type { Template } from "../../core/template/schema";
import type { WorkbookHost } from "../../hosts/host";
import type { Lang } from "../../i18n/strings";
import { XLSX_MIME, saveFile } from "../files";
import { outcomeMessages } from "../messages";
import { loadPipeline, type CheckRun } from "./pipeline";
import type { ActivityState } from "./useActivity";
import type { Notices } from "./useNotices";

export interface CheckSlice {
  run: CheckRun | null;
  check(): Promise<void>;
  /** The check itself, inside an action already running (a new template choice). */
  rerun(templateId: string | undefined, imported: readonly Template[]): Promise<void>;
  goTo(issue: Issue): Promise<void>;
  writeReport(): Promise<void>;
  fillDashboard(): Promise<void>;
  download(): Promise<void>;
  /** The workbook changed (a consolidation): the last check no longer describes it. */
  forget(): void;
}

export interface CheckOptions {
  /** The language of the issue messages. */
  lang: Lang;
  /** The report date (default: today where the user is). */
  today: (() => IsoDate) | undefined;
  templateId: string | undefined;
  imported: readonly Template[];
}

export function useCheck(
  host: WorkbookHost,
  { lang, today, templateId, imported }: CheckOptions,
  { perform, report }: Pick<ActivityState, "perform" | "report">,
  { say, fail }: Pick<Notices, "say" | "fail">,
): CheckSlice {
  const [run, setRun] = useState<CheckRun | null>(null);

  useEffect(() => setRun(null), [host]);

  const rerun = useCallback(
    async (id: string | undefined, templates: readonly Template[]) => {
      report({ kind: "reading", progress: null });
      const flow = await loadPipeline();
      const asOf = today ? today() : flow.localToday();
      const r = await flow.runCheck(host, {
        templates: flow.allTemplates(templates),
        ...(id ? { templateId: id } : {}),
        asOf,
        refreshedAt: asOf,
        lang,
        onProgress: (progress) => report({ kind: "reading", progress }),
        onChecking: () => report({ kind: "checking" }),
      });
      setRun(r);
      say(
        r.missingTemplateId
          ? [{ intent: "warning", key: "templateNotFound", params: { id: r.missingTemplateId } }]
          : [],
      );
    },
    [host, lang, today, report, say],
  );

  const check = useCallback(
    () => perform({ kind: "reading", progress: null }, () => rerun(templateId, imported)),
    [perform, rerun, templateId, imported],
  );

  const goTo = useCallback(
    async (issue: Issue) => {
      if (!issue.cell || !host.capabilities.navigate) return;
      try {
        await host.goTo(issue.sheet, issue.cell);
      } catch (e) {
        fail(e);
      }
    },
    [host, fail],
  );

  const writeReport = useCallback(
    () =>
      perform({ kind: "action", name: "writeReport" }, async () => {
        if (!run) return;
        say(outcomeMessages(await host.writeReport(run.build.flk)));
      }),
    [perform, host, run, say],
  );

  const fillDashboard = useCallback(
    () =>
      perform({ kind: "action", name: "fillDashboard" }, async () => {
        if (!run) return;
        say(outcomeMessages(await host.writeDashboard(run.build)));
      }),
    [perform, host, run, say],
  );

  const download = useCallback(
    () =>
      perform({ kind: "action", name: "download" }, async () => {
        if (!host.download) return;
        // The copy the user takes away carries the current check: «Дашборд» and «Отчёт ФЛК» are
        // (re)written first (refreshing replaces only Sverka's own sheets).
        if (run) say(outcomeMessages(await host.writeDashboard(run.build)));
        const file = await host.download();
        saveFile(file.fileName, file.data, XLSX_MIME);
      }),
    [perform, host, run, say],
  );

  const forget = useCallback(() => setRun(null), []);

  return { run, check, rerun, goTo, writeReport, fillDashboard, download, forget };
}
