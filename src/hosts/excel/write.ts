/**
 * Writing Sverka's sheets (the «Отчёт ФЛК» report, the «Дашборд» and its hidden helper sheet) into
 * the open workbook from the core's layouts, through Office.js.
 *
 * - Ownership: the sheets Sverka wrote are listed (a JSON array) in the custom document property
 *   `sverka.sheets` (the xlsx host keeps the same list on its `_sverka` sheet; both are read). A
 *   sheet of the same name that is not listed is the user's and is never touched: the layout goes
 *   to «Дашборд (2)» and a SHEET_RENAMED notice says so (`core/dashboard/placement.ts`). A listed
 *   sheet is cleared and rewritten in place, so references to it from the user's sheets keep
 *   working; listed sheets the new dashboard no longer has are deleted.
 * - Everything is queued and sent in as few requests as Excel's limits allow (a budget keeps each
 *   request well under 5 MB; address lists stay under 8,192 characters), with screen updating
 *   suspended.
 * - Text is written as text: a value starting with «=», «+», «-», «@» or «'», or one Excel would
 *   read as a number, date or logical value, gets the «'» prefix. Formulas get their «=».
 * - Defined names `sv_<id>_<period>` are (re)created unless a name of the user's has the name
 *   (NAME_TAKEN). Charts are real Excel charts (several series, a target drawn as a line, colours,
 *   placed on the spec's anchor); row heights and the page setup (`PrintSetup` through
 *   `worksheet.pageLayout`, ExcelApi 1.9) are applied where Excel supports them.
 */
import { placeSheets, type Placement } from "../../core/dashboard/placement";
import type { DashboardLayout } from "../../core/dashboard/layout";
import type { CellStyle, ChartSpec, LayoutCell, LayoutSheet } from "../../core/dashboard/types";
import { a1, columnLetter, quoteSheetName } from "../../core/model/address";
import { OWNED_SHEETS_PROPERTY, ownedSheetList } from "../../core/sheets/planSheets";
import type { HostNotice, WriteOutcome } from "../host";
import { excelApiSupported, excelRun } from "./errors";
import { addressLists, jsonBytes, PAYLOAD_LIMIT } from "./payload";
import { cellRectangles, rectA1 } from "./rects";
import { PROPERTIES_SHEET } from "../../core/model/properties";

/**
 * A request is sent once the queued operations would pass this many bytes, as estimated (generously:
 * `OP_BYTES` an operation, two bytes a character): 3.5 MB, well under Excel on the web's 5 MB.
 */
export const REQUEST_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.7);

/** Counts what is queued and syncs before a request would grow too large. */
export class Budget {
  private bytes = 0;
  /**
   * `onNewRequest` queues what every request must start with (e.g. suspending screen updating,
   * which lasts only until the next sync); it runs at the first `reserve` of each request.
   */
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_BUDGET,
    private readonly onNewRequest?: () => void,
  ) {}

  /** Accounts for `bytes` about to be queued; syncs first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.limit) await this.flush();
    if (this.bytes === 0 && this.onNewRequest) {
      this.onNewRequest();
      this.bytes += OP_BYTES;
    }
    this.bytes += bytes;
  }

  /** Sends what is queued, if anything was counted. */
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    await this.sync();
  }

  /** Sends what is queued. */
  async sync(): Promise<void> {
    this.bytes = 0;
    await this.context.sync();
  }
}

/** Per-operation overhead of the request JSON (object path, method name). */
export const OP_BYTES = 160;

/** Whether Excel would turn this text into something else (a formula, a number, a date, TRUE). */
export function needsTextPrefix(s: string): boolean {
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (t === "") return false;
  if (/^(true|false|истина|ложь)$/i.test(t)) return true;
  // Numbers, percentages, fractions, dates and times as Excel parses typed text.
  return /^[\d\s.,:/%()$€₽E+-]+$/i.test(t) && /\d/.test(t);
}

/** What goes into `range.formulas` for a layout cell. */
export function cellInput(c: LayoutCell, rewrite: (s: string) => string): string | number | boolean | null {
  if (c.formula !== undefined) return `=${rewrite(c.formula)}`;
  const v = c.value;
  if (v === null) return "";
  if (typeof v === "string") return needsTextPrefix(v) ? `'${v}` : v;
  return v;
}

interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  underline?: boolean;
  fill?: string;
  wrap?: boolean;
  vertical?: "Top" | "Center";
  horizontal?: "Center";
  border?: "box" | "total";
}

const BORDER_COLOR = "#BFBFBF";

const LOOKS: Record<CellStyle, Look> = {
  title: { bold: true, size: 14, color: "#1F3864", vertical: "Center", wrap: true },
  subtitle: { bold: true, size: 12, color: "#1F3864", vertical: "Top" },
  info: { color: "#404040", wrap: true, vertical: "Top" },
  header: { bold: true, fill: "#DDEBF7", wrap: true, vertical: "Center", horizontal: "Center", border: "box" },
  text: { wrap: true, vertical: "Top", border: "box" },
  number: { vertical: "Top", border: "box" },
  met: { color: "#006100", fill: "#C6EFCE", vertical: "Top", border: "box" },
  notMet: { color: "#9C0006", fill: "#FFC7CE", vertical: "Top", border: "box" },
  noData: { color: "#808080", wrap: true, vertical: "Top", border: "box" },
  error: { bold: true, color: "#9C0006", fill: "#FFC7CE", wrap: true, vertical: "Top", border: "box" },
  warning: { color: "#9C5700", fill: "#FFEB9C", wrap: true, vertical: "Top", border: "box" },
  info_issue: { color: "#1F4E79", wrap: true, vertical: "Top", border: "box" },
  link: { color: "#0563C1", underline: true, wrap: true },
  note: { italic: true, size: 9, color: "#595959", wrap: true },
  total: { bold: true, border: "total" },
};

/** Column width in characters → points (Calibri 11: 7 px a character plus 5 px padding; 0.75 pt a pixel). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function applyLook(format: Excel.RangeFormat, look: Look): void {
  const font = format.font;
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size) font.size = look.size;
  if (look.color) font.color = look.color;
  if (look.underline) font.underline = "Single";
  if (look.fill) format.fill.color = look.fill;
  if (look.wrap) format.wrapText = true;
  if (look.vertical) format.verticalAlignment = look.vertical;
  if (look.horizontal) format.horizontalAlignment = look.horizontal;
  if (look.border === "box")
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ] as const) {
      const b = format.borders.getItem(edge);
      b.style = "Continuous";
      b.color = BORDER_COLOR;
    }
  else if (look.border === "total") {
    format.borders.getItem("EdgeTop").style = "Continuous";
    format.borders.getItem("EdgeBottom").style = "Double";
  }
}

/** Splits `'Дашборд'!$A$40:$A$68` into the sheet name and the address. */
export function splitRef(ref: string): { sheet: string; address: string } {
  const bang = ref.lastIndexOf("!");
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1).replace(/\$/g, "") };
}

/** Rows of the layout's cells, as `range.formulas` / `numberFormat` matrices over chunks of rows. */
async function writeCells(
  ws: Excel.Worksheet,
  sheet: LayoutSheet,
  rewrite: (s: string) => string,
  budget: Budget,
): Promise<void> {
  if (!sheet.cells.length) return;
  let right = 1;
  let bottom = 1;
  for (const c of sheet.cells) {
    if (c.col > right) right = c.col;
    if (c.row > bottom) bottom = c.row;
  }
  const byRow = new Map<number, LayoutCell[]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  // Chunks of rows whose matrices stay within a quarter of the budget.
  let top = 1;
  while (top <= bottom) {
    const formulas: (string | number | boolean | null)[][] = [];
    const formats: (string | null)[][] = [];
    let bytes = 0;
    let r = top;
    let anyFormat = false;
    for (; r <= bottom && (r === top || bytes < REQUEST_BUDGET / 4); r++) {
      const fRow: (string | number | boolean | null)[] = new Array<null>(right).fill(null);
      const nRow: (string | null)[] = new Array<null>(right).fill(null);
      for (const c of byRow.get(r) ?? []) {
        fRow[c.col - 1] = cellInput(c, rewrite);
        if (c.numFmt) {
          nRow[c.col - 1] = c.numFmt;
          anyFormat = true;
        }
      }
      bytes += jsonBytes(fRow) + jsonBytes(nRow);
      formulas.push(fRow);
      formats.push(nRow);
    }
    await budget.reserve(bytes + 2 * OP_BYTES);
    const range = ws.getRange(`A${top}:${columnLetter(right)}${r - 1}`);
    // Number formats first: a date typed into a General cell would get a format of its own.
    if (anyFormat) range.numberFormat = formats as unknown as string[][];
    range.formulas = formulas as unknown as string[][];
    top = r;
  }
}

async function writeLooks(ws: Excel.Worksheet, sheet: LayoutSheet, budget: Budget): Promise<void> {
  const byStyle = new Map<CellStyle, { row: number; col: number }[]>();
  for (const c of sheet.cells) {
    if (!c.style) continue;
    const list = byStyle.get(c.style);
    if (list) list.push(c);
    else byStyle.set(c.style, [{ row: c.row, col: c.col }]);
  }
  for (const [style, cells] of byStyle) {
    const lists = addressLists(cellRectangles(cells).map(rectA1));
    for (const list of lists) {
      await budget.reserve(list.length + 14 * OP_BYTES);
      applyLook(ws.getRanges(list).format, LOOKS[style]);
    }
  }
}

async function writeLinks(
  ws: Excel.Worksheet,
  sheet: LayoutSheet,
  rewrite: (s: string) => string,
  budget: Budget,
): Promise<void> {
  for (const c of sheet.cells) {
    if (c.link === undefined) continue;
    const reference = rewrite(c.link);
    const text = c.value === null ? "" : String(c.value);
    await budget.reserve(2 * OP_BYTES + reference.length * 2 + text.length * 2);
    ws.getRange(a1(c.row, c.col)).hyperlink = { documentReference: reference, textToDisplay: text };
  }
}

/** Renders one layout sheet onto an empty worksheet. */
export async function renderSheet(
  ws: Excel.Worksheet,
  sheet: LayoutSheet,
  rewrite: (s: string) => string,
  budget: Budget,
): Promise<void> {
  sheet.widths.forEach((w, i) => {
    if (w !== undefined)
      ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = widthPoints(w);
  });
  await budget.reserve(sheet.widths.length * OP_BYTES);
  await writeCells(ws, sheet, rewrite, budget);
  await writeLooks(ws, sheet, budget);
  await writeLinks(ws, sheet, rewrite, budget);
  for (const m of sheet.merges) {
    ws.getRange(rectA1(m)).merge(false);
    await budget.reserve(OP_BYTES);
  }
  const heights = sheet.rowHeights ?? [];
  for (let r = 1; r < heights.length; r++) {
    const h = heights[r];
    if (h === undefined) continue;
    ws.getRange(`${r}:${r}`).format.rowHeight = h;
    await budget.reserve(OP_BYTES);
  }
  if (sheet.frozenRows) ws.freezePanes.freezeRows(sheet.frozenRows);
  if (sheet.autoFilter) ws.autoFilter.apply(ws.getRange(rectA1(sheet.autoFilter)));
  await applyPrint(ws, sheet, budget);
  for (const bar of sheet.dataBars) {
    const cf = ws.getRange(bar.range).conditionalFormats.add("DataBar");
    cf.dataBar.positiveFormat.fillColor = `#${bar.color.slice(-6)}`;
    await budget.reserve(3 * OP_BYTES);
  }
}

const CHART_TYPES: Record<ChartSpec["kind"], "BarClustered" | "ColumnClustered" | "Line"> = {
  bar: "BarClustered",
  column: "ColumnClustered",
  line: "Line",
};

/** `FF2F6FB5` → `#2F6FB5`. */
function hexColor(argb: string): string {
  return `#${argb.slice(-6)}`;
}

/**
 * Real Excel charts for the layout's chart specs: every series from its range (a target series
 * drawn as a line over the bars, ExcelApi 1.7), colours and per-point colours, the value axis'
 * bounds and format (1.8), placed on the anchor's cells (else right of the dashboard's table).
 */
async function addCharts(
  context: Excel.RequestContext,
  charts: readonly ChartSpec[],
  rewrite: (s: string) => string,
  dashboard: LayoutSheet | undefined,
  budget: Budget,
): Promise<void> {
  const firstFree = (dashboard?.widths.length ?? 8) + 2;
  const multi = excelApiSupported("1.7");
  const axisFormat = excelApiSupported("1.8");
  const sheets = context.workbook.worksheets;
  const range = (ref: string) => {
    const r = splitRef(rewrite(ref));
    return sheets.getItem(r.sheet).getRange(r.address);
  };
  for (const [i, spec] of charts.entries()) {
    const series = spec.series ?? [{ name: spec.title, valuesRange: spec.valuesRange, values: [] }];
    const host = spec.anchor
      ? splitRef(rewrite(`${quoteSheetName(spec.anchor.sheet)}!A1`)).sheet
      : splitRef(rewrite(series[0].valuesRange)).sheet;
    const ws = sheets.getItem(host);
    const chart = ws.charts.add(CHART_TYPES[spec.kind], range(series[0].valuesRange), "Columns");
    chart.title.text = spec.title;
    series.forEach((s, k) => {
      if (k > 0 && !multi) return;
      const item = k === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      if (k > 0) item.setValues(range(s.valuesRange));
      if (k === 0) item.name = s.name;
      if (multi) item.setXAxisValues(range(spec.categoriesRange));
      if (s.asLine && spec.kind !== "line" && multi) item.chartType = "Line";
      const lineLike = spec.kind === "line" || s.asLine === true;
      if (s.color) {
        if (lineLike) item.format.line.color = hexColor(s.color);
        else item.format.fill.setSolidColor(hexColor(s.color));
      }
      s.pointColors?.forEach((c, p) => {
        if (c !== undefined && c !== s.color && !lineLike)
          item.points.getItemAt(p).format.fill.setSolidColor(hexColor(c));
      });
    });
    if (spec.axisMin !== undefined) chart.axes.valueAxis.minimum = spec.axisMin;
    if (spec.axisMax !== undefined) chart.axes.valueAxis.maximum = spec.axisMax;
    if (spec.numFmt !== undefined && axisFormat) chart.axes.valueAxis.numberFormat = spec.numFmt;
    if (spec.anchor) {
      const r = spec.anchor.range;
      chart.setPosition(a1(r.top, r.left), a1(r.bottom, r.right));
    } else {
      const top = 3 + i * 20;
      chart.setPosition(a1(top, firstFree), a1(top + 17, firstFree + 7));
    }
    const points = series.reduce((n, s) => n + (s.pointColors?.length ?? 0), 0);
    await budget.reserve((12 + 6 * series.length + points * 2) * OP_BYTES);
  }
}

/** `&LЛевый&CЦентр&RПравый` → the three sections of an Excel header or footer. */
export function headerSections(text: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let section: keyof typeof out = "center";
  let i = 0;
  let chunk = "";
  const flush = () => {
    out[section] += chunk;
    chunk = "";
  };
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (two === "&L" || two === "&C" || two === "&R") {
      flush();
      section = two === "&L" ? "left" : two === "&C" ? "center" : "right";
      i += 2;
      continue;
    }
    if (two === "&&") {
      chunk += two;
      i += 2;
      continue;
    }
    chunk += text[i++];
  }
  flush();
  return out;
}

/** Page setup through `worksheet.pageLayout` (ExcelApi 1.9; skipped where Excel lacks it). */
async function applyPrint(ws: Excel.Worksheet, sheet: LayoutSheet, budget: Budget): Promise<void> {
  const p = sheet.print;
  if (!p || !excelApiSupported("1.9")) return;
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  if (p.fitToWidth !== undefined || p.fitToHeight !== undefined)
    layout.zoom = {
      ...(p.fitToWidth !== undefined ? { horizontalFitToPages: p.fitToWidth } : {}),
      ...(p.fitToHeight !== undefined ? { verticalFitToPages: p.fitToHeight } : {}),
    };
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.from}:$${p.titleRows.to}`);
  if (p.area) layout.setPrintArea(rectA1(p.area));
  if (p.margins) {
    // PrintSetup margins are in inches, Office.js takes points.
    layout.leftMargin = p.margins.left * 72;
    layout.rightMargin = p.margins.right * 72;
    layout.topMargin = p.margins.top * 72;
    layout.bottomMargin = p.margins.bottom * 72;
    layout.headerMargin = p.margins.header * 72;
    layout.footerMargin = p.margins.footer * 72;
  }
  const hf = layout.headersFooters.defaultForAllPages;
  if (p.header) {
    const h = headerSections(p.header);
    hf.leftHeader = h.left;
    hf.centerHeader = h.center;
    hf.rightHeader = h.right;
  }
  if (p.footer) {
    const f = headerSections(p.footer);
    hf.leftFooter = f.left;
    hf.centerFooter = f.center;
    hf.rightFooter = f.right;
  }
  await budget.reserve(16 * OP_BYTES + ((p.header?.length ?? 0) + (p.footer?.length ?? 0)) * 2);
}

/** The sheet names Sverka owns, from `sverka.sheets` (custom property, else the `_sverka` sheet's row). */
export function parseOwned(custom: string | undefined, sheetRows: unknown[][] | undefined): string[] {
  if (custom !== undefined) return ownedSheetList(custom);
  for (const row of sheetRows ?? [])
    if (String(row[0] ?? "").trim() === OWNED_SHEETS_PROPERTY) return ownedSheetList(String(row[1] ?? ""));
  return [];
}

interface WorkbookState {
  sheets: { name: string; visibility: string }[];
  owned: string[];
  names: { name: string; formula: string }[];
  charts: Map<string, Excel.Chart[]>;
  sheetObjects: Excel.Worksheet[];
}

/** One sync: sheets, ownership, defined names and the charts on each sheet. */
async function loadState(context: Excel.RequestContext): Promise<WorkbookState> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name,items/visibility");
  const owned = wb.properties.custom.getItemOrNullObject(OWNED_SHEETS_PROPERTY).load("value");
  const propsSheet = wb.worksheets.getItemOrNullObject(PROPERTIES_SHEET);
  const propsRange = propsSheet.getUsedRangeOrNullObject(true).load("values");
  const names = wb.names.load("items/name,items/formula");
  await context.sync();
  const charts = new Map<string, Excel.Chart[]>();
  const chartLists = sheets.items.map((ws) => ({ name: ws.name, list: ws.charts.load("items/name") }));
  await context.sync();
  for (const c of chartLists) charts.set(c.name, c.list.items);
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility })),
    owned: parseOwned(
      owned.isNullObject ? undefined : String(owned.value),
      propsSheet.isNullObject || propsRange.isNullObject ? undefined : (propsRange.values as unknown[][]),
    ),
    names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
    charts,
    sheetObjects: sheets.items,
  };
}

function lower(s: string): string {
  return s.toLocaleLowerCase("ru");
}

/** Whether a name's formula refers to one of `sheets`. */
function refersTo(formula: string, sheets: readonly string[]): boolean {
  const f = lower(formula);
  return sheets.some((s) => f.includes(`${lower(s)}!`) || f.includes(`'${lower(s).replace(/'/g, "''")}'!`));
}

/** Clears a sheet Sverka owns so it can be rewritten in place. */
function clearOwnedSheet(ws: Excel.Worksheet, charts: readonly Excel.Chart[]): void {
  for (const c of charts) c.delete();
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.unmerge();
  all.clear("All");
  // clear() keeps row heights and column widths: an earlier refresh's would outlive it (rows and
  // columns past the new layout, ones the new one leaves to Excel). One operation each for the
  // whole sheet (ExcelApi 1.7; the manifest requires 1.12).
  all.format.useStandardHeight = true;
  all.format.useStandardWidth = true;
  ws.freezePanes.unfreeze();
}

export interface WriteRequest {
  sheets: LayoutSheet[];
  definedNames?: DashboardLayout["definedNames"];
  charts?: ChartSpec[];
  /** Delete owned sheets the request does not write (a dashboard refresh), else keep them. */
  replaceOwned: boolean;
  /** Logical name of the sheet to activate. */
  activate: string;
}

export async function writeLayouts(req: WriteRequest): Promise<WriteOutcome> {
  return excelRun(async (context) => {
    const state = await loadState(context);
    const existing = state.sheets.map((s) => s.name);
    const ownedExisting = existing.filter((n) => state.owned.some((o) => lower(o) === lower(n)));
    const placement: Placement = placeSheets(req.sheets, existing, ownedExisting);
    const rewrite = placement.rewrite;
    const actual = placement.sheets.map((p) => p.actual);
    const notices: HostNotice[] = placement.renamed.map((p) => ({
      code: "SHEET_RENAMED",
      params: { logical: p.logical, actual: p.actual },
    }));

    const budget = new Budget(context);
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
    const worksheets = context.workbook.worksheets;

    // Names of Sverka's (sv_… pointing into its sheets) are recreated; the user's are left alone.
    const ours = new Set(
      state.names.filter((n) => /^sv_/i.test(n.name) && refersTo(n.formula, ownedExisting)).map((n) => lower(n.name)),
    );
    for (const n of state.names) if (ours.has(lower(n.name))) context.workbook.names.getItem(n.name).delete();

    const removed = req.replaceOwned ? ownedExisting.filter((n) => !actual.some((a) => lower(a) === lower(n))) : [];
    const objects = new Map<string, Excel.Worksheet>();
    for (const p of placement.sheets) {
      const old = existing.find((e) => lower(e) === lower(p.actual));
      if (old !== undefined) {
        const ws = worksheets.getItem(old);
        clearOwnedSheet(ws, state.charts.get(old) ?? []);
        if (old !== p.actual) ws.name = p.actual;
        objects.set(p.logical, ws);
      } else objects.set(p.logical, worksheets.add(p.actual));
    }
    await budget.reserve(placement.sheets.length * 10 * OP_BYTES);

    for (const sheet of req.sheets) {
      const ws = objects.get(sheet.name) as Excel.Worksheet;
      await renderSheet(ws, sheet, rewrite, budget);
      ws.visibility = sheet.hidden ? "Hidden" : "Visible";
    }

    const userNames = new Set(state.names.map((n) => lower(n.name)).filter((n) => !ours.has(n)));
    for (const dn of req.definedNames ?? []) {
      if (userNames.has(lower(dn.name))) {
        notices.push({ code: "NAME_TAKEN", params: { name: dn.name } });
        continue;
      }
      context.workbook.names.add(dn.name, `=${rewrite(dn.ref)}`);
      await budget.reserve(OP_BYTES + dn.ref.length * 2);
    }
    const dashboard = req.sheets.find((s) => s.role === "dashboard");
    if (req.charts?.length) await addCharts(context, req.charts, rewrite, dashboard, budget);

    const keep = req.replaceOwned ? [] : ownedExisting.filter((n) => !actual.some((a) => lower(a) === lower(n)));
    context.workbook.properties.custom.add(OWNED_SHEETS_PROPERTY, JSON.stringify([...actual, ...keep]));
    const target = objects.get(req.activate);
    target?.activate();
    target?.getRange("A1").select();
    for (const name of removed) worksheets.getItem(name).delete();
    await budget.sync();
    return { sheets: placement.sheets.map((p) => ({ logical: p.logical, actual: p.actual })), notices };
  });
}
