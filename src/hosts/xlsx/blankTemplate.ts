/**
 * Blank template workbooks (`sverka template <id> --out blank.xlsx`): one sheet per plan of the
 * template and the monitoring sheets, with the canonical headers, frozen header rows, column
 * widths and Excel data validation on the data rows, so that schools fill in what the checks
 * expect. The template id is recorded on a very hidden `_sverka` sheet (ExcelJS cannot write
 * custom document properties; `readWorkbook` reads the sheet back into `properties`).
 *
 * The output is deterministic: fixed document dates and ZIP entry timestamps.
 */
import { Workbook, type Alignment, type Borders, type Fill, type Worksheet } from "exceljs";
import type { Template } from "../../core/template/schema";
import { columnLetter } from "../../core/model/address";
import {
  blankLayout,
  LISTS_SHEET as LISTS_SHEET_NAME,
  type BlankSheet,
  type ValidationRule,
} from "../../core/template/blank";
import { PROPERTIES_SHEET } from "./read";
import { FIXED_TIMESTAMP, freezeRows, writeDeterministic } from "./writeGrid";

export {
  blankSheetNames,
  LISTS_SHEET,
  MAX_INLINE_LIST,
  planColumnsInOrder,
  VALIDATED_ROWS,
  validationFor,
} from "../../core/template/blank";
export { columnLetter };

const CREATOR = "Сверка";

const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const HEADER_ALIGNMENT: Partial<Alignment> = { wrapText: true, vertical: "middle", horizontal: "center" };
const THIN = { style: "thin" as const, color: { argb: "FF8EA9DB" } };
const HEADER_BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_ALIGNMENT: Partial<Alignment> = { wrapText: true, vertical: "middle", horizontal: "center" };

/** ExcelJS's worksheet data validations (present at runtime, missing from its typings). */
interface DataValidationsStore {
  add(address: string, validation: ValidationRule): void;
}

function validationsOf(ws: Worksheet): DataValidationsStore {
  const store: unknown = (ws as unknown as { dataValidations?: unknown }).dataValidations;
  if (typeof store === "object" && store !== null && typeof (store as { add?: unknown }).add === "function") {
    return store as DataValidationsStore;
  }
  throw new Error("ExcelJS worksheet has no dataValidations store");
}

export function styleHeader(ws: Worksheet, row: number, columns: readonly { title: string }[]): void {
  const xlRow = ws.getRow(row);
  columns.forEach((c, i) => {
    const cell = xlRow.getCell(i + 1);
    cell.value = c.title;
    cell.font = { bold: true };
    cell.alignment = HEADER_ALIGNMENT;
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
  });
}

/** Header at `headerRow`, widths, frozen header, validations on the data rows below. */
function layoutTable(ws: Worksheet, sheet: BlankSheet): void {
  const headerRow = sheet.headerRow;
  sheet.columns.forEach((_c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = sheet.widths[i];
    // A column style: cells typed into the column later show as dates.
    const numFmt = sheet.numFmts[i];
    if (numFmt) column.numFmt = numFmt;
  });
  styleHeader(ws, headerRow, sheet.columns);
  freezeRows(ws, headerRow, `A${headerRow + 1}`);
  const store = validationsOf(ws);
  for (const v of sheet.validations) store.add(v.range, v.rule);
}

function writeSheet(wb: Workbook, sheet: BlankSheet): void {
  const ws = wb.addWorksheet(sheet.name);
  if (sheet.title !== undefined) {
    const title = ws.getRow(1).getCell(1);
    title.value = sheet.title;
    title.font = { bold: true, size: 12 };
    title.alignment = TITLE_ALIGNMENT;
    if (sheet.columns.length > 1) ws.mergeCells(1, 1, 1, sheet.columns.length);
    ws.getRow(1).height = 48;
  }
  layoutTable(ws, sheet);
}

/** Writes the blank template workbook of `template` as .xlsx bytes. */
export async function writeBlankTemplate(template: Template): Promise<Uint8Array> {
  const layout = blankLayout(template);

  const wb = new Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.title = template.title;
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;

  for (const sheet of layout.sheets) writeSheet(wb, sheet);
  if (layout.lists.length) {
    const ws = wb.addWorksheet(LISTS_SHEET_NAME, { state: "veryHidden" });
    layout.lists.forEach((values, c) => {
      values.forEach((v, r) => {
        ws.getRow(r + 1).getCell(c + 1).value = v;
      });
    });
  }

  const props = wb.addWorksheet(PROPERTIES_SHEET, { state: "veryHidden" });
  for (const row of layout.properties) props.addRow(row);

  return writeDeterministic(wb);
}
