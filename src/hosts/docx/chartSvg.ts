/** The справка's chart as SVG (Times New Roman, like the document). */
import type { Chart } from "../../core/report/spravka/types";
import { chartGeometry, type Label } from "./chartGeometry";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function text(l: Label, color = "#000000"): string {
  return `<text x="${n(l.x)}" y="${n(l.y)}" font-size="${l.size}" text-anchor="${l.anchor}"${l.bold ? ' font-weight="bold"' : ""} fill="${color}">${esc(l.text)}</text>`;
}

export function chartSvg(chart: Chart): string {
  const g = chartGeometry(chart);
  const p = g.plot;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" font-family="Times New Roman, Liberation Serif, serif">`,
    `<rect x="0" y="0" width="${g.width}" height="${g.height}" fill="#FFFFFF"/>`,
    text(g.title),
    ...g.gridLines.map(
      (l) =>
        `<line x1="${n(p.x)}" y1="${n(l.y)}" x2="${n(p.x + p.w)}" y2="${n(l.y)}" stroke="#D9D9D9" stroke-width="1"/>${text(l.label, "#404040")}`,
    ),
    ...g.bars.map(
      (b) =>
        `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" fill="#${b.color}"/>${b.label ? text(b.label) : ""}`,
    ),
    `<line x1="${n(p.x)}" y1="${n(p.y + p.h)}" x2="${n(p.x + p.w)}" y2="${n(p.y + p.h)}" stroke="#404040" stroke-width="1"/>`,
    ...g.lines.map(
      (l) =>
        `<polyline points="${l.points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ")}" fill="none" stroke="#${l.color}" stroke-width="3" stroke-dasharray="10 5"/>`,
    ),
    ...g.categories.map((c) => text(c)),
    ...g.legend.map(
      (item) =>
        `<rect x="${n(item.swatch.x)}" y="${n(item.swatch.y)}" width="${n(item.swatch.w)}" height="${n(item.swatch.h)}" fill="#${item.swatch.color}"/>${text(item.label)}`,
    ),
    "</svg>",
  ];
  return parts.join("");
}
