/**
 * `npm run bench`: measured, not assumed.
 * 1. A generated 100,000-row plan-graph xlsx: ExcelJS load time, the core check's time and memory,
 *    and their ratio (goal: the check ≤ ¼ of the load and under one second).
 * 2. A region's monitoring workbook, 2,000 schools × 3 years × 12 procedures: the check and all
 *    indicators (goal: under one second together), and the ratio to ExcelJS's load time.
 *    Then the region's dashboard: layout, writing the copy, and a real formula engine (HyperFormula)
 *    calculating the whole workbook and recalculating after one edit (formulas must stay linear).
 * 3. Consolidation: 30 and 300 generated school files (20 rows each, one school per file, written
 *    to a temp folder) into a master with the registry: time from paths to the written copy and
 *    peak memory (RSS, heap) for each, and their ratios (goal: 30 files under 3 s; time and memory
 *    growing no faster than the number of files).
 * `npm run bench -- plan`, `-- region` or `-- consolidate` runs one part.
 */
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { BUILTIN_TEMPLATES } from "../src/core/templates";
import { computeIndicators } from "../src/core/indicators/engine";
import { validateWorkbook } from "../src/core/validate";
import { HyperFormula } from "hyperformula";
import { readWorkbook } from "../src/hosts/xlsx/read";
import { buildDashboard, engineRows, loadExcelJs, type EngineCell } from "../src/hosts/xlsx/testing/testDashboard";
import { writeDashboard } from "../src/hosts/xlsx/writeDashboard";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidateXlsx } from "../src/hosts/xlsx/consolidate";
import { fileSources } from "../src/hosts/xlsx/consolidateNode";
import { gridToXlsx } from "../src/hosts/xlsx/writeGrid";
import { headerOf, makeRegionXlsx, PROCEDURES, specOf } from "./bench/region";
import type { SampleCell, SampleSheet } from "../samples/types";

const MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];
const OWNERS = ["Управление образования", "МБУ «ИМЦ», руководители ОО", "Руководители ОО", "Кураторы"];

async function makePlanXlsx(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("План мероприятий");
  ws.addRow(["Мероприятия по реализации муниципального проекта «Эффективная школа»"]);
  ws.addRow([
    "№ п/п",
    "Сроки реализации",
    "Задачи",
    "Ответственный исполнитель",
    "Прогнозируемый результат",
    "Статус",
    "Дата выполнения",
  ]);
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
  process.stdout.write(
    `  сгенерирован файл ${mb(data.byteLength)} за ${((performance.now() - t) / 1000).toFixed(2)} с\n`,
  );

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

/** A monitoring sheet's canonical name and header (from the built-in templates' sheet specs). */
async function benchRegion(): Promise<void> {
  const schools = 2000;
  process.stdout.write(`\nМониторинг региона: ${schools} школ × 3 года × ${PROCEDURES.length} процедур\n`);
  let t = performance.now();
  const data = await makeRegionXlsx(schools);
  process.stdout.write(
    `  сгенерирован файл ${mb(data.byteLength)} за ${((performance.now() - t) / 1000).toFixed(2)} с\n`,
  );
  t = performance.now();
  const wb = await readWorkbook(data, "bench-region.xlsx");
  const loadMs = performance.now() - t;
  const template = BUILTIN_TEMPLATES.find((x) => x.id === "effektivnaya-shkola-2023")!;
  const checks: number[] = [];
  const inds: number[] = [];
  let values = 0;
  let issues = 0;
  for (let k = 0; k < 3; k++) {
    if (global.gc) global.gc();
    t = performance.now();
    const check = validateWorkbook(wb, { template, templates: BUILTIN_TEMPLATES, asOf: "2023-06-30" });
    checks.push(performance.now() - t);
    t = performance.now();
    values = computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf: "2023-06-30" }).length;
    inds.push(performance.now() - t);
    issues = check.report.issues.length;
    if (k === 0) {
      const byCode = new Map<string, number>();
      for (const i of check.report.issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
      process.stdout.write(`  замечания по кодам: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(", ") || "нет"}\n`);
    }
  }
  const checkMs = checks.sort((a, b) => a - b)[1];
  const indMs = inds.sort((a, b) => a - b)[1];
  const rows = wb.sheets.reduce((n, s) => n + s.rows.length, 0);
  process.stdout.write(
    `  загрузка ExcelJS + перевод в модель: ${(loadMs / 1000).toFixed(2)} с (${rows.toLocaleString("ru-RU")} строк)\n`,
  );
  process.stdout.write(
    `  проверка (ядро, медиана 3 прогонов): ${(checkMs / 1000).toFixed(3)} с, замечаний ${issues}\n`,
  );
  process.stdout.write(`  все показатели (медиана 3 прогонов): ${(indMs / 1000).toFixed(3)} с, значений ${values}\n`);
  const total = checkMs + indMs;
  process.stdout.write(
    `  проверка + показатели: ${(total / 1000).toFixed(3)} с; отношение к загрузке ${(total / loadMs).toFixed(3)} (цель < 1 с)\n`,
  );
  process.stdout.write(`  ${total < 1000 ? "цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА"}\n`);

  // The dashboard of the region, and how long a real formula engine takes to calculate it.
  t = performance.now();
  const built = await buildDashboard(data, "bench-region.xlsx", "2023-06-30");
  const layoutMs = performance.now() - t;
  t = performance.now();
  const written = await writeDashboard(data, built.layout, built.flk);
  const writeMs = performance.now() - t;
  const excel = await loadExcelJs(written.data);
  const sheets: Record<string, EngineCell[][]> = {};
  for (const ws of excel.worksheets) sheets[ws.name] = engineRows(ws);
  t = performance.now();
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", maxRows: 1_048_576 });
  const calcMs = performance.now() - t;
  const formulas = Object.values(sheets).reduce(
    (n, rows) => n + rows.flat().filter((c) => typeof c === "string" && c.startsWith("=")).length,
    0,
  );
  // One edit in the data: the engine recalculates what depends on it.
  const procId = hf.getSheetId("Процедуры")!;
  t = performance.now();
  hf.setCellContents({ sheet: procId, row: 1, col: 4 }, [[7]]);
  const editMs = performance.now() - t;
  process.stdout.write(
    `  дашборд: раскладка и проверка формул ${(layoutMs / 1000).toFixed(2)} с, запись копии ${(writeMs / 1000).toFixed(2)} с (${mb(written.data.byteLength)})\n`,
  );
  process.stdout.write(
    `  HyperFormula: построение и полный расчёт книги ${(calcMs / 1000).toFixed(2)} с (формул: ${formulas}), пересчёт после правки одной ячейки ${(editMs / 1000).toFixed(2)} с\n`,
  );
}

const benchSchool = (i: number) => `МБОУ СОШ № ${i + 1} с. Сводное-${Math.floor(i / 50) + 1}`;
const TEMPLATE_SHEET: SampleSheet = {
  name: "_sverka",
  state: "veryHidden",
  rows: [["sverka.template", "effektivnaya-shkola-2023"]],
};

/** One school's file as a school sends it: its registry row and 19 data rows on five sheets. */
function schoolFile(i: number): SampleSheet[] {
  const n = benchSchool(i);
  const k = i % 13;
  const sheet = (id: string, rows: SampleCell[][]): SampleSheet => ({
    name: specOf(id).name,
    rows: [headerOf(id), ...rows],
  });
  return [
    sheet("schools", [[n, String(100000 + i), k % 5 ? "нет" : "да", "нет", "нет", "да", "нет", null]]),
    sheet("grades", [
      [n, "2021/2022", 300 + k, 290 + k, 20 + (k % 5), 90 + k, 3],
      [n, "2022/2023", 305 + k, 292 + k, 22 + (k % 5), 95 + k, 2],
    ]),
    sheet(
      "procedures",
      PROCEDURES.map((p, j) => {
        const part = 20 + ((i + j) % 30);
        const m2 = (i + j) % 5;
        if (p.startsWith("ЕГЭ")) return [n, 2022, p, part, m2, null, null, null];
        const m5 = Math.floor((part - m2) / 4);
        const m4 = Math.floor((part - m2) / 3);
        return [n, 2022, p, part, m2, part - m2 - m4 - m5, m4, m5];
      }),
    ),
    sheet("staff", [
      [n, 2022, 30 + k, 20 + k, 10, 5, 15, 12, 32, 1],
      [n, 2023, 31 + k, 22 + k, 11, 6, 16, 13, 33, 0],
    ]),
    sheet("network", [
      [n, 2022, "да", "да", k % 2 ? "да" : "нет", "да", 1],
      [n, 2023, "да", "да", "да", "да", 2],
    ]),
    sheet("gia", [[n, 2022, 30, 27, 12, 11, 2]]),
    TEMPLATE_SHEET,
  ];
}

/** Peak RSS and heap while `run` runs (sampled every 10 ms and at each progress step). */
async function withPeakMemory<T>(
  run: (sample: () => void) => Promise<T>,
): Promise<{ result: T; rss: number; heap: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await run(sample);
    sample();
    return { result, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

async function benchConsolidate(): Promise<void> {
  const counts = [30, 300];
  const max = Math.max(...counts);
  process.stdout.write(`\nСведение файлов школ: ${counts.join(" и ")} файлов по 20 строк (одна школа в файле)\n`);
  const dir = mkdtempSync(join(tmpdir(), "sverka-bench-consolidate-"));
  try {
    let t = performance.now();
    const paths: string[] = [];
    for (let i = 0; i < max; i++) {
      const p = join(dir, `oo-${String(i + 1).padStart(3, "0")}.xlsx`);
      writeFileSync(p, await gridToXlsx({ file: p, sheets: schoolFile(i) }));
      paths.push(p);
    }
    const master = await gridToXlsx({
      file: "svod.xlsx",
      sheets: [
        {
          name: specOf("schools").name,
          rows: [headerOf("schools"), ...Array.from({ length: max }, (_, i) => schoolFile(i)[0].rows[1])],
        },
        TEMPLATE_SHEET,
      ],
    });
    process.stdout.write(
      `  сгенерированы ${max} файлов и сводная книга за ${((performance.now() - t) / 1000).toFixed(1)} с (не входит в замеры)\n`,
    );
    const runs: { n: number; ms: number; rss: number; heap: number }[] = [];
    for (const n of counts) {
      if (global.gc) global.gc();
      const base = process.memoryUsage();
      t = performance.now();
      const { result, rss, heap } = await withPeakMemory((sample) =>
        consolidateXlsx({ file: "svod.xlsx", bytes: master }, fileSources(paths.slice(0, n)), {
          templates: BUILTIN_TEMPLATES,
          asOf: "2023-12-31",
          onProgress: sample,
        }),
      );
      const ms = performance.now() - t;
      const s = result.consolidation.report.summary;
      runs.push({ n, ms, rss: rss - base.rss, heap: heap - base.heapUsed });
      process.stdout.write(
        `  ${n} файлов: ${(ms / 1000).toFixed(2)} с (${(ms / n).toFixed(0)} мс на файл), сведено ${s.merged}, строк ${s.rows}, копия ${mb(result.data.byteLength)}; пик RSS ${mb(rss)} (+${mb(Math.max(0, rss - base.rss))}), пик кучи ${mb(heap)} (+${mb(Math.max(0, heap - base.heapUsed))})\n`,
      );
    }
    const [a, b] = runs;
    const files = b.n / a.n;
    const time = b.ms / a.ms;
    const mem = Math.max(1, b.heap) / Math.max(1, a.heap);
    process.stdout.write(
      `  рост: файлов ×${files.toFixed(0)}, время ×${time.toFixed(1)}, прирост кучи ×${mem.toFixed(1)} (цель: не быстрее числа файлов; 30 файлов < 3 с)\n`,
    );
    const ok = a.ms < 3000 && time <= files * 1.1 && mem <= files * 1.1;
    process.stdout.write(`  ${ok ? "цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА"}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === "plan") await benchPlan();
  if (!only || only === "region") await benchRegion();
  if (!only || only === "consolidate") await benchConsolidate();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
