/** Calendar dates in the core are ISO strings `YYYY-MM-DD`; they compare correctly as strings. */
export type IsoDate = string;

export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function toIsoDate(d: Date): IsoDate {
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Excel serial date (1900 date system, with Lotus's 1900-02-29 bug) → UTC Date. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round(serial * 86400000);
  return new Date(base + ms);
}

export function dateToExcelSerial(d: Date, date1904 = false): number {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (d.getTime() - base) / 86400000;
}

/** Today's date in UTC as an ISO date. */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}
