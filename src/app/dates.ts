/**
 * ONE date rule for every entry point:
 * - the **as-of date** (отчётная дата) is what the checks and indicators are computed for: the
 *   user's choice (the CLI's `--as-of`), else today;
 * - the **refresh date** («Дашборд обновлён») is the day the layouts were built: always today;
 * - "today" is the calendar date where the user is (local time), never UTC's.
 * Tests and scripts that need fixed output pass `today`.
 */
import { isValidIsoDate, isoDate, type IsoDate } from "../core/model/dates";

/** Today in the user's time zone. */
export function localToday(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export interface RunDates {
  asOf: IsoDate;
  refreshedAt: IsoDate;
}

/** A date the user typed that is not `YYYY-MM-DD` (or no such day). */
export class InvalidDateError extends Error {
  constructor(readonly input: string) {
    super(`not an ISO date: ${input}`);
    this.name = "InvalidDateError";
  }
}

/** The as-of and refresh dates of a run; throws `InvalidDateError` for a bad `asOf`. */
export function runDates(asOf?: string, today: () => IsoDate = localToday): RunDates {
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new InvalidDateError(asOf);
  const now = today();
  return { asOf: asOf ?? now, refreshedAt: now };
}
