/** The plan-graph ФЛК: every check of DOMAIN.md «Plan checks» over one plan sheet. */
import { isBlank, isMeaningless, type CellValue, type SheetData } from "../model/sheet";
import { toIsoDate, type IsoDate } from "../model/dates";
import { lastDate, parseDeadline, type Deadline, type DeadlinePeriod } from "../parse/deadline";
import { makeIssue, quote, type Issue, type IssueLocation } from "../report/issue";
import type { HeaderMatch } from "../sheets/header";
import type { PlanSheetSpec, Template } from "../template/schema";
import { isMeasurable } from "./measurable";
import { NumberingChecker, type NumberLabel } from "./numbering";
import { OwnerMatcher } from "./owners";
import { classifyPlanRows, type PlanRow } from "./rows";
import { ALLOWED_STATUS_LIST, isDone, parseStatus, type PlanStatus } from "./status";

export interface PlanActivity {
  sheet: string;
  row: number;
  label: string | null;
  task: string;
  deadline: Deadline | null;
  /** End of the last dated deadline, null when only recurring/open or unparsed. */
  lastDue: IsoDate | null;
  status: PlanStatus | null;
  statusText: string;
  doneDate: IsoDate | null;
  section: number;
}

export interface PlanSheetResult {
  sheet: string;
  spec: PlanSheetSpec;
  header: HeaderMatch;
  hasStatus: boolean;
  activities: PlanActivity[];
  sections: number;
  issues: Issue[];
}

export interface PlanCheckOptions {
  /** Report date for `OVERDUE` (default: today). */
  asOf: IsoDate;
}

function periodText(p: DeadlinePeriod): string {
  const f = (s: IsoDate) => s.split("-").reverse().join(".");
  return `${f(p.start)}–${f(p.end)}`;
}

function isoText(s: IsoDate): string {
  return s.split("-").reverse().join(".");
}

function labelText(r: PlanRow): string {
  return r.label ? `№ ${r.label.key}` : `в строке ${r.row}`;
}

/** A date in a «Дата выполнения» cell: a date value or dd.mm.yyyy text. */
export function parseDateCell(v: CellValue): IsoDate | null | "invalid" {
  if (isBlank(v)) return null;
  if (v instanceof Date) return toIsoDate(v);
  if (typeof v === "string") {
    const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})\s*(?:г\.?)?\s*$/u.exec(v);
    if (m) {
      const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[1])));
      if (d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[1])) return toIsoDate(d);
    }
  }
  return "invalid";
}

/**
 * Separators of task keys: white space (as `\s`), punctuation, quotes, dashes and slashes. A table,
 * not a regular expression: this runs on each of 100k rows, and a replace over every run of
 * separators costs several times more than one pass over the characters.
 */
const TASK_SEPARATOR = (() => {
  const table = new Uint8Array(65536);
  for (const ch of " \t\n\v\f\r.,;:!?()[]{}\"'«»„“”-–—/\\") table[ch.charCodeAt(0)] = 1;
  for (const code of [0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) table[code] = 1;
  for (let code = 0x2000; code <= 0x200a; code++) table[code] = 1;
  return table;
})();

/**
 * Key for DUPLICATE_ROW: case, «ё», punctuation and spacing do not make a task different. Lower
 * case, every run of separators one space, none at the ends, «ё» → «е».
 */
export function taskKey(task: string): string {
  const low = task.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < low.length; i++) {
    if (TASK_SEPARATOR[low.charCodeAt(i)]) {
      if (start >= 0) words.push(low.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) words.push(low.slice(start));
  const key = words.join(" ");
  return key.includes("ё") ? key.replace(/ё/g, "е") : key;
}

/** Parsed deadlines by cell value: texts by the text itself, dates by their time, other values by type and text. */
class DeadlineCache {
  private readonly texts = new Map<string, Deadline>();
  private readonly dates = new Map<number, Deadline>();
  private readonly others = new Map<string, Deadline>();

  get(value: CellValue, period: DeadlinePeriod): Deadline {
    if (typeof value === "string") return cached(this.texts, value, value, period);
    if (value instanceof Date) return cached(this.dates, value.getTime(), value, period);
    return cached(this.others, `${typeof value}:${String(value)}`, value, period);
  }
}

function cached<K>(map: Map<K, Deadline>, key: K, value: CellValue, period: DeadlinePeriod): Deadline {
  let d = map.get(key);
  if (!d) map.set(key, (d = parseDeadline(value, period)));
  return d;
}

function firstStart(d: Deadline): IsoDate | null {
  return d.intervals.length ? d.intervals[0].start : null;
}

export function validatePlanSheet(
  sheet: SheetData,
  spec: PlanSheetSpec,
  header: HeaderMatch,
  template: Template,
  options: PlanCheckOptions,
): PlanSheetResult {
  const issues: Issue[] = [];
  const name = sheet.name;
  const col = (id: string): number | null => header.columns[id] ?? null;
  const period: DeadlinePeriod = template.period;

  for (const m of header.missing) {
    if (!m.required) continue;
    const aliases = [...new Set([m.title, ...m.aliases])]
      .slice(0, 4)
      .map((a) => `«${a}»`)
      .join(", ");
    issues.push(
      makeIssue(
        "MISSING_COLUMN",
        { sheet: name, row: header.headerRow, col: 1, field: m.id },
        `Строка заголовков ${header.headerRow}: не найден обязательный столбец «${m.title}» (ожидался заголовок ${aliases}); найдены: ${Object.values(
          header.headers,
        )
          .map((h) => quote(h, 30))
          .join(", ")}.`,
      ),
    );
  }

  const rows = classifyPlanRows(sheet, header, spec);
  const labels = rows.map((r) => r.label).filter((l): l is NumberLabel => l !== null);
  const rootDepth = labels.reduce((m, l) => Math.min(m, l.segments.length), labels.length ? Infinity : 1);
  const numbering = new NumberingChecker(rootDepth);
  const owners = new OwnerMatcher(template.organisations);
  const hasStatus = col("status") !== null;
  const required = spec.columns.filter((c) => c.required && c.id !== "no" && col(c.id) !== null);
  const activities: PlanActivity[] = [];
  // Task keys by section, as nested maps: a «section|key» string per row would be a new string to
  // build and hash on each of 100k rows.
  const seenTasks = new Map<number, Map<string, number>>();
  // Plans repeat their deadline texts («Ежегодно», «2020-2022 г.г.»): parse each distinct one once.
  const deadlineCache = new DeadlineCache();
  const statusCache = new Map<string, PlanStatus | null>();
  let prevDated: { start: IsoDate; row: PlanRow; due: string; section: number } | null = null;
  let sections = 0;

  // Defined once, not per row: closures in a 100k-row loop cost allocations (and tsx's name wrappers).
  let current: PlanRow = rows[0];
  const at = (id: string): IssueLocation => ({ sheet: name, row: current.row, col: col(id), field: id });
  const filled = (id: string): boolean => {
    const v = current.texts[id];
    return !!v && !isMeaningless(v);
  };
  for (const r of rows) {
    current = r;
    if (r.label) {
      for (const f of numbering.check(r.label, r.row)) {
        if (f.kind === "duplicate")
          issues.push(
            makeIssue(
              "NUMBER_DUPLICATE",
              at("no"),
              `${r.label.text}: номер ${r.label.key} уже встречался в строке ${f.firstRow}; ожидался новый номер.`,
            ),
          );
        else if (f.kind === "gap")
          issues.push(
            makeIssue(
              "NUMBER_GAP",
              at("no"),
              `Пропущен${f.missing.length > 1 ? "ы номера" : " номер"} ${f.missing.join(", ")}: ${f.previous ? `после ${f.previous}` : "в начале раздела"} идёт ${f.label.key}.`,
            ),
          );
        else if (f.kind === "order")
          issues.push(
            makeIssue("NUMBER_GAP", at("no"), `Нарушен порядок нумерации: после ${f.previous} идёт ${f.label.key}.`),
          );
        else
          issues.push(
            makeIssue(
              "NUMBER_PARENT",
              at("no"),
              f.context
                ? `Номер ${f.label.key} стоит в разделе ${f.context}; ожидался номер, начинающийся с «${f.context}.».`
                : `Номер ${f.label.key} без вышестоящего пункта: перед ним нет ни одного из номеров ${f.label.segments
                    .slice(0, -1)
                    .map((_, i) => f.label.segments.slice(0, i + 1).join("."))
                    .reverse()
                    .slice(0, f.label.segments.length - rootDepth)
                    .join(", ")}.`,
            ),
          );
      }
    }
    if (r.kind === "section") {
      sections++;
      prevDated = null;
      continue;
    }

    const t = r.texts;
    if (r.invalidLabel !== null)
      issues.push(
        makeIssue(
          "NUMBER_FORMAT",
          at("no"),
          `Номер ${quote(r.invalidLabel)} не соответствует формату: ожидалось «1», «1.», «1.2» или «1.2.3.».`,
        ),
      );
    else if (!r.label && spec.numbering === "all" && col("no") !== null)
      issues.push(
        makeIssue(
          "NUMBER_MISSING",
          at("no"),
          `У мероприятия ${t.task ? quote(t.task, 40) : `в строке ${r.row}`} нет номера: ожидался номер вида «1.2», ячейка пуста.`,
        ),
      );

    for (const c of required)
      if (!filled(c.id))
        issues.push(
          makeIssue(
            "EMPTY_REQUIRED",
            at(c.id),
            `Не заполнено поле «${c.title}» мероприятия ${labelText(r)}: ожидалось значение, ${t[c.id] ? `найдено ${quote(t[c.id])}` : "ячейка пуста"}.`,
          ),
        );

    // Deadline.
    let deadline: Deadline | null = null;
    let lastDue: IsoDate | null = null;
    if (col("due") !== null && filled("due")) {
      deadline = deadlineCache.get(r.values.due ?? null, period);
      lastDue = lastDate(deadline);
      if (deadline.kind === "unparsed")
        issues.push(
          makeIssue(
            "DUE_UNPARSED",
            at("due"),
            `Срок ${quote(t.due)} не распознан: ожидалась дата («До 15 марта 2023 г.»), месяц и год («Март 2023 г.»), период («Март – апрель 2023 г.») или повторяющийся срок («Ежегодно»).`,
          ),
        );
      else {
        const byDate = deadline.byDate === true;
        const outside = deadline.intervals.filter(
          (iv) => iv.end > period.end || iv.end < period.start || (!byDate && iv.start < period.start),
        );
        if (outside.length)
          issues.push(
            makeIssue(
              "DUE_OUTSIDE_PERIOD",
              at("due"),
              `Срок ${quote(t.due)} (${outside.map((iv) => (iv.start === iv.end ? isoText(iv.end) : `${isoText(iv.start)}–${isoText(iv.end)}`)).join(", ")}) выходит за период проекта ${periodText(period)}.`,
            ),
          );
        const start = deadline.byDate ? lastDue : firstStart(deadline);
        if (start && deadline.intervals.length && !deadline.recurring) {
          if (prevDated && prevDated.section === r.section && start < prevDated.start)
            issues.push(
              makeIssue(
                "DUE_ORDER",
                at("due"),
                `Срок ${quote(t.due)} раньше срока предыдущего мероприятия ${labelText(prevDated.row)} (${quote(prevDated.due)}) того же раздела.`,
              ),
            );
          prevDated = { start, row: r, due: t.due, section: r.section };
        }
      }
    }

    if (spec.measurableResults && filled("result") && !isMeasurable(t.result))
      issues.push(
        makeIssue(
          "RESULT_NOT_MEASURABLE",
          at("result"),
          `Результат без количественной характеристики: ожидалось число или процент (например, «не менее 90 % ШНОР», «не реже двух раз в год»), найдено ${quote(t.result)}.`,
        ),
      );

    if (filled("owner")) {
      const unknown = owners.unknownParts(t.owner);
      if (unknown.length)
        issues.push(
          makeIssue(
            "OWNER_UNKNOWN",
            at("owner"),
            `Ответственный ${unknown.map((u) => quote(u, 50)).join(", ")} не найден в перечне организаций и сокращений проекта.`,
          ),
        );
    }

    if (t.task) {
      const key = taskKey(t.task);
      let inSection = seenTasks.get(r.section);
      if (!inSection) seenTasks.set(r.section, (inSection = new Map()));
      const first = inSection.get(key);
      if (first !== undefined)
        issues.push(
          makeIssue(
            "DUPLICATE_ROW",
            at("task"),
            `Мероприятие ${quote(t.task, 50)} повторяет строку ${first} того же раздела.`,
          ),
        );
      else inSection.set(key, r.row);
    }

    // Monitoring of execution.
    let status: PlanStatus | null = null;
    let doneDate: IsoDate | null = null;
    if (hasStatus) {
      if (t.status) {
        if (!statusCache.has(t.status)) statusCache.set(t.status, parseStatus(t.status));
        status = statusCache.get(t.status) ?? null;
      }
      if (t.status && !status)
        issues.push(
          makeIssue(
            "STATUS_INVALID",
            at("status"),
            `Статус ${quote(t.status)} недопустим: ожидалось одно из ${ALLOWED_STATUS_LIST}.`,
          ),
        );
      if (col("done_date") !== null) {
        const dd = parseDateCell(r.values.done_date ?? null);
        if (dd === "invalid")
          issues.push(
            makeIssue(
              "DUE_UNPARSED",
              at("done_date"),
              `Дата выполнения ${quote(t.done_date ?? "")} не распознана: ожидалась дата вида 15.03.2023.`,
            ),
          );
        else doneDate = dd;
      }
      if (!isDone(status) && lastDue && lastDue < options.asOf)
        issues.push(
          makeIssue(
            "OVERDUE",
            at(t.status ? "status" : "due"),
            `Мероприятие ${labelText(r)} не выполнено (статус ${t.status ? quote(t.status) : "не указан"}), а срок ${quote(t.due ?? "")} истёк ${isoText(lastDue)} (отчётная дата ${isoText(options.asOf)}).`,
          ),
        );
      if (doneDate && lastDue && doneDate > lastDue)
        issues.push(
          makeIssue(
            "DONE_LATE",
            at("done_date"),
            `Мероприятие ${labelText(r)} выполнено ${isoText(doneDate)} — позже срока ${quote(t.due ?? "")} (${isoText(lastDue)}).`,
          ),
        );
    }

    activities.push({
      sheet: name,
      row: r.row,
      label: r.label?.key ?? null,
      task: t.task ?? "",
      deadline,
      lastDue,
      status,
      statusText: t.status ?? "",
      doneDate,
      section: r.section,
    });
  }

  return { sheet: name, spec, header, hasStatus, activities, sections, issues };
}
