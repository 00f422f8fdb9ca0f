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
import { resolvePartName } from "../ooxml";
import { workbookPartName } from "./layoutWriter";
import { folderOf, OpcPackage, relativeTarget, relsPartOf } from "./opc";
import {
  addOverride,
  addRelationship,
  appendToSheets,
  CONTENT_TYPES,
  ensureRelPrefix,
  newSheetElement,
  relationships,
  REL_TYPES,
  removeOverride,
  removeRelationships,
  sheetEntries,
} from "./parts";
import { CELL_STYLES } from "./sheetXml";
import { SheetRows } from "./sheetRows";
import { MINIMAL_STYLES, StylesAppender } from "./styles";

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
): { data: Uint8Array; warnings: string[] } {
  const pkg = new OpcPackage(bytes);
  const warnings: string[] = [];
  const wbPart = workbookPartName(pkg);
  const wbFolder = folderOf(wbPart);
  const wbRelsPart = relsPartOf(wbPart);
  const originalWorkbook = pkg.text(wbPart);
  if (originalWorkbook === undefined) throw new Error(`the package has no workbook part (${wbPart})`);
  let workbook = originalWorkbook;
  let wbRels = pkg.text(wbRelsPart) ?? "";
  let types = pkg.text("[Content_Types].xml") ?? "";
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*("|')(1|true)\1/.test(workbook);
  const relTarget = new Map(relationships(wbRels).map((r) => [r.id, resolvePartName(wbFolder, r.target)]));

  const stylesRel = relationships(wbRels).find((r) => r.type === REL_TYPES.styles);
  let stylesPart = stylesRel ? resolvePartName(wbFolder, stylesRel.target) : undefined;
  let stylesXml = stylesPart ? pkg.text(stylesPart) : undefined;
  if (!stylesPart || stylesXml === undefined) {
    stylesPart = `${wbFolder ? `${wbFolder}/` : ""}styles.xml`;
    stylesXml = MINIMAL_STYLES;
    wbRels = addRelationship(wbRels, REL_TYPES.styles, relativeTarget(wbPart, stylesPart)).xml;
    types = addOverride(types, stylesPart, CONTENT_TYPES.styles);
    pkg.set(stylesPart, stylesXml);
  }
  const styles = new StylesAppender(stylesXml);
  const headerStyle = () => styles.xf(CELL_STYLES.header, "consolidation-header");

  let dropCalcChain = false;
  let maxSheetId = Math.max(0, ...sheetEntries(workbook).map((e) => e.sheetId));
  const relPrefix = ensureRelPrefix(workbook);
  workbook = relPrefix.xml;
  const added: string[] = [];

  for (const p of plan.sheets) {
    const entry = sheetEntries(workbook).find((e) => e.name === p.sheet);
    let part = entry?.relId !== undefined ? relTarget.get(entry.relId) : undefined;
    const create = p.create || !part || !pkg.has(part);
    if (create) {
      part = pkg.freeName("xl/worksheets/sheet", ".xml");
      const rel = addRelationship(wbRels, REL_TYPES.worksheet, relativeTarget(wbPart, part));
      wbRels = rel.xml;
      types = addOverride(types, part, CONTENT_TYPES.worksheet);
      added.push(
        newSheetElement(
          workbook,
          { name: p.sheet, sheetId: ++maxSheetId, relId: rel.id, hidden: false },
          relPrefix.prefix,
        ),
      );
    }
    const sheetPart = part as string;
    const rows = new SheetRows(create ? emptySheet(p) : (pkg.text(sheetPart) ?? ""));

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
          rows.setCell(
            r,
            c + 1,
            rows.cellXml(r, c + 1, serial(v, date1904), styles.dateStyle(style, CONSOLIDATION_DATE_FORMAT)),
          );
          return;
        }
        // A string stays text even when it starts with «=»: it is written as an inline string.
        rows.setCell(r, c + 1, rows.cellXml(r, c + 1, v, style));
      });
    });
    pkg.set(sheetPart, rows.toXml(p.sourceHeader ? { minWidth: { col: p.sourceColumn, width: SOURCE_WIDTH } } : {}));
  }
  if (added.length) workbook = appendToSheets(workbook, added.join(""));
  if (styles.changed) pkg.set(stylesPart, styles.result());
  if (dropCalcChain) {
    const chain = relationships(wbRels).find((r) => r.type === REL_TYPES.calcChain);
    if (chain) {
      const chainPart = resolvePartName(wbFolder, chain.target);
      pkg.remove(chainPart);
      types = removeOverride(types, chainPart);
      wbRels = removeRelationships(wbRels, new Set([chain.id]));
    }
  }
  if (workbook !== originalWorkbook) pkg.set(wbPart, workbook);
  if (wbRels !== pkg.text(wbRelsPart)) pkg.set(wbRelsPart, wbRels);
  if (types !== pkg.text("[Content_Types].xml")) pkg.set("[Content_Types].xml", types);
  return { data: pkg.toBytes(), warnings };
}
