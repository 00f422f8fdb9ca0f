/**
 * Reading one monitoring cell by its column type: the parsed value, or the problem with it
 * (issue code and the params of its message: what was expected, what was found).
 */
import { excelSerialToDate, toIsoDate } from "../model/dates";
import { cellText, isCellError, isMeaningless, type CellValue } from "../model/sheet";
import { formulaError, parseNumber } from "../parse/number";
import { parseSchoolYear, parseYear } from "../parse/schoolYear";
import { parseYesNo } from "../parse/yesno";
import type { IssueCode, IssueParams } from "../report/issue";
import type { ColumnSpec } from "../template/schema";
import { memoizeText } from "../text/memo";
import { foldText } from "../text/normalize";
import type { RecordValue } from "./model";

export interface CellProblem {
  code: IssueCode;
  /**
   * What was expected and what was found, for the message: `type` (the column's type), `found`
   * (the value as found) and `found_type` (absent for text: error, date, bool, percent), `error`
   * (a formula error), `variant` (the wording).
   */
  params: IssueParams;
}

export interface ParsedCell {
  value: RecordValue;
  /** The cell holds nothing (or only dashes/dots). */
  empty: boolean;
  problem: CellProblem | null;
}

const EMPTY: ParsedCell = { value: null, empty: true, problem: null };
const NUMERIC_TYPES = new Set(["count", "number", "percent"]);

/** The value as found: text as it is, an error's code, a date (ISO), a logical value. */
function found(v: CellValue): { found: string; found_type?: string } {
  if (isCellError(v)) return { found: v.error, found_type: "error" };
  if (v instanceof Date) return { found: toIsoDate(v), found_type: "date" };
  if (typeof v === "boolean") return { found: String(v), found_type: "bool" };
  return { found: cellText(v) };
}

/** A numeric cell as found: a percentage-formatted number as the percent it shows («90 %»). */
function shown(v: CellValue, value: number, percent: boolean): { found: string | number; found_type?: string } {
  return percent && typeof v === "number" ? { found: value, found_type: "percent" } : found(v);
}

function problem(code: IssueCode, params: IssueParams): ParsedCell {
  return { value: null, empty: false, problem: { code, params } };
}

function formulaProblem(v: CellValue, spec: ColumnSpec): ParsedCell | null {
  const error = formulaError(v);
  return error !== null ? problem("FORMULA_ERROR", { variant: "cell", error, type: spec.type }) : null;
}

/** dd.mm.yyyy / dd.mm.yy / yyyy-mm-dd text, an Excel serial number, or a date value. */
export function parseDateValue(v: CellValue): Date | null | "invalid" {
  if (v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "invalid" : v;
  if (typeof v === "number") return v >= 20000 && v <= 80000 ? excelSerialToDate(Math.floor(v)) : "invalid";
  if (typeof v !== "string") return "invalid";
  const t = v.trim();
  if (!t) return null;
  let y: number;
  let m: number;
  let d: number;
  const ru = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\s*(?:г\.?)?$/u.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(t);
  if (ru) {
    d = Number(ru[1]);
    m = Number(ru[2]);
    y = ru[3].length === 2 ? 2000 + Number(ru[3]) : Number(ru[3]);
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else return "invalid";
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : "invalid";
}

/** A valid value: written into `into` when given (a caller parsing many cells reuses one object), else a new result. */
function valid(value: RecordValue, into: ParsedCell | undefined): ParsedCell {
  if (!into) return { value, empty: false, problem: null };
  into.value = value;
  into.empty = false;
  into.problem = null;
  return into;
}

/**
 * Parse a cell by its column's type. `numberFormat` lets a numeric cell formatted as a percentage
 * (value 0.9 shown as «90 %») count as a percent. With `into`, a valid value is written into that
 * object and returned (read it before the next call); empty cells and problems come as their own objects.
 */
export function parseCell(spec: ColumnSpec, v: CellValue, numberFormat?: string, into?: ParsedCell): ParsedCell {
  // Most cells of a monitoring sheet: a finite number in a numeric column, not percent-formatted.
  // (A number is never a formula error, never empty; the general path below gives the same result.)
  if (
    typeof v === "number" &&
    (spec.type === "count" || spec.type === "number") &&
    v >= 0 &&
    v !== Infinity &&
    (spec.type === "number" || Number.isInteger(v)) &&
    (numberFormat === undefined || !isPercentFormat(numberFormat))
  )
    return valid(v, into);
  // Only an error value or a text with «#» can be a formula error (every school name passes here).
  if (typeof v === "string" ? v.includes("#") : v !== null && typeof v === "object" && !(v instanceof Date)) {
    const fe = formulaProblem(v, spec);
    if (fe) return fe;
  }
  if (v === null || (typeof v === "string" && v.trim() === "")) return EMPTY;
  // «—», «-», «.» stand for «no value» — except in yes/no cells, where «-» means «нет».
  if (typeof v === "string" && spec.type !== "yesno" && isMeaningless(v)) return EMPTY;

  if (NUMERIC_TYPES.has(spec.type)) {
    let value: number;
    let percent = false;
    // A plain number (most cells of a monitoring sheet) needs no parsing.
    if (typeof v === "number" && Number.isFinite(v)) value = v;
    else {
      const n = parseNumber(v);
      if (!n.ok) {
        if (n.empty) return EMPTY;
        return problem("NOT_A_NUMBER", { variant: "cell", type: spec.type, ...found(v) });
      }
      value = n.value;
      percent = n.percent;
    }
    if (typeof v === "number" && numberFormat && isPercentFormat(numberFormat)) {
      value = Math.round(v * 100 * 1e9) / 1e9;
      percent = true;
    }
    if (percent || spec.type === "percent") {
      if (value < 0 || value > 100)
        return problem("PERCENT_RANGE", { variant: "cell", type: spec.type, ...shown(v, value, percent) });
      if (spec.type !== "percent")
        return problem("NOT_A_NUMBER", { variant: "percent", type: spec.type, ...shown(v, value, percent) });
      return valid(value, into);
    }
    if (value < 0) return problem("NEGATIVE", { variant: "cell", type: spec.type, ...shown(v, value, percent) });
    if (spec.type === "count" && !Number.isInteger(value))
      return problem("NOT_INTEGER", { variant: "cell", type: spec.type, ...shown(v, value, percent) });
    return valid(value, into);
  }

  switch (spec.type) {
    case "yesno": {
      const b = parseYesNo(v);
      if (b === null) return EMPTY;
      if (b === "invalid") return problem("YES_NO_INVALID", { variant: "cell", type: spec.type, ...found(v) });
      return valid(b, into);
    }
    case "year": {
      const y = parseYear(v);
      if (y.ok) return valid(y.value, into);
      if (y.empty) return EMPTY;
      return problem("NOT_A_NUMBER", { variant: "year", type: spec.type, ...found(v) });
    }
    case "school_year": {
      const y = parseSchoolYear(v);
      if (y.ok) return valid(y.value, into);
      if (y.empty) return EMPTY;
      return problem("NOT_A_NUMBER", {
        variant: "year",
        type: spec.type,
        ...found(v),
        ...(y.years ? { first_year: y.years[0], second_year: y.years[1] } : {}),
      });
    }
    case "date": {
      const d = parseDateValue(v);
      if (d === null) return EMPTY;
      if (d === "invalid") return problem("DUE_UNPARSED", { variant: "cell", type: spec.type, ...found(v) });
      return valid(d, into);
    }
    case "level": {
      const text = cellText(v);
      const f = foldText(text);
      const canonical = (spec.values ?? []).find((x) => foldText(x) === f || f.startsWith(foldText(x) + " "));
      return valid(canonical ?? text, into);
    }
    default:
      return valid(cellText(v), into);
  }
}

/** A number format that shows a percentage (a «%» outside quoted text); a sheet repeats a few formats. */
const isPercentFormat = memoizeText((format) => /%/.test(format.replace(/"[^"]*"/g, "")), 1000);

const numberTexts = new Map<number, string>();

/** `String(n)`, one shared string per number (years recur on every row: one string, hashed once). */
export function numberText(n: number): string {
  let t = numberTexts.get(n);
  if (t === undefined) {
    t = String(n);
    if (numberTexts.size >= 10000) numberTexts.clear();
    numberTexts.set(n, t);
  }
  return t;
}
