/**
 * Why a file could not be read, in the user's language. The readers (`hosts/xlsx`) describe a
 * failure as data — a `variant` and its values (`WorkbookReadError.params`, the CLI JSON's
 * `message_params`) — and this module renders it from one template per variant, in Russian or
 * English, with `renderTemplate`'s syntax (`issueMessages.ts`). The Russian rendering is the
 * error's `message`.
 *
 * Values a template cannot format itself are derived per language first: `{found_text}` (what the
 * file is, by `found`), `{detail_text}` (by `detail`), `{reason_text}` (why a package is damaged,
 * by `reason`), `{format_text}` (by `format`), sizes, ratios and counts (`{size_text}` …).
 */
import type {
  MessageParams,
  ReadFailure,
  RenderedConsolidationReport,
  RenderedFileConsolidation,
} from "../core/consolidate/types";
import { renderTemplate, type Wording } from "./issueMessages";
import type { Lang } from "./strings";

/** A read failure as data: its wording (`variant`) and values (the same shape as a host error's). */
export type ReadErrorParams = MessageParams;

/** What a file turned out to be, when it is not a workbook Sverka reads. */
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

/** The formats a readable-but-broken (or unwritable) file can be. */
export type WorkbookFormat = "xlsx" | "xlsm" | "xls" | "ods" | "csv";

/** More about what a file is (`detail` of `not_xlsx`). */
export type NotXlsxDetail = "no_parts" | "empty_archive" | "ppt" | "first_bytes";

/** Why a file of a known format could not be read (`reason` of `corrupt` and `corrupt_format`), with its values. */
export type CorruptReason =
  | { readonly reason: "zip_directory" | "parts" | "ods_content" }
  | {
      readonly reason:
        "part_no_data" | "part_truncated" | "part_inflate" | "part_oversize" | "no_part" | "no_sheet_list";
      readonly part: string;
    }
  | { readonly reason: "part_method"; readonly part: string; readonly method: number }
  | { readonly reason: "no_sheet_part"; readonly part: string; readonly sheet: string }
  | { readonly reason: "technical"; readonly detail: string };

const FOUND: Readonly<Record<FoundKind, Wording>> = {
  empty: { ru: "файл пуст (0 байт)", en: "the file is empty (0 bytes)" },
  directory: { ru: "это папка, а не файл", en: "it is a folder, not a file" },
  pdf: { ru: "это PDF-документ", en: "it is a PDF document" },
  csv: { ru: "это текстовый файл с разделителями (CSV)", en: "it is a delimited text file (CSV)" },
  text: { ru: "это текстовый файл", en: "it is a text file" },
  html: {
    ru: "это веб-страница (HTML), которой дали расширение Excel",
    en: "it is a web page (HTML) given an Excel extension",
  },
  xml2003: {
    ru: "это таблица в устаревшем формате «XML-таблица 2003»",
    en: "it is a spreadsheet in the obsolete “XML Spreadsheet 2003” format",
  },
  docx: { ru: "это документ Word (.docx)", en: "it is a Word document (.docx)" },
  pptx: { ru: "это презентация PowerPoint (.pptx)", en: "it is a PowerPoint presentation (.pptx)" },
  xlsb: { ru: "это двоичная книга Excel (.xlsb)", en: "it is an Excel binary workbook (.xlsb)" },
  ods: { ru: "это таблица OpenDocument (.ods)", en: "it is an OpenDocument spreadsheet (.ods)" },
  opendocument: { ru: "это документ OpenDocument (LibreOffice)", en: "it is an OpenDocument (LibreOffice) document" },
  zip: { ru: "это ZIP-архив, но в нём нет книги Excel", en: "it is a ZIP archive with no Excel workbook in it" },
  doc: { ru: "это документ Word старого формата (.doc)", en: "it is an old-format Word document (.doc)" },
  image: { ru: "это изображение", en: "it is an image" },
  archive: { ru: "это архив (RAR, 7z или gzip)", en: "it is an archive (RAR, 7z or gzip)" },
  unknown: { ru: "формат файла не распознан", en: "the file's format was not recognised" },
};

/** Found kinds that Excel opens and can save as .xlsx: their message says how. */
const RESAVABLE: ReadonlySet<string> = new Set<FoundKind>(["csv", "html", "xml2003", "ods", "xlsb"]);

const DETAILS: Readonly<Record<NotXlsxDetail, Wording>> = {
  no_parts: {
    ru: "нет частей «[Content_Types].xml» и «xl/workbook.xml»",
    en: "it has no “[Content_Types].xml” and “xl/workbook.xml” parts",
  },
  empty_archive: { ru: "архив пуст", en: "the archive is empty" },
  ppt: {
    ru: "это презентация PowerPoint старого формата (.ppt)",
    en: "it is an old-format PowerPoint presentation (.ppt)",
  },
  first_bytes: { ru: "первые байты: {bytes}", en: "first bytes: {bytes}" },
};

const REASONS: Readonly<Record<CorruptReason["reason"], Wording>> = {
  zip_directory: {
    ru: "архив обрезан или его оглавление испорчено",
    en: "the archive is truncated or its directory is damaged",
  },
  parts: { ru: "части книги не удалось разобрать", en: "the workbook's parts could not be parsed" },
  ods_content: { ru: "содержимое таблицы не удалось разобрать", en: "the spreadsheet's contents could not be parsed" },
  part_no_data: {
    ru: "в архиве нет данных части {part|qr}",
    en: "the archive holds no data of the part {part|qr}",
  },
  part_truncated: { ru: "часть {part|qr} обрезана", en: "the part {part|qr} is truncated" },
  part_method: {
    ru: "часть {part|qr} сжата неизвестным способом ({method})",
    en: "the part {part|qr} is compressed with an unknown method ({method})",
  },
  part_inflate: {
    ru: "сжатые данные части {part|qr} испорчены",
    en: "the compressed data of the part {part|qr} are damaged",
  },
  part_oversize: {
    ru: "часть {part|qr} распаковывается больше заявленного размера",
    en: "the part {part|qr} unpacks to more than its declared size",
  },
  no_part: { ru: "нет части {part|qr}", en: "there is no part {part|qr}" },
  no_sheet_list: { ru: "в части {part|qr} нет списка листов", en: "the part {part|qr} has no list of sheets" },
  no_sheet_part: {
    ru: "нет части {part|qr} с листом {sheet|qr}",
    en: "there is no part {part|qr} with the sheet {sheet|qr}",
  },
  technical: { ru: "техническая причина: {detail}", en: "technical reason: {detail}" },
};

/** What a file is, for `not_writable`. */
const WRITABLE: Readonly<Record<WorkbookFormat, Wording>> = {
  xlsx: { ru: "книга Excel (.xlsx)", en: "an Excel workbook (.xlsx)" },
  xlsm: { ru: "книга Excel с макросами (.xlsm)", en: "an Excel macro-enabled workbook (.xlsm)" },
  xls: {
    ru: "книга Excel старого формата (.xls, Excel 97–2003)",
    en: "an old-format Excel workbook (.xls, Excel 97–2003)",
  },
  ods: { ru: "таблица OpenDocument (.ods)", en: "an OpenDocument spreadsheet (.ods)" },
  csv: { ru: "текстовый файл с разделителями (CSV)", en: "a delimited text file (CSV)" },
};

/** What a damaged file is, for `corrupt_format`. */
const FORMATS: Readonly<Record<WorkbookFormat, Wording>> = {
  ...WRITABLE,
  xlsx: { ru: "архив книги Excel (.xlsx)", en: "an Excel workbook archive (.xlsx)" },
  xlsm: { ru: "архив книги Excel с макросами (.xlsm)", en: "an Excel macro-enabled workbook archive (.xlsm)" },
};

const RESAVE: Wording = {
  ru: "Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».",
  en: "Open it in Excel and save it as “Excel Workbook (*.xlsx)”.",
};

/** Every read failure's wording, by variant. */
export const READ_ERROR_TEXTS: Readonly<Record<string, Wording>> = {
  not_found: {
    ru: "Файл {file|qr} не найден: ожидалась книга Excel (.xlsx)[[ по пути {path|qr}, но там ничего нет]][[!path:, но по этому пути ничего нет]].",
    en: "The file {file|qr} was not found: expected an Excel workbook (.xlsx)[[ at the path {path|qr}, but there is nothing there]][[!path:, but there is nothing at this path]].",
  },
  not_xlsx: {
    ru: "Файл {file|qr} не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): {found_text}[[ ({detail_text})]].[[ {advice}]]",
    en: "The file {file|qr} is not an Excel workbook or a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): {found_text}[[ ({detail_text})]].[[ {advice}]]",
  },
  legacy_xls: {
    ru: "Файл {file|qr} — книга Excel старого формата (.xls, Excel 97–2003), но прочитать её не удалось. {advice}",
    en: "The file {file|qr} is an old-format Excel workbook (.xls, Excel 97–2003), but it could not be read. {advice}",
  },
  not_writable: {
    ru: "Файл {file|qr} — {format_text}: Сверка его читает и проверяет, но дашборд и свод записывает только в книгу Excel (.xlsx или .xlsm). Откройте его в Excel или LibreOffice и сохраните как «Книга Excel (*.xlsx)».",
    en: "The file {file|qr} is {format_text}: Sverka reads and checks it, but writes the dashboard and the consolidation only into an Excel workbook (.xlsx or .xlsm). Open it in Excel or LibreOffice and save it as “Excel Workbook (*.xlsx)”.",
  },
  corrupt_format: {
    ru: "Файл {file|qr} повреждён: это {format_text}, но прочитать его не удалось ({reason_text}). Попробуйте открыть его в Excel или LibreOffice и сохранить заново.",
    en: "The file {file|qr} is damaged: it is {format_text}, but it could not be read ({reason_text}). Try opening it in Excel or LibreOffice and saving it again.",
  },
  encrypted: {
    ru: "Файл {file|qr} защищён паролем (зашифрован), поэтому его содержимое прочитать нельзя; ожидалась книга Excel без пароля на открытие. Снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля → пустой пароль) и сохраните книгу снова.",
    en: "The file {file|qr} is password-protected (encrypted), so its contents cannot be read; expected an Excel workbook without a password to open. Remove the password (File → Info → Protect Workbook → Encrypt with Password → an empty password) and save the workbook again.",
  },
  corrupt: {
    ru: "Файл {file|qr} повреждён: это архив книги Excel (.xlsx), но прочитать его не удалось ({reason_text}). Попробуйте открыть его в Excel и сохранить заново.",
    en: "The file {file|qr} is damaged: it is an Excel workbook archive (.xlsx), but it could not be read ({reason_text}). Try opening it in Excel and saving it again.",
  },
  too_large: {
    ru: "Файл {file|qr} слишком велик: {size_text}, а допускается не более {max_text}.",
    en: "The file {file|qr} is too large: {size_text}, while at most {max_text} is allowed.",
  },
  zip_bomb_total: {
    ru: "Файл {file|qr} отклонён: после распаковки он занял бы {total_text}, а допускается не более {max_text}. Такой архив похож на «зип-бомбу» и может вывести программу из строя.",
    en: "The file {file|qr} was refused: unpacked, it would take {total_text}, while at most {max_text} is allowed. Such an archive looks like a “zip bomb” and could bring the program down.",
  },
  zip_bomb_ratio: {
    ru: "Файл {file|qr} отклонён: часть {part|qr} сжата в {ratio_text} раз, а у настоящих книг Excel сжатие не превышает {max_text} раз. Такой архив похож на «зип-бомбу».",
    en: "The file {file|qr} was refused: the part {part|qr} is compressed {ratio_text} times, while real Excel workbooks are compressed no more than {max_text} times. Such an archive looks like a “zip bomb”.",
  },
  zip_bomb_entries: {
    ru: "Файл {file|qr} отклонён: в архиве {count_text} частей, а в книге Excel их бывает не больше {max_text}.",
    en: "The file {file|qr} was refused: the archive has {count_text} parts, while an Excel workbook has no more than {max_text}.",
  },
};

const SIZE_UNITS: Readonly<Record<Lang, readonly string[]>> = {
  ru: ["байт", "КБ", "МБ", "ГБ", "ТБ"],
  en: ["bytes", "KB", "MB", "GB", "TB"],
};

/** Sizes for people: «30,5 МБ», «812 КБ»; “30.5 MB”. */
export function formatSize(bytes: number, lang: Lang = "ru"): string {
  const units = SIZE_UNITS[lang];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const mark = lang === "ru" ? "," : ".";
  const text =
    u === 0 || v >= 100
      ? String(Math.round(v))
      : v
          .toFixed(1)
          .replace(".", mark)
          .replace(/[.,]0$/, "");
  return `${text} ${units[u]}`;
}

/** A whole number with the language's digit grouping: «10 000», “10,000”. */
function grouped(n: number, lang: Lang): string {
  return Math.round(n).toLocaleString(lang === "ru" ? "ru-RU" : "en-US");
}

function num(v: string | number | undefined): number {
  return typeof v === "number" ? v : Number(v ?? 0);
}

function str(v: string | number | undefined): string {
  return v === undefined ? "" : String(v);
}

/** One of `table`'s wordings by key, rendered with `values` (unknown key: empty). */
function sub<K extends string>(
  table: Readonly<Record<K, Wording>>,
  key: string | number | undefined,
  values: ReadErrorParams,
  lang: Lang,
): string {
  const w = key === undefined ? undefined : (table as Readonly<Record<string, Wording>>)[String(key)];
  return w ? renderTemplate(w[lang], values, lang) : "";
}

/** The values a variant's template needs beyond its params, in `lang`. */
function derived(p: ReadErrorParams, lang: Lang): Record<string, string> {
  switch (p.variant) {
    case "not_xlsx":
      return {
        found_text: sub(FOUND, p.found, p, lang),
        detail_text: sub(DETAILS, p.detail, p, lang),
        advice: RESAVABLE.has(str(p.found)) ? RESAVE[lang] : "",
      };
    case "legacy_xls":
      return { advice: RESAVE[lang] };
    case "not_writable":
      return { format_text: sub(WRITABLE, p.format, p, lang) };
    case "corrupt_format":
      return { format_text: sub(FORMATS, p.format, p, lang), reason_text: sub(REASONS, p.reason, p, lang) };
    case "corrupt":
      return { reason_text: sub(REASONS, p.reason, p, lang) };
    case "too_large":
      return { size_text: formatSize(num(p.size), lang), max_text: formatSize(num(p.max_size), lang) };
    case "zip_bomb_total":
      return { total_text: formatSize(num(p.total), lang), max_text: formatSize(num(p.max_total), lang) };
    case "zip_bomb_ratio":
      return { ratio_text: grouped(num(p.ratio), lang), max_text: grouped(num(p.max_ratio), lang) };
    case "zip_bomb_entries":
      return { count_text: grouped(num(p.count), lang), max_text: grouped(num(p.max_count), lang) };
    default:
      return {};
  }
}

/** A read failure's message in `lang`; null for params of no known variant. */
export function readErrorMessage(params: ReadErrorParams, lang: Lang): string | null {
  const wording = READ_ERROR_TEXTS[params.variant];
  if (!wording) return null;
  return renderTemplate(wording[lang], { ...params, ...derived(params, lang) }, lang);
}

/** Why a package is damaged (the `reason` of `corrupt`), in `lang`: the text of `PackageReadError`. */
export function corruptReasonText(reason: CorruptReason, lang: Lang): string {
  return sub(REASONS, reason.reason, { variant: "corrupt", ...reason }, lang);
}

/** Whether `v` is a read failure's params (a JSON `message_params`, an error's `params`). */
export function isReadErrorParams(v: unknown): v is ReadErrorParams {
  return (
    typeof v === "object" &&
    v !== null &&
    "variant" in v &&
    typeof v.variant === "string" &&
    Object.prototype.hasOwnProperty.call(READ_ERROR_TEXTS, v.variant)
  );
}

/** A read failure with its `message` in `lang` (from its `message_params`; without them, as it is). */
export function localizeReadFailure<T extends ReadFailure>(failure: T, lang: Lang): T {
  const message = failure.message_params ? readErrorMessage(failure.message_params, lang) : null;
  return message === null ? failure : { ...failure, message };
}

/**
 * A consolidation file report whose file could not be read, with its `message` (and its error's)
 * in `lang`; any other file as it is. The consolidation's own `unreadable` sentence repeats the
 * Russian message (or, in English, only the code); the error's params say it in either language.
 */
export function localizeUnreadableFile(file: RenderedFileConsolidation, lang: Lang): RenderedFileConsolidation {
  if (file.status !== "unreadable" || !file.error?.message_params) return file;
  const localized = localizeReadFailure(file.error, lang);
  return { ...file, message: localized.message, error: localized };
}

/** A consolidation report with every unreadable file's message in `lang` (`localizeUnreadableFile`). */
export function localizeUnreadableFiles(report: RenderedConsolidationReport, lang: Lang): RenderedConsolidationReport {
  if (!report.files.some((f) => f.status === "unreadable" && f.error?.message_params)) return report;
  return { ...report, files: report.files.map((f) => localizeUnreadableFile(f, lang)) };
}
