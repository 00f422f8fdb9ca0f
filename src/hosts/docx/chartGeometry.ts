/**
 * Where everything of a справка chart goes (columns, the target line, labels, legend), computed
 * once and drawn twice: as SVG (`chartSvg.ts`, what Word shows) and as a PNG fallback
 * (`chartPng.ts`, for processors without SVG support).
 */
import { formatNumberRu } from "../../core/indicators/types";
import type { Chart } from "../../core/report/spravka/types";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface Label {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
  size: number;
  bold?: boolean;
}

export interface Geometry {
  width: number;
  height: number;
  title: Label;
  plot: { x: number; y: number; w: number; h: number };
  gridLines: { y: number; label: Label }[];
  bars: (Rect & { label: Label | null })[];
  lines: { points: [number, number][]; color: string }[];
  categories: Label[];
  legend: { swatch: Rect; line: boolean; label: Label }[];
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;

/** A round axis maximum above `max`: 10, 20, 25, 50, 100 … */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 10, step: 2 };
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { top: Math.ceil(max / step) * step, step };
}

function label(v: number, unit: string): string {
  return `${formatNumberRu(v)}${unit === "%" ? " %" : ""}`;
}

function tick(v: number, unit: string): string {
  const t = Number.isInteger(v) ? String(v) : formatNumberRu(v);
  return unit === "%" ? `${t} %` : t;
}

export function chartGeometry(chart: Chart, width = CHART_WIDTH, height = CHART_HEIGHT): Geometry {
  const columns = chart.series.filter((s) => !s.asLine);
  const lineSeries = chart.series.filter((s) => s.asLine);
  const all = chart.series.flatMap((s) => s.values).filter((v): v is number => typeof v === "number");
  const dataMax = Math.max(0, ...all) * 1.12;
  const { top, step } =
    chart.axisMax !== undefined ? { top: chart.axisMax, step: chart.axisMax / 5 } : niceMax(dataMax);
  const plot = { x: 64, y: 44, w: width - 64 - 20, h: height - 44 - 70 };
  const yOf = (v: number) => plot.y + plot.h - (Math.max(0, Math.min(v, top)) / top) * plot.h;
  const n = chart.categories.length;
  const slot = plot.w / Math.max(1, n);
  const groupW = slot * 0.6;
  const barW = groupW / Math.max(1, columns.length);
  const gridLines: Geometry["gridLines"] = [];
  for (let v = 0; v <= top + 1e-9; v += step)
    gridLines.push({
      y: yOf(v),
      label: { x: plot.x - 6, y: yOf(v) + 4, text: tick(v, chart.unit), anchor: "end", size: 11 },
    });
  const bars: Geometry["bars"] = [];
  columns.forEach((s, k) =>
    s.values.forEach((v, i) => {
      if (typeof v !== "number") return;
      const x = plot.x + slot * i + (slot - groupW) / 2 + k * barW;
      const y = yOf(v);
      bars.push({
        x,
        y,
        w: barW,
        h: plot.y + plot.h - y,
        color: s.color,
        label: { x: x + barW / 2, y: y - 6, text: label(v, chart.unit), anchor: "middle", size: 12, bold: true },
      });
    }),
  );
  const lines = lineSeries.map((s) => {
    const pts: [number, number][] = [];
    s.values.forEach((v, i) => {
      if (typeof v === "number") pts.push([plot.x + slot * i + slot / 2, yOf(v)]);
    });
    // A constant target is drawn across the whole plot.
    const constant = pts.length > 0 && pts.every((p) => p[1] === pts[0][1]);
    return {
      points: constant
        ? ([
            [plot.x, pts[0][1]],
            [plot.x + plot.w, pts[0][1]],
          ] as [number, number][])
        : pts,
      color: s.color,
    };
  });
  const categories = chart.categories.map((c, i) => ({
    x: plot.x + slot * i + slot / 2,
    y: plot.y + plot.h + 18,
    text: c,
    anchor: "middle" as const,
    size: 12,
  }));
  const legendY = height - 22;
  let lx = plot.x;
  const legend = chart.series.map((s) => {
    const item = {
      swatch: { x: lx, y: legendY - 9, w: 18, h: s.asLine ? 3 : 10, color: s.color },
      line: s.asLine === true,
      label: { x: lx + 24, y: legendY, text: s.name, anchor: "start" as const, size: 12 },
    };
    if (s.asLine) item.swatch.y = legendY - 5;
    lx += 24 + s.name.length * 7 + 24;
    return item;
  });
  return {
    width,
    height,
    title: { x: width / 2, y: 24, text: chart.title, anchor: "middle", size: 15, bold: true },
    plot,
    gridLines,
    bars,
    lines,
    categories,
    legend,
  };
}
