import type { IndicatorValue } from "../core/indicators/types";
import { en, ru } from "../i18n/strings";
import { LATEST, formatDelta, formatValue, indicatorPeriods, indicatorStatus, selectIndicators } from "./indicatorView";

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
    expect(formatDelta(-6.896551724137936, "%", en, "en")).toBe("-6.9 pp");
    expect(formatDelta(-45, "чел.", ru, "ru")).toBe("-45 чел.");
    expect(formatDelta(null, "%", ru, "ru")).toBeNull();
  });

  it("derives the status: met, not met, no data, no target", () => {
    expect(indicatorStatus(v("a", "2022", 1, { met: true }))).toBe("met");
    expect(indicatorStatus(v("a", "2022", 1, { met: false }))).toBe("notMet");
    expect(indicatorStatus(v("a", "2022", null))).toBe("noData");
    expect(indicatorStatus(v("a", "2022", 1))).toBe("noTarget");
  });
});
