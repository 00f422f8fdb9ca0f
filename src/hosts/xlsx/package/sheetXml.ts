/**
 * A layout sheet (`core/dashboard/types.ts`) as worksheet XML (SpreadsheetML, ECMA-376 Part 1
 * §18.3): values (text always as inline strings, never as formulas), formulas with their cached
 * results, formats appended to the workbook's styles, merges, widths, row heights, frozen rows,
 * autofilter, links to cells, data bars, page setup and header/footer, and the drawing that
 * carries the charts. Children are written in the schema's order (CT_Worksheet).
 */
import { a1, columnLetter } from "../../../core/model/address";
import type { CellRange, CellStyle, LayoutCell, LayoutSheet } from "../../../core/dashboard/types";
import { escapeAttr, escapeText, numberText } from "./xmlText";
import type { BorderSide, StylesAppender, XfSpec } from "./styles";

const THIN: BorderSide = { style: "thin", color: "FFBFBFBF" };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP = { wrapText: true, vertical: "top" as const };

export const CELL_STYLES: Record<CellStyle, XfSpec> = {
  title: { font: { bold: true, size: 14, color: "FF1F3864" }, alignment: { vertical: "center", wrapText: true } },
  // Top, like the figures beside it: a card title in a row made taller by a wrapped cell stays level with its numbers.
  subtitle: { font: { bold: true, size: 12, color: "FF1F3864" }, alignment: { vertical: "top" } },
  info: { font: { color: "FF404040" }, alignment: WRAP },
  header: {
    font: { bold: true },
    fill: "FFDDEBF7",
    alignment: { wrapText: true, vertical: "center", horizontal: "center" },
    border: BOX,
  },
  text: { alignment: WRAP, border: BOX },
  number: { alignment: { vertical: "top" }, border: BOX },
  met: { font: { color: "FF006100" }, fill: "FFC6EFCE", alignment: { vertical: "top" }, border: BOX },
  notMet: { font: { color: "FF9C0006" }, fill: "FFFFC7CE", alignment: { vertical: "top" }, border: BOX },
  noData: { font: { color: "FF808080" }, alignment: WRAP, border: BOX },
  error: { font: { bold: true, color: "FF9C0006" }, fill: "FFFFC7CE", alignment: WRAP, border: BOX },
  warning: { font: { color: "FF9C5700" }, fill: "FFFFEB9C", alignment: WRAP, border: BOX },
  info_issue: { font: { color: "FF1F4E79" }, alignment: WRAP, border: BOX },
  link: { font: { color: "FF0563C1", underline: true }, alignment: WRAP },
  note: { font: { italic: true, size: 9, color: "FF595959" }, alignment: WRAP },
  total: { font: { bold: true }, border: { top: { style: "thin" }, bottom: { style: "double" } } },
};

export interface SheetXmlOptions {
  /** Rewrites `'Logical'!` references to the names the sheets really got. */
  rewrite: (s: string) => string;
  styles: StylesAppender;
  /** Relationship id of the sheet's drawing (charts), when it has one. */
  drawingRelId?: string;
}

/** A rough row height for wrapped text in a merged line (no host can auto-fit merged cells). */
export function mergedLineHeight(text: string, widthChars: number, style: CellStyle | undefined): number | undefined {
  const base = style === "title" ? 20 : style === "note" ? 12 : 15;
  const lines = Math.max(1, Math.ceil(text.length / Math.max(10, widthChars * 1.1)));
  return lines > 1 || style === "title" ? lines * base + 3 : undefined;
}

/** Row heights: the layout's own, else fitted to the text of merged lines. */
export function rowHeightsOf(sheet: LayoutSheet): Map<number, number> {
  const out = new Map<number, number>();
  const masters = new Set(sheet.merges.map((m) => `${m.top}:${m.left}`));
  const byAddress = new Map<string, LayoutCell>();
  if (masters.size)
    for (const c of sheet.cells) {
      const key = `${c.row}:${c.col}`;
      if (masters.has(key)) byAddress.set(key, c);
    }
  for (const m of sheet.merges) {
    const master = byAddress.get(`${m.top}:${m.left}`);
    if (!master || typeof master.value !== "string") continue;
    let width = 0;
    for (let c = m.left; c <= m.right; c++) width += sheet.widths[c - 1] ?? 9;
    const h = mergedLineHeight(master.value, width, master.style);
    if (h !== undefined) out.set(m.top, h);
  }
  sheet.rowHeights?.forEach((h, r) => {
    if (h !== undefined && r >= 1) out.set(r, h);
  });
  return out;
}

export function rangeA1(r: CellRange): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}

export function absoluteRange(r: CellRange): string {
  return `$${columnLetter(r.left)}$${r.top}:$${columnLetter(r.right)}$${r.bottom}`;
}

function cellXml(c: LayoutCell, ref: string, s: number, rewrite: (x: string) => string): string {
  const sAttr = s ? ` s="${s}"` : "";
  const v = c.value;
  if (c.formula !== undefined) {
    const f = `<f>${escapeText(rewrite(c.formula))}</f>`;
    if (typeof v === "number") {
      const n = numberText(v);
      return `<c r="${ref}"${sAttr}>${f}${n === undefined ? "" : `<v>${n}</v>`}</c>`;
    }
    if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeText(v)}</v></c>`;
    return `<c r="${ref}"${sAttr}>${f}</c>`;
  }
  if (typeof v === "number") {
    const n = numberText(v);
    return n === undefined ? `<c r="${ref}"${sAttr}/>` : `<c r="${ref}"${sAttr}><v>${n}</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string")
    // Text is an inline string, even when it starts with «=»: it can never become a formula.
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
  return `<c r="${ref}"${sAttr}/>`;
}

export function sheetXml(sheet: LayoutSheet, o: SheetXmlOptions): string {
  // Layouts list their cells row by row already; sort only when they do not.
  let sorted = true;
  for (let k = 1; k < sheet.cells.length && sorted; k++) {
    const p = sheet.cells[k - 1];
    const c = sheet.cells[k];
    if (p.row > c.row || (p.row === c.row && p.col >= c.col)) sorted = false;
  }
  const cells = sorted ? sheet.cells : [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const heights = rowHeightsOf(sheet);
  let maxRow = 1;
  let maxCol = 1;
  for (const c of cells) {
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  );
  const print = sheet.print;
  const fit = print && (print.fitToWidth !== undefined || print.fitToHeight !== undefined);
  if (fit) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="${cells.length ? `A1:${a1(maxRow, maxCol)}` : "A1"}"/>`);
  if (sheet.frozenRows) {
    const top = `A${sheet.frozenRows + 1}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`,
    );
  } else out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols: string[] = [];
  sheet.widths.forEach((w, i) => {
    if (w !== undefined) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  if (cols.length) out.push(`<cols>${cols.join("")}</cols>`);

  const letters = Array.from({ length: maxCol + 1 }, (_, c) => (c ? columnLetter(c) : ""));
  out.push("<sheetData>");
  const links: string[] = [];
  // Rows in order: those of the cells (listed by row) merged with those that only have a height.
  const order: number[] = [];
  const heightRows = [...heights.keys()].sort((a, b) => a - b);
  let hk = 0;
  for (let k = 0; k < cells.length; k++) {
    const r = cells[k].row;
    if (k > 0 && cells[k - 1].row === r) continue;
    while (hk < heightRows.length && heightRows[hk] < r) order.push(heightRows[hk++]);
    if (hk < heightRows.length && heightRows[hk] === r) hk++;
    order.push(r);
  }
  while (hk < heightRows.length) order.push(heightRows[hk++]);
  let i = 0;
  // The style index of the previous cell: neighbours mostly share it (the helper sheet's 100k
  // cells all do), so most cells need no key text and no format spec.
  let lastStyle: CellStyle | undefined;
  let lastFmt: string | undefined;
  let lastId = 0;
  for (const r of order) {
    const h = heights.get(r);
    const parts: string[] = [];
    for (; i < cells.length && cells[i].row === r; i++) {
      const c = cells[i];
      const ref = `${letters[c.col]}${c.row}`;
      if (c.style !== lastStyle || c.numFmt !== lastFmt) {
        const base = c.style ? CELL_STYLES[c.style] : undefined;
        const spec: XfSpec | undefined =
          base || c.numFmt ? { ...(base ?? {}), ...(c.numFmt ? { numFmt: c.numFmt } : {}) } : undefined;
        lastId = spec ? o.styles.xf(spec, `cell\u0001${c.style ?? ""}\u0001${c.numFmt ?? ""}`) : 0;
        lastStyle = c.style;
        lastFmt = c.numFmt;
      }
      parts.push(cellXml(c, ref, lastId, o.rewrite));
      if (c.link !== undefined && c.formula === undefined)
        links.push(
          `<hyperlink ref="${ref}" location="${escapeAttr(o.rewrite(c.link))}" display="${escapeAttr(c.value === null ? "" : String(c.value))}"/>`,
        );
    }
    out.push(`<row r="${r}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${parts.join("")}</row>`);
  }
  out.push("</sheetData>");

  if (sheet.autoFilter) out.push(`<autoFilter ref="${rangeA1(sheet.autoFilter)}"/>`);
  if (sheet.merges.length)
    out.push(
      `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join("")}</mergeCells>`,
    );
  sheet.dataBars.forEach((bar, k) => {
    out.push(
      `<conditionalFormatting sqref="${escapeAttr(bar.range)}"><cfRule type="dataBar" priority="${k + 1}"><dataBar>` +
        `<cfvo type="min"/><cfvo type="max"/><color rgb="${escapeAttr(bar.color)}"/></dataBar></cfRule></conditionalFormatting>`,
    );
  });
  if (links.length) out.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  const m = print?.margins ?? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  out.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
  );
  if (print) {
    out.push(
      `<pageSetup paperSize="9" orientation="${print.orientation}"` +
        `${print.fitToWidth !== undefined ? ` fitToWidth="${print.fitToWidth}"` : ""}` +
        `${print.fitToHeight !== undefined ? ` fitToHeight="${print.fitToHeight}"` : ""}/>`,
    );
    if (print.header || print.footer)
      out.push(
        `<headerFooter>${print.header ? `<oddHeader>${escapeText(print.header)}</oddHeader>` : ""}` +
          `${print.footer ? `<oddFooter>${escapeText(print.footer)}</oddFooter>` : ""}</headerFooter>`,
      );
  }
  if (o.drawingRelId) out.push(`<drawing r:id="${escapeAttr(o.drawingRelId)}"/>`);
  out.push("</worksheet>");
  return out.join("");
}
