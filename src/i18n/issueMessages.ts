/**
 * Issue messages in the user's language. The core emits issues as data (code, severity, location,
 * `params`); this module renders each one's `message` from a template per code (and per
 * `params.variant` where a code has several wordings), in Russian or English.
 *
 * A template is text with:
 * - `{name}` — a param (or the issue's `sheet`, `cell`, `row`, `column`, `field`); numbers with the
 *   language's decimal mark, lists joined with «, »;
 * - `{name|format}` — a param through a format (see `FORMATS`), e.g. `{value|q}` a cell value in
 *   quotes, `{task|q40}` shortened to 40 characters, `{due_date|date}` an ISO date as 15.03.2023;
 * - `{name#one|many}` — the first text when the param is 1 or a list of one, else the second;
 * - `[[…]]` — a part kept only when every param it names is present and not empty;
 * - `[[!name:…]]` — a part kept only when `name` is absent or empty.
 *
 * Quotes: «…» in Russian, “…” in English; cell values, sheet and column names stay as they are.
 *
 * The same templates render the other sentences the core emits as data (`variant` and values):
 * the consolidation's per-file message and notes (`CONSOLIDATION_TEXTS`: the core has no text of
 * its own for them, these are the only wordings) and the ШНОР status' reason (`SHNOR_REASONS`;
 * its Russian rendering is the core's Russian text, which the core's own documents use).
 */
import type {
  ConsolidationReport,
  FileConsolidationReport,
  RenderedConsolidationReport,
  RenderedFileConsolidation,
} from "../core/consolidate/types";
import type { IndicatorValue } from "../core/indicators/types";
import type { Issue, IssueCode, IssueParams, IssueParamValue, RenderedIssue } from "../core/report/issue";
import { plural } from "../core/report/spravka/format";
import type { FileReport } from "../core/validate";
import type { Lang } from "./strings";

export interface Wording {
  ru: string;
  en: string;
}

/** The variant used when an issue's params name none. */
export const DEFAULT_VARIANT = "default";

const CELL_RU = "Ячейка {cell} ({column|qc}): ";
const CELL_EN = "Cell {cell} ({column|qc}): ";
const ACTIVITY_RU = "[[№ {number}]][[!number:в строке {row}]]";
const ACTIVITY_EN = "[[No. {number}]][[!number:in row {row}]]";
const SHNOR_HEAD_RU =
  CELL_RU +
  "у школы {school|q} указано {declared|yn}, а по результатам процедур за {previous_year}–{year} гг. ожидалось {computed|yn}. ";
const SHNOR_HEAD_EN =
  CELL_EN +
  "school {school|q} is marked {declared|yn}, but the results of its procedures in {previous_year}–{year} give {computed|yn}. ";
const SHNOR_LOWS_RU =
  " Низкие результаты (доля «2» не менее 30 %) в {year} г.: {low_year|lows}; в {previous_year} г.: {low_previous|lows}.";
const SHNOR_LOWS_EN =
  " Low results (a share of “2” of 30 % or more) in {year}: {low_year|lows}; in {previous_year}: {low_previous|lows}.";
/** How a ШНОР status was computed, by the SHNOR_MISMATCH variant (also the status' reason). */
const SHNOR_WHY: Readonly<Record<"two_low" | "both_years" | "one_low" | "none", Wording>> = {
  two_low: {
    ru: "По итогам {year} г. ШНОР: не менее двух процедур с низкими результатами в {year} г.",
    en: "For {year}: a low-results school, with at least two procedures with low results in {year}.",
  },
  both_years: {
    ru: "По итогам {year} г. ШНОР: низкие результаты и в {previous_year} г., и в {year} г.",
    en: "For {year}: a low-results school, with low results both in {previous_year} and in {year}.",
  },
  one_low: {
    ru: "По итогам {year} г. не ШНОР: в {year} г. одна процедура с низкими результатами, в {previous_year} г. — ни одной.",
    en: "For {year}: not a low-results school, with one procedure with low results in {year} and none in {previous_year}.",
  },
  none: {
    ru: "По итогам {year} г. не ШНОР: в {year} г. нет процедур с низкими результатами.",
    en: "For {year}: not a low-results school, with no procedure with low results in {year}.",
  },
};
const SUM_RU = "Строка {row}: {parts|refs} = {sum} больше, чем {whole|ref} = {whole_value}; ";
const SUM_EN = "Row {row}: {parts|refs} = {sum} exceeds {whole|ref} = {whole_value}; ";

/** Every code's wordings, by variant. */
export const ISSUE_TEMPLATES: {
  readonly [C in IssueCode]: Readonly<Record<string, Wording>>;
} = {
  MISSING_COLUMN: {
    required: {
      ru: "Строка заголовков {row}: не найден обязательный столбец {column|qc} (ожидался заголовок {expected|qc}); найдены: {found|q30}.",
      en: "Header row {row}: the required column {column|qc} was not found (expected a header {expected|qc}); found: {found|q30}.",
    },
    optional: {
      ru: "Строка заголовков {row}: нет столбца {column|qc} (ожидался заголовок {expected|qc}); показатели, которым он нужен, будут «нет данных».",
      en: "Header row {row}: no column {column|qc} (expected a header {expected|qc}); the indicators that need it will have no data.",
    },
    no_header: {
      ru: "Лист {sheet|qr}: не найдена строка заголовков, нет обязательного столбца {column|qc} (ожидался заголовок {expected|qc}).",
      en: "Sheet {sheet|qr}: no header row was found, the required column {column|qc} is missing (expected a header {expected|qc}).",
    },
  },
  NUMBER_MISSING: {
    default: {
      ru: "У мероприятия [[{task|q40}]][[!task:в строке {row}]] нет номера: ожидался номер вида «1.2», ячейка пуста.",
      en: "The activity [[{task|q40}]][[!task:in row {row}]] has no number: expected a number such as “1.2”, the cell is empty.",
    },
  },
  NUMBER_FORMAT: {
    default: {
      ru: "Номер {value|q} не соответствует формату: ожидалось «1», «1.», «1.2» или «1.2.3.».",
      en: "The number {value|q} is not in the expected format: “1”, “1.”, “1.2” or “1.2.3.”.",
    },
  },
  NUMBER_DUPLICATE: {
    default: {
      ru: "{label}: номер {number} уже встречался в строке {first_row}; ожидался новый номер.",
      en: "{label}: number {number} already appeared in row {first_row}; expected a new number.",
    },
  },
  NUMBER_GAP: {
    gap: {
      ru: "{missing#Пропущен номер|Пропущены номера} {missing}: [[после {previous}]][[!previous:в начале раздела]] идёт {number}.",
      en: "{missing#Number|Numbers} {missing} {missing#is|are} missing: {number} comes [[after {previous}]][[!previous:at the start of its section]].",
    },
    order: {
      ru: "Нарушен порядок нумерации: после {previous} идёт {number}.",
      en: "Numbering out of order: {number} comes after {previous}.",
    },
  },
  NUMBER_PARENT: {
    other_section: {
      ru: "Номер {number} стоит в разделе {section}; ожидался номер, начинающийся с «{section}.».",
      en: "Number {number} stands in section {section}; expected a number starting with “{section}.”.",
    },
    no_parent: {
      ru: "Номер {number} без вышестоящего пункта: перед ним нет ни одного из номеров {parents}.",
      en: "Number {number} has no parent item: none of the numbers {parents} comes before it.",
    },
  },
  EMPTY_REQUIRED: {
    activity: {
      ru: `Не заполнено поле {column|qr} мероприятия ${ACTIVITY_RU}: ожидалось значение, [[найдено {found|q}]][[!found:ячейка пуста]].`,
      en: `The field {column|qr} of activity ${ACTIVITY_EN} is empty: expected a value, [[found {found|q}]][[!found:the cell is empty]].`,
    },
    cell: {
      ru: CELL_RU + "не заполнено обязательное поле; ожидалось значение, ячейка пуста.",
      en: CELL_EN + "a required field is empty; expected a value, the cell is empty.",
    },
  },
  DUE_UNPARSED: {
    due: {
      ru: "Срок {value|q} не распознан: ожидалась дата («До 15 марта 2023 г.»), месяц и год («Март 2023 г.»), период («Март – апрель 2023 г.») или повторяющийся срок («Ежегодно»).",
      en: "The deadline {value|q} was not recognised: expected a date (“До 15 марта 2023 г.”), a month and year (“Март 2023 г.”), a period (“Март – апрель 2023 г.”) or a recurring term (“Ежегодно”).",
    },
    done_date: {
      ru: "Дата выполнения {value|q} не распознана: ожидалась дата вида 15.03.2023.",
      en: "The completion date {value|q} was not recognised: expected a date such as 15.03.2023.",
    },
    cell: {
      ru: CELL_RU + "ожидалась {type|expect}, найдено {found|found}.",
      en: CELL_EN + "expected {type|expect}, found {found|found}.",
    },
  },
  DUE_OUTSIDE_PERIOD: {
    default: {
      ru: "Срок {value|q} ({outside|dates}) выходит за период проекта {period_start|date}–{period_end|date}.",
      en: "The deadline {value|q} ({outside|dates}) lies outside the project period {period_start|date}–{period_end|date}.",
    },
  },
  DUE_ORDER: {
    default: {
      ru: "Срок {value|q} раньше срока предыдущего мероприятия [[№ {previous_number}]][[!previous_number:в строке {previous_row}]] ({previous_value|q}) того же раздела.",
      en: "The deadline {value|q} is earlier than that of the previous activity [[No. {previous_number}]][[!previous_number:in row {previous_row}]] ({previous_value|q}) of the same section.",
    },
  },
  RESULT_NOT_MEASURABLE: {
    default: {
      ru: "Результат без количественной характеристики: ожидалось число или процент (например, «не менее 90 % ШНОР», «не реже двух раз в год»), найдено {value|q}.",
      en: "A result without a quantitative characteristic: expected a number or a percentage (e.g. “не менее 90 % ШНОР”, “не реже двух раз в год”), found {value|q}.",
    },
  },
  OWNER_UNKNOWN: {
    default: {
      ru: "Ответственный {owners|q50} не найден в перечне организаций и сокращений проекта.",
      en: "{owners#The owner|The owners} {owners|q50} {owners#is|are} not in the project's list of organisations and abbreviations.",
    },
  },
  STATUS_INVALID: {
    default: {
      ru: "Статус {value|q} недопустим: ожидалось одно из {allowed|qr}.",
      en: "The status {value|q} is not allowed: expected one of {allowed|qr}.",
    },
  },
  OVERDUE: {
    default: {
      ru: `Мероприятие ${ACTIVITY_RU} не выполнено (статус [[{status|q}]][[!status:не указан]]), а срок {due|q} истёк {due_date|date} (отчётная дата {as_of|date}).`,
      en: `Activity ${ACTIVITY_EN} is not done (status [[{status|q}]][[!status:not given]]), and its deadline {due|q} passed on {due_date|date} (report date {as_of|date}).`,
    },
  },
  DONE_LATE: {
    default: {
      ru: `Мероприятие ${ACTIVITY_RU} выполнено {done_date|date} — позже срока {due|q} ({due_date|date}).`,
      en: `Activity ${ACTIVITY_EN} was done on {done_date|date}, after its deadline {due|q} ({due_date|date}).`,
    },
  },
  DUPLICATE_ROW: {
    default: {
      ru: "Мероприятие {task|q50} повторяет строку {first_row} того же раздела.",
      en: "The activity {task|q50} repeats row {first_row} of the same section.",
    },
  },
  NOT_A_NUMBER: {
    cell: {
      ru: CELL_RU + "ожидалось {type|expect}, найдено {found|found}.",
      en: CELL_EN + "expected {type|expect}, found {found|found}.",
    },
    percent: {
      ru: CELL_RU + "ожидалось {type|expect} (количество, а не процент), найдено {found|found}.",
      en: CELL_EN + "expected {type|expect} (a count, not a percentage), found {found|found}.",
    },
    year: {
      ru:
        CELL_RU +
        "ожидался {type|expect}, найдено {found|found}[[ (годы {first_year} и {second_year} идут не подряд)]].",
      en:
        CELL_EN +
        "expected {type|expect}, found {found|found}[[ (the years {first_year} and {second_year} are not consecutive)]].",
    },
  },
  NEGATIVE: {
    cell: {
      ru: CELL_RU + "ожидалось {type|expect}, найдено отрицательное {found|found}.",
      en: CELL_EN + "expected {type|expect}, found a negative {found|found}.",
    },
  },
  NOT_INTEGER: {
    cell: {
      ru: CELL_RU + "ожидалось {type|expect} (количество человек), найдено дробное {found|found}.",
      en: CELL_EN + "expected {type|expect} (a number of people), found a fraction {found|found}.",
    },
  },
  SUM_MISMATCH: {
    over: {
      ru: SUM_RU + "часть не может превышать целое.",
      en: SUM_EN + "a part cannot exceed the whole.",
    },
    grades: {
      ru: SUM_RU + "ожидалось не больше числа аттестованных.",
      en: SUM_EN + "expected no more than the number assessed.",
    },
    marks: {
      ru: "Строка {row}: {parts|refs} = {sum}, а {whole|ref} = {whole_value}; ожидалось, что сумма отметок равна числу участников.",
      en: "Row {row}: {parts|refs} = {sum}, while {whole|ref} = {whole_value}; expected the marks to add up to the number of participants.",
    },
  },
  PERCENT_RANGE: {
    cell: {
      ru: CELL_RU + "ожидался процент от 0 до 100, найдено {found|found}.",
      en: CELL_EN + "expected a percentage from 0 to 100, found {found|found}.",
    },
  },
  UNKNOWN_SCHOOL: {
    registry: {
      ru:
        CELL_RU +
        "школа {school|q} не найдена в реестре на листе {registry_sheet|qr}[[; возможно, имелась в виду {suggestion|qr}]].",
      en:
        CELL_EN +
        "the school {school|q} is not in the registry on sheet {registry_sheet|qr}[[; perhaps {suggestion|qr} was meant]].",
    },
    master_own: {
      ru: "Ячейка {cell}: школы {school|q} нет в реестре сводной книги {master|qr} (лист {registry_sheet|qr}); строка реестра из файла будет добавлена в сводную книгу.",
      en: "Cell {cell}: the school {school|q} is not in the registry of the master workbook {master|qr} (sheet {registry_sheet|qr}); the file's registry row will be added to the master workbook.",
    },
    master_missing: {
      ru: "Ячейка {cell}: школы {school|q} нет в реестре сводной книги {master|qr} (лист {registry_sheet|qr}); добавьте её в реестр, иначе её строки в сводной книге будут отмечены как неизвестная школа.",
      en: "Cell {cell}: the school {school|q} is not in the registry of the master workbook {master|qr} (sheet {registry_sheet|qr}); add it to the registry, or its rows in the master workbook will be marked as an unknown school.",
    },
  },
  DUPLICATE_SCHOOL: {
    school: {
      ru: "Школа {school|q} уже указана в строке {first_row}[[ как {first_school|q}]]; ожидалась одна строка на школу.",
      en: "The school {school|q} already appears in row {first_row}[[ as {first_school|q}]]; expected one row per school.",
    },
    period: {
      ru: "Школа {school|q} ({period}) уже указана в строке {first_row}[[ как {first_school|q}]]; ожидалась одна строка на школу за период.",
      en: "The school {school|q} ({period}) already appears in row {first_row}[[ as {first_school|q}]]; expected one row per school and period.",
    },
    procedure: {
      ru: "Школа {school|q} ({period}, процедура {procedure|q}) уже указана в строке {first_row}[[ как {first_school|q}]]; ожидалась одна строка на школу за период.",
      en: "The school {school|q} ({period}, procedure {procedure|q}) already appears in row {first_row}[[ as {first_school|q}]]; expected one row per school and period.",
    },
  },
  FORMULA_ERROR: {
    cell: {
      ru: CELL_RU + "ошибка формулы {error}; ожидалось {type|expect}.",
      en: CELL_EN + "formula error {error}; expected {type|expect}.",
    },
  },
  YES_NO_INVALID: {
    cell: {
      ru: CELL_RU + "ожидалось «да» или «нет», найдено {found|found}.",
      en: CELL_EN + "expected “да” (yes) or “нет” (no), found {found|found}.",
    },
  },
  SHNOR_MISMATCH: {
    two_low: {
      ru: SHNOR_HEAD_RU + SHNOR_WHY.two_low.ru + SHNOR_LOWS_RU,
      en: SHNOR_HEAD_EN + SHNOR_WHY.two_low.en + SHNOR_LOWS_EN,
    },
    both_years: {
      ru: SHNOR_HEAD_RU + SHNOR_WHY.both_years.ru + SHNOR_LOWS_RU,
      en: SHNOR_HEAD_EN + SHNOR_WHY.both_years.en + SHNOR_LOWS_EN,
    },
    one_low: {
      ru: SHNOR_HEAD_RU + SHNOR_WHY.one_low.ru + SHNOR_LOWS_RU,
      en: SHNOR_HEAD_EN + SHNOR_WHY.one_low.en + SHNOR_LOWS_EN,
    },
    none: {
      ru: SHNOR_HEAD_RU + SHNOR_WHY.none.ru + SHNOR_LOWS_RU,
      en: SHNOR_HEAD_EN + SHNOR_WHY.none.en + SHNOR_LOWS_EN,
    },
  },
  MISSING_SHEET: {
    default: {
      ru: "Нет листа {sheet|qr} (ожидался лист с заголовками {columns|qr}): показатели по его данным будут «нет данных».",
      en: "No sheet {sheet|qr} (expected a sheet with the headers {columns|qr}): the indicators that use its data will have no data.",
    },
  },
  NO_KNOWN_SHEETS: {
    default: {
      ru: "В книге не найден ни один лист шаблона {template}: ожидалась таблица плана-графика с заголовками «№ п/п», «Мероприятие», «Сроки», «Ответственные», «Результат» или лист мониторинга ({monitoring_sheets|qr}); просмотрены листы [[{sheets|qr}]][[!sheets:(нет листов)]].",
      en: "No sheet of template {template} was found in the workbook: expected a plan-graph table with the headers “№ п/п”, “Мероприятие”, “Сроки”, “Ответственные”, “Результат” or a monitoring sheet ({monitoring_sheets|qr}); sheets looked at: [[{sheets|qr}]][[!sheets:(none)]].",
    },
  },
  TEMPLATE_AMBIGUOUS: {
    default: {
      ru: "Шаблон определён неоднозначно: выбран {template} ({template|why}); близкие варианты: {alternatives}. Укажите шаблон явно (--template).",
      en: "The template is ambiguous: {template} was chosen ({template|why}); close candidates: {alternatives}. Name the template explicitly (--template).",
    },
  },
};

/** Why a template was chosen (`template_reason` of the JSON report), by the detection's `variant`. */
export const TEMPLATE_REASONS: Readonly<Record<string, Wording>> = {
  detected: {
    ru: "Выбран шаблон {template}: {template|why}.",
    en: "Template {template} was chosen: {template|why}.",
  },
  ambiguous: ISSUE_TEMPLATES.TEMPLATE_AMBIGUOUS.default,
  explicit: {
    ru: "Шаблон {template} указан явно.",
    en: "Template {template} was named explicitly.",
  },
};

/** Why a school is (not) ШНОР (`ShnorStatus.reason_params`, an indicator value's `note_params`), by variant. */
export const SHNOR_REASONS: Readonly<Record<string, Wording>> = {
  two_low: { ru: SHNOR_WHY.two_low.ru + SHNOR_LOWS_RU, en: SHNOR_WHY.two_low.en + SHNOR_LOWS_EN },
  both_years: { ru: SHNOR_WHY.both_years.ru + SHNOR_LOWS_RU, en: SHNOR_WHY.both_years.en + SHNOR_LOWS_EN },
  one_low: { ru: SHNOR_WHY.one_low.ru + SHNOR_LOWS_RU, en: SHNOR_WHY.one_low.en + SHNOR_LOWS_EN },
  none: { ru: SHNOR_WHY.none.ru + SHNOR_LOWS_RU, en: SHNOR_WHY.none.en + SHNOR_LOWS_EN },
  not_computed: {
    ru: "Статус по итогам {year} г. не рассчитан: нет данных решающих процедур за {missing_years|and} {missing_years#г.|гг.}, а в реестре ОО статус ШНОР не указан.",
    en: "The status for {year} was not computed: the deciding procedures have no data for {missing_years|and}, and the school registry gives no low-results status.",
  },
  registry_shnor: {
    ru: "Статус по итогам {year} г. не рассчитан (нет данных решающих процедур за {missing_years|and} {missing_years#г.|гг.}); взят из реестра ОО: ШНОР.",
    en: "The status for {year} was not computed (the deciding procedures have no data for {missing_years|and}); taken from the school registry: a low-results school.",
  },
  registry_not_shnor: {
    ru: "Статус по итогам {year} г. не рассчитан (нет данных решающих процедур за {missing_years|and} {missing_years#г.|гг.}); взят из реестра ОО: не ШНОР.",
    en: "The status for {year} was not computed (the deciding procedures have no data for {missing_years|and}); taken from the school registry: not a low-results school.",
  },
};

/** Other indicator notes with a wording per language (an indicator value's `note_params`), by variant. */
export const INDICATOR_NOTES: Readonly<Record<string, Wording>> = {
  ...SHNOR_REASONS,
  // event_share: the municipality's mean over the period's events.
  event_mean: {
    ru: "среднее по {events} мероприятиям; ШНОР: {schools}",
    en: "mean over {events} {events#event|events}; low-results schools: {schools}",
  },
};

const TAIL_RU = "[[; заменено {replaced|rows} прежнего импорта]][[; школ, уже внесённых в реестр: {registered}]]";
const TAIL_EN =
  "[[; {replaced|rows} of an earlier import replaced]][[; schools already in the registry: {registered}]]";

/**
 * The consolidation's sentences (`FileConsolidationReport.message_params` and `notes_params`,
 * `ConsolidationReport.notes_params`), by variant. `{problem_text}` is the master sheet's problem
 * (`CONSOLIDATION_PROBLEMS`, by the `problem` param).
 */
export const CONSOLIDATION_TEXTS: Readonly<Record<string, Wording>> = {
  merged: {
    ru: `Сведено {rows|rows}${TAIL_RU}.`,
    en: `Merged: {rows|rows}${TAIL_EN}.`,
  },
  merged_partly: {
    ru: `В файле {errors|errors}: сведены только строки без ошибок — {rows|rows}, пропущено строк с ошибками: {skipped}${TAIL_RU}.`,
    en: `The file has {errors|errors}: only the rows without errors were merged — {rows|rows}, rows with errors skipped: {skipped}${TAIL_EN}.`,
  },
  rejected: {
    ru: "В файле {errors|errors}: файл не сведён; исправьте ошибки и пришлите файл снова или сведите только строки без ошибок.",
    en: "The file has {errors|errors}: it was not merged; fix the errors and send the file again, or merge only the rows without errors.",
  },
  rejected_no_valid_rows: {
    ru: "В файле {errors|errors}: файл не сведён (строк без ошибок нет); исправьте ошибки и пришлите файл снова.",
    en: "The file has {errors|errors}: it was not merged (it has no rows without errors); fix the errors and send the file again.",
  },
  // The reader's own message (the hosts' read errors are in Russian): English gives its code.
  unreadable: {
    ru: "{error}",
    en: "The file could not be read (error {code}).",
  },
  master_itself: {
    ru: "Файл {file|qr} — это сама сводная книга: в себя она не сводится.",
    en: "The file {file|qr} is the master workbook itself: it is not merged into itself.",
  },
  same_name: {
    ru: "Файл с именем {file|qr} уже есть в этой сводке: имя файла записывается в {source|qr}, поэтому второй файл с тем же именем не сведён; переименуйте один из них.",
    en: "A file named {file|qr} is already in this batch: the file name is written into {source|qr}, so a second file of the same name is not merged; rename one of them.",
  },
  other_template: {
    ru: "Файл сделан по шаблону {recorded}, а сводная книга ведётся по шаблону {template}: строки листов мониторинга сведены по заголовкам столбцов.",
    en: "The file was made with template {recorded}, while the master workbook follows template {template}: the rows of the monitoring sheets were merged by their column headers.",
  },
  missing_column: {
    ru: "В сводной книге на листе {sheet|qr} нет столбца {column|qr}: его значения из файла не перенесены.",
    en: "The master workbook's sheet {sheet|qr} has no column {column|qr}: the file's values of that column were not carried over.",
  },
  sheet_not_merged: {
    ru: "Строки листа {sheet|qr} не сведены: {problem_text}.",
    en: "The rows of sheet {sheet|qr} were not merged: {problem_text}.",
  },
  master_sheet: {
    ru: "Строки не сводятся: {problem_text}.",
    en: "Rows cannot be merged: {problem_text}.",
  },
  no_rows: {
    ru: "В файле нет заполненных строк листов мониторинга.",
    en: "The file has no filled rows on the monitoring sheets.",
  },
  created_sheets: {
    ru: "В сводной книге не было {sheets#листа|листов} {sheets|qr}: {sheets#он создан|они созданы} с заголовками шаблона {template}.",
    en: "The master workbook had no {sheets#sheet|sheets} {sheets|qr}: {sheets#it was|they were} created with the headers of template {template}.",
  },
};

/** Why a master sheet takes no rows (`MasterSheet.problem`), by its `problem` param. */
export const CONSOLIDATION_PROBLEMS: Readonly<Record<string, Wording>> = {
  no_table: {
    ru: "на листе {problem_sheet|qr} сводной книги не найдена таблица шаблона (заголовки {problem_columns|qr})",
    en: "no table of the template was found on the master workbook's sheet {problem_sheet|qr} (headers {problem_columns|qr})",
  },
  no_header: {
    ru: "на листе {problem_sheet|qr} сводной книги не найдена строка заголовков",
    en: "no header row was found on the master workbook's sheet {problem_sheet|qr}",
  },
  missing_required: {
    ru: "на листе {problem_sheet|qr} сводной книги нет обязательного столбца {problem_columns|qr}",
    en: "the master workbook's sheet {problem_sheet|qr} lacks the required {problem_columns#column|columns} {problem_columns|qr}",
  },
};

// Rendering ------------------------------------------------------------------------------------

type Values = Readonly<Record<string, IssueParamValue | null | undefined>>;

const QUOTES: Record<Lang, [string, string]> = {
  ru: ["«", "»"],
  en: ["“", "”"],
};

function present(v: IssueParamValue | null | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return v !== "";
  if (typeof v === "number") return true;
  return v.length > 0;
}

function listOf(v: IssueParamValue): readonly (string | number)[] {
  return typeof v === "string" || typeof v === "number" ? [v] : v;
}

/** «1 строка», «3 строки», «5 строк»; «1 row», «5 rows». */
function counted(
  v: IssueParamValue,
  lang: Lang,
  forms: { ru: [string, string, string]; en: [string, string] },
): string {
  const n = typeof v === "number" ? v : Number(v);
  if (lang === "en") return `${n} ${n === 1 ? forms.en[0] : forms.en[1]}`;
  return plural(n, ...forms.ru);
}

function numberText(n: number, lang: Lang): string {
  return lang === "ru" ? String(n).replace(".", ",") : String(n);
}

function plain(v: string | number, lang: Lang): string {
  return typeof v === "number" ? numberText(v, lang) : v;
}

/** A cell's text in quotes, white space collapsed and trimmed, shortened to `max` characters. */
function quoted(text: string, lang: Lang, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  const [open, close] = QUOTES[lang];
  return `${open}${t.length > max ? t.slice(0, max - 1) + "…" : t}${close}`;
}

function rawQuoted(text: string, lang: Lang): string {
  const [open, close] = QUOTES[lang];
  return `${open}${text}${close}`;
}

/** A column's title: a Russian title that carries its own quotes («2») stays as it is. */
function columnQuoted(text: string, lang: Lang): string {
  return lang === "ru" && /[«»]/.test(text) ? text : rawQuoted(text, lang);
}

/** ISO 2023-03-15 → 15.03.2023 (the form the sheets show, in both languages). */
function dateText(iso: string): string {
  return iso.split("-").reverse().join(".");
}

const EXPECTED: Record<string, Wording> = {
  count: { ru: "целое число ≥ 0", en: "a whole number ≥ 0" },
  percent: { ru: "процент от 0 до 100", en: "a percentage from 0 to 100" },
  number: { ru: "число ≥ 0", en: "a number ≥ 0" },
  yesno: { ru: "«да» или «нет»", en: "“да” (yes) or “нет” (no)" },
  year: { ru: "год, например 2022", en: "a year, e.g. 2022" },
  school_year: {
    ru: "учебный год вида «2021/2022»",
    en: "a school year such as “2021/2022”",
  },
  date: { ru: "дата вида 15.03.2023", en: "a date such as 15.03.2023" },
  text: { ru: "текст", en: "text" },
};

/** A cell's value as found, by `<name>_type`: text, error, date (ISO), bool, percent. */
function foundText(v: string | number, type: string, lang: Lang): string {
  const s = String(v);
  switch (type) {
    case "error":
      return lang === "ru" ? `ошибка ${s}` : `error ${s}`;
    case "date":
      return lang === "ru" ? `дата ${dateText(s)}` : `date ${dateText(s)}`;
    case "bool":
      return lang === "ru"
        ? `логическое значение ${s === "true" ? "ИСТИНА" : "ЛОЖЬ"}`
        : `logical value ${s === "true" ? "TRUE" : "FALSE"}`;
    case "percent":
      return rawQuoted(`${plain(v, lang)} %`, lang);
    default: {
      const t = s.replace(/\s+/g, " ");
      return rawQuoted(t.length > 60 ? t.slice(0, 59) + "…" : t, lang);
    }
  }
}

/** «ВПР 5 кл. математика (40,0 %, 4 из 10)» from «ВПР 5 кл. математика: 4/10». */
function lowText(item: string, lang: Lang): string {
  const at = item.lastIndexOf(": ");
  const name = at >= 0 ? item.slice(0, at) : item;
  const [low, participants] = (at >= 0 ? item.slice(at + 2) : "").split("/").map(Number);
  const share = participants > 0 ? low / participants : 0;
  const shown = numberText(Math.round(share * 1000 + 1e-9) / 10, lang).replace(
    /^(-?\d+)$/,
    lang === "ru" ? "$1,0" : "$1.0",
  );
  return lang === "ru"
    ? `${name} (${shown} %, ${low} из ${participants})`
    : `${rawQuoted(name, lang)} (${shown} %, ${low} of ${participants})`;
}

/** Why a template was chosen, from the detection's params: what was recorded, found and fitted. */
function whyText(p: Values, lang: Lang): string {
  const parts: string[] = [];
  if (present(p.recorded))
    parts.push(
      lang === "ru"
        ? `в книге записан шаблон ${String(p.recorded)}`
        : `the workbook records template ${String(p.recorded)}`,
    );
  if (present(p.keywords)) {
    const words = listOf(p.keywords!)
      .map((k) => rawQuoted(String(k), lang))
      .join(", ");
    parts.push(lang === "ru" ? `в тексте листов найдено ${words}` : `the sheets' text contains ${words}`);
  }
  if (present(p.fitted_sheets)) {
    const specs = present(p.fitted_specs) ? listOf(p.fitted_specs!) : [];
    const pairs = listOf(p.fitted_sheets!)
      .map((s, i) => `${rawQuoted(String(s), lang)} → ${rawQuoted(String(specs[i] ?? ""), lang)}`)
      .join(", ");
    parts.push(lang === "ru" ? `заголовки таблиц подходят: ${pairs}` : `the tables' headers fit: ${pairs}`);
  }
  if (!parts.length) return lang === "ru" ? "ни один шаблон не подходит явно" : "no template fits clearly";
  return parts.join("; ");
}

type Format = (v: IssueParamValue, lang: Lang, name: string, p: Values, arg: number | undefined) => string;

const each =
  (f: (s: string, lang: Lang, arg: number | undefined) => string, sep = ", "): Format =>
  (v, lang, _name, _p, arg) =>
    listOf(v)
      .map((x) => f(String(x), lang, arg))
      .join(sep);

/** The formats of `{name|format}`; a number after the name is its argument (`q40`). */
const FORMATS: Record<string, Format> = {
  q: each((s, lang, max) => quoted(s, lang, max)),
  qr: each((s, lang) => rawQuoted(s, lang)),
  qc: each((s, lang) => columnQuoted(s, lang)),
  date: each((s) => dateText(s)),
  /** ISO dates or «start/end» ranges: 01.09.2023–31.05.2024. */
  dates: each((s) =>
    s
      .split("/")
      .map((d) => dateText(d))
      .join("–"),
  ),
  expect: (v, lang) => (EXPECTED[String(v)] ?? EXPECTED.text)[lang],
  found: (v, lang, name, p) =>
    foundText(typeof v === "number" ? v : String(v), String(p[`${name}_type`] ?? "text"), lang),
  yn: (v, lang) => rawQuoted(v === "yes" ? (lang === "ru" ? "да" : "yes") : lang === "ru" ? "нет" : "no", lang),
  /** Column titles with their cells (`<name>_cells`): «Отличников» (E5) + «Ударников» (F5). */
  refs: (v, lang, name, p) => {
    const cells = present(p[`${name}_cells`]) ? listOf(p[`${name}_cells`]!) : [];
    return listOf(v)
      .map((t, i) => `${columnQuoted(String(t), lang)}${cells[i] ? ` (${String(cells[i])})` : ""}`)
      .join(" + ");
  },
  ref: (v, lang, name, p) => {
    const cell = p[`${name}_cell`];
    return `${columnQuoted(String(v), lang)}${present(cell) ? ` (${String(cell)})` : ""}`;
  },
  lows: (v, lang) => {
    const items = listOf(v);
    return items.length ? items.map((x) => lowText(String(x), lang)).join(", ") : lang === "ru" ? "нет" : "none";
  },
  why: (_v, lang, _name, p) => whyText(p, lang),
  /** A count of rows or errors with its noun: «3 строки», «3 rows». */
  rows: (v, lang) => counted(v, lang, { ru: ["строка", "строки", "строк"], en: ["row", "rows"] }),
  errors: (v, lang) => counted(v, lang, { ru: ["ошибка", "ошибки", "ошибок"], en: ["error", "errors"] }),
  /** A list joined by «и» / “and”: «2021 и 2022». */
  and: (v, lang) =>
    listOf(v)
      .map((x) => plain(x, lang))
      .join(lang === "ru" ? " и " : " and "),
};

const PLACEHOLDER = /\{(\w+)(?:\|([a-z]+)(\d+)?)?(?:#([^|{}]*)\|([^{}]*))?\}/g;
const SEGMENT = /\[\[(?:!(\w+):)?((?:(?!\]\]).)*)\]\]/gs;

function renderPlaceholder(
  name: string,
  format: string | undefined,
  arg: string | undefined,
  one: string | undefined,
  many: string | undefined,
  p: Values,
  lang: Lang,
): string {
  const v = p[name];
  if (one !== undefined) {
    const n = v === null || v === undefined ? 0 : typeof v === "number" ? v : typeof v === "string" ? 1 : v.length;
    return n === 1 ? one : (many ?? "");
  }
  if (v === null || v === undefined) return format === "why" ? whyText(p, lang) : "";
  if (format) {
    const f = FORMATS[format];
    if (f) return f(v, lang, name, p, arg === undefined ? undefined : Number(arg));
  }
  return listOf(v)
    .map((x) => plain(x, lang))
    .join(", ");
}

interface Placeholder {
  name: string;
  format: string | undefined;
  arg: string | undefined;
  one: string | undefined;
  many: string | undefined;
}

/** Literal text, or a placeholder. */
type Piece = string | Placeholder;

/** A template's parts: plain pieces, or a segment kept when its params are present (or `absent` is). */
type Part = { pieces: Piece[]; needs: string[]; absent: string | null };

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ name: m[1], format: m[2], arg: m[3], one: m[4], many: m[5] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Templates parsed once (thousands of issues share a few dozen wordings). */
const compiled = new Map<string, Part[]>();

function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const m of template.matchAll(SEGMENT)) {
    if (m.index > last) parts.push({ pieces: pieces(template.slice(last, m.index)), needs: [], absent: null });
    const body = pieces(m[2]);
    const needs = body.filter((x): x is Placeholder => typeof x !== "string" && x.one === undefined).map((x) => x.name);
    parts.push({ pieces: body, needs, absent: m[1] ?? null });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ pieces: pieces(template.slice(last)), needs: [], absent: null });
  compiled.set(template, parts);
  return parts;
}

/** A template rendered with `values`: the segments whose params are there, then each placeholder. */
export function renderTemplate(template: string, values: Values, lang: Lang): string {
  let out = "";
  for (const part of compile(template)) {
    if (part.absent !== null ? present(values[part.absent]) : part.needs.some((n) => !present(values[n]))) continue;
    for (const x of part.pieces)
      out += typeof x === "string" ? x : renderPlaceholder(x.name, x.format, x.arg, x.one, x.many, values, lang);
  }
  return out;
}

/** The wording of an issue: its code's template for `params.variant` (or the only/default one). */
export function issueTemplate(code: IssueCode, variant: string | undefined): Wording {
  const byVariant = ISSUE_TEMPLATES[code];
  return (
    (variant !== undefined ? byVariant[variant] : undefined) ??
    byVariant[DEFAULT_VARIANT] ??
    Object.values(byVariant)[0]
  );
}

function valuesOf(issue: Issue): Values {
  return {
    sheet: issue.sheet,
    cell: issue.cell,
    row: issue.row,
    column: issue.column,
    field: issue.field,
    ...issue.params,
  };
}

/** The message of one issue in `lang`. */
export function issueMessage(issue: Issue, lang: Lang): string {
  const variant = issue.params.variant;
  const wording = issueTemplate(issue.code, typeof variant === "string" ? variant : undefined);
  return renderTemplate(wording[lang], valuesOf(issue), lang);
}

/** The issue with its `message` rendered in `lang`. */
export function localizeIssue<T extends Issue>(issue: T, lang: Lang): T & RenderedIssue {
  // `message` before `params` in the JSON, as the report contract lists it.
  const { params, ...rest } = issue;
  return { ...rest, message: issueMessage(issue, lang), params } as T & RenderedIssue;
}

/** A file report with its messages and its template's reason rendered. */
export type LocalizedReport = Omit<FileReport, "template_reason" | "issues"> & {
  template_reason: string;
  issues: RenderedIssue[];
};

/** Why the template was chosen, from a report's `template_reason_params`, in `lang`. */
export function templateReason(params: IssueParams, lang: Lang): string {
  const variant = typeof params.variant === "string" ? params.variant : "detected";
  return renderTemplate((TEMPLATE_REASONS[variant] ?? TEMPLATE_REASONS.detected)[lang], params, lang);
}

/** A file report (the JSON contract) with every issue's message rendered in `lang`. */
export function localizeReport(report: FileReport, lang: Lang): LocalizedReport {
  return {
    ...report,
    template_reason: templateReason(report.template_reason_params, lang),
    issues: report.issues.map((i) => localizeIssue(i, lang)),
  };
}

/** A variant's wording among `wordings` (unknown or absent variant: null). */
function wordingOf(wordings: Readonly<Record<string, Wording>>, params: IssueParams): Wording | null {
  const variant = params.variant;
  return typeof variant === "string" ? (wordings[variant] ?? null) : null;
}

/** One consolidation sentence (a file's message or a note) from its params, in `lang`; null for unknown params. */
export function consolidationText(params: IssueParams, lang: Lang): string | null {
  const wording = wordingOf(CONSOLIDATION_TEXTS, params);
  if (!wording) return null;
  const problem = typeof params.problem === "string" ? CONSOLIDATION_PROBLEMS[params.problem] : undefined;
  const values: Values = problem ? { ...params, problem_text: renderTemplate(problem[lang], params, lang) } : params;
  return renderTemplate(wording[lang], values, lang);
}

/** Why a school is (not) ШНОР, from `ShnorStatus.reason_params`, in `lang`; null for unknown params. */
export function shnorReason(params: IssueParams, lang: Lang): string | null {
  const wording = wordingOf(SHNOR_REASONS, params);
  return wording ? renderTemplate(wording[lang], params, lang) : null;
}

/** A consolidation sentence; a variant without a wording shows its name rather than nothing. */
function consolidationSentence(params: IssueParams, lang: Lang): string {
  return consolidationText(params, lang) ?? `[${String(params.variant)}]`;
}

function localizeFile(f: FileConsolidationReport, lang: Lang): RenderedFileConsolidation {
  // The keys in the JSON contract's order: `message` after `status`, `notes` before `notes_params`.
  const { file, status, message_params, notes_params, error, ...rest } = f;
  return {
    file,
    status,
    message: consolidationSentence(message_params, lang),
    message_params,
    ...rest,
    issues: rest.issues.map((i) => localizeIssue(i, lang)),
    notes: notes_params.map((p) => consolidationSentence(p, lang)),
    notes_params,
    ...(error ? { error } : {}),
  };
}

/**
 * A consolidation report in `lang`: the issues of every file, the template's reason, each file's
 * message and notes and the master-level notes, rendered from their params (the core writes no
 * sentence itself).
 */
export function localizeConsolidation(report: ConsolidationReport, lang: Lang): RenderedConsolidationReport {
  // The keys in the JSON contract's order: `notes` before `notes_params`, `template_reason` last.
  const { notes_params, summary, ...rest } = report;
  return {
    ...rest,
    files: rest.files.map((f) => localizeFile(f, lang)),
    notes: notes_params.map((p) => consolidationSentence(p, lang)),
    notes_params,
    summary,
    template_reason: templateReason(report.template_reason_params, lang),
  };
}

/** An indicator value's note from its `note_params`, in `lang`; null for unknown params. */
export function indicatorNote(params: IssueParams, lang: Lang): string | null {
  const wording = wordingOf(INDICATOR_NOTES, params);
  return wording ? renderTemplate(wording[lang], params, lang) : null;
}

/**
 * Indicator values with their `note` in `lang` where it has params (the ШНОР status' reason, the
 * mean over events of `event_share`).
 * Russian: the values as they are (their notes are the Russian rendering); English: only the
 * values with such a note are copied (a region has tens of thousands of values).
 */
export function localizeIndicators(values: IndicatorValue[], lang: Lang): IndicatorValue[] {
  if (lang === "ru") return values;
  return values.map((v) => {
    if (!v.note_params) return v;
    const note = indicatorNote(v.note_params, lang);
    return note === null ? v : { ...v, note };
  });
}
