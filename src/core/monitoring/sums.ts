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

export function checkSums(sheetId: string, rec: MonitoringRecord, colOf: ColOf, titleOf: TitleOf): SumMismatch[] {
  const out: SumMismatch[] = [];
  const ref = (f: string): string => {
    const c = colOf(f);
    return `${columnName(titleOf(f))}${c !== null ? ` (${a1(rec.row, c)})` : ""}`;
  };
  const partOverWhole = (part: string, whole: string): void => {
    const p = num(rec, part);
    const w = num(rec, whole);
    if (p === null || w === null || p <= w) return;
    out.push({
      field: part,
      col: colOf(part),
      fields: [part, whole],
      message: `Строка ${rec.row}: ${ref(part)} = ${fmt(p)} больше, чем ${ref(whole)} = ${fmt(w)}; часть не может превышать целое.`,
    });
  };

  if (sheetId === "grades") {
    const parts = ["excellent", "good", "failing"].filter((f) => num(rec, f) !== null);
    const assessed = num(rec, "assessed");
    const sum = parts.reduce((s, f) => s + (num(rec, f) ?? 0), 0);
    if (assessed !== null && parts.length && sum > assessed)
      out.push({
        field: "assessed",
        col: colOf("assessed"),
        fields: [...parts, "assessed"],
        message: `Строка ${rec.row}: ${parts.map(ref).join(" + ")} = ${fmt(sum)} больше, чем ${ref("assessed")} = ${fmt(assessed)}; ожидалось не больше числа аттестованных.`,
      });
  }

  if (sheetId === "procedures") {
    const participants = num(rec, "participants");
    const m2 = num(rec, "m2");
    const marks = ["m2", "m3", "m4", "m5"];
    const given = marks.filter((f) => num(rec, f) !== null);
    const sum = given.reduce((s, f) => s + (num(rec, f) ?? 0), 0);
    const proc = rec.values.procedure;
    const ege = typeof proc === "string" && parseProcedure(proc).kind === "ЕГЭ";
    if (participants !== null) {
      if (m2 !== null && m2 > participants) partOverWhole("m2", "participants");
      else if (!ege && given.length === 4 && sum !== participants)
        out.push({
          field: "participants",
          col: colOf("participants"),
          fields: [...marks, "participants"],
          message: `Строка ${rec.row}: ${marks.map(ref).join(" + ")} = ${fmt(sum)}, а ${ref("participants")} = ${fmt(participants)}; ожидалось, что сумма отметок равна числу участников.`,
        });
      else if (!ege && given.length > 1 && sum > participants)
        out.push({
          field: "participants",
          col: colOf("participants"),
          fields: [...given, "participants"],
          message: `Строка ${rec.row}: ${given.map(ref).join(" + ")} = ${fmt(sum)} больше, чем ${ref("participants")} = ${fmt(participants)}; часть не может превышать целое.`,
        });
    }
  }

  for (const [part, whole] of PART_RULES[sheetId] ?? []) partOverWhole(part, whole);
  return out;
}
