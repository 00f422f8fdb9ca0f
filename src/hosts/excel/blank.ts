/**
 * The template's blank plan and monitoring sheets added to the open workbook (as `sverka template`
 * writes them into a new file): headers, widths, frozen header rows, date formats and data
 * validation, from the core's `blankLayout`. A sheet of the same name already in the workbook is
 * kept; the blank one gets «Name (2)» (and the validation formulas follow the rename).
 */
import { placeSheets } from "../../core/dashboard/placement";
import { columnLetter } from "../../core/model/address";
import { blankLayout, LISTS_SHEET, VALIDATED_ROWS, type ValidationRule } from "../../core/template/blank";
import type { Template } from "../../core/template/schema";
import type { HostNotice, WriteOutcome } from "../host";
import { excelRun } from "./errors";
import { Budget, cellInput, OP_BYTES, widthPoints } from "./write";

const OPERATORS: Record<NonNullable<ValidationRule["operator"]>, string> = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
};

function operand(v: string | number | Date | undefined): string | number | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

/** The Office.js data validation of a core rule (list sources rewritten to the sheets' actual names). */
export function officeValidation(
  rule: ValidationRule,
  rewrite: (s: string) => string,
): {
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
  ignoreBlanks: boolean;
} {
  const [f1, f2] = rule.formulae ?? [];
  const basic = (): Excel.BasicDataValidation => ({
    formula1: operand(f1) as string | number,
    ...(f2 !== undefined ? { formula2: operand(f2) as string | number } : {}),
    operator: (OPERATORS[rule.operator ?? "between"] ?? "Between") as Excel.DataValidationOperator,
  });
  let office: Excel.DataValidationRule | undefined;
  switch (rule.type) {
    case "list": {
      const src = String(f1 ?? "");
      office = { list: { inCellDropDown: true, source: src.startsWith('"') ? src.slice(1, -1) : `=${rewrite(src)}` } };
      break;
    }
    case "whole":
      office = { wholeNumber: basic() };
      break;
    case "decimal":
      office = { decimal: basic() };
      break;
    case "date":
      office = { date: basic() as Excel.DateTimeDataValidation };
      break;
    case "textLength":
      office = { textLength: basic() };
      break;
    case "custom":
      office = { custom: { formula: `=${rewrite(String(f1 ?? ""))}` } };
      break;
    default:
      office = undefined;
  }
  return {
    ...(office ? { rule: office } : {}),
    ...(rule.showErrorMessage
      ? {
          errorAlert: {
            showAlert: true,
            style: (rule.errorStyle === "warning"
              ? "Warning"
              : rule.errorStyle === "information"
                ? "Information"
                : "Stop") as Excel.DataValidationAlertStyle,
            title: rule.errorTitle ?? "",
            message: rule.error ?? "",
          },
        }
      : {}),
    ...(rule.showInputMessage
      ? { prompt: { showPrompt: true, title: rule.promptTitle ?? "", message: rule.prompt ?? "" } }
      : {}),
    ignoreBlanks: rule.allowBlank !== false,
  };
}

const HEADER_BORDER = "#8EA9DB";

/** Queues the look of a table's header row (as `sverka template` writes it): bold, filled, boxed. */
export function styleHeaderRow(header: Excel.Range): void {
  header.format.font.bold = true;
  header.format.fill.color = "#DDEBF7";
  header.format.wrapText = true;
  header.format.horizontalAlignment = "Center";
  header.format.verticalAlignment = "Center";
  for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const) {
    const b = header.format.borders.getItem(edge);
    b.style = "Continuous";
    b.color = HEADER_BORDER;
  }
}

export async function createExcelBlankSheets(template: Template): Promise<WriteOutcome> {
  const layout = blankLayout(template);
  return excelRun(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const existing = sheets.items.map((s) => s.name);
    const wanted = [
      ...layout.sheets.map((s) => ({ name: s.name })),
      ...(layout.lists.length ? [{ name: LISTS_SHEET }] : []),
    ];
    const placement = placeSheets(wanted, existing, []);
    const rewrite = placement.rewrite;
    const budget = new Budget(context);
    context.workbook.application.suspendScreenUpdatingUntilNextSync();

    let first: Excel.Worksheet | null = null;
    for (const sheet of layout.sheets) {
      const ws = context.workbook.worksheets.add(placement.names.get(sheet.name) ?? sheet.name);
      first ??= ws;
      const last = columnLetter(sheet.columns.length);
      if (sheet.title !== undefined) {
        const title = ws.getRange("A1");
        title.formulas = [[cellInput({ row: 1, col: 1, value: sheet.title }, rewrite)]];
        title.format.font.bold = true;
        title.format.font.size = 12;
        const line = ws.getRange(`A1:${last}1`);
        if (sheet.columns.length > 1) line.merge(false);
        line.format.wrapText = true;
        line.format.horizontalAlignment = "Center";
        line.format.verticalAlignment = "Center";
        line.format.rowHeight = 48;
      }
      const hr = sheet.headerRow;
      const header = ws.getRange(`A${hr}:${last}${hr}`);
      header.formulas = [sheet.columns.map((c) => cellInput({ row: hr, col: 1, value: c.title }, rewrite))];
      styleHeaderRow(header);
      sheet.widths.forEach((w, i) => {
        ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = widthPoints(w);
      });
      sheet.numFmts.forEach((f, i) => {
        if (!f) return;
        const L = columnLetter(i + 1);
        ws.getRange(`${L}${hr + 1}:${L}${hr + VALIDATED_ROWS}`).numberFormat = Array.from(
          { length: VALIDATED_ROWS },
          () => [f],
        );
      });
      ws.freezePanes.freezeRows(hr);
      for (const v of sheet.validations) {
        const dv = ws.getRange(v.range).dataValidation;
        const o = officeValidation(v.rule, rewrite);
        if (o.rule) dv.rule = o.rule;
        if (o.errorAlert) dv.errorAlert = o.errorAlert;
        if (o.prompt) dv.prompt = o.prompt;
        dv.ignoreBlanks = o.ignoreBlanks;
      }
      await budget.reserve((20 + sheet.columns.length * 6) * OP_BYTES + VALIDATED_ROWS * 16);
    }
    if (layout.lists.length) {
      const ws = context.workbook.worksheets.add(placement.names.get(LISTS_SHEET) ?? LISTS_SHEET);
      layout.lists.forEach((values, c) => {
        const L = columnLetter(c + 1);
        ws.getRange(`${L}1:${L}${values.length}`).formulas = values.map((v) => [
          cellInput({ row: 1, col: 1, value: v }, rewrite),
        ]);
      });
      ws.visibility = "VeryHidden";
    }
    for (const [key, value] of layout.properties) context.workbook.properties.custom.add(key, value);
    first?.activate();
    await budget.sync();
    const visible = placement.sheets.filter((p) => p.logical !== LISTS_SHEET);
    const notices: HostNotice[] = placement.renamed
      .filter((p) => p.logical !== LISTS_SHEET)
      .map((p) => ({ code: "SHEET_RENAMED", params: { logical: p.logical, actual: p.actual } }));
    return { sheets: visible.map((p) => ({ logical: p.logical, actual: p.actual })), notices };
  });
}
