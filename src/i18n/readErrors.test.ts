/**
 * Read errors in both languages: the Russian rendering of every variant is the text the readers
 * have always given (literal expectations), and every variant, found kind, detail, reason and
 * format renders in English with nothing left unrendered and no Russian outside quoted names.
 */
import { readErrors, readFailureOf, readParams } from "../hosts/xlsx/errors";
import type { RenderedFileConsolidation } from "../core/consolidate/types";
import {
  READ_ERROR_TEXTS,
  corruptReasonText,
  formatSize,
  isReadErrorParams,
  localizeReadFailure,
  localizeUnreadableFile,
  readErrorMessage,
  type CorruptReason,
  type FoundKind,
  type NotXlsxDetail,
  type ReadErrorParams,
  type WorkbookFormat,
} from "./readErrors";

const F = "отчёт.xlsx";
const NBSP = "\u00a0";

/** Every variant with params and its Russian text as the readers gave it before the templates. */
const RUSSIAN: [string, ReadErrorParams, string][] = [
  [
    "not_found",
    readParams.notFound(F, F),
    "Файл «отчёт.xlsx» не найден: ожидалась книга Excel (.xlsx), но по этому пути ничего нет.",
  ],
  [
    "not_found",
    readParams.notFound(F, "/data/отчёт.xlsx"),
    "Файл «отчёт.xlsx» не найден: ожидалась книга Excel (.xlsx) по пути «/data/отчёт.xlsx», но там ничего нет.",
  ],
  [
    "not_xlsx",
    readParams.notXlsx(F, "pdf"),
    "Файл «отчёт.xlsx» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): это PDF-документ.",
  ],
  [
    "not_xlsx",
    readParams.notXlsx(F, "csv"),
    "Файл «отчёт.xlsx» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): это текстовый файл с разделителями (CSV). Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».",
  ],
  [
    "not_xlsx",
    readParams.notXlsx(F, "zip", "no_parts"),
    "Файл «отчёт.xlsx» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): это ZIP-архив, но в нём нет книги Excel (нет частей «[Content_Types].xml» и «xl/workbook.xml»).",
  ],
  [
    "not_xlsx",
    readParams.notXlsx(F, "unknown", "first_bytes", "00 01 02 FF"),
    "Файл «отчёт.xlsx» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): формат файла не распознан (первые байты: 00 01 02 FF).",
  ],
  [
    "legacy_xls",
    readParams.legacyXls(F),
    "Файл «отчёт.xlsx» — книга Excel старого формата (.xls, Excel 97–2003), но прочитать её не удалось. Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».",
  ],
  [
    "not_writable",
    readParams.notWritable(F, "ods"),
    "Файл «отчёт.xlsx» — таблица OpenDocument (.ods): Сверка его читает и проверяет, но дашборд и свод записывает только в книгу Excel (.xlsx или .xlsm). Откройте его в Excel или LibreOffice и сохраните как «Книга Excel (*.xlsx)».",
  ],
  [
    "corrupt_format",
    readParams.corruptFormat(F, "ods", { reason: "ods_content" }),
    "Файл «отчёт.xlsx» повреждён: это таблица OpenDocument (.ods), но прочитать его не удалось (содержимое таблицы не удалось разобрать). Попробуйте открыть его в Excel или LibreOffice и сохранить заново.",
  ],
  [
    "encrypted",
    readParams.encrypted(F),
    "Файл «отчёт.xlsx» защищён паролем (зашифрован), поэтому его содержимое прочитать нельзя; ожидалась книга Excel без пароля на открытие. Снимите пароль (Файл → Сведения → Защита книги → Зашифровать с использованием пароля → пустой пароль) и сохраните книгу снова.",
  ],
  [
    "corrupt",
    readParams.corrupt(F, { reason: "no_sheet_part", part: "xl/worksheets/sheet1.xml", sheet: "План" }),
    "Файл «отчёт.xlsx» повреждён: это архив книги Excel (.xlsx), но прочитать его не удалось (нет части «xl/worksheets/sheet1.xml» с листом «План»). Попробуйте открыть его в Excel и сохранить заново.",
  ],
  [
    "too_large",
    readParams.tooLarge(F, 30.5 * 1024 * 1024, 25 * 1024 * 1024),
    "Файл «отчёт.xlsx» слишком велик: 30,5 МБ, а допускается не более 25 МБ.",
  ],
  [
    "zip_bomb_total",
    readParams.zipBombTotal(F, 600 * 1024 * 1024, 500 * 1024 * 1024),
    "Файл «отчёт.xlsx» отклонён: после распаковки он занял бы 600 МБ, а допускается не более 500 МБ. Такой архив похож на «зип-бомбу» и может вывести программу из строя.",
  ],
  [
    "zip_bomb_ratio",
    readParams.zipBombRatio(F, "xl/worksheets/sheet1.xml", 1234.4, 100),
    `Файл «отчёт.xlsx» отклонён: часть «xl/worksheets/sheet1.xml» сжата в 1${NBSP}234 раз, а у настоящих книг Excel сжатие не превышает 100 раз. Такой архив похож на «зип-бомбу».`,
  ],
  [
    "zip_bomb_entries",
    readParams.zipBombEntries(F, 20001, 10000),
    `Файл «отчёт.xlsx» отклонён: в архиве 20${NBSP}001 частей, а в книге Excel их бывает не больше 10${NBSP}000.`,
  ],
];

const FOUND: FoundKind[] = [
  "empty",
  "directory",
  "pdf",
  "csv",
  "text",
  "html",
  "xml2003",
  "docx",
  "pptx",
  "xlsb",
  "ods",
  "opendocument",
  "zip",
  "doc",
  "image",
  "archive",
  "unknown",
];
const DETAILS: NotXlsxDetail[] = ["no_parts", "empty_archive", "ppt", "first_bytes"];
const FORMATS: WorkbookFormat[] = ["xlsx", "xlsm", "xls", "ods", "csv"];
const REASONS: CorruptReason[] = [
  { reason: "zip_directory" },
  { reason: "parts" },
  { reason: "ods_content" },
  { reason: "part_no_data", part: "xl/a.xml" },
  { reason: "part_truncated", part: "xl/a.xml" },
  { reason: "part_method", part: "xl/a.xml", method: 12 },
  { reason: "part_inflate", part: "xl/a.xml" },
  { reason: "part_oversize", part: "xl/a.xml" },
  { reason: "no_part", part: "xl/workbook.xml" },
  { reason: "no_sheet_list", part: "xl/workbook.xml" },
  { reason: "no_sheet_part", part: "xl/worksheets/sheet1.xml", sheet: "План" },
  { reason: "technical", detail: "unexpected end of data" },
];

/** Every combination the readers can make. */
function allParams(): ReadErrorParams[] {
  return [
    readParams.notFound(F, F),
    readParams.notFound(F, "/data/отчёт.xlsx"),
    ...FOUND.map((k) => readParams.notXlsx(F, k)),
    ...DETAILS.map((d) => readParams.notXlsx(F, "unknown", d, "00 FF")),
    readParams.legacyXls(F),
    ...FORMATS.map((m) => readParams.notWritable(F, m)),
    ...FORMATS.flatMap((m) => REASONS.map((r) => readParams.corruptFormat(F, m, r))),
    readParams.encrypted(F),
    ...REASONS.map((r) => readParams.corrupt(F, r)),
    readParams.tooLarge(F, 2048, 1000),
    readParams.zipBombTotal(F, 6e8, 5e8),
    readParams.zipBombRatio(F, "xl/s.xml", 12345.6, 100),
    readParams.zipBombEntries(F, 20001, 10000),
  ];
}

/** Text outside quotes «…» “…” (where file, part and sheet names stand). */
function unquoted(text: string): string {
  return text.replace(/«[^»]*»|“[^”]*”/g, "");
}

describe("read error templates", () => {
  it.each(RUSSIAN)("renders %s in Russian as the readers always said it", (variant, params, text) => {
    expect(params.variant).toBe(variant);
    expect(readErrorMessage(params, "ru")).toBe(text);
  });

  it("covers every variant with a Russian expectation", () => {
    expect(new Set(RUSSIAN.map(([v]) => v))).toEqual(new Set(Object.keys(READ_ERROR_TEXTS)));
  });

  it("renders every variant, found kind, detail, reason and format in English, nothing left unrendered", () => {
    for (const p of allParams()) {
      const en = readErrorMessage(p, "en")!;
      const ru = readErrorMessage(p, "ru")!;
      expect({ p, en: /[{}]|\[\[|\]\]|\(\)/.test(en) }).toEqual({ p, en: false });
      expect({ p, ru: /[{}]|\[\[|\]\]|\(\)/.test(ru) }).toEqual({ p, ru: false });
      expect({ p, cyrillic: /[а-яё]/i.test(unquoted(en)) }).toEqual({ p, cyrillic: false });
      expect(en).toContain(`“${F}”`);
      expect(ru).toContain(`«${F}»`);
      expect(en).not.toBe(ru);
    }
  });

  it("says the English of the situations plainly", () => {
    expect(readErrorMessage(readParams.notXlsx("a.pdf", "pdf"), "en")).toBe(
      "The file “a.pdf” is not an Excel workbook or a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): it is a PDF document.",
    );
    expect(readErrorMessage(readParams.notFound("a.xlsx", "/d/a.xlsx"), "en")).toBe(
      "The file “a.xlsx” was not found: expected an Excel workbook (.xlsx) at the path “/d/a.xlsx”, but there is nothing there.",
    );
    expect(readErrorMessage(readParams.tooLarge("a.xlsx", 30.5 * 1024 * 1024, 25 * 1024 * 1024), "en")).toBe(
      "The file “a.xlsx” is too large: 30.5 MB, while at most 25 MB is allowed.",
    );
    expect(readErrorMessage(readParams.zipBombEntries("a.xlsx", 20001, 10000), "en")).toBe(
      "The file “a.xlsx” was refused: the archive has 20,001 parts, while an Excel workbook has no more than 10,000.",
    );
    expect(readErrorMessage(readParams.corrupt("a.xlsx", { reason: "part_truncated", part: "xl/s.xml" }), "en")).toBe(
      "The file “a.xlsx” is damaged: it is an Excel workbook archive (.xlsx), but it could not be read (the part “xl/s.xml” is truncated). Try opening it in Excel and saving it again.",
    );
  });

  it("gives null for params of no known variant, and tells read error params from others", () => {
    expect(readErrorMessage({ variant: "nope", file: F }, "en")).toBeNull();
    expect(isReadErrorParams(readParams.encrypted(F))).toBe(true);
    expect(isReadErrorParams({ variant: "merged", rows: 3 })).toBe(false);
    expect(isReadErrorParams("encrypted")).toBe(false);
  });

  it("writes sizes in either language", () => {
    expect([512, 2048, 1536, 25 * 1024 * 1024, 0xfffffff0].map((n) => formatSize(n, "ru"))).toEqual([
      "512 байт",
      "2 КБ",
      "1,5 КБ",
      "25 МБ",
      "4 ГБ",
    ]);
    // Russian unless told.
    expect([512, 2048, 1536, 25 * 1024 * 1024, 0xfffffff0].map((n) => formatSize(n))).toEqual([
      "512 байт",
      "2 КБ",
      "1,5 КБ",
      "25 МБ",
      "4 ГБ",
    ]);
    expect([512, 1536, 0xfffffff0].map((n) => formatSize(n, "en"))).toEqual(["512 bytes", "1.5 KB", "4 GB"]);
  });

  it("gives each reason's own text, the message of the reader's PackageReadError", () => {
    expect(corruptReasonText({ reason: "part_method", part: "xl/a.xml", method: 12 }, "ru")).toBe(
      "часть «xl/a.xml» сжата неизвестным способом (12)",
    );
    expect(corruptReasonText({ reason: "part_method", part: "xl/a.xml", method: 12 }, "en")).toBe(
      "the part “xl/a.xml” is compressed with an unknown method (12)",
    );
  });
});

describe("the errors and failures that carry them", () => {
  it("makes errors with the code, the file, the Russian message and the params", () => {
    const e = readErrors.notXlsx(F, "zip", "empty_archive");
    expect(e.code).toBe("NOT_XLSX");
    expect(e.file).toBe(F);
    expect(e.params).toEqual({ variant: "not_xlsx", file: F, found: "zip", detail: "empty_archive" });
    expect(e.message).toBe(readErrors.notXlsx(F, "zip", "empty_archive").message);
    expect(e.message).toBe(readErrorMessage(e.params, "ru"));
    expect(readErrors.notWritable(F, "csv").code).toBe("NOT_XLSX");
    expect(readErrors.zipBombRatio(F, "p", 500, 100).code).toBe("ZIP_BOMB");
  });

  it("localizes a failure from its params, and leaves one without params as it is", () => {
    const e = readErrors.encrypted(F);
    const failure = readFailureOf(e);
    expect(failure).toEqual({ code: "ENCRYPTED", message: e.message, message_params: e.params });
    expect(localizeReadFailure(failure, "ru")).toEqual(failure);
    const en = localizeReadFailure(failure, "en");
    expect(en.message).toMatch(/^The file “отчёт\.xlsx” is password-protected/);
    expect(en.message_params).toBe(failure.message_params);
    const plain = { code: "CORRUPT", message: "Файл повреждён." };
    expect(localizeReadFailure(plain, "en")).toBe(plain);
  });

  it("localizes an unreadable consolidation file's message and error; other files stay", () => {
    const e = readErrors.legacyXls("школа.xls");
    const error = readFailureOf(e);
    const file = {
      file: "школа.xls",
      status: "unreadable",
      message: e.message,
      message_params: { variant: "unreadable", code: e.code, error: e.message },
      error,
    } as unknown as RenderedFileConsolidation;
    const en = localizeUnreadableFile(file, "en");
    expect(en.message).toBe(
      "The file “школа.xls” is an old-format Excel workbook (.xls, Excel 97–2003), but it could not be read. Open it in Excel and save it as “Excel Workbook (*.xlsx)”.",
    );
    expect(en.error).toEqual({ ...error, message: en.message });
    expect(en.message_params).toEqual(file.message_params);
    expect(localizeUnreadableFile(file, "ru")).toEqual(file);
    const merged = { ...file, status: "merged" } as RenderedFileConsolidation;
    expect(localizeUnreadableFile(merged, "en")).toBe(merged);
  });
});
