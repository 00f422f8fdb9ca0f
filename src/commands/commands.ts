/*
 * Ribbon commands (FunctionFile, loaded by commands.html). The manifest's «Проверить книгу» button
 * runs `checkWorkbook` through ExecuteFunction.
 */

/* global Office, console */

import { runCheck } from "../app/check";
import { localToday } from "../app/dates";
import { allTemplates, loadStoredTemplates } from "../app/templates";
import { toHostError } from "../hosts/excel/errors";
import { createExcelHost } from "../hosts/excel";
import type { HostError, WorkbookHost } from "../hosts/host";
import { langOf, type Lang } from "../i18n/strings";

export interface CheckWorkbookDeps {
  /** The host to use (default: the Excel host). */
  host?: () => WorkbookHost;
  /** The report date (default: today). */
  asOf?: () => string;
  /** Where a failure is reported (default: the console, with the Office code and debug info). */
  report?: (error: HostError) => void;
  /** The language of the report's messages (default: Office's display language). */
  lang?: () => Lang;
}

function officeLang(): Lang {
  return langOf(typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);
}

function logError(error: HostError): void {
  console.error(`Сверка: проверка книги не выполнена [${error.code}] ${error.message}`, error.debugInfo ?? "");
}

/**
 * «Проверить книгу» from the ribbon: reads the workbook, checks it against the stored template (or
 * the detected one) as of today, writes «Отчёт ФЛК» and activates it. It always signals completion,
 * otherwise Office keeps the button busy. On a failure nothing is written (the report sheet is
 * written last, in one batch); the error, with its Office code and debug info, goes to `report`:
 * an ExecuteFunction command has no UI of its own, and the task pane shows the same errors with
 * their codes when the check is run from there.
 */
export async function checkWorkbook(event: Office.AddinCommands.Event, deps: CheckWorkbookDeps = {}): Promise<void> {
  try {
    const host = (deps.host ?? createExcelHost)();
    const settings = await host.loadSettings();
    const run = await runCheck(host, {
      templates: allTemplates(loadStoredTemplates(settings).templates),
      ...(settings.templateId ? { templateId: settings.templateId } : {}),
      asOf: (deps.asOf ?? (() => localToday()))(),
      lang: (deps.lang ?? officeLang)(),
    });
    await host.writeReport(run.build.flk);
  } catch (e) {
    (deps.report ?? logError)(toHostError(e));
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to initialise: the command runs on demand.
  });
  // Must equal <FunctionName> in manifest.xml (checked by tests/manifest.test.ts).
  Office.actions.associate("checkWorkbook", (event: Office.AddinCommands.Event) => checkWorkbook(event));
}
