/**
 * The dashboard sheet as data (DOMAIN.md «Dashboard»): the project, its period and the dates; the
 * indicator table for the municipality; the ШНОР share by year; the per-school table; the ФЛК
 * summary per sheet. Pure: a host renders the layout (`hosts/xlsx/writeDashboard.ts`).
 *
 * Choices:
 * - The indicator table lists EVERY period of every municipal value, grouped by indicator in the
 *   template's order, the latest period first; «Прошлый период» refers to the fact cell of the
 *   previous period when that row is in the table (a formula), «Динамика» is «факт − прошлый».
 * - Each municipal fact cell holds a live formula where `formulas.ts` can write one that reproduces
 *   the core (column «Расчёт» says «формула»), else the core's value and the reason.
 * - Every municipal fact cell gets a defined name `sv_<id>_<period>`.
 * - The per-school table shows each school's latest values; plan execution is not defined per
 *   school (DOMAIN.md), so its column shows «—» and a footnote points at the municipal value.
 * - Charts are asked for as `ChartSpec`s (quality by school, ШНОР share by year); their value
 *   columns carry data bars, which xlsx can show without a chart.
 */
import { previousPeriodOf, traceIndicators, type IndicatorUse } from "../indicators/engine";
import type { IndicatorValue } from "../indicators/types";
import { a1, columnLetter, quoteSheetName } from "../model/address";
import type { IsoDate } from "../model/dates";
import type { WorkbookData } from "../model/sheet";
import type { MonitoringData } from "../monitoring/model";
import { SVERKA_SHEETS } from "../sheets/planSheets";
import type { Template } from "../template/schema";
import type { FileReport, SheetKind } from "../validate";
import { buildFactFormulas, factKey } from "./formulas";
import type {
  CellRange,
  CellStyle,
  ChartSpec,
  DataBar,
  DefinedName,
  FactCell,
  LayoutCell,
  LayoutSheet,
  LayoutValue,
} from "./types";

export { CALC_SHEET } from "./formulas";
export const DASHBOARD_SHEET = SVERKA_SHEETS[0];

export interface DashboardInput {
  template: Template;
  /** The check's file report (the ФЛК summary per sheet). */
  report: FileReport;
  /** All indicator values (`computeIndicators`); municipal ones fill the indicator table. */
  indicators: readonly IndicatorValue[];
  monitoring: MonitoringData;
  /** When the dashboard is written. */
  refreshedAt: IsoDate;
  /** The report date of the check and the indicators. */
  asOf: IsoDate;
  /**
   * The workbook as read. With it every formula is checked against the cells it sums (a number
   * written as text would make Excel's SUMIFS differ from the core: the fact is then a value);
   * without it the parsed values are trusted.
   */
  workbook?: WorkbookData;
  /**
   * The records each municipal value used, from the same run as `indicators`
   * (`traceIndicators`). Absent: the indicators are traced again here (twice the engine's time).
   */
  uses?: readonly IndicatorUse[];
}

export interface DashboardLayout {
  /** The dashboard, then the hidden helper sheet when a formula needs it. */
  sheets: LayoutSheet[];
  /** `sv_<id>_<period>` for every municipal fact cell. */
  definedNames: DefinedName[];
  charts: ChartSpec[];
  /** Every municipal fact cell: formula or value, and why. */
  facts: FactCell[];
  refreshedAt: IsoDate;
}

const MUNICIPALITY = "municipality";
const NO_VALUE = "—";
const NO_DATA = "нет данных";

/** The defined name of a municipal fact: `sv_quality_pct_2022_2023`. */
export function factName(id: string, period: string): string {
  return `sv_${id}_${period}`.replace(/[^A-Za-z0-9_]/g, "_");
}

/** «31.12.2023». */
function ruDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** Literal text inside a number format. */
function fmtText(s: string): string {
  return `"${s.replace(/"/g, "")}"`;
}

/** Number format of a value in `unit`: `0.0" %"`, `0" чел."`. */
export function valueFormat(unit: string, value: number): string {
  if (unit === "%") return `0.0${fmtText(" %")}`;
  const digits = Number.isInteger(value) ? "0" : "0.0";
  return unit ? `${digits}${fmtText(` ${unit}`)}` : "General";
}

/** Number format of a change: `+0.0" п.п.";-0.0" п.п.";0.0" п.п."`. */
function deltaFormat(unit: string, value: number): string {
  const u = unit === "%" ? " п.п." : unit ? ` ${unit}` : "";
  const digits = unit === "%" || !Number.isInteger(value) ? "0.0" : "0";
  const t = u ? fmtText(u) : "";
  return `+${digits}${t};-${digits}${t};${digits}${t}`;
}

function statusOf(v: IndicatorValue): { text: string; style: CellStyle } {
  if (v.value === null) return { text: NO_DATA, style: "noData" };
  if (v.met === true) return { text: "выполнено", style: "met" };
  if (v.met === false) return { text: "не выполнено", style: "notMet" };
  return { text: v.target === null ? "цель не задана" : "не оценить", style: "noData" };
}

const KIND_LABEL: Record<SheetKind, string> = {
  plan: "план-график",
  monitoring: "мониторинг",
  sverka: "лист Сверки",
  other: "не распознан",
};

/** Cells, merges and the rest of one sheet under construction. */
class Grid {
  readonly cells: LayoutCell[] = [];
  readonly merges: CellRange[] = [];
  readonly dataBars: DataBar[] = [];

  constructor(readonly name: string) {}

  set(row: number, col: number, value: LayoutValue, extra: Omit<LayoutCell, "row" | "col" | "value"> = {}): void {
    this.cells.push({ row, col, value, ...extra });
  }

  /** A line of text across `cols` columns (merged). */
  line(row: number, text: string, style: CellStyle, cols: number, link?: string): void {
    this.set(row, 1, text, link ? { style, link } : { style });
    if (cols > 1) this.merges.push({ top: row, left: 1, bottom: row, right: cols });
  }

  header(row: number, titles: readonly string[]): void {
    titles.forEach((t, i) => this.set(row, i + 1, t, { style: "header" }));
  }

  /** `'Дашборд'!$E$7`. */
  ref(row: number, col: number): string {
    return `${quoteSheetName(this.name)}!$${columnLetter(col)}$${row}`;
  }

  rangeRef(top: number, bottom: number, col: number): string {
    const c = columnLetter(col);
    return `${quoteSheetName(this.name)}!$${c}$${top}:$${c}$${bottom}`;
  }
}

const TABLE_COLUMNS = 10;
const COL = {
  title: 1,
  period: 2,
  unit: 3,
  target: 4,
  fact: 5,
  status: 6,
  previous: 7,
  delta: 8,
  excluded: 9,
  source: 10,
} as const;

/** Municipal values grouped by indicator (template order), latest period first. */
function municipalRows(values: readonly IndicatorValue[]): IndicatorValue[] {
  const groups = new Map<string, IndicatorValue[]>();
  for (const v of values) {
    if (v.scope !== MUNICIPALITY) continue;
    const list = groups.get(v.id);
    if (list) list.push(v);
    else groups.set(v.id, [v]);
  }
  const out: IndicatorValue[] = [];
  for (const list of groups.values()) out.push(...[...list].sort((a, b) => (a.period < b.period ? 1 : -1)));
  return out;
}

interface SchoolColumn {
  title: string;
  id: string;
  /** Latest period of the id's per-school values. */
  period: string | null;
  byScope: Map<string, IndicatorValue>;
}

function schoolColumn(values: readonly IndicatorValue[], id: string, title: string): SchoolColumn {
  const own = values.filter((v) => v.id === id && v.scope !== MUNICIPALITY);
  const period = own.reduce<string | null>((p, v) => (p === null || v.period > p ? v.period : p), null);
  const byScope = new Map<string, IndicatorValue>();
  for (const v of own) if (v.period === period) byScope.set(v.scope, v);
  return { title: period ? `${title} (${period})` : title, id, period, byScope };
}

export function renderDashboard(input: DashboardInput): DashboardLayout {
  const { template, report, monitoring } = input;
  const g = new Grid(DASHBOARD_SHEET);
  const facts: FactCell[] = [];
  const definedNames: DefinedName[] = [];
  const charts: ChartSpec[] = [];

  // Which records each municipal value used: the helper sheet of the formulas.
  const uses = input.uses ?? traceIndicators(template, monitoring, { asOf: input.asOf }).uses;
  const municipal = municipalRows(input.indicators);
  const formulas = buildFactFormulas({
    template,
    monitoring,
    values: municipal,
    uses,
    workbook: input.workbook,
  });

  // Page header.
  let row = 1;
  g.line(row++, template.title, "title", TABLE_COLUMNS);
  const place = template.municipality ? `${template.municipality}. ` : "";
  g.line(
    row++,
    `${place}Период проекта: ${ruDate(template.period.start)} – ${ruDate(template.period.end)}`,
    "info",
    TABLE_COLUMNS,
  );
  g.line(
    row++,
    `Отчётная дата: ${ruDate(input.asOf)}. Дашборд обновлён: ${ruDate(input.refreshedAt)}.`,
    "info",
    TABLE_COLUMNS,
  );
  const s = report.summary;
  const counts = [
    s.errors ? `ошибок: ${s.errors}` : "ошибок нет",
    ...(s.warnings ? [`предупреждений: ${s.warnings}`] : []),
    ...(s.infos ? [`замечаний: ${s.infos}`] : []),
  ].join(", ");
  g.line(
    row++,
    `Файл «${report.file}», шаблон ${report.template}. Проверка (ФЛК): ${counts} — подробно на листе «${SVERKA_SHEETS[1]}».`,
    "link",
    TABLE_COLUMNS,
    `${quoteSheetName(SVERKA_SHEETS[1])}!A1`,
  );
  row++;

  // Indicator table.
  g.line(row++, "Показатели проекта по муниципалитету", "subtitle", TABLE_COLUMNS);
  const tableHeader = row;
  g.header(row++, [
    "Показатель",
    "Период",
    "Ед.",
    "Цель",
    "Факт",
    "Статус",
    "Прошлый период",
    "Динамика",
    "Исключено строк",
    "Расчёт",
  ]);
  const factRow = new Map<string, number>();
  municipal.forEach((v, i) => factRow.set(factKey(v.id, v.period), tableHeader + 1 + i));
  for (const v of municipal) {
    const r = row++;
    const key = factKey(v.id, v.period);
    const f = formulas.facts.get(key) ?? { reason: "значение" };
    g.set(r, COL.title, v.title, { style: "text" });
    g.set(r, COL.period, v.period, { style: "text" });
    g.set(r, COL.unit, v.unit, { style: "text" });
    g.set(r, COL.target, v.target ?? NO_VALUE, { style: v.target === null ? "noData" : "text" });
    const status = statusOf(v);
    if (typeof v.value === "number") {
      g.set(r, COL.fact, v.value, {
        style: status.style === "noData" ? "number" : status.style,
        numFmt: valueFormat(v.unit, v.value),
        ...(f.formula ? { formula: f.formula } : {}),
      });
    } else g.set(r, COL.fact, v.display, { style: "noData" });
    g.set(r, COL.status, status.text, { style: status.style });

    const prevRow = (() => {
      const p = previousPeriodOf(v.period);
      return p === null ? undefined : factRow.get(factKey(v.id, p));
    })();
    const previous = v.previous ?? null;
    const prevIsFormula = typeof previous === "number" && prevRow !== undefined;
    if (typeof previous === "number")
      g.set(r, COL.previous, previous, {
        style: "number",
        numFmt: valueFormat(v.unit, previous),
        ...(prevIsFormula ? { formula: a1(prevRow, COL.fact) } : {}),
      });
    else g.set(r, COL.previous, NO_VALUE, { style: "noData" });
    const delta = v.delta ?? null;
    if (typeof delta === "number")
      g.set(r, COL.delta, delta, {
        style: "number",
        numFmt: deltaFormat(v.unit, delta),
        ...(prevIsFormula && typeof v.value === "number"
          ? { formula: `${a1(r, COL.fact)}-${a1(r, COL.previous)}` }
          : {}),
      });
    else g.set(r, COL.delta, NO_VALUE, { style: "noData" });
    g.set(r, COL.excluded, v.excluded_rows, { style: "number" });
    g.set(r, COL.source, f.formula ? "формула" : (f.reason ?? "значение"), { style: "note" });

    const name = factName(v.id, v.period);
    definedNames.push({ name, ref: g.ref(r, COL.fact) });
    facts.push({
      id: v.id,
      period: v.period,
      sheet: DASHBOARD_SHEET,
      address: a1(r, COL.fact),
      value: v.value,
      formula: f.formula !== undefined,
      ...(f.formula ? {} : { reason: f.reason ?? "значение" }),
    });
  }
  if (!municipal.length) g.line(row++, "Показателей по муниципалитету нет.", "noData", TABLE_COLUMNS);
  row++;

  // ШНОР share by year (the data of the line chart): references to the fact cells.
  const shnor = municipal
    .filter((v) => v.id === "shnor_share" && typeof v.value === "number")
    .sort((a, b) => (a.period < b.period ? -1 : 1));
  if (shnor.length) {
    g.line(row++, "Доля ШНОР по годам", "subtitle", TABLE_COLUMNS);
    g.header(row++, ["Год", "Доля ШНОР"]);
    const top = row;
    for (const v of shnor) {
      const src = factRow.get(factKey(v.id, v.period));
      g.set(row, 1, v.period, { style: "text" });
      g.set(row, 2, v.value as number, {
        style: "number",
        numFmt: valueFormat(v.unit, v.value as number),
        ...(src !== undefined ? { formula: a1(src, COL.fact) } : {}),
      });
      row++;
    }
    charts.push({
      id: "shnor_share_by_year",
      kind: "line",
      title: "Доля ШНОР по годам, %",
      categoriesRange: g.rangeRef(top, row - 1, 1),
      valuesRange: g.rangeRef(top, row - 1, 2),
    });
    row++;
  }

  // Per-school table.
  const quality = schoolColumn(input.indicators, "quality_pct", "Качество знаний, %");
  const success = schoolColumn(input.indicators, "success_pct", "Успеваемость, %");
  const vpr = schoolColumn(input.indicators, "vpr_coped_pct", "ВПР: справились, %");
  const kpk = schoolColumn(input.indicators, "kpk_per_school", "КПК не менее 32 ч, чел.");
  const status = schoolColumn(input.indicators, "shnor_status", "");
  const registry = new Map(monitoring.schools.map((sc) => [sc.name, sc]));
  const schoolNames: string[] = monitoring.schools.length
    ? monitoring.schools.map((sc) => sc.name)
    : [
        ...new Set(
          input.indicators.filter((v) => v.scope !== MUNICIPALITY && v.id !== "low_result").map((v) => v.scope),
        ),
      ];
  if (schoolNames.length) {
    g.line(row++, "Показатели по школам (последний период каждого показателя)", "subtitle", TABLE_COLUMNS);
    g.header(row++, [
      "ОО",
      status.period ? `ШНОР/ШНСУ (ШНОР по итогам ${status.period} г.)` : "ШНОР/ШНСУ",
      quality.title,
      success.title,
      vpr.title,
      kpk.title,
      "Выполнение плана",
    ]);
    const top = row;
    for (const name of schoolNames) {
      g.set(row, 1, name, { style: "text" });
      const st = status.byScope.get(name)?.value ?? null;
      const shnsu = registry.get(name)?.shnsu === true;
      const kinds = [...(st === true ? ["ШНОР"] : []), ...(shnsu ? ["ШНСУ"] : [])];
      g.set(row, 2, kinds.length ? kinds.join(", ") : st === null && status.period !== null ? NO_DATA : NO_VALUE, {
        style: "text",
      });
      [quality, success, vpr, kpk].forEach((c, i) => {
        const v = c.byScope.get(name);
        const col = 3 + i;
        if (!v) g.set(row, col, NO_VALUE, { style: "noData" });
        else if (typeof v.value === "number") {
          const style: CellStyle = v.met === true ? "met" : v.met === false ? "notMet" : "number";
          g.set(row, col, v.value, { style, numFmt: valueFormat(v.unit, v.value) });
        } else g.set(row, col, v.display, { style: "noData" });
      });
      g.set(row, 7, NO_VALUE, { style: "noData" });
      row++;
    }
    const bottom = row - 1;
    charts.push({
      id: "quality_by_school",
      kind: "bar",
      title: `Качество знаний по школам${quality.period ? `, ${quality.period}` : ""}, %`,
      categoriesRange: g.rangeRef(top, bottom, 1),
      valuesRange: g.rangeRef(top, bottom, 3),
    });
    const plan = municipal.find((v) => v.id === "plan_done_pct");
    g.line(
      row++,
      `Выполнение плана-графика по школам не определено (план один на проект)${plan ? `; по муниципалитету — ${plan.display} (${plan.period})` : ""}.`,
      "note",
      TABLE_COLUMNS,
    );
    row++;
  }

  // ФЛК summary per sheet.
  g.line(row++, "Проверка (ФЛК) по листам", "subtitle", TABLE_COLUMNS);
  g.header(row++, ["Лист", "Вид", "Строк", "Ошибок", "Предупреждений", "Замечаний"]);
  const bySheet = new Map<string, { errors: number; warnings: number; infos: number }>();
  for (const i of report.issues) {
    const c = bySheet.get(i.sheet) ?? { errors: 0, warnings: 0, infos: 0 };
    if (i.severity === "error") c.errors++;
    else if (i.severity === "warning") c.warnings++;
    else c.infos++;
    bySheet.set(i.sheet, c);
  }
  const flkTop = row;
  // Sverka's own sheets are not checked and not listed.
  const sheetRows: { name: string; kind: string; rows: number | string }[] = report.sheets
    .filter((sh) => sh.kind !== "sverka" || bySheet.has(sh.name))
    .map((sh) => ({ name: sh.name, kind: KIND_LABEL[sh.kind], rows: sh.kind === "sverka" ? NO_VALUE : sh.rows }));
  for (const name of bySheet.keys())
    if (!report.sheets.some((sh) => sh.name === name)) sheetRows.push({ name, kind: "нет листа", rows: NO_VALUE });
  for (const sh of sheetRows) {
    const c = bySheet.get(sh.name) ?? { errors: 0, warnings: 0, infos: 0 };
    g.set(row, 1, sh.name, { style: "text" });
    g.set(row, 2, sh.kind, { style: "text" });
    g.set(row, 3, sh.rows, { style: typeof sh.rows === "number" ? "number" : "noData" });
    g.set(row, 4, c.errors, { style: c.errors ? "error" : "number" });
    g.set(row, 5, c.warnings, { style: c.warnings ? "warning" : "number" });
    g.set(row, 6, c.infos, { style: "number" });
    row++;
  }
  g.set(row, 1, "Итого", { style: "total" });
  g.set(row, 2, null, { style: "total" });
  g.set(row, 3, null, { style: "total" });
  const totals = [s.errors, s.warnings, s.infos];
  totals.forEach((t, i) => {
    const col = 4 + i;
    g.set(row, col, t, {
      style: "total",
      ...(row > flkTop ? { formula: `SUM(${columnLetter(col)}${flkTop}:${columnLetter(col)}${row - 1})` } : {}),
    });
  });
  row += 2;
  g.line(
    row++,
    "«Факт»: «формула» — живая формула по листам данных и служебному скрытому листу «_sverka_calc», где отмечены строки, которые Сверка учла (неверные значения, повторы, фильтр ШНОР); при изменении чисел в этих строках факт пересчитывается. Цели, статусы и значения по школам — расчёт Сверки на дату обновления.",
    "note",
    TABLE_COLUMNS,
  );

  const dashboard: LayoutSheet = {
    name: DASHBOARD_SHEET,
    role: "dashboard",
    hidden: false,
    cells: g.cells,
    merges: g.merges,
    widths: [60, 14, 12, 16, 12, 15, 14, 13, 10, 44],
    frozenRows: 0,
    dataBars: g.dataBars,
  };
  return {
    sheets: formulas.calc ? [dashboard, formulas.calc] : [dashboard],
    definedNames,
    charts,
    facts,
    refreshedAt: input.refreshedAt,
  };
}
