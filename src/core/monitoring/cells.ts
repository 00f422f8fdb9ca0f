/**
 * Reading one monitoring cell by its column type: the parsed value, or the problem with it
 * (issue code and the Russian «expected … found …» part of the message).
 */
import { excelSerialToDate } from "../model/dates";
import { cellText, formatDateRu, isCellError, isMeaningless, type CellValue } from "../model/sheet";
import { formulaError, parseNumber } from "../parse/number";
import { parseSchoolYear, parseYear } from "../parse/schoolYear";
import { parseYesNo } from "../parse/yesno";
import type { IssueCode } from "../report/issue";
import type { ColumnSpec } from "../template/schema";
import { foldText } from "../text/normalize";
import type { RecordValue } from "./model";

/** A column title in guillemets for messages; titles that carry their own («2») stay as they are. */
export function columnName(title: string): string {
  return /[«»]/.test(title) ? title : `«${title}»`;
}

export interface CellProblem {
  code: IssueCode;
  /** What was expected and what was found, e.g. «ожидалось целое число ≥ 0, найдено «12,5»». */
  detail: string;
}

export interface ParsedCell {
  value: RecordValue;
  /** The cell holds nothing (or only dashes/dots). */
  empty: boolean;
  problem: CellProblem | null;
}

const EMPTY: ParsedCell = { value: null, empty: true, problem: null };
const NUMERIC_TYPES = new Set(["count", "number", "percent"]);

function found(v: CellValue): string {
  if (isCellError(v)) return `ошибка ${v.error}`;
  if (v instanceof Date) return `дата ${formatDateRu(v)}`;
  if (typeof v === "boolean") return `логическое значение ${v ? "ИСТИНА" : "ЛОЖЬ"}`;
  const t = cellText(v).replace(/\s+/g, " ");
  return `«${t.length > 60 ? t.slice(0, 59) + "…" : t}»`;
}

/** A numeric cell as found: a percentage-formatted number as the percent it shows («90 %»). */
function shown(v: CellValue, value: number, percent: boolean): string {
  return percent && typeof v === "number" ? `«${String(value).replace(".", ",")} %»` : found(v);
}

function formulaProblem(v: CellValue, expected: string): ParsedCell | null {
  const error = formulaError(v);
  if (error !== null)
    return {
      value: null,
      empty: false,
      problem: { code: "FORMULA_ERROR", detail: `ошибка формулы ${error}; ожидалось ${expected}` },
    };
  return null;
}

function expectedOf(spec: ColumnSpec): string {
  switch (spec.type) {
    case "count":
      return "целое число ≥ 0";
    case "percent":
      return "процент от 0 до 100";
    case "number":
      return "число ≥ 0";
    case "yesno":
      return "«да» или «нет»";
    case "year":
      return "год, например 2022";
    case "school_year":
      return "учебный год вида «2021/2022»";
    case "date":
      return "дата вида 15.03.2023";
    default:
      return "текст";
  }
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
  if (!into) return valid(value, into);
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
  const expected = expectedOf(spec);
  const fe = formulaProblem(v, expected);
  if (fe) return fe;
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
        return {
          value: null,
          empty: false,
          problem: { code: "NOT_A_NUMBER", detail: `ожидалось ${expected}, найдено ${found(v)}` },
        };
      }
      value = n.value;
      percent = n.percent;
    }
    if (typeof v === "number" && numberFormat && /%/.test(numberFormat.replace(/"[^"]*"/g, ""))) {
      value = Math.round(v * 100 * 1e9) / 1e9;
      percent = true;
    }
    if (percent || spec.type === "percent") {
      if (value < 0 || value > 100)
        return {
          value: null,
          empty: false,
          problem: {
            code: "PERCENT_RANGE",
            detail: `ожидался процент от 0 до 100, найдено ${shown(v, value, percent)}`,
          },
        };
      if (spec.type !== "percent")
        return {
          value: null,
          empty: false,
          problem: {
            code: "NOT_A_NUMBER",
            detail: `ожидалось ${expected} (количество, а не процент), найдено ${shown(v, value, percent)}`,
          },
        };
      return valid(value, into);
    }
    if (value < 0)
      return {
        value: null,
        empty: false,
        problem: {
          code: "NEGATIVE",
          detail: `ожидалось ${expected}, найдено отрицательное ${shown(v, value, percent)}`,
        },
      };
    if (spec.type === "count" && !Number.isInteger(value))
      return {
        value: null,
        empty: false,
        problem: {
          code: "NOT_INTEGER",
          detail: `ожидалось ${expected} (количество человек), найдено дробное ${shown(v, value, percent)}`,
        },
      };
    return valid(value, into);
  }

  switch (spec.type) {
    case "yesno": {
      const b = parseYesNo(v);
      if (b === null) return EMPTY;
      if (b === "invalid")
        return {
          value: null,
          empty: false,
          problem: { code: "YES_NO_INVALID", detail: `ожидалось «да» или «нет», найдено ${found(v)}` },
        };
      return valid(b, into);
    }
    case "year": {
      const y = parseYear(v);
      if (y.ok) return valid(y.value, into);
      if (y.empty) return EMPTY;
      return {
        value: null,
        empty: false,
        problem: { code: "NOT_A_NUMBER", detail: `ожидался ${expected}, найдено ${found(v)}` },
      };
    }
    case "school_year": {
      const y = parseSchoolYear(v);
      if (y.ok) return valid(y.value, into);
      if (y.empty) return EMPTY;
      const why = /не подряд/.test(y.reason) ? ` (${y.reason})` : "";
      return {
        value: null,
        empty: false,
        problem: { code: "NOT_A_NUMBER", detail: `ожидался ${expected}, найдено ${found(v)}${why}` },
      };
    }
    case "date": {
      const d = parseDateValue(v);
      if (d === null) return EMPTY;
      if (d === "invalid")
        return {
          value: null,
          empty: false,
          problem: { code: "DUE_UNPARSED", detail: `ожидалась ${expected}, найдено ${found(v)}` },
        };
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
