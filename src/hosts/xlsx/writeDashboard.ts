/**
 * Writing the dashboard into a copy of the user's workbook: the original is loaded with ExcelJS,
 * Sverka's sheets («Дашборд», «Отчёт ФЛК», the hidden helper sheet) are added or replaced, and the
 * copy is written. Every other sheet is kept as it was; what ExcelJS loses on the way is repaired
 * or reported (`preserve.ts`).
 *
 * Ownership: the sheets Sverka wrote are listed (JSON array of names) under the key
 * `sverka.sheets` of the very hidden `_sverka` sheet. A sheet of the same name that is not listed
 * belongs to the user and is never touched: the dashboard then goes to «Дашборд (2)» (or (3) …)
 * and a warning says so. A listed sheet is replaced in place (same tab position). Listed sheets
 * that the new dashboard no longer uses are removed.
 */
import {
  Workbook,
  type Alignment,
  type Borders,
  type CellValue,
  type DataBarRuleType,
  type Fill,
  type Font,
  type Worksheet,
} from "exceljs";
import type { DashboardLayout } from "../../core/dashboard/layout";
import { placeSheets } from "../../core/dashboard/placement";
import type { CellStyle, LayoutCell, LayoutSheet, SheetRole } from "../../core/dashboard/types";
import { PROPERTIES_SHEET } from "./read";
import { repairRoundTrip, snapshotPackage, refersToSheet } from "./preserve";
import { fixZipTimestamps, freezeRows } from "./writeGrid";

/** Key of the `_sverka` sheet row listing the sheets Sverka owns (a JSON array of names). */
export { OWNED_SHEETS_PROPERTY } from "../../core/sheets/planSheets";
import { OWNED_SHEETS_PROPERTY } from "../../core/sheets/planSheets";

export interface WriteDashboardResult {
  /** The .xlsx bytes of the copy. */
  data: Uint8Array;
  /** The names Sverka's sheets got, in the order dashboard, ФЛК report, helper sheet. */
  sheetNames: string[];
  /** What the user should know (a sheet name was taken, something could not be carried over). */
  warnings: string[];
}

const ROLE_TEXT: Record<SheetRole, string> = {
  dashboard: "дашборд",
  flk: "отчёт ФЛК",
  calc: "служебный лист формул",
};

interface StyleSpec {
  font?: Partial<Font>;
  fill?: Fill;
  alignment?: Partial<Alignment>;
  border?: Partial<Borders>;
}

const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP: Partial<Alignment> = { wrapText: true, vertical: "top" };

const STYLES: Record<CellStyle, StyleSpec> = {
  title: {
    font: { bold: true, size: 14, color: { argb: "FF1F3864" } },
    alignment: { vertical: "middle", wrapText: true },
  },
  subtitle: { font: { bold: true, size: 12, color: { argb: "FF1F3864" } } },
  info: { font: { color: { argb: "FF404040" } }, alignment: { wrapText: true, vertical: "top" } },
  header: {
    font: { bold: true },
    fill: solid("FFDDEBF7"),
    alignment: { wrapText: true, vertical: "middle", horizontal: "center" },
    border: BOX,
  },
  text: { alignment: WRAP, border: BOX },
  number: { alignment: { vertical: "top" }, border: BOX },
  met: { font: { color: { argb: "FF006100" } }, fill: solid("FFC6EFCE"), alignment: { vertical: "top" }, border: BOX },
  notMet: {
    font: { color: { argb: "FF9C0006" } },
    fill: solid("FFFFC7CE"),
    alignment: { vertical: "top" },
    border: BOX,
  },
  noData: { font: { color: { argb: "FF808080" } }, alignment: WRAP, border: BOX },
  error: { font: { bold: true, color: { argb: "FF9C0006" } }, fill: solid("FFFFC7CE"), alignment: WRAP, border: BOX },
  warning: { font: { color: { argb: "FF9C5700" } }, fill: solid("FFFFEB9C"), alignment: WRAP, border: BOX },
  info_issue: { font: { color: { argb: "FF1F4E79" } }, alignment: WRAP, border: BOX },
  link: { font: { color: { argb: "FF0563C1" }, underline: true }, alignment: WRAP },
  note: { font: { italic: true, size: 9, color: { argb: "FF595959" } }, alignment: WRAP },
  total: { font: { bold: true }, border: { top: { style: "thin" }, bottom: { style: "double" } } },
};

function lower(s: string): string {
  return s.toLocaleLowerCase("ru");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Plain text of an ExcelJS cell value (strings, numbers, rich text, formula results). */
function valueText(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isRecord(v)) {
    if (Array.isArray(v.richText))
      return v.richText.map((r) => (isRecord(r) && typeof r.text === "string" ? r.text : "")).join("");
    if ("result" in v) return valueText(v.result);
    if (typeof v.text === "string") return v.text;
  }
  return "";
}

/** Sheet names listed as Sverka's on the `_sverka` sheet. */
export function ownedSheetNames(props: Worksheet | undefined): string[] {
  if (!props) return [];
  let out: string[] = [];
  props.eachRow((row) => {
    if (valueText(row.getCell(1).value).trim() !== OWNED_SHEETS_PROPERTY) return;
    try {
      const parsed: unknown = JSON.parse(valueText(row.getCell(2).value));
      if (Array.isArray(parsed)) out = parsed.filter((x): x is string => typeof x === "string");
    } catch {
      out = [];
    }
  });
  return out;
}

function setProperty(props: Worksheet, key: string, value: string): void {
  let found = false;
  props.eachRow((row) => {
    if (found || valueText(row.getCell(1).value).trim() !== key) return;
    row.getCell(2).value = value;
    found = true;
  });
  if (!found) props.addRow([key, value]);
}

/** ExcelJS keeps the tab order in `orderNo`, which its typings omit. */
function orderNoOf(ws: Worksheet): number | undefined {
  const v: unknown = (ws as unknown as { orderNo?: unknown }).orderNo;
  return typeof v === "number" ? v : undefined;
}

function setOrderNo(ws: Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
}

function formulaValue(formula: string, v: LayoutCell["value"]): CellValue {
  return v === null ? { formula } : { formula, result: v };
}

/** A rough row height for wrapped text in a merged line (ExcelJS cannot auto-fit). */
function lineHeight(text: string, widthChars: number, style: CellStyle | undefined): number | undefined {
  const base = style === "title" ? 20 : style === "note" ? 12 : 15;
  const lines = Math.max(1, Math.ceil(text.length / Math.max(10, widthChars * 1.1)));
  return lines > 1 || style === "title" ? lines * base + 3 : undefined;
}

function renderSheet(ws: Worksheet, sheet: LayoutSheet, rewrite: (s: string) => string): void {
  sheet.widths.forEach((w, i) => {
    if (w !== undefined) ws.getColumn(i + 1).width = w;
  });
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula !== undefined) cell.value = formulaValue(rewrite(c.formula), c.value);
    else if (c.link !== undefined)
      cell.value = { text: c.value === null ? "" : String(c.value), hyperlink: `#${rewrite(c.link)}` };
    // A string is written as text even when it starts with «=»: ExcelJS makes formulas only of `{ formula }`.
    else cell.value = c.value;
    if (c.numFmt) cell.numFmt = c.numFmt;
    const st = c.style ? STYLES[c.style] : undefined;
    if (st?.font) cell.font = st.font;
    if (st?.fill) cell.fill = st.fill;
    if (st?.alignment) cell.alignment = st.alignment;
    if (st?.border) cell.border = st.border;
  }
  for (const m of sheet.merges) {
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
    const master = sheet.cells.find((c) => c.row === m.top && c.col === m.left);
    if (master && typeof master.value === "string") {
      let width = 0;
      for (let c = m.left; c <= m.right; c++) width += sheet.widths[c - 1] ?? 9;
      const h = lineHeight(master.value, width, master.style);
      if (h !== undefined) ws.getRow(m.top).height = h;
    }
  }
  if (sheet.frozenRows) freezeRows(ws, sheet.frozenRows);
  if (sheet.autoFilter) {
    const f = sheet.autoFilter;
    ws.autoFilter = { from: { row: f.top, column: f.left }, to: { row: f.bottom, column: f.right } };
  }
  sheet.dataBars.forEach((bar, i) => {
    const rule: DataBarRuleType & { color: { argb: string } } = {
      type: "dataBar",
      priority: i + 1,
      gradient: true,
      cfvo: [{ type: "min" }, { type: "max" }],
      color: { argb: bar.color },
    };
    ws.addConditionalFormatting({ ref: bar.range, rules: [rule] });
  });
}

function toBytes(out: unknown): Uint8Array {
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  throw new TypeError("ExcelJS returned an unexpected buffer type");
}

/**
 * A copy of `original` with the dashboard layout's sheets and the ФЛК report sheet added (or
 * Sverka's earlier ones replaced), their defined names, and Sverka's ownership recorded.
 */
export async function writeDashboard(
  original: Uint8Array,
  layout: DashboardLayout,
  report: LayoutSheet,
): Promise<WriteDashboardResult> {
  const wb = new Workbook();
  // ExcelJS's typings ask for a Node Buffer; JSZip underneath takes any Uint8Array.
  await wb.xlsx.load(original as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  const warnings: string[] = [];

  const existing = wb.worksheets.map((ws) => ws.name);
  const propsSheet = wb.worksheets.find((ws) => ws.name === PROPERTIES_SHEET);
  const owned = new Set(ownedSheetNames(propsSheet).map(lower));
  const ownedExisting = existing.filter((n) => owned.has(lower(n)) && n !== PROPERTIES_SHEET);
  const snapshot = await snapshotPackage(original, ownedExisting);

  // Names: the logical one, else «Name (2)», «Name (3)» … skipping the user's sheets.
  const dashboard = layout.sheets.find((s) => s.role === "dashboard");
  const sheets = [...(dashboard ? [dashboard] : []), report, ...layout.sheets.filter((s) => s.role !== "dashboard")];
  const placement = placeSheets(sheets, existing, [...owned]);
  const finalNames = placement.names;
  for (const p of placement.renamed)
    warnings.push(
      `В книге уже есть лист «${p.logical}», созданный не Сверкой: он не изменён, ${p.role ? ROLE_TEXT[p.role] : "лист"} записан на лист «${p.actual}».`,
    );
  const rewrite = placement.rewrite;

  // Remove Sverka's earlier sheets (replaced ones keep their tab position).
  const orderOf = new Map<string, number>();
  for (const ws of [...wb.worksheets]) {
    if (!ownedExisting.includes(ws.name)) continue;
    const order = orderNoOf(ws);
    if (order !== undefined) orderOf.set(lower(ws.name), order);
    wb.removeWorksheet(ws.id);
  }

  for (const sheet of sheets) {
    const name = finalNames.get(sheet.name) ?? sheet.name;
    const ws = wb.addWorksheet(name, { state: sheet.hidden ? "hidden" : "visible" });
    const order = orderOf.get(lower(name));
    if (order !== undefined) setOrderNo(ws, order);
    renderSheet(ws, sheet, rewrite);
  }

  // Defined names: never over a name of the user's.
  const userNames = new Set(
    snapshot.definedNames
      .filter((n) => n.localSheetId === null && !ownedExisting.some((s) => refersToSheet(n.text, s)))
      .map((n) => lower(n.name)),
  );
  const ownNames = new Set<string>();
  const skipped: string[] = [];
  for (const dn of layout.definedNames) {
    if (userNames.has(lower(dn.name))) {
      skipped.push(dn.name);
      continue;
    }
    wb.definedNames.add(rewrite(dn.ref), dn.name);
    ownNames.add(dn.name);
  }
  if (skipped.length)
    warnings.push(
      `Имена ${skipped.map((n) => `«${n}»`).join(", ")} уже заданы в книге пользователем и не изменены; ячейки дашборда получили остальные имена.`,
    );

  // Ownership.
  const props = propsSheet ?? wb.addWorksheet(PROPERTIES_SHEET, { state: "veryHidden" });
  const names = sheets.map((s) => finalNames.get(s.name) ?? s.name);
  setProperty(props, OWNED_SHEETS_PROPERTY, JSON.stringify(names));

  const written = toBytes(await wb.xlsx.writeBuffer());
  const repaired = await repairRoundTrip(snapshot, written, {
    removedSheets: ownedExisting.filter((n) => !names.includes(n)),
    replacedSheets: ownedExisting.filter((n) => names.includes(n)),
    ownNames,
    ownSheets: names,
  });
  warnings.push(...repaired.warnings);
  const data = repaired.bytes;
  fixZipTimestamps(data);
  return { data, sheetNames: names, warnings };
}
