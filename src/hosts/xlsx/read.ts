/**
 * The xlsx host's reader: an .xlsx file's bytes → the core's `WorkbookData`, via ExcelJS.
 * Browser-safe (no `fs`); `node.ts` adds reading from a path.
 *
 * What the user sees is what we return: cached formula results (not formulas), error values as
 * `{ error }`, rich text and hyperlinks as their plain text, dates as UTC `Date`s in both the 1900
 * and the 1904 date systems (ExcelJS applies `workbookPr/@date1904` itself when it converts
 * date-formatted numbers; numbers it left alone in date-formatted cells are converted here).
 *
 * Parts ExcelJS does not read are read from the package directly (see `ooxml.ts`):
 * - custom document properties (`docProps/custom.xml`) → `properties`; key/value rows A:B of a
 *   sheet named `_sverka` (written very hidden by tools that use ExcelJS, which cannot write
 *   custom properties) are merged in, custom properties winning on a clash;
 * - workbook-scoped defined names exactly as written (ExcelJS drops names that are not plain
 *   ranges and explodes ranges into per-cell objects, which is slow for big autofilter ranges).
 */
import { Workbook, ValueType, type Cell, type Worksheet } from "exceljs";
import { excelSerialToDate, dateToExcelSerial } from "../../core/model/dates";
import { type CellValue, type MergedArea, type SheetData, type WorkbookData } from "../../core/model/sheet";
import { WorkbookReadError, readMessages } from "./errors";
import { classifyFormat } from "../../core/model/numberFormats";
import { workbookProperties } from "../../core/model/properties";
import {
  escapedNumberFormats,
  findRawCells,
  parseCustomProperties,
  parseRelationships,
  parseWorkbookPart,
  resolvePartName,
  type RawCell,
  type WorkbookPart,
} from "./ooxml";
import { checkWorkbookBytes, type ReadLimits } from "./sniff";
import { canInflate, extractText, type ZipDirectory } from "./zip";

export type ReadWorkbookOptions = ReadLimits;

/** The name of the sheet that carries Sverka's own key/value properties in ExcelJS-written files. */
export { PROPERTIES_SHEET } from "../../core/model/properties";

/**
 * Worksheet parts ExcelJS would parse but we never use. Skipping them saves time, and ExcelJS
 * expands data validations over big ranges into one object per cell.
 */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "rowBreaks",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "autoFilter",
];

const EMPTY_ROW: ReadonlyArray<CellValue> = Object.freeze([]);

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function errorText(e: unknown): string {
  // Not `instanceof Error`: errors from another realm (a stream, a worker) are plain objects here.
  if (isRecord(e) && typeof e.message === "string") return e.message;
  return String(e);
}

/** Plain text of ExcelJS rich text (`{ richText: [{ text }] }`), or `undefined` if `v` is not rich text. */
function richTextToString(v: unknown): string | undefined {
  if (!isRecord(v) || !Array.isArray(v.richText)) return undefined;
  let s = "";
  for (const run of v.richText) if (isRecord(run) && typeof run.text === "string") s += run.text;
  return s;
}

/** A cell whose cached formula result ExcelJS mangled; fixed from the raw XML afterwards. */
interface PendingRepair {
  readonly row: CellValue[];
  readonly index: number;
  readonly address: string;
  readonly format: string | undefined;
}

interface ConvertContext {
  readonly date1904: boolean;
  readonly repairs: PendingRepair[];
  /** Restores backslash escapes ExcelJS removed from format codes; empty for most workbooks. */
  readonly escapedFormats?: ReadonlyMap<string, string>;
}

/** The cell's number format code as written in the file. */
function formatOf(cell: Cell, ctx: ConvertContext): string | undefined {
  const code: unknown = cell.numFmt;
  if (typeof code !== "string") return undefined;
  return ctx.escapedFormats && ctx.escapedFormats.size > 0 ? (ctx.escapedFormats.get(code) ?? code) : code;
}

/** A number shown through `format`: a Date for date formats, else the number. */
function numberAsShown(n: number, format: string | undefined, date1904: boolean): CellValue {
  return classifyFormat(format) === "date" ? excelSerialToDate(n, date1904) : n;
}

/** A Date ExcelJS produced for a format we do not consider a date (e.g. `0\m`): back to the number. */
function dateAsShown(d: Date, format: string | undefined, date1904: boolean): CellValue {
  if (classifyFormat(format) === "date") return d;
  return Math.round(dateToExcelSerial(d, date1904) * 1e9) / 1e9;
}

function resultAsShown(res: unknown, format: string | undefined, ctx: ConvertContext): CellValue | "repair" {
  if (res === undefined || res === null) return null;
  if (typeof res === "number") return numberAsShown(res, format, ctx.date1904);
  if (typeof res === "string" || typeof res === "boolean") return res;
  if (res instanceof Date) {
    // ExcelJS converts any cached result of a date-formatted formula to a Date: text and error
    // results become Invalid Date, FALSE and TRUE become serials 0 and 1. Such cells are
    // re-read from the sheet XML.
    if (Number.isNaN(res.getTime())) return "repair";
    const serial = dateToExcelSerial(res, ctx.date1904);
    if (serial === 0 || serial === 1) return "repair";
    return dateAsShown(res, format, ctx.date1904);
  }
  if (isRecord(res) && typeof res.error === "string") return { error: res.error };
  const rich = richTextToString(res);
  return rich ?? null;
}

/** `format` is the cell's number format; only looked up for numbers, dates and formulas. */
function convertCell(cell: Cell, format: string | undefined, ctx: ConvertContext): CellValue | "repair" {
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number: {
      const v: unknown = cell.value;
      return typeof v === "number" ? numberAsShown(v, format, ctx.date1904) : null;
    }
    case ValueType.Date: {
      const v: unknown = cell.value;
      return v instanceof Date ? dateAsShown(v, format, ctx.date1904) : null;
    }
    case ValueType.String:
    case ValueType.SharedString: {
      const v: unknown = cell.value;
      if (typeof v === "string") return v;
      return richTextToString(v) ?? (v === undefined || v === null ? null : String(v));
    }
    case ValueType.RichText:
      return richTextToString(cell.value) ?? "";
    case ValueType.Boolean:
      return cell.value === true;
    case ValueType.Error: {
      const v: unknown = cell.value;
      return isRecord(v) && typeof v.error === "string" ? { error: v.error } : { error: "#VALUE!" };
    }
    case ValueType.Formula:
      return resultAsShown(cell.result, format, ctx);
    case ValueType.Hyperlink: {
      const v: unknown = cell.value;
      if (!isRecord(v)) return null;
      const text = v.text;
      if (typeof text === "string") return text;
      if (typeof text === "number") return text;
      return richTextToString(text) ?? (typeof v.hyperlink === "string" ? v.hyperlink : null);
    }
    default:
      return null;
  }
}

function worksheetMerges(ws: Worksheet): MergedArea[] {
  const out: MergedArea[] = [];
  // ExcelJS indexes merges by master address in `_merges` (Range objects with a `model`);
  // `worksheet.model.merges` has them as "A1:E1" strings but rebuilds the whole sheet model.
  const internal: unknown = (ws as unknown as { _merges?: unknown })._merges;
  if (isRecord(internal)) {
    for (const range of Object.values(internal)) {
      const m = isRecord(range) ? range.model : undefined;
      if (
        isRecord(m) &&
        typeof m.top === "number" &&
        typeof m.left === "number" &&
        typeof m.bottom === "number" &&
        typeof m.right === "number"
      ) {
        out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
      }
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

function hiddenState(ws: Worksheet): boolean | "very" | undefined {
  const state: unknown = ws.state;
  if (state === "veryHidden") return "very";
  if (state === "hidden") return true;
  return undefined;
}

function convertWorksheet(ws: Worksheet, ctx: ConvertContext): SheetData {
  const rows: ReadonlyArray<CellValue>[] = [];
  let formats: (string | undefined)[][] | undefined;
  let lastRow = 0;

  ws.eachRow((row, r) => {
    const out: CellValue[] = [];
    row.eachCell((cell, c) => {
      const t = cell.type;
      if (t === ValueType.Merge || t === ValueType.Null) return;
      const fmt =
        t === ValueType.Number || t === ValueType.Date || t === ValueType.Formula ? formatOf(cell, ctx) : undefined;
      const converted = convertCell(cell, fmt, ctx);
      if (fmt !== undefined && classifyFormat(fmt) !== "other") {
        formats ??= [];
        (formats[r - 1] ??= [])[c - 1] = fmt;
      }
      if (converted === null) return;
      while (out.length < c - 1) out.push(null);
      if (converted === "repair") {
        out.push(null);
        ctx.repairs.push({ row: out, index: c - 1, address: cell.address, format: fmt });
      } else {
        out.push(converted);
      }
    });
    if (out.length > 0) {
      rows[r - 1] = out;
      lastRow = r;
    }
  });
  for (let i = 0; i < lastRow; i++) if (rows[i] === undefined) rows[i] = EMPTY_ROW;
  rows.length = lastRow;

  const merges = worksheetMerges(ws);
  const hidden = hiddenState(ws);
  return {
    name: ws.name,
    rows,
    ...(formats ? { formats } : {}),
    ...(merges.length > 0 ? { merges } : {}),
    ...(hidden !== undefined ? { hidden } : {}),
  };
}

/**
 * Converts one worksheet ExcelJS has loaded. Formula results ExcelJS mangled (text or errors in
 * date-formatted cells) stay null here; `readWorkbook` recovers them from the package.
 */
export function worksheetToSheetData(ws: Worksheet, date1904 = false): SheetData {
  return convertWorksheet(ws, { date1904, repairs: [] });
}

/** What we read from the package ourselves. */
interface PackageExtras {
  readonly workbook?: WorkbookPart;
  /** Sheet name → worksheet part name, e.g. "xl/worksheets/sheet1.xml". */
  readonly sheetParts: ReadonlyMap<string, string>;
  readonly customProperties?: Record<string, string>;
  /** Number format codes as written, by the unescaped form ExcelJS reports (see `escapedNumberFormats`). */
  readonly escapedFormats?: ReadonlyMap<string, string>;
}

async function readPackageExtras(bytes: Uint8Array, dir: ZipDirectory): Promise<PackageExtras> {
  if (!canInflate()) return { sheetParts: new Map() };
  const workbookXml = await extractText(bytes, dir, "xl/workbook.xml");
  const workbook = workbookXml === undefined ? undefined : parseWorkbookPart(workbookXml);

  const sheetParts = new Map<string, string>();
  const wbRels = await extractText(bytes, dir, "xl/_rels/workbook.xml.rels");
  if (workbook && wbRels !== undefined) {
    const byId = new Map(parseRelationships(wbRels).map((r) => [r.id, r.target]));
    for (const s of workbook.sheets) {
      const target = s.relId === undefined ? undefined : byId.get(s.relId);
      if (target !== undefined) sheetParts.set(s.name, resolvePartName("xl", target));
    }
  }

  let customProperties: Record<string, string> | undefined;
  const rootRels = await extractText(bytes, dir, "_rels/.rels");
  const customRel =
    rootRels === undefined
      ? undefined
      : parseRelationships(rootRels).find((r) => r.type.endsWith("/custom-properties"));
  const customXml = await extractText(
    bytes,
    dir,
    customRel ? resolvePartName("", customRel.target) : "docProps/custom.xml",
  );
  if (customXml !== undefined) customProperties = parseCustomProperties(customXml);

  const stylesXml = await extractText(bytes, dir, "xl/styles.xml");
  const escapedFormats = stylesXml === undefined ? undefined : escapedNumberFormats(stylesXml);

  return { workbook, sheetParts, customProperties, escapedFormats };
}

function rawCellValue(raw: RawCell, format: string | undefined, date1904: boolean): CellValue {
  if (raw.v === undefined) return null;
  switch (raw.t) {
    case "e":
      return { error: raw.v };
    case "str":
    case "inlineStr":
    case "s": // a formula cell never refers to shared strings, but be lenient
      return raw.v;
    case "b":
      return raw.v !== "0";
    default: {
      const n = Number(raw.v);
      return Number.isFinite(n) ? numberAsShown(n, format, date1904) : raw.v;
    }
  }
}

async function applyRepairs(
  bytes: Uint8Array,
  dir: ZipDirectory,
  extras: PackageExtras,
  bySheet: ReadonlyMap<string, PendingRepair[]>,
  date1904: boolean,
): Promise<void> {
  for (const [sheetName, pending] of bySheet) {
    const part = extras.sheetParts.get(sheetName);
    if (part === undefined) continue;
    let xml: string | undefined;
    try {
      xml = await extractText(bytes, dir, part);
    } catch {
      xml = undefined; // leave the cells empty rather than fail the whole read
    }
    if (xml === undefined) continue;
    const raw = findRawCells(xml, new Set(pending.map((p) => p.address)));
    for (const p of pending) {
      const cell = raw.get(p.address);
      if (cell) p.row[p.index] = rawCellValue(cell, p.format, date1904);
    }
  }
}

/**
 * Replaces ExcelJS's defined-name store on this one workbook with a no-op while it loads: we read
 * the names from `xl/workbook.xml` ourselves, and ExcelJS would otherwise create an object for
 * every cell of every named range (an autofilter over 100,000 rows × 8 columns is 800,000 objects).
 */
function skipExcelJsDefinedNames(wb: Workbook): void {
  const internal: unknown = (wb as unknown as { _definedNames?: unknown })._definedNames;
  if (!isRecord(internal)) return;
  Object.defineProperty(internal, "model", {
    configurable: true,
    get(): unknown[] {
      return [];
    },
    set(_value: unknown): void {
      // ignored: see above
    },
  });
}

function excelJsDefinedNames(wb: Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  const model: unknown = wb.definedNames.model;
  if (!Array.isArray(model)) return out;
  for (const dn of model) {
    if (isRecord(dn) && typeof dn.name === "string" && Array.isArray(dn.ranges) && dn.localSheetId === undefined) {
      out[dn.name] = dn.ranges.filter((r): r is string => typeof r === "string").join(",");
    }
  }
  return out;
}

/**
 * Reads an .xlsx workbook. Throws `WorkbookReadError` (with a Russian message naming `name`) when
 * the bytes are not a readable .xlsx: another format, an old .xls, a password-protected file,
 * a damaged archive, a file over `maxBytes` (25 MB by default) or a zip bomb.
 */
export async function readWorkbook(
  data: ArrayBuffer | Uint8Array,
  name: string,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookData> {
  const bytes = toBytes(data);
  const dir = checkWorkbookBytes(bytes, name, options);

  const ownParts = canInflate();
  let extras: PackageExtras;
  try {
    extras = await readPackageExtras(bytes, dir);
  } catch (e) {
    throw new WorkbookReadError("CORRUPT", name, readMessages.corrupt(name, `техническая причина: ${errorText(e)}`), {
      cause: e,
    });
  }

  const wb = new Workbook();
  if (ownParts && extras.workbook) skipExcelJsDefinedNames(wb);
  try {
    // ExcelJS's typings ask for a Node Buffer, but it hands the data to JSZip, which takes any
    // Uint8Array; a Buffer is not available in the browser.
    await wb.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0], { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    throw new WorkbookReadError("CORRUPT", name, readMessages.corrupt(name, `техническая причина: ${errorText(e)}`), {
      cause: e,
    });
  }

  const props: unknown = wb.properties;
  const date1904 = isRecord(props) && props.date1904 === true;
  const ctx: ConvertContext = { date1904, repairs: [], escapedFormats: extras.escapedFormats };
  const sheets: SheetData[] = [];
  const repairsBySheet = new Map<string, PendingRepair[]>();
  for (const ws of wb.worksheets) {
    const before = ctx.repairs.length;
    sheets.push(convertWorksheet(ws, ctx));
    if (ctx.repairs.length > before) repairsBySheet.set(ws.name, ctx.repairs.slice(before));
  }
  if (repairsBySheet.size > 0) await applyRepairs(bytes, dir, extras, repairsBySheet, date1904);

  const properties = workbookProperties(sheets, extras.customProperties);
  const definedNames = extras.workbook ? { ...extras.workbook.definedNames } : excelJsDefinedNames(wb);

  return {
    name,
    sheets,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(Object.keys(definedNames).length > 0 ? { definedNames } : {}),
  };
}
