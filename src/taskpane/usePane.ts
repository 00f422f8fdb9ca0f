/**
 * The pane's state and actions in one hook: settings and imported templates, the last check,
 * what is running (reading progress, checking, an action), the host's error and the messages.
 * Every host call goes through `perform`, which shows a failure with its code and keeps the pane usable.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { IsoDate } from "../core/model/dates";
import type { Issue } from "../core/report/issue";
import type { Template } from "../core/template/schema";
import type { ReadProgress, StoredSettings, WorkbookHost } from "../hosts/host";
import type { Lang } from "../i18n/strings";
import { describeError, type ErrorInfo } from "./errors";
import { JSON_MIME, XLSX_MIME, readFileText, saveFile } from "./files";
import { noticeMessage, outcomeMessages, type NewMessage, type PaneMessage } from "./messages";
import { runCheck, type CheckRun } from "../app/check";
import { runConsolidation, type ConsolidationRun, type ConsolidationStep } from "../app/consolidate";
import {
  allTemplates,
  importTemplateText,
  loadStoredTemplates,
  templateToJson,
  withImportedTemplate,
  withoutImportedTemplate,
  type ImportProblem,
  type StoredTemplates,
} from "../app/templates";
import { HostError } from "../hosts/host";
import { useFileReader } from "./filePort";

export type ActionName =
  | "template"
  | "mark"
  | "clearMarks"
  | "writeReport"
  | "fillDashboard"
  | "createSheets"
  | "download"
  | "import"
  | "removeTemplate"
  | "consolidate"
  | "undoConsolidation";

export type Activity =
  { kind: "reading"; progress: ReadProgress | null } | { kind: "checking" } | { kind: "action"; name: ActionName };

/** Why an imported file was refused, for the dictionary; `issues` lists the schema's complaints. */
export type { ImportProblem };

export interface PaneOptions {
  lang: Lang;
  /** The report date (default: today). */
  today: () => IsoDate;
}

export interface PaneState {
  /** Settings are loaded (the check waits for the stored template choice). */
  ready: boolean;
  settings: StoredSettings;
  /** Built-in and imported templates. */
  templates: Template[];
  imported: Template[];
  run: CheckRun | null;
  activity: Activity | null;
  error: ErrorInfo | null;
  messages: PaneMessage[];
  marked: number;
  importProblem: ImportProblem | null;
  /** The last consolidation (report and what was written), until it is undone. */
  consolidation: ConsolidationRun | null;
  /** Where a running consolidation is. */
  consolidationStep: ConsolidationStep | null;
  /** The host can take a consolidation back now («Отменить свод»). */
  canUndoConsolidation: boolean;
}

export interface PaneActions {
  check(): Promise<void>;
  chooseTemplate(id: string | null): Promise<void>;
  goTo(issue: Issue): Promise<void>;
  mark(issues: readonly Issue[]): Promise<void>;
  clearMarks(): Promise<void>;
  writeReport(): Promise<void>;
  fillDashboard(): Promise<void>;
  createSheets(template: Template): Promise<void>;
  download(): Promise<void>;
  importTemplate(file: File): Promise<void>;
  removeTemplate(id: string): Promise<void>;
  /** Reads the picked school files and writes their rows into this workbook (the master). */
  consolidate(files: readonly File[], mergeValidRows: boolean): Promise<void>;
  undoConsolidation(): Promise<void>;
  exportTemplate(template: Template): void;
  dismissError(): void;
  dismissMessage(id: number): void;
}

const EMPTY_STORED: StoredTemplates = { templates: [], invalid: [] };

export function usePane(host: WorkbookHost, options: PaneOptions): [PaneState, PaneActions] {
  const { lang, today } = options;
  const [ready, setReady] = useState(false);
  const [settings, setSettings] = useState<StoredSettings>({});
  const [stored, setStored] = useState<StoredTemplates>(EMPTY_STORED);
  const [run, setRun] = useState<CheckRun | null>(null);
  const [activity, setActivity] = useState<Activity | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [messages, setMessages] = useState<PaneMessage[]>([]);
  const [marked, setMarked] = useState(0);
  const [importProblem, setImportProblem] = useState<ImportProblem | null>(null);
  const [consolidation, setConsolidation] = useState<ConsolidationRun | null>(null);
  const [consolidationStep, setConsolidationStep] = useState<ConsolidationStep | null>(null);
  const [canUndoConsolidation, setCanUndoConsolidation] = useState(false);
  const nextId = useRef(1);
  const reader = useFileReader();

  const say = useCallback((list: NewMessage[]) => {
    setMessages(list.map((m) => ({ ...m, id: nextId.current++ })));
  }, []);

  const perform = useCallback(async (start: Activity, work: () => Promise<void>): Promise<void> => {
    setActivity(start);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setActivity(null);
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    setReady(false);
    setRun(null);
    void (async () => {
      try {
        const loaded = await host.loadSettings();
        const count = host.capabilities.marks ? await host.markedCount() : 0;
        const undo = host.canUndoConsolidation ? await host.canUndoConsolidation() : false;
        if (cancelled) return;
        setCanUndoConsolidation(undo);
        const st = loadStoredTemplates(loaded);
        setSettings(loaded);
        setStored(st);
        setMarked(count);
        say(st.invalid.map((index) => ({ intent: "warning", key: "storedTemplateInvalid", params: { index } })));
      } catch (e) {
        if (!cancelled) setError(describeError(e));
      } finally {
        if (!cancelled) setReady(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [host, say]);

  /** The check itself, inside an activity already started. */
  const doCheck = useCallback(
    async (templateId: string | undefined, imported: readonly Template[]) => {
      setActivity({ kind: "reading", progress: null });
      const r = await runCheck(host, {
        templates: allTemplates(imported),
        ...(templateId ? { templateId } : {}),
        asOf: today(),
        refreshedAt: today(),
        lang,
        onProgress: (progress) => setActivity({ kind: "reading", progress }),
        onChecking: () => setActivity({ kind: "checking" }),
      });
      setRun(r);
      say(
        r.missingTemplateId
          ? [{ intent: "warning", key: "templateNotFound", params: { id: r.missingTemplateId } }]
          : [],
      );
    },
    [host, today, lang, say],
  );

  const check = useCallback(
    () => perform({ kind: "reading", progress: null }, () => doCheck(settings.templateId, stored.templates)),
    [perform, doCheck, settings.templateId, stored.templates],
  );

  const saveSettings = useCallback(
    async (next: StoredSettings) => {
      await host.saveSettings(next);
      setSettings(next);
      const st = loadStoredTemplates(next);
      setStored(st);
      return st;
    },
    [host],
  );

  const chooseTemplate = useCallback(
    (id: string | null) =>
      perform({ kind: "action", name: "template" }, async () => {
        const next: StoredSettings = { ...settings };
        if (id) next.templateId = id;
        else delete next.templateId;
        const st = await saveSettings(next);
        if (run) await doCheck(next.templateId, st.templates);
      }),
    [perform, settings, saveSettings, run, doCheck],
  );

  const goTo = useCallback(
    async (issue: Issue) => {
      if (!issue.cell || !host.capabilities.navigate) return;
      try {
        await host.goTo(issue.sheet, issue.cell);
      } catch (e) {
        setError(describeError(e));
      }
    },
    [host],
  );

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

  const createSheets = useCallback(
    (template: Template) =>
      perform({ kind: "action", name: "createSheets" }, async () => {
        say(outcomeMessages(await host.createBlankSheets(template)));
      }),
    [perform, host, say],
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

  const importTemplate = useCallback(
    (file: File) =>
      perform({ kind: "action", name: "import" }, async () => {
        setImportProblem(null);
        const fileName = file.name;
        let text: string;
        try {
          text = await readFileText(file);
        } catch {
          setImportProblem({ key: "importReadFailed", params: { file: fileName }, issues: [] });
          return;
        }
        const imported = importTemplateText(fileName, text, lang);
        if (!imported.ok) {
          setImportProblem(imported.problem);
          return;
        }
        const { id, title } = imported.template;
        const { importedTemplates, replaced } = withImportedTemplate(settings, id, text);
        await saveSettings({ ...settings, importedTemplates });
        say([{ intent: "success", key: replaced ? "importReplaced" : "importOk", params: { id, title } }]);
      }),
    [perform, lang, settings, saveSettings, say],
  );

  const removeTemplate = useCallback(
    (id: string) =>
      perform({ kind: "action", name: "removeTemplate" }, async () => {
        const next: StoredSettings = { ...settings, importedTemplates: withoutImportedTemplate(settings, id) };
        if (next.templateId === id) delete next.templateId;
        await saveSettings(next);
        say([{ intent: "success", key: "templateRemoved", params: { id } }]);
      }),
    [perform, settings, saveSettings, say],
  );

  const consolidate = useCallback(
    (files: readonly File[], mergeValidRows: boolean) =>
      perform({ kind: "action", name: "consolidate" }, async () => {
        setConsolidation(null);
        if (!reader) throw new HostError("Свод файлов здесь недоступен: нет чтения файлов.", "UNSUPPORTED");
        try {
          const result = await runConsolidation(host, files, {
            templates: allTemplates(stored.templates),
            ...(settings.templateId ? { templateId: settings.templateId } : {}),
            asOf: today(),
            mergeValidRows,
            lang,
            reader,
            onStep: setConsolidationStep,
          });
          setConsolidation(result);
          const outcome = result.outcome;
          if (!outcome) return;
          // The workbook changed: the earlier check no longer describes it.
          setRun(null);
          const { rows, replaced_rows } = result.report.summary;
          say([
            { intent: "success", key: "consolidateDone", params: { rows, replaced: replaced_rows } },
            ...(host.capabilities.download
              ? [{ intent: "info" as const, key: "consolidateDownloadHint" as const, params: {} }]
              : []),
            ...(run ? [{ intent: "info" as const, key: "consolidateChecked" as const, params: {} }] : []),
            ...outcome.notices.map(noticeMessage),
          ]);
        } finally {
          setConsolidationStep(null);
          // Also after a failure: a write that stopped half-way may have left something to undo.
          setCanUndoConsolidation(host.canUndoConsolidation ? await host.canUndoConsolidation() : false);
        }
      }),
    [perform, host, reader, stored.templates, settings.templateId, today, lang, run, say],
  );

  const undoConsolidation = useCallback(
    () =>
      perform({ kind: "action", name: "undoConsolidation" }, async () => {
        if (!host.undoConsolidation) return;
        try {
          const undone = await host.undoConsolidation();
          setConsolidation(null);
          setRun(null);
          say([
            {
              intent: "success",
              key: "consolidateUndone",
              params: { removed: undone.removed, restored: undone.restored },
            },
          ]);
        } finally {
          setCanUndoConsolidation(host.canUndoConsolidation ? await host.canUndoConsolidation() : false);
        }
      }),
    [perform, host, say],
  );

  const exportTemplate = useCallback((template: Template) => {
    try {
      saveFile(`${template.id}.json`, templateToJson(template), JSON_MIME);
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  const dismissError = useCallback(() => setError(null), []);
  const dismissMessage = useCallback((id: number) => setMessages((list) => list.filter((m) => m.id !== id)), []);

  const templates = useMemo(() => allTemplates(stored.templates), [stored.templates]);
  const state: PaneState = {
    ready,
    settings,
    templates,
    imported: stored.templates,
    run,
    activity,
    error,
    messages,
    marked,
    importProblem,
    consolidation,
    consolidationStep,
    canUndoConsolidation,
  };
  const actions: PaneActions = {
    check,
    chooseTemplate,
    goTo,
    mark,
    clearMarks,
    writeReport,
    fillDashboard,
    createSheets,
    download,
    importTemplate,
    removeTemplate,
    consolidate,
    undoConsolidation,
    exportTemplate,
    dismissError,
    dismissMessage,
  };
  return [state, actions];
}
