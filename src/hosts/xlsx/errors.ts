/**
 * Why a file could not be read as a workbook, with a message for the user (in Russian) that says
 * what was expected and what was found. A typed error with an inner cause, after script-lab's
 * `common/src/utilities/error.ts`.
 */

export type WorkbookReadErrorCode =
  "NOT_FOUND" | "NOT_XLSX" | "LEGACY_XLS" | "ENCRYPTED" | "CORRUPT" | "TOO_LARGE" | "ZIP_BOMB";

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  readonly code: WorkbookReadErrorCode;
  /** The file as the user named it (a file name, or the path given on the command line). */
  readonly file: string;

  constructor(code: WorkbookReadErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = file;
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}

/** What a file turned out to be, when it is not an .xlsx workbook. */
export type FoundKind =
  | "empty"
  | "directory"
  | "pdf"
  | "csv"
  | "text"
  | "html"
  | "xml2003"
  | "docx"
  | "pptx"
  | "xlsb"
  | "ods"
  | "opendocument"
  | "zip"
  | "doc"
  | "image"
  | "archive"
  | "unknown";

const FOUND_TEXT: Readonly<Record<FoundKind, string>> = {
  empty: "файл пуст (0 байт)",
  directory: "это папка, а не файл",
  pdf: "это PDF-документ",
  csv: "это текстовый файл с разделителями (CSV)",
  text: "это текстовый файл",
  html: "это веб-страница (HTML), которой дали расширение Excel",
  xml2003: "это таблица в устаревшем формате «XML-таблица 2003»",
  docx: "это документ Word (.docx)",
  pptx: "это презентация PowerPoint (.pptx)",
  xlsb: "это двоичная книга Excel (.xlsb)",
  ods: "это таблица OpenDocument (.ods)",
  opendocument: "это документ OpenDocument (LibreOffice)",
  zip: "это ZIP-архив, но в нём нет книги Excel",
  doc: "это документ Word старого формата (.doc)",
  image: "это изображение",
  archive: "это архив (RAR, 7z или gzip)",
  unknown: "формат файла не распознан",
};

const RESAVE = "Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».";

/** The formats a readable-but-broken file can be, for `corrupt` messages. */
export type WorkbookFormat = "xlsx" | "xlsm" | "xls" | "ods" | "csv";

const WRITABLE_TEXT: Readonly<Record<WorkbookFormat, string>> = {
  xlsx: "книга Excel (.xlsx)",
  xlsm: "книга Excel с макросами (.xlsm)",
  xls: "книга Excel старого формата (.xls, Excel 97–2003)",
  ods: "таблица OpenDocument (.ods)",
  csv: "текстовый файл с разделителями (CSV)",
};

const FORMAT_TEXT: Readonly<Record<WorkbookFormat, string>> = {
  xlsx: "архив книги Excel (.xlsx)",
  xlsm: "архив книги Excel с макросами (.xlsm)",
  xls: "книга Excel старого формата (.xls, Excel 97–2003)",
  ods: "таблица OpenDocument (.ods)",
  csv: "текстовый файл с разделителями (CSV)",
};

/** Sizes for people: «30,5 МБ», «812 КБ». */
export function formatSize(bytes: number): string {
  const units = ["байт", "КБ", "МБ", "ГБ", "ТБ"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 || v >= 100 ? String(Math.round(v)) : v.toFixed(1).replace(".", ",").replace(/,0$/, "");
  return `${text} ${units[u]}`;
}

function formatRatio(r: number): string {
  return Math.round(r).toLocaleString("ru-RU");
}

/** Message templates, one per situation; every user-visible text of this host is here. */
export const readMessages = {
  notFound: (file: string, path: string): string =>
    path === file
      ? `Файл «${file}» не найден: ожидалась книга Excel (.xlsx), но по этому пути ничего нет.`
      : `Файл «${file}» не найден: ожидалась книга Excel (.xlsx) по пути «${path}», но там ничего нет.`,

  notXlsx: (file: string, found: FoundKind, detail?: string): string => {
    const advice =
      found === "csv" || found === "html" || found === "xml2003" || found === "ods" || found === "xlsb"
        ? ` ${RESAVE}`
        : "";
    const extra = detail ? ` (${detail})` : "";
    return `Файл «${file}» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): ${FOUND_TEXT[found]}${extra}.${advice}`;
  },

  /** An Office 97–2003 compound file that holds a workbook stream no reader could parse. */
  legacyXls: (file: string, reason?: string): string =>
    `Файл «${file}» — книга Excel старого формата (.xls, Excel 97–2003), но прочитать её не удалось` +
    `${reason ? ` (${reason})` : ""}. ${RESAVE}`,

  /** A workbook Sverka reads but cannot write into (dashboard, consolidation): not an .xlsx/.xlsm package. */
  notWritable: (file: string, format: WorkbookFormat): string =>
    `Файл «${file}» — ${WRITABLE_TEXT[format]}: Сверка его читает и проверяет, но дашборд и свод записывает ` +
    `только в книгу Excel (.xlsx или .xlsm). Откройте его в Excel или LibreOffice и сохраните как «Книга Excel (*.xlsx)».`,

  /** A file of a known format whose contents are damaged. */
  corruptFormat: (file: string, format: WorkbookFormat, reason: string): string =>
    `Файл «${file}» повреждён: это ${FORMAT_TEXT[format]}, но прочитать его не удалось (${reason}). ` +
    "Попробуйте открыть его в Excel или LibreOffice и сохранить заново.",

  encrypted: (file: string): string =>
    `Файл «${file}» защищён паролем (зашифрован), поэтому его содержимое прочитать нельзя; ` +
    "ожидалась книга Excel без пароля на открытие. Снимите пароль (Файл → Сведения → Защита книги → " +
    "Зашифровать с использованием пароля → пустой пароль) и сохраните книгу снова.",

  corrupt: (file: string, reason: string): string =>
    `Файл «${file}» повреждён: это архив книги Excel (.xlsx), но прочитать его не удалось (${reason}). ` +
    "Попробуйте открыть его в Excel и сохранить заново.",

  tooLarge: (file: string, size: number, max: number): string =>
    `Файл «${file}» слишком велик: ${formatSize(size)}, а допускается не более ${formatSize(max)}.`,

  zipBombTotal: (file: string, total: number, max: number): string =>
    `Файл «${file}» отклонён: после распаковки он занял бы ${formatSize(total)}, а допускается не более ` +
    `${formatSize(max)}. Такой архив похож на «зип-бомбу» и может вывести программу из строя.`,

  zipBombRatio: (file: string, part: string, ratio: number, max: number): string =>
    `Файл «${file}» отклонён: часть «${part}» сжата в ${formatRatio(ratio)} раз, а у настоящих книг Excel ` +
    `сжатие не превышает ${formatRatio(max)} раз. Такой архив похож на «зип-бомбу».`,

  zipBombEntries: (file: string, count: number, max: number): string =>
    `Файл «${file}» отклонён: в архиве ${count.toLocaleString("ru-RU")} частей, а в книге Excel их ` +
    `бывает не больше ${max.toLocaleString("ru-RU")}.`,
} as const;
