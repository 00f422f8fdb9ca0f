/**
 * Compile-time check that the fake stays faithful to `@types/office-js`: every public member of a
 * fake class exists on the Office.js class it stands for (internals are private or `_fake…`).
 * A member the fake invents, or one Office.js renamed, breaks `tsc`.
 */
import type * as F from "./objects";

type Extra<Fake, Real> = Exclude<keyof Fake, keyof Real | `_fake${string}`>;
/** `true` when `Fake` has no member `Real` lacks; otherwise the extra member names (a type error below). */
type Faithful<Fake, Real> = [Extra<Fake, Real>] extends [never] ? true : Extra<Fake, Real>;

export const FAITHFUL: {
  context: Faithful<F.FakeRequestContext, Excel.RequestContext>;
  workbook: Faithful<F.FakeWorkbookObject, Excel.Workbook>;
  application: Faithful<F.FakeApplication, Excel.Application>;
  worksheets: Faithful<F.FakeWorksheetCollection, Excel.WorksheetCollection>;
  worksheet: Faithful<F.FakeWorksheet, Excel.Worksheet>;
  freezePanes: Faithful<F.FakeWorksheetFreezePanes, Excel.WorksheetFreezePanes>;
  autoFilter: Faithful<F.FakeAutoFilter, Excel.AutoFilter>;
  range: Faithful<F.FakeRange, Excel.Range>;
  rangeAreas: Faithful<F.FakeRangeAreas, Excel.RangeAreas>;
  format: Faithful<F.FakeRangeFormat, Excel.RangeFormat>;
  fill: Faithful<F.FakeRangeFill, Excel.RangeFill>;
  font: Faithful<F.FakeRangeFont, Excel.RangeFont>;
  borders: Faithful<F.FakeRangeBorderCollection, Excel.RangeBorderCollection>;
  border: Faithful<F.FakeRangeBorder, Excel.RangeBorder>;
  conditionalFormats: Faithful<F.FakeConditionalFormatCollection, Excel.ConditionalFormatCollection>;
  conditionalFormat: Faithful<F.FakeConditionalFormat, Excel.ConditionalFormat>;
  dataValidation: Faithful<F.FakeDataValidation, Excel.DataValidation>;
  charts: Faithful<F.FakeChartCollection, Excel.ChartCollection>;
  chart: Faithful<F.FakeChart, Excel.Chart>;
  chartTitle: Faithful<F.FakeChartTitle, Excel.ChartTitle>;
  series: Faithful<F.FakeChartSeriesCollection, Excel.ChartSeriesCollection>;
  seriesItem: Faithful<F.FakeChartSeries, Excel.ChartSeries>;
  seriesFormat: Faithful<F.FakeChartSeriesFormat, Excel.ChartSeriesFormat>;
  chartFill: Faithful<F.FakeChartFill, Excel.ChartFill>;
  chartLine: Faithful<F.FakeChartLineFormat, Excel.ChartLineFormat>;
  points: Faithful<F.FakeChartPointsCollection, Excel.ChartPointsCollection>;
  point: Faithful<F.FakeChartPoint, Excel.ChartPoint>;
  pointFormat: Faithful<F.FakeChartPointFormat, Excel.ChartPointFormat>;
  axes: Faithful<F.FakeChartAxes, Excel.ChartAxes>;
  axis: Faithful<F.FakeChartAxis, Excel.ChartAxis>;
  pageLayout: Faithful<F.FakePageLayout, Excel.PageLayout>;
  headersFooters: Faithful<F.FakeHeaderFooterGroup, Excel.HeaderFooterGroup>;
  headerFooter: Faithful<F.FakeHeaderFooter, Excel.HeaderFooter>;
  notes: Faithful<F.FakeNoteCollection, Excel.NoteCollection>;
  note: Faithful<F.FakeNote, Excel.Note>;
  names: Faithful<F.FakeNamedItemCollection, Excel.NamedItemCollection>;
  name: Faithful<F.FakeNamedItemObject, Excel.NamedItem>;
  properties: Faithful<F.FakeDocumentProperties, Excel.DocumentProperties>;
  customProperties: Faithful<F.FakeCustomPropertyCollection, Excel.CustomPropertyCollection>;
  customProperty: Faithful<F.FakeCustomProperty, Excel.CustomProperty>;
  customXmlParts: Faithful<F.FakeCustomXmlPartCollection, Excel.CustomXmlPartCollection>;
  customXmlScoped: Faithful<F.FakeCustomXmlPartScopedCollection, Excel.CustomXmlPartScopedCollection>;
  customXmlPart: Faithful<F.FakeCustomXmlPartObject, Excel.CustomXmlPart>;
  clientResult: Faithful<F.FakeClientResult<unknown>, OfficeExtension.ClientResult<unknown>>;
} = {
  context: true,
  workbook: true,
  application: true,
  worksheets: true,
  worksheet: true,
  freezePanes: true,
  autoFilter: true,
  range: true,
  rangeAreas: true,
  format: true,
  fill: true,
  font: true,
  borders: true,
  border: true,
  conditionalFormats: true,
  conditionalFormat: true,
  dataValidation: true,
  charts: true,
  chart: true,
  chartTitle: true,
  series: true,
  seriesItem: true,
  seriesFormat: true,
  chartFill: true,
  chartLine: true,
  points: true,
  point: true,
  pointFormat: true,
  axes: true,
  axis: true,
  pageLayout: true,
  headersFooters: true,
  headerFooter: true,
  notes: true,
  note: true,
  names: true,
  name: true,
  properties: true,
  customProperties: true,
  customProperty: true,
  customXmlParts: true,
  customXmlScoped: true,
  customXmlPart: true,
  clientResult: true,
};
