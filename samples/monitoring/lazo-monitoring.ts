/**
 * Sample monitoring workbook for seed 003 (Lazo district, «Эффективная школа», 2023–2024): the
 * seven monitoring sheets for the district's 29 schools, generated deterministically (seeded
 * PRNG) around the figures the seed gives.
 *
 * Golden figures (seed 003): ШНОР «по итогам 2021 года» 8 of 29 schools (27,6 %), «по итогам
 * 2022 года» 10 of 29 (34,5 %), the same schools the seed lists. «Процедуры» is built so that the
 * rule of DOMAIN.md gives exactly these: a procedure is low when «2» / participants ≥ 30 %; a
 * school is ШНОР for year Y with ≥ 2 low deciding procedures in Y, or ≥ 1 in Y−1 and ≥ 1 in Y.
 * The rows that decide it carry no defects. See README.md beside this file.
 */
import { MONITORING_SHEETS, SHNOR_PROCEDURES } from "../../src/core/monitoring/sheets";
import type { ExpectedIssue, SampleCell, SampleSheet, SampleWorkbook } from "../types";

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small seeded PRNG; the same seed gives the same workbook on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(3); // seed 003
/** Whole number in [lo, hi]. */
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const between = (lo: number, hi: number): number => lo + random() * (hi - lo);

// ---------------------------------------------------------------------------------------------
// The district

type Year = 2020 | 2021 | 2022;
type Size = "large" | "medium" | "small";

/** Deciding procedures (seed 003), by the names written on «Процедуры». */
const [OGE_MATH, OGE_RUS, EGE_BASE, EGE_PROF, EGE_RUS, VPR5_RUS, VPR5_MATH, VPR6_RUS, VPR6_MATH] = SHNOR_PROCEDURES;

/**
 * Procedures held in each year. 2020: no ОГЭ and no basic-level ЕГЭ (cancelled in the pandemic;
 * ВПР moved to the autumn). 2021: ОГЭ only in Russian and mathematics, no basic ЕГЭ. 2022: all.
 */
const DECIDING: Record<Year, string[]> = {
  2020: [VPR5_RUS, VPR5_MATH, VPR6_RUS, VPR6_MATH, EGE_RUS, EGE_PROF],
  2021: [VPR5_RUS, VPR5_MATH, VPR6_RUS, VPR6_MATH, OGE_RUS, OGE_MATH, EGE_RUS, EGE_PROF],
  2022: [VPR5_RUS, VPR5_MATH, VPR6_RUS, VPR6_MATH, OGE_RUS, OGE_MATH, EGE_RUS, EGE_BASE, EGE_PROF],
};
/** ВПР that do not decide ШНОР status (written in 2022 only). */
const VPR4_MATH = "ВПР 4 кл. математика";
const VPR7_MATH = "ВПР 7 кл. математика";
const VPR7_HIST = "ВПР 7 кл. история";
const VPR8_MATH = "ВПР 8 кл. математика";

interface School {
  name: string;
  size: Size;
  /** Основная школа (grades 1–9): no ЕГЭ, no 11th grade. */
  basic?: boolean;
  shnsu?: boolean;
  leader?: boolean;
  /** ОО-участница of the project (7 municipal + 3 of the regional project, seed 003). */
  participant?: boolean;
  unobjective?: boolean;
  /** ШНОР flag as the registry declares it. */
  declared: boolean;
  level?: string;
  /** Deciding procedures with low results («2» ≥ 30 %), by year; all others stay below 30 %. */
  low?: Partial<Record<Year, string[]>>;
  /** Non-deciding ВПР with low results in 2022 (they must not count). */
  lowOther?: string[];
}

const STRONG = "Сильно неуспевающие";
const MODERATE = "Умеренно неуспевающие";
const BASIC = "Базово неуспевающие";

/**
 * The 29 schools. The first thirteen are named in seed 003 (the ШНОР lists of 2021 and 2022 with
 * their levels, the venues of activities); the ШНОР lists are reproduced by `low`.
 */
const SCHOOLS: School[] = [
  // ШНОР by the results of 2021 and 2022 (seed 003: «В списках 2021 г., 2022 г.»).
  { name: "МБОУ СОШ № 1 р.п. Переяславка", size: "large", participant: true, declared: true, level: MODERATE, low: { 2021: [OGE_MATH, VPR6_RUS], 2022: [VPR6_MATH] } },
  { name: "МБОУ ООШ с. Гродеково", size: "small", basic: true, shnsu: true, participant: true, declared: true, level: STRONG, low: { 2020: [VPR6_RUS], 2021: [VPR5_MATH, OGE_RUS], 2022: [OGE_MATH, VPR5_MATH] } },
  { name: "МБОУ СОШ р.п. Мухен", size: "medium", participant: true, declared: true, level: MODERATE, low: { 2020: [VPR6_MATH], 2021: [OGE_MATH], 2022: [VPR5_RUS] } },
  { name: "МБОУ СОШ с. Соколовка", size: "medium", participant: true, declared: true, level: STRONG, low: { 2020: [VPR5_MATH], 2021: [VPR5_RUS, OGE_MATH], 2022: [VPR6_MATH, OGE_MATH, EGE_BASE] } },
  { name: "МБОУ СОШ с. Гвасюги", size: "small", shnsu: true, participant: true, declared: true, level: BASIC, low: { 2020: [VPR5_MATH], 2021: [VPR6_RUS], 2022: [VPR6_MATH] } },
  { name: "МБОУ СОШ с. Святогорье", size: "small", participant: true, declared: true, level: STRONG, low: { 2020: [VPR5_RUS], 2021: [VPR5_MATH, EGE_PROF], 2022: [OGE_RUS] } },
  { name: "МБОУ СОШ п. Дурмин", size: "small", participant: true, declared: true, level: STRONG, low: { 2021: [VPR5_RUS, VPR6_MATH], 2022: [VPR5_MATH, OGE_MATH] } },
  { name: "МБОУ СОШ п. Сукпай", size: "small", shnsu: true, participant: true, declared: true, level: STRONG, low: { 2020: [EGE_PROF], 2021: [VPR6_MATH], 2022: [VPR5_RUS, OGE_MATH] } },
  // ШНОР by the results of 2022 only («Только в списке 2022 г.»).
  { name: "МБОУ СОШ п. Новостройка", size: "medium", participant: true, declared: true, level: MODERATE, low: { 2021: [OGE_MATH], 2022: [VPR6_MATH] } },
  // Declared «нет» on «Школы» although two procedures of 2022 are low: SHNOR_MISMATCH.
  { name: "МБОУ СОШ № 2 р.п. Хор", size: "large", participant: true, declared: false, low: { 2022: [VPR5_MATH, OGE_MATH] } },
  // Named in the seed as venues.
  { name: "МБОУ СОШ № 3 р.п. Хор", size: "large", leader: true, declared: false },
  { name: "МБОУ СОШ с. Бичевая", size: "medium", leader: true, declared: false },
  { name: "МБОУ СОШ с. Могилевка", size: "medium", declared: false },
  // The rest of the district.
  { name: "МБОУ СОШ № 2 р.п. Переяславка", size: "large", declared: false },
  { name: "МБОУ СОШ № 1 р.п. Хор", size: "large", declared: false },
  // Low in 2021 only; in 2022 «ВПР 5 кл. русский язык» 5 of 17 = 29,4 % (not low) and a low «ВПР 8 кл.» that does not count: not ШНОР.
  { name: "МБОУ СОШ с. Кругликово", size: "medium", declared: false, low: { 2021: [OGE_MATH] }, lowOther: [VPR8_MATH] },
  // One low procedure, only in 2022: not ШНОР.
  { name: "МБОУ СОШ с. Полётное", size: "medium", declared: false, low: { 2022: [EGE_BASE] } },
  // Declared «да» but one deciding low procedure in 2022 (plus two non-deciding ones): SHNOR_MISMATCH.
  { name: "МБОУ ООШ п. Золотой", size: "small", basic: true, declared: true, level: BASIC, low: { 2022: [VPR6_RUS] }, lowOther: [VPR7_HIST, VPR4_MATH] },
  { name: "МБОУ СОШ с. Екатеринославка", size: "medium", unobjective: true, declared: false },
  // Low in 2020 only: not ШНОР by the results of 2021.
  { name: "МБОУ СОШ с. Киинск", size: "small", declared: false, low: { 2020: [VPR5_MATH] } },
  { name: "МБОУ СОШ с. Георгиевка", size: "small", declared: false },
  { name: "МБОУ ООШ с. Среднехорский", size: "small", basic: true, declared: false },
  { name: "МБОУ СОШ п. Обор", size: "medium", declared: false },
  { name: "МБОУ СОШ п. Сита", size: "small", declared: false },
  { name: "МБОУ ООШ с. Кия", size: "small", basic: true, shnsu: true, declared: false },
  { name: "МБОУ СОШ с. Венюково", size: "small", declared: false },
  { name: "МБОУ ООШ п. Хака", size: "small", basic: true, declared: false },
  { name: "МБОУ СОШ с. Дрофа", size: "small", declared: false },
  { name: "МБОУ ООШ п. Катэн", size: "small", basic: true, shnsu: true, declared: false },
];

/** Fixed (participants, «2») of the edge-case rows, by school, year and procedure. */
const FIXED_ROWS: { school: string; year: Year; procedure: string; participants: number; m2: number; note: string }[] = [
  // Exactly 30,0 %: counts as low and makes the school ШНОР «по итогам 2022 года» (with ОГЭ математика 2021).
  { school: "МБОУ СОШ п. Новостройка", year: 2022, procedure: VPR6_MATH, participants: 20, m2: 6, note: "30,0 %" },
  // 29,4 %: not low, so the school with one low procedure in 2021 stays out of ШНОР 2022.
  { school: "МБОУ СОШ с. Кругликово", year: 2022, procedure: VPR5_RUS, participants: 17, m2: 5, note: "29,4 %" },
];

// ---------------------------------------------------------------------------------------------
// Sheets

const SPEC = new Map(MONITORING_SHEETS.map((s) => [s.id, s]));

function headerOf(id: string): { name: string; header: string[]; widths: number[] } {
  const spec = SPEC.get(id);
  if (!spec) throw new Error(`no monitoring sheet ${id}`);
  return { name: spec.name, header: spec.columns.map((c) => c.title), widths: spec.columns.map((c) => c.width ?? 14) };
}

class SheetBuilder {
  readonly name: string;
  readonly rows: SampleCell[][];
  readonly widths: number[];

  constructor(id: string) {
    const h = headerOf(id);
    this.name = h.name;
    this.rows = [h.header];
    this.widths = h.widths;
  }

  /** Appends a row; returns its worksheet row number. */
  add(row: SampleCell[]): number {
    this.rows.push(row);
    return this.rows.length;
  }

  sheet(): SampleSheet {
    return { name: this.name, rows: this.rows, widths: this.widths };
  }
}

export const expected: ExpectedIssue[] = [];
function defect(code: string, sheet: string, row: number, note: string): void {
  expected.push({ code, sheet, row, note });
}

const yesNo = (b: boolean | undefined): string => (b ? "да" : "нет");

// «Школы» ------------------------------------------------------------------------------------

function buildSchools(): SampleSheet {
  const b = new SheetBuilder("schools");
  SCHOOLS.forEach((s, i) => {
    const row = b.add([
      s.name,
      String(270801 + i),
      yesNo(s.declared),
      yesNo(s.shnsu),
      yesNo(s.leader),
      yesNo(s.participant),
      yesNo(s.unobjective),
      s.declared ? (s.level ?? null) : null,
    ]);
    if (s.name === "МБОУ СОШ № 2 р.п. Хор")
      defect("SHNOR_MISMATCH", b.name, row, "Заявлено «ШНОР: нет», а по «Процедурам» 2022 г. две процедуры с долей «2» не менее 30 % (ВПР 5 кл. математика, ОГЭ математика) — ШНОР по итогам 2022 г. (seed 003: «Только в списке 2022 г.»)");
    if (s.name === "МБОУ ООШ п. Золотой")
      defect("SHNOR_MISMATCH", b.name, row, "Заявлено «ШНОР: да», а по «Процедурам» в 2022 г. только одна решающая процедура с низкими результатами (ВПР 6 кл. русский язык), в 2021 г. — ни одной; низкие ВПР 4 кл. и 7 кл. (история) статус не определяют");
  });
  return b.sheet();
}

// «Процедуры» --------------------------------------------------------------------------------

/** Typical cohort of a grade by school size; ЕГЭ cohorts are smaller. */
function cohort(s: School, kind: "ВПР" | "ОГЭ" | "ЕГЭ"): number {
  const ranges: Record<Size, Record<"ВПР" | "ОГЭ" | "ЕГЭ", [number, number]>> = {
    large: { ВПР: [45, 60], ОГЭ: [40, 58], ЕГЭ: [15, 30] },
    medium: { ВПР: [18, 34], ОГЭ: [15, 30], ЕГЭ: [6, 14] },
    small: { ВПР: [5, 14], ОГЭ: [5, 12], ЕГЭ: [5, 8] },
  };
  const [lo, hi] = ranges[s.size][kind];
  return int(lo, hi);
}

/** «2» of a low result: at least 30 % (checked in integers), mostly 32–45 %. */
function lowCount(n: number): number {
  let m2 = Math.round(n * between(0.32, 0.45));
  while (m2 * 10 < n * 3) m2++;
  return Math.min(m2, n);
}

/** «2» of an ordinary result: below 30 % (checked in integers); weaker schools fail more. */
function normalCount(n: number, weak: boolean): number {
  let m2 = Math.floor(n * between(0, weak ? 0.22 : 0.12));
  while (m2 * 10 >= n * 3) m2--;
  return Math.max(0, m2);
}

/** Splits the non-failing participants into «3», «4», «5». */
function marks(n: number, m2: number, weak: boolean): [number, number, number] {
  const rest = n - m2;
  const m5 = Math.round(rest * between(0.03, weak ? 0.1 : 0.2));
  const m4 = Math.round((rest - m5) * between(weak ? 0.25 : 0.35, weak ? 0.4 : 0.55));
  return [rest - m4 - m5, m4, m5];
}

function kindOf(procedure: string): "ВПР" | "ОГЭ" | "ЕГЭ" {
  return procedure.startsWith("ОГЭ") ? "ОГЭ" : procedure.startsWith("ЕГЭ") ? "ЕГЭ" : "ВПР";
}

function buildProcedures(): SampleSheet {
  const b = new SheetBuilder("procedures");
  const years: Year[] = [2020, 2021, 2022];
  for (const year of years) {
    for (const s of SCHOOLS) {
      const weak = s.declared || (s.low !== undefined && Object.keys(s.low).length > 0);
      const procedures = DECIDING[year].filter((p) => !(s.basic && kindOf(p) === "ЕГЭ"));
      const others = year === 2022 ? [VPR4_MATH, VPR7_MATH, VPR8_MATH, ...(int(0, 2) === 0 || s.lowOther?.includes(VPR7_HIST) ? [VPR7_HIST] : [])] : [];
      for (const p of [...procedures, ...others]) {
        const kind = kindOf(p);
        const fixed = FIXED_ROWS.find((f) => f.school === s.name && f.year === year && f.procedure === p);
        const n = fixed?.participants ?? cohort(s, kind);
        const isLow = (s.low?.[year] ?? []).includes(p) || (year === 2022 && (s.lowOther ?? []).includes(p));
        const m2 = fixed?.m2 ?? (isLow ? lowCount(n) : normalCount(n, weak));
        if (kind === "ЕГЭ") {
          b.add([s.name, year, p, n, m2, null, null, null]);
          continue;
        }
        const [m3, m4, m5] = marks(n, m2, weak);
        const row: SampleCell[] = [s.name, year, p, n, m2, m3, m4, m5];
        // Defects, only on rows that do not decide ШНОР status.
        if (year === 2022 && p === VPR7_MATH && s.name === "МБОУ СОШ с. Бичевая") {
          row[5] = m3 + 3;
          const r = b.add(row);
          defect("SUM_MISMATCH", b.name, r, `ВПР 7 кл. математика 2022: «2»+«3»+«4»+«5» = ${n + 3}, а участников ${n}`);
          continue;
        }
        if (year === 2022 && p === VPR8_MATH && s.name === "МБОУ СОШ с. Дрофа") {
          row[6] = "abc";
          const r = b.add(row);
          defect("NOT_A_NUMBER", b.name, r, "ВПР 8 кл. математика 2022: в графе «4» текст «abc»");
          continue;
        }
        b.add(row);
      }
    }
  }
  return b.sheet();
}

// «Успеваемость» -----------------------------------------------------------------------------

const STUDENTS: Record<Size, [number, number]> = { large: [700, 1100], medium: [200, 450], small: [40, 130] };
const students = new Map(SCHOOLS.map((s) => [s.name, int(...STUDENTS[s.size])]));

function buildGrades(): SampleSheet {
  const b = new SheetBuilder("grades");
  for (const schoolYear of ["2021/2022", "2022/2023"]) {
    for (const s of SCHOOLS) {
      const weak = s.declared || s.name === "МБОУ СОШ № 2 р.п. Хор";
      const base = students.get(s.name) ?? 100;
      const total = schoolYear === "2021/2022" ? base : base + int(-12, 12);
      const assessed = Math.round(total * between(0.87, 0.91));
      const quality = between(weak ? 0.24 : 0.34, weak ? 0.34 : 0.5) + (schoolYear === "2022/2023" ? 0.015 : 0);
      const excellent = Math.max(1, Math.round(assessed * between(0.03, weak ? 0.06 : 0.1)));
      const good = Math.max(0, Math.round(assessed * quality) - excellent);
      const failing = Math.round(assessed * between(weak ? 0.02 : 0, weak ? 0.07 : 0.025));
      const row: SampleCell[] = [s.name, schoolYear, total, assessed, excellent, good, failing];
      if (schoolYear === "2022/2023" && s.name === "МБОУ СОШ с. Венюково") {
        row[4] = "двадцать";
        defect("NOT_A_NUMBER", b.name, b.add(row), "Отличников 2022/2023: число прописью «двадцать»");
        continue;
      }
      if (schoolYear === "2022/2023" && s.name === "МБОУ СОШ п. Обор") {
        row[5] = assessed - excellent - failing + 6;
        defect("SUM_MISMATCH", b.name, b.add(row), `2022/2023: отличники + ударники + неуспевающие = ${assessed + 6} больше аттестованных (${assessed})`);
        continue;
      }
      if (schoolYear === "2021/2022" && s.name === "МБОУ СОШ п. Сита") {
        row[6] = -3;
        defect("NEGATIVE", b.name, b.add(row), "Неуспевающих 2021/2022: отрицательное число −3");
        continue;
      }
      b.add(row);
    }
  }
  return b.sheet();
}

// «Кадры» ------------------------------------------------------------------------------------

function buildStaff(): SampleSheet {
  const b = new SheetBuilder("staff");
  for (const year of [2022, 2023]) {
    for (const s of SCHOOLS) {
      const teachers = Math.max(8, Math.round((students.get(s.name) ?? 100) / between(11, 14)));
      const kpk = Math.round(teachers * between(s.declared ? 0.75 : 0.65, year === 2023 ? 1 : 0.95));
      const kpkQuality = Math.round(kpk * between(0.1, s.participant ? 0.5 : 0.3));
      const kpk32 = Math.min(kpkQuality, s.participant && year === 2023 ? int(5, 8) : int(0, 4));
      const inNetwork = Math.round(teachers * between(s.participant || s.leader ? 0.6 : 0.2, s.participant || s.leader ? 0.95 : 0.6));
      const inProject = s.participant ? Math.round(teachers * between(0.7, 1)) : s.leader ? int(2, 6) : 0;
      const posts = Math.round(teachers * between(1.15, 1.4) * 2) / 2;
      const vacancies = s.size === "small" ? int(0, 2) : int(0, 4) / 2;
      const row: SampleCell[] = [s.name, year, teachers, kpk, kpkQuality, kpk32, inNetwork, inProject, posts, vacancies];
      if (year === 2022 && s.name === "МБОУ СОШ с. Могилевка") {
        row[0] = null;
        defect("EMPTY_REQUIRED", b.name, b.add(row), "Строка 2022 г. без ОО (графа «ОО» пуста)");
        continue;
      }
      if (year === 2022 && s.name === "МБОУ СОШ с. Екатеринославка") {
        row[3] = "12,5";
        defect("NOT_INTEGER", b.name, b.add(row), "Прошли КПК 2022: дробное число «12,5» в графе количества");
        continue;
      }
      if (year === 2023 && s.name === "МБОУ СОШ с. Георгиевка") {
        row[4] = { error: "#DIV/0!", formula: `D${b.rows.length + 1}/0` };
        defect("FORMULA_ERROR", b.name, b.add(row), "КПК по вопросам качества 2023: формула с ошибкой #DIV/0!");
        continue;
      }
      if (year === 2023 && s.name === "МБОУ СОШ № 2 р.п. Переяславка") {
        row[6] = "двадцать";
        defect("NOT_A_NUMBER", b.name, b.add(row), "В сетевых мероприятиях 2023: число прописью «двадцать»");
        continue;
      }
      b.add(row);
      if (year === 2023 && s.name === "МБОУ СОШ п. Обор") {
        // The same school entered twice for 2023 (a corrected copy pasted below the original).
        const again = [...row];
        again[3] = Math.min(teachers, kpk + 1);
        defect("DUPLICATE_SCHOOL", b.name, b.add(again), "МБОУ СОШ п. Обор дважды за 2023 г. (повторная строка)");
      }
    }
  }
  return b.sheet();
}

// «Сеть» -------------------------------------------------------------------------------------

function buildNetwork(): SampleSheet {
  const b = new SheetBuilder("network");
  for (const year of [2022, 2023]) {
    for (const s of SCHOOLS) {
      const target = s.declared || s.shnsu || s.participant;
      const network = s.leader || (target && (year === 2023 || random() < 0.6)) || random() < 0.25;
      const agreement = !!s.participant && (year === 2023 || random() < 0.4);
      const program = target ? year === 2023 || random() < 0.7 : random() < 0.3;
      const online = program && (year === 2023 ? random() < 0.9 || !!s.participant : random() < 0.6);
      const hosted = s.leader ? int(3, 6) : target ? int(0, 2) : int(0, 1);
      const row: SampleCell[] = [s.name, year, yesNo(network), yesNo(agreement), yesNo(program), yesNo(online), hosted];
      if (year === 2023 && s.name === "МБОУ СОШ с. Соколовка") {
        row[5] = "может быть";
        defect("YES_NO_INVALID", b.name, b.add(row), "Программа на сайте 2023: «может быть» вместо «да»/«нет»");
        continue;
      }
      if (year === 2022 && s.name === "МБОУ СОШ п. Сита") {
        row[6] = "abc";
        defect("NOT_A_NUMBER", b.name, b.add(row), "Мероприятий на базе ОО 2022: текст «abc»");
        continue;
      }
      if (year === 2023 && s.name === "МБОУ СОШ с. Бичевая") row[2] = "+"; // «+» is a valid «да»
      b.add(row);
    }
  }
  return b.sheet();
}

// «ГИА» --------------------------------------------------------------------------------------

function buildGia(): SampleSheet {
  const b = new SheetBuilder("gia");
  for (const s of SCHOOLS) {
    const weak = s.declared || s.name === "МБОУ СОШ № 2 р.п. Хор";
    const grads9 = cohort(s, "ОГЭ");
    const oge12 = Math.round(grads9 * between(weak ? 0.7 : 0.85, weak ? 0.9 : 1));
    const grads11 = s.basic ? 0 : cohort(s, "ЕГЭ");
    const egeMin = Math.round(grads11 * between(weak ? 0.75 : 0.9, 1));
    const ege220 = Math.round(egeMin * between(0, weak ? 0.15 : 0.35));
    const name = s.name === "МБОУ СОШ № 1 р.п. Переяславка" ? "СОШ № 1 р.п. Переяславко" : s.name;
    const row = b.add([name, 2022, grads9, oge12, grads11, egeMin, ege220]);
    if (name !== s.name) defect("UNKNOWN_SCHOOL", b.name, row, "«СОШ № 1 р.п. Переяславко» — опечатка в названии, в реестре «МБОУ СОШ № 1 р.п. Переяславка»");
  }
  return b.sheet();
}

// «Мероприятия» ------------------------------------------------------------------------------

/** A name as another methodist would type it: without «МБОУ», «№1», quotes, «с.Бичевая», «е» for «ё». */
function spelled(name: string, variant: number): string {
  switch (variant % 6) {
    case 1:
      return name.replace(/^МБОУ /, "");
    case 2:
      return name.replace("№ ", "№");
    case 3:
      return name.replace(/^МБОУ (.*)$/, "МБОУ «$1»");
    case 4:
      return name.replace(/^МБОУ (.*)$/, 'МБОУ "$1"').replace("ё", "е");
    case 5:
      return name.replace(/ (с|п|р\.п)\. /, " $1.");
    default:
      return name;
  }
}

/** The ten ШНОР of 2022 (the first ten of `SCHOOLS`): the project's participants and the usual audience of its events. */
const SHNOR_2022 = SCHOOLS.slice(0, 10).map((s) => s.name);

interface EventDef {
  date: [number, number];
  title: string;
  level: "муниципальный" | "региональный" | "школьный";
  venue: string;
  /** How many of the ШНОР schools came; plus `others`. */
  shnor: number;
  others: string[];
}

const EVENTS: EventDef[] = [
  { date: [1, 26], title: "Районный семинар-практикум «Цифровая образовательная среда как условие качественного образования в современной школе»", level: "муниципальный", venue: "МБУ ИМЦ", shnor: 10, others: ["МБОУ СОШ № 3 р.п. Хор", "МБОУ СОШ с. Бичевая", "МБОУ СОШ с. Полётное"] },
  { date: [2, 16], title: "Модельный семинар «Формирование функциональной грамотности обучающихся»", level: "муниципальный", venue: "МБОУ СОШ № 1 р.п. Переяславка", shnor: 9, others: ["МБОУ СОШ № 2 р.п. Переяславка", "МБОУ СОШ с. Кругликово"] },
  { date: [3, 15], title: "Краевой обучающий семинар «Технология построения горизонтальной карьеры педагога-наставника»", level: "региональный", venue: "МБОУ СОШ № 1 р.п. Переяславка", shnor: 8, others: ["МБОУ СОШ № 3 р.п. Хор"] },
  { date: [3, 29], title: "Установочное совещание для участников проекта (ОО, кураторов)", level: "муниципальный", venue: "Управление образования", shnor: 10, others: [] },
  { date: [4, 12], title: "«Методический десант» по вопросам реализации обновленных ФГОС, введения Федеральных образовательных программ", level: "региональный", venue: "МБОУ СОШ № 1 р.п. Переяславка", shnor: 9, others: ["МБОУ СОШ с. Могилевка", "МБОУ СОШ с. Екатеринославка"] },
  { date: [4, 19], title: "Районный методический семинар для заместителей директоров «Воспитательная составляющая урока как ведущая линия обучения»", level: "муниципальный", venue: "МБОУ СОШ с. Могилевка", shnor: 8, others: ["МБОУ СОШ с. Могилевка", "МБОУ СОШ п. Обор", "МБОУ СОШ с. Киинск"] },
  { date: [5, 17], title: "Стажировка управленческих команд по вопросам управления качеством образования в школе", level: "муниципальный", venue: "МБОУ СОШ № 3 р.п. Хор", shnor: 10, others: ["МБОУ СОШ № 3 р.п. Хор"] },
  { date: [5, 24], title: "Установочный семинар для заместителей директоров по УВР «Организация проведения ВПР в ОО в 2023/2024 учебном году»", level: "муниципальный", venue: "МБОУ СОШ № 2 р.п. Хор", shnor: 9, others: ["МБОУ СОШ № 1 р.п. Хор", "МБОУ ООШ п. Золотой", "МБОУ СОШ с. Георгиевка"] },
  { date: [9, 20], title: "Установочный семинар для заместителей директоров по УВР «Организация ВсОШ различного уровня в 2023/2024 учебном году»", level: "муниципальный", venue: "МБОУ ООШ с. Гродеково", shnor: 9, others: ["МБОУ СОШ с. Бичевая", "МБОУ ООШ с. Кия"] },
  { date: [10, 18], title: "Педагогический совет «Профилактика учебной неуспешности»", level: "школьный", venue: "МБОУ СОШ с. Соколовка", shnor: 0, others: ["МБОУ СОШ с. Соколовка"] },
  { date: [11, 22], title: "Районный методический семинар для руководителей ОО «Образовательная среда школы как условие и ресурс развития творческих способностей педагога и обучающегося»", level: "муниципальный", venue: "МБОУ СОШ п. Новостройка", shnor: 10, others: ["МБОУ СОШ с. Венюково", "МБОУ ООШ п. Катэн"] },
  { date: [12, 13], title: "Районный фестиваль педагогических наработок «Учитель-учителю» для директоров и педагогов ОО", level: "муниципальный", venue: "МБОУ СОШ п. Новостройка", shnor: 10, others: ["МБОУ СОШ № 3 р.п. Хор", "МБОУ СОШ с. Бичевая", "МБОУ СОШ с. Дрофа", "МБОУ ООШ п. Хака"] },
];

function buildEvents(): SampleSheet {
  const b = new SheetBuilder("events");
  let variant = 0;
  for (const e of EVENTS) {
    const shnor = [...SHNOR_2022];
    // Leave out random ШНОР schools down to the number that came.
    while (shnor.length > e.shnor) shnor.splice(int(0, shnor.length - 1), 1);
    const names = [...shnor, ...e.others.filter((o) => !shnor.includes(o))].map((n) => spelled(n, variant++));
    b.add([new Date(Date.UTC(2023, e.date[0] - 1, e.date[1])), e.title, e.level, e.venue, names.join("; ")]);
  }
  return b.sheet();
}

// ---------------------------------------------------------------------------------------------

function build(): SampleWorkbook {
  // Sheets are built in a fixed order: the PRNG draws depend on it.
  const schools = buildSchools();
  const grades = buildGrades();
  const procedures = buildProcedures();
  const staff = buildStaff();
  const network = buildNetwork();
  const gia = buildGia();
  const events = buildEvents();
  return {
    file: "effektivnaya-shkola-2023.monitoring.xlsx",
    sheets: [
      schools,
      grades,
      procedures,
      staff,
      network,
      gia,
      events,
      {
        name: "_sverka",
        state: "veryHidden",
        rows: [
          ["sverka.template", "effektivnaya-shkola-2023"],
          ["sverka.templateVersion", "1"],
        ],
      },
    ],
  };
}

export const sample: SampleWorkbook = build();

/** The schools the seed lists as ШНОР by the results of 2021 and of 2022 (for tests). */
export const SHNOR_BY_YEAR: Readonly<Record<2021 | 2022, readonly string[]>> = {
  2021: SCHOOLS.slice(0, 8).map((s) => s.name),
  2022: SHNOR_2022,
};

/** All 29 registered school names. */
export const SCHOOL_NAMES: readonly string[] = SCHOOLS.map((s) => s.name);
