/**
 * Test helper (Node only): the dashboard of a sample workbook, built the way the CLI builds it, and
 * the helpers that compare workbooks and feed them to a formula engine.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Workbook, ValueType, type Worksheet } from "exceljs";
import type { DashboardLayout } from "../../../core/dashboard/layout";
import type { LayoutSheet } from "../../../core/dashboard/types";
import type { IndicatorValue } from "../../../core/indicators/types";
import type { WorkbookData } from "../../../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../../../core/templates";
import { validateWorkbook, type WorkbookCheck } from "../../../core/validate";
import { parseDefinedNames } from "../preserve";
import { readWorkbook } from "../read";
import { extractText, readZipDirectory } from "../zip";
import { buildDashboardLayouts } from "../../../core/dashboard/build";
import { localizeReport } from "../../../i18n/issueMessages";

export const SAMPLES = join(__dirname, "..", "..", "..", "..", "samples");
export const MONITORING_SAMPLE = "effektivnaya-shkola-2023.monitoring.xlsx";
export const AS_OF = "2023-12-31";
export const REFRESHED_AT = "2024-01-10";

export interface BuiltDashboard {
  original: Uint8Array;
  workbook: WorkbookData;
  check: WorkbookCheck;
  indicators: IndicatorValue[];
  layout: DashboardLayout;
  flk: LayoutSheet;
}

export async function buildDashboard(bytes: Uint8Array, name: string, asOf = AS_OF): Promise<BuiltDashboard> {
  const workbook = await readWorkbook(bytes, name);
  const checked = validateWorkbook(workbook, { templates: BUILTIN_TEMPLATES, asOf });
  const check = { ...checked, report: localizeReport(checked.report, "ru") };
  const { indicators, layout, flk } = buildDashboardLayouts(workbook, check, { asOf, refreshedAt: REFRESHED_AT });
  return { original: bytes, workbook, check, indicators, layout, flk };
}

export async function sampleBytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(SAMPLES, file)));
}

export async function loadExcelJs(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  return wb;
}

/** What a formula engine is fed for one cell: «=formula», or the value (text kept as text). */
export type EngineCell = string | number | boolean | null;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Excel's serial number of a UTC date (1900 system). */
function serial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** A worksheet as a formula engine reads it: formulas as «=…», text that looks like a formula escaped with «'». */
export function engineRows(ws: Worksheet): EngineCell[][] {
  const rows: EngineCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: EngineCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      let v: EngineCell = null;
      const raw: unknown = cell.value;
      if (cell.type === ValueType.Formula) v = `=${cell.formula}`;
      else if (typeof raw === "string") v = /^[=+\-@']/.test(raw) ? `'${raw}` : raw;
      else if (typeof raw === "number" || typeof raw === "boolean") v = raw;
      else if (raw instanceof Date) v = serial(raw);
      else if (isRecord(raw) && typeof raw.error === "string") v = raw.error;
      else if (isRecord(raw) && typeof raw.text === "string") v = raw.text;
      else if (isRecord(raw) && Array.isArray(raw.richText))
        v = raw.richText.map((t) => (isRecord(t) && typeof t.text === "string" ? t.text : "")).join("");
      out[c - 1] = v;
    });
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
    rows[i] = row;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Comparing an original workbook with Sverka's copy

interface CellSnapshot {
  type: number;
  value: unknown;
  numFmt: unknown;
  font: unknown;
  note: unknown;
}

function cellsOf(ws: Worksheet): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const value: unknown = cell.value;
      out.set(cell.address, {
        type: cell.type,
        value: value instanceof Date ? value.toISOString() : value,
        numFmt: cell.numFmt,
        font: cell.font,
        note: cell.note,
      });
    }),
  );
  return out;
}

/** ExcelJS keeps a sheet's conditional formats in `conditionalFormattings` (missing from its typings). */
function conditionalFormatsOf(ws: Worksheet): unknown {
  return (ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings;
}

function validationsOf(ws: Worksheet): unknown {
  return (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model;
}

/** Names as written: name, scope (sheet name) and text. */
export async function namesOf(bytes: Uint8Array): Promise<{ name: string; scope: string; text: string }[]> {
  const dir = readZipDirectory(bytes);
  const xml = (await extractText(bytes, dir, "xl/workbook.xml")) ?? "";
  const sheets = [...xml.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
  return parseDefinedNames(xml)
    .map((n) => ({ name: n.name, scope: n.localSheetId === null ? "" : sheets[n.localSheetId], text: n.text }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Everything of the original's sheets in the output equals the original. */
export async function expectPreserved(
  original: Uint8Array,
  output: Uint8Array,
  added: readonly string[],
): Promise<void> {
  const a = await loadExcelJs(original);
  const b = await loadExcelJs(output);
  const before = a.worksheets.map((w) => w.name);
  // Ownership goes into a custom document property: no sheet is added but Sverka's own.
  expect(b.worksheets.map((w) => w.name)).toEqual([...before, ...added]);
  for (const wa of a.worksheets) {
    if (wa.name === "_sverka") continue; // Sverka's own properties sheet gains a row
    const wb = b.getWorksheet(wa.name)!;
    expect({ sheet: wa.name, state: wb.state }).toEqual({ sheet: wa.name, state: wa.state });
    // One comparison per sheet: every cell's type, value (formulas with their results), format, font, note.
    expect({ sheet: wa.name, cells: Object.fromEntries(cellsOf(wb)) }).toEqual({
      sheet: wa.name,
      cells: Object.fromEntries(cellsOf(wa)),
    });
    expect(wb.model.merges.sort()).toEqual(wa.model.merges.sort());
    expect(validationsOf(wb)).toEqual(validationsOf(wa));
    expect(JSON.stringify(conditionalFormatsOf(wb))).toBe(JSON.stringify(conditionalFormatsOf(wa)));
    expect(wb.views).toEqual(wa.views);
    for (let c = 1; c <= wa.columnCount; c++) expect(wb.getColumn(c).width).toBe(wa.getColumn(c).width);
  }
  // The core reads the same values from the original sheets.
  const ra = await readWorkbook(original, "a.xlsx");
  const rb = await readWorkbook(output, "b.xlsx");
  for (const s of ra.sheets) {
    if (s.name === "_sverka") continue;
    expect(rb.sheets.find((x) => x.name === s.name)).toEqual(s);
  }
  for (const [k, v] of Object.entries(ra.properties ?? {})) expect(rb.properties?.[k]).toBe(v);
  // Sverka's names: `sv_…`, and the print titles, areas and filters of its sheets.
  const own = (n: { name: string; scope: string }) => !n.name.startsWith("sv_") && !added.includes(n.scope);
  expect((await namesOf(output)).filter(own)).toEqual((await namesOf(original)).filter(own));
}
