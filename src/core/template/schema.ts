/**
 * The template format: a declarative description of a project — its period, plan sheets,
 * organisations, monitoring sheets and indicators. Built-in templates are typed objects of this
 * type; imported templates are JSON checked with `TemplateSchema`.
 */
import { z } from "zod";
import { missingFields } from "../indicators/kinds";

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
  /** Which values the target applies to; absent = municipality and per-school values alike. */
  scope: z.enum(["municipality", "school"]).optional(),
});
export type Target = z.infer<typeof TargetSchema>;

/** Monitoring sheet ids (DOMAIN.md «Monitoring sheets»); «schools» is the registry. */
export const MonitoringSheetIdSchema = z.enum(["schools", "grades", "procedures", "staff", "network", "gia", "events"]);

/**
 * Which schools an indicator (or one of its aggregates) covers: all schools, project participants,
 * ШНОР (the status computed from «Процедуры» for the period's year where the data exist, else the
 * declared flag), ШНОР or ШНСУ, leader schools.
 */
export const SchoolFilterSchema = z.enum(["all", "participants", "shnor", "shnor_shnsu", "leaders"]);
export type SchoolFilter = z.infer<typeof SchoolFilterSchema>;

const scalar = z.union([z.boolean(), z.number(), z.string()]);

/**
 * A condition on one column of a record. Exactly one comparison: `eq`/`ne` (text compares
 * case-insensitively), `gte`/`gt`/`lte`/`lt` (numbers), `procedureKind` (the kind of an assessment
 * procedure: «ВПР», «ОГЭ», «ЕГЭ», any spelling).
 */
export const ConditionSchema = z
  .object({
    column: z.string().min(1),
    eq: scalar.optional(),
    ne: scalar.optional(),
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional(),
    procedureKind: z.enum(["ВПР", "ОГЭ", "ЕГЭ"]).optional(),
  })
  .refine((c) => [c.eq, c.ne, c.gte, c.gt, c.lte, c.lt, c.procedureKind].filter((v) => v !== undefined).length === 1, {
    message: "условие: нужно ровно одно сравнение (eq, ne, gte, gt, lte, lt или procedureKind)",
  });
export type Condition = z.infer<typeof ConditionSchema>;

/**
 * An aggregate over one monitoring sheet, for the records of the period and of the schools that
 * pass the filter:
 * - `sum`: Σ of `column` (or of several `columns`);
 * - `diff`: Σ `column`/`columns` − Σ `minus` (e.g. аттестовано − неуспевающие);
 * - `count`: number of records meeting `where`;
 * - `count_schools`: number of distinct (registered) schools with a record meeting `where`.
 * On «schools» (the registry) there are no periods: the registry counts for every period.
 */
export const AggregateSchema = z
  .object({
    sheet: MonitoringSheetIdSchema,
    op: z.enum(["sum", "diff", "count", "count_schools"]),
    column: z.string().min(1).optional(),
    columns: z.array(z.string().min(1)).optional(),
    minus: z.array(z.string().min(1)).optional(),
    where: z.array(ConditionSchema).default([]),
    /** Overrides the indicator's school filter for this aggregate. */
    schools: SchoolFilterSchema.optional(),
  })
  .superRefine((a, ctx) => {
    const hasColumns = a.column !== undefined || (a.columns !== undefined && a.columns.length > 0);
    if ((a.op === "sum" || a.op === "diff") && !hasColumns)
      ctx.addIssue({ code: "custom", message: `агрегат «${a.op}»: нужен column или columns` });
    if (a.op === "diff" && !(a.minus && a.minus.length > 0))
      ctx.addIssue({ code: "custom", message: "агрегат «diff»: нужен minus" });
    if (a.op !== "diff" && a.minus !== undefined)
      ctx.addIssue({ code: "custom", message: "minus допускается только в агрегате «diff»" });
  });
export type Aggregate = z.infer<typeof AggregateSchema>;

/**
 * How an indicator is computed:
 * - `ratio`: numerator / denominator × scale; without a denominator, numerator × scale;
 * - `period_delta`: numerator(period) − numerator(previous period) (e.g. рост числа отличников);
 * - `shnor_status`: per school and year, the ШНОР status (true/false);
 * - `low_result`: per school and procedure, the share of «2» of each procedure with a low result;
 * - `school_threshold`: per school the numerator; municipality: share of the denominator's schools
 *   whose numerator reaches `threshold` (e.g. КПК ≥ 32 ч: не менее 5 человек от каждой школы);
 * - `event_share`: per event, the share of the filter's schools among the event's «Участвовавшие ОО»;
 *   municipality: the mean over the period's events (the numerator's `where` picks the events);
 * - `plan_done`: fulfilment of the plan-graph at the report date.
 * Each kind's evaluation, formula twin and layout hints are in `indicators/kinds/<kind>.ts`.
 */
export const IndicatorKindSchema = z.enum([
  "ratio",
  "period_delta",
  "shnor_status",
  "low_result",
  "school_threshold",
  "event_share",
  "plan_done",
]);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

/**
 * Period of an indicator's values: `year` — calendar year of the sheet («2022»), `school_year` —
 * «2021/2022» (sheet «Успеваемость»), `report_date` — the report date (plan, registry snapshot).
 * `sheet` gives the sheet whose periods are listed (default: the numerator's sheet).
 */
export const IndicatorPeriodSchema = z.object({
  kind: z.enum(["year", "school_year", "report_date"]),
  sheet: MonitoringSheetIdSchema.optional(),
});
export type IndicatorPeriod = z.infer<typeof IndicatorPeriodSchema>;

/** An indicator declaration. */
export const IndicatorSpecSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    /** «%», «чел.», «ед.», «шт.», «п.п.» … */
    unit: z.string().default("%"),
    kind: IndicatorKindSchema.default("ratio"),
    numerator: AggregateSchema.optional(),
    denominator: AggregateSchema.optional(),
    /** Unit of per-school values when it differs from `unit` (e.g. «чел.» against a municipal «%»). */
    schoolUnit: z.string().optional(),
    /** Multiplier of the ratio: 100 for percentages. */
    scale: z.number().positive().default(1),
    schools: SchoolFilterSchema.default("all"),
    period: IndicatorPeriodSchema,
    /** Values to compute: for the municipality and/or for each school (scope = its registered name). */
    scope: z
      .array(z.enum(["municipality", "school"]))
      .min(1)
      .default(["municipality"]),
    /** `school_threshold`: the per-school value to reach. */
    threshold: z.number().optional(),
    /** Also compute the indicator per ВПР grade (`<id>_g4`, `<id>_g5` …) for the grades present. */
    byGrade: z.boolean().default(false),
    /** Procedures that decide ШНОР status for this indicator; absent = the seed-003 list. */
    procedures: z.array(z.string().min(1)).optional(),
    targets: z.array(TargetSchema).default([]),
    /**
     * Which change is good for the indicator (the colour of its dynamics): `up`, `down` (a falling
     * ШНОР share is good), null for neither. Absent: what its targets imply («≤» — down, «≥» and
     * growth — up), else its kind's default.
     */
    better: z.enum(["up", "down"]).nullable().optional(),
  })
  .superRefine((s, ctx) => {
    // What each kind needs is declared with the kind (`indicators/kinds/*`).
    for (const m of missingFields(s)) ctx.addIssue({ code: "custom", message: m.message, path: [m.path] });
  });
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;
/** What a template author writes for an indicator (defaults may be omitted). */
export type IndicatorSpecInput = z.input<typeof IndicatorSpecSchema>;

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id: латинские строчные буквы, цифры и дефисы"),
  version: z.string().default("1"),
  title: z.string().min(1),
  /** Municipality, e.g. «Муниципальный район имени Лазо». */
  municipality: z.string().default(""),
  /** The organisation that runs the project and signs the справка (УО, ИМЦ), e.g. «Управление образования администрации …». */
  organisation: z.string().optional(),
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
