/**
 * The closed taxonomy of issues. Codes and severities are part of the JSON report contract
 * (`sverka validate --json`): never rename a code.
 */
import { a1, columnLetter } from "../model/address";

export type Severity = "error" | "warning" | "info";

export const ISSUE_TYPES = {
  // Plan-graph checks (DOMAIN.md «Plan checks»)
  MISSING_COLUMN: { severity: "error", title: "Нет обязательного столбца" },
  NUMBER_MISSING: { severity: "warning", title: "Нет номера мероприятия" },
  NUMBER_FORMAT: { severity: "error", title: "Неверный формат номера" },
  NUMBER_DUPLICATE: { severity: "error", title: "Повтор номера" },
  NUMBER_GAP: { severity: "warning", title: "Пропуск в нумерации" },
  NUMBER_PARENT: { severity: "error", title: "Номер вне своего раздела" },
  EMPTY_REQUIRED: {
    severity: "error",
    title: "Не заполнена обязательная ячейка",
  },
  DUE_UNPARSED: { severity: "warning", title: "Срок не распознан" },
  DUE_OUTSIDE_PERIOD: { severity: "error", title: "Срок вне периода проекта" },
  DUE_ORDER: { severity: "info", title: "Нарушен порядок сроков" },
  RESULT_NOT_MEASURABLE: {
    severity: "warning",
    title: "Результат без количественной характеристики",
  },
  OWNER_UNKNOWN: { severity: "warning", title: "Неизвестный ответственный" },
  STATUS_INVALID: { severity: "error", title: "Недопустимый статус" },
  OVERDUE: { severity: "warning", title: "Просрочено" },
  DONE_LATE: { severity: "info", title: "Выполнено позже срока" },
  DUPLICATE_ROW: { severity: "warning", title: "Повтор мероприятия" },
  // Monitoring checks (DOMAIN.md «Monitoring sheets»)
  NOT_A_NUMBER: { severity: "error", title: "Не число" },
  NEGATIVE: { severity: "error", title: "Отрицательное значение" },
  NOT_INTEGER: { severity: "error", title: "Не целое число" },
  SUM_MISMATCH: { severity: "error", title: "Части больше целого" },
  PERCENT_RANGE: { severity: "error", title: "Процент вне 0–100" },
  UNKNOWN_SCHOOL: { severity: "warning", title: "Школа не найдена в реестре" },
  DUPLICATE_SCHOOL: { severity: "error", title: "Школа указана дважды" },
  FORMULA_ERROR: { severity: "error", title: "Ошибка формулы" },
  YES_NO_INVALID: { severity: "error", title: "Ожидалось «да» или «нет»" },
  SHNOR_MISMATCH: {
    severity: "warning",
    title: "Статус ШНОР расходится с расчётом",
  },
  // Workbook level
  MISSING_SHEET: { severity: "warning", title: "Нет листа мониторинга" },
  NO_KNOWN_SHEETS: { severity: "error", title: "Нет листов шаблона" },
  TEMPLATE_AMBIGUOUS: {
    severity: "info",
    title: "Шаблон определён неоднозначно",
  },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type IssueCode = keyof typeof ISSUE_TYPES;

/**
 * What a message template needs besides the location: cell values as found, column and sheet names,
 * expected values, counts. Lists are lists of such strings. `variant` picks one of a code's wordings.
 * Never text written for a reader: `src/i18n/issueMessages.ts` renders the message from these.
 */
export type IssueParamValue = string | number | readonly string[];
export type IssueParams = Readonly<Record<string, IssueParamValue>>;

/** One finding. The JSON report carries exactly these fields (`message` once rendered). */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the offending cell, or null when the issue concerns a whole sheet/workbook. */
  cell: string | null;
  /** Worksheet row number as Excel shows it. */
  row: number | null;
  /** Column letter as Excel shows it. */
  column: string | null;
  /** Template column id (`due`, `owner` …) when the issue concerns a column. */
  field: string | null;
  /** The message's data (see `IssueParams`). */
  params: IssueParams;
  /**
   * The message in the user's language: absent on issues straight from the core, set by
   * `localizeIssue` / `localizeReport` (`src/i18n/issueMessages.ts`), which every consumer uses.
   */
  message?: string;
}

/** An issue as consumers receive it: its message rendered. */
export type RenderedIssue = Issue & { message: string };

export interface IssueLocation {
  sheet: string;
  row?: number | null;
  col?: number | null;
  field?: string | null;
}

const NO_PARAMS: IssueParams = {};

export function makeIssue(
  code: IssueCode,
  at: IssueLocation,
  params: IssueParams = NO_PARAMS,
  severity?: Severity,
): Issue {
  const row = at.row ?? null;
  const col = at.col ?? null;
  return {
    code,
    severity: severity ?? ISSUE_TYPES[code].severity,
    sheet: at.sheet,
    cell: row !== null && col !== null ? a1(row, col) : null,
    row,
    column: col !== null ? columnLetter(col) : null,
    field: at.field ?? null,
    params,
  };
}

export interface IssueSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(issues: readonly Issue[]): IssueSummary {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const i of issues) {
    if (i.severity === "error") s.errors++;
    else if (i.severity === "warning") s.warnings++;
    else s.infos++;
  }
  return s;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Sort issues by sheet order (as given), then row, then column, then severity. */
export function sortIssues(issues: Issue[], sheetOrder: readonly string[]): Issue[] {
  const idx = new Map(sheetOrder.map((n, i) => [n, i]));
  return issues.sort(
    (a, b) =>
      (idx.get(a.sheet) ?? -1) - (idx.get(b.sheet) ?? -1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? "").length - (b.column ?? "").length ||
      cmp(a.column ?? "", b.column ?? "") ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
