/**
 * What the pane uses of the application pipeline (`src/app/`), gathered as one module so that it
 * loads as one chunk after the pane's first paint (`../paneChunks.ts`): the check (and the справка's indicators), templates, the report
 * date and consolidation, with the core, the built-in templates and zod behind them.
 */
export { isKnownProject, projectIndicators, runCheck } from "../../app/check";
export { runConsolidation } from "../../app/consolidate";
export { localToday } from "../../app/dates";
export {
  allTemplates,
  importTemplateText,
  loadStoredTemplates,
  templateToJson,
  withImportedTemplate,
  withoutImportedTemplate,
} from "../../app/templates";
