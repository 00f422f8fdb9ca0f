import { Workbook } from "exceljs";
import type { SampleWorkbook } from "../../../samples/types";
import { cellAt, formatAt } from "../../core/model/sheet";
import { readWorkbook } from "./read";
import { DATE_FORMAT, FIXED_TIMESTAMP, MAX_AUTO_WIDTH, MIN_AUTO_WIDTH, columnWidths, gridToXlsx } from "./writeGrid";
import { readZipDirectory } from "./zip";

const sample: SampleWorkbook = {
  file: "test.plan.xlsx",
  sheets: [
    {
      name: "План мероприятий",
      rows: [
        ["План мероприятий на 2020-2021 учебный год", null, null, null],
        ["№", "Мероприятие", "Срок", "Ответственный"],
        [1, "Семинар\nдля педагогов", new Date(Date.UTC(2020, 8, 15)), "=Иванова"],
        [],
        [2, "Круглый стол", new Date(Date.UTC(2021, 4, 31)), null, true],
      ],
      merges: ["A1:D1"],
      widths: [6, undefined as unknown as number, 14],
    },
    { name: "Пусто", rows: [] },
  ],
};

describe("gridToXlsx", () => {
  it("round-trips values, line breaks, dates and merges through readWorkbook", async () => {
    const data = await readWorkbook(await gridToXlsx(sample), sample.file);
    expect(data.sheets.map((s) => s.name)).toEqual(["План мероприятий", "Пусто"]);
    const s = data.sheets[0];
    expect(s.rows).toEqual([
      ["План мероприятий на 2020-2021 учебный год"],
      ["№", "Мероприятие", "Срок", "Ответственный"],
      [1, "Семинар\nдля педагогов", new Date(Date.UTC(2020, 8, 15)), "=Иванова"],
      [],
      [2, "Круглый стол", new Date(Date.UTC(2021, 4, 31)), null, true],
    ]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(formatAt(s, 3, 3)).toBe(DATE_FORMAT);
    expect(cellAt(s, 3, 4)).toBe("=Иванова");
    expect(data.sheets[1].rows).toEqual([]);
  });

  it("writes column widths (given ones, else fitted), wrapped top-aligned cells and no formulas", async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await gridToXlsx(sample)) as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
    const ws = wb.worksheets[0];
    expect(ws.getColumn(1).width).toBe(6);
    // "Мероприятие" (11) + 2; the long title in A1 is merged across columns and does not count.
    expect(ws.getColumn(2).width).toBe(15);
    expect(ws.getColumn(3).width).toBe(14);
    expect(ws.getColumn(4).width).toBe(15);
    expect(ws.getColumn(5).width).toBe(MIN_AUTO_WIDTH);
    expect(ws.getCell("B3").alignment).toEqual({ wrapText: true, vertical: "top" });
    expect(ws.getCell("C3").numFmt).toBe(DATE_FORMAT);
    expect(ws.getCell("D3").type).toBe(3); // ValueType.String, not a formula
    expect(ws.getCell("D5").alignment).toBeUndefined();
  });

  it("fits widths to the longest line, within limits", () => {
    expect(
      columnWidths({
        name: "x",
        rows: [["a".repeat(200), "короткая\n" + "б".repeat(20), 3, new Date(0)]],
      }),
    ).toEqual([MAX_AUTO_WIDTH, 22, MIN_AUTO_WIDTH, 12]);
  });

  it("is deterministic: fixed document dates and ZIP timestamps", async () => {
    const a = await gridToXlsx(sample);
    const b = await gridToXlsx(sample);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);

    const wb = new Workbook();
    await wb.xlsx.load(a as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
    expect(wb.created).toEqual(FIXED_TIMESTAMP);
    expect(wb.modified).toEqual(FIXED_TIMESTAMP);

    const dv = new DataView(a.buffer, a.byteOffset, a.byteLength);
    const dosDate = ((2020 - 1980) << 9) | (1 << 5) | 1;
    for (const e of readZipDirectory(a).entries) {
      expect([e.name, dv.getUint16(e.localHeaderOffset + 12, true)]).toEqual([e.name, dosDate]);
      expect([e.name, dv.getUint16(e.centralHeaderOffset + 14, true)]).toEqual([e.name, dosDate]);
    }
  });
});
