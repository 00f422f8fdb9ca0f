/**
 * The pane's workflow without React: read the workbook through the host → check it against the
 * stored or detected template → build the indicators and the dashboard/report layouts. Also the
 * template bookkeeping (imported templates stored as JSON text) and the import of a template file
 * with a located message for a bad one. The ribbon command can run the same `runCheck`.
 */
import { z } from "zod";
import { buildDashboardLayouts, type DashboardBuild } from "../core/dashboard/build";
import { isoDate, type IsoDate } from "../core/model/dates";
import type { WorkbookData } from "../core/model/sheet";
import { TemplateSchema, type Template } from "../core/template/schema";
import { BUILTIN_TEMPLATES } from "../core/templates";
import { validateWorkbook, type WorkbookCheck } from "../core/validate";
import type { ReadProgress, StoredSettings, WorkbookHost } from "../hosts/host";
import { localizeReport } from "../i18n/issueMessages";
import type { Lang } from "../i18n/strings";

/** The report date: today in the user's time zone. */
export function localToday(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export interface CheckRun {
  workbook: WorkbookData;
  check: WorkbookCheck;
  build: DashboardBuild;
  asOf: IsoDate;
  /** The stored template id that no longer exists (the template was detected instead). */
  missingTemplateId?: string;
}

export interface CheckOptions {
  /** Built-in plus imported templates. */
  templates: readonly Template[];
  /** The user's choice; absent: detect. */
  templateId?: string;
  asOf: IsoDate;
  onProgress?: (p: ReadProgress) => void;
  /** Called once the workbook is read, before the core runs (the UI shows «Проверка…»). */
  onChecking?: () => void;
  /** The language of the report's messages (default Russian). */
  lang?: Lang;
}

/** Lets the browser paint (a spinner) before the synchronous core takes the thread. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runCheck(host: WorkbookHost, options: CheckOptions): Promise<CheckRun> {
  const workbook = await host.read(options.onProgress);
  options.onChecking?.();
  await yieldToUi();
  const chosen = options.templateId ? options.templates.find((t) => t.id === options.templateId) : undefined;
  const checked = validateWorkbook(workbook, {
    templates: options.templates,
    asOf: options.asOf,
    ...(chosen ? { template: chosen } : {}),
  });
  // Every consumer (the issue list, marks, «Отчёт ФЛК») reads the messages rendered here.
  const check = { ...checked, report: localizeReport(checked.report, options.lang ?? "ru") };
  const build = buildDashboardLayouts(workbook, check, { asOf: options.asOf, refreshedAt: options.asOf });
  return {
    workbook,
    check,
    build,
    asOf: options.asOf,
    ...(options.templateId && !chosen ? { missingTemplateId: options.templateId } : {}),
  };
}

// Templates ------------------------------------------------------------------------------------

/** Built-in templates first, then the imported ones (an imported id never shadows a built-in one). */
export function allTemplates(imported: readonly Template[]): Template[] {
  return [...BUILTIN_TEMPLATES, ...imported.filter((t) => !BUILTIN_TEMPLATES.some((b) => b.id === t.id))];
}

export function isBuiltinTemplate(id: string): boolean {
  return BUILTIN_TEMPLATES.some((t) => t.id === id);
}

/** One problem of a template file, ready for the dictionary: a readable path and zod's message. */
export interface TemplateIssue {
  /** `indicators[3] «shnor_share» › targets[0] › op`; empty for the whole file. */
  path: string;
  message: string;
}

export type TemplateParse =
  | { ok: true; template: Template }
  | { ok: false; kind: "empty" }
  | { ok: false; kind: "json"; line: number | null; column: number | null; near: string }
  | { ok: false; kind: "schema"; issues: TemplateIssue[] };

/**
 * Where `JSON.parse` failed, as 1-based line and column: from the engine's message (V8 gives
 * `position N`, newer V8 and Firefox `line L column C`), else unknown.
 */
export function jsonErrorLocation(text: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : String(error);
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/i.exec(message);
  let offset: number | null = pos ? Number(pos[1]) : null;
  if (offset === null && /unexpected end/i.test(message)) offset = text.length;
  if (offset === null) return null;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column };
}

/** The text of `line` around `column`, shortened, for «рядом с …». */
function nearText(text: string, line: number, column: number): string {
  const src = (text.split("\n")[line - 1] ?? "").replace(/\r$/, "");
  const from = Math.max(0, column - 21);
  const piece = src.slice(from, column + 20).trim();
  return (from > 0 ? "…" : "") + piece + (column + 20 < src.length ? "…" : "");
}

/** `["indicators", 3, "targets", 0, "op"]` → `indicators[3] «shnor_share» › targets[0] › op`. */
export function readablePath(path: readonly PropertyKey[], input: unknown): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (const seg of path) {
    const next = node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
    if (typeof seg === "number") {
      const id =
        next !== null && typeof next === "object" && typeof (next as { id?: unknown }).id === "string"
          ? ` «${(next as { id: string }).id}»`
          : "";
      const last = parts.pop() ?? "";
      parts.push(`${last}[${seg}]${id}`);
    } else parts.push(String(seg));
    node = next;
  }
  return parts.join(" › ");
}

/** Parses and validates template JSON; zod's own messages in the UI language. */
export function parseTemplateText(text: string, lang: Lang = "ru"): TemplateParse {
  if (!text.trim()) return { ok: false, kind: "empty" };
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const at = jsonErrorLocation(text, e);
    return at
      ? { ok: false, kind: "json", line: at.line, column: at.column, near: nearText(text, at.line, at.column) }
      : { ok: false, kind: "json", line: null, column: null, near: "" };
  }
  const locale = lang === "en" ? z.locales.en() : z.locales.ru();
  const r = TemplateSchema.safeParse(input, { error: locale.localeError });
  if (r.success) return { ok: true, template: r.data };
  return {
    ok: false,
    kind: "schema",
    issues: r.error.issues.map((i) => ({ path: readablePath(i.path, input), message: i.message })),
  };
}

export interface StoredTemplates {
  templates: Template[];
  /** 1-based positions of stored texts that no longer validate (skipped). */
  invalid: number[];
}

/** The imported templates stored in the workbook, each re-validated. */
export function loadStoredTemplates(settings: StoredSettings): StoredTemplates {
  const templates: Template[] = [];
  const invalid: number[] = [];
  (settings.importedTemplates ?? []).forEach((text, i) => {
    const r = parseTemplateText(text);
    if (r.ok) templates.push(r.template);
    else invalid.push(i + 1);
  });
  return { templates, invalid };
}

/** Stored texts with `text` (template `id`) added, replacing an earlier import of the same id. */
export function withImportedTemplate(
  settings: StoredSettings,
  id: string,
  text: string,
): { importedTemplates: string[]; replaced: boolean } {
  const kept = (settings.importedTemplates ?? []).filter((t) => {
    const r = parseTemplateText(t);
    return !(r.ok && r.template.id === id);
  });
  const replaced = kept.length !== (settings.importedTemplates ?? []).length;
  return { importedTemplates: [...kept, text], replaced };
}

/** Stored texts without template `id`. */
export function withoutImportedTemplate(settings: StoredSettings, id: string): string[] {
  return (settings.importedTemplates ?? []).filter((t) => {
    const r = parseTemplateText(t);
    return !(r.ok && r.template.id === id);
  });
}

/** A template as the JSON a user can edit and import again. */
export function templateToJson(template: Template): string {
  return JSON.stringify(template, null, 2) + "\n";
}
