/**
 * `npm run bench`: measured, not assumed. Every figure is printed with its goal; times are CPU
 * seconds (`process.cpuUsage()`, or the child's user + system time for spawned commands), and the
 * reference is ExcelJS 4.4.0 merely loading the same file (`new ExcelJS.Workbook().xlsx.load(bytes)`)
 * in the same run, so the ratios hold on a loaded machine too. `plan` and `region` run both jobs in
 * child processes bundled as the built command is (`scripts/bench/lib/coreChild.ts`), Sverka's with the
 * command's V8 flags (`bin/v8-flags.js`) and ExcelJS's with Node's defaults, in interleaved rounds, so
 * that neither tsx's overhead nor the machine's drift between the two falls on one side.
 *
 * Sections (`npm run bench -- <name>` runs one; several names may be given):
 * - `plan`: `validate` of a 100,000-activity plan-graph, read + check as the CLI does it
 *   (goal ≤ 0.35× the ExcelJS load);
 * - `region`: `indicators` of a 2,000-school × 3-year × 12-procedure region, read + check +
 *   indicators (goal ≤ 0.40×); then the region's dashboard and a formula engine recalculating it;
 * - `consolidate` (run first, on a fresh heap): 30 and 300 school files into a master (goal:
 *   30 files < 1 s of CPU; time and memory growing no faster than the number of files);
 * - `start`: the CLI's start, `node bin/sverka.js templates` against `node -e 0` (goal ≤ 3×);
 * - `memory`: a sheet of a million shared strings read in a child process (goal: peak RSS < 400 MB);
 * - any module `scripts/bench/<name>.ts` that exports `bench(): Promise<void>` (found at start,
 *   run in name order after the sections above, selectable by its file name).
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { zipSync, strToU8 } from "fflate";
import { HyperFormula } from "hyperformula";
import { BUILTIN_TEMPLATES } from "../src/core/templates";
import { consolidateXlsx } from "../src/hosts/xlsx/consolidate";
import { fileSources } from "../src/hosts/xlsx/consolidateNode";
import { buildDashboard, engineRows, loadExcelJs, type EngineCell } from "../src/hosts/xlsx/testing/testDashboard";
import { writeDashboard } from "../src/hosts/xlsx/writeDashboard";
import { gridToXlsx } from "../src/hosts/xlsx/writeGrid";
import { bundleChild, childEnv, runChild } from "./bench/lib/child";
import { median } from "./bench/lib/measure";
import type { CoreRound } from "./bench/lib/coreChild";
import { headerOf, makeRegionXlsx, PROCEDURES, specOf } from "./bench/lib/region";
import type { SampleCell, SampleSheet } from "../samples/types";

const s2 = (x: number) => x.toFixed(2);

/** One figure against its goal: «… 0,21× (цель ≤ 0,35×) — достигнута». */
function verdict(label: string, value: number, goal: number, unit = "×"): boolean {
  const ok = value <= goal;
  process.stdout.write(
    `  ${label}: ${value.toFixed(unit === "×" ? 3 : 2)}${unit} (цель ≤ ${goal}${unit}) — ${ok ? "достигнута" : "НЕ ДОСТИГНУТА"}\n`,
  );
  return ok;
}

/**
 * For information, without a goal: the first run of each child against ExcelJS's first, cold, as one
 * `sverka` command runs (the goals are on the medians of the runs, see `coreRounds`).
 */
function coldLine(ratio: number): void {
  process.stdout.write(
    `  справочно: первый (холодный) прогон, как одна команда / первая загрузка ExcelJS: ${ratio.toFixed(3)}×\n`,
  );
}

/** Writes `bytes` to a temp file (the CLI path reads from disk) and returns its path; `cleanup` removes it. */
function tempFile(name: string, bytes: Uint8Array): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "sverka-bench-"));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

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

const ROUNDS = 3;
const RUNS_PER_ROUND = 3;
/** The command's V8 flags, which Sverka's jobs run with (ExcelJS's with Node's defaults). */
const { V8_FLAGS } = require("../bin/v8-flags.js") as { V8_FLAGS: string[] };
const ROUNDS_NOTE = `медианы: ${ROUNDS} раунда, в каждом ${RUNS_PER_ROUND} прогона в своём процессе, ExcelJS и Сверка поочерёдно; Сверка с флагами V8 команды (${V8_FLAGS.join(" ")})`;

/**
 * A job of `scripts/bench/lib/coreChild.ts` against ExcelJS loading the same file: `ROUNDS` rounds,
 * each an ExcelJS child then a job child (interleaved, so the machine's drift touches both), each
 * child the median of `RUNS_PER_ROUND` runs in its process, bundled as the built command runs. The
 * ratio is the median of the rounds' ratios; phases and the baseline are medians over the rounds.
 */
function coreRounds(
  file: string,
  mode: "validate" | "indicators",
  asOf: string,
): {
  base: number;
  phases: Record<string, number>;
  facts: CoreRound["facts"];
  ratios: number[];
  ratio: number;
  core: number;
  /** The median over the rounds of the first runs' ratio: cold, as one `sverka` command runs. */
  coldRatio: number;
} {
  const dir = mkdtempSync(join(tmpdir(), "sverka-bench-core-"));
  try {
    const bundle = bundleChild("coreChild", dir);
    const bases: number[] = [];
    const coldBases: number[] = [];
    const jobs: CoreRound[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const base = runChild<CoreRound>(bundle, ["exceljs-load", file, String(RUNS_PER_ROUND)], ["--expose-gc"]);
      const job = runChild<CoreRound>(bundle, [mode, file, String(RUNS_PER_ROUND), asOf], ["--expose-gc"]);
      bases.push(base.phases.load);
      coldBases.push(base.first);
      jobs.push(job);
    }
    const total = (j: CoreRound) => Object.values(j.phases).reduce((a, b) => a + b, 0);
    const phases: Record<string, number> = {};
    for (const name of Object.keys(jobs[0].phases)) phases[name] = median(jobs.map((j) => j.phases[name]));
    const ratios = jobs.map((j, k) => total(j) / bases[k]);
    return {
      base: median(bases),
      phases,
      facts: jobs[0].facts,
      ratios,
      ratio: median(ratios),
      core: median(jobs.map((j) => (j.phases.check ?? 0) + (j.phases.indicators ?? 0))),
      coldRatio: median(jobs.map((j, k) => j.first / coldBases[k])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPlan(): Promise<void> {
  const rows = 100_000;
  process.stdout.write(`План-график: ${rows.toLocaleString("ru-RU")} мероприятий (sverka validate)\n`);
  let t = performance.now();
  const data = await makePlanXlsx(rows);
  process.stdout.write(`  сгенерирован файл ${mb(data.byteLength)} за ${s2((performance.now() - t) / 1000)} с\n`);
  const file = tempFile("bench-plan.xlsx", data);
  try {
    const template = BUILTIN_TEMPLATES.find((x) => x.id === "effektivnaya-shkola-2023")!;
    const r = coreRounds(file.path, "validate", "2024-06-30");
    if (r.facts.template !== template.id) throw new Error(`detected ${r.facts.template}`);
    process.stdout.write(
      `  ExcelJS 4.4.0 загрузка: ${s2(r.base)} с ЦП; чтение Сверкой: ${s2(r.phases.read)} с; проверка: ${s2(r.phases.check)} с ` +
        `(мероприятий ${r.facts.activities}, замечаний ${r.facts.issues}); ${ROUNDS_NOTE}\n`,
    );
    process.stdout.write(`  отношения по раундам: ${r.ratios.map((x) => x.toFixed(3)).join(", ")}\n`);
    verdict("validate (чтение + проверка) / загрузка ExcelJS", r.ratio, 0.35);
    coldLine(r.coldRatio);
  } finally {
    file.cleanup();
  }
}

async function benchRegion(): Promise<void> {
  const schools = 2000;
  process.stdout.write(
    `\nМониторинг региона: ${schools} школ × 3 года × ${PROCEDURES.length} процедур (sverka indicators)\n`,
  );
  let t = performance.now();
  const data = await makeRegionXlsx(schools);
  process.stdout.write(`  сгенерирован файл ${mb(data.byteLength)} за ${s2((performance.now() - t) / 1000)} с\n`);
  const file = tempFile("bench-region.xlsx", data);
  try {
    const r = coreRounds(file.path, "indicators", "2023-06-30");
    process.stdout.write(`  замечания по кодам: ${r.facts.codes}\n`);
    process.stdout.write(
      `  ExcelJS 4.4.0 загрузка: ${s2(r.base)} с ЦП; чтение Сверкой: ${s2(r.phases.read)} с (${Number(r.facts.rows).toLocaleString("ru-RU")} строк); ` +
        `проверка: ${s2(r.phases.check)} с (замечаний ${r.facts.issues}); показатели: ${s2(r.phases.indicators)} с (значений ${r.facts.values}); ${ROUNDS_NOTE}\n`,
    );
    process.stdout.write(`  отношения по раундам: ${r.ratios.map((x) => x.toFixed(3)).join(", ")}\n`);
    verdict("indicators (чтение + проверка + показатели) / загрузка ExcelJS", r.ratio, 0.4);
    coldLine(r.coldRatio);
    verdict("ядро в процессе (проверка + показатели), с ЦП", r.core, 1, " с");
  } finally {
    file.cleanup();
  }

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
    const runs: { n: number; ms: number; cpu: number; rss: number; heap: number }[] = [];
    for (const n of counts) {
      if (global.gc) global.gc();
      const base = process.memoryUsage();
      t = performance.now();
      const c0 = process.cpuUsage();
      const { result, rss, heap } = await withPeakMemory((sample) =>
        consolidateXlsx({ file: "svod.xlsx", bytes: master }, fileSources(paths.slice(0, n)), {
          templates: BUILTIN_TEMPLATES,
          asOf: "2023-12-31",
          onProgress: sample,
        }),
      );
      const ms = performance.now() - t;
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1e6;
      const s = result.consolidation.report.summary;
      runs.push({ n, ms, cpu, rss: rss - base.rss, heap: heap - base.heapUsed });
      process.stdout.write(
        `  ${n} файлов: ${s2(cpu)} с ЦП, ${(ms / 1000).toFixed(2)} с по часам (${((cpu * 1000) / n).toFixed(0)} мс ЦП на файл), сведено ${s.merged}, строк ${s.rows}, копия ${mb(result.data.byteLength)}; пик RSS ${mb(rss)} (+${mb(Math.max(0, rss - base.rss))}), пик кучи ${mb(heap)} (+${mb(Math.max(0, heap - base.heapUsed))})\n`,
      );
    }
    const [a, b] = runs;
    const files = b.n / a.n;
    const time = b.cpu / a.cpu;
    const mem = Math.max(1, b.heap) / Math.max(1, a.heap);
    process.stdout.write(
      `  рост: файлов ×${files.toFixed(0)}, время ЦП ×${time.toFixed(1)}, прирост кучи ×${mem.toFixed(1)}\n`,
    );
    verdict(`${a.n} файлов, с ЦП`, a.cpu, 1, " с");
    verdict(`рост времени ЦП / рост числа файлов`, time / files, 1.1, "×");
    verdict(`рост прироста кучи / рост числа файлов`, mem / files, 1.1, "×");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) of a child process running `command`, from bash's `times` (median of `runs`). */
function childCpu(command: string, runs = 5): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const r = spawnSync("bash", ["-c", `${command} >/dev/null 2>&1; times`], { encoding: "utf8", env: childEnv() });
    // `times` prints the shell's user/system times, then its children's: "0m0.052s 0m0.012s".
    const line = r.stdout.trim().split("\n").at(-1) ?? "";
    const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    if (secs.length !== 2) throw new Error(`cannot read the CPU time of «${command}»: ${r.stdout}${r.stderr}`);
    times.push(secs[0] + secs[1]);
  }
  return median(times);
}

async function benchStart(): Promise<void> {
  process.stdout.write("\nЗапуск командной строки: node bin/sverka.js templates против node -e 0\n");
  const root = join(__dirname, "..");
  const bare = childCpu(`node -e 0`);
  const cli = childCpu(`node ${JSON.stringify(join(root, "bin", "sverka.js"))} templates`);
  process.stdout.write(`  node -e 0: ${s2(bare)} с ЦП; sverka templates: ${s2(cli)} с ЦП (медианы 5 запусков)\n`);
  verdict("запуск sverka / node -e 0", cli / bare, 3);
}

/** An .xlsx of one column of `count` distinct shared strings (raw XML, zipped with fflate). */
function sharedStringsBook(count: number): Uint8Array {
  const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const si: string[] = [];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    si.push(`<si><t>МБОУ СОШ № ${i + 1} с. Образцовое-${i % 97}</t></si>`);
    rows.push(`<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`);
  }
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Строки" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(`<sst xmlns="${ns}" count="${count}" uniqueCount="${count}">${si.join("")}</sst>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="${ns}"><sheetData>${rows.join("")}</sheetData></worksheet>`),
  });
}

async function benchMemory(): Promise<void> {
  const count = 1_000_000;
  process.stdout.write(`\nПамять: лист из ${count.toLocaleString("ru-RU")} разных строк (общие строки)\n`);
  const file = tempFile("bench-strings.xlsx", sharedStringsBook(count));
  try {
    // The reader bundled as the compiled CLI is (no tsx in the child), read in a fresh process, so
    // the peak is the reader's own plus a bare node's. The peak is the child's VmHWM (Linux), not
    // `resourceUsage().maxRSS`: that keeps the pre-exec peak of the forked copy of this process.
    const dir = join(file.path, "..");
    const child = bundleChild("memoryChild", dir);
    type Read = { rows: number; last: string; cpu: number; maxRssMb: number };
    const runs: Read[] = [];
    for (let k = 0; k < 3; k++) runs.push(runChild<Read>(child, [file.path]));
    const bare = runChild<{ maxRssMb: number }>(bundleChild("bareChild", dir), []);
    const m = runs[0];
    const peaks = runs.map((x) => x.maxRssMb);
    process.stdout.write(
      `  файл ${mb(statSync(file.path).size)}; прочитано строк ${m.rows.toLocaleString("ru-RU")} (последняя «${m.last}») ` +
        `за ${s2(median(runs.map((x) => x.cpu)))} с ЦП; пик RSS в 3 запусках: ${peaks.map((x) => x.toFixed(0)).join(", ")} МБ ` +
        `(голый node: ${mb(bare.maxRssMb * 1024 * 1024)})\n`,
    );
    verdict("пиковая память процесса (RSS, медиана), МБ", median(peaks), 400, " МБ");
  } finally {
    file.cleanup();
  }
}

/** Sections of this file, then the modules of `scripts/bench/` (each exports `bench()`). */
// `consolidate` first: it measures in this process, before the others leave it a big heap
// (the region's HyperFormula workbook takes gigabytes) that its CPU and memory figures would pay for.
const SECTIONS: Record<string, () => Promise<void>> = {
  consolidate: benchConsolidate,
  plan: benchPlan,
  region: benchRegion,
  start: benchStart,
  memory: benchMemory,
};

function benchModules(): Record<string, () => Promise<void>> {
  const dir = join(__dirname, "bench");
  const out: Record<string, () => Promise<void>> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).sort()) {
    const m = /^([\w-]+)\.ts$/.exec(f);
    if (!m || f.endsWith(".test.ts")) continue;
    out[m[1]] = async () => {
      const mod = require(join(dir, f)) as { bench?: () => Promise<void> };
      if (typeof mod.bench !== "function") throw new Error(`scripts/bench/${f} does not export bench()`);
      process.stdout.write(`\n[${m[1]}]\n`);
      await mod.bench();
    };
  }
  return out;
}

async function main(): Promise<void> {
  const all = { ...SECTIONS, ...benchModules() };
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in all));
  if (unknown.length > 0) {
    throw new Error(`unknown section ${unknown.join(", ")}; known: ${Object.keys(all).join(", ")}`);
  }
  for (const [name, run] of Object.entries(all)) if (wanted.length === 0 || wanted.includes(name)) await run();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
