/**
 * The five formats on files other writers made: SheetJS writing .xls/.ods/.xlsx, LibreOffice
 * converting the samples (committed fixtures under `testing/fixtures/`, and regenerated here when
 * `soffice` is installed). A converted sample must give the same ФЛК report and the same
 * indicators as the original .xlsx — the Lazo ШНОР shares 27.6 % (2021) and 34.5 % (2022) included.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { utils, write } from "@e965/xlsx";
import { buildDashboardLayouts } from "../../../core/dashboard/build";
import { cellAt, formatAt, type WorkbookData } from "../../../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../../../core/templates";
import { validateWorkbook } from "../../../core/validate";
import { readWorkbookFile, readWritableWorkbookFile } from "../node";
import { readWorkbook, readWorkbookWithFormat } from "../read";
import { convertWithLibreOffice, soffice } from "../testing/libreoffice";
import { buildCompoundFile } from "../testing/testZip";

const SAMPLES = join(__dirname, "..", "..", "..", "..", "samples");
const FIXTURES = join(__dirname, "..", "testing", "fixtures");
const MONITORING = "effektivnaya-shkola-2023.monitoring";
const PLAN = "ivanovo-2020.plan";
const AS_OF = "2023-12-31";

/** A workbook SheetJS writes: values of every kind, a date and a percentage, merges, a hidden sheet, a name. */
function sheetJsBook(): ReturnType<typeof utils.book_new> {
  const wb = utils.book_new();
  const ws = utils.aoa_to_sheet([
    ["ОО", "Год", "Доля", "Дата", "Да/нет", "Ошибка"],
    ["МБОУ СОШ № 1", 2023, 0.25, 45366, true, null],
    ["Итого", 12.5, null, null, false, null],
  ]);
  ws["C2"].z = "0%";
  ws["D2"].z = "dd.mm.yyyy";
  ws["F2"] = { t: "e", v: 0x07 };
  ws["!merges"] = [{ s: { r: 2, c: 2 }, e: { r: 2, c: 3 } }];
  utils.book_append_sheet(wb, ws, "Школы");
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["скрыто"]]), "Служебный");
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }], Names: [{ Name: "СписокШкол", Ref: "'Школы'!$A$2:$A$3" }] };
  return wb;
}

describe("files SheetJS writes", () => {
  for (const bookType of ["xls", "ods", "xlsx"] as const) {
    it(`reads a .${bookType}: values, dates, percentages, errors, merges, hidden sheets`, async () => {
      // SheetJS's ODS writer complains on the console about the «dd.mm.yyyy» format it still writes:
      // keep `npm test` free of its stack traces, and let any other complaint through.
      const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(write(sheetJsBook(), { bookType, type: "array" }) as ArrayBuffer);
        for (const [message] of logged.mock.calls) expect(String(message)).toMatch(/in ODF format/);
      } finally {
        logged.mockRestore();
      }
      const { workbook, format } = await readWorkbookWithFormat(bytes, `школы.${bookType}`);
      expect(format).toBe(bookType);
      const s = workbook.sheets[0];
      expect(s.name).toBe("Школы");
      expect(s.rows[0]).toEqual(["ОО", "Год", "Доля", "Дата", "Да/нет", "Ошибка"]);
      expect(cellAt(s, 2, 1)).toBe("МБОУ СОШ № 1");
      expect(cellAt(s, 2, 2)).toBe(2023);
      expect(cellAt(s, 2, 3)).toBe(0.25);
      expect(cellAt(s, 2, 4)).toEqual(new Date(Date.UTC(2024, 2, 15)));
      expect(cellAt(s, 2, 5)).toBe(true);
      expect(cellAt(s, 3, 2)).toBe(12.5);
      expect(cellAt(s, 3, 5)).toBe(false);
      expect(formatAt(s, 2, 3)).toMatch(/%/);
      expect(formatAt(s, 2, 4)).toMatch(/y/i);
      if (bookType !== "ods") {
        // SheetJS's ODS writer drops error cells and merges; its xls/xlsx writers keep them.
        expect(cellAt(s, 2, 6)).toEqual({ error: "#DIV/0!" });
        expect(s.merges).toEqual([{ top: 3, left: 3, bottom: 3, right: 4 }]);
      }
      if (bookType !== "ods") expect(workbook.sheets[1].hidden).toBe(true);
      if (bookType === "xlsx") expect(workbook.definedNames).toEqual({ СписокШкол: "'Школы'!$A$2:$A$3" });
    });
  }
});

function reportAndIndicators(wb: WorkbookData) {
  const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
  const { indicators } = buildDashboardLayouts(wb, check, { asOf: AS_OF, refreshedAt: AS_OF });
  return { report: check.report, indicators };
}

/** Tab names, and each sheet's rows with trailing empties trimmed the same way. */
function grid(wb: WorkbookData) {
  return wb.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));
}

function expectSameAsOriginal(converted: WorkbookData, original: WorkbookData): void {
  expect(grid(converted)).toEqual(grid(original));
  expect(converted.properties).toEqual(original.properties);
  const a = reportAndIndicators(original);
  const b = reportAndIndicators(converted);
  expect({ ...b.report, files: undefined }).toEqual({ ...a.report, files: undefined });
  expect(b.report.issues).toEqual(a.report.issues);
  expect(b.indicators).toEqual(a.indicators);
}

describe("samples converted by LibreOffice (committed fixtures)", () => {
  it("reads the Lazo monitoring sample saved as .ods: same cells, report and indicators (ШНОР 27.6 % and 34.5 %)", async () => {
    const original = await readWorkbookFile(join(SAMPLES, `${MONITORING}.xlsx`));
    const ods = await readWorkbookFile(join(FIXTURES, `${MONITORING}.ods`));
    expect(ods.name).toBe(`${MONITORING}.ods`);
    expectSameAsOriginal({ ...ods, name: original.name }, original);
    const { indicators } = reportAndIndicators(ods);
    const shnor = indicators.filter((v) => v.id === "shnor_share" && v.scope === "municipality");
    expect(shnor.map((v) => [v.period, Math.round((v.value as number) * 10) / 10])).toEqual(
      expect.arrayContaining([
        ["2021", 27.6],
        ["2022", 34.5],
      ]),
    );
  });

  it("reads the Ivanovo plan saved as .xls (Excel 97–2003): same cells and report", async () => {
    const original = await readWorkbookFile(join(SAMPLES, `${PLAN}.xlsx`));
    const xls = await readWorkbookFile(join(FIXTURES, `${PLAN}.xls`));
    expectSameAsOriginal({ ...xls, name: original.name }, original);
    expect(reportAndIndicators(xls).report.issues.map((i) => i.code)).toContain("EMPTY_REQUIRED");
  });

  it("reads the Ivanovo plan's first sheet as LibreOffice exports it to a ;-separated CSV, re-encoded to Windows-1251", async () => {
    const original = await readWorkbookFile(join(SAMPLES, `${PLAN}.xlsx`));
    const csv = await readWorkbook(readFileSync(join(FIXTURES, `${PLAN}.cp1251.csv`)), `${PLAN}.csv`);
    expect(csv.sheets).toHaveLength(1);
    expect(csv.sheets[0].name).toBe(PLAN);
    const first = original.sheets[0];
    // Same text in every cell (CSV keeps numbers as text; the plan's cells are text anyway).
    const text = (rows: ReadonlyArray<ReadonlyArray<unknown>>) =>
      rows.map((r) =>
        r
          .map((v) => (v === null || v === undefined ? "" : String(v)))
          .join("|")
          .replace(/\|+$/, ""),
      );
    expect(text(csv.sheets[0].rows)).toEqual(text(first.rows));
    const template = BUILTIN_TEMPLATES.find((t) => t.id === "ivanovo-2020")!;
    const opts = { templates: BUILTIN_TEMPLATES, template, asOf: AS_OF };
    const a = validateWorkbook({ ...original, sheets: [first] }, opts);
    const b = validateWorkbook({ ...csv, sheets: [{ ...csv.sheets[0], name: first.name }] }, opts);
    expect(a.report.issues.length).toBeGreaterThan(0);
    expect(b.report.issues.map((i) => [i.code, i.cell])).toEqual(a.report.issues.map((i) => [i.code, i.cell]));
  });
});

const lo = soffice();
const withSoffice = lo ? describe : describe.skip;

withSoffice("samples converted by LibreOffice now (soffice installed)", () => {
  let dir: string;
  const files = new Map<string, string>();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sverka-lo-"));
    copyFileSync(join(SAMPLES, `${MONITORING}.xlsx`), join(dir, `${MONITORING}.xlsx`));
    for (const to of ["xls", "ods"])
      files.set(to, convertWithLibreOffice(lo!, dir, join(dir, `${MONITORING}.xlsx`), to));
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const ext of ["xls", "ods"]) {
    it(`reads the monitoring sample as LibreOffice saves it in .${ext}`, async () => {
      const path = files.get(ext)!;
      expect(path).toBe(join(dir, `${MONITORING}.${ext}`));
      expect(readdirSync(dir)).toContain(`${MONITORING}.${ext}`);
      expect(existsSync(path)).toBe(true);
      const original = await readWorkbookFile(join(SAMPLES, `${MONITORING}.xlsx`));
      const converted = await readWorkbookFile(path);
      expectSameAsOriginal({ ...converted, name: original.name }, original);
    });
  }
});

describe("what the .xls and .ods readers refuse", () => {
  it("reads an .ods quietly, and refuses it for writing with a message that says to save it as .xlsx", async () => {
    const spy = jest.spyOn(console, "error");
    const path = join(FIXTURES, `${MONITORING}.ods`);
    await readWorkbookFile(path);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    const e = await readWritableWorkbookFile(path).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "NOT_XLSX", file: `${MONITORING}.ods` });
    expect((e as Error).message).toMatch(
      /таблица OpenDocument \(\.ods\): Сверка его читает.*только в книгу Excel \(\.xlsx или \.xlsm\)/,
    );
    await expect(readWritableWorkbookFile(join(SAMPLES, `${MONITORING}.xlsx`))).resolves.toMatchObject({
      format: "xlsx",
    });
  });

  it("calls a compound file with an unreadable workbook stream an unreadable .xls, not a library error", async () => {
    const e = await readWorkbook(buildCompoundFile("Workbook"), "старый.xls").catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "LEGACY_XLS", file: "старый.xls" });
    expect((e as Error).message).toMatch(
      /^Файл «старый\.xls» — книга Excel старого формата \(\.xls, Excel 97–2003\), но прочитать её не удалось/,
    );
  });

  it("refuses a password-protected .xls as ENCRYPTED", async () => {
    // BIFF8 with a FILEPASS record: how an .xls says it is password-protected.
    const wb = sheetJsBook();
    const bytes = new Uint8Array(write(wb, { bookType: "xls", type: "array" }) as ArrayBuffer);
    const withPass = insertFilePass(bytes);
    const e = await readWorkbook(withPass, "секрет.xls").catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "ENCRYPTED", file: "секрет.xls" });
  });
});

/**
 * Puts a FILEPASS record (type 0x002F, XOR obfuscation: wEncryptionType 0, key, verifier) right
 * after the workbook globals' BOF in the "Workbook" stream of a SheetJS-written .xls, over the
 * record that follows (the rest need not stay valid: readers stop at FILEPASS).
 */
function insertFilePass(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const bof = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]; // BIFF8 BOF of the globals
  for (let i = 512; i < out.length - 32; i++) {
    if (bof.every((b, k) => out[i + k] === b)) {
      const at = i + 4 + 16;
      out.set([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56], at);
      return out;
    }
  }
  throw new Error("no BIFF8 BOF in the SheetJS-written .xls");
}
