/**
 * What the pane loads on demand, each in its own chunk: the check's pipeline (the core with its
 * templates and zod), consolidation with its file reader (ExcelJS), the consolidation tab and the
 * charts. The pane's first load carries none of them. (Jest runs modules as CommonJS without
 * `import()`: its config maps this module to `testing/lazy.ts`, which imports them statically.)
 */
export const loadWorkflow = () => import(/* webpackChunkName: "pipeline" */ "./workflow.js");
export const loadConsolidateFlow = () => import(/* webpackChunkName: "consolidate" */ "./consolidateFlow.js");
export const loadConsolidateTab = () =>
  import(/* webpackChunkName: "consolidate-tab" */ "./components/ConsolidateTab.js");
export const loadCharts = () => import(/* webpackChunkName: "charts" */ "./components/IndicatorCharts.js");
