/**
 * Periods of indicator values: the calendar year «2022», the school year «2021/2022» or the report
 * date; which period a record belongs to, the period before a period, and the period an indicator
 * reports «нет данных» for when its sheet has no data.
 */
import type { IsoDate } from "../model/dates";
import type { MonitoringRecord } from "../monitoring/model";
import type { IndicatorPeriod, Template } from "../template/schema";

export type PeriodKind = IndicatorPeriod["kind"];

const YEAR_RE = /^\d{4}$/;
const SCHOOL_YEAR_RE = /^\d{4}\/\d{4}$/;

/**
 * Year texts of plausible years, made once: otherwise the same few are made for every record (and
 * then hashed as map keys). A dense array: one indexed by the year itself would be a dictionary.
 */
const FIRST_YEAR = 1900;
const YEAR_TEXTS = Array.from({ length: 300 }, (_, k) => String(FIRST_YEAR + k));

function yearText(y: number): string {
  const k = y - FIRST_YEAR;
  return k >= 0 && k < YEAR_TEXTS.length ? YEAR_TEXTS[k] : String(y);
}

/**
 * Calendar year of a record: the «Год» value, its period, or (events) the year of its date. A
 * period that is a year is the «Год» value's (or, without one, the date's) text: read first, so
 * that the records' `values`, of another class on every sheet, are read only when it is not.
 */
function recordYear(r: MonitoringRecord): string | null {
  if (r.period !== null && YEAR_RE.test(r.period)) return r.period;
  const y = r.values.year;
  if (typeof y === "number" && Number.isInteger(y)) return yearText(y);
  const d = r.values.date;
  if (d instanceof Date && !Number.isNaN(d.getTime())) return yearText(d.getUTCFullYear());
  return null;
}

export function recordPeriod(r: MonitoringRecord, kind: PeriodKind): string | null {
  if (kind === "school_year") return r.period && SCHOOL_YEAR_RE.test(r.period) ? r.period : null;
  if (kind === "year") return recordYear(r);
  return null;
}

export function previousPeriod(period: string, kind: PeriodKind): string | null {
  if (kind === "year" && YEAR_RE.test(period)) return String(Number(period) - 1);
  if (kind === "school_year" && SCHOOL_YEAR_RE.test(period)) {
    const start = Number(period.slice(0, 4));
    return `${start - 1}/${start}`;
  }
  return null;
}

/** The period before `period`, its kind read from its spelling («2022» or «2022/2023»). */
export function previousPeriodOf(period: string): string | null {
  return previousPeriod(period, SCHOOL_YEAR_RE.test(period) ? "school_year" : "year");
}

/**
 * The calendar year whose ШНОР status applies to a period: the year itself; for a school year
 * «2021/2022» its closing year 2022; for a report date its year.
 */
export function statusYear(period: string, kind: PeriodKind): number {
  if (kind === "school_year") return Number(period.slice(5, 9));
  return Number(period.slice(0, 4));
}

/** The period an indicator reports «нет данных» for when its sheet has no data: the one containing the report date (within the project period). */
export function fallbackPeriod(kind: PeriodKind, template: Template, asOf: IsoDate): string {
  if (kind === "report_date") return asOf;
  let d = asOf;
  if (d > template.period.end) d = template.period.end;
  if (d < template.period.start) d = template.period.start;
  const y = Number(d.slice(0, 4));
  if (kind === "year") return String(y);
  return Number(d.slice(5, 7)) >= 9 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}
