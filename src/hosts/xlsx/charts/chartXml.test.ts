/**
 * The chart parts Sverka writes, checked structurally (no office suite needed): children in the
 * schema's sequence order (Excel refuses a chart part whose elements are out of order), every
 * reference resolves to cells of a sheet of the written workbook, each cache has as many points as
 * its range has cells, and the cached values are the cells' values.
 */
import { SaxesParser } from "saxes";
import { cellAt, cellText } from "../../../core/model/sheet";
import type { ChartSpec } from "../../../core/dashboard/types";
import { readWorkbook } from "../read";
import { buildDashboard, MONITORING_SAMPLE, sampleBytes } from "../testing/testDashboard";
import { unzipAll } from "../testing/testZip";
import { writeDashboard } from "../writeDashboard";
import { chartXml } from "./chartXml";
import { parseRangeRef, rangeLength, resolveCharts } from "./resolve";

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

function parse(xml: string): Node {
  const parser = new SaxesParser();
  const root: Node = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: Node[] = [root];
  parser.on("opentag", (t) => {
    const n: Node = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: "" };
    stack[stack.length - 1].children.push(n);
    stack.push(n);
  });
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

function all(n: Node, name: string, out: Node[] = []): Node[] {
  if (n.name === name) out.push(n);
  for (const c of n.children) all(c, name, out);
  return out;
}

function child(n: Node, name: string): Node | undefined {
  return n.children.find((c) => c.name === name);
}

/** Schema sequences (ECMA-376 Part 1, dml-chart.xsd), local names. */
const ORDER: Record<string, string[]> = {
  "c:chartSpace":
    "date1904 lang roundedCorners AlternateContent style clrMapOvr pivotSource protection chart spPr txPr externalData printSettings userShapes extLst".split(
      " ",
    ),
  "c:chart":
    "title autoTitleDeleted pivotFmts view3D floor sideWall backWall plotArea legend plotVisOnly dispBlanksAs showDLblsOverMax extLst".split(
      " ",
    ),
  "c:plotArea": "layout barChart lineChart catAx valAx dateAx serAx dTable spPr extLst".split(" "),
  "c:barChart": "barDir grouping varyColors ser dLbls gapWidth overlap serLines axId extLst".split(" "),
  "c:lineChart": "grouping varyColors ser dLbls dropLines hiLowLines upDownBars marker smooth axId extLst".split(" "),
  "c:barChart/c:ser":
    "idx order tx spPr invertIfNegative pictureOptions dPt dLbls trendline errBars cat val shape extLst".split(" "),
  "c:lineChart/c:ser": "idx order tx spPr marker dPt dLbls trendline errBars cat val smooth extLst".split(" "),
  "c:dPt": "idx invertIfNegative marker bubble3D explosion spPr pictureOptions extLst".split(" "),
  "c:catAx":
    "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt auto lblAlgn lblOffset tickLblSkip tickMarkSkip noMultiLvlLbl extLst".split(
      " ",
    ),
  "c:valAx":
    "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt crossBetween majorUnit minorUnit dispUnits extLst".split(
      " ",
    ),
  "c:scaling": "logBase orientation max min extLst".split(" "),
  "c:title": "tx layout overlay spPr txPr extLst".split(" "),
};

/** Every element with a known sequence has its children in that order; returns the violations. */
function orderViolations(n: Node, parent = ""): string[] {
  const out: string[] = [];
  const key = ORDER[`${parent}/${n.name}`] ? `${parent}/${n.name}` : n.name;
  const seq = ORDER[key];
  if (seq) {
    let last = -1;
    for (const c of n.children) {
      const i = seq.indexOf(c.name.replace(/^\w+:/, ""));
      if (i < 0 || i < last) out.push(`${key}: <${c.name}> out of order or unknown`);
      else last = i;
    }
  }
  for (const c of n.children) out.push(...orderViolations(c, n.name));
  return out;
}

describe("chart parts", () => {
  it("are in schema order, refer to written cells, and cache exactly those cells' values", async () => {
    const built = await buildDashboard(await sampleBytes(MONITORING_SAMPLE), MONITORING_SAMPLE);
    expect(built.layout.charts.length).toBeGreaterThanOrEqual(2);
    const res = await writeDashboard(built.original, built.layout, built.flk);
    const parts = await unzipAll(res.data);
    const back = await readWorkbook(res.data, "copy.xlsx");
    const dec = new TextDecoder();
    const charts = [...parts.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    expect(charts).toHaveLength(built.layout.charts.length);
    let series = 0;
    for (const name of charts) {
      const root = parse(dec.decode(parts.get(name)));
      expect(root.name).toBe("c:chartSpace");
      expect({ name, violations: orderViolations(root) }).toEqual({ name, violations: [] });
      for (const ref of [...all(root, "c:strRef"), ...all(root, "c:numRef")]) {
        const f = child(ref, "c:f")!.text;
        const r = parseRangeRef(f)!;
        const sheet = back.sheets.find((s) => s.name === r.sheet);
        expect({ f, sheet: sheet?.name }).toEqual({ f, sheet: r.sheet });
        const cache = child(ref, ref.name === "c:strRef" ? "c:strCache" : "c:numCache")!;
        expect(Number(child(cache, "c:ptCount")!.attrs.val)).toBe(rangeLength(r.range));
        for (const pt of all(cache, "c:pt")) {
          const i = Number(pt.attrs.idx);
          const row = r.range.top + (r.range.bottom > r.range.top ? i : 0);
          const col = r.range.left + (r.range.bottom > r.range.top ? 0 : i);
          const cell = cellAt(sheet!, row, col);
          const v = child(pt, "c:v")!.text;
          if (ref.name === "c:numRef") expect(Number(v)).toBeCloseTo(Number(cell), 9);
          else expect(v).toBe(cellText(cell));
        }
        if (ref.name === "c:numRef") series++;
      }
    }
    expect(series).toBeGreaterThanOrEqual(2);
    // The drawing anchors the charts on the dashboard.
    const drawing = dec.decode(parts.get("xl/drawings/drawing1.xml"));
    expect(drawing.match(/<xdr:twoCellAnchor\b/g)).toHaveLength(built.layout.charts.length);
  });

  it("draws a target series as a line over the bars, with per-point colours", () => {
    const spec: ChartSpec = {
      kind: "column",
      title: "Доля ШНОР по годам против цели",
      categoriesRange: "'Дашборд'!$A$2:$A$4",
      valuesRange: "'Дашборд'!$B$2:$B$4",
      categories: ["2020", "2021", "2022"],
      numFmt: '0.0" %"',
      axisMin: 0,
      axisMax: 100,
      series: [
        {
          name: "Доля ШНОР",
          valuesRange: "'Дашборд'!$B$2:$B$4",
          values: [34.5, 27.6, 34.5],
          color: "FF2F6FB5",
          pointColors: [undefined, undefined, "FFC00000"],
        },
        { name: "Цель", valuesRange: "'Дашборд'!$C$2:$C$4", values: [20, 20, 20], color: "FF000000", asLine: true },
      ],
    };
    const [chart] = resolveCharts([spec], [], (s) => s.replace("'Дашборд'!", "'Дашборд (2)'!"));
    const root = parse(chartXml(chart));
    expect(orderViolations(root)).toEqual([]);
    const bar = all(root, "c:barChart")[0];
    const line = all(root, "c:lineChart")[0];
    expect(child(bar, "c:barDir")!.attrs.val).toBe("col");
    expect(all(bar, "c:ser")).toHaveLength(1);
    expect(all(line, "c:ser")).toHaveLength(1);
    expect(child(all(line, "c:ser")[0], "c:tx")!.children[0].text).toBe("Цель");
    // Both plots share the axes.
    const ids = (n: Node) => n.children.filter((c) => c.name === "c:axId").map((c) => c.attrs.val);
    expect(ids(line)).toEqual(ids(bar));
    const dPts = all(bar, "c:dPt");
    expect(dPts.map((d) => child(d, "c:idx")!.attrs.val)).toEqual(["2"]);
    expect(all(dPts[0], "a:srgbClr")[0].attrs.val).toBe("C00000");
    expect(all(root, "c:f").map((f) => f.text)).toContain("'Дашборд (2)'!$C$2:$C$4");
    const scaling = child(all(root, "c:valAx")[0], "c:scaling")!;
    expect(child(scaling, "c:max")!.attrs.val).toBe("100");
    expect(all(root, "c:formatCode")[0].text).toBe('0.0" %"');
  });
});
