/*
 * Ribbon commands (FunctionFile, loaded by commands.html). The manifest's
 * «Проверить книгу» button runs `checkWorkbook` through ExecuteFunction.
 */

/* global Office */

/**
 * «Проверить книгу» from the ribbon. For now it writes nothing to the
 * workbook; it must always signal completion, otherwise Office keeps the
 * button busy.
 */
export async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The check is not wired yet: the task pane and src/core will provide it.
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to initialise yet: the command runs on demand.
  });
  // Must equal <FunctionName> in manifest.xml (checked by tests/manifest.test.ts).
  Office.actions.associate("checkWorkbook", checkWorkbook);
}
