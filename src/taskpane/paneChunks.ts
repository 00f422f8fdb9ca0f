/**
 * What the pane loads on demand, each in its own chunk: the application pipeline (the core with
 * its templates and zod: `state/appPipeline.ts`), the consolidation tab and the charts. The pane's
 * first load carries none of them; the file readers come through the entry's reader port
 * (`filePort.ts`). (Jest runs modules as CommonJS without `import()`: its config maps this module
 * to `testing/paneChunks.ts`, which imports them statically.)
 */
export const loadAppPipeline = () => import(/* webpackChunkName: "pipeline" */ "./state/appPipeline.js");
export const loadConsolidateTab = () =>
  import(/* webpackChunkName: "consolidate-tab" */ "./components/ConsolidateTab.js");
export const loadCharts = () => import(/* webpackChunkName: "charts" */ "./components/IndicatorCharts.js");
