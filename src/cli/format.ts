/** Text rendering of reports for the terminal (Russian). */
import type { ConsolidationReport, FileConsolidationReport } from "../core/consolidate/types";
import { displayValue, type IndicatorValue } from "../core/indicators/types";
import type { Issue } from "../core/report/issue";
import type { FileReport } from "../core/validate";
import { issueMessage, templateReason } from "../i18n/issueMessages";
import type { Lang } from "../i18n/strings";

const SEVERITY_LABEL: Record<Issue["severity"], string> = { error: "ошибка", warning: "предупр.", info: "замечание" };

const KIND_LABEL: Record<string, string> = {
  plan: "план-график",
  monitoring: "мониторинг",
  sverka: "лист Сверки",
  other: "не распознан",
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
export function summaryLine(s: FileReport["summary"]): string {
  const rest: string[] = [];
  if (s.warnings) rest.push(`предупреждений: ${s.warnings}`);
  if (s.infos) rest.push(`замечаний: ${s.infos}`);
  if (s.errors === 0) return rest.length ? `Ошибок нет (${rest.join(", ")})` : "Ошибок нет";
  return `Ошибок: ${s.errors}${rest.length ? `, ${rest.join(", ")}` : ""}`;
}

/** The report as text; messages as the report carries them, else rendered in `lang`. */
export function formatReport(r: FileReport, paint: Paint = noPaint, lang: Lang = "ru"): string {
  const out: string[] = [];
  out.push(paint.bold(`Файл: ${r.file}`));
  out.push(`Шаблон: ${r.template}. ${r.template_reason ?? templateReason(r.template_reason_params, lang)}`);
  const bySheet = new Map<string, Issue[]>();
  for (const i of r.issues) {
    const list = bySheet.get(i.sheet) ?? [];
    list.push(i);
    bySheet.set(i.sheet, list);
  }
  for (const s of r.sheets) {
    const head =
      s.kind === "plan"
        ? `Лист «${s.name}» (${KIND_LABEL[s.kind]}, заголовок в строке ${s.header_row}, мероприятий: ${s.activities ?? 0})`
        : `Лист «${s.name}» (${KIND_LABEL[s.kind] ?? s.kind})`;
    out.push("");
    out.push(paint.bold(head));
    const list = bySheet.get(s.name) ?? [];
    bySheet.delete(s.name);
    if (!list.length && s.kind !== "other" && s.kind !== "sverka") out.push(paint.green("  Ошибок нет"));
    for (const i of list) out.push(formatIssue(i, paint, lang));
  }
  for (const [sheet, list] of bySheet) {
    out.push("");
    out.push(paint.bold(`Книга${sheet ? ` (лист «${sheet}»)` : ""}`));
    for (const i of list) out.push(formatIssue(i, paint, lang));
  }
  out.push("");
  const line = summaryLine(r.summary);
  out.push(r.summary.errors ? paint.red(paint.bold(line)) : paint.green(paint.bold(line)));
  return out.join("\n");
}

export function formatIssue(i: Issue, paint: Paint, lang: Lang = "ru"): string {
  const sev = SEVERITY_LABEL[i.severity].padEnd(9);
  const colored =
    i.severity === "error" ? paint.red(sev) : i.severity === "warning" ? paint.yellow(sev) : paint.dim(sev);
  return `  ${colored} ${(i.cell ?? "").padEnd(6)} ${paint.dim(i.code.padEnd(22))} ${i.message ?? issueMessage(i, lang)}`;
}

/** The indicator table: municipality values, and per-school values when asked. */
export function formatIndicators(values: readonly IndicatorValue[], options: { schools?: boolean } = {}): string {
  const shown = values.filter((v) => options.schools || v.scope === "municipality");
  const hidden = values.length - shown.length;
  const num = (x: number | null | undefined, unit: string) =>
    x === null || x === undefined ? "—" : displayValue(x, unit);
  const rows = shown.map((v) => [
    v.title.length > 60 ? v.title.slice(0, 59) + "…" : v.title,
    v.period,
    v.scope === "municipality" ? "муниципалитет" : v.scope,
    v.target ?? "—",
    v.display,
    v.value === null ? "нет данных" : v.met === null ? "—" : v.met ? "выполнено" : "не выполнено",
    num(typeof v.previous === "number" ? v.previous : null, v.unit),
    v.delta === null || v.delta === undefined
      ? "—"
      : `${v.delta > 0 ? "+" : ""}${displayValue(v.delta, v.unit === "%" ? "п.п." : v.unit)}`,
    v.excluded_rows ? String(v.excluded_rows) : "",
  ]);
  const head = [
    "Показатель",
    "Период",
    "Охват",
    "Цель",
    "Факт",
    "Статус",
    "Прошлый период",
    "Динамика",
    "Исключено строк",
  ];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((x, c) => x.padEnd(widths[c]))
      .join("  ")
      .trimEnd();
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  if (hidden) out.push("", `Значений по школам: ${hidden} (показать: --schools, все поля: --json).`);
  return out.join("\n");
}

const STATUS_LABEL: Record<FileConsolidationReport["status"], string> = {
  merged: "сведён",
  merged_partly: "сведён частично",
  rejected: "не сведён",
  unreadable: "не читается",
};

/** The per-file table and what needs attention, after `sverka consolidate`. */
export function formatConsolidation(
  r: ConsolidationReport,
  out: string,
  warnings: readonly string[],
  paint: Paint = noPaint,
): string {
  const lines: string[] = [];
  lines.push(paint.bold(`Сводная книга: ${r.master} → ${out} (шаблон ${r.template})`));
  lines.push("");
  const head = ["Файл", "Статус", "Строк", "Заменено", "Пропущено", "Ошибок", "Предупр."];
  const rows = r.files.map((f) => [
    f.file,
    STATUS_LABEL[f.status],
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
      const message = hint ? f.message.replace(/\.$/, " (ключ --merge-valid-rows).") : f.message;
      lines.push(paint.bold(`${f.file}: `) + (f.status === "merged" ? "" : message));
      if (f.status === "rejected" || f.status === "merged_partly")
        for (const i of f.issues.filter((x) => x.severity === "error"))
          lines.push(`  «${i.sheet}» ${formatIssue(i, paint).trimStart()}`);
      for (const n of f.notes) lines.push(`  ${n}`);
    }
  }
  if (r.duplicates.length) {
    lines.push("");
    lines.push(paint.yellow(paint.bold("Одна и та же школа прислана в разных файлах:")));
    for (const d of r.duplicates) {
      const parts = [...d.files];
      if (d.earlier.length) parts.push(`в сводной книге из ${d.earlier.map((e) => `«${e}»`).join(", ")}`);
      lines.push(`  ${d.school}: ${parts.join(", ")}`);
    }
  }
  if (r.sheets.length) {
    lines.push("");
    lines.push(
      `Листы сводной книги: ${r.sheets
        .map(
          (s) =>
            `«${s.sheet}»${s.created ? " (создан)" : ""} +${s.appended_rows}${s.deleted_rows ? ` −${s.deleted_rows}` : ""}`,
        )
        .join(", ")}.`,
    );
  }
  for (const n of r.notes) lines.push(n);
  for (const w of warnings) lines.push(paint.yellow(`Внимание: ${w}`));
  const s = r.summary;
  lines.push("");
  const total = `Файлов: ${s.files}; сведено ${s.merged}, частично ${s.merged_partly}, не сведено ${s.rejected}, не читается ${s.unreadable}. Строк добавлено: ${s.rows}, заменено строк прежнего импорта: ${s.replaced_rows}.`;
  lines.push(s.rejected || s.unreadable ? paint.red(paint.bold(total)) : paint.green(paint.bold(total)));
  return lines.join("\n");
}
