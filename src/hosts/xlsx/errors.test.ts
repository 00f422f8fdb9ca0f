import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { formatSize } from "../../i18n/readErrors";
import { WorkbookReadError, type WorkbookReadErrorCode } from "./errors";
import { readWorkbookFile } from "./node";
import { readWorkbook } from "./read";
import { buildCompoundFile, buildZip } from "./testing/testZip";
import { extractEntry, readZipDirectory } from "./zip";

const enc = new TextEncoder();

async function smallWorkbook(): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.addWorksheet("Лист1").getCell("A1").value = "Школа";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const cfb = buildCompoundFile;

/** Runs `read` and returns the WorkbookReadError it must throw. */
async function readError(read: () => Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await read();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw new Error(`expected a WorkbookReadError, got ${String(e)}`);
  }
  throw new Error("expected a WorkbookReadError, but reading succeeded");
}

async function expectBytesError(
  bytes: Uint8Array,
  file: string,
  code: WorkbookReadErrorCode,
  says: RegExp,
  options?: { maxBytes?: number },
): Promise<WorkbookReadError> {
  const e = await readError(() => readWorkbook(bytes, file, options));
  expect(e.code).toBe(code);
  expect(e.file).toBe(file);
  expect(e.message).toContain(`«${file}»`);
  expect(e.message).toMatch(says);
  return e;
}

describe("readWorkbookFile", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sverka-xlsx-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports a missing file as NOT_FOUND, naming it and the path", async () => {
    const path = join(dir, "нет-такого.xlsx");
    const e = await readError(() => readWorkbookFile(path));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.file).toBe("нет-такого.xlsx");
    expect(e.message).toBe(
      `Файл «нет-такого.xlsx» не найден: ожидалась книга Excel (.xlsx) по пути «${path}», но там ничего нет.`,
    );
  });

  it("reports a directory as NOT_XLSX", async () => {
    const e = await readError(() => readWorkbookFile(dir));
    expect(e.code).toBe("NOT_XLSX");
    expect(e.message).toMatch(/это папка, а не файл/);
  });

  it("refuses a file over maxBytes before reading it", async () => {
    const path = join(dir, "большой.xlsx");
    writeFileSync(path, await smallWorkbook());
    const e = await readError(() => readWorkbookFile(path, { maxBytes: 1000 }));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toMatch(/^Файл «большой\.xlsx» слишком велик: \d+(,\d)? КБ, а допускается не более 1000 байт\.$/);
  });

  it("reads a workbook from disk under its file name", async () => {
    const path = join(dir, "план.xlsx");
    writeFileSync(path, await smallWorkbook());
    const data = await readWorkbookFile(path);
    expect(data.name).toBe("план.xlsx");
    expect(data.sheets[0].rows).toEqual([["Школа"]]);
  });
});

describe("readWorkbook: files that are not workbooks", () => {
  it("names a PDF", async () => {
    const e = await expectBytesError(enc.encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "x.pdf", "NOT_XLSX", /PDF/);
    expect(e.message).toBe(
      "Файл «x.pdf» не является книгой Excel или таблицей (.xlsx, .xlsm, .xls, .ods, .csv): это PDF-документ.",
    );
  });

  it("reads a CSV (which it used to refuse) as one sheet named after the file", async () => {
    const csv = "№;Школа;Срок\n1;МБОУ СОШ № 1;01.09.2020\n2;МБОУ СОШ № 2;15.09.2020\n";
    const data = await readWorkbook(enc.encode(csv), "plan.csv");
    expect(data.sheets.map((s) => s.name)).toEqual(["plan"]);
    expect(data.sheets[0].rows[1]).toEqual(["1", "МБОУ СОШ № 1", "01.09.2020"]);
  });

  it("names plain text, HTML passed off as .xls, and XML Spreadsheet 2003", async () => {
    await expectBytesError(
      enc.encode("Просто заметки\nбез разделителей\n"),
      "a.xlsx",
      "NOT_XLSX",
      /это текстовый файл\./,
    );
    await expectBytesError(
      enc.encode("<html><body><table><tr><td>1</td></tr></table></body></html>"),
      "b.xls",
      "NOT_XLSX",
      /веб-страница \(HTML\)/,
    );
    await expectBytesError(
      enc.encode('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
      "c.xml",
      "NOT_XLSX",
      /XML-таблица 2003/,
    );
  });

  it("names an empty file and unknown binary", async () => {
    await expectBytesError(new Uint8Array(0), "пусто.xlsx", "NOT_XLSX", /файл пуст \(0 байт\)/);
    await expectBytesError(
      new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x00, 0x07]),
      "bin.xlsx",
      "NOT_XLSX",
      /первые байты: 00 01 02 03 FE 00 00 07/,
    );
    await expectBytesError(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      "photo.xlsx",
      "NOT_XLSX",
      /изображение/,
    );
  });

  it("recognises a password-protected workbook by its EncryptionInfo stream", async () => {
    const e = await expectBytesError(
      cfb("EncryptionInfo", "EncryptedPackage"),
      "секрет.xlsx",
      "ENCRYPTED",
      /защищён паролем/,
    );
    expect(e.message).toMatch(/ожидалась книга Excel без пароля/);
    await expectBytesError(cfb("EncryptedPackage"), "секрет2.xlsx", "ENCRYPTED", /защищён паролем/);
  });

  it("recognises a legacy .xls (a compound file without encryption streams)", async () => {
    const e = await expectBytesError(
      cfb("Workbook", "SummaryInformation"),
      "old.xls",
      "LEGACY_XLS",
      /старого формата \(\.xls/,
    );
    expect(e.message).toMatch(/прочитать её не удалось.*сохраните как «Книга Excel/);
    expect(e.message).not.toMatch(/ZIP|encryption/i); // SheetJS's own text stays in `cause`
    // The names must be UTF-16LE to count: ASCII "EncryptionInfo" in a legacy file is just data.
    const ascii = cfb("Workbook");
    ascii.set(enc.encode("EncryptionInfo"), 3000);
    await expectBytesError(ascii, "old2.xls", "LEGACY_XLS", /старого формата/);
  });

  it("tells an old Word document from an old workbook", async () => {
    await expectBytesError(cfb("WordDocument"), "doc.xls", "NOT_XLSX", /документ Word старого формата/);
  });

  it("reports a truncated workbook as CORRUPT", async () => {
    const full = await smallWorkbook();
    const e = await expectBytesError(
      full.subarray(0, Math.floor(full.length / 2)),
      "обрезан.xlsx",
      "CORRUPT",
      /повреждён/,
    );
    expect(e.cause).toBeInstanceOf(Error);
  });

  it("reports damaged compressed data as CORRUPT with the inner cause", async () => {
    const zip = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook><sheets>".repeat(50), method: 8, corruptData: true },
    ]);
    const e = await expectBytesError(
      zip,
      "битый.xlsx",
      "CORRUPT",
      /\(сжатые данные части «xl\/workbook\.xml» испорчены\)/,
    );
    // The inflater's own (English) text travels only as the cause.
    const inner = (e.cause as { cause?: { message?: unknown } } | undefined)?.cause?.message;
    expect(typeof inner).toBe("string");
    expect(e.message).not.toContain(inner);
  });

  it("reports a package whose parts do not make a workbook as CORRUPT, saying which part is missing", async () => {
    // A well-formed ZIP whose workbook part is not well-formed XML.
    const zip = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: '<workbook><sheets><sheet name="Лист1" sheetId="1"</sheets>' },
    ]);
    const e = await expectBytesError(
      zip,
      "странный.xlsx",
      "CORRUPT",
      /это архив книги Excel \(\.xlsx\), но прочитать его не удалось \(нет части «xl\/worksheets\/sheet1\.xml» с листом «Лист1»\)/,
    );
    expect(e.cause).toBeInstanceOf(Error);
    expect(e.message).toContain((e.cause as Error).message);
  });

  it("refuses a ZIP that is not a workbook, and says what it is", async () => {
    const docx = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    await expectBytesError(docx, "отчёт.xlsx", "NOT_XLSX", /документ Word \(\.docx\)/);
    const ods = buildZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" },
      { name: "content.xml", data: "<office:document-content/>" },
    ]);
    // An OpenDocument spreadsheet is read now; one without any table in it is damaged.
    await expectBytesError(
      ods,
      "таблица.ods",
      "CORRUPT",
      /это таблица OpenDocument \(\.ods\), но прочитать его не удалось/,
    );
    const plain = buildZip([{ name: "readme.txt", data: "hello" }]);
    await expectBytesError(
      plain,
      "архив.xlsx",
      "NOT_XLSX",
      /ZIP-архив, но в нём нет книги Excel \(нет частей «\[Content_Types\]\.xml» и «xl\/workbook\.xml»\)/,
    );
  });

  it("refuses a file over maxBytes", async () => {
    const bytes = await smallWorkbook();
    const e = await expectBytesError(bytes, "большой.xlsx", "TOO_LARGE", /слишком велик/, { maxBytes: 2048 });
    expect(e.message).toContain(`${formatSize(bytes.length, "ru")}, а допускается не более 2 КБ`);
    await expect(readWorkbook(bytes, "большой.xlsx", { maxBytes: bytes.length })).resolves.toBeDefined();
  });

  it("refuses an archive whose directory declares a huge uncompressed size (zip bomb)", async () => {
    const zip = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/worksheets/sheet1.xml", data: "<worksheet/>", method: 8, declaredUncompressedSize: 0xfffffff0 },
    ]);
    const e = await expectBytesError(
      zip,
      "бомба.xlsx",
      "ZIP_BOMB",
      /после распаковки он занял бы 4 ГБ, а допускается не более 500 МБ/,
    );
    expect(e.message).toMatch(/зип-бомбу/);
  });

  it("refuses a large part compressed more than 100 times even when the total is allowed", async () => {
    const zip = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/sharedStrings.xml", data: "<sst/>", method: 8, declaredUncompressedSize: 40 * 1024 * 1024 },
    ]);
    await expectBytesError(zip, "сжатая.xlsx", "ZIP_BOMB", /часть «xl\/sharedStrings\.xml» сжата в [\d\s\u00a0]+ раз/);
  });
});

describe("zip reader", () => {
  it("lists entries with their declared sizes", () => {
    const zip = buildZip([
      { name: "a.txt", data: "abc" },
      { name: "папка/б.xml", data: "x".repeat(1000), method: 8 },
    ]);
    const dir = readZipDirectory(zip);
    expect(dir.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ["a.txt", 0, 3],
      ["папка/б.xml", 8, 1000],
    ]);
    expect(dir.totalUncompressed).toBe(1003);
  });

  it("refuses to inflate more than an entry declares", async () => {
    const zip = buildZip([{ name: "x.xml", data: "x".repeat(100_000), method: 8, declaredUncompressedSize: 1000 }]);
    const [entry] = readZipDirectory(zip).entries;
    await expect(extractEntry(zip, entry)).rejects.toThrow(/more than its declared 1000 bytes/);
  });
});
