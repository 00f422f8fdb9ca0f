/**
 * The indicators' charts with Fluent v9's own `@fluentui/react-charts`, in their own chunk (loaded
 * when the «Показатели» tab first shows a chart): the headline indicators (those in %) over the
 * periods, and a bar per indicator — the fact against its scale, the target as a mark.
 */
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import {
  GroupedVerticalBarChart,
  HorizontalBarChart,
  type ChartProps,
  type GroupedVerticalBarChartData,
} from "@fluentui/react-charts";
import { roundHalfUp, type IndicatorValue } from "../../core/indicators/types";
import { format } from "../../i18n/strings";
import { formatNumber, formatPeriod, formatValue, indicatorPeriods, targetLevel } from "../indicatorView";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0, maxWidth: "100%" },
  /** Indicator names as written (the charts' legends capitalise every word by default). */
  legend: { textTransform: "none" },
});

/** At most this many series on the headline chart (legible at 350 px). */
const HEADLINE_MAX = 4;

const PALETTE = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteLightTealBorderActive,
  tokens.colorPalettePurpleBorderActive,
];

/** How a period is counted: calendar years, school years («2021/2022») or report dates. */
function periodKind(period: string): string {
  return /^\d{4}$/.test(period) ? "year" : /^\d{4}\/\d{4}$/.test(period) ? "school" : "date";
}

/**
 * Municipal indicators in % with a value in at least two periods, all counted the same way (calendar
 * or school years, whichever more indicators use), the first `HEADLINE_MAX` of them.
 */
export function headlineIndicators(values: readonly IndicatorValue[]): { id: string; title: string }[] {
  const seen = new Map<string, { title: string; kind: string; count: number }>();
  for (const v of values)
    if (v.scope === "municipality" && v.unit === "%" && typeof v.value === "number") {
      const s = seen.get(v.id);
      seen.set(v.id, { title: v.title, kind: periodKind(v.period), count: (s?.count ?? 0) + 1 });
    }
  const candidates = [...seen].filter(([, p]) => p.count >= 2);
  const byKind = new Map<string, number>();
  for (const [, p] of candidates) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
  const kind = [...byKind].sort((a, b) => b[1] - a[1])[0]?.[0];
  return candidates
    .filter(([, p]) => p.kind === kind)
    .slice(0, HEADLINE_MAX)
    .map(([id, p]) => ({ id, title: p.title }));
}

export interface IndicatorChartsProps {
  /** Every value of the check (all periods). */
  values: readonly IndicatorValue[];
  /** The values shown now (one period, municipal). */
  shown: readonly IndicatorValue[];
  /** The chart's width in px (the pane's). */
  width: number;
}

export function IndicatorCharts({ values, shown, width }: IndicatorChartsProps) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const headline = headlineIndicators(values);
  const periods = indicatorPeriods(values.filter((v) => headline.some((h) => h.id === v.id)));
  const grouped: GroupedVerticalBarChartData[] = periods.map((p) => ({
    name: formatPeriod(p, lang),
    series: headline.flatMap((h, k) => {
      const v = values.find((x) => x.id === h.id && x.period === p && x.scope === "municipality");
      if (!v || typeof v.value !== "number") return [];
      return [
        {
          key: h.id,
          data: v.value,
          legend: h.title,
          color: PALETTE[k % PALETTE.length],
          yAxisCalloutData: formatValue(v.value, v.unit, t, lang),
        },
      ];
    }),
  }));
  const bars: ChartProps[] = shown.flatMap((v) => {
    // A bar shows a level: changes (which may be negative) are on the cards.
    if (typeof v.value !== "number" || v.value < 0) return [];
    const target = targetLevel(v);
    const scale = v.unit === "%" ? 100 : Math.max(v.value, target ?? 0, 1) * 1.25;
    return [
      {
        chartTitle: v.title,
        chartData: [
          {
            legend: t.columnFact,
            horizontalBarChartdata: { x: roundHalfUp(Math.min(v.value, scale), 1), total: roundHalfUp(scale, 1) },
            color: v.met === false ? tokens.colorPaletteRedBorderActive : tokens.colorPaletteGreenBorderActive,
            xAxisCalloutData: formatValue(v.value, v.unit, t, lang),
            ...(target !== null ? { data: target } : {}),
          },
        ],
      },
    ];
  });
  const chartWidth = Math.max(240, width);
  const culture = lang === "ru" ? "ru-RU" : "en-US";
  return (
    <>
      {grouped.length >= 2 && headline.length ? (
        <section className={styles.chart} data-testid="indicator-chart" aria-label={t.chartHeadline}>
          <Subtitle2 as="h3" className={ui.heading}>
            {t.chartHeadline}
          </Subtitle2>
          <GroupedVerticalBarChart
            data={grouped}
            width={chartWidth}
            height={220}
            yMaxValue={100}
            yAxisTickFormat={(n: number) => format(t.valueWithUnit, { value: formatNumber(n, "", lang), unit: "%" })}
            enabledLegendsWrapLines
            legendProps={{ styles: { text: styles.legend } }}
            culture={culture}
            hideLabels
          />
        </section>
      ) : null}
      {bars.length ? (
        <section className={styles.chart} data-testid="indicator-chart" aria-label={t.chartBullets}>
          <Subtitle2 as="h3" className={ui.heading}>
            {t.chartBullets}
          </Subtitle2>
          <HorizontalBarChart data={bars} width={chartWidth} chartDataMode="default" culture={culture} />
        </section>
      ) : null}
    </>
  );
}
