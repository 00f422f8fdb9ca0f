/**
 * DrawingML chart parts (ECMA-376 Part 1 §21.2): `c:chartSpace` with a bar/column chart
 * (`c:barChart`, barDir bar|col) or a line chart (`c:lineChart`); a bar series drawn `asLine` (a
 * target) goes into a `c:lineChart` on the same axes, over the bars. Series refer to cells
 * (`c:strRef`/`c:numRef` with `c:f`) and carry cached values (`c:strCache`/`c:numCache`), so the
 * chart shows before any recalculation and moves with the cells after one. Per-point colours are
 * `c:dPt`. Elements are written in the schema's sequence order (CT_ChartSpace, CT_Chart,
 * CT_BarChart, CT_LineChart, CT_BarSer, CT_LineSer, CT_CatAx, CT_ValAx), which Excel enforces.
 *
 * The drawing part (`xdr:wsDr`, §20.5) anchors each chart's `xdr:graphicFrame` on the sheet with a
 * `xdr:twoCellAnchor`.
 */
import { escapeAttr, escapeText, numberText } from "../package/xmlText";
import type { ResolvedChart, ResolvedSeries } from "./resolve";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

const CAT_AX = 500100;
const VAL_AX = 500200;

/** `FF2F6FB5` → `2F6FB5` (DrawingML colours have no alpha byte). */
function rgb(argb: string): string {
  return argb.length === 8 ? argb.slice(2) : argb;
}

function solid(argb: string): string {
  return `<a:solidFill><a:srgbClr val="${escapeAttr(rgb(argb))}"/></a:solidFill>`;
}

function lineProps(argb: string, width = 28575, dash?: string): string {
  return `<c:spPr><a:ln w="${width}" cap="rnd">${solid(argb)}${dash ? `<a:prstDash val="${dash}"/>` : ""}<a:round/></a:ln></c:spPr>`;
}

function strCache(values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly (number | null)[], formatCode: string): string {
  const pts: string[] = [];
  values.forEach((v, i) => {
    const n = v === null ? undefined : numberText(v);
    if (n !== undefined) pts.push(`<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`);
  });
  return `<c:numCache><c:formatCode>${escapeText(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${pts.join("")}</c:numCache>`;
}

function catAndVal(chart: ResolvedChart, s: ResolvedSeries): string {
  return (
    `<c:cat><c:strRef><c:f>${escapeText(chart.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(s.ref)}</c:f>${numCache(s.values, chart.numFmt ?? "General")}</c:numRef></c:val>`
  );
}

function serHead(s: ResolvedSeries, index: number): string {
  return `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
}

function barSeries(chart: ResolvedChart, s: ResolvedSeries, index: number): string {
  const dPts: string[] = [];
  s.pointColors?.forEach((c, i) => {
    if (c !== undefined && c !== s.color)
      dPts.push(
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(c)}</c:spPr></c:dPt>`,
      );
  });
  return (
    `<c:ser>${serHead(s, index)}` +
    `${s.color ? `<c:spPr>${solid(s.color)}</c:spPr>` : ""}<c:invertIfNegative val="0"/>${dPts.join("")}` +
    `${catAndVal(chart, s)}</c:ser>`
  );
}

function lineSeries(chart: ResolvedChart, s: ResolvedSeries, index: number): string {
  const color = s.color ?? "FF2F6FB5";
  const marker = s.asLine
    ? '<c:marker><c:symbol val="none"/></c:marker>'
    : `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(color)}</c:spPr></c:marker>`;
  const dPts: string[] = [];
  if (!s.asLine)
    s.pointColors?.forEach((c, i) => {
      if (c !== undefined && c !== s.color)
        dPts.push(
          `<c:dPt><c:idx val="${i}"/><c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(c)}</c:spPr></c:marker><c:bubble3D val="0"/></c:dPt>`,
        );
    });
  return (
    `<c:ser>${serHead(s, index)}${lineProps(color, s.asLine ? 22225 : 28575, s.asLine ? "dash" : undefined)}${marker}${dPts.join("")}` +
    `${catAndVal(chart, s)}<c:smooth val="0"/></c:ser>`
  );
}

function axes(chart: ResolvedChart): string {
  const horizontal = chart.kind === "bar";
  const scaling = `<c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>`;
  const valScaling =
    `<c:scaling><c:orientation val="minMax"/>` +
    `${chart.axisMax !== undefined ? `<c:max val="${chart.axisMax}"/>` : ""}` +
    `${chart.axisMin !== undefined ? `<c:min val="${chart.axisMin}"/>` : ""}</c:scaling>`;
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/>${valScaling}<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="${escapeAttr(chart.numFmt ?? "General")}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

function title(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="ru-RU" sz="1200" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/** The chart part of one resolved chart. */
export function chartXml(chart: ResolvedChart): string {
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const bars = chart.kind === "line" ? [] : chart.series.filter((s) => !s.asLine);
  const lines = chart.kind === "line" ? chart.series : chart.series.filter((s) => s.asLine);
  let plots = "";
  if (bars.length)
    plots +=
      `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      bars.map((s) => barSeries(chart, s, chart.series.indexOf(s))).join("") +
      `<c:gapWidth val="60"/>${axIds}</c:barChart>`;
  if (lines.length)
    plots +=
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      lines.map((s) => lineSeries(chart, s, chart.series.indexOf(s))).join("") +
      `<c:marker val="1"/>${axIds}</c:lineChart>`;
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:date1904 val="0"/><c:lang val="ru-RU"/><c:roundedCorners val="0"/>' +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plots}${axes(chart)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("FFFFFFFF")}<a:ln><a:noFill/></a:ln></c:spPr>` +
    "</c:chartSpace>"
  );
}

/** The drawing part placing `charts` (relationship ids `relIds`, same order) on a sheet. */
export function drawingXml(charts: readonly ResolvedChart[], relIds: readonly string[]): string {
  const anchors = charts.map((c, i) => {
    const { top, left, bottom, right } = c.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${right}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${bottom}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Сверка: ${c.title}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${escapeAttr(relIds[i])}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`
  );
}
