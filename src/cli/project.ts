/**
 * What the commands share: templates from `--template-file` (through the app's one precedence
 * rule), the chosen template, the dates, reading a workbook and writing a result file. The file
 * host is loaded on first use (`fileHost.ts`), so `sverka templates` and `--help` never load it.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { InvalidDateError, runDates, type RunDates } from "../app/dates";
import { allTemplates, importTemplateText } from "../app/templates";
import type { WorkbookData } from "../core/model/sheet";
import type { Template } from "../core/template/schema";
import { readErrorMessage } from "../i18n/readErrors";
import { format, getStrings, type Lang } from "../i18n/strings";
import { UsageError, type Cli } from "./context";
import { fsReason } from "./i18n";
import { xlsxNode } from "./fileHost";

/** The built-in templates plus the `--template-file` ones; a bad or clashing file is a usage error. */
export async function loadTemplates(cli: Cli, files: readonly string[] = []): Promise<Template[]> {
  const imported: Template[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      throw cli.usage("templateUnreadable", { file, reason: fsReason(cli.lang, e) });
    }
    const r = importTemplateText(file, text, cli.lang);
    if (!r.ok) {
      const why = format(getStrings(cli.lang)[r.problem.key], r.problem.params);
      const details = r.problem.issues.map((i) => `\n  ${i.path ? `${i.path}: ` : ""}${i.message}`).join("");
      throw cli.usage("templateRefused", { file, reason: why + details });
    }
    imported.push(r.template);
  }
  return allTemplates(imported);
}

/** The id the user chose, checked against the templates (undefined: detect). */
export function chosenTemplate(cli: Cli, id: string | undefined, templates: readonly Template[]): string | undefined {
  if (id === undefined) return undefined;
  if (!templates.some((t) => t.id === id))
    throw cli.usage("noTemplate", { id, ids: templates.map((t) => t.id).join(", ") });
  return id;
}

export function dates(cli: Cli, asOf: string | undefined): RunDates {
  try {
    return runDates(asOf);
  } catch (e) {
    if (e instanceof InvalidDateError) throw cli.usage("badDate", { value: e.input });
    throw e;
  }
}

/**
 * Reads a workbook for a one-file command: an unreadable file is a usage error (exit 2, its
 * message in `lang`, Russian by default). `forWriting`: the command writes a copy of it, so it
 * must be an .xlsx/.xlsm package.
 */
export async function openWorkbook(
  file: string,
  options: { forWriting?: boolean; lang?: Lang } = {},
): Promise<{ workbook: WorkbookData; bytes: Uint8Array }> {
  const { readWorkbookFileWithBytes, readWritableWorkbookFile, WorkbookReadError } = xlsxNode();
  try {
    return await (options.forWriting ? readWritableWorkbookFile(file) : readWorkbookFileWithBytes(file));
  } catch (e) {
    if (e instanceof WorkbookReadError)
      throw new UsageError(readErrorMessage(e.params, options.lang ?? "ru") ?? e.message);
    throw e;
  }
}

/** `--out` must not be one of the inputs. */
export function checkOut(cli: Cli, out: string, inputs: readonly string[]): void {
  const target = resolve(out);
  if (inputs.some((f) => resolve(f) === target)) throw cli.usage("outIsInput", { file: out });
}

export async function writeOut(cli: Cli, file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (e) {
    throw cli.usage("cannotWrite", { file, reason: fsReason(cli.lang, e) });
  }
}
