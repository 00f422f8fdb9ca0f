import type { IndicatorValue } from "../core/indicators/types";
import { en, ru } from "../i18n/strings";
import {
  LATEST,
  betterDirection,
  formatDelta,
  formatNumber,
  formatPeriod,
  formatValue,
  indicatorPeriods,
  indicatorStatus,
  selectIndicators,
  targetLevel,
  targetsMet,
  trendOf,
} from "./indicatorView";

function v(
  id: string,
  period: string,
  value: IndicatorValue["value"],
  extra: Partial<IndicatorValue> = {},
): IndicatorValue {
  return {
    id,
    title: id,
    period,
    scope: "municipality",
    value,
    display: "",
    unit: "%",
    target: null,
    met: null,
    excluded_rows: 0,
    ...extra,
  };
}

const values = [
  v("quality", "2021/2022", 38.3),
  v("quality", "2022/2023", 37.8),
  v("share", "2021", 27.6),
  v("share", "2022", 34.5),
  v("share", "2022", true, { scope: "МБОУ СОШ с. Бичевая" }),
  v("share", "2021", false, { scope: "МБОУ СОШ с. Бичевая" }),
];

describe("indicator view", () => {
  it("lists periods oldest first", () => {
    expect(indicatorPeriods(values)).toEqual(["2021", "2021/2022", "2022", "2022/2023"]);
  });

  it("selects one period, or each indicator's latest, per scope kind", () => {
    expect(selectIndicators(values, "2022", "municipality").map((x) => x.id)).toEqual(["share"]);
    expect(selectIndicators(values, LATEST, "municipality").map((x) => `${x.id} ${x.period}`)).toEqual([
      "quality 2022/2023",
      "share 2022",
    ]);
    expect(selectIndicators(values, LATEST, "school").map((x) => `${x.scope} ${x.period}`)).toEqual([
      "МБОУ СОШ с. Бичевая 2022",
    ]);
  });

  it("formats values in the UI language: one decimal for %, whole counts without, yes/no, no data", () => {
    expect(formatValue((10 / 29) * 100, "%", ru, "ru")).toBe("34,5 %");
    expect(formatValue((10 / 29) * 100, "%", en, "en")).toBe("34.5 %");
    expect(formatValue(100, "%", ru, "ru")).toBe("100,0 %");
    expect(formatValue(9, "ед.", ru, "ru")).toBe("9 ед.");
    expect(formatValue(2.45, "", ru, "ru")).toBe("2,5");
    expect(formatValue(null, "%", ru, "ru")).toBe("нет данных");
    expect(formatValue(true, "", en, "en")).toBe("yes");
  });

  it("formats dynamics with a sign, percentages in percentage points", () => {
    expect(formatDelta(6.896551724137936, "%", ru, "ru")).toBe("+6,9 п.п.");
    // Negatives with the minus sign (U+2212), not the hyphen.
    expect(formatDelta(-6.896551724137936, "%", en, "en")).toBe("\u22126.9 pp");
    expect(formatDelta(-45, "чел.", ru, "ru")).toBe("\u221245 чел.");
    expect(formatDelta(null, "%", ru, "ru")).toBeNull();
  });

  it("derives the status: met, not met, no data, no target", () => {
    expect(indicatorStatus(v("a", "2022", 1, { met: true }))).toBe("met");
    expect(indicatorStatus(v("a", "2022", 1, { met: false }))).toBe("notMet");
    expect(indicatorStatus(v("a", "2022", null))).toBe("noData");
    expect(indicatorStatus(v("a", "2022", 1))).toBe("noTarget");
  });
});

describe("dynamics: whether a change is good for the indicator", () => {
  it("the ШНОР share (target ≤ 20 %) rising from 27,6 % to 34,5 % is a worsening", () => {
    const shnor = v("shnor_share", "2022", 34.5, { target: "≤ 20 %", previous: 27.6, delta: 6.9 });
    expect(betterDirection(shnor)).toBe("down");
    expect(trendOf(shnor)).toBe("bad");
    expect(trendOf({ ...shnor, delta: -6.9 })).toBe("good");
  });

  it("quality (target ≥ 40 %) rising is an improvement; growth targets and plain levels count as «up»", () => {
    const quality = v("quality_pct", "2022/2023", 41.2, { target: "≥ 40 %", previous: 37.8, delta: 3.4 });
    expect(betterDirection(quality)).toBe("up");
    expect(trendOf(quality)).toBe("good");
    expect(trendOf({ ...quality, delta: -3.4 })).toBe("bad");
    expect(betterDirection(v("x", "2022", 1, { target: "рост ≥ 1 п.п." }))).toBe("up");
    expect(betterDirection(v("x", "2022", 1, { target: "100 %" }))).toBe("up");
    expect(betterDirection(v("x", "2022", 1, { target: "< 3 чел." }))).toBe("down");
  });

  it("a declared `better` wins over the target; without either, or without a change, no judgement", () => {
    const declared = { ...v("x", "2022", 5, { target: "≥ 1 %", delta: 2 }), better: "down" } as IndicatorValue;
    expect(trendOf(declared)).toBe("bad");
    expect(trendOf(v("x", "2022", 5, { delta: 2 }))).toBe("neutral");
    expect(trendOf(v("x", "2022", 5, { target: "≥ 1 %", delta: 0.01 }))).toBe("neutral");
    expect(trendOf(v("x", "2022", 5, { target: "≥ 1 %", delta: null }))).toBe("neutral");
  });
});

describe("numbers, periods and targets as the methodist reads them", () => {
  it("writes negatives with «−» and dates the Russian way; years and school years stay", () => {
    expect(formatNumber(-2.45, "%", "ru")).toBe("\u22122,5");
    expect(formatNumber(-0.04, "%", "ru")).toBe("0,0");
    expect(formatPeriod("2026-12-06", "ru")).toBe("06.12.2026");
    expect(formatPeriod("2026-12-06", "en")).toBe("2026-12-06");
    expect(formatPeriod("2021/2022", "ru")).toBe("2021/2022");
    expect(formatPeriod("2022", "ru")).toBe("2022");
  });

  it("reads a target's level for the bullet, none for growth", () => {
    expect(targetLevel(v("x", "2022", 1, { target: "≤ 20 %" }))).toBe(20);
    expect(targetLevel(v("x", "2022", 1, { target: "≥ 62,5 %" }))).toBe(62.5);
    expect(targetLevel(v("x", "2022", 1, { target: "рост ≥ 1 п.п." }))).toBeNull();
    expect(targetLevel(v("x", "2022", 1))).toBeNull();
  });

  it("counts the targets met among the values judged", () => {
    expect(
      targetsMet([
        v("a", "2022", 1, { met: true }),
        v("b", "2022", 1, { met: false }),
        v("c", "2022", 1, { met: null }),
        v("d", "2022", 1, { met: true }),
      ]),
    ).toEqual({ met: 2, total: 3 });
  });
});
