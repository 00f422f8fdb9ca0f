/**
 * CSV dialects: any grid of strings written with any of the separators, quoted as needed, in
 * UTF-8, UTF-8 with a BOM or Windows-1251, reads back as the same grid (property tests), and the
 * cases schools' exports really show.
 */
import fc from "fast-check";
import type { CellValue } from "../../../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../../../core/templates";
import { validateWorkbook } from "../../../core/validate";
import { readWorkbook } from "../read";
import { CSV_SEPARATORS, csvSheetName, detectEncoding, detectSeparator, readCsv, type CsvSeparator } from "./csv";

/** Windows-1251 encoder built from the platform's decoder (the test's own writer). */
const CP1251 = (() => {
  const dec = new TextDecoder("windows-1251");
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(new Uint8Array([b]));
    if (!map.has(ch)) map.set(ch, b);
  }
  return map;
})();

function encode1251(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text), (ch) => {
    const b = CP1251.get(ch);
    if (b === undefined) throw new Error(`not in Windows-1251: ${ch}`);
    return b;
  });
}

type Encoding = "utf-8" | "utf-8-bom" | "windows-1251";

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === "windows-1251") return encode1251(text);
  const body = new TextEncoder().encode(text);
  if (encoding === "utf-8") return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/**
 * Writes a grid as a careful exporter does: a field is quoted when it holds a quote, a line break,
 * or any of the three separators (a field with an unquoted «,» in a «;» file is ambiguous to
 * every reader, and to the detection here too).
 */
function writeCsv(grid: string[][], sep: CsvSeparator, eol: "\n" | "\r\n"): string {
  return grid
    .map((row) => row.map((f) => (/[";,\t\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(sep))
    .join(eol);
}

/** The grid as the reader returns it: empty fields are empty cells, trailing empties left out. */
function expected(grid: string[][]): CellValue[][] {
  const rows = grid.map((r) => {
    const out: CellValue[] = r.map((f) => (f === "" ? null : f));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const ASCII = "abcXYZ019 .-_%'";
const CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
const SPECIAL = ['"', ";", ",", "\t", "\n", "\r\n", " "];

/**
 * Fields from text a school table holds. For Windows-1251 the letters are А–я (bytes 0xC0–0xFF):
 * «Ё», «ё», «№» and the other characters of bytes 0x80–0xBF can follow a letter as a valid UTF-8
 * sequence («Я№» is DF B9), which no detector can tell from UTF-8 (see csv.ts).
 */
function field(cp1251: boolean): fc.Arbitrary<string> {
  const chars = [...ASCII, ...CYRILLIC, ...SPECIAL, ...(cp1251 ? [] : ["ё", "Ё", "№", "«", "»", "—", "€", "😀"])];
  return fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(""));
}

function gridOf(cp1251: boolean): fc.Arbitrary<string[][]> {
  return (
    fc
      .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 8 }))
      .chain(([cols, rows]) =>
        fc.array(fc.array(field(cp1251), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      )
      // At least one separator must appear in the text: a row of all-empty fields is only separators.
      .filter((g) => g.some((r) => r.some((f) => f !== "")))
  );
}

describe("CSV dialects (property)", () => {
  it("reads back any grid written with any separator, line end and encoding", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom<Encoding>("utf-8", "utf-8-bom", "windows-1251")
          .chain((enc) => fc.tuple(fc.constant(enc), gridOf(enc === "windows-1251"))),
        fc.constantFrom(...CSV_SEPARATORS),
        fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
        ([enc, grid], sep, eol) => {
          const bytes = encode(writeCsv(grid, sep, eol), enc);
          const { sheet, separator, encoding } = readCsv(bytes, "Школы.csv");
          expect(sheet.name).toBe("Школы");
          expect(sheet.rows).toEqual(expected(grid));
          expect(separator).toBe(sep);
          expect(encoding).toBe(
            // Windows-1251 text without a Cyrillic letter is plain ASCII, which is UTF-8 too.
            enc === "windows-1251" && !/[А-Яа-я]/.test(grid.flat().join(""))
              ? "utf-8"
              : enc === "utf-8-bom"
                ? "utf-8"
                : enc,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("CSV as schools send it", () => {
  it("reads a ;-separated Windows-1251 export with a quoted multi-line field, numbers staying text", async () => {
    const text =
      'ОО;Год;Доля;Примечание\r\nМБОУ СОШ № 1;2023;12,5;"строка 1\r\nстрока 2"\r\nМБОУ «СОШ» с. Бичевая;2022;90 %;\r\n';
    const data = await readWorkbook(encode1251(text), "Успеваемость.csv");
    expect(data.sheets).toHaveLength(1);
    expect(data.sheets[0].name).toBe("Успеваемость");
    expect(data.sheets[0].rows).toEqual([
      ["ОО", "Год", "Доля", "Примечание"],
      ["МБОУ СОШ № 1", "2023", "12,5", "строка 1\r\nстрока 2"],
      ["МБОУ «СОШ» с. Бичевая", "2022", "90 %"],
    ]);
  });

  it("reads a comma-separated UTF-8 file with a BOM, and a tab-separated one", async () => {
    const bom = encode('ОО,"Год, учебный"\nСОШ,2021/2022\n', "utf-8-bom");
    expect((await readWorkbook(bom, "a.csv")).sheets[0].rows).toEqual([
      ["ОО", "Год, учебный"],
      ["СОШ", "2021/2022"],
    ]);
    const tsv = encode("№\tМероприятие\n1.2\tСеминар\n", "utf-8");
    expect((await readWorkbook(tsv, "plan.txt")).sheets[0].rows).toEqual([
      ["№", "Мероприятие"],
      ["1.2", "Семинар"],
    ]);
  });

  it("reads a single-column .csv as one column, and refuses the same text named .xlsx as plain text", async () => {
    const text = encode("Школы\nСОШ № 1\nСОШ № 2\n", "utf-8");
    expect((await readWorkbook(text, "список.csv")).sheets[0].rows).toEqual([["Школы"], ["СОШ № 1"], ["СОШ № 2"]]);
    await expect(readWorkbook(text, "список.xlsx")).rejects.toMatchObject({ code: "NOT_XLSX" });
  });

  it("reads a monitoring sheet exported as CSV into the same check as typed-in cells", async () => {
    const csv = encode1251(
      "ОО;Год;Процедура;Участников;«2»;«3»;«4»;«5»\n" +
        "МБОУ СОШ № 1;2022;ВПР 5 кл. математика;20;2;8;6;4\n" +
        "МБОУ СОШ № 2;2022;ВПР 5 кл. математика;20;abc;8;6;4\n",
    );
    const data = await readWorkbook(csv, "Процедуры.csv");
    const template = BUILTIN_TEMPLATES.find((t) => t.id === "effektivnaya-shkola-2023")!;
    const check = validateWorkbook(data, { templates: BUILTIN_TEMPLATES, template, asOf: "2023-12-31" });
    const codes = check.report.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell]);
    // The numbers written as text are numbers to the check; the one non-number is found where it is.
    expect(codes).toEqual([["NOT_A_NUMBER", "E3"]]);
  });

  it("detects encodings and separators, and names the sheet after the file", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: "utf-8", bom: 3 });
    expect(detectEncoding(encode1251("Школа"))).toEqual({ encoding: "windows-1251", bom: 0 });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: "utf-16le", bom: 2 });
    expect(detectSeparator('a,"b;c",d\n1,2,3\n')).toBe(",");
    expect(detectSeparator("a;b;c\n1;2,5;3\n")).toBe(";");
    expect(detectSeparator("один\nстолбец\n")).toBe(";");
    expect(csvSheetName("C:\\выгрузка\\Кадры 2023.csv")).toBe("Кадры 2023");
    expect(csvSheetName("a[1]:b.csv")).toBe("a_1__b");
    expect(csvSheetName(".csv")).toBe("Лист1");
  });
});
