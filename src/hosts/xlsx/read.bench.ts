/**
 * Load-and-convert benchmark for the xlsx reader on a generated 100,000 × 8 sheet.
 *
 *   npx tsx src/hosts/xlsx/read.bench.ts [rows] [compare|full]
 *
 * `full` times only `readWorkbook` (sniff + load + convert), in a process that holds nothing else.
 *
 * Compares the two ways of walking ExcelJS's cells (`eachRow`/`eachCell`, which `read.ts` uses,
 * and `getSheetValues()` plus the per-cell fix-ups it needs) and the cost of ExcelJS's own load
 * with and without the reader's tweaks (ignored sheet parts, skipped defined-name explosion).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook, ValueType, type Worksheet } from "exceljs";
import { excelSerialToDate } from "../../core/model/dates";
import type { CellValue } from "../../core/model/sheet";
import { classifyFormat } from "../../core/model/numberFormats";
import { readWorkbook, worksheetToSheetData } from "./read";

const ROWS = Number(process.argv[2] ?? 100_000);
const MODE = process.argv[3] ?? "compare";

async function generate(path: string): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Мониторинг");
  ws.addRow(["№", "Школа", "Мероприятие", "Срок", "Доля", "Сумма", "Выполнено", "Ответственный"]);
  const base = Date.UTC(2021, 0, 1);
  for (let i = 1; i <= ROWS; i++) {
    const r = ws.addRow([
      i,
      `МБОУ СОШ № ${i % 2000}`,
      `Мероприятие ${i}: методический семинар для педагогов школ с низкими результатами`,
      new Date(base + (i % 365) * 86400000),
      (i % 100) / 100,
      { formula: `A${i + 1}*2`, result: i * 2 },
      i % 3 === 0,
      `Иванова И. И. (${i % 50})`,
    ]);
    r.getCell(4).numFmt = "dd.mm.yyyy";
    r.getCell(5).numFmt = "0%";
  }
  ws.mergeCells("J1:L1");
  ws.autoFilter = `A1:H${ROWS + 1}`;
  wb.definedNames.add(`'Мониторинг'!$A$1:$H$${ROWS + 1}`, "Данные");
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function timeAsync<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
}

/** The alternative walk: `getSheetValues()`, then the fix-ups it needs to match `read.ts`. */
function convertViaSheetValues(ws: Worksheet, date1904: boolean): CellValue[][] {
  const out: CellValue[][] = [];
  const all = ws.getSheetValues();
  for (let r = 1; r < all.length; r++) {
    const values: unknown = all[r];
    if (!Array.isArray(values)) {
      out.push([]);
      continue;
    }
    const row: CellValue[] = [];
    const xlRow = ws.getRow(r);
    for (let c = 1; c < values.length; c++) {
      const v: unknown = values[c];
      if (v === undefined || v === null) {
        row.push(null);
        continue;
      }
      const cell = xlRow.getCell(c);
      if (cell.type === ValueType.Merge) {
        row.push(null);
        continue;
      }
      const fmt = cell.numFmt;
      if (typeof v === "number") row.push(classifyFormat(fmt) === "date" ? excelSerialToDate(v, date1904) : v);
      else if (typeof v === "string" || typeof v === "boolean" || v instanceof Date) row.push(v);
      else if (typeof v === "object" && "formula" in v) {
        // `value` drops falsy results (0, "", false): read the cell's own result instead.
        const res: unknown = cell.result;
        row.push(
          typeof res === "number" || typeof res === "string" || typeof res === "boolean" || res instanceof Date
            ? res
            : null,
        );
      } else if (typeof v === "object" && "error" in v) row.push({ error: String(v.error) });
      else row.push(null);
    }
    out.push(row);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const path = join(tmpdir(), `sverka-bench-${ROWS}.xlsx`);
  if (!existsSync(path)) await timeAsync(`generate ${path}`, () => generate(path));
  const bytes = new Uint8Array(readFileSync(path));
  console.log(`file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${ROWS} rows × 8 columns`);

  if (MODE === "full") {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const data = await readWorkbook(bytes, "bench.xlsx", { maxBytes: 100 * 1024 * 1024 });
      runs.push(performance.now() - t0);
      if (data.sheets[0].rows.length !== ROWS + 1) throw new Error("wrong row count");
    }
    console.log(`readWorkbook: median ${median(runs).toFixed(0)} ms (${runs.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
    return;
  }

  const load: number[] = [];
  const viaValues: number[] = [];
  const viaEach: number[] = [];
  const full: number[] = [];
  for (let round = 1; round <= 3; round++) {
    let t0 = performance.now();
    const plain = new Workbook();
    await plain.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
    load.push(performance.now() - t0);
    const ws = plain.worksheets[0];
    const date1904 = plain.properties.date1904 === true;
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      convertViaSheetValues(ws, date1904);
      viaValues.push(performance.now() - t0);
      t0 = performance.now();
      worksheetToSheetData(ws, date1904);
      viaEach.push(performance.now() - t0);
    }
    t0 = performance.now();
    const data = await readWorkbook(bytes, "bench.xlsx", { maxBytes: 100 * 1024 * 1024 });
    full.push(performance.now() - t0);
    if (round === 1) console.log(`rows read: ${data.sheets[0].rows.length}, row 2:`, data.sheets[0].rows[1]);
  }
  const ms = (xs: number[]): string => `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(", ")})`;
  console.log(`ExcelJS load, untweaked:          ${ms(load)}`);
  console.log(`convert via getSheetValues():     ${ms(viaValues)}`);
  console.log(`convert via eachRow/eachCell:     ${ms(viaEach)}`);
  console.log(`readWorkbook total (sniff + tweaked load + convert): ${ms(full)}`);
}

void main();
