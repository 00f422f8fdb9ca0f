/**
 * A template's blank sheets as data: one sheet per plan (a title row, then the header) and one per
 * monitoring sheet, with the canonical headers, widths, frozen header rows and the data validation
 * of each column over the next `VALIDATED_ROWS` rows. The xlsx host (`sverka template`) and the
 * Excel host (`createBlankSheets`) render the same layout.
 */
import { columnLetter, quoteSheetName } from "../model/address";
import { TEMPLATE_PROPERTY, TEMPLATE_VERSION_PROPERTY } from "../detect";
import { PLAN_STATUSES } from "./planColumns";
import type { ColumnSpec, PlanSheetSpec, Template } from "./schema";

/** Data rows below the header that carry data validation. */
export const VALIDATED_ROWS = 1000;
/** Hidden sheet holding list values too long for an inline list (Excel's limit is 255 characters). */
export const LISTS_SHEET = "_sverka_lists";
/** Longest inline list formula Excel accepts (the quoted, comma-separated values). */
export const MAX_INLINE_LIST = 255;
/** Number format of date columns. */
export const BLANK_DATE_FORMAT = "dd.mm.yyyy";
/** Monitoring sheet id of the school registry; its `school` column feeds the school lists elsewhere. */
const REGISTRY_SHEET_ID = "schools";
export const DEFAULT_WIDTH = 15;

/**
 * One data validation rule (the shape ExcelJS writes; the Excel host maps it to Office.js). Type
 * `any` is an input prompt without a restriction. A list formula is either inline (`"да,нет"`,
 * quoted) or a range (`'_sverka_lists'!$A$1:$A$12`).
 */
export interface ValidationRule {
  type: "any" | "list" | "whole" | "decimal" | "date" | "textLength" | "custom";
  formulae?: (string | number | Date)[];
  allowBlank?: boolean;
  operator?: "between" | "greaterThanOrEqual" | "lessThanOrEqual" | "greaterThan" | "lessThan";
  showErrorMessage?: boolean;
  errorStyle?: "stop" | "warning" | "information";
  errorTitle?: string;
  error?: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
}

/** Plan columns in the project's layout order, then the template's other columns (status, dates …). */
export function planColumnsInOrder(spec: PlanSheetSpec): ColumnSpec[] {
  const byId = new Map(spec.columns.map((c) => [c.id, c]));
  const out: ColumnSpec[] = [];
  for (const id of spec.layout ?? []) {
    const c = byId.get(id);
    if (c && !out.includes(c)) out.push(c);
  }
  for (const c of spec.columns) if (!out.includes(c)) out.push(c);
  return out;
}

/** Collects list values that need a range on the hidden lists sheet; returns the range formula. */
export class ListStore {
  readonly columns: string[][] = [];

  get used(): boolean {
    return this.columns.length > 0;
  }

  /** Formula for a list validation: inline when it fits, else a range on `_sverka_lists`. */
  formula(values: readonly string[]): string {
    const inline = `"${values.join(",")}"`;
    const fitsInline = inline.length <= MAX_INLINE_LIST && values.every((v) => !v.includes(",") && !v.includes('"'));
    if (fitsInline) return inline;
    let index = this.columns.findIndex((c) => c.length === values.length && c.every((v, i) => v === values[i]));
    if (index < 0) {
      this.columns.push([...values]);
      index = this.columns.length - 1;
    }
    const letter = columnLetter(index + 1);
    return `${quoteSheetName(LISTS_SHEET)}!$${letter}$1:$${letter}$${values.length}`;
  }
}

export interface ValidationContext {
  lists: ListStore;
  /** Range formula of the registry's school names, e.g. `'Школы'!$A$2:$A$1001`; null without a registry. */
  schoolRange: string | null;
  /** Name of the registry sheet: its own school column gets no school list. */
  registryName: string | null;
}

function stopError(
  title: string,
  message: string,
): Pick<ValidationRule, "showErrorMessage" | "errorStyle" | "errorTitle" | "error"> {
  return { showErrorMessage: true, errorStyle: "stop", errorTitle: title, error: message };
}

/** The data validation of a column type, or null when the type has none. */
export function validationFor(column: ColumnSpec, sheetName: string, ctx: ValidationContext): ValidationRule | null {
  switch (column.type) {
    case "yesno":
      return {
        type: "list",
        allowBlank: true,
        formulae: [ctx.lists.formula(["да", "нет"])],
        ...stopError("Да или нет", "Выберите «да» или «нет»."),
      };
    case "status":
      return {
        type: "list",
        allowBlank: true,
        formulae: [ctx.lists.formula(PLAN_STATUSES)],
        ...stopError("Статус", `Выберите статус из списка: ${PLAN_STATUSES.join(", ")}.`),
      };
    case "level": {
      const values = column.values ?? [];
      if (!values.length) return null;
      return {
        type: "list",
        allowBlank: true,
        formulae: [ctx.lists.formula(values)],
        ...stopError("Значение из списка", `Выберите значение из списка: ${values.join(", ")}.`),
      };
    }
    case "count":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        ...stopError("Целое число", "Введите целое число не меньше 0 (количество)."),
      };
    case "number":
      return {
        type: "decimal",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        ...stopError("Число", "Введите число не меньше 0."),
      };
    case "percent":
      return {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, 100],
        ...stopError("Процент", "Введите число от 0 до 100 (процент)."),
      };
    case "school":
      if (ctx.schoolRange === null || sheetName === ctx.registryName) return null;
      return {
        type: "list",
        allowBlank: true,
        formulae: [ctx.schoolRange],
        ...stopError("ОО", `Выберите ОО из реестра на листе «${ctx.registryName ?? ""}».`),
      };
    case "date":
      return {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        ...stopError("Дата", "Введите дату в формате ДД.ММ.ГГГГ."),
      };
    case "year":
      return {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [2000, 2100],
        ...stopError("Год", "Введите год четырьмя цифрами, например 2022."),
      };
    case "school_year":
      return {
        type: "any",
        allowBlank: true,
        showInputMessage: true,
        promptTitle: "Учебный год",
        prompt: "Учебный год в виде «2022/2023».",
      };
    default:
      return null;
  }
}

/** The registry's school-name range (for school lists elsewhere) and the registry sheet's name. */
export function registryRange(template: Template): { range: string; name: string } | null {
  const registry = template.monitoring.find((m) => m.id === REGISTRY_SHEET_ID);
  if (!registry) return null;
  const index = registry.columns.findIndex((c) => c.type === "school");
  if (index < 0) return null;
  const letter = columnLetter(index + 1);
  return {
    range: `${quoteSheetName(registry.name)}!$${letter}$2:$${letter}$${1 + VALIDATED_ROWS}`,
    name: registry.name,
  };
}

/** Names of the visible sheets a blank of `template` has, in order. */
export function blankSheetNames(template: Template): string[] {
  return [...template.plans.map((p) => p.title), ...template.monitoring.map((m) => m.name)];
}

export interface BlankValidation {
  /** 1-based column. */
  col: number;
  /** A1 range of the validated data rows, e.g. `C3:C1002`. */
  range: string;
  rule: ValidationRule;
}

export interface BlankSheet {
  name: string;
  /** The template's title in a merged row above the header (plan sheets). */
  title?: string;
  /** Worksheet row of the header; rows above it are frozen with it. */
  headerRow: number;
  columns: ColumnSpec[];
  /** Widths in characters, by column. */
  widths: number[];
  /** Number format by column (date columns). */
  numFmts: (string | undefined)[];
  validations: BlankValidation[];
}

export interface BlankLayout {
  sheets: BlankSheet[];
  /** Columns of list values for the very hidden `_sverka_lists` sheet (empty: no such sheet). */
  lists: string[][];
  /** Properties recording the template (id, version). */
  properties: [string, string][];
}

/** The blank sheets of `template`. Throws when two sheets would have the same name. */
export function blankLayout(template: Template): BlankLayout {
  const names = blankSheetNames(template);
  const clash = names.find((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
  if (clash !== undefined) throw new Error(`Шаблон ${template.id}: лист «${clash}» встречается дважды`);
  const registry = registryRange(template);
  const ctx: ValidationContext = {
    lists: new ListStore(),
    schoolRange: registry?.range ?? null,
    registryName: registry?.name ?? null,
  };
  const table = (name: string, headerRow: number, columns: ColumnSpec[], title?: string): BlankSheet => {
    const validations: BlankValidation[] = [];
    columns.forEach((c, i) => {
      const rule = validationFor(c, name, ctx);
      if (!rule) return;
      const letter = columnLetter(i + 1);
      validations.push({ col: i + 1, range: `${letter}${headerRow + 1}:${letter}${headerRow + VALIDATED_ROWS}`, rule });
    });
    return {
      name,
      ...(title !== undefined ? { title } : {}),
      headerRow,
      columns,
      widths: columns.map((c) => c.width ?? DEFAULT_WIDTH),
      numFmts: columns.map((c) => (c.type === "date" ? BLANK_DATE_FORMAT : undefined)),
      validations,
    };
  };
  const sheets = [
    ...template.plans.map((p) => table(p.title, 2, planColumnsInOrder(p), template.title)),
    ...template.monitoring.map((m) => table(m.name, 1, m.columns)),
  ];
  return {
    sheets,
    lists: ctx.lists.columns,
    properties: [
      [TEMPLATE_PROPERTY, template.id],
      [TEMPLATE_VERSION_PROPERTY, template.version],
    ],
  };
}
