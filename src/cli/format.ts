/** Text rendering of reports for the terminal, in Russian or English (`--lang`). */
import type {
  ConsolidationReport,
  FileConsolidationReport,
  RenderedConsolidationReport,
} from "../core/consolidate/types";
import { displayValue, type IndicatorValue } from "../core/indicators/types";
import type { Issue } from "../core/report/issue";
import type { FileReport } from "../core/validate";
import { issueMessage, templateReason } from "../i18n/issueMessages";
import type { Lang } from "../i18n/strings";

/** The words of the text output; data (sheet names, titles, values) stay as they are. */
const LABELS = {
  ru: {
    severity: { error: "ошибка", warning: "предупр.", info: "замечание" } as Record<Issue["severity"], string>,
    kind: { plan: "план-график", monitoring: "мониторинг", sverka: "лист Сверки", other: "не распознан" } as Record<
      string,
      string
    >,
    quote: (text: string) => `«${text}»`,
    file: "Файл",
    template: "Шаблон",
    planSheet: (name: string, kind: string, row: number | null, n: number) =>
      `Лист «${name}» (${kind}, заголовок в строке ${row}, мероприятий: ${n})`,
    sheet: (name: string, kind: string) => `Лист «${name}» (${kind})`,
    workbook: (sheet: string) => `Книга${sheet ? ` (лист «${sheet}»)` : ""}`,
    noErrors: "Ошибок нет",
    errors: "Ошибок",
    warnings: "предупреждений",
    infos: "замечаний",
    indicatorHead: [
      "Показатель",
      "Период",
      "Охват",
      "Цель",
      "Факт",
      "Статус",
      "Прошлый период",
      "Динамика",
      "Исключено строк",
    ],
    municipality: "муниципалитет",
    noData: "нет данных",
    met: "выполнено",
    notMet: "не выполнено",
    pp: "п.п.",
    hiddenSchools: (n: number) => `Значений по школам: ${n} (показать: --schools, все поля: --json).`,
    status: {
      merged: "сведён",
      merged_partly: "сведён частично",
      rejected: "не сведён",
      unreadable: "не читается",
    } as Record<FileConsolidationReport["status"], string>,
    master: (master: string, out: string, template: string) => `Сводная книга: ${master} → ${out} (шаблон ${template})`,
    consolidationHead: ["Файл", "Статус", "Строк", "Заменено", "Пропущено", "Ошибок", "Предупр."],
    mergeValidHint: " (ключ --merge-valid-rows).",
    duplicates: "Одна и та же школа прислана в разных файлах:",
    earlier: (list: string) => `в сводной книге из ${list}`,
    masterSheets: "Листы сводной книги",
    created: " (создан)",
    warning: "Внимание",
    total: (s: ConsolidationReport["summary"]) =>
      `Файлов: ${s.files}; сведено ${s.merged}, частично ${s.merged_partly}, не сведено ${s.rejected}, не читается ${s.unreadable}. Строк добавлено: ${s.rows}, заменено строк прежнего импорта: ${s.replaced_rows}.`,
  },
  en: {
    severity: { error: "error", warning: "warning", info: "info" } as Record<Issue["severity"], string>,
    kind: { plan: "plan-graph", monitoring: "monitoring", sverka: "Sverka's sheet", other: "not recognised" } as Record<
      string,
      string
    >,
    quote: (text: string) => `“${text}”`,
    file: "File",
    template: "Template",
    planSheet: (name: string, kind: string, row: number | null, n: number) =>
      `Sheet “${name}” (${kind}, header in row ${row}, activities: ${n})`,
    sheet: (name: string, kind: string) => `Sheet “${name}” (${kind})`,
    workbook: (sheet: string) => `Workbook${sheet ? ` (sheet “${sheet}”)` : ""}`,
    noErrors: "No errors",
    errors: "Errors",
    warnings: "warnings",
    infos: "notes",
    indicatorHead: [
      "Indicator",
      "Period",
      "Scope",
      "Target",
      "Fact",
      "Status",
      "Previous period",
      "Change",
      "Rows left out",
    ],
    municipality: "municipality",
    noData: "no data",
    met: "met",
    notMet: "not met",
    pp: "p.p.",
    hiddenSchools: (n: number) => `Values per school: ${n} (show: --schools, every field: --json).`,
    status: {
      merged: "merged",
      merged_partly: "merged partly",
      rejected: "rejected",
      unreadable: "unreadable",
    } as Record<FileConsolidationReport["status"], string>,
    master: (master: string, out: string, template: string) => `Master: ${master} → ${out} (template ${template})`,
    consolidationHead: ["File", "Status", "Rows", "Replaced", "Skipped", "Errors", "Warnings"],
    mergeValidHint: " (flag --merge-valid-rows).",
    duplicates: "The same school was sent in several files:",
    earlier: (list: string) => `in the master from ${list}`,
    masterSheets: "Sheets of the master",
    created: " (created)",
    warning: "Warning",
    total: (s: ConsolidationReport["summary"]) =>
      `Files: ${s.files}; merged ${s.merged}, partly ${s.merged_partly}, rejected ${s.rejected}, unreadable ${s.unreadable}. Rows appended: ${s.rows}, rows of earlier imports replaced: ${s.replaced_rows}.`,
  },
};

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

export const noPaint: Paint = { red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s, green: (s) => s };

export const ansiPaint: Paint = {
  red: (s) => `\x1b[31m${s}\x1b[0m`,
  yellow: (s) => `\x1b[33m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
  green: (s) => `\x1b[32m${s}\x1b[0m`,
};

/** «Ошибок нет» or the counts, as the last line of a report. */
export function summaryLine(s: FileReport["summary"], lang: Lang = "ru"): string {
  const L = LABELS[lang];
  const rest: string[] = [];
  if (s.warnings) rest.push(`${L.warnings}: ${s.warnings}`);
  if (s.infos) rest.push(`${L.infos}: ${s.infos}`);
  if (s.errors === 0) return rest.length ? `${L.noErrors} (${rest.join(", ")})` : L.noErrors;
  return `${L.errors}: ${s.errors}${rest.length ? `, ${rest.join(", ")}` : ""}`;
}

/** The report as text; messages as the report carries them, else rendered in `lang`. */
export function formatReport(r: FileReport, paint: Paint = noPaint, lang: Lang = "ru"): string {
  const L = LABELS[lang];
  const out: string[] = [];
  out.push(paint.bold(`${L.file}: ${r.file}`));
  out.push(`${L.template}: ${r.template}. ${r.template_reason ?? templateReason(r.template_reason_params, lang)}`);
  const bySheet = new Map<string, Issue[]>();
  for (const i of r.issues) {
    const list = bySheet.get(i.sheet) ?? [];
    list.push(i);
    bySheet.set(i.sheet, list);
  }
  for (const s of r.sheets) {
    const head =
      s.kind === "plan"
        ? L.planSheet(s.name, L.kind[s.kind], s.header_row, s.activities ?? 0)
        : L.sheet(s.name, L.kind[s.kind] ?? s.kind);
    out.push("");
    out.push(paint.bold(head));
    const list = bySheet.get(s.name) ?? [];
    bySheet.delete(s.name);
    if (!list.length && s.kind !== "other" && s.kind !== "sverka") out.push(paint.green(`  ${L.noErrors}`));
    for (const i of list) out.push(formatIssue(i, paint, lang));
  }
  for (const [sheet, list] of bySheet) {
    out.push("");
    out.push(paint.bold(L.workbook(sheet)));
    for (const i of list) out.push(formatIssue(i, paint, lang));
  }
  out.push("");
  const line = summaryLine(r.summary, lang);
  out.push(r.summary.errors ? paint.red(paint.bold(line)) : paint.green(paint.bold(line)));
  return out.join("\n");
}

export function formatIssue(i: Issue, paint: Paint, lang: Lang = "ru"): string {
  const sev = LABELS[lang].severity[i.severity].padEnd(9);
  const colored =
    i.severity === "error" ? paint.red(sev) : i.severity === "warning" ? paint.yellow(sev) : paint.dim(sev);
  return `  ${colored} ${(i.cell ?? "").padEnd(6)} ${paint.dim(i.code.padEnd(22))} ${i.message ?? issueMessage(i, lang)}`;
}

/** The indicator table: municipality values, and per-school values when asked. */
export function formatIndicators(
  values: readonly IndicatorValue[],
  options: { schools?: boolean } = {},
  lang: Lang = "ru",
): string {
  const L = LABELS[lang];
  const shown = values.filter((v) => options.schools || v.scope === "municipality");
  const hidden = values.length - shown.length;
  const num = (x: number | null | undefined, unit: string) =>
    x === null || x === undefined ? "—" : displayValue(x, unit);
  const rows = shown.map((v) => [
    v.title.length > 60 ? v.title.slice(0, 59) + "…" : v.title,
    v.period,
    v.scope === "municipality" ? L.municipality : v.scope,
    v.target ?? "—",
    v.display,
    v.value === null ? L.noData : v.met === null ? "—" : v.met ? L.met : L.notMet,
    num(typeof v.previous === "number" ? v.previous : null, v.unit),
    v.delta === null || v.delta === undefined
      ? "—"
      : `${v.delta > 0 ? "+" : ""}${displayValue(v.delta, v.unit === "%" ? L.pp : v.unit)}`,
    v.excluded_rows ? String(v.excluded_rows) : "",
  ]);
  const head = L.indicatorHead;
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((x, c) => x.padEnd(widths[c]))
      .join("  ")
      .trimEnd();
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  if (hidden) out.push("", L.hiddenSchools(hidden));
  return out.join("\n");
}

/** The per-file table and what needs attention, after `sverka consolidate`. */
export function formatConsolidation(
  r: RenderedConsolidationReport,
  out: string,
  warnings: readonly string[],
  paint: Paint = noPaint,
  lang: Lang = "ru",
): string {
  const L = LABELS[lang];
  const lines: string[] = [];
  lines.push(paint.bold(L.master(r.master, out, r.template)));
  lines.push("");
  const head = L.consolidationHead;
  const rows = r.files.map((f) => [
    f.file,
    L.status[f.status],
    f.status === "unreadable" ? "—" : String(f.rows),
    f.status === "unreadable" ? "—" : String(f.replaced_rows),
    f.status === "unreadable" ? "—" : String(f.skipped_rows),
    f.status === "unreadable" ? "—" : String(f.summary.errors),
    f.status === "unreadable" ? "—" : String(f.summary.warnings),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((x) => x[c].length)));
  const line = (x: string[]) =>
    x
      .map((v, c) => (c >= 2 ? v.padStart(widths[c]) : v.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  lines.push(paint.bold(line(head)));
  lines.push(widths.map((w) => "-".repeat(w)).join("  "));
  r.files.forEach((f, i) => {
    const text = line(rows[i]);
    lines.push(f.status === "merged" ? text : f.status === "merged_partly" ? paint.yellow(text) : paint.red(text));
  });

  const attention = r.files.filter((f) => f.status !== "merged" || f.notes.length);
  if (attention.length) {
    lines.push("");
    for (const f of attention) {
      const hint = f.status === "rejected" && !r.merge_valid_rows && f.summary.errors;
      const message = hint ? f.message.replace(/\.$/, L.mergeValidHint) : f.message;
      lines.push(paint.bold(`${f.file}: `) + (f.status === "merged" ? "" : message));
      if (f.status === "rejected" || f.status === "merged_partly")
        for (const i of f.issues.filter((x) => x.severity === "error"))
          lines.push(`  ${L.quote(i.sheet)} ${formatIssue(i, paint, lang).trimStart()}`);
      for (const n of f.notes) lines.push(`  ${n}`);
    }
  }
  if (r.duplicates.length) {
    lines.push("");
    lines.push(paint.yellow(paint.bold(L.duplicates)));
    for (const d of r.duplicates) {
      const parts = [...d.files];
      if (d.earlier.length) parts.push(L.earlier(d.earlier.map(L.quote).join(", ")));
      lines.push(`  ${d.school}: ${parts.join(", ")}`);
    }
  }
  if (r.sheets.length) {
    lines.push("");
    lines.push(
      `${L.masterSheets}: ${r.sheets
        .map(
          (s) =>
            `${L.quote(s.sheet)}${s.created ? L.created : ""} +${s.appended_rows}${s.deleted_rows ? ` −${s.deleted_rows}` : ""}`,
        )
        .join(", ")}.`,
    );
  }
  for (const n of r.notes) lines.push(n);
  for (const w of warnings) lines.push(paint.yellow(`${L.warning}: ${w}`));
  const s = r.summary;
  lines.push("");
  const total = L.total(s);
  lines.push(s.rejected || s.unreadable ? paint.red(paint.bold(total)) : paint.green(paint.bold(total)));
  return lines.join("\n");
}
