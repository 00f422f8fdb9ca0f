/**
 * A monitoring check as a unit (after frictionless-py's `checks/`): it declares the codes it may
 * emit and its hooks. `validateMonitoring` reads each monitoring sheet in ONE loop over its rows,
 * parsing every cell once into a record, and drives every registered check through it: `start`
 * once per sheet (before its rows), `row` for each record, `end` after the sheet's last row, and
 * `finish` once for the workbook, when every sheet is read.
 */
import type { SheetData } from "../../model/sheet";
import type { KeyedName } from "../../parse/school";
import type { IssueCode, IssueLocation, IssueParams, Severity } from "../../report/issue";
import type { HeaderMatch } from "../../sheets/header";
import type { ColumnSpec, DataSheetSpec } from "../../template/schema";
import type { CellProblem } from "../cells";
import type { MonitoringData, MonitoringRecord } from "../model";

/** The «Школы» registry the other sheets' schools are matched against. */
export interface SchoolRegistry {
  /** Registered name by school key. */
  byKey: Map<string, string>;
  keyed: KeyedName[];
  /** Nearest registered name by unknown key (memoised, null: none near). */
  suggestions: Map<string, string | null>;
  /** The sheet the registry was read from. */
  sheet: string;
}

export interface Reporter {
  report(code: IssueCode, at: IssueLocation, params: IssueParams, severity?: Severity): void;
}

/** What a check sees of one sheet. */
export interface MonitoringSheetContext extends Reporter {
  readonly sheet: SheetData;
  readonly name: string;
  readonly spec: DataSheetSpec;
  /** Null when no header row was found: the sheet's rows are not read. */
  readonly header: HeaderMatch | null;
  /** The registry read from «Школы» (null before it, on «Школы» itself, or when it is empty). */
  readonly registry: SchoolRegistry | null;
  /** The worksheet column of a column id, null when the sheet lacks it. */
  col(id: string): number | null;
  /** Marks a record's field (or `_duplicate`, `_sum`) invalid: the indicators leave it out. */
  invalidate(record: MonitoringRecord, field: string): void;
}

/** A cell of the row and what is wrong with it. */
export interface CellAt {
  spec: ColumnSpec;
  /** Worksheet column. */
  col: number;
}

/** One row as read by the driver: the record, and its cells that hold a problem or lack a required value. */
export interface MonitoringRow {
  record: MonitoringRecord;
  /** Cells whose value could not be read (parallel to `problems`); empty for most rows. */
  problemCells: CellAt[];
  problems: CellProblem[];
  /** Required cells left empty. */
  blanks: CellAt[];
}

export interface MonitoringSheetRun {
  row?(row: MonitoringRow): void;
  end?(records: readonly MonitoringRecord[]): void;
}

/** What a check sees of the whole workbook once every sheet is read. */
export interface MonitoringWorkbookContext extends Reporter {
  readonly data: MonitoringData;
  readonly specs: readonly DataSheetSpec[];
  /** Procedures that decide ШНОР status. */
  readonly shnorProcedures: readonly string[];
  /** The worksheet column of a column of the «Школы» sheet, null without it. */
  schoolsColumn(id: string): number | null;
}

export interface MonitoringCheck {
  /** Stable name of the unit (its file name). */
  readonly id: string;
  /** Every issue code the check may emit. */
  readonly codes: readonly IssueCode[];
  start?(ctx: MonitoringSheetContext): MonitoringSheetRun;
  finish?(ctx: MonitoringWorkbookContext): void;
}

/** A check that reports the problems the cell parser found, for the codes it owns. */
export function cellProblemCheck(id: string, codes: readonly IssueCode[]): MonitoringCheck {
  const own = new Set<IssueCode>(codes);
  return {
    id,
    codes,
    start(ctx) {
      return {
        row({ record, problems, problemCells }) {
          for (let k = 0; k < problems.length; k++) {
            const p = problems[k];
            if (!own.has(p.code)) continue;
            const c = problemCells[k];
            ctx.report(
              p.code,
              {
                sheet: ctx.name,
                row: record.row,
                col: c.col,
                field: c.spec.id,
              },
              { ...p.params, column: c.spec.title },
            );
          }
        },
      };
    },
  };
}
