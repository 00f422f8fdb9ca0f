/**
 * The CLI's own words in Russian and English (`--lang ru|en`, default Russian): commander's help
 * titles and error lines, the program's and commands' descriptions, and the CLI's messages. Issue
 * messages come from `i18n/issueMessages.ts`; the pane's dictionary is `i18n/strings.ts`.
 */
import type { Lang } from "../i18n/strings";

export type { Lang };

const ru = {
  program:
    "Сверка: проверка планов-графиков и мониторинга по шаблону проекта (ФЛК) и расчёт показателей. Коды выхода: 0 — ошибок нет, 1 — найдены ошибки, 2 — файл не читается или неверные аргументы.",
  "title.Usage:": "Использование:",
  "title.Options:": "Параметры:",
  "title.Commands:": "Команды:",
  "title.Arguments:": "Аргументы:",
  "title.Global Options:": "Общие параметры:",
  help: "показать справку",
  helpCommand: "показать справку по команде",
  version: "показать версию",
  lang: "язык вывода и сообщений: ru или en (по умолчанию ru)",
  "opt.template": "шаблон проекта (по умолчанию определяется по книге)",
  "opt.templateFile":
    "дополнительный шаблон в формате JSON (код встроенного шаблона занимать нельзя: встроенные шаблоны имеют приоритет)",
  "opt.asOf": "отчётная дата ГГГГ-ММ-ДД (по умолчанию сегодня)",
  "opt.json": "вывести результат в формате JSON (в stdout — только JSON)",
  "opt.out": "куда записать результат (не исходный файл)",
  "opt.into": "сводная книга (сама не меняется)",
  "opt.mergeValidRows": "из файлов с ошибками свести строки без ошибок",
  "opt.schools": "показать значения по школам",
  "arg.files": "файлы книг (.xlsx)",
  "arg.file": "файл книги (.xlsx)",
  "arg.schoolFiles": "файлы школ (.xlsx)",
  "arg.id": "код шаблона (см. sverka templates)",
  "cmd.validate": "проверить книги (ФЛК). Код выхода 0 — ошибок нет, 1 — есть ошибки, 2 — файл не читается",
  "cmd.indicators":
    "рассчитать показатели проекта: цель, факт, статус, прошлый период. Код выхода 0 — проверка без ошибок, 1 — проверка нашла ошибки или книга не относится ни к одному проекту, 2 — файл не читается",
  "cmd.dashboard":
    "записать копию книги с листами «Дашборд» (показатели с живыми формулами, школы, ФЛК по листам) и «Отчёт ФЛК»; исходный файл не меняется. Код выхода 0, когда копия записана (даже если проверка нашла ошибки — они в «Отчёте ФЛК»), 2 — файл не читается или неверные аргументы",
  "cmd.consolidate":
    "свести заполненные файлы школ в копию сводной книги: каждый файл проверяется (ФЛК); строки файлов без ошибок добавляются на листы мониторинга со столбцом «Источник», повторный импорт файла заменяет его прежние строки. Код выхода 0 — все файлы сведены, 1 — есть файлы не сведённые, сведённые частично, нечитаемые или одна школа в нескольких файлах (копия всё равно записана), 2 — сводная книга не читается, копию не записать или неверные аргументы",
  "cmd.templates": "встроенные шаблоны проектов",
  "cmd.report":
    "записать аналитическую справку по итогам мониторинга (.docx): проверка данных, достижение целевых показателей с диаграммой доли ШНОР, школы с низкими образовательными результатами, выводы. Код выхода 0, когда справка записана (даже если проверка нашла ошибки — они в разделе 1), 2 — файл не читается или неверные аргументы",
  "cmd.template": "создать пустой бланк книги по шаблону проекта (листы плана и мониторинга с проверкой ввода)",
  checking: "Проверка {file}…",
  schoolYear: " (учебный год)",
  badDate: "--as-of: ожидалась дата ГГГГ-ММ-ДД, получено «{value}».",
  badLang: "--lang: ожидалось ru или en, получено «{value}».",
  noTemplate: "Нет шаблона «{id}». Доступные шаблоны: {ids}.",
  templateUnreadable: "Не удалось прочитать шаблон «{file}»: {reason}",
  templateRefused: "Шаблон «{file}» не принят: {reason}",
  outIsInput: "--out: результат записывается в копию; укажите другой файл, не «{file}».",
  cannotWrite: "Не удалось записать «{file}»: {reason}",
  unknownProject:
    "{file}: книга не относится ни к одному известному проекту — нет ни плана-графика, ни листов мониторинга шаблона {template} (просмотрены листы {sheets}); показатели не рассчитаны. Укажите шаблон (--template) или проверьте книгу: sverka validate {file}",
  noSheets: "(нет листов)",
  indicatorsHead: "Файл: {file}\nШаблон: {template}\nОтчётная дата: {asOf}\nПроверка (ФЛК): {summary}",
  indicatorsErrors: "Проверка нашла ошибки: подробности — sverka validate {file}",
  dashboardDone:
    "Дашборд записан в {out} (шаблон {template}, отчётная дата {asOf}): листы «{dashboard}» и «{report}»{helpers}.",
  dashboardHelpers: ", скрытый служебный {names}",
  dashboardFacts: "Показателей по муниципалитету: {facts}, из них с живой формулой: {formulas}.",
  dashboardCheck: "Проверка (ФЛК): {summary}.",
  reportDone: "Справка записана в {out} (шаблон {template}, отчётная дата {asOf}).",
  reportTargets: "Целевые показатели: выполнено {met} из {assessed}.",
  reportShnor: "ШНОР по итогам {year} г.: {count}.",
  reportNotDocx: "--out: справка записывается в файл .docx, получено «{file}».",
  reportUnknownProject:
    "{file}: книга не относится ни к одному известному проекту — нет ни плана-графика, ни листов мониторинга шаблона {template} (просмотрены листы {sheets}); справка не записана. Укажите шаблон (--template) или проверьте книгу: sverka validate {file}",
  warning: "Внимание: {text}",
  blankDone: "Создан бланк {out} (шаблон {template}): листы {sheets}",
  progressWrite: "запись {file}",
  internal: "внутренняя ошибка",
  "fs.ENOENT": "нет такого файла или папки",
  "fs.EISDIR": "это папка, а не файл",
  "fs.ENOTDIR": "в пути есть файл вместо папки",
  "fs.EACCES": "нет прав доступа",
  "fs.EROFS": "файловая система только для чтения",
  "fs.ENOSPC": "на диске нет места",
  "fs.other": "ошибка файловой системы {code}",
};

export type CliKey = keyof typeof ru;

const en: Record<CliKey, string> = {
  program:
    "Sverka: checks project plan-graphs and monitoring workbooks against the project's template and computes its indicators. Exit codes: 0 no errors, 1 errors found, 2 a file cannot be read or the arguments are wrong.",
  "title.Usage:": "Usage:",
  "title.Options:": "Options:",
  "title.Commands:": "Commands:",
  "title.Arguments:": "Arguments:",
  "title.Global Options:": "Global Options:",
  help: "display help",
  helpCommand: "display help for a command",
  version: "display the version",
  lang: "language of the output and messages: ru or en (default ru)",
  "opt.template": "the project's template (default: detected from the workbook)",
  "opt.templateFile": "an extra template as JSON (it may not take a built-in template's id: built-in templates win)",
  "opt.asOf": "report date YYYY-MM-DD (default: today)",
  "opt.json": "print the result as JSON (stdout carries only JSON)",
  "opt.out": "where to write the result (not the input file)",
  "opt.into": "the master workbook (never changed itself)",
  "opt.mergeValidRows": "merge the rows without errors of files that have errors",
  "opt.schools": "show the values per school",
  "arg.files": "workbook files (.xlsx)",
  "arg.file": "workbook file (.xlsx)",
  "arg.schoolFiles": "the schools' files (.xlsx)",
  "arg.id": "template id (see sverka templates)",
  "cmd.validate": "check workbooks. Exit code 0 no errors, 1 errors found, 2 a file cannot be read",
  "cmd.indicators":
    "compute the project's indicators: target, fact, status, previous period. Exit code 0 the check found no errors, 1 it found errors or the workbook belongs to no known project, 2 the file cannot be read",
  "cmd.dashboard":
    "write a copy of the workbook with the sheets “Дашборд” (indicators with live formulas, schools, checks per sheet) and “Отчёт ФЛК”; the input file is never changed. Exit code 0 when the copy is written (even if the check found errors: they are in “Отчёт ФЛК”), 2 the file cannot be read or the arguments are wrong",
  "cmd.consolidate":
    "merge filled school files into a copy of the master workbook: each file is checked; rows of files without errors are appended to the monitoring sheets with a “Источник” column, importing a file again replaces its earlier rows. Exit code 0 every file merged, 1 some file was rejected, merged partly, unreadable or a school was sent twice (the copy is still written), 2 the master cannot be read, the copy cannot be written or the arguments are wrong",
  "cmd.templates": "the built-in project templates",
  "cmd.report":
    "write the analytical report on the monitoring (.docx, in Russian): the data check, the targets with a chart of the ШНОР share, the schools with low results, conclusions. Exit code 0 when the report is written (even when the check found errors: they are its section 1), 2 a file cannot be read or the arguments are wrong",
  "cmd.template": "create a blank workbook for a project template (plan and monitoring sheets with data validation)",
  checking: "Checking {file}…",
  schoolYear: " (school year)",
  badDate: "--as-of: expected a date YYYY-MM-DD, got “{value}”.",
  badLang: "--lang: expected ru or en, got “{value}”.",
  noTemplate: "No template “{id}”. Available templates: {ids}.",
  templateUnreadable: "Cannot read the template “{file}”: {reason}",
  templateRefused: "Template “{file}” refused: {reason}",
  outIsInput: "--out: the result is written to a copy; name another file than “{file}”.",
  cannotWrite: "Cannot write “{file}”: {reason}",
  unknownProject:
    "{file}: the workbook belongs to no known project: no plan-graph and no monitoring sheet of template {template} (sheets looked at: {sheets}); no indicators computed. Choose a template (--template) or check the workbook: sverka validate {file}",
  noSheets: "(no sheets)",
  indicatorsHead: "File: {file}\nTemplate: {template}\nReport date: {asOf}\nCheck: {summary}",
  indicatorsErrors: "The check found errors: see sverka validate {file}",
  dashboardDone:
    "Dashboard written to {out} (template {template}, report date {asOf}): sheets “{dashboard}” and “{report}”{helpers}.",
  dashboardHelpers: ", hidden helper {names}",
  dashboardFacts: "Municipal indicators: {facts}, with a live formula: {formulas}.",
  dashboardCheck: "Check: {summary}.",
  reportDone: "Report written to {out} (template {template}, report date {asOf}).",
  reportTargets: "Targets met: {met} of {assessed}.",
  reportShnor: "Schools with low results (ШНОР) by the results of {year}: {count}.",
  reportNotDocx: "--out: the report is a .docx file, got “{file}”.",
  reportUnknownProject:
    "{file}: the workbook belongs to no known project — neither a plan-graph nor monitoring sheets of template {template} (sheets looked at: {sheets}); no report written. Choose the template (--template) or check the workbook: sverka validate {file}",
  warning: "Warning: {text}",
  blankDone: "Blank workbook {out} created (template {template}): sheets {sheets}",
  progressWrite: "writing {file}",
  internal: "internal error",
  "fs.ENOENT": "no such file or folder",
  "fs.EISDIR": "it is a folder, not a file",
  "fs.ENOTDIR": "a file stands where the path needs a folder",
  "fs.EACCES": "permission denied",
  "fs.EROFS": "the file system is read-only",
  "fs.ENOSPC": "the disk is full",
  "fs.other": "file system error {code}",
};

const TABLES: Record<Lang, Record<CliKey, string>> = { ru, en };

/** The text of `key` in `lang` with `{name}` placeholders filled. */
export function cliText(lang: Lang, key: CliKey, params: Readonly<Record<string, string | number>> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] === undefined ? m : String(params[name]),
  );
}

/** Why a file could not be read or written, from Node's error code, in `lang` (never Node's own text). */
export function fsReason(lang: Lang, error: unknown): string {
  const code =
    typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : "";
  const key = (code === "EPERM" ? "fs.EACCES" : `fs.${code}`) as CliKey;
  return key in ru ? TABLES[lang][key] : cliText(lang, "fs.other", { code: code || "?" });
}

/** Commander's help titles («Usage:» …) in `lang`. */
export function helpTitle(lang: Lang, title: string): string {
  const key = `title.${title}` as CliKey;
  return key in ru ? TABLES[lang][key] : title;
}

/** «[options]», «[command]» in commander's usage lines, in `lang`. */
export function usageWords(lang: Lang, text: string): string {
  return lang === "ru" ? text.replace(/\[options\]/g, "[параметры]").replace(/\[command\]/g, "[команда]") : text;
}

/** Commander's own error lines («error: missing required argument 'file'») in Russian. */
const COMMANDER_ERRORS_RU: [RegExp, string][] = [
  [/^error: missing required argument '(.+)'/, "ошибка: не указан обязательный аргумент «$1»"],
  [/^error: required option '(.+)' not specified/, "ошибка: не указан обязательный параметр «$1»"],
  [/^error: option '(.+)' argument missing/, "ошибка: у параметра «$1» нет значения"],
  [/^error: unknown option '(.+?)'/, "ошибка: неизвестный параметр «$1»"],
  [/^error: unknown command '(.+?)'/, "ошибка: неизвестная команда «$1»"],
  [
    /^error: too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\./,
    "ошибка: лишние аргументы команды «$1»: ожидалось $2, получено $3.",
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
    "ошибка: лишние аргументы: ожидалось $1, получено $2.",
  ],
  [
    /^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\./,
    "ошибка: у параметра «$1» недопустимое значение «$2»; допустимы: $3.",
  ],
  [/\(Did you mean (.+)\?\)/, "(может быть, $1?)"],
];

export function translateCommanderError(lang: Lang, text: string): string {
  if (lang !== "ru") return text;
  return text
    .split("\n")
    .map((line) => COMMANDER_ERRORS_RU.reduce((s, [re, to]) => s.replace(re, to), line))
    .join("\n");
}

/** `--lang` from the arguments before commander parses them (the help's language depends on it). */
export function langFromArgv(argv: readonly string[]): Lang | { invalid: string } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (value === undefined) continue;
    if (value === "ru" || value === "en") return value;
    return { invalid: value };
  }
  return "ru";
}
