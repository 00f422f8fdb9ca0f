/**
 * The state behind the fake Excel object model: a workbook as plain data (sheets of cells with
 * values, formulas, number formats and formats; merges, charts, conditional formats, notes, data
 * validation; defined names, custom properties, custom XML parts). The client objects in
 * `objects.ts` read and change it only inside `context.sync()`, as Excel does.
 *
 * Pure TypeScript (no Node APIs): the same fake runs in jest and in a real browser page.
 */
import { a1, columnNumber, quoteSheetName } from "../../../../core/model/address";
import { dateToExcelSerial } from "../../../../core/model/dates";
import { isCellError, type CellValue, type WorkbookData } from "../../../../core/model/sheet";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** What `range.values` holds for one cell (Excel returns "" for an empty cell). */
export type Scalar = string | number | boolean;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FillState {
  /** `#RRGGBB`. */
  color: string;
  /** Excel.FillPattern: "Solid", "Gray50" … */
  pattern: string;
  patternColor?: string;
}

export interface FontState {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  underline?: string;
  name?: string;
}

export interface BorderState {
  style: string;
  color?: string;
}

export interface CellFormat {
  fill?: FillState;
  font?: FontState;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Record<string, BorderState>;
}

export interface FakeCell {
  /** The value Excel shows; a formula's cached result ("" when unknown). */
  value: Scalar;
  /** `=…` when the cell holds a formula. */
  formula?: string;
  /** The value is an error (`#DIV/0!` …). */
  error?: boolean;
  /** Text entered with a leading «'». */
  quotePrefix?: boolean;
  numberFormat?: string;
  format?: CellFormat;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface ValidationState {
  rect: Rect;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatState {
  type: string;
  /** Address on the sheet, e.g. `C30:C58`. */
  range: string;
  /** Data bar fill colour. */
  color?: string;
}

export interface ChartState {
  name: string;
  type: string;
  /** Sheet-qualified address of the source data, e.g. `'Дашборд'!B40:B68`. */
  source: string;
  seriesBy: string;
  title?: string;
  /** Category (x) axis values of the first series, sheet-qualified address. */
  categories?: string;
  /** Values of the first series when set explicitly. */
  values?: string;
  position?: { start: string; end?: string };
  /** Every series (the first one from the source data); `categories`/`values` mirror series 0. */
  series: ChartSeriesState[];
  /** The value axis, where set. */
  valueAxis?: { minimum?: number; maximum?: number; numberFormat?: string };
}

export interface ChartSeriesState {
  name?: string;
  /** Sheet-qualified addresses, when set explicitly. */
  values?: string;
  categories?: string;
  /** Set when the series is drawn as another type than the chart (e.g. `Line` over columns). */
  chartType?: string;
  /** `#RRGGBB` fill (bars) or line colour. */
  color?: string;
  /** Point index → `#RRGGBB`. */
  pointColors: Record<number, string>;
}

/** `worksheet.pageLayout` (ExcelApi 1.9), what Sverka sets. */
export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printArea?: string;
  margins: Partial<Record<"left" | "right" | "top" | "bottom" | "header" | "footer", number>>;
  headerFooter: Partial<
    Record<"leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter", string>
  >;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export class FakeSheet {
  /** `rows[r][c]`, 0-based. */
  readonly rows: (FakeCell | undefined)[][] = [];
  merges: Rect[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  charts: ChartState[] = [];
  pageLayout: PageLayoutState = { margins: {}, headerFooter: {} };
  conditionalFormats: ConditionalFormatState[] = [];
  /** A1 address → note text. */
  notes = new Map<string, string>();
  validations: ValidationState[] = [];
  /** 1-based column → width in points. */
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  autoFilter: string | null = null;
  tabColor = "";
  readonly id: string;

  constructor(
    public name: string,
    public visibility: Visibility = "Visible",
    id = 0,
  ) {
    this.id = `{00000000-0001-0000-0000-${String(id).padStart(12, "0")}}`;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The cell at (row, col), created empty when missing. */
  ensure(row: number, col: number): FakeCell {
    const r = (this.rows[row - 1] ??= []);
    return (r[col - 1] ??= { value: "" });
  }

  /** The bounding box of the cells that hold a value or formula (`valuesOnly`), or any cell at all. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = 0;
    let left = 0;
    let bottom = 0;
    let right = 0;
    this.rows.forEach((row, ri) => {
      if (!row) return;
      row.forEach((c, ci) => {
        if (!c) return;
        const has = c.value !== "" || c.formula !== undefined;
        if (valuesOnly && !has) return;
        if (!has && !c.format && c.numberFormat === undefined) return;
        const r = ri + 1;
        const col = ci + 1;
        if (!top || r < top) top = r;
        if (r > bottom) bottom = r;
        if (!left || col < left) left = col;
        if (col > right) right = col;
      });
    });
    return top ? { top, left, bottom, right } : null;
  }

  /**
   * Deletes worksheet rows `top`…`top + count - 1`, shifting the rows below up, as Excel does:
   * cells, merged areas, notes, data validation, conditional formats, row heights and the
   * autofilter move with their rows (an area losing all its rows goes, one losing some shrinks).
   * References in formulas, names and charts are not adjusted: the caller (a Range) refuses the
   * operation when any could be affected.
   */
  deleteRows(top: number, count: number): void {
    const end = top + count - 1;
    const map = (r: Rect): Rect | null => {
      if (r.bottom < top) return r;
      if (r.top > end) return { ...r, top: r.top - count, bottom: r.bottom - count };
      const inside = Math.min(r.bottom, end) - Math.max(r.top, top) + 1;
      const height = r.bottom - r.top + 1 - inside;
      if (height <= 0) return null;
      const newTop = r.top < top ? r.top : top;
      return { ...r, top: newTop, bottom: newTop + height - 1 };
    };
    this.rows.splice(top - 1, count);
    this.moveAreas(map, (row) => (row < top ? row : row > end ? row - count : null));
  }

  /**
   * Inserts `count` rows at `top`, shifting the rows below down, as Excel does with whole rows:
   * the new rows take the formatting (and number formats) of the row above; areas spanning the
   * insertion point grow, areas below move.
   */
  insertRows(top: number, count: number): void {
    const map = (r: Rect): Rect =>
      r.bottom < top
        ? r
        : r.top >= top
          ? { ...r, top: r.top + count, bottom: r.bottom + count }
          : { ...r, bottom: r.bottom + count };
    const above = this.rows[top - 2];
    const fresh = Array.from({ length: count }, () => {
      if (!above) return [];
      return above.map((c) =>
        c && (c.format || c.numberFormat !== undefined)
          ? {
              value: "" as Scalar,
              ...(c.format ? { format: structuredClone(c.format) } : {}),
              ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
            }
          : undefined,
      );
    });
    while (this.rows.length < top - 1) this.rows.push([]);
    this.rows.splice(top - 1, 0, ...fresh);
    this.moveAreas(map, (row) => (row < top ? row : row + count));
  }

  private moveAreas(map: (r: Rect) => Rect | null, row: (r: number) => number | null): void {
    const keep = <T>(list: T[], rect: (x: T) => Rect, set: (x: T, r: Rect) => T): T[] =>
      list.flatMap((x) => {
        const r = map(rect(x));
        return r ? [set(x, r)] : [];
      });
    this.merges = keep(
      this.merges,
      (m) => m,
      (_m, r) => r,
    ).filter((m) => m.top !== m.bottom || m.left !== m.right);
    this.validations = keep(
      this.validations,
      (v) => v.rect,
      (v, r) => ({ ...v, rect: r }),
    );
    this.conditionalFormats = keep(
      this.conditionalFormats,
      (c) => parseArea(c.range),
      (c, r) => ({ ...c, range: rectAddress(r) }),
    );
    if (this.autoFilter) {
      const r = map(parseArea(this.autoFilter));
      this.autoFilter = r ? rectAddress(r) : null;
    }
    const notes = new Map<string, string>();
    for (const [address, text] of this.notes) {
      const r = parseArea(address);
      const moved = row(r.top);
      if (moved !== null) notes.set(a1(moved, r.left), text);
    }
    this.notes = notes;
    const heights = new Map<number, number>();
    for (const [r, h] of this.rowHeights) {
      const moved = row(r);
      if (moved !== null) heights.set(moved, h);
    }
    this.rowHeights = heights;
  }

  /** Calls `fn` for each existing cell inside `rect` (never creates cells: whole columns stay cheap). */
  eachExisting(rect: Rect, fn: (cell: FakeCell, row: number, col: number) => void): void {
    const last = Math.min(rect.bottom, this.rows.length);
    for (let r = rect.top; r <= last; r++) {
      const row = this.rows[r - 1];
      if (!row) continue;
      const right = Math.min(rect.right, row.length);
      for (let c = rect.left; c <= right; c++) {
        const cell = row[c - 1];
        if (cell) fn(cell, r, c);
      }
    }
  }
}

export interface FakeNamedItem {
  name: string;
  /** `=…` as Excel reports it. */
  formula: string;
  comment?: string;
}

export interface FakeCustomXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeNamedItem[] = [];
  customProperties = new Map<string, string>();
  customXmlParts: FakeCustomXmlPart[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;

  constructor(public name = "Книга1.xlsx") {}

  newId(): number {
    return this.nextId++;
  }

  sheet(name: string): FakeSheet | undefined {
    const k = name.toLocaleLowerCase("ru");
    return this.sheets.find((s) => s.name.toLocaleLowerCase("ru") === k);
  }

  addSheet(name: string, visibility: Visibility = "Visible"): FakeSheet {
    const s = new FakeSheet(name, visibility, this.newId());
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  /** A sheet's cells for assertions: `grid[r][c]` of values ("" empty), formulas shown as `=…`. */
  grid(name: string, what: "value" | "formula" = "value"): Scalar[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s.rows.map((row) =>
      (row ?? []).map((c) => (c === undefined ? "" : what === "formula" && c.formula ? c.formula : c.value)),
    );
  }
}

// ------------------------------------------------------------------ addresses

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Splits `'Sheet'!A1:B2` into the sheet (unquoted) and the address. */
export function splitSheet(ref: string): { sheet: string | null; address: string } {
  const t = ref.trim().replace(/^=/, "");
  const bang = t.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: t };
  let sheet = t.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: t.slice(bang + 1) };
}

/** One A1 area: `C12`, `A1:G1`, `$A$40:$A$68`, `A:C`, `3:5`. Throws on anything else. */
export function parseArea(address: string): Rect {
  const parts = address.trim().split(":");
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) throw new RangeError(`not an A1 address: ${address}`);
    const r = Number(m[2]);
    const c = columnNumber(m[1]);
    return checkRect({ top: r, left: c, bottom: r, right: c }, address);
  }
  if (parts.length !== 2) throw new RangeError(`not an A1 address: ${address}`);
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]);
    const r2 = Number(cb[2]);
    const c1 = columnNumber(ca[1]);
    const c2 = columnNumber(cb[1]);
    return checkRect(
      { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) },
      address,
    );
  }
  const xa = COL.exec(a);
  const xb = COL.exec(b);
  if (xa && xb) {
    const c1 = columnNumber(xa[1]);
    const c2 = columnNumber(xb[1]);
    return checkRect({ top: 1, left: Math.min(c1, c2), bottom: MAX_ROWS, right: Math.max(c1, c2) }, address);
  }
  const ya = ROW.exec(a);
  const yb = ROW.exec(b);
  if (ya && yb) {
    const r1 = Number(ya[1]);
    const r2 = Number(yb[1]);
    return checkRect({ top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: MAX_COLUMNS }, address);
  }
  throw new RangeError(`not an A1 address: ${address}`);
}

function checkRect(r: Rect, address: string): Rect {
  if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLUMNS)
    throw new RangeError(`address outside the sheet: ${address}`);
  return r;
}

/** A comma-separated list of areas (`getRanges`). */
export function parseAreas(list: string): Rect[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => parseArea(splitSheet(s).address));
}

export function rectAddress(r: Rect): string {
  const wholeCols = r.top === 1 && r.bottom === MAX_ROWS;
  if (wholeCols) return `${a1(1, r.left).replace(/\d+$/, "")}:${a1(1, r.right).replace(/\d+$/, "")}`;
  const first = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${a1(r.bottom, r.right)}`;
}

/** `Sheet1!A1:B2`, or `'Отчёт ФЛК'!A1` when the name needs quotes (as Excel reports `address`). */
export function qualified(sheet: string, r: Rect): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : quoteSheetName(sheet)}!${rectAddress(r)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ------------------------------------------------------------------ seeding from the core model

const EXCEL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"];

function seedCell(v: CellValue, format: string | undefined): FakeCell | undefined {
  if (v === null) return format ? { value: "", numberFormat: format } : undefined;
  if (v instanceof Date) return { value: dateToExcelSerial(v), numberFormat: format ?? "dd.mm.yyyy" };
  if (isCellError(v)) return { value: v.error, error: true };
  if (typeof v === "string" && (EXCEL_ERRORS.includes(v) || /^[=']/.test(v)))
    return { value: v, quotePrefix: true, ...(format ? { numberFormat: format } : {}) };
  return { value: v, ...(format ? { numberFormat: format } : {}) };
}

/**
 * A fake workbook holding what a host read from a file (values as shown, date serials with their
 * formats, errors, merges, hidden sheets, custom properties, defined names): lets a test read the
 * same workbook through the Excel host and through the xlsx host.
 */
export function fakeWorkbookFromData(data: WorkbookData): FakeWorkbook {
  const wb = new FakeWorkbook(data.name);
  for (const s of data.sheets) {
    const sheet = wb.addSheet(s.name, s.hidden === "very" ? "VeryHidden" : s.hidden ? "Hidden" : "Visible");
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        const cell = seedCell(v, s.formats?.[r]?.[c]);
        if (cell) (sheet.rows[r] ??= [])[c] = cell;
      });
    });
    sheet.merges = (s.merges ?? []).map((m) => ({ ...m }));
  }
  wb.activeSheet = wb.sheets.find((s) => s.visibility === "Visible") ?? null;
  for (const [k, v] of Object.entries(data.properties ?? {})) wb.customProperties.set(k, v);
  for (const [name, ref] of Object.entries(data.definedNames ?? {})) wb.names.push({ name, formula: `=${ref}` });
  return wb;
}
