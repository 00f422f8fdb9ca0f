/**
 * Applying a consolidation plan (`core/consolidate`) to a copy of the master by patching its
 * package: only the monitoring sheets the plan appends to are re-emitted (their rows parsed and
 * written back, every untouched cell's XML as it was); sheets the master lacks are added; every
 * other part stays byte for byte, except the parts that list things (`[Content_Types].xml`,
 * `xl/workbook.xml`, its relationships, `xl/styles.xml`: entries appended).
 *
 * Rows of an earlier import are deleted (the rows below move up) unless formulas or merged cells
 * lie at or below them — their references would not follow — in which case the rows are cleared
 * and the new rows go after the table, with a warning, as Excel itself is not there to adjust
 * references. When cells are deleted or cleared, `xl/calcChain.xml` (Excel's cache of formula
 * cells, rebuilt on load) is dropped.
 */
import type { ConsolidationPlan, PlanCell, SheetPlan } from "../../../core/consolidate/types";
import { CELL_STYLES } from "./sheetXml";
import { SheetRows } from "./sheetRows";
import { WorkbookPackage, type PatchOptions } from "./workbookPackage";
export const CONSOLIDATION_DATE_FORMAT = "dd.mm.yyyy";
const SOURCE_HEADER = "Источник";
const SOURCE_WIDTH = 28;

/** Excel's serial number of a date (UTC), in the 1900 or the 1904 date system. */
function serial(d: Date, date1904: boolean): number {
  return d.getTime() / 86_400_000 + 25_569 - (date1904 ? 1_462 : 0);
}

function emptySheet(p: SheetPlan): string {
  const top = `A${p.headerRow + 1}`;
  const cols = p.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="${p.headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${cols ? `<cols>${cols}</cols>` : ""}<sheetData/>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

export function patchConsolidation(
  bytes: Uint8Array,
  plan: ConsolidationPlan,
  options: PatchOptions = {},
): { data: Uint8Array; warnings: string[] } {
  const wb = new WorkbookPackage(bytes);
  const pkg = wb.pkg;
  const warnings: string[] = [];
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*("|')(1|true)\1/.test(wb.workbook);
  const styles = wb.styles();
  const headerStyle = () => styles.xf(CELL_STYLES.header, "consolidation-header");
  let dropCalcChain = false;

  for (const p of plan.sheets) {
    const entry = wb.sheets().find((e) => e.name === p.sheet);
    const existing = entry ? wb.partOf(entry) : undefined;
    const create = p.create || !existing || !pkg.has(existing);
    const part = create ? wb.addSheet(p.sheet, false) : (existing as string);
    const rows = new SheetRows(create ? emptySheet(p) : (pkg.text(part) ?? ""));

    if (p.header.length)
      p.header.forEach((title, i) =>
        rows.setCell(p.headerRow, i + 1, rows.cellXml(p.headerRow, i + 1, title, headerStyle())),
      );
    if (p.sourceHeader) {
      const left = p.sourceColumn > 1 ? rows.styleOf(p.headerRow, p.sourceColumn - 1) : undefined;
      rows.setCell(p.headerRow, p.sourceColumn, rows.cellXml(p.headerRow, p.sourceColumn, SOURCE_HEADER, left));
    }

    let appendAt = p.appendAt;
    if (p.deleteRows.length) {
      dropCalcChain = true;
      const first = p.deleteRows[0];
      if (rows.hasFormulasFrom(first) || rows.hasMergesFrom(first)) {
        for (const r of p.deleteRows) rows.clearRow(r);
        appendAt += p.deleteRows.length;
        warnings.push(
          `Лист «${p.sheet}»: ниже строк прежнего импорта есть формулы или объединённые ячейки, поэтому ${p.deleteRows.length} строк(и) прежнего импорта очищены, а не удалены (пустые строки можно удалить в Excel).`,
        );
      } else rows.deleteRows(p.deleteRows);
    }

    // Appended rows take the styles of the table's last data row, if there is one.
    const styleRow = appendAt - 1 > p.headerRow ? appendAt - 1 : undefined;
    const colStyles = Array.from({ length: p.width }, (_, c) => (styleRow ? rows.styleOf(styleRow, c + 1) : undefined));
    p.rows.forEach((cells: PlanCell[], i) => {
      const r = appendAt + i;
      cells.forEach((v, c) => {
        const style = colStyles[c];
        if (v === null && style === undefined) return;
        if (v instanceof Date) {
          const dateStyle = styles.dateStyle(style, CONSOLIDATION_DATE_FORMAT);
          rows.setCell(r, c + 1, rows.cellXml(r, c + 1, serial(v, date1904), dateStyle));
          return;
        }
        // A string stays text even when it starts with «=»: it is written as an inline string.
        rows.setCell(r, c + 1, rows.cellXml(r, c + 1, v, style));
      });
    });
    pkg.set(part, rows.toXml(p.sourceHeader ? { minWidth: { col: p.sourceColumn, width: SOURCE_WIDTH } } : {}));
  }
  if (dropCalcChain) wb.dropCalcChain();
  return { data: wb.save(options.deflateRaw), warnings };
}
