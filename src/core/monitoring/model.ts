/**
 * Parsed monitoring data: what the monitoring ФЛК produces and the indicator engine consumes.
 * Every record keeps its worksheet row, and says which of its values are invalid, so an
 * indicator can leave the row out and count it (`excluded_rows`) instead of reading a zero.
 */
import type { MonitoringSheetId } from "./sheets";

export type RecordValue = number | boolean | string | Date | null;

export interface MonitoringRecord {
  /** Worksheet name as in the workbook. */
  sheetName: string;
  /** Worksheet row. */
  row: number;
  /** Registered school name (from «Школы») when matched, else the text as written; null for events. */
  school: string | null;
  /** Normalised school key (`schoolKey`), null when the cell is empty. */
  schoolKey: string | null;
  /** Calendar year «2022» or school year «2021/2022» (canonical form); null when the sheet has none. */
  period: string | null;
  /**
   * Parsed values by column id: counts and numbers as numbers, yes/no as booleans, dates as
   * Dates, texts trimmed; null when empty or invalid.
   */
  values: Record<string, RecordValue>;
  /**
   * Column ids whose cells are invalid (not a number, negative, not an integer, a formula error,
   * a bad yes/no). `"_sum"` marks a row whose parts exceed the whole (SUM_MISMATCH), listed
   * together with the fields involved; `"_duplicate"` marks the second and later rows of one
   * school in one period (DUPLICATE_SCHOOL), which indicators leave out.
   */
  invalid: string[];
  /**
   * «Мероприятия»: the participating schools of the `schools` cell («;»-separated), each with its
   * registered name when matched (else as written) and its key. Absent on other sheets.
   */
  schoolList?: { name: string; key: string; registered: boolean }[];
}

export interface SchoolEntry {
  row: number;
  /** Name as registered on «Школы». */
  name: string;
  key: string;
  shnor: boolean | null;
  shnsu: boolean | null;
  leader: boolean | null;
  participant: boolean | null;
  unobjective: boolean | null;
  level: string | null;
}

export interface PresentSheet {
  sheetName: string;
  headerRow: number;
  /** Column ids found on the sheet. */
  columns: string[];
  /** Worksheet column (1-based) of each column id found; absent in hand-built data. */
  columnIndex?: Record<string, number>;
}

export interface MonitoringData {
  /** Records by sheet id; a missing sheet has an empty list. */
  records: Record<MonitoringSheetId, MonitoringRecord[]>;
  /** Which monitoring sheets were found and with which columns; absent = sheet missing. */
  present: Partial<Record<MonitoringSheetId, PresentSheet>>;
  /** The «Школы» registry. */
  schools: SchoolEntry[];
}

/** Empty record lists, one per monitoring sheet (a missing sheet has an empty list). */
export function emptyMonitoringRecords(): Record<MonitoringSheetId, MonitoringRecord[]> {
  return { schools: [], grades: [], procedures: [], staff: [], network: [], gia: [], events: [] };
}
