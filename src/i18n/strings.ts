/** UI strings of the task pane. Russian is the default; English mirrors every key. */

export const ru = {
  appTitle: "Сверка",
  appDescription: "Проверка планов-графиков и мониторинга по шаблону проекта",
  checkWorkbook: "Проверить книгу",
  loading: "Загрузка…",
  notReadyHint: "Надстройка ещё загружается.",
  readyHint: "Откройте книгу проекта и нажмите «Проверить книгу».",
  noHostTitle: "Откройте надстройку в Excel",
  noHostNote: "Автономный режим (проверка файла без Excel) появится позже.",
} as const;

export type StringKey = keyof typeof ru;
export type Strings = Record<StringKey, string>;

export const en: Strings = {
  appTitle: "Sverka",
  appDescription: "Checks plan-graphs and monitoring sheets against the project template",
  checkWorkbook: "Check workbook",
  loading: "Loading…",
  notReadyHint: "The add-in is still loading.",
  readyHint: "Open the project workbook and click “Check workbook”.",
  noHostTitle: "Open the add-in in Excel",
  noHostNote: "Standalone mode (checking a file without Excel) comes later.",
};

/** English for any `en*` locale (en, en-US, en-GB…), Russian otherwise (including no locale). */
export function getStrings(locale?: string): Strings {
  return locale?.trim().toLowerCase().startsWith("en") ? en : ru;
}
