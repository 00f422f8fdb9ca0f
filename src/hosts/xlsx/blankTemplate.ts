/**
 * Blank template workbooks (`sverka template <id> --out blank.xlsx`): one sheet per plan of the
 * template and the monitoring sheets, with the canonical headers, frozen header rows, column
 * widths and Excel data validation on the data rows, so that schools fill in what the checks
 * expect. The template id is recorded on a very hidden `_sverka` sheet (ExcelJS cannot write
 * custom document properties; `readWorkbook` reads the sheet back into `properties`).
 *
 * The output is deterministic: fixed document dates and ZIP entry timestamps.
 */
import { Workbook, type Alignment, type Borders, type Fill, type Worksheet } from "exceljs";
import { TEMPLATE_PROPERTY, TEMPLATE_VERSION_PROPERTY } from "../../core/detect";
import type { ColumnSpec, DataSheetSpec, PlanSheetSpec, Template } from "../../core/template/schema";
import { PLAN_STATUSES } from "../../core/template/planColumns";
import { PROPERTIES_SHEET } from "./read";
import { DATE_FORMAT, FIXED_TIMESTAMP, writeDeterministic } from "./writeGrid";

/** Data rows below the header that carry data validation. */
export const VALIDATED_ROWS = 1000;
/** Hidden sheet holding list values too long for an inline list (Excel's limit is 255 characters). */
export const LISTS_SHEET = "_sverka_lists";
/** Longest inline list formula Excel accepts (the quoted, comma-separated values). */
export const MAX_INLINE_LIST = 255;
/** Monitoring sheet id of the school registry; its `school` column feeds the school lists elsewhere. */
const REGISTRY_SHEET_ID = "schools";
const DEFAULT_WIDTH = 15;
const CREATOR = "Сверка";

const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const HEADER_ALIGNMENT: Partial<Alignment> = { wrapText: true, vertical: "middle", horizontal: "center" };
const THIN = { style: "thin" as const, color: { argb: "FF8EA9DB" } };
const HEADER_BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_ALIGNMENT: Partial<Alignment> = { wrapText: true, vertical: "middle", horizontal: "center" };

/**
 * One data validation rule as ExcelJS writes it. ExcelJS also writes type `any` (an input
 * prompt without a restriction), which its typings omit.
 */
interface ValidationRule {
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

/** ExcelJS's worksheet data validations (present at runtime, missing from its typings). */
interface DataValidationsStore {
  add(address: string, validation: ValidationRule): void;
}

function validationsOf(ws: Worksheet): DataValidationsStore {
  const store: unknown = (ws as unknown as { dataValidations?: unknown }).dataValidations;
  if (typeof store === "object" && store !== null && typeof (store as { add?: unknown }).add === "function") {
    return store as DataValidationsStore;
  }
  throw new Error("ExcelJS worksheet has no dataValidations store");
}

/** Column letters of a 1-based column index: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as it must be written in a formula: quoted, inner quotes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
class ListStore {
  private readonly columns: string[][] = [];

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
    return `${quotedSheet(LISTS_SHEET)}!$${letter}$1:$${letter}$${values.length}`;
  }

  write(wb: Workbook): void {
    if (!this.used) return;
    const ws = wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
    this.columns.forEach((values, c) => {
      values.forEach((v, r) => {
        ws.getRow(r + 1).getCell(c + 1).value = v;
      });
    });
  }
}

interface ValidationContext {
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

function styleHeader(ws: Worksheet, row: number, columns: readonly ColumnSpec[]): void {
  const xlRow = ws.getRow(row);
  columns.forEach((c, i) => {
    const cell = xlRow.getCell(i + 1);
    cell.value = c.title;
    cell.font = { bold: true };
    cell.alignment = HEADER_ALIGNMENT;
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
  });
}

/** Header at `headerRow`, widths, frozen header, validations on the next `VALIDATED_ROWS` rows. */
function layoutTable(ws: Worksheet, headerRow: number, columns: readonly ColumnSpec[], ctx: ValidationContext): void {
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width ?? DEFAULT_WIDTH;
    // A column style: cells typed into the column later show as dates.
    if (c.type === "date") column.numFmt = DATE_FORMAT;
  });
  styleHeader(ws, headerRow, columns);
  ws.views = [
    {
      state: "frozen",
      xSplit: 0,
      ySplit: headerRow,
      topLeftCell: `A${headerRow + 1}`,
      activeCell: `A${headerRow + 1}`,
    },
  ];
  const first = headerRow + 1;
  const last = headerRow + VALIDATED_ROWS;
  const store = validationsOf(ws);
  columns.forEach((c, i) => {
    const rule = validationFor(c, ws.name, ctx);
    if (!rule) return;
    const letter = columnLetter(i + 1);
    store.add(`${letter}${first}:${letter}${last}`, rule);
  });
}

function writePlanSheet(wb: Workbook, template: Template, spec: PlanSheetSpec, ctx: ValidationContext): void {
  const ws = wb.addWorksheet(spec.title);
  const columns = planColumnsInOrder(spec);
  const title = ws.getRow(1).getCell(1);
  title.value = template.title;
  title.font = { bold: true, size: 12 };
  title.alignment = TITLE_ALIGNMENT;
  if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);
  ws.getRow(1).height = 48;
  layoutTable(ws, 2, columns, ctx);
}

function writeDataSheet(wb: Workbook, spec: DataSheetSpec, ctx: ValidationContext): void {
  const ws = wb.addWorksheet(spec.name);
  layoutTable(ws, 1, spec.columns, ctx);
}

function registryRange(template: Template): { range: string; name: string } | null {
  const registry = template.monitoring.find((m) => m.id === REGISTRY_SHEET_ID);
  if (!registry) return null;
  const index = registry.columns.findIndex((c) => c.type === "school");
  if (index < 0) return null;
  const letter = columnLetter(index + 1);
  return { range: `${quotedSheet(registry.name)}!$${letter}$2:$${letter}$${1 + VALIDATED_ROWS}`, name: registry.name };
}

/** Names of the visible sheets a blank of `template` has, in order. */
export function blankSheetNames(template: Template): string[] {
  return [...template.plans.map((p) => p.title), ...template.monitoring.map((m) => m.name)];
}

/** Writes the blank template workbook of `template` as .xlsx bytes. */
export async function writeBlankTemplate(template: Template): Promise<Uint8Array> {
  const names = blankSheetNames(template);
  const clash = names.find((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
  if (clash !== undefined) throw new Error(`Шаблон ${template.id}: лист «${clash}» встречается дважды`);

  const wb = new Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.title = template.title;
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;

  const registry = registryRange(template);
  const ctx: ValidationContext = {
    lists: new ListStore(),
    schoolRange: registry?.range ?? null,
    registryName: registry?.name ?? null,
  };
  for (const plan of template.plans) writePlanSheet(wb, template, plan, ctx);
  for (const sheet of template.monitoring) writeDataSheet(wb, sheet, ctx);
  ctx.lists.write(wb);

  const props = wb.addWorksheet(PROPERTIES_SHEET, { state: "veryHidden" });
  props.addRow([TEMPLATE_PROPERTY, template.id]);
  props.addRow([TEMPLATE_VERSION_PROPERTY, template.version]);

  return writeDeterministic(wb);
}
