/**
 * Templates and the workbook's settings: the stored choice, the imported templates (kept in the
 * workbook), import with a located complaint, removal, export, and the blank sheets of a template.
 */
import { useCallback, useEffect, useState } from "react";
import type { Template } from "../../core/template/schema";
import type { StoredSettings, WorkbookHost } from "../../hosts/host";
import type { Lang } from "../../i18n/strings";
import { JSON_MIME, readFileText, saveFile } from "../files";
import { outcomeMessages } from "../messages";
import { loadPipeline, type ImportProblem, type StoredTemplates } from "./pipeline";
import type { ActivityState } from "./useActivity";
import type { Notices } from "./useNotices";

export type { ImportProblem };

/** Runs the check again with a new choice (the check hook's `rerun`). */
export type Recheck = (templateId: string | undefined, imported: readonly Template[]) => Promise<void>;

export interface TemplatesSlice {
  /** Settings are loaded (the check waits for the stored template choice). */
  ready: boolean;
  /** The stored template choice (absent: detected). */
  templateId: string | undefined;
  /** Built-in and imported templates. */
  templates: Template[];
  imported: Template[];
  importProblem: ImportProblem | null;
  /** Saves the choice; `recheck` (when a check was run) runs it again with the choice. */
  choose(id: string | null, recheck?: Recheck): Promise<void>;
  importTemplate(file: File): Promise<void>;
  removeTemplate(id: string): Promise<void>;
  exportTemplate(template: Template): Promise<void>;
  createSheets(template: Template): Promise<void>;
}

const EMPTY_STORED: StoredTemplates = { templates: [], invalid: [] };

export function useTemplates(
  host: WorkbookHost,
  lang: Lang,
  { perform }: Pick<ActivityState, "perform">,
  { say, fail }: Pick<Notices, "say" | "fail">,
): TemplatesSlice {
  const [ready, setReady] = useState(false);
  const [settings, setSettings] = useState<StoredSettings>({});
  const [stored, setStored] = useState<StoredTemplates>(EMPTY_STORED);
  /** Built-in and imported templates (the built-in ones arrive with the pipeline). */
  const [templates, setTemplates] = useState<Template[]>([]);
  const [importProblem, setImportProblem] = useState<ImportProblem | null>(null);

  useEffect(() => {
    let cancelled = false;
    setReady(false);
    void (async () => {
      try {
        const [flow, loaded] = await Promise.all([loadPipeline(), host.loadSettings()]);
        if (cancelled) return;
        const st = flow.loadStoredTemplates(loaded);
        setSettings(loaded);
        setStored(st);
        setTemplates(flow.allTemplates(st.templates));
        say(st.invalid.map((index) => ({ intent: "warning", key: "storedTemplateInvalid", params: { index } })));
      } catch (e) {
        if (cancelled) return;
        fail(e);
        // The settings could not be read: work without them (the built-in templates only).
        const flow = await loadPipeline().catch(() => null);
        if (flow && !cancelled) setTemplates(flow.allTemplates([]));
      } finally {
        if (!cancelled) setReady(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [host, say, fail]);

  const save = useCallback(
    async (next: StoredSettings) => {
      const flow = await loadPipeline();
      await host.saveSettings(next);
      setSettings(next);
      const st = flow.loadStoredTemplates(next);
      setStored(st);
      setTemplates(flow.allTemplates(st.templates));
      return st;
    },
    [host],
  );

  const choose = useCallback(
    (id: string | null, recheck?: Recheck) =>
      perform({ kind: "action", name: "template" }, async () => {
        const next: StoredSettings = { ...settings };
        if (id) next.templateId = id;
        else delete next.templateId;
        const st = await save(next);
        if (recheck) await recheck(next.templateId, st.templates);
      }),
    [perform, settings, save],
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
        const flow = await loadPipeline();
        const imported = flow.importTemplateText(fileName, text, lang);
        if (!imported.ok) {
          setImportProblem(imported.problem);
          return;
        }
        const { id, title } = imported.template;
        const { importedTemplates, replaced } = flow.withImportedTemplate(settings, id, text);
        await save({ ...settings, importedTemplates });
        say([{ intent: "success", key: replaced ? "importReplaced" : "importOk", params: { id, title } }]);
      }),
    [perform, lang, settings, save, say],
  );

  const removeTemplate = useCallback(
    (id: string) =>
      perform({ kind: "action", name: "removeTemplate" }, async () => {
        const flow = await loadPipeline();
        const next: StoredSettings = { ...settings, importedTemplates: flow.withoutImportedTemplate(settings, id) };
        if (next.templateId === id) delete next.templateId;
        await save(next);
        say([{ intent: "success", key: "templateRemoved", params: { id } }]);
      }),
    [perform, settings, save, say],
  );

  const exportTemplate = useCallback(
    async (template: Template) => {
      try {
        const flow = await loadPipeline();
        saveFile(`${template.id}.json`, flow.templateToJson(template), JSON_MIME);
      } catch (e) {
        fail(e);
      }
    },
    [fail],
  );

  const createSheets = useCallback(
    (template: Template) =>
      perform({ kind: "action", name: "createSheets" }, async () => {
        say(outcomeMessages(await host.createBlankSheets(template)));
      }),
    [perform, host, say],
  );

  return {
    ready,
    templateId: settings.templateId,
    templates,
    imported: stored.templates,
    importProblem,
    choose,
    importTemplate,
    removeTemplate,
    exportTemplate,
    createSheets,
  };
}
