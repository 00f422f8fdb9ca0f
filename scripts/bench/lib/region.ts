/**
 * The region workbook of the benchmarks: `schools` schools × 3 years × 12 procedures, plus the
 * other monitoring sheets, written with ExcelJS (as a generic writer would).
 */
import ExcelJS from "exceljs";
import { MONITORING_SHEETS, SHNOR_PROCEDURES } from "../../../src/core/monitoring/sheets";

export const specOf = (id: string) => MONITORING_SHEETS.find((m) => m.id === id)!;
export const headerOf = (id: string) => specOf(id).columns.map((c) => c.title);

/** The nine deciding procedures plus three that never decide ШНОР status. */
export const PROCEDURES = [...SHNOR_PROCEDURES, "ВПР 4 кл. математика", "ВПР 7 кл. история", "ВПР 8 кл. математика"];

/** A region: `schools` schools × 3 years × 12 procedures, plus the other monitoring sheets. */
export async function makeRegionXlsx(schools: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const names = Array.from(
    { length: schools },
    (_, i) => `МБОУ СОШ № ${i + 1} с. Образцовое-${Math.floor(i / 50) + 1}`,
  );
  const sheet = (id: string) => {
    const ws = wb.addWorksheet(specOf(id).name);
    ws.addRow(headerOf(id));
    return ws;
  };
  const reg = sheet("schools");
  names.forEach((n, i) =>
    reg.addRow([
      n,
      100000 + i,
      i % 5 === 0 ? "да" : "нет",
      i % 7 === 0 ? "да" : "нет",
      i % 50 === 0 ? "да" : "нет",
      i % 3 === 0 ? "да" : "нет",
      i % 97 === 0 ? "да" : "нет",
      null,
    ]),
  );
  const grades = sheet("grades");
  const proc = sheet("procedures");
  const staff = sheet("staff");
  const net = sheet("network");
  for (let y = 2020; y <= 2022; y++) {
    names.forEach((n, i) => {
      const k = (i * 31 + y) % 17;
      grades.addRow([n, `${y}/${y + 1}`, 300 + k, 290 + k, 20 + (k % 5), 90 + k, 3 + (k % 4)]);
      staff.addRow([n, y, 30 + (k % 9), 20 + (k % 9), 10, 5 + (k % 3), 15, 12, 32, k % 3]);
      net.addRow([n, y, k % 2 ? "да" : "нет", "да", k % 3 ? "да" : "нет", "да", k % 4]);
      for (const p of PROCEDURES) {
        const part = 20 + ((i + y + p.length) % 30);
        const m2 = (i * 7 + p.length + y) % 11;
        if (p.startsWith("ЕГЭ")) proc.addRow([n, y, p, part, m2]);
        else {
          const m5 = Math.floor((part - m2) / 4);
          const m4 = Math.floor((part - m2) / 3);
          proc.addRow([n, y, p, part, m2, part - m2 - m4 - m5, m4, m5]);
        }
      }
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
