/**
 * `../paneChunks` for Jest (mapped in jest.config.js): the same modules, imported statically, because
 * Jest runs CommonJS without `import()` support.
 */
import * as appPipeline from "../state/appPipeline";
import * as consolidateTab from "../components/ConsolidateTab";
import type * as Charts from "../components/IndicatorCharts";

export const loadAppPipeline = async () => appPipeline;
export const loadConsolidateTab = async () => consolidateTab;
// Required only when a chart is drawn (never under jsdom, which has no layout): the charts'
// d3 modules are ES modules that Jest would have to transform.

export const loadCharts = async () => require("../components/IndicatorCharts") as typeof Charts;
