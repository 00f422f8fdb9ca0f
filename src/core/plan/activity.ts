/** An activity of a plan-graph as the checks read it and the indicators count it. */
import { toIsoDate, type IsoDate } from "../model/dates";
import { isBlank, type CellValue } from "../model/sheet";
import type { Deadline } from "../parse/deadline";
import type { PlanStatus } from "./status";

export interface PlanActivity {
  sheet: string;
  row: number;
  label: string | null;
  task: string;
  deadline: Deadline | null;
  /** End of the last dated deadline, null when only recurring/open or unparsed. */
  lastDue: IsoDate | null;
  status: PlanStatus | null;
  statusText: string;
  doneDate: IsoDate | null;
  section: number;
}

/** A date in a «Дата выполнения» cell: a date value or dd.mm.yyyy text. */
export function parseDateCell(v: CellValue): IsoDate | null | "invalid" {
  if (isBlank(v)) return null;
  if (v instanceof Date) return toIsoDate(v);
  if (typeof v === "string") {
    const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\s*(?:г\.?)?\s*$/u.exec(v);
    if (m) {
      const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[1])));
      if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[1])) return toIsoDate(d);
    }
  }
  return "invalid";
}
