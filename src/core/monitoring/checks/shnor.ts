/**
 * SHNOR_MISMATCH: the «ШНОР» flag a school declares on «Школы» differs from the status computed
 * from its procedure results, for the latest year Y with data for Y and Y−1 (workbook level: runs
 * when every sheet is read).
 */
import { lowParams, procedureYears, shnorStatus } from "../shnor";
import type { MonitoringCheck } from "./check";

const yesNo = (b: boolean): string => (b ? "yes" : "no");

export const shnorCheck: MonitoringCheck = {
  id: "shnor",
  codes: ["SHNOR_MISMATCH"],
  finish(ctx) {
    const data = ctx.data;
    const schools = data.present.schools;
    const shnorCol = ctx.schoolsColumn("shnor");
    if (!schools || shnorCol === null || !data.present.procedures) return;
    const procedures = ctx.shnorProcedures;
    const title = ctx.specs.find((s) => s.id === "schools")?.columns.find((c) => c.id === "shnor")?.title ?? "ШНОР";
    for (const s of data.schools) {
      if (s.shnor === null) continue;
      const years = procedureYears(data, s.key, procedures);
      const y = [...years].reverse().find((yy) => years.includes(yy - 1));
      if (y === undefined) continue;
      const st = shnorStatus(data, s.key, y, procedures);
      if (!st.computed || st.status === null || st.status === s.shnor) continue;
      ctx.report(
        "SHNOR_MISMATCH",
        { sheet: schools.sheetName, row: s.row, col: shnorCol, field: "shnor" },
        {
          // A computed status's own variant (two_low, both_years, one_low, none): the same sentence.
          variant: st.reason_params.variant,
          column: title,
          school: s.name,
          declared: yesNo(s.shnor),
          computed: yesNo(st.status),
          year: y,
          previous_year: y - 1,
          low_year: lowParams(st.lowY),
          low_previous: lowParams(st.lowPrev),
        },
      );
    }
  },
};
