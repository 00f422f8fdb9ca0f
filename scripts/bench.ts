/**
 * `npm run bench`: measured, not assumed.
 * 1. A generated 100,000-row plan-graph xlsx: ExcelJS load time, the core check's time and memory,
 *    and their ratio (goal: the check ≤ ¼ of the load and under one second).
 */
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { BUILTIN_TEMPLATES } from "../src/core/templates";
import { validateWorkbook } from "../src/core/validate";
import { readWorkbook } from "../src/hosts/xlsx/read";

const MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];
const OWNERS = ["Управление образования", "МБУ «ИМЦ», руководители ОО", "Руководители ОО", "Кураторы"];

async function makePlanXlsx(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("План мероприятий");
  ws.addRow(["Мероприятия по реализации муниципального проекта «Эффективная школа»"]);
  ws.addRow(["№ п/п", "Сроки реализации", "Задачи", "Ответственный исполнитель", "Прогнозируемый результат", "Статус", "Дата выполнения"]);
  ws.addRow([1, 2, 3, 4, 5, 6, 7]);
  const perSection = 50;
  for (let i = 0; i < rows; i++) {
    const sec = Math.floor(i / perSection) + 1;
    const n = (i % perSection) + 1;
    if (n === 1) ws.addRow([`${sec}.`, null, `Раздел ${sec}`]);
    // A realistic plan: dates go forward within a section, most activities done on time, a
    // few defects (about one row in twenty).
    const year = sec % 2 ? 2023 : 2024;
    const month = Math.floor((n - 1) / 5) % MONTHS.length;
    const done = i % 10 !== 0;
    ws.addRow([
      `${sec}.${n}.`,
      i % 7 === 0 ? "Ежегодно" : `${MONTHS[month]} ${year} г.`,
      `Мероприятие ${sec}.${n}: семинар для педагогов ШНОР`,
      OWNERS[i % OWNERS.length],
      i % 20 === 0 ? "Организовано сотрудничество" : `не менее ${50 + (i % 50)} % ОО`,
      done ? "Выполнено" : "В работе",
      done ? new Date(Date.UTC(year, 0, 15)) : null,
    ]);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function benchPlan(): Promise<void> {
  const rows = 100_000;
  process.stdout.write(`План-график: ${rows.toLocaleString("ru-RU")} мероприятий\n`);
  let t = performance.now();
  const data = await makePlanXlsx(rows);
  process.stdout.write(`  сгенерирован файл ${mb(data.byteLength)} за ${((performance.now() - t) / 1000).toFixed(2)} с\n`);

  t = performance.now();
  const wb = await readWorkbook(data, "bench-plan.xlsx");
  const loadMs = performance.now() - t;

  const template = BUILTIN_TEMPLATES.find((x) => x.id === "effektivnaya-shkola-2023")!;
  // The check runs three times after a full GC (ExcelJS leaves its garbage behind); the median counts.
  const times: number[] = [];
  let check!: ReturnType<typeof validateWorkbook>;
  let heapBefore = 0;
  let heapAfter = 0;
  for (let k = 0; k < 3; k++) {
    if (global.gc) global.gc();
    heapBefore = process.memoryUsage().heapUsed;
    t = performance.now();
    check = validateWorkbook(wb, { template, templates: BUILTIN_TEMPLATES, asOf: "2024-06-30" });
    times.push(performance.now() - t);
    heapAfter = process.memoryUsage().heapUsed;
  }
  const checkMs = times.sort((a, b) => a - b)[1];

  const activities = check.plans.reduce((n, p) => n + p.activities.length, 0);
  process.stdout.write(`  загрузка ExcelJS + перевод в модель: ${(loadMs / 1000).toFixed(2)} с\n`);
  process.stdout.write(
    `  проверка (ядро, медиана 3 прогонов): ${(checkMs / 1000).toFixed(3)} с, мероприятий ${activities}, замечаний ${check.report.issues.length}, прирост кучи ${mb(Math.max(0, heapAfter - heapBefore))}, RSS ${mb(process.memoryUsage().rss)}\n`,
  );
  const byCode = new Map<string, number>();
  for (const i of check.report.issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  process.stdout.write(`  замечания по кодам: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(", ")}\n`);
  const ratio = checkMs / loadMs;
  process.stdout.write(`  отношение проверка / загрузка: ${ratio.toFixed(3)} (цель ≤ 0,25; проверка < 1 с)\n`);
  const ok = ratio <= 0.25 && checkMs < 1000;
  process.stdout.write(`  ${ok ? "цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА"}\n`);
}

benchPlan().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
