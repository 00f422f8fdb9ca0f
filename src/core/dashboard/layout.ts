/**
 * The dashboard sheet as data (DOMAIN.md «Dashboard», issue 11): what an official reads at a
 * glance, then the details, printed on A4 landscape one page wide. Pure: a host renders it.
 *
 * From the top:
 * 1. Head block: the project, municipality and period, the dates, the ФЛК verdict (a link to
 *    «Отчёт ФЛК»), the live line «Целевые показатели: выполнено N из M» (COUNTIF over the status
 *    column of the indicator table) and the unmet ones named, live over the same column.
 * 2. Key cards: up to six headline indicators (ШНОР share, quality, ВПР, КПК of ШНОР teachers, plan
 *    execution …): fact, target, status, previous period and the change with an arrow, every
 *    number a reference to the indicator table; the change is coloured by whether it is good for
 *    that indicator (a falling ШНОР share is good).
 * 3. Charts (`ChartSpec`s anchored here): ШНОР share by year against its target line, quality by
 *    school year, the schools ranked by their share of «2» in the deciding procedures (ШНОР
 *    highlighted). Their series refer to cells of the chart-data block and the school table.
 * 4. All indicators, grouped by theme, one row each: the latest period's fact and the previous
 *    period's fact side by side, both live formulas named `sv_<id>_<period>`; a status formula
 *    where it reproduces the core; the change with an arrow. Facts of earlier periods and the
 *    «Расчёт» notes (formula or why a value) are on the hidden helper sheet.
 * 5. Schools sorted by risk (ШНОР first, then by share of «2»), traffic-light styles.
 * 6. The ФЛК summary per sheet.
 *
 * Region scale: every formula added here is a reference, a difference, one IF over a fact cell
 * or one COUNTIF over the status column; per-school figures are the core's values.
 */
import { traceIndicators, type UseLog } from "../indicators/engine";
import type { IndicatorValue } from "../indicators/types";
import { a1, columnLetter, quoteSheetName } from "../model/address";
import type { IsoDate } from "../model/dates";
import type { WorkbookData } from "../model/sheet";
import type { MonitoringData } from "../monitoring/model";
import { shnorStatuses } from "../monitoring/shnor";
import { SVERKA_SHEETS } from "../sheets/planSheets";
import type { Template } from "../template/schema";
import type { FileReport, SheetKind } from "../validate";
import { summaryText } from "./flkReport";
import { buildFactFormulas, CALC_SHEET, factKey, type FactFormula } from "./formulas";
import { baseName, deltaFormat, fitRowHeights, Grid, ruDate, valueFormat } from "./grid";
import { landscapePrint } from "./print";
import { lowSharesByYear, shnorBasis } from "./schools";
import { NO_DATA, STATUS_MET, STATUS_NOT_MET, statusFormula, statusOf } from "./status";
import {
  changeIsGood,
  HEADLINE_IDS,
  indicatorRows,
  municipalTargets,
  periodSeries,
  targetSummary,
  THEME_TITLES,
  type IndicatorRow,
} from "./summary";
import type { CellStyle, ChartSpec, DefinedName, FactCell, LayoutSheet } from "./types";

export { CALC_SHEET } from "./formulas";
export { valueFormat } from "./grid";
export const DASHBOARD_SHEET = SVERKA_SHEETS[0];

export interface DashboardInput {
  template: Template;
  /** The check's file report (the ФЛК verdict and summary per sheet). */
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
  uses?: UseLog;
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
const QUALITY_COLOR = "FF5B9BD5";
const TARGET_COLOR = "FFC00000";
const SHNOR_COLOR = "FFC0504D";
const OTHER_COLOR = "FF5B9BD5";
const MAX_CARDS = 6;
/** The ranking chart shows at most this many schools (the riskiest; a region has 2,000). */
const MAX_RANKED = 30;
/** A school's share of «2» from which it is a risk (the seed's threshold of a low result), and a warning. */
const LOW_PCT = 30;
const WARN_PCT = 15;

/** The longest card title shown in bold (column A's width in bold 12 pt). */
const CARD_TITLE_MAX = 36;

/** Column widths of the dashboard, in characters (Russian headers wrap within them). */
const WIDTHS = [46, 12, 13, 12, 13, 14, 14, 15, 14];
const COLS = WIDTHS.length;
const COL = {
  title: 1,
  unit: 2,
  target: 3,
  period: 4,
  fact: 5,
  status: 6,
  prevPeriod: 7,
  previous: 8,
  delta: 9,
} as const;

/** The defined name of a municipal fact: `sv_quality_pct_2022_2023`. */
export function factName(id: string, period: string): string {
  return `sv_${id}_${period}`.replace(/[^A-Za-z0-9_]/g, "_");
}

/** `+0.0" п.п."` with an arrow: «▲ +6,9 п.п.», «▼ −0,6 п.п.». */
export function arrowFormat(unit: string, value: number): string {
  const [up, down, zero] = deltaFormat(unit, value).split(";");
  return `"▲ "${up};"▼ "${down.replace(/^-/, '"−"')};${zero}`;
}

function numberStyle(met: boolean | null | undefined): CellStyle {
  return met === true ? "met" : met === false ? "notMet" : "number";
}

function changeStyle(row: IndicatorRow): CellStyle {
  const good = changeIsGood(row.better, row.latest.delta);
  return good === true ? "met" : good === false ? "notMet" : "number";
}

/**
 * «Доля ШНОР, 2022 (цель ≤ 20 %)». No fact: the live formula of row 6 can only concatenate cell
 * texts, and a number's display («34,5 %») depends on the host's locale in TEXT(); the fact is in
 * the cards and the table right below.
 */
function unmetText(r: IndicatorRow): string {
  return `${r.latest.title}, ${r.latest.period}${r.latest.target ? ` (цель ${r.latest.target})` : ""}`;
}

/** Excel's limits on a formula's length and on a cell's text, in characters. */
const FORMULA_MAX = 8192;
const CELL_TEXT_MAX = 32767;
const ALL_MET_TEXT = "Все оценённые целевые показатели выполнены.";
const NONE_ASSESSED_TEXT = "Ни один целевой показатель не удалось сопоставить с целью (нет данных или цели).";

/**
 * Row 6 «Не выполнены: …», live over the status column like row 5: one term per table row, naming
 * it when its status reads «не выполнено». Titles, periods and targets are referenced cells, never
 * string literals (templates are user-importable, their text must not become formula text). Each
 * term starts with «; » and MID drops the first one, so the result equals `unmetText`'s join.
 * The target is static (not a formula), so whether a term mentions it is decided here.
 */
function unmetLine(
  rows: readonly IndicatorRow[],
  tableRowOf: ReadonlyMap<string, number>,
  statusRange: string,
  summary: ReturnType<typeof targetSummary>,
): { text: string; formula?: string } {
  const text = summary.unmet.length
    ? `Не выполнены: ${summary.unmet.map(unmetText).join("; ")}.`
    : summary.assessed.length
      ? ALL_MET_TEXT
      : NONE_ASSESSED_TEXT;
  if (!rows.length) return { text };
  const terms = rows.map((r) => {
    const t = tableRowOf.get(r.id)!;
    const target = r.latest.target ? `&" (цель "&${a1(t, COL.target)}&")"` : "";
    return `IF(${a1(t, COL.status)}="${STATUS_NOT_MET}","; "&${a1(t, COL.title)}&", "&${a1(t, COL.period)}${target},"")`;
  });
  const count = (status: string) => `COUNTIF(${statusRange},"${status}")`;
  const formula =
    `IF(${count(STATUS_NOT_MET)}=0,IF(${count(STATUS_MET)}>0,"${ALL_MET_TEXT}","${NONE_ASSESSED_TEXT}"),` +
    `"Не выполнены: "&MID(${terms.join("&")},3,${CELL_TEXT_MAX})&".")`;
  // A huge template (hundreds of indicators) would pass Excel's limit: the line stays static text.
  return formula.length < FORMULA_MAX ? { text, formula } : { text };
}

const KIND_LABEL: Record<SheetKind, string> = {
  plan: "план-график",
  monitoring: "мониторинг",
  sverka: "лист Сверки",
  other: "не распознан",
};

/** Where a fact cell is, for formulas on the dashboard (local A1) and elsewhere (absolute, quoted). */
interface FactPlace {
  sheet: string;
  row: number;
  col: number;
  value: IndicatorValue;
}

function localRef(p: FactPlace): string {
  return p.sheet === DASHBOARD_SHEET ? a1(p.row, p.col) : `${quoteSheetName(p.sheet)}!$${columnLetter(p.col)}$${p.row}`;
}

export function renderDashboard(input: DashboardInput): DashboardLayout {
  const { template, report, monitoring } = input;
  const g = new Grid(DASHBOARD_SHEET);
  const facts: FactCell[] = [];
  const definedNames: DefinedName[] = [];
  const charts: ChartSpec[] = [];

  // Which records each municipal value used: the helper sheet of the formulas.
  const uses = input.uses ?? traceIndicators(template, monitoring, { asOf: input.asOf }).uses;
  const municipal = input.indicators.filter((v) => v.scope === MUNICIPALITY);
  const formulas = buildFactFormulas({
    template,
    monitoring,
    values: municipal,
    uses,
    workbook: input.workbook,
  });
  const formulaOf = (v: IndicatorValue): FactFormula =>
    formulas.facts.get(factKey(v.id, v.period)) ?? { reason: "значение" };
  const rows = indicatorRows(template, input.indicators);
  const summary = targetSummary(rows);
  const cards = [
    ...HEADLINE_IDS.map((id) => rows.find((r) => r.id === id)).filter((r): r is IndicatorRow => r !== undefined),
    ...rows.filter((r) => !HEADLINE_IDS.includes(r.id) && r.latest.met !== null),
  ].slice(0, MAX_CARDS);

  // Chart data: ШНОР share and quality by period (every period, oldest first).
  const shnorData = periodSeries(template, municipal, "shnor_share");
  const shnorSeries = shnorData.values;
  const qualitySeries = periodSeries(template, municipal, "quality_pct").values;
  const chartDataRows = Math.max(shnorSeries.length, qualitySeries.length);

  // Schools, sorted by risk.
  const schoolTable = schoolRows(input);

  // Row plan: head 1–6, cards, charts, chart data, indicator table, schools, ФЛК.
  const HEAD_ROWS = 6;
  const cardsTop = HEAD_ROWS + 2; // subtitle; header below it
  const chartsTop = cardsTop + 2 + cards.length + 1;
  const CHART_ROWS = 17;
  const rankRows = schoolTable.rows.length ? Math.min(schoolTable.rows.length, MAX_RANKED) + 6 : 0;
  const chartsBottom = chartsTop + CHART_ROWS + (rankRows ? rankRows + 1 : 0);
  const dataTop = chartsBottom + 1;
  const tableTop = chartDataRows ? dataTop + 2 + chartDataRows + 1 : dataTop;

  // 4. The indicator table (planned first: the head and the cards refer to it).
  let row = tableTop;
  g.line(row++, "Все показатели проекта по муниципалитету", "subtitle", COLS);
  const tableHeader = row;
  g.header(row++, [
    "Показатель",
    "Ед.",
    "Цель",
    "Период",
    "Факт",
    "Статус",
    "Прошлый период",
    "Факт прошлого периода",
    "Динамика",
  ]);
  const places = new Map<string, FactPlace>();
  const tableRowOf = new Map<string, number>();
  let theme: IndicatorRow["theme"] | null = null;
  const older: IndicatorValue[] = [];
  for (const r of rows) {
    if (r.theme !== theme) {
      theme = r.theme;
      g.line(row++, THEME_TITLES[theme], "total", COLS);
    }
    const t = row++;
    tableRowOf.set(r.id, t);
    const v = r.latest;
    g.set(t, COL.title, v.title, { style: "text" });
    g.set(t, COL.unit, v.unit, { style: "text" });
    g.set(t, COL.target, v.target ?? NO_VALUE, {
      style: v.target === null ? "noData" : "text",
    });
    g.set(t, COL.period, v.period, { style: "text" });
    const status = statusOf(v);
    writeFact(g, t, COL.fact, v, formulaOf(v), status.style === "noData" ? "number" : status.style);
    places.set(factKey(v.id, v.period), {
      sheet: DASHBOARD_SHEET,
      row: t,
      col: COL.fact,
      value: v,
    });
    const prev = r.previous;
    if (prev) {
      g.set(t, COL.prevPeriod, prev.period, { style: "text" });
      writeFact(g, t, COL.previous, prev, formulaOf(prev), "number");
      places.set(factKey(prev.id, prev.period), {
        sheet: DASHBOARD_SHEET,
        row: t,
        col: COL.previous,
        value: prev,
      });
    } else {
      g.set(t, COL.prevPeriod, NO_VALUE, { style: "noData" });
      g.set(t, COL.previous, NO_VALUE, { style: "noData" });
    }
    const sf = statusFormula(
      v,
      municipalTargets(r.spec, v.period),
      a1(t, COL.fact),
      prev ? { ref: a1(t, COL.previous), value: prev.value } : null,
    );
    g.set(t, COL.status, status.text, {
      style: status.style,
      ...(sf ? { formula: sf } : {}),
    });
    const delta = v.delta ?? null;
    if (typeof delta === "number" && prev && typeof v.value === "number" && typeof prev.value === "number")
      g.set(t, COL.delta, delta, {
        style: changeStyle(r),
        numFmt: arrowFormat(v.unit, delta),
        formula: `${a1(t, COL.fact)}-${a1(t, COL.previous)}`,
      });
    else if (typeof delta === "number")
      g.set(t, COL.delta, delta, {
        style: changeStyle(r),
        numFmt: arrowFormat(v.unit, delta),
      });
    else g.set(t, COL.delta, NO_VALUE, { style: "noData" });
    older.push(...r.older);
  }
  if (!rows.length) g.line(row++, "Показателей по муниципалитету нет.", "noData", COLS);
  const tableBottom = row - 1;
  row++;

  // Earlier periods and the «Расчёт» of every fact: on the helper sheet.
  const calc = factsOnCalc(formulas.calc, rows, older, places, formulaOf);
  for (const [, p] of [...places].sort((a, b) =>
    a[1].sheet === b[1].sheet ? a[1].row - b[1].row : a[1].sheet === DASHBOARD_SHEET ? -1 : 1,
  )) {
    const f = formulaOf(p.value);
    const sheetRef = `${quoteSheetName(p.sheet)}!$${columnLetter(p.col)}$${p.row}`;
    definedNames.push({
      name: factName(p.value.id, p.value.period),
      ref: sheetRef,
    });
    facts.push({
      id: p.value.id,
      period: p.value.period,
      sheet: p.sheet,
      address: a1(p.row, p.col),
      value: p.value.value,
      formula: f.formula !== undefined,
      ...(f.formula ? {} : { reason: f.reason ?? "значение" }),
    });
  }

  // 1. Head block.
  g.line(1, template.title, "title", COLS);
  const place = template.municipality ? `${template.municipality}. ` : "";
  g.line(2, `${place}Период проекта: ${ruDate(template.period.start)} – ${ruDate(template.period.end)}`, "info", COLS);
  g.line(3, `Отчётная дата: ${ruDate(input.asOf)}. Дашборд обновлён: ${ruDate(input.refreshedAt)}.`, "info", COLS);
  g.line(
    4,
    `Проверка данных (ФЛК): ${summaryText(report.summary)} — подробно на листе «${SVERKA_SHEETS[1]}» (файл «${baseName(report.file)}», шаблон ${report.template}).`,
    "link",
    COLS,
    `${quoteSheetName(SVERKA_SHEETS[1])}!A1`,
  );
  const statusRange = `${columnLetter(COL.status)}${tableHeader + 1}:${columnLetter(COL.status)}${Math.max(tableBottom, tableHeader + 1)}`;
  const metCount = `COUNTIF(${statusRange},"${STATUS_MET}")`;
  g.merged(5, 1, COLS, `Целевые показатели: выполнено ${summary.met.length} из ${summary.assessed.length}`, {
    style: summary.unmet.length ? "notMet" : "met",
    formula: `"Целевые показатели: выполнено "&${metCount}&" из "&(${metCount}+COUNTIF(${statusRange},"${STATUS_NOT_MET}"))`,
  });
  const unmet = unmetLine(rows, tableRowOf, statusRange, summary);
  // «warning» wraps in every host; the list can be long. The style is today's verdict (styles are not live).
  g.merged(6, 1, COLS, unmet.text, {
    style: summary.unmet.length ? "warning" : "info",
    ...(unmet.formula ? { formula: unmet.formula } : {}),
  });

  // 2. Key cards.
  if (cards.length) {
    g.line(cardsTop, "Ключевые показатели", "subtitle", COLS);
    g.header(cardsTop + 1, ["Показатель"]);
    g.merged(cardsTop + 1, 2, 2, "Факт", { style: "header" });
    g.header(cardsTop + 1, ["Цель", "Статус", "Прошлый период", "Факт прошлого периода", "Динамика"], 4);
    cards.forEach((r, i) => {
      const c = cardsTop + 2 + i;
      const t = tableRowOf.get(r.id)!;
      const v = r.latest;
      const status = statusOf(v);
      const ref = (col: number) => a1(t, col);
      // A bold card title that does not fit its column would be cut: a long one is plain, wrapped text.
      const title = `${v.title}, ${v.period}`;
      g.set(c, 1, title, { style: title.length <= CARD_TITLE_MAX ? "subtitle" : "text" });
      g.merged(c, 2, 2, typeof v.value === "number" ? v.value : v.display, {
        style: typeof v.value === "number" ? numberStyle(v.met) : "noData",
        formula: ref(COL.fact),
        ...(typeof v.value === "number" ? { numFmt: valueFormat(v.unit, v.value) } : {}),
      });
      g.set(c, 4, v.target ?? NO_VALUE, {
        style: v.target === null ? "noData" : "text",
      });
      g.set(c, 5, status.text, {
        style: status.style,
        formula: ref(COL.status),
      });
      const prev = r.previous;
      g.set(c, 6, prev ? prev.period : NO_VALUE, {
        style: prev ? "text" : "noData",
      });
      const prevValue = prev && typeof prev.value === "number" ? prev.value : (prev?.display ?? NO_VALUE);
      g.set(c, 7, prevValue, {
        style: typeof prevValue === "number" ? "number" : "noData",
        formula: ref(COL.previous),
        ...(typeof prevValue === "number" ? { numFmt: valueFormat(v.unit, prevValue) } : {}),
      });
      const delta = typeof v.delta === "number" ? v.delta : NO_VALUE;
      g.set(c, 8, delta, {
        style: typeof delta === "number" ? changeStyle(r) : "noData",
        formula: ref(COL.delta),
        ...(typeof delta === "number" ? { numFmt: arrowFormat(v.unit, delta) } : {}),
      });
    });
  }

  // 3. Charts and their data.
  const chartAnchor = (top: number, left: number, bottom: number, right: number) => ({
    sheet: DASHBOARD_SHEET,
    range: { top, left, bottom, right },
  });
  if (chartDataRows) {
    g.line(dataTop, "Данные диаграмм", "subtitle", COLS);
    const head = dataTop + 1;
    const first = head + 1;
    /**
     * A series by period in the chart-data block from column `col` (period, value as a reference
     * to its fact, and the target beside it when given) and its column chart over those cells.
     */
    const periodChart = (o: {
      id: string;
      title: string;
      series: readonly IndicatorValue[];
      col: number;
      headers: string[];
      name: string;
      color: string;
      target?: { values: (number | null)[] };
      columns: [number, number];
    }) => {
      g.header(head, o.headers, o.col);
      o.series.forEach((v, i) => {
        const r = first + i;
        const p = places.get(factKey(v.id, v.period));
        g.set(r, o.col, v.period, { style: "text" });
        g.set(r, o.col + 1, v.value as number, {
          style: "number",
          numFmt: valueFormat("%", v.value as number),
          ...(p ? { formula: localRef(p) } : {}),
        });
        if (o.target) {
          const t = o.target.values[i];
          g.set(
            r,
            o.col + 2,
            t ?? NO_VALUE,
            t !== null ? { style: "number", numFmt: valueFormat("%", t) } : { style: "noData" },
          );
        }
      });
      const last = first + o.series.length - 1;
      const target = o.target;
      const hasTarget = target !== undefined && target.values.some((t) => t !== null);
      charts.push({
        id: o.id,
        kind: "column",
        title: o.title,
        categoriesRange: g.rangeRef(first, last, o.col),
        valuesRange: g.rangeRef(first, last, o.col + 1),
        categories: o.series.map((v) => v.period),
        series: [
          {
            name: o.name,
            valuesRange: g.rangeRef(first, last, o.col + 1),
            values: o.series.map((v) => v.value as number),
            color: o.color,
          },
          ...(hasTarget
            ? [
                {
                  name: "Цель",
                  valuesRange: g.rangeRef(first, last, o.col + 2),
                  values: target.values,
                  color: TARGET_COLOR,
                  asLine: true,
                },
              ]
            : []),
        ],
        numFmt: valueFormat("%", 0),
        axisMin: 0,
        anchor: chartAnchor(chartsTop, o.columns[0], chartsTop + CHART_ROWS - 1, o.columns[1]),
      });
    };
    if (shnorSeries.length)
      periodChart({
        id: "shnor_share_by_year",
        title: "Доля ШНОР по годам, %",
        series: shnorSeries,
        col: 1,
        headers: ["Год", "Доля ШНОР, %", "Цель, %"],
        name: "Доля ШНОР",
        color: SHNOR_COLOR,
        target: { values: shnorData.targets },
        columns: [1, 2],
      });
    if (qualitySeries.length)
      periodChart({
        id: "quality_by_year",
        title: "Качество знаний по учебным годам, %",
        series: qualitySeries,
        col: 5,
        headers: ["Учебный год", "Качество знаний, %"],
        name: "Качество знаний",
        color: QUALITY_COLOR,
        columns: [3, COLS],
      });
  }

  // 5. Schools, sorted by risk.
  row = tableBottom + 2;
  if (schoolTable.rows.length) {
    const { year } = schoolTable;
    g.line(row++, "Школы: риск и показатели (ШНОР первыми, затем по доле «2»)", "subtitle", COLS);
    const header = row++;
    g.header(header, [
      "ОО",
      year !== null ? `ШНОР/ШНСУ (ШНОР по итогам ${year} г.)` : "ШНОР/ШНСУ",
      year !== null ? `Доля «2» в решающих процедурах ${year} г., %` : "Доля «2», %",
      ...schoolTable.columns.map((c) => c.title),
    ]);
    const top = row;
    for (const s of schoolTable.rows) {
      g.set(row, 1, s.name, { style: s.shnor ? "notMet" : "text" });
      const kinds = [...(s.shnor ? ["ШНОР"] : []), ...(s.shnsu ? ["ШНСУ"] : [])];
      g.set(row, 2, kinds.length ? kinds.join(", ") : s.shnor === null && year !== null ? NO_DATA : NO_VALUE, {
        style: s.shnor ? "notMet" : s.shnsu ? "warning" : "text",
      });
      if (s.lowPct === null) g.set(row, 3, NO_VALUE, { style: "noData" });
      else
        g.set(row, 3, s.lowPct, {
          style: s.lowPct >= LOW_PCT ? "notMet" : s.lowPct >= WARN_PCT ? "warning" : "met",
          numFmt: valueFormat("%", s.lowPct),
        });
      schoolTable.columns.forEach((c, i) => {
        const v = c.byScope.get(s.name);
        const col = 4 + i;
        if (!v) g.set(row, col, NO_VALUE, { style: "noData" });
        else if (typeof v.value === "number")
          g.set(row, col, v.value, {
            style: numberStyle(v.met),
            numFmt: valueFormat(v.unit, v.value),
          });
        else g.set(row, col, v.display, { style: "noData" });
      });
      row++;
    }
    const ranked = schoolTable.rows.slice(0, MAX_RANKED);
    const rankedBottom = top + ranked.length - 1;
    if (ranked.some((s) => s.lowPct !== null)) {
      const rankTop = chartsTop + CHART_ROWS + 1;
      charts.push({
        id: "schools_by_low_share",
        kind: "bar",
        title: `${schoolTable.rows.length > MAX_RANKED ? `${MAX_RANKED} школ с наибольшим риском` : "Школы"}: доля «2» в решающих процедурах${year !== null ? ` ${year} г.` : ""}, % (ШНОР выделены)`,
        categoriesRange: g.rangeRef(top, rankedBottom, 1),
        valuesRange: g.rangeRef(top, rankedBottom, 3),
        categories: ranked.map((s) => s.name),
        series: [
          {
            name: "Доля «2», %",
            valuesRange: g.rangeRef(top, rankedBottom, 3),
            values: ranked.map((s) => s.lowPct),
            color: OTHER_COLOR,
            pointColors: ranked.map((s) => (s.shnor ? SHNOR_COLOR : OTHER_COLOR)),
          },
        ],
        numFmt: valueFormat("%", 0),
        axisMin: 0,
        anchor: chartAnchor(rankTop, 1, rankTop + rankRows - 1, COLS),
      });
    }
    const plan = municipal.find((v) => v.id === "plan_done_pct");
    g.line(
      row++,
      `Выполнение плана-графика по школам не определено (план один на проект)${plan ? `; по муниципалитету — ${plan.display} (${plan.period})` : ""}. Доля «2» от ${LOW_PCT} % — низкий результат (красный), от ${WARN_PCT} % — внимание (жёлтый).`,
      "note",
      COLS,
    );
    row++;
  }
  if (charts.length) g.line(chartsTop - 1, "Диаграммы", "subtitle", COLS);

  // 6. ФЛК summary per sheet.
  row = flkSummary(g, report, row);
  row++;
  const noFormula = facts.filter((f) => !f.formula);
  g.line(
    row++,
    `Все числа дашборда — живые формулы: факты считаются по листам данных и служебному скрытому листу «${CALC_SHEET}» (там же значения прошлых периодов и столбец «Расчёт»), статус и динамика — по фактам, ${unmet.formula ? "строки «выполнено N из M» и «Не выполнены: …»" : "строка «выполнено N из M»"} — по столбцу «Статус».${noFormula.length && !calc ? ` Без формулы (значение Сверки): ${noFormula.map((f) => `${f.id} ${f.period} — ${f.reason}`).join("; ")}.` : ""} Цели и значения по школам — расчёт Сверки на дату обновления.`,
    "note",
    COLS,
  );
  const last = row - 1;

  const cells = [...g.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const dashboard: LayoutSheet = {
    name: DASHBOARD_SHEET,
    role: "dashboard",
    hidden: false,
    cells,
    merges: g.merges,
    widths: WIDTHS,
    frozenRows: 0,
    dataBars: g.dataBars,
    rowHeights: fitRowHeights(cells, g.merges, WIDTHS),
    print: landscapePrint({
      area: { top: 1, left: 1, bottom: last, right: COLS },
      titleRows: { from: 1, to: 1 },
      project: template.title,
      place: template.municipality,
      asOf: input.asOf,
      refreshedAt: input.refreshedAt,
    }),
  };
  return {
    sheets: calc ? [dashboard, calc] : [dashboard],
    definedNames,
    charts,
    facts,
    refreshedAt: input.refreshedAt,
  };
}

/** A fact cell: the core's value, with its live formula when there is one. */
function writeFact(g: Grid, row: number, col: number, v: IndicatorValue, f: FactFormula, style: CellStyle): void {
  if (typeof v.value === "number")
    g.set(row, col, v.value, {
      style,
      numFmt: valueFormat(v.unit, v.value),
      ...(f.formula ? { formula: f.formula } : {}),
    });
  else g.set(row, col, v.display, { style: "noData" });
}

/**
 * The facts block of the helper sheet, right of its helper columns: every municipal fact with its
 * period, the cell that holds it and «Расчёт» (formula, or why a value); facts of periods before
 * the previous one are written here (the dashboard shows two periods). Null when there is no
 * helper sheet and nothing to put on one.
 */
function factsOnCalc(
  base: LayoutSheet | null,
  rows: readonly IndicatorRow[],
  older: readonly IndicatorValue[],
  places: Map<string, FactPlace>,
  formulaOf: (v: IndicatorValue) => FactFormula,
): LayoutSheet | null {
  if (!base && !older.length) return null;
  const sheet: LayoutSheet = base
    ? { ...base, cells: [...base.cells], widths: [...base.widths] }
    : {
        name: CALC_SHEET,
        role: "calc",
        hidden: true,
        cells: [],
        merges: [],
        widths: [],
        frozenRows: 1,
        dataBars: [],
      };
  const start = sheet.cells.reduce((m, c) => Math.max(m, c.col), 0) + 2;
  const titles = ["Показатель", "Период", "Факт", "Ячейка", "Расчёт"];
  titles.forEach((t, i) => sheet.cells.push({ row: 1, col: start + i, value: t, style: "header" }));
  const widths = [40, 12, 14, 14, 60];
  widths.forEach((w, i) => (sheet.widths[start + i - 1] = w));
  const values = [...rows.flatMap((r) => [r.latest, ...(r.previous ? [r.previous] : [])]), ...older];
  values.forEach((v, i) => {
    const r = 2 + i;
    const f = formulaOf(v);
    let p = places.get(factKey(v.id, v.period));
    sheet.cells.push({ row: r, col: start, value: v.title, style: "text" });
    sheet.cells.push({
      row: r,
      col: start + 1,
      value: v.period,
      style: "text",
    });
    if (!p) {
      p = { sheet: CALC_SHEET, row: r, col: start + 2, value: v };
      places.set(factKey(v.id, v.period), p);
      if (typeof v.value === "number")
        sheet.cells.push({
          row: r,
          col: start + 2,
          value: v.value,
          style: "number",
          numFmt: valueFormat(v.unit, v.value),
          ...(f.formula ? { formula: f.formula } : {}),
        });
      else
        sheet.cells.push({
          row: r,
          col: start + 2,
          value: v.display,
          style: "noData",
        });
    } else {
      const ref = `${quoteSheetName(p.sheet)}!$${columnLetter(p.col)}$${p.row}`;
      sheet.cells.push({
        row: r,
        col: start + 2,
        value: typeof v.value === "number" ? v.value : v.display,
        style: typeof v.value === "number" ? "number" : "noData",
        formula: ref,
        ...(typeof v.value === "number" ? { numFmt: valueFormat(v.unit, v.value) } : {}),
      });
    }
    sheet.cells.push({
      row: r,
      col: start + 3,
      value: `${p.sheet}!${a1(p.row, p.col)}`,
      style: "text",
    });
    sheet.cells.push({
      row: r,
      col: start + 4,
      value: f.formula ? "формула" : (f.reason ?? "значение"),
      style: "note",
    });
  });
  return sheet;
}

interface SchoolColumn {
  title: string;
  byScope: Map<string, IndicatorValue>;
}

/**
 * Per-school values of the given ids, each of its latest period, by school name: one pass over all
 * the values (tens of thousands at region scale), not two per id. A value's id is looked up once
 * per run of values of that id (they come by declaration).
 */
function schoolColumns(
  values: readonly IndicatorValue[],
  columns: readonly { id: string; title: string }[],
): (SchoolColumn & { period: string | null })[] {
  const byId = new Map(
    columns.map((c) => [c.id, { period: null as string | null, byScope: new Map<string, IndicatorValue>() }]),
  );
  let lastId: string | undefined;
  let entry: { period: string | null; byScope: Map<string, IndicatorValue> } | undefined;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v.id !== lastId) {
      lastId = v.id;
      entry = byId.get(v.id);
    }
    if (!entry || v.scope === MUNICIPALITY) continue;
    // A later period starts the column afresh: only the latest period's values are kept.
    if (entry.period === null || v.period > entry.period) {
      entry.period = v.period;
      entry.byScope = new Map();
    }
    if (v.period === entry.period) entry.byScope.set(v.scope, v);
  }
  return columns.map(({ id, title }) => {
    const { period, byScope } = byId.get(id)!;
    return { title: period ? `${title} (${period})` : title, byScope, period };
  });
}

interface SchoolRow {
  name: string;
  shnor: boolean | null;
  shnsu: boolean;
  lowPct: number | null;
}

/** The school table: registry order, then sorted by risk (ШНОР first, then share of «2», descending). */
function schoolRows(input: DashboardInput): {
  year: number | null;
  rows: SchoolRow[];
  columns: SchoolColumn[];
} {
  const { monitoring, template } = input;
  const [status, ...columns] = schoolColumns(input.indicators, [
    { id: "shnor_status", title: "" },
    { id: "quality_pct", title: "Качество знаний, %" },
    { id: "success_pct", title: "Успеваемость, %" },
    { id: "vpr_coped_pct", title: "ВПР: справились, %" },
    { id: "kpk_per_school", title: "КПК не менее 32 ч, чел." },
  ]);
  const { year, procedures } = shnorBasis(template, input.indicators, monitoring);
  const shares = year !== null ? lowSharesByYear(monitoring, year, procedures) : new Map();
  const registry = monitoring.schools.length
    ? monitoring.schools.map((s) => ({
        name: s.name,
        key: s.key,
        shnsu: s.shnsu === true,
      }))
    : [
        ...new Set(
          input.indicators.filter((v) => v.scope !== MUNICIPALITY && v.id !== "low_result").map((v) => v.scope),
        ),
      ].map((name) => ({ name, key: "", shnsu: false }));
  // Without a per-school status value, the status of the year from «Процедуры» (or the registry).
  const computed =
    status.byScope.size === 0 && year !== null && monitoring.schools.length
      ? new Map(shnorStatuses(monitoring, year, procedures).map((s) => [s.school, s.status]))
      : null;
  const rows: SchoolRow[] = registry.map((s) => {
    const st = status.byScope.get(s.name)?.value;
    const share = s.key ? shares.get(s.key) : undefined;
    return {
      name: s.name,
      shnor: typeof st === "boolean" ? st : (computed?.get(s.name) ?? null),
      shnsu: s.shnsu,
      lowPct: share ? share.pct : null,
    };
  });
  const rank = (s: SchoolRow) => (s.shnor ? 0 : 1);
  const ordered = rows
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || (b.s.lowPct ?? -1) - (a.s.lowPct ?? -1) || a.i - b.i)
    .map((x) => x.s);
  return { year, rows: ordered, columns };
}

/** «Проверка (ФЛК) по листам» with a live total; returns the next free row. */
function flkSummary(g: Grid, report: FileReport, start: number): number {
  let row = start;
  g.line(row++, "Проверка (ФЛК) по листам", "subtitle", COLS);
  g.header(row++, ["Лист", "Вид", "Строк", "Ошибок", "Предупреждений", "Замечаний"]);
  const bySheet = new Map<string, { errors: number; warnings: number; infos: number }>();
  for (const i of report.issues) {
    const c = bySheet.get(i.sheet) ?? { errors: 0, warnings: 0, infos: 0 };
    if (i.severity === "error") c.errors++;
    else if (i.severity === "warning") c.warnings++;
    else c.infos++;
    bySheet.set(i.sheet, c);
  }
  const top = row;
  // Sverka's own sheets are not checked and not listed.
  const sheetRows: { name: string; kind: string; rows: number | string }[] = report.sheets
    .filter((sh) => sh.kind !== "sverka" || bySheet.has(sh.name))
    .map((sh) => ({
      name: sh.name,
      kind: KIND_LABEL[sh.kind],
      rows: sh.kind === "sverka" ? NO_VALUE : sh.rows,
    }));
  for (const name of bySheet.keys())
    if (!report.sheets.some((sh) => sh.name === name)) sheetRows.push({ name, kind: "нет листа", rows: NO_VALUE });
  for (const sh of sheetRows) {
    const c = bySheet.get(sh.name) ?? { errors: 0, warnings: 0, infos: 0 };
    g.set(row, 1, sh.name, { style: "text" });
    g.set(row, 2, sh.kind, { style: "text" });
    g.set(row, 3, sh.rows, {
      style: typeof sh.rows === "number" ? "number" : "noData",
    });
    g.set(row, 4, c.errors, { style: c.errors ? "error" : "number" });
    g.set(row, 5, c.warnings, { style: c.warnings ? "warning" : "number" });
    g.set(row, 6, c.infos, { style: "number" });
    row++;
  }
  g.set(row, 1, "Итого", { style: "total" });
  g.set(row, 2, null, { style: "total" });
  g.set(row, 3, null, { style: "total" });
  const s = report.summary;
  [s.errors, s.warnings, s.infos].forEach((t, i) => {
    const col = 4 + i;
    g.set(row, col, t, {
      style: "total",
      ...(row > top
        ? {
            formula: `SUM(${columnLetter(col)}${top}:${columnLetter(col)}${row - 1})`,
          }
        : {}),
    });
  });
  return row + 2;
}
