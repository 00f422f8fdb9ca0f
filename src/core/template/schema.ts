/**
 * The template format: a declarative description of a project — its period, plan sheets,
 * organisations, monitoring sheets and indicators. Built-in templates are typed objects of this
 * type; imported templates are JSON checked with `TemplateSchema`.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "дата в формате ГГГГ-ММ-ДД");

/** Value types a column can hold; drive parsing, checks and Excel data validation. */
export const ColumnTypeSchema = z.enum([
  "text",
  "number", // any non-negative-or-not real number
  "count", // whole number ≥ 0
  "percent", // 0–100
  "yesno",
  "date",
  "deadline", // free Russian deadline text or a date
  "status", // plan execution status
  "number_label", // «№ п/п» of a plan row
  "school", // a school name, matched against the registry
  "year", // calendar year, e.g. 2022
  "school_year", // «2021/2022»
  "level", // an enumerated text (see `values`)
]);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

export const ColumnSpecSchema = z.object({
  /** Canonical id, e.g. `no`, `task`, `due`, `owner`, `result`, `status`. */
  id: z.string().min(1),
  /** Canonical header written into blank templates. */
  title: z.string().min(1),
  /**
   * Header texts that identify the column. Matched case- and whitespace-insensitively, ignoring
   * punctuation, «ё»/«е» and text in parentheses. The title is always an alias too.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /** A missing required column is a `MISSING_COLUMN` error; a missing optional one is ignored or a warning. */
  required: z.boolean().default(false),
  type: ColumnTypeSchema.default("text"),
  /** Allowed values for `level` columns. */
  values: z.array(z.string()).optional(),
  /** Column width in characters for blank templates. */
  width: z.number().positive().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpecSchema>;

export const PlanSheetSpecSchema = z.object({
  /** Id of this plan within the template, e.g. `plan`, `plan-network`. */
  id: z.string().min(1),
  /** Human title, e.g. «План мероприятий». Also the sheet name in blank templates (≤ 31 chars). */
  title: z.string().min(1).max(31),
  /** Other sheet names that identify this plan (case-insensitive). */
  sheetNames: z.array(z.string()).default([]),
  columns: z.array(ColumnSpecSchema).min(1),
  /**
   * How activity rows are numbered:
   * - `all`: every activity row carries a number (`NUMBER_MISSING` otherwise);
   * - `groups`: groups/sections are numbered (1.1, 2.1 …) and activity rows under them may be unnumbered;
   * - `none`: numbering is not checked for presence.
   */
  numbering: z.enum(["all", "groups", "none"]).default("all"),
  /**
   * Column ids in the order the project's own document lays them out (template detection
   * prefers the template whose layout a sheet follows). Absent: the order of `columns`.
   */
  layout: z.array(z.string()).optional(),
  /** Results must carry a quantitative characteristic (`RESULT_NOT_MEASURABLE`). */
  measurableResults: z.boolean().default(false),
});
export type PlanSheetSpec = z.infer<typeof PlanSheetSpecSchema>;

export const OrganisationSchema = z.object({
  /** The name as the seed writes it, e.g. «МБУ «ИМЦ»». */
  name: z.string().min(1),
  /** Other spellings and abbreviations, e.g. «ИМЦ», «информационно-методический центр». */
  aliases: z.array(z.string().min(1)).default([]),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** A monitoring sheet (filled in by the next issue's templates). */
export const DataSheetSpecSchema = z.object({
  id: z.string().min(1),
  /** Canonical sheet name, e.g. «Школы». */
  name: z.string().min(1).max(31),
  sheetNames: z.array(z.string()).default([]),
  columns: z.array(ColumnSpecSchema).min(1),
  /** Column ids that identify a row (for `DUPLICATE_SCHOOL`). */
  key: z.array(z.string()).default([]),
});
export type DataSheetSpec = z.infer<typeof DataSheetSpecSchema>;

export const TargetSchema = z.object({
  /** Period the target applies to (e.g. `2023`, `2022/2023`); absent = every period. */
  period: z.string().optional(),
  op: z.enum([">=", "<=", "=", ">", "<", "growth"]),
  /** Threshold, or for `growth` the minimal increase (in the indicator's unit) vs the previous period. */
  value: z.number(),
});
export type Target = z.infer<typeof TargetSchema>;

/** An indicator declaration (extended by the indicator engine). */
export const IndicatorSpecSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    unit: z.string().default("%"),
    targets: z.array(TargetSchema).default([]),
  })
  .loose();
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id: латинские строчные буквы, цифры и дефисы"),
  version: z.string().default("1"),
  title: z.string().min(1),
  /** Municipality, e.g. «Муниципальный район имени Лазо». */
  municipality: z.string().default(""),
  /** Seed document the template is built from, for provenance. */
  source: z.string().optional(),
  period: z.object({
    start: isoDate,
    end: isoDate,
    /** One school year (September–August): months without a year fall into it by the academic rule. */
    schoolYear: z.boolean().default(false),
  }),
  /** Words of titles and headers that point at this project (template detection). */
  keywords: z.array(z.string().min(1)).default([]),
  organisations: z.array(OrganisationSchema).default([]),
  plans: z.array(PlanSheetSpecSchema).default([]),
  monitoring: z.array(DataSheetSpecSchema).default([]),
  indicators: z.array(IndicatorSpecSchema).default([]),
});
export type Template = z.infer<typeof TemplateSchema>;
/** What a template author writes (defaults may be omitted). */
export type TemplateInput = z.input<typeof TemplateSchema>;

/** Parse and validate a template; errors carry the path and what was wrong, in Russian. */
export function parseTemplate(input: unknown): { ok: true; template: Template } | { ok: false; errors: string[] } {
  const r = TemplateSchema.safeParse(input);
  if (r.success) return { ok: true, template: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(корень)"}: ${i.message}`),
  };
}
