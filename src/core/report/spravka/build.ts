/**
 * «Аналитическая справка по итогам мониторинга реализации муниципального проекта «…»» as data
 * (DOMAIN.md «The справка», issue 11): the header; 1. the check of the data (verdict, counts, issues
 * by rule with their first locations); 2. the targets (a table with the latest and previous period
 * and the change) and a chart of the ШНОР share against its target; 3. the ШНОР list of the latest
 * year with the reason for each school (which deciding procedures were low in which years);
 * 4. conclusions written from the figures. Pure: `src/hosts/docx/` renders it.
 */
import { summaryText } from "../../dashboard/flkReport";
import { baseName } from "../../dashboard/grid";
import { shnorBasis } from "../../dashboard/schools";
import { statusOf } from "../../dashboard/status";
import {
  changeIsGood,
  HEADLINE_IDS,
  indicatorRows,
  periodSeries,
  targetSummary,
  THEME_TITLES,
  type IndicatorRow,
} from "../../dashboard/summary";
import type { IndicatorValue } from "../../indicators/types";
import type { IsoDate } from "../../model/dates";
import type { MonitoringData } from "../../monitoring/model";
import { describeLow, shnorStatuses, type ShnorStatus } from "../../monitoring/shnor";
import type { Template } from "../../template/schema";
import type { FileReport } from "../../validate";
import { ISSUE_TYPES, type Issue, type IssueCode, type Severity } from "../issue";
import { plural, ruAmount, ruDelta, ruValue } from "./format";
import type { Block, Chart, SpravkaDocument, TableCell, Tone } from "./types";

export interface SpravkaInput {
  template: Template;
  /** The check's file report. */
  report: FileReport;
  /** All indicator values (municipal and per school). */
  indicators: readonly IndicatorValue[];
  monitoring: MonitoringData;
  /** The report date of the check and the indicators. */
  asOf: IsoDate;
  /** The date of the справка (default: `asOf`). */
  date?: IsoDate;
  /** How many locations each rule lists (default 3). */
  locations?: number;
}

const NO_VALUE = "—";
const SEVERITY_TEXT: Record<Severity, string> = { error: "ошибка", warning: "предупреждение", info: "замечание" };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SHNOR_COLOR = "C0504D";
const TARGET_COLOR = "1F3864";

function ruDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** «Эффективная школа» from the template's full title, else the full title. */
export function projectName(template: Template): string {
  const m = /«([^«»]+(?:«[^«»]*»[^«»]*)*)»/.exec(template.title);
  return m ? m[1].trim() : template.title;
}

function para(text: string, extra: Partial<Omit<Extract<Block, { kind: "paragraph" }>, "kind" | "text">> = {}): Block {
  return { kind: "paragraph", text, ...extra };
}

/** «2022», «2022/2023», «31.12.2023» (a report date). */
function periodLabel(p: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(p) ? ruDate(p) : p;
}

/** «в 2022 г.», «в 2022/2023 уч. г.», «на 31.12.2023». */
function inPeriod(p: string): string {
  if (/^\d{4}$/.test(p)) return `в ${p} г.`;
  if (/^\d{4}\/\d{4}$/.test(p)) return `в ${p} уч. г.`;
  return /^\d{4}-\d{2}-\d{2}$/.test(p) ? `на ${ruDate(p)}` : `за ${p}`;
}

/** A target bound: «20 %», «12,5 %». */
function ruBound(n: number, unit: string): string {
  return Number.isInteger(n) ? `${n}${unit ? ` ${unit}` : ""}` : ruValue(n, unit);
}

function value(v: IndicatorValue): string {
  return typeof v.value === "number" ? ruValue(v.value, v.unit) : v.display;
}

function statusTone(v: IndicatorValue): Tone {
  return v.met === true ? "good" : v.met === false ? "bad" : "neutral";
}

/** 1. Проверка представленных данных. */
function checkSection(report: FileReport, locations: number): Block[] {
  const s = report.summary;
  const checked = report.sheets.filter((sh) => sh.kind === "plan" || sh.kind === "monitoring");
  const rows = checked.reduce((n, sh) => n + sh.rows, 0);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "1. Проверка представленных данных" },
    para(
      `Проверены данные файла «${baseName(report.file)}» по шаблону проекта (${report.template}): ${plural(checked.length, "лист", "листа", "листов")}, ${plural(rows, "строка", "строки", "строк")} данных.`,
    ),
    para(`Итог форматно-логического контроля (ФЛК): ${summaryText(s)}.`, { bold: true, align: "left", indent: true }),
  ];
  if (!report.issues.length) return blocks;
  if (s.errors)
    blocks.push(
      para(
        "Строки с ошибочными значениями в расчёт показателей не включены; после исправления данных показатели следует пересчитать.",
      ),
    );
  const groups = new Map<IssueCode, Issue[]>();
  for (const i of report.issues) {
    const list = groups.get(i.code);
    if (list) list.push(i);
    else groups.set(i.code, [i]);
  }
  const ordered = [...groups].sort(
    ([, a], [, b]) => SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] || b.length - a.length,
  );
  blocks.push({
    kind: "table",
    columns: [
      { title: "Правило", width: 0.31 },
      { title: "Важность", width: 0.19 },
      { title: "Количество", width: 0.16, align: "center" },
      { title: "Где (первые случаи)", width: 0.34 },
    ],
    rows: ordered.map(([code, list]) => {
      const where = list
        .slice(0, locations)
        .map((i) => `«${i.sheet}»${i.cell ? ` ${i.cell}` : ""}`)
        .join(", ");
      const more = list.length > locations ? ` и ещё ${list.length - locations}` : "";
      const severity = list[0].severity;
      return [
        { text: `${ISSUE_TYPES[code].title} (${code})` },
        { text: SEVERITY_TEXT[severity], tone: severity === "error" ? "bad" : "neutral" },
        { text: String(list.length), align: "center" },
        { text: `${where}${more}` },
      ];
    }),
  });
  return blocks;
}

/** The chart of the ШНОР share by year against its target; null without two or more years. */
function shnorChart(template: Template, indicators: readonly IndicatorValue[]): Chart | null {
  const { values, targets } = periodSeries(template, indicators, "shnor_share");
  if (!values.length) return null;
  const hasTarget = targets.some((t) => t !== null);
  const target = targets.find((t) => t !== null);
  return {
    kind: "chart",
    id: "shnor_share_by_year",
    title: "Доля ШНОР по годам, %",
    categories: values.map((v) => v.period),
    series: [
      { name: "Доля ШНОР", values: values.map((v) => v.value as number), color: SHNOR_COLOR },
      ...(hasTarget ? [{ name: "Цель", values: targets, color: TARGET_COLOR, asLine: true }] : []),
    ],
    unit: "%",
    caption: `Рисунок 1. Доля школ с низкими образовательными результатами (ШНОР) по годам: ${values.map((v) => `${v.period} — ${ruValue(v.value as number, "%")}`).join(", ")}${hasTarget && target !== undefined && target !== null ? `; линия — целевое значение ${ruBound(target, "%")}` : ""}.`,
  };
}

/** 2. Достижение целевых показателей. */
function targetsSection(template: Template, indicators: readonly IndicatorValue[], rows: IndicatorRow[]): Block[] {
  const t = targetSummary(rows);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "2. Достижение целевых показателей" },
    para(
      t.assessed.length
        ? `Из ${t.assessed.length} целевых показателей, оценённых по последнему периоду, достигнуто ${t.met.length}.`
        : "Ни один целевой показатель не удалось сопоставить с целевым значением (нет данных или цели).",
    ),
  ];
  const table: TableCell[][] = [];
  let theme: IndicatorRow["theme"] | null = null;
  for (const r of rows) {
    if (r.theme !== theme) {
      theme = r.theme;
      table.push([{ text: THEME_TITLES[theme], bold: true, span: 6 }]);
    }
    const v = r.latest;
    const prev = r.previous;
    const delta = typeof v.delta === "number" ? v.delta : null;
    const good = changeIsGood(r.better, delta);
    table.push([
      { text: v.title },
      { text: v.target ?? NO_VALUE, align: "center" },
      { text: `${value(v)} (${periodLabel(v.period)})`, align: "center" },
      { text: statusOf(v).text, tone: statusTone(v), align: "center" },
      { text: prev ? `${value(prev)} (${periodLabel(prev.period)})` : NO_VALUE, align: "center" },
      {
        text: delta === null ? NO_VALUE : ruDelta(delta, v.unit),
        tone: good === true ? "good" : good === false ? "bad" : "neutral",
        align: "center",
      },
    ]);
  }
  if (table.length)
    blocks.push({
      kind: "table",
      columns: [
        { title: "Показатель", width: 0.24 },
        { title: "Цель", width: 0.11, align: "center" },
        { title: "Факт", width: 0.16, align: "center" },
        { title: "Статус", width: 0.16, align: "center" },
        { title: "Предыдущий период", width: 0.19, align: "center" },
        { title: "Динамика", width: 0.14, align: "center" },
      ],
      rows: table,
    });
  const chart = shnorChart(template, indicators);
  if (chart) blocks.push(chart);
  return blocks;
}

/** «2022 г.: ВПР 5 кл. математика (40,0 %, 8 из 20); 2021 г.: нет». */
function lowYears(s: ShnorStatus): string {
  return `${s.year} г.: ${describeLow(s.lowY)}; ${s.year - 1} г.: ${describeLow(s.lowPrev)}`;
}

function reasonOf(s: ShnorStatus): string {
  if (!s.computed) return s.reason;
  const rule =
    s.lowY.length >= 2
      ? `не менее двух решающих процедур с низкими результатами в ${s.year} г.`
      : `низкие результаты и в ${s.year - 1} г., и в ${s.year} г.`;
  return `${rule[0].toUpperCase()}${rule.slice(1)} Низкие результаты (доля «2» не менее 30 %): ${lowYears(s)}.`;
}

/** 3. Школы с низкими образовательными результатами. */
function shnorSection(input: SpravkaInput): { blocks: Block[]; year: number | null; list: ShnorStatus[] } {
  const { year, procedures } = shnorBasis(input.template, input.indicators, input.monitoring);
  const blocks: Block[] = [{ kind: "heading", level: 2, text: "3. Школы с низкими образовательными результатами" }];
  if (year === null) {
    blocks.push(para("Данных о результатах оценочных процедур нет: список ШНОР не определён."));
    return { blocks, year, list: [] };
  }
  const statuses = shnorStatuses(input.monitoring, year, procedures);
  const list = statuses.filter((s) => s.status === true);
  const share = input.indicators.find(
    (v) => v.id === "shnor_share" && v.scope === "municipality" && v.period === String(year),
  );
  const total = statuses.length;
  const shareText =
    share && typeof share.value === "number"
      ? ruValue(share.value, "%")
      : total
        ? ruValue((list.length * 100) / total, "%")
        : NO_VALUE;
  blocks.push(
    para(
      `По итогам ${year} г. к школам с низкими образовательными результатами (ШНОР) отнесены ${list.length} ОО из ${total} (${shareText}). Правило проекта: ОО относится к ШНОР, если в ${year} г. не менее двух решающих процедур (${procedures.join(", ")}) показали низкий результат — доля «2» (или участников ниже порога) не менее 30 %, — либо низкий результат был хотя бы по одной процедуре и в ${year - 1} г., и в ${year} г.`,
    ),
  );
  if (list.length)
    blocks.push({
      kind: "table",
      columns: [
        { title: "№", width: 0.06, align: "center" },
        { title: "ОО", width: 0.3 },
        { title: "Основание", width: 0.64 },
      ],
      rows: list.map((s, i) => [{ text: String(i + 1), align: "center" }, { text: s.school }, { text: reasonOf(s) }]),
    });
  return { blocks, year, list };
}

const FEMININE = /^(Доля|Успеваемость|Укомплектованность)(?=\s|$)/;

/** «Доля ШНОР выросла на 6,9 п.п. (с 27,6 % в 2021 до 34,5 % в 2022)…». */
function changeSentence(r: IndicatorRow): string | null {
  const v = r.latest;
  const prev = r.previous;
  if (typeof v.value !== "number" || !prev || typeof prev.value !== "number" || typeof v.delta !== "number")
    return null;
  // A title with a participial phrase («Доля педагогов ШНОР, прошедших КПК») reads as a quoted name.
  const feminine = FEMININE.test(v.title) && !v.title.includes(",");
  const subject = feminine ? v.title : `Показатель «${v.title}»`;
  const zero = ruAmount(v.delta, v.unit).replace(/[^1-9]/g, "") === "";
  const verb = zero
    ? feminine
      ? "не изменилась"
      : "не изменился"
    : v.delta > 0
      ? feminine
        ? "выросла"
        : "вырос"
      : feminine
        ? "снизилась"
        : "снизился";
  const amount = zero ? "" : ` на ${ruAmount(v.delta, v.unit)}`;
  const span = `(с ${ruValue(prev.value, v.unit)} ${inPeriod(prev.period)} до ${ruValue(v.value, v.unit)} ${inPeriod(v.period)})`;
  let target = "";
  const bound = r.spec?.targets.find((t) => t.op === "<=" || t.op === "<");
  if (r.id === "shnor_share" && bound && v.met === false)
    target = ` и превышает целевое значение ${ruBound(bound.value, v.unit)}`;
  else if (r.id === "shnor_share" && bound && v.met === true)
    target = ` и не превышает целевое значение ${ruBound(bound.value, v.unit)}`;
  else if (v.met === true) target = `; цель (${v.target}) достигнута`;
  else if (v.met === false) target = `; цель (${v.target}) не достигнута`;
  return `${subject}${amount ? ` ${verb}${amount}` : ` ${verb}`} ${span}${target}.`;
}

/** 4. Выводы. */
function conclusions(
  rows: IndicatorRow[],
  report: FileReport,
  shnor: { year: number | null; list: ShnorStatus[] },
): Block[] {
  const t = targetSummary(rows);
  const out: string[] = [];
  if (t.assessed.length)
    out.push(
      `Из ${t.assessed.length} целевых показателей достигнуто ${t.met.length}${
        t.unmet.length
          ? `; не достигнуты: ${t.unmet.map((r) => `${r.latest.title} (${value(r.latest)} ${inPeriod(r.latest.period)} при цели ${r.latest.target})`).join("; ")}`
          : "; все оценённые целевые показатели достигнуты"
      }.`,
    );
  for (const id of HEADLINE_IDS) {
    const r = rows.find((x) => x.id === id);
    const s = r ? changeSentence(r) : null;
    if (s) out.push(s);
  }
  if (shnor.year !== null) {
    const twoYears = shnor.list.filter((s) => s.computed && s.lowPrev.length > 0 && s.lowY.length > 0).length;
    out.push(
      shnor.list.length
        ? `В группе ШНОР по итогам ${shnor.year} г. — ${plural(shnor.list.length, "школа", "школы", "школ")}${twoYears ? `, из них с низкими результатами два года подряд — ${twoYears}` : ""}; перечень и основания — в разделе 3.`
        : `По итогам ${shnor.year} г. школ с низкими образовательными результатами не выявлено.`,
    );
  }
  const s = report.summary;
  out.push(
    s.errors
      ? `В представленных данных выявлено ошибок: ${s.errors}${s.warnings ? `, предупреждений: ${s.warnings}` : ""} (раздел 1); до передачи данных их необходимо устранить и пересчитать показатели.`
      : s.warnings
        ? `Ошибок в представленных данных не выявлено; предупреждений: ${s.warnings} (раздел 1).`
        : "Ошибок в представленных данных не выявлено.",
  );
  return [{ kind: "heading", level: 2, text: "4. Выводы" }, ...out.map((text, i) => para(`${i + 1}. ${text}`))];
}

export function buildSpravka(input: SpravkaInput): SpravkaDocument {
  const { template, report } = input;
  const rows = indicatorRows(template, input.indicators);
  const t = targetSummary(rows);
  const shnor = shnorSection(input);
  const date = ruDate(input.date ?? input.asOf);
  const title = `Аналитическая справка по итогам мониторинга реализации муниципального проекта «${projectName(template)}»`;
  const period = `Период реализации проекта: ${ruDate(template.period.start)} – ${ruDate(template.period.end)}. Отчётная дата: ${ruDate(input.asOf)}.`;
  const organisation =
    template.organisation ?? (template.municipality || "Муниципальный орган управления образованием");
  const blocks: Block[] = [
    para(organisation, { align: "center", bold: true, indent: false }),
    { kind: "heading", level: 1, text: title },
    para(period, { align: "center", indent: false }),
    para(date, { align: "right", indent: false }),
    ...(projectName(template) !== template.title
      ? [para(`Полное наименование проекта: ${template.title}.`, { italic: true })]
      : []),
    ...checkSection(report, input.locations ?? 3),
    ...targetsSection(template, input.indicators, rows),
    ...shnor.blocks,
    ...conclusions(rows, report, shnor),
  ];
  return {
    organisation,
    title,
    period,
    date,
    blocks,
    facts: {
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
      targetsMet: t.met.length,
      targetsAssessed: t.assessed.length,
      shnorYear: shnor.year,
      shnorSchools: shnor.list.map((s) => s.school),
    },
  };
}
