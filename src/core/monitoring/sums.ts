/**
 * SUM_MISMATCH: parts of a record that exceed its whole (DOMAIN.md «Monitoring checks»).
 * Only valid, filled values take part; a mismatch marks the record `"_sum"` and the fields involved.
 */
import { a1 } from "../model/address";
import type { MonitoringRecord } from "./model";
import { columnName } from "./cells";
import { parseProcedure } from "./procedure";

export interface SumMismatch {
  /** Field the issue is reported at. */
  field: string;
  col: number | null;
  /** Fields involved (marked invalid). */
  fields: string[];
  message: string;
}

type ColOf = (field: string) => number | null;
type TitleOf = (field: string) => string;

/** «Прошли КПК» > «Педагогов» style rules: part > whole. */
const PART_RULES: Record<string, ReadonlyArray<[part: string, whole: string]>> = {
  grades: [["assessed", "students"]],
  staff: [
    ["kpk", "teachers"],
    ["kpk_quality", "teachers"],
    ["kpk32", "teachers"],
    ["in_network_events", "teachers"],
    ["in_project", "teachers"],
    ["vacancies", "posts"],
  ],
  gia: [
    ["oge12", "grads9"],
    ["ege_min", "grads11"],
    ["ege220", "grads11"],
  ],
};

function num(rec: MonitoringRecord, field: string): number | null {
  if (rec.invalid.includes(field)) return null;
  const v = rec.values[field];
  return typeof v === "number" ? v : null;
}

function fmt(n: number): string {
  return String(n).replace(".", ",");
}

/** «"Педагогов" (C5)»: a field's title and, when the sheet has it, its cell. */
function ref(rec: MonitoringRecord, field: string, colOf: ColOf, titleOf: TitleOf): string {
  const c = colOf(field);
  return `${columnName(titleOf(field))}${c !== null ? ` (${a1(rec.row, c)})` : ""}`;
}

function refs(rec: MonitoringRecord, fields: readonly string[], colOf: ColOf, titleOf: TitleOf): string {
  return fields.map((f) => ref(rec, f, colOf, titleOf)).join(" + ");
}

/** Part > whole: a mismatch reported at the part. */
function partOverWhole(
  rec: MonitoringRecord,
  part: string,
  whole: string,
  colOf: ColOf,
  titleOf: TitleOf,
  out: SumMismatch[],
): void {
  const p = num(rec, part);
  const w = num(rec, whole);
  if (p === null || w === null || p <= w) return;
  out.push({
    field: part,
    col: colOf(part),
    fields: [part, whole],
    message: `Строка ${rec.row}: ${ref(rec, part, colOf, titleOf)} = ${fmt(p)} больше, чем ${ref(rec, whole, colOf, titleOf)} = ${fmt(w)}; часть не может превышать целое.`,
  });
}

const GRADE_PARTS = ["excellent", "good", "failing"] as const;
const MARKS = ["m2", "m3", "m4", "m5"] as const;
const NO_MISMATCH: readonly SumMismatch[] = [];

/**
 * The mismatches of one record (runs on every row: no closures, and nothing allocated for a row
 * without a mismatch).
 */
export function checkSums(
  sheetId: string,
  rec: MonitoringRecord,
  colOf: ColOf,
  titleOf: TitleOf,
): readonly SumMismatch[] {
  let out: SumMismatch[] | null = null;

  if (sheetId === "grades") {
    const assessed = num(rec, "assessed");
    let sum = 0;
    let given = 0;
    for (const f of GRADE_PARTS) {
      const v = num(rec, f);
      if (v !== null) {
        sum += v;
        given++;
      }
    }
    if (assessed !== null && given > 0 && sum > assessed) {
      const parts = GRADE_PARTS.filter((f) => num(rec, f) !== null);
      out = [
        {
          field: "assessed",
          col: colOf("assessed"),
          fields: [...parts, "assessed"],
          message: `Строка ${rec.row}: ${refs(rec, parts, colOf, titleOf)} = ${fmt(sum)} больше, чем ${ref(rec, "assessed", colOf, titleOf)} = ${fmt(assessed)}; ожидалось не больше числа аттестованных.`,
        },
      ];
    }
  }

  if (sheetId === "procedures") {
    const participants = num(rec, "participants");
    if (participants !== null) {
      const m2 = num(rec, "m2");
      let sum = 0;
      let given = 0;
      for (const f of MARKS) {
        const v = num(rec, f);
        if (v !== null) {
          sum += v;
          given++;
        }
      }
      const proc = rec.values.procedure;
      const ege = typeof proc === "string" && parseProcedure(proc).kind === "ЕГЭ";
      if (m2 !== null && m2 > participants) partOverWhole(rec, "m2", "participants", colOf, titleOf, (out = []));
      else if (!ege && given === 4 && sum !== participants)
        out = [
          {
            field: "participants",
            col: colOf("participants"),
            fields: [...MARKS, "participants"],
            message: `Строка ${rec.row}: ${refs(rec, MARKS, colOf, titleOf)} = ${fmt(sum)}, а ${ref(rec, "participants", colOf, titleOf)} = ${fmt(participants)}; ожидалось, что сумма отметок равна числу участников.`,
          },
        ];
      else if (!ege && given > 1 && sum > participants) {
        const parts = MARKS.filter((f) => num(rec, f) !== null);
        out = [
          {
            field: "participants",
            col: colOf("participants"),
            fields: [...parts, "participants"],
            message: `Строка ${rec.row}: ${refs(rec, parts, colOf, titleOf)} = ${fmt(sum)} больше, чем ${ref(rec, "participants", colOf, titleOf)} = ${fmt(participants)}; часть не может превышать целое.`,
          },
        ];
      }
    }
  }

  const rules = PART_RULES[sheetId];
  if (rules)
    for (const [part, whole] of rules) {
      const p = num(rec, part);
      const w = num(rec, whole);
      if (p !== null && w !== null && p > w) partOverWhole(rec, part, whole, colOf, titleOf, (out ??= []));
    }
  return out ?? NO_MISMATCH;
}
