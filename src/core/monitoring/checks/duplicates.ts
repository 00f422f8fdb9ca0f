/**
 * DUPLICATE_SCHOOL: the same school twice in one period (the sheet's key: school, and year or
 * school year, and procedure). The later row is marked `_duplicate` and left out of the indicators.
 */
import type { MonitoringRecord, RecordValue } from "../model";
import { procedureKey } from "../procedure";
import { numberText } from "../cells";
import type { MonitoringCheck } from "./check";

/**
 * A map keyed by a tuple of strings (school key, period, procedure), as nested maps: the school
 * keys are shared strings whose hashes are computed once, where a joined key would be a new
 * string to hash on every row.
 */
class TupleMap<V> {
  private readonly root = new Map<string, unknown>();

  get(parts: readonly string[]): V | undefined {
    let node: unknown = this.root;
    for (const p of parts) {
      if (!(node instanceof Map)) return undefined;
      node = (node as Map<string, unknown>).get(p);
    }
    return node as V | undefined;
  }

  set(parts: readonly string[], value: V): void {
    let node = this.root;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = node.get(parts[i]);
      if (!(next instanceof Map)) node.set(parts[i], (next = new Map<string, unknown>()));
      node = next as Map<string, unknown>;
    }
    node.set(parts[parts.length - 1], value);
  }
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
    // The first record of each key (nothing allocated per row but the reused key).
    const seen = new TupleMap<MonitoringRecord>();
    const parts: string[] = [];
    return {
      row({ record }) {
        const key = record.schoolKey;
        if (!key) return;
        const values = record.values;
        parts.length = 0;
        for (let ki = 0; ki < spec.key.length; ki++) {
          const k = spec.key[ki];
          const v = values[k];
          if (v === null || v === undefined) return;
          if (keySpecs[ki]?.type === "school") parts.push(key);
          else if (k === "procedure" && typeof v === "string") parts.push(procedureKey(v));
          else parts.push(v instanceof Date ? v.toISOString() : typeof v === "number" ? numberText(v) : String(v));
        }
        const first = seen.get(parts);
        if (!first) {
          seen.set(parts, record);
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
