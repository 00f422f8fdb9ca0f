import { gridWorkbook } from "../../../samples/toWorkbook";
import { TemplateSchema, type IndicatorSpecInput, type Template } from "../template/schema";
import { findTemplate } from "../templates";
import { validateWorkbook } from "../validate";
import { computeIndicators, targetMet, targetText } from "./engine";
import { fixture, schoolNames, type MonitoringFixture } from "./testing/fixtures";
import type { IndicatorValue } from "./types";

const effektivnaya = findTemplate("effektivnaya-shkola-2023")!;
const uritsky = findTemplate("uritsky-2021")!;
const ivanovo = findTemplate("ivanovo-2020")!;
const asOf = "2024-12-31";

/** A template with the given indicators (project period 2020–2024). */
function templateWith(indicators: IndicatorSpecInput[]): Template {
  return TemplateSchema.parse({
    id: "test",
    title: "Тест",
    period: { start: "2020-01-01", end: "2024-12-31" },
    indicators,
  });
}

function pick(values: readonly IndicatorValue[], id: string, period: string, scope = "municipality"): IndicatorValue {
  const v = values.find((x) => x.id === id && x.period === period && x.scope === scope);
  if (!v)
    throw new Error(
      `no ${id} ${period} ${scope} among ${values.map((x) => `${x.id}/${x.period}/${x.scope}`).join(", ")}`,
    );
  return v;
}

/** One procedure row: participants and «2», the rest spread as «3». */
function proc(
  f: MonitoringFixture,
  school: string,
  year: number,
  procedure: string,
  participants: number,
  m2: number,
): void {
  f.procedure(school, year, procedure, participants, m2);
}

describe("shnor_share and shnor_status (Lazo: 8 of 29 in 2021, 10 of 29 in 2022)", () => {
  const names = schoolNames(29);
  // Declared flags (used for 2020, which has no 2019 data): the first five schools.
  const f = fixture().schools(names.map((name, i) => ({ name, shnor: i < 5 })));
  for (const [i, name] of names.entries()) {
    // 2020: nothing low. 2021: schools 1–8 have two low procedures. 2022: schools 1–10 have two.
    const low2021 = i < 8;
    const low2022 = i < 10;
    proc(f, name, 2020, "ВПР 5 кл. математика", 20, 2);
    proc(f, name, 2020, "ОГЭ математика", 10, 1);
    proc(f, name, 2021, "ВПР 5 кл. математика", 20, low2021 ? 8 : 2);
    proc(f, name, 2021, "ОГЭ математика", 10, low2021 ? 4 : 1);
    proc(f, name, 2022, "ВПР 5 кл. математика", 20, low2022 ? 8 : 2);
    proc(f, name, 2022, "ОГЭ математика", 10, low2022 ? 4 : 1);
  }
  const values = computeIndicators(effektivnaya, f.build(), { asOf });

  it("2021: 8 of 29 = 27.586…, «27,6 %», not met against ≤ 20 %", () => {
    const v = pick(values, "shnor_share", "2021");
    expect(v.value).toBeCloseTo((8 / 29) * 100, 10);
    expect(v.display).toBe("27,6 %");
    expect(v.target).toBe("≤ 20 %");
    expect(v.met).toBe(false);
    expect([v.numerator, v.denominator]).toEqual([8, 29]);
  });

  it("2022: 10 of 29 = «34,5 %», with the previous year and the change", () => {
    const v = pick(values, "shnor_share", "2022");
    expect(v.value).toBeCloseTo((10 / 29) * 100, 10);
    expect(v.display).toBe("34,5 %");
    expect(v.met).toBe(false);
    expect(v.previous).toBeCloseTo((8 / 29) * 100, 10);
    expect(v.delta).toBeCloseTo((2 / 29) * 100, 10);
  });

  it("2020 has no 2019 data: the declared flags count (5 of 29)", () => {
    const v = pick(values, "shnor_share", "2020");
    expect(v.value).toBeCloseTo((5 / 29) * 100, 10);
    expect(v.met).toBe(true);
    expect(v.previous).toBeNull();
  });

  it("reduces to 7 % in the Uritsky template: the same data fail ≤ 7 %", () => {
    const v = pick(computeIndicators(uritsky, f.build(), { asOf }), "shnor_share", "2020");
    expect(v.target).toBe("≤ 7 %");
    expect(v.met).toBe(false);
  });

  it("per school and year, true/false under the registered name", () => {
    expect(pick(values, "shnor_status", "2021", "МБОУ СОШ № 9").value).toBe(false);
    expect(pick(values, "shnor_status", "2022", "МБОУ СОШ № 9").value).toBe(true);
    expect(pick(values, "shnor_status", "2021", "МБОУ СОШ № 1").value).toBe(true);
    expect(pick(values, "shnor_status", "2022", "МБОУ СОШ № 9").display).toBe("да");
    expect(values.filter((v) => v.id === "shnor_status" && v.period === "2022" && v.value === true)).toHaveLength(10);
  });
});

describe("low_result threshold through the engine", () => {
  const f = fixture().schools([{ name: "МБОУ СОШ № 1" }, { name: "МБОУ СОШ № 2" }]);
  proc(f, "МБОУ СОШ № 1", 2022, "ВПР 5 кл. математика", 10, 3); // 30.0 %: low
  proc(f, "МБОУ СОШ № 1", 2022, "ВПР 6 кл. русский язык", 1000, 299); // 29.9 %: not low
  proc(f, "МБОУ СОШ № 2", 2022, "ВПР 5 кл. математика", 10, 2);
  const values = computeIndicators(effektivnaya, f.build(), { asOf });
  const lows = values.filter((v) => v.id === "low_result");

  it("30.0 % counts as low, 29.9 % does not", () => {
    expect(lows).toHaveLength(1);
    expect(lows[0]).toMatchObject({
      scope: "МБОУ СОШ № 1",
      period: "2022",
      procedure: "ВПР 5 кл. математика",
      display: "30,0 %",
      target: null,
      met: null,
    });
    expect(lows[0].value).toBeCloseTo(30, 10);
  });

  it("one low procedure in 2022 and no 2021 data: status falls back to the declared flag", () => {
    expect(pick(values, "shnor_status", "2022", "МБОУ СОШ № 1").value).toBe(false);
  });
});

describe("quality_pct and success_pct («Успеваемость»)", () => {
  it("hand-computed, rounded half-up for display: 49 of 2000 = 2.45 → «2,5 %»", () => {
    const f = fixture()
      .schools([{ name: "МБОУ СОШ № 1" }, { name: "МБОУ СОШ № 2" }])
      .add("grades", {
        school: "МБОУ СОШ № 1",
        period: "2022/2023",
        values: { assessed: 1000, excellent: 10, good: 20, failing: 30 },
      })
      .add("grades", {
        school: "МБОУ СОШ № 2",
        period: "2022/2023",
        values: { assessed: 1000, excellent: 5, good: 14, failing: 0 },
      });
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    const q = pick(values, "quality_pct", "2022/2023");
    expect(q.value).toBeCloseTo((49 / 2000) * 100, 10);
    expect(q.display).toBe("2,5 %");
    expect([q.numerator, q.denominator]).toEqual([49, 2000]);
    expect(pick(values, "quality_pct", "2022/2023", "МБОУ СОШ № 1").display).toBe("3,0 %");
    expect(pick(values, "quality_pct", "2022/2023", "МБОУ СОШ № 2").display).toBe("1,9 %");
    const s = pick(values, "success_pct", "2022/2023");
    expect(s.value).toBeCloseTo(((2000 - 30) / 2000) * 100, 10);
    expect(s.display).toBe("98,5 %");
  });

  it("a row with «abc» in excellent is left out of quality_pct (counted) but still counts for success_pct", () => {
    const f = fixture()
      .schools(schoolNames(3).map((name) => ({ name })))
      .add("grades", {
        school: "МБОУ СОШ № 1",
        period: "2022/2023",
        values: { assessed: 100, excellent: 10, good: 30, failing: 5 },
      })
      .add("grades", {
        school: "МБОУ СОШ № 2",
        period: "2022/2023",
        values: { assessed: 200, excellent: null, good: 50, failing: 20 },
        invalid: ["excellent"],
      })
      .add("grades", {
        school: "МБОУ СОШ № 3",
        period: "2022/2023",
        values: { assessed: 300, excellent: 30, good: 60, failing: 0 },
      });
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    const q = pick(values, "quality_pct", "2022/2023");
    // Schools 1 and 3 only: (10 + 30 + 30 + 60) / (100 + 300).
    expect(q.value).toBeCloseTo((130 / 400) * 100, 10);
    expect(q.excluded_rows).toBe(1);
    expect(q.denominator).toBe(400);
    const s = pick(values, "success_pct", "2022/2023");
    // All three: (600 − 25) / 600.
    expect(s.value).toBeCloseTo((575 / 600) * 100, 10);
    expect(s.excluded_rows).toBe(0);
    // Per school: the invalid school has no quality value, and says why.
    const bad = pick(values, "quality_pct", "2022/2023", "МБОУ СОШ № 2");
    expect(bad).toMatchObject({ value: null, display: "нет данных", excluded_rows: 1, met: null });
  });

  it("parts exceeding the whole (SUM_MISMATCH) leave the row out of both", () => {
    const f = fixture()
      .schools(schoolNames(2).map((name) => ({ name })))
      .add("grades", {
        school: "МБОУ СОШ № 1",
        period: "2022/2023",
        values: { assessed: 100, excellent: 10, good: 30, failing: 5 },
      })
      .add("grades", {
        school: "МБОУ СОШ № 2",
        period: "2022/2023",
        values: { assessed: 10, excellent: 8, good: 8, failing: 0 },
        invalid: ["_sum"],
      });
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    expect(pick(values, "quality_pct", "2022/2023")).toMatchObject({ value: 40, excluded_rows: 1 });
    expect(pick(values, "success_pct", "2022/2023")).toMatchObject({ value: 95, excluded_rows: 1 });
  });

  it("a second row of one school in one period (DUPLICATE_SCHOOL) is left out and counted", () => {
    const f = fixture()
      .schools(schoolNames(1).map((name) => ({ name })))
      .add("grades", {
        school: "МБОУ СОШ № 1",
        period: "2022/2023",
        values: { assessed: 100, excellent: 10, good: 30, failing: 5 },
      })
      .add("grades", {
        school: "МБОУ СОШ № 1",
        period: "2022/2023",
        values: { assessed: 100, excellent: 50, good: 50, failing: 0 },
        invalid: ["_duplicate"],
      });
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    expect(pick(values, "quality_pct", "2022/2023")).toMatchObject({ value: 40, excluded_rows: 1 });
  });

  it("growth target: +1 p.p. met exactly, +0.9 p.p. not, the first year has no previous", () => {
    const f = fixture().schools([{ name: "МБОУ СОШ № 1" }]);
    const row = (period: string, good: number) =>
      f.add("grades", { school: "МБОУ СОШ № 1", period, values: { assessed: 1000, excellent: 0, good, failing: 0 } });
    row("2021/2022", 300); // 30.0 %
    row("2022/2023", 310); // 31.0 %: +1.0
    row("2023/2024", 319); // 31.9 %: +0.9
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    const first = pick(values, "quality_pct", "2021/2022");
    expect(first).toMatchObject({ target: "рост ≥ 1 п.п.", met: null, previous: null });
    const second = pick(values, "quality_pct", "2022/2023");
    expect(second.met).toBe(true);
    expect(second.previous).toBeCloseTo(30, 10);
    expect(second.delta).toBeCloseTo(1, 10);
    const third = pick(values, "quality_pct", "2023/2024");
    expect(third.met).toBe(false);
    expect(third.delta).toBeCloseTo(0.9, 10);
    // Per school too.
    expect(pick(values, "quality_pct", "2022/2023", "МБОУ СОШ № 1").met).toBe(true);
  });

  it("excellent_growth: Σ excellent minus the previous school year's, target > 0", () => {
    const f = fixture().schools(schoolNames(2).map((name) => ({ name })));
    const row = (school: string, period: string, excellent: number) =>
      f.add("grades", { school, period, values: { assessed: 100, excellent, good: 0, failing: 0 } });
    row("МБОУ СОШ № 1", "2021/2022", 5);
    row("МБОУ СОШ № 2", "2021/2022", 7);
    row("МБОУ СОШ № 1", "2022/2023", 4);
    row("МБОУ СОШ № 2", "2022/2023", 6);
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    expect(pick(values, "excellent_growth", "2021/2022")).toMatchObject({
      value: null,
      display: "нет данных",
      met: null,
    });
    expect(pick(values, "excellent_growth", "2022/2023")).toMatchObject({
      value: 10 - 12,
      display: "-2 чел.",
      target: "> 0 чел.",
      met: false,
    });
  });
});

describe("per-school values carry the registered name", () => {
  it("a school written differently on a data sheet is reported under its «Школы» name", () => {
    const registered = "МБОУ СОШ № 1 р.п. Переяславка";
    const f = fixture()
      .schools([{ name: registered }])
      .add("grades", {
        school: "СОШ №1 р.п.Переяславка",
        period: "2022/2023",
        values: { assessed: 50, excellent: 5, good: 10, failing: 1 },
      });
    const data = f.build();
    data.records.grades[0].school = "СОШ №1 р.п.Переяславка"; // as written, to prove the engine uses the registry
    const values = computeIndicators(effektivnaya, data, { asOf });
    const perSchool = values.filter((v) => v.id === "quality_pct" && v.scope !== "municipality");
    expect(perSchool.map((v) => v.scope)).toEqual([registered]);
    expect(perSchool[0].value).toBeCloseTo(30, 10);
  });
});

describe("missing sheets and columns", () => {
  const base = () =>
    fixture()
      .schools([{ name: "МБОУ СОШ № 1", shnor: true }])
      .add("staff", {
        school: "МБОУ СОШ № 1",
        period: "2023",
        values: { teachers: 20, kpk: 10, kpk32: 6, in_project: 16, in_network_events: 5, posts: 25, vacancies: 2 },
      });

  it("no «Кадры» sheet: the КПК indicators say «нет данных» with met null", () => {
    const values = computeIndicators(effektivnaya, base().withoutSheet("staff").build(), { asOf });
    for (const id of ["kpk_shnor_pct", "kpk_per_school", "teacher_coverage_pct", "staffing_pct"]) {
      const v = values.filter((x) => x.id === id && x.scope === "municipality");
      expect(v).toHaveLength(1);
      expect(v[0]).toMatchObject({ value: null, display: "нет данных", met: null });
    }
    const kpk = values.find((x) => x.id === "kpk_shnor_pct");
    expect(kpk?.target).toBe("100 %");
  });

  it("with the sheet, the same indicators are computed", () => {
    const values = computeIndicators(effektivnaya, base().build(), { asOf });
    expect(pick(values, "kpk_shnor_pct", "2023")).toMatchObject({ value: 50, display: "50,0 %", met: false });
    expect(pick(values, "staffing_pct", "2023").value).toBeCloseTo((23 / 25) * 100, 10);
  });

  it("a missing column affects only the indicators that need it", () => {
    const values = computeIndicators(effektivnaya, base().withoutColumn("staff", "kpk").build(), { asOf });
    expect(pick(values, "kpk_shnor_pct", "2023")).toMatchObject({ value: null, display: "нет данных", met: null });
    expect(pick(values, "teacher_coverage_pct", "2023").value).toBe(80);
  });

  it("a zero denominator is «нет данных», not 0 %", () => {
    const f = fixture()
      .schools([{ name: "МБОУ СОШ № 1" }])
      .add("gia", {
        school: "МБОУ СОШ № 1",
        period: "2023",
        values: { grads9: 0, oge12: 0, grads11: 12, ege_min: 9, ege220: 3 },
      });
    const values = computeIndicators(uritsky, f.build(), { asOf });
    expect(pick(values, "oge12_pct", "2023")).toMatchObject({ value: null, display: "нет данных", met: null });
    expect(pick(values, "ege_min_pct", "2023").value).toBe(75);
    expect(pick(values, "ege220_pct", "2023").value).toBe(25);
  });
});

describe("empty cells", () => {
  it("a row with none of the needed numbers (a basic school without grade 11) is skipped; a half-filled row is left out and counted", () => {
    const f = fixture()
      .schools(schoolNames(3).map((name) => ({ name })))
      .add("gia", {
        school: "МБОУ СОШ № 1",
        period: "2023",
        values: { grads9: 10, oge12: 8, grads11: 20, ege_min: 18, ege220: 2 },
      })
      .add("gia", {
        school: "МБОУ СОШ № 2",
        period: "2023",
        values: { grads9: 5, oge12: 5, grads11: null, ege_min: null, ege220: null },
      })
      .add("gia", {
        school: "МБОУ СОШ № 3",
        period: "2023",
        values: { grads9: 10, oge12: null, grads11: 10, ege_min: 10, ege220: null },
      });
    const values = computeIndicators(uritsky, f.build(), { asOf });
    expect(pick(values, "ege_min_pct", "2023").value).toBeCloseTo((28 / 30) * 100, 10);
    expect(pick(values, "ege_min_pct", "2023").excluded_rows).toBe(0);
    expect(pick(values, "ege220_pct", "2023")).toMatchObject({ value: 10, excluded_rows: 1 });
    expect(pick(values, "oge12_pct", "2023").value).toBeCloseTo((13 / 15) * 100, 10);
    expect(pick(values, "oge12_pct", "2023").excluded_rows).toBe(1);
  });
});

describe("measures_share: targets per year (65 / 79 / 89 %)", () => {
  // 10 schools: 1–6 ШНОР, 7–9 ШНСУ, 10 neither (its programme does not count).
  const names = schoolNames(10);
  const f = fixture().schools(names.map((name, i) => ({ name, shnor: i < 6, shnsu: i >= 6 && i < 9 })));
  const withProgram: Record<string, number> = { "2022": 7, "2023": 7, "2024": 9 };
  for (const [year, n] of Object.entries(withProgram)) {
    for (const [i, name] of names.entries()) {
      const program = i === 9 || i < n;
      f.add("network", {
        school: name,
        period: year,
        values: { network: true, agreement: false, program, program_online: false, events_hosted: 0 },
      });
    }
  }
  const values = computeIndicators(effektivnaya, f.build(), { asOf });

  it("2022: 7 of 10 = 70 % against ≥ 65 % — met", () => {
    expect(pick(values, "measures_share", "2022")).toMatchObject({
      value: 70,
      target: "≥ 65 %",
      met: true,
      numerator: 7,
      denominator: 10,
    });
  });
  it("2023: 70 % against ≥ 79 % — not met", () => {
    expect(pick(values, "measures_share", "2023")).toMatchObject({ value: 70, target: "≥ 79 %", met: false });
  });
  it("2024: 90 % against ≥ 89 % — met", () => {
    expect(pick(values, "measures_share", "2024")).toMatchObject({ value: 90, target: "≥ 89 %", met: true });
  });
  it("network shares: all schools and ШНОР+ШНСУ only", () => {
    expect(pick(values, "network_share", "2024")).toMatchObject({ value: 100, numerator: 10, denominator: 10 });
    expect(pick(values, "network_share_target", "2024")).toMatchObject({ value: 100, numerator: 9, denominator: 9 });
  });
});

describe("events", () => {
  // Four ШНОР (declared; no procedure data), one other school.
  const f = fixture().schools([
    { name: "МБОУ СОШ № 1", shnor: true },
    { name: "МБОУ СОШ № 2", shnor: true },
    { name: "МБОУ СОШ № 3", shnor: true },
    { name: "МБОУ СОШ № 4", shnor: true },
    { name: "МБОУ СОШ № 5" },
  ]);
  const ev = (date: string, level: string, schools: string | null, invalid: string[] = []) =>
    f.add("events", {
      values: { date: new Date(`${date}T00:00:00Z`), title: "Семинар", level, venue: null, schools },
      invalid,
    });
  ev("2023-02-10", "муниципальный", "МБОУ СОШ № 1; МБОУ СОШ № 2; МБОУ СОШ № 5"); // 2 of 4 = 50 %
  ev("2023-03-15", "Муниципальный", "МБОУ СОШ № 1;МБОУ СОШ № 2;МБОУ СОШ № 3;МБОУ СОШ № 4"); // 100 %
  ev("2023-04-20", "региональный", 'МБОУ "СОШ №3"'); // 25 %, written differently
  ev("2023-05-20", "муниципальный", null); // no participants: left out
  ev("2024-01-20", "муниципальный", "МБОУ СОШ № 4"); // 25 %
  const values = computeIndicators(effektivnaya, f.build(), { asOf });

  it("event_shnor_participation: the mean of per-event shares", () => {
    const v = pick(values, "event_shnor_participation", "2023");
    expect(v.value).toBeCloseTo((50 + 100 + 25) / 3, 10);
    expect(v.display).toBe("58,3 %");
    expect(v.excluded_rows).toBe(1);
    expect(v.met).toBe(false); // ≥ 70 %
    expect(pick(values, "event_shnor_participation", "2024").value).toBe(25);
  });

  it("uses the participants the monitoring check matched («schoolList») when present", () => {
    const g = fixture().schools([
      { name: "МБОУ СОШ № 1", shnor: true },
      { name: "МБОУ СОШ № 2", shnor: true },
    ]);
    g.add("events", {
      values: { date: new Date("2023-03-01T00:00:00Z"), level: "муниципальный", schools: "Школа Первая; МБОУ СОШ № 2" },
    });
    const data = g.build();
    const key = (n: string) => data.schools.find((s) => s.name === n)!.key;
    data.records.events[0].schoolList = [
      { name: "МБОУ СОШ № 1", key: key("МБОУ СОШ № 1"), registered: true },
      { name: "МБОУ СОШ № 2", key: key("МБОУ СОШ № 2"), registered: true },
    ];
    expect(pick(computeIndicators(effektivnaya, data, { asOf }), "event_shnor_participation", "2023").value).toBe(100);
  });

  it("events_count: municipal events of the year only (level in any case)", () => {
    expect(pick(values, "events_count", "2023")).toMatchObject({
      value: 3,
      display: "3 ед.",
      target: "≥ 4 ед.",
      met: false,
    });
    expect(pick(values, "events_count", "2024")).toMatchObject({ value: 1, previous: 3, delta: -2 });
  });
});

describe("ВПР and КПК per school", () => {
  it("vpr_coped_pct overall and per grade present", () => {
    const f = fixture().schools(schoolNames(2).map((name) => ({ name })));
    f.add("procedures", {
      school: "МБОУ СОШ № 1",
      period: "2023",
      values: { procedure: "ВПР 5 кл. математика", participants: 20, m2: 5, m3: 10, m4: 4, m5: 1 },
    });
    f.add("procedures", {
      school: "МБОУ СОШ № 2",
      period: "2023",
      values: { procedure: "ВПР 6 кл. русский язык", participants: 30, m2: 3, m3: 20, m4: 5, m5: 2 },
    });
    f.add("procedures", {
      school: "МБОУ СОШ № 2",
      period: "2023",
      values: { procedure: "ОГЭ математика", participants: 10, m2: 9, m3: null, m4: null, m5: null },
    });
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    const all = pick(values, "vpr_coped_pct", "2023");
    expect(all.value).toBeCloseTo(((15 + 27) / 50) * 100, 10);
    expect(all.excluded_rows).toBe(0); // the ОГЭ row is not a ВПР row
    expect(all.met).toBe(true); // 84 % ≥ 75 %
    expect(pick(values, "vpr_coped_pct_g5", "2023").value).toBe(75);
    expect(pick(values, "vpr_coped_pct_g6", "2023").value).toBe(90);
    expect(values.some((v) => v.id === "vpr_coped_pct_g4")).toBe(false);
  });

  it("kpk_per_school: people per ШНОР/ШНСУ school, and the share of them with at least 5", () => {
    const f = fixture().schools([
      { name: "МБОУ СОШ № 1", shnor: true },
      { name: "МБОУ СОШ № 2", shnsu: true },
      { name: "МБОУ СОШ № 3", shnor: true }, // no «Кадры» row: has not reached 5
      { name: "МБОУ СОШ № 4" }, // neither: not counted
    ]);
    const staff = (school: string, kpk32: number) =>
      f.add("staff", { school, period: "2023", values: { teachers: 20, kpk: 20, kpk32 } });
    staff("МБОУ СОШ № 1", 6);
    staff("МБОУ СОШ № 2", 4);
    staff("МБОУ СОШ № 4", 9);
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    expect(pick(values, "kpk_per_school", "2023", "МБОУ СОШ № 1")).toMatchObject({
      value: 6,
      display: "6 чел.",
      target: "≥ 5 чел.",
      met: true,
    });
    expect(pick(values, "kpk_per_school", "2023", "МБОУ СОШ № 2")).toMatchObject({ value: 4, met: false });
    expect(values.some((v) => v.id === "kpk_per_school" && v.scope === "МБОУ СОШ № 4")).toBe(false);
    const m = pick(values, "kpk_per_school", "2023");
    expect(m.value).toBeCloseTo((1 / 3) * 100, 10);
    expect([m.numerator, m.denominator, m.target, m.met]).toEqual([1, 3, "100 %", false]);
  });
});

describe("registry indicators and the plan", () => {
  it("unobjective_share over the registry at the report date, target 0 %", () => {
    const f = fixture().schools([
      { name: "МБОУ СОШ № 1", unobjective: true },
      ...schoolNames(4)
        .slice(1)
        .map((name) => ({ name })),
    ]);
    const v = pick(computeIndicators(effektivnaya, f.build(), { asOf }), "unobjective_share", asOf);
    expect(v).toMatchObject({ value: 25, target: "0 %", met: false });
  });

  it("programs_pct and agreements_pct over participants", () => {
    const f = fixture().schools([
      { name: "МБОУ СОШ № 1", participant: true },
      { name: "МБОУ СОШ № 2", participant: true },
      { name: "МБОУ СОШ № 3" },
    ]);
    f.add("network", {
      school: "МБОУ СОШ № 1",
      period: "2023",
      values: { program: true, program_online: true, agreement: true, network: false },
    });
    f.add("network", {
      school: "МБОУ СОШ № 2",
      period: "2023",
      values: { program: true, program_online: false, agreement: true, network: false },
    });
    f.add("network", {
      school: "МБОУ СОШ № 3",
      period: "2023",
      values: { program: true, program_online: true, agreement: true, network: false },
    });
    const values = computeIndicators(effektivnaya, f.build(), { asOf });
    expect(pick(values, "programs_pct", "2023")).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
      target: "100 %",
      met: false,
    });
    expect(pick(values, "agreements_pct", "2023")).toMatchObject({ value: 100, met: true });
  });

  it("an invalid yes/no leaves the school out of the numerator and the denominator", () => {
    const f = fixture().schools(schoolNames(3).map((name) => ({ name })));
    f.add("network", { school: "МБОУ СОШ № 1", period: "2023", values: { network: true } });
    f.add("network", { school: "МБОУ СОШ № 2", period: "2023", values: { network: null }, invalid: ["network"] });
    f.add("network", { school: "МБОУ СОШ № 3", period: "2023", values: { network: false } });
    const v = pick(computeIndicators(effektivnaya, f.build(), { asOf }), "network_share", "2023");
    expect(v).toMatchObject({ value: 50, numerator: 1, denominator: 2, excluded_rows: 1 });
  });

  it("teacher_coverage_pct against ≥ 80 % (Ivanovo)", () => {
    const f = fixture()
      .schools([{ name: "МБОУ СОШ № 1" }])
      .add("staff", { school: "МБОУ СОШ № 1", period: "2021", values: { teachers: 40, in_project: 31 } });
    expect(
      pick(computeIndicators(ivanovo, f.build(), { asOf: "2021-06-30" }), "teacher_coverage_pct", "2021"),
    ).toMatchObject({
      value: 77.5,
      display: "77,5 %",
      target: "≥ 80 %",
      met: false,
    });
  });

  it("plan_done_pct is included when a monitored plan is given, and only then", () => {
    const header = ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки", "Ожидаемый результат", "Статус"];
    const wb = gridWorkbook("plan.xlsx", [
      header,
      ["1.", "Семинар", "МБУ МЦ", "Октябрь 2020", "Проведён семинар", "Выполнено"],
      ["2.", "Совещание", "МБУ МЦ", "Ноябрь 2020", "Проведено совещание", "В работе"],
      ["3.", "Анализ", "МБУ МЦ", "Май 2021", "Проведён анализ", ""],
    ]);
    const check = validateWorkbook(wb, { template: ivanovo, templates: [ivanovo], asOf: "2020-12-31" });
    const data = fixture().build();
    const withPlan = computeIndicators(ivanovo, data, { asOf: "2020-12-31", plans: check.plans });
    const plan = withPlan.filter((v) => v.id === "plan_done_pct");
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ value: 50, numerator: 1, denominator: 2, period: "2020-12-31" });
    expect(computeIndicators(ivanovo, data, { asOf: "2020-12-31" }).some((v) => v.id === "plan_done_pct")).toBe(false);
  });
});

describe("declarative indicators beyond the catalog", () => {
  it("a template's own indicator: a count of distinct schools with a condition, per-period targets", () => {
    const t = templateWith([
      {
        id: "hosts",
        title: "Доля ОО, принявших мероприятия",
        numerator: { sheet: "network", op: "count_schools", where: [{ column: "events_hosted", gte: 1 }] },
        denominator: { sheet: "schools", op: "count_schools", schools: "leaders" },
        schools: "leaders",
        scale: 100,
        period: { kind: "year" },
        targets: [{ op: ">=", value: 50, period: "2022" }],
      },
    ]);
    const f = fixture().schools([
      { name: "МБОУ СОШ № 1", leader: true },
      { name: "МБОУ СОШ № 2", leader: true },
      { name: "МБОУ СОШ № 3" },
    ]);
    for (const y of ["2022", "2023"]) {
      f.add("network", { school: "МБОУ СОШ № 1", period: y, values: { events_hosted: 2 } });
      f.add("network", { school: "МБОУ СОШ № 2", period: y, values: { events_hosted: y === "2022" ? 0 : 1 } });
      f.add("network", { school: "МБОУ СОШ № 3", period: y, values: { events_hosted: 5 } });
    }
    const values = computeIndicators(t, f.build(), { asOf });
    expect(pick(values, "hosts", "2022")).toMatchObject({ value: 50, target: "≥ 50 %", met: true });
    expect(pick(values, "hosts", "2023")).toMatchObject({
      value: 100,
      target: null,
      met: null,
      previous: 50,
      delta: 50,
    });
  });

  it("the schema rejects a sum without a column and an unknown sheet", () => {
    const bad = (numerator: unknown) =>
      TemplateSchema.safeParse({
        id: "x",
        title: "x",
        period: { start: "2020-01-01", end: "2020-12-31" },
        indicators: [{ id: "a", title: "a", numerator, period: { kind: "year" } }],
      }).success;
    expect(bad({ sheet: "grades", op: "sum" })).toBe(false);
    expect(bad({ sheet: "nope", op: "count" })).toBe(false);
    expect(bad({ sheet: "grades", op: "count", where: [{ column: "x", eq: 1, gte: 2 }] })).toBe(false);
    expect(bad({ sheet: "grades", op: "sum", column: "excellent" })).toBe(true);
  });
});

describe("target text and comparison", () => {
  it("texts", () => {
    expect(targetText({ op: ">=", value: 75 }, "%")).toBe("≥ 75 %");
    expect(targetText({ op: "<=", value: 20 }, "%")).toBe("≤ 20 %");
    expect(targetText({ op: "=", value: 100 }, "%")).toBe("100 %");
    expect(targetText({ op: "growth", value: 1 }, "%")).toBe("рост ≥ 1 п.п.");
    expect(targetText({ op: "<", value: 7.5 }, "%")).toBe("< 7,5 %");
  });
  it("compares the unrounded value: 19.96 % is not ≤ 19.95 % although both show «20,0 %»", () => {
    expect(targetMet({ op: "<=", value: 19.95 }, 19.96, null)).toBe(false);
    expect(targetMet({ op: "<=", value: 19.95 }, 19.95, null)).toBe(true);
    expect(targetMet({ op: "growth", value: 1 }, 31, null)).toBeNull();
    expect(targetMet({ op: ">=", value: 75 }, null, null)).toBeNull();
  });
});
