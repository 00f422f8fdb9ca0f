/**
 * Templates for every entry point (pane, ribbon, CLI): the built-in ones plus the ones a user
 * imported (the pane stores them in the workbook as JSON text, the CLI takes `--template-file`).
 *
 * ONE precedence rule: **a built-in id is reserved**. An imported template whose id is a built-in
 * one is refused with a message naming the file (the pane's import, the CLI's `--template-file`),
 * and `allTemplates` never lets an imported template shadow a built-in one (a stored text that
 * somehow carries a built-in id is ignored). Among imported templates the later import of an id
 * replaces the earlier one.
 */
import { en, ru } from "zod/v4/locales";
import { TemplateSchema, type Template } from "../core/template/schema";
import { BUILTIN_TEMPLATES } from "../core/templates";
import type { StoredSettings } from "../hosts/host";
import type { FormatParams, Lang, StringKey } from "../i18n/strings";

/** Built-in templates first, then the imported ones (an imported id never shadows a built-in one). */
export function allTemplates(imported: readonly Template[]): Template[] {
  const own = new Map<string, Template>();
  for (const t of imported) if (!isBuiltinTemplate(t.id)) own.set(t.id, t);
  return [...BUILTIN_TEMPLATES, ...own.values()];
}

export function isBuiltinTemplate(id: string): boolean {
  return BUILTIN_TEMPLATES.some((t) => t.id === id);
}

/** The template chosen by id among `templates`; undefined when absent or unknown. */
export function findTemplate(templates: readonly Template[], id: string | undefined): Template | undefined {
  return id ? templates.find((t) => t.id === id) : undefined;
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
  // Only the two locales the UI speaks (the `z.locales` namespace would bring some forty).
  const locale = lang === "en" ? en() : ru();
  const r = TemplateSchema.safeParse(input, { error: locale.localeError });
  if (r.success) return { ok: true, template: r.data };
  return {
    ok: false,
    kind: "schema",
    issues: r.error.issues.map((i) => ({ path: readablePath(i.path, input), message: i.message })),
  };
}

/** Why an imported template file was refused, for the dictionary (`i18n/strings.ts`). */
export interface ImportProblem {
  key: StringKey;
  params: FormatParams;
  /** The schema's complaints (a bad template), else empty. */
  issues: TemplateIssue[];
}

/**
 * A template file's text as an import: the template, or the problem that refuses it (not JSON,
 * empty, not a template, or a built-in id: the precedence rule above).
 */
export function importTemplateText(
  fileName: string,
  text: string,
  lang: Lang = "ru",
): { ok: true; template: Template } | { ok: false; problem: ImportProblem } {
  const file = fileName;
  const parsed = parseTemplateText(text, lang);
  const refuse = (key: StringKey, params: FormatParams, issues: TemplateIssue[] = []) =>
    ({ ok: false, problem: { key, params, issues } }) as const;
  if (!parsed.ok) {
    if (parsed.kind === "empty") return refuse("importEmptyFile", { file });
    if (parsed.kind === "json")
      return parsed.line === null
        ? refuse("importBadJson", { file })
        : refuse("importBadJsonAt", { file, line: parsed.line, column: parsed.column ?? 0, near: parsed.near });
    return refuse("importBadSchema", { file, count: parsed.issues.length }, parsed.issues);
  }
  if (isBuiltinTemplate(parsed.template.id)) return refuse("importBuiltinId", { id: parsed.template.id, file });
  return { ok: true, template: parsed.template };
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
  const kept = withoutImportedTemplate(settings, id);
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
