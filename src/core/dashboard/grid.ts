/**
 * Building blocks of the layout sheets: a grid of cells under construction, dates and number
 * formats in Russian, and row heights that fit wrapped text.
 */
import { columnLetter, quoteSheetName } from "../model/address";
import type { IsoDate } from "../model/dates";
import type { CellRange, CellStyle, DataBar, LayoutCell, LayoutValue } from "./types";

/** «31.12.2023». */
export function ruDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** «книга.xlsx» of «C:\\Отчёты\\книга.xlsx» or «/home/…/книга.xlsx». */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Literal text inside a number format. */
function fmtText(s: string): string {
  return `"${s.replace(/"/g, "")}"`;
}

/** Number format of a value in `unit`: `0.0" %"`, `0" чел."`. */
export function valueFormat(unit: string, value: number): string {
  if (unit === "%") return `0.0${fmtText(" %")}`;
  const digits = Number.isInteger(value) ? "0" : "0.0";
  return unit ? `${digits}${fmtText(` ${unit}`)}` : "General";
}

/** Number format of a change: `+0.0" п.п.";-0.0" п.п.";0.0" п.п."`. */
export function deltaFormat(unit: string, value: number): string {
  const u = unit === "%" ? " п.п." : unit ? ` ${unit}` : "";
  const digits = unit === "%" || !Number.isInteger(value) ? "0.0" : "0";
  const t = u ? fmtText(u) : "";
  return `+${digits}${t};-${digits}${t};${digits}${t}`;
}

/** Cells, merges and the rest of one sheet under construction. */
export class Grid {
  readonly cells: LayoutCell[] = [];
  readonly merges: CellRange[] = [];
  readonly dataBars: DataBar[] = [];

  constructor(readonly name: string) {}

  set(row: number, col: number, value: LayoutValue, extra: Omit<LayoutCell, "row" | "col" | "value"> = {}): void {
    this.cells.push({ row, col, value, ...extra });
  }

  /** A line of text across `cols` columns (merged), from column `from`. */
  line(row: number, text: string, style: CellStyle, cols: number, link?: string, from = 1): void {
    this.merged(row, from, cols, text, link ? { style, link } : { style });
  }

  /** A cell merged across `cols` columns. */
  merged(
    row: number,
    col: number,
    cols: number,
    value: LayoutValue,
    extra: Omit<LayoutCell, "row" | "col" | "value">,
  ): void {
    this.set(row, col, value, extra);
    if (cols > 1)
      this.merges.push({
        top: row,
        left: col,
        bottom: row,
        right: col + cols - 1,
      });
  }

  header(row: number, titles: readonly string[], from = 1): void {
    titles.forEach((t, i) => this.set(row, from + i, t, { style: "header" }));
  }

  /** `'Дашборд'!$E$7`. */
  ref(row: number, col: number): string {
    return `${quoteSheetName(this.name)}!$${columnLetter(col)}$${row}`;
  }

  rangeRef(top: number, bottom: number, col: number): string {
    const c = columnLetter(col);
    return `${quoteSheetName(this.name)}!$${c}$${top}:$${c}$${bottom}`;
  }
}

/** Points per line of text in each look (Calibri 11 is 15 pt a line; titles are larger). */
const LINE_POINTS: Partial<Record<CellStyle, number>> = {
  title: 21,
  subtitle: 18,
};
const DEFAULT_LINE_POINTS = 15;
/**
 * Characters of Russian text per character of column width: Cyrillic in Calibri 11 is a little
 * wider than «0»; bold and larger looks hold fewer, a 9 pt note more.
 */
const CHARS_PER_WIDTH = 1.05;
const STYLE_CHARS_PER_WIDTH: Partial<Record<CellStyle, number>> = {
  title: 0.62,
  subtitle: 0.75,
  header: 0.85,
  note: 1.2,
};
const DEFAULT_WIDTH = 8.43;

/**
 * Row heights that fit wrapped text: for each row, the most lines any of its text cells needs in
 * its column (or merged columns) at the given widths. Rows of one line get no entry (the host's
 * default fits). Index = worksheet row.
 */
export function fitRowHeights(
  cells: readonly LayoutCell[],
  merges: readonly CellRange[],
  widths: readonly (number | undefined)[],
): (number | undefined)[] {
  const span = new Map<string, CellRange>();
  for (const m of merges) span.set(`${m.top}:${m.left}`, m);
  const width = (from: number, to: number) => {
    let w = 0;
    for (let c = from; c <= to; c++) w += widths[c - 1] ?? DEFAULT_WIDTH;
    return w;
  };
  const heights: (number | undefined)[] = [];
  for (const c of cells) {
    if (typeof c.value !== "string" || c.formula !== undefined) continue;
    const m = span.size ? span.get(`${c.row}:${c.col}`) : undefined;
    if (m && m.bottom > m.top) continue; // a block over several rows: the rows share the text
    const perLine = Math.max(
      1,
      Math.floor(width(c.col, m ? m.right : c.col) * ((c.style && STYLE_CHARS_PER_WIDTH[c.style]) ?? CHARS_PER_WIDTH)),
    );
    // Most texts are one paragraph: no split.
    const lines =
      c.value.indexOf("\n") < 0
        ? Math.max(1, Math.ceil(c.value.length / perLine))
        : c.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    if (lines < 2 && !(c.style && LINE_POINTS[c.style])) continue;
    const points = lines * (c.style ? (LINE_POINTS[c.style] ?? DEFAULT_LINE_POINTS) : DEFAULT_LINE_POINTS) + 3;
    if ((heights[c.row] ?? 0) < points) heights[c.row] = points;
  }
  return heights;
}
