/**
 * Row-level editing of an existing worksheet part (consolidation): rows are parsed out of
 * `<sheetData>` as they are written — every cell's XML kept as is — so rows can be deleted (the
 * rows below move up), cleared, appended and a cell set; the part is re-emitted with everything
 * outside `<sheetData>` unchanged except `<dimension>` and `<cols>` when asked.
 */
import { a1, columnNumber } from "../../../core/model/address";
import { parseAttributes } from "../ooxml";
import { escapeAttr, escapeText, numberText } from "./xmlText";

export interface RawRowCell {
  col: number;
  /** The `<c>` element as written (its `r` is rewritten when the row moves). */
  xml: string;
}

export interface RawRow {
  r: number;
  /** Attributes of `<row>` other than `r`, as written. */
  attrs: string;
  cells: RawRowCell[];
}

const ROW_RE = /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

export class SheetRows {
  readonly rows: RawRow[] = [];
  private readonly head: string;
  private readonly tail: string;
  /** Namespace prefix of the worksheet's elements (`x:`), usually empty. */
  readonly prefix: string;

  constructor(xml: string) {
    const open = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
    if (!open) throw new Error("worksheet has no <sheetData>");
    this.prefix = open[1];
    const start = open.index + open[0].length;
    if (open[2] === "/") {
      this.head = `${xml.slice(0, open.index)}<${this.prefix}sheetData>`;
      this.tail = `</${this.prefix}sheetData>${xml.slice(start)}`;
      return;
    }
    const close = xml.indexOf(`</${this.prefix}sheetData>`, start);
    this.head = xml.slice(0, start);
    this.tail = xml.slice(close);
    const body = xml.slice(start, close);
    let next = 1;
    ROW_RE.lastIndex = 0;
    for (let m = ROW_RE.exec(body); m; m = ROW_RE.exec(body)) {
      const a = parseAttributes(m[2]);
      const r = a.r !== undefined && /^\d+$/.test(a.r) ? Number(a.r) : next;
      next = r + 1;
      const attrs = m[2].replace(/\s+r\s*=\s*("|')\d*\1/, "");
      const cells: RawRowCell[] = [];
      let col = 1;
      const inner = m[3] ?? "";
      CELL_RE.lastIndex = 0;
      for (let c = CELL_RE.exec(inner); c; c = CELL_RE.exec(inner)) {
        const ref = /^\$?([A-Za-z]+)\$?\d+$/.exec(parseAttributes(c[1]).r ?? "");
        col = ref ? columnNumber(ref[1]) : col;
        cells.push({ col, xml: c[0] });
        col++;
      }
      this.rows.push({ r, attrs, cells });
    }
  }

  row(r: number): RawRow | undefined {
    return this.rows.find((x) => x.r === r);
  }

  /** The style index (`s`) of a cell, if it has one. */
  styleOf(r: number, col: number): number | undefined {
    const cell = this.row(r)?.cells.find((c) => c.col === col);
    const s = cell ? parseAttributes(/^<(?:\w+:)?c\b([^>]*?)\/?>/.exec(cell.xml)?.[1] ?? "").s : undefined;
    return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
  }

  /** Formulas or merged cells at or below `row` (moving rows would break their references). */
  hasFormulasFrom(row: number): boolean {
    return this.rows.some((x) => x.r >= row && x.cells.some((c) => /<(?:\w+:)?f\b/.test(c.xml)));
  }

  /** Merged areas reaching down to `row` or below. */
  hasMergesFrom(row: number): boolean {
    for (const m of this.tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\sref\s*=\s*("|')[A-Za-z]+\d+:[A-Za-z]+(\d+)\1/g))
      if (Number(m[2]) >= row) return true;
    return false;
  }

  /** Empties the cells of a row, keeping their styles. */
  clearRow(r: number): void {
    const row = this.row(r);
    if (!row) return;
    row.cells = row.cells.map((c) => {
      const s = parseAttributes(/^<(?:\w+:)?c\b([^>]*?)\/?>/.exec(c.xml)?.[1] ?? "").s;
      return {
        col: c.col,
        xml: `<${this.prefix}c r="${a1(r, c.col)}"${s !== undefined ? ` s="${escapeAttr(s)}"` : ""}/>`,
      };
    });
  }

  /** Deletes rows (ascending or not); the rows below move up. */
  deleteRows(rows: readonly number[]): void {
    const gone = new Set(rows);
    const sorted = [...gone].sort((a, b) => a - b);
    const kept = this.rows.filter((x) => !gone.has(x.r));
    this.rows.length = 0;
    for (const row of kept) {
      let shift = 0;
      while (shift < sorted.length && sorted[shift] < row.r) shift++;
      this.rows.push(shift ? this.moved(row, row.r - shift) : row);
    }
  }

  private moved(row: RawRow, to: number): RawRow {
    return {
      r: to,
      attrs: row.attrs,
      cells: row.cells.map((c) => ({
        col: c.col,
        xml: c.xml.replace(/^(<(?:\w+:)?c\b[^>]*?\sr\s*=\s*)("|')[^"']*\2/, `$1"${a1(to, c.col)}"`),
      })),
    };
  }

  /** Sets a cell (replacing one that exists) to `xml` built by `cellXml`. */
  setCell(r: number, col: number, xml: string): void {
    let row = this.row(r);
    if (!row) {
      row = { r, attrs: "", cells: [] };
      this.rows.push(row);
      this.rows.sort((a, b) => a.r - b.r);
    }
    row.cells = row.cells.filter((c) => c.col !== col);
    row.cells.push({ col, xml });
    row.cells.sort((a, b) => a.col - b.col);
  }

  /** A new cell's XML: text as an inline string (never a formula), numbers, booleans; `null` keeps only the style. */
  cellXml(r: number, col: number, value: string | number | boolean | null, style: number | undefined): string {
    const p = this.prefix;
    const ref = a1(r, col);
    const s = style ? ` s="${style}"` : "";
    if (typeof value === "string")
      return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(value)}</${p}t></${p}is></${p}c>`;
    if (typeof value === "boolean") return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    const n = typeof value === "number" ? numberText(value) : undefined;
    return n === undefined ? `<${p}c r="${ref}"${s}/>` : `<${p}c r="${ref}"${s}><${p}v>${n}</${p}v></${p}c>`;
  }

  /** The worksheet part with the rows as they are now. */
  toXml(options: { minWidth?: { col: number; width: number } } = {}): string {
    const p = this.prefix;
    const body = this.rows
      .filter((x) => x.cells.length || /\bht\s*=|\bhidden\s*=|\bs\s*=/.test(x.attrs))
      .map((x) => `<${p}row r="${x.r}"${x.attrs}>${x.cells.map((c) => c.xml).join("")}</${p}row>`)
      .join("");
    let head = this.head;
    let maxRow = 1;
    let maxCol = 1;
    for (const x of this.rows) {
      if (x.r > maxRow && x.cells.length) maxRow = x.r;
      for (const c of x.cells) if (c.col > maxCol) maxCol = c.col;
    }
    head = head.replace(/(<(?:\w+:)?dimension\b[^>]*?\sref\s*=\s*)("|')[^"']*\2/, `$1"A1:${a1(maxRow, maxCol)}"`);
    if (options.minWidth) head = withMinWidth(head, options.minWidth.col, options.minWidth.width, p);
    return head + body + this.tail;
  }
}

/** Makes column `col` at least `width` characters wide in the `<cols>` of `head`. */
function withMinWidth(head: string, col: number, width: number, p: string): string {
  const el = `<${p}col min="${col}" max="${col}" width="${width}" customWidth="1"/>`;
  const cols = /<((?:\w+:)?)cols\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cols>/.exec(head);
  if (!cols) {
    const at = /<(?:\w+:)?sheetData\b/.exec(head);
    return at ? `${head.slice(0, at.index)}<${p}cols>${el}</${p}cols>${head.slice(at.index)}` : head;
  }
  const items = [...cols[2].matchAll(/<(?:\w+:)?col\b([^>]*?)\/?>(?:<\/(?:\w+:)?col>)?/g)];
  const out: string[] = [];
  let placed = false;
  for (const m of items) {
    const a = parseAttributes(m[1]);
    const min = Number(a.min);
    const max = Number(a.max);
    if (!(min <= col && col <= max)) {
      if (!placed && min > col) {
        out.push(el);
        placed = true;
      }
      out.push(m[0]);
      continue;
    }
    placed = true;
    if (Number(a.width ?? 0) >= width) {
      out.push(m[0]);
      continue;
    }
    const part = (lo: number, hi: number) =>
      m[0].replace(/\bmin\s*=\s*("|')\d+\1/, `min="${lo}"`).replace(/\bmax\s*=\s*("|')\d+\1/, `max="${hi}"`);
    if (min < col) out.push(part(min, col - 1));
    out.push(el);
    if (col < max) out.push(part(col + 1, max));
  }
  if (!placed) out.push(el);
  return head.replace(cols[0], `<${cols[1]}cols>${out.join("")}</${cols[1]}cols>`);
}
