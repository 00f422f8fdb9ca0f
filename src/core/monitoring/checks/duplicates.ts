/**
 * DUPLICATE_SCHOOL: the same school twice in one period (the sheet's key: school, and year or
 * school year, and procedure). The later row is marked `_duplicate` and left out of the indicators.
 */
import type { MonitoringRecord, RecordValue } from "../model";
import { procedureKey } from "../procedure";
import type { MonitoringCheck } from "./check";

/** How a key column's value becomes a part of the record's key. */
const SCHOOL = 0;
const PROCEDURE = 1;
const OTHER = 2;

/**
 * A key column's value as a map key. A column's values are of one type (its column type decides
 * it), so a number or a flag is its own key: equal exactly when their texts are. A date is keyed
 * by its time as text (Date objects differ by identity).
 */
function otherPart(v: RecordValue): string | number | boolean {
  return v instanceof Date ? v.toISOString() : v!;
}

export const duplicatesCheck: MonitoringCheck = {
  id: "duplicates",
  codes: ["DUPLICATE_SCHOOL"],
  start(ctx) {
    const spec = ctx.spec;
    if (!spec.key.length) return {};
    const schoolSpec = spec.columns.find((c) => c.type === "school");
    const schoolField = schoolSpec?.id ?? "school";
    const keySpecs = spec.key.map((k) => spec.columns.find((x) => x.id === k));
    const others = spec.key.filter((k) => k !== schoolSpec?.id);
    const col = ctx.col(schoolField);
    const textOf = (values: Record<string, RecordValue>): string | undefined => {
      const v = values[schoolField];
      return typeof v === "string" ? v : undefined;
    };
    const keyIds = spec.key;
    const kinds = keyIds.map((k, ki) =>
      keySpecs[ki]?.type === "school" ? SCHOOL : k === "procedure" ? PROCEDURE : OTHER,
    );
    const last = keyIds.length - 1;
    // The first record of each key, in maps nested by key part (school key, period, procedure):
    // one lookup per part, the parts' own values as keys (no joined string, nothing per row but
    // the maps of a new school or period).
    const seen = new Map<unknown, unknown>();
    const parts: unknown[] = new Array<unknown>(keyIds.length).fill(null);
    return {
      row({ record }) {
        const key = record.schoolKey;
        if (!key) return;
        const values = record.values;
        for (let ki = 0; ki <= last; ki++) {
          const v = values[keyIds[ki]];
          if (v === null || v === undefined) return;
          const kind = kinds[ki];
          parts[ki] =
            kind === SCHOOL ? key : kind === PROCEDURE && typeof v === "string" ? procedureKey(v) : otherPart(v);
        }
        let node = seen;
        for (let ki = 0; ki < last; ki++) {
          let next = node.get(parts[ki]) as Map<unknown, unknown> | undefined;
          if (next === undefined) node.set(parts[ki], (next = new Map()));
          node = next;
        }
        const first = node.get(parts[last]) as MonitoringRecord | undefined;
        if (first === undefined) {
          node.set(parts[last], record);
          return;
        }
        ctx.invalidate(record, "_duplicate");
        const text = textOf(values);
        const firstText = textOf(first.values) ?? "";
        const procedure = others.includes("procedure") ? String(values.procedure) : null;
        const period = others
          .filter((k) => k !== "procedure")
          .map((k) => String(values[k]))
          .join(", ");
        ctx.report(
          "DUPLICATE_SCHOOL",
          {
            sheet: ctx.name,
            row: record.row,
            col,
            field: schoolSpec?.id ?? null,
          },
          {
            variant: procedure !== null ? "procedure" : others.length ? "period" : "school",
            school: text ?? record.school ?? "",
            ...(period ? { period } : {}),
            ...(procedure !== null ? { procedure } : {}),
            first_row: first.row,
            ...(firstText !== text ? { first_school: firstText } : {}),
          },
        );
      },
    };
  },
};
