import fc from "fast-check";
import type { MonitoringData, MonitoringRecord, SchoolEntry } from "./model";
import { isLowShare, lowResults, shnorStatus, shnorStatuses } from "./shnor";

let nextRow = 2;
function proc(
  school: string,
  year: number,
  procedure: string,
  participants: number,
  m2: number,
  invalid: string[] = [],
): MonitoringRecord {
  return {
    sheetName: "Процедуры",
    row: nextRow++,
    school,
    schoolKey: school,
    period: String(year),
    values: { school, year, procedure, participants, m2, m3: null, m4: null, m5: null },
    invalid,
  };
}

function entry(key: string, shnor: boolean | null = null, row = 2): SchoolEntry {
  return {
    row,
    name: key.toUpperCase(),
    key,
    shnor,
    shnsu: null,
    leader: null,
    participant: null,
    unobjective: null,
    level: null,
  };
}

function data(records: MonitoringRecord[], schools: SchoolEntry[] = []): MonitoringData {
  return {
    records: { schools: [], grades: [], procedures: records, staff: [], network: [], gia: [], events: [] },
    present: {},
    schools,
  };
}

describe("low results", () => {
  it("30.0 % is low, 29.9 % is not", () => {
    const d = data([proc("a", 2022, "ОГЭ математика", 10, 3), proc("a", 2022, "ОГЭ русский язык", 1000, 299)]);
    const low = lowResults(d, "a", 2022);
    expect(low.map((l) => l.procedure)).toEqual(["ОГЭ математика"]);
    expect(low[0]).toMatchObject({ year: 2022, share: 0.3, participants: 10, low: 3 });
  });

  it("property: isLowShare agrees with exact rational comparison", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 100000 }), (p, m) => {
        fc.pre(m <= p);
        expect(isLowShare(m, p)).toBe(10 * m >= 3 * p);
      }),
    );
    expect(isLowShare(0, 0)).toBe(false);
  });

  it("leaves out invalid records, zero participants and non-deciding procedures", () => {
    const d = data([
      proc("a", 2022, "ОГЭ математика", 10, 9, ["_sum", "m2", "participants"]),
      proc("a", 2022, "ОГЭ русский язык", 0, 0),
      proc("a", 2022, "ВПР 7 кл. история", 10, 9),
      proc("a", 2022, "ВПР 7 кл. математика", 10, 9),
    ]);
    expect(lowResults(d, "a", 2022)).toEqual([]);
  });

  it("matches procedure spellings and counts one procedure once", () => {
    const d = data([proc("a", 2022, "ВПР-5, математика", 10, 5), proc("a", 2022, "ВПР 5 кл. математика", 20, 10)]);
    expect(lowResults(d, "a", 2022)).toHaveLength(1);
    expect(lowResults(d, "a", 2022)[0].procedure).toBe("ВПР 5 кл. математика");
  });

  it("treats ЕГЭ математика профильная and базовая as different procedures", () => {
    const d = data([proc("a", 2022, "ЕГЭ математика профиль", 10, 4), proc("a", 2022, "ЕГЭ математика (база)", 10, 4)]);
    expect(lowResults(d, "a", 2022).map((l) => l.procedure)).toEqual([
      "ЕГЭ математика профильная",
      "ЕГЭ математика базовая",
    ]);
  });

  it("takes a template's own procedure list", () => {
    const d = data([proc("a", 2022, "ВПР 7 кл. история", 10, 9)]);
    expect(lowResults(d, "a", 2022, ["ВПР 7 класс история"])).toHaveLength(1);
  });
});

describe("shnorStatus", () => {
  it("one low procedure in Y−1 and one in Y → ШНОР", () => {
    const d = data(
      [proc("a", 2021, "ВПР 5 кл. математика", 10, 4), proc("a", 2022, "ОГЭ математика", 10, 3)],
      [entry("a", false)],
    );
    const s = shnorStatus(d, "a", 2022);
    expect(s).toMatchObject({ status: true, computed: true, school: "A", year: 2022 });
    expect(s.lowY.map((l) => l.procedure)).toEqual(["ОГЭ математика"]);
    expect(s.lowPrev.map((l) => l.procedure)).toEqual(["ВПР 5 кл. математика"]);
    expect(s.reason).toMatch(/По итогам 2022 г\. ШНОР/);
  });

  it("one low procedure only in Y → not ШНОР", () => {
    const d = data(
      [proc("a", 2021, "ВПР 5 кл. математика", 10, 1), proc("a", 2022, "ОГЭ математика", 10, 3)],
      [entry("a", true)],
    );
    expect(shnorStatus(d, "a", 2022)).toMatchObject({ status: false, computed: true });
  });

  it("two low procedures in Y → ШНОР", () => {
    const d = data([
      proc("a", 2021, "ОГЭ математика", 10, 0),
      proc("a", 2022, "ОГЭ математика", 10, 3),
      proc("a", 2022, "ОГЭ русский язык", 10, 5),
    ]);
    expect(shnorStatus(d, "a", 2022)).toMatchObject({ status: true, computed: true });
  });

  it("one low procedure only in Y−1 → not ШНОР", () => {
    const d = data([proc("a", 2021, "ОГЭ математика", 10, 9), proc("a", 2022, "ОГЭ математика", 10, 0)]);
    expect(shnorStatus(d, "a", 2022)).toMatchObject({ status: false, computed: true });
  });

  it("non-deciding procedures never count", () => {
    const d = data([
      proc("a", 2021, "ВПР 7 кл. история", 10, 9),
      proc("a", 2021, "ОГЭ математика", 10, 0),
      proc("a", 2022, "ВПР 7 кл. история", 10, 9),
      proc("a", 2022, "ВПР 8 кл. математика", 10, 9),
      proc("a", 2022, "ОГЭ математика", 10, 0),
    ]);
    expect(shnorStatus(d, "a", 2022)).toMatchObject({ status: false, computed: true, lowY: [], lowPrev: [] });
  });

  it("falls back to the declared flag without data for Y and Y−1", () => {
    const d = data(
      [proc("a", 2022, "ОГЭ математика", 10, 5), proc("a", 2022, "ОГЭ русский язык", 10, 5)],
      [entry("a", false), entry("b", null)],
    );
    const a = shnorStatus(d, "a", 2022);
    expect(a).toMatchObject({ status: false, computed: false });
    expect(a.reason).toMatch(/нет данных решающих процедур за 2021 г\./);
    expect(shnorStatus(d, "b", 2022)).toMatchObject({ status: null, computed: false });
  });

  it("data of a non-deciding procedure alone do not make the status computable", () => {
    const d = data(
      [proc("a", 2021, "ВПР 7 кл. история", 10, 0), proc("a", 2022, "ОГЭ математика", 10, 5)],
      [entry("a", true)],
    );
    expect(shnorStatus(d, "a", 2022)).toMatchObject({ status: true, computed: false });
  });

  it("shnorStatuses gives one status per registered school, or per school on «Процедуры» without a registry", () => {
    const recs = [
      proc("a", 2021, "ОГЭ математика", 10, 5),
      proc("a", 2022, "ОГЭ математика", 10, 5),
      proc("c", 2022, "ОГЭ математика", 10, 5),
    ];
    expect(shnorStatuses(data(recs, [entry("a"), entry("b", true)]), 2022).map((s) => [s.schoolKey, s.status])).toEqual(
      [
        ["a", true],
        ["b", true],
      ],
    );
    expect(shnorStatuses(data(recs), 2022).map((s) => [s.schoolKey, s.computed])).toEqual([
      ["a", true],
      ["c", false],
    ]);
  });

  it("stays fast for a region (2,000 schools × 36 procedure rows)", () => {
    const recs: MonitoringRecord[] = [];
    const schools: SchoolEntry[] = [];
    for (let s = 0; s < 2000; s++) {
      schools.push(entry(`s${s}`, null, s + 2));
      for (const y of [2021, 2022])
        for (let p = 0; p < 18; p++)
          recs.push(proc(`s${s}`, y, p % 2 ? "ОГЭ математика" : "ВПР 5 кл. математика", 20, (s + p) % 9));
    }
    const t0 = Date.now();
    const st = shnorStatuses(data(recs, schools), 2022);
    expect(st).toHaveLength(2000);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
