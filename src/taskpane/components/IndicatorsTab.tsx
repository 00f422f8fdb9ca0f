/**
 * «Показатели» as cards: the name, the fact against the target, the status, the previous period
 * and a dynamics arrow coloured by whether the change is good for that indicator; the charts
 * (lazy: `IndicatorCharts`); per-school values on demand.
 */
import { Component, Suspense, lazy, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Badge, Caption1, Field, Option, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { IndicatorValue } from "../../core/indicators/types";
import { format, type Strings } from "../../i18n/strings";
import {
  LATEST,
  formatDelta,
  formatPeriod,
  formatValue,
  indicatorPeriods,
  indicatorStatus,
  selectIndicators,
  statusText,
  trendOf,
  type IndicatorStatus,
  type Trend,
} from "../indicatorView";
import { loadCharts } from "../paneChunks";
import type { CheckRun } from "../state/pipeline";
import { PaneDropdown } from "./controls";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const IndicatorCharts = lazy(() => loadCharts().then((m) => ({ default: m.IndicatorCharts })));

const useStyles = makeStyles({
  title: { overflowWrap: "break-word" },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
  },
  pill: { maxWidth: "100%", whiteSpace: "nowrap", flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  trend: {
    display: "inline-flex",
    alignItems: "center",
    gap: "2px",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
  },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  neutral: { color: tokens.colorNeutralForeground2 },
  charts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
});

const STATUS_COLOR: Record<IndicatorStatus, "success" | "danger" | "subtle" | "informative"> = {
  met: "success",
  notMet: "danger",
  noData: "subtle",
  noTarget: "informative",
};

function StatusBadge({ v }: { v: IndicatorValue }) {
  const { t } = usePaneText();
  const styles = useStyles();
  const status = indicatorStatus(v);
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]} data-status={status} className={styles.pill}>
      {statusText(status, t)}
    </Badge>
  );
}

const TREND_KEYS: Record<Trend, keyof Strings> = { good: "trendGood", bad: "trendBad", neutral: "trendNeutral" };

/** An arrow up or down (a drawing, no text), or a dash for no change. */
function Arrow({ delta }: { delta: number }) {
  const path =
    delta > 0
      ? "M6 1 L11 8 H7.5 V13 H4.5 V8 H1 Z"
      : delta < 0
        ? "M6 13 L11 6 H7.5 V1 H4.5 V6 H1 Z"
        : "M1 6 H11 V8 H1 Z";
  return (
    <svg width="12" height="14" viewBox="0 0 12 14" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
  );
}

/** The change since the previous period, its arrow coloured green (better), red (worse) or grey. */
export function Dynamics({ v }: { v: IndicatorValue }) {
  const { t, lang } = usePaneText();
  const styles = useStyles();
  const text = formatDelta(v.delta, v.unit, t, lang);
  if (text === null || v.delta === null || v.delta === undefined) return null;
  const trend = trendOf(v);
  return (
    <span
      className={`${styles.trend} ${styles[trend]}`}
      data-testid="dynamics"
      data-trend={trend}
      title={t[TREND_KEYS[trend]]}
    >
      <Arrow delta={trend === "neutral" && Math.abs(v.delta) < 0.05 ? 0 : v.delta} />
      <span>{text}</span>
      {trend !== "neutral" ? <span className={styles.muted}>{t[TREND_KEYS[trend]]}</span> : null}
    </span>
  );
}

function IndicatorCard({ v }: { v: IndicatorValue }) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const hasPrevious = v.previous !== undefined && v.previous !== null;
  return (
    <li className={ui.card} data-testid="indicator-row" data-indicator={v.id}>
      <Text weight="semibold" className={styles.title}>
        {v.title}
      </Text>
      <div className={styles.line}>
        <Text data-testid="fact">{formatValue(v.value, v.unit, t, lang)}</Text>
        {v.target ? (
          <Caption1 className={styles.muted}>{format(t.indicatorTarget, { target: v.target })}</Caption1>
        ) : null}
        <StatusBadge v={v} />
      </div>
      <div className={styles.line}>
        <Caption1 className={styles.muted} data-testid="period">
          {formatPeriod(v.period, lang)}
        </Caption1>
        {hasPrevious ? (
          <Caption1 className={styles.muted}>
            {format(t.indicatorPrevious, { value: formatValue(v.previous, v.unit, t, lang) })}
          </Caption1>
        ) : null}
        <Dynamics v={v} />
      </div>
      {v.excluded_rows > 0 ? (
        <Caption1 className={styles.muted}>{format(t.excludedRows, { count: v.excluded_rows })}</Caption1>
      ) : null}
    </li>
  );
}

function SchoolCard({ v }: { v: IndicatorValue }) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  return (
    <li className={ui.card} data-testid="school-row">
      <Text className={styles.title}>{v.scope}</Text>
      {v.procedure ? <Caption1 className={styles.muted}>{v.procedure}</Caption1> : null}
      <div className={styles.line}>
        <Text>{formatValue(v.value, v.unit, t, lang)}</Text>
        <StatusBadge v={v} />
        <Caption1 className={styles.muted}>{formatPeriod(v.period, lang)}</Caption1>
      </div>
    </li>
  );
}

/** Per-school values of one indicator at a time (a district has ~30 schools, a region up to ~2,000). */
function SchoolValues({ values }: { values: IndicatorValue[] }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const options = useMemo(() => {
    const byId = new Map<string, string>();
    for (const v of values) if (!byId.has(v.id)) byId.set(v.id, v.title);
    return [...byId];
  }, [values]);
  const [chosen, setChosen] = useState<string | null>(null);
  const id = chosen !== null && options.some(([o]) => o === chosen) ? chosen : (options[0]?.[0] ?? null);
  const rows = useMemo(() => values.filter((v) => v.id === id), [values, id]);
  if (id === null) return <Caption1>{t.noIndicators}</Caption1>;
  return (
    <>
      <Field label={t.schoolIndicatorLabel}>
        <PaneDropdown
          value={options.find(([o]) => o === id)?.[1] ?? ""}
          selectedOptions={[id]}
          onOptionSelect={(_, d) => setChosen(d.optionValue ?? null)}
        >
          {options.map(([o, title]) => (
            <Option key={o} value={o} text={title}>
              {title}
            </Option>
          ))}
        </PaneDropdown>
      </Field>
      <ul className={ui.cards} aria-label={t.schoolsTableLabel}>
        {rows.map((v) => (
          <SchoolCard key={`${v.scope}|${v.period}|${v.procedure ?? ""}`} v={v} />
        ))}
      </ul>
    </>
  );
}

/** A chart that fails to load or draw leaves a line of text, never a broken pane. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The width the element has (for the charts, which draw at a width in px). */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export interface IndicatorsTabProps {
  run: CheckRun | null;
  /** The workbook host draws real charts on the dashboard (else data bars; said here). */
  chartsInWorkbook: boolean;
}

export function IndicatorsTab({ run, chartsInWorkbook }: IndicatorsTabProps) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const [period, setPeriod] = useState<string>(LATEST);
  const [schools, setSchools] = useState(false);
  const [chartsRef, chartsWidth] = useWidth<HTMLDivElement>();
  const values = useMemo(() => run?.build.indicators ?? [], [run]);
  const periods = useMemo(() => indicatorPeriods(values), [values]);
  const active = period === LATEST || periods.includes(period) ? period : LATEST;
  const municipal = useMemo(() => selectIndicators(values, active, "municipality"), [values, active]);
  const perSchool = useMemo(
    () => (schools ? selectIndicators(values, active, "school") : []),
    [values, active, schools],
  );

  if (!run) return <Caption1 className={ui.muted}>{t.indicatorsNeedCheck}</Caption1>;

  return (
    <div className={ui.tab}>
      <Field label={t.periodLabel}>
        <PaneDropdown
          value={active === LATEST ? t.periodLatest : formatPeriod(active, lang)}
          selectedOptions={[active]}
          onOptionSelect={(_, d) => setPeriod(d.optionValue ?? LATEST)}
        >
          <Option value={LATEST}>{t.periodLatest}</Option>
          {periods.map((p) => (
            <Option key={p} value={p} text={formatPeriod(p, lang)}>
              {formatPeriod(p, lang)}
            </Option>
          ))}
        </PaneDropdown>
      </Field>
      {municipal.length ? (
        <ul className={ui.cards} aria-label={t.indicatorsTableLabel}>
          {municipal.map((v) => (
            <IndicatorCard key={`${v.id}|${v.period}`} v={v} />
          ))}
        </ul>
      ) : (
        <Caption1>{t.noIndicators}</Caption1>
      )}
      <div ref={chartsRef} className={styles.charts}>
        {municipal.length && chartsWidth > 0 ? (
          <ChartBoundary fallback={<Caption1 className={ui.muted}>{t.chartsFailed}</Caption1>}>
            <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
              <IndicatorCharts values={values} shown={municipal} width={chartsWidth} />
            </Suspense>
          </ChartBoundary>
        ) : null}
      </div>
      {!chartsInWorkbook ? <Caption1 className={ui.muted}>{t.chartsAsDataBars}</Caption1> : null}
      <Switch label={t.showSchools} checked={schools} onChange={(_, d) => setSchools(d.checked)} />
      {schools ? <SchoolValues values={perSchool} /> : null}
    </div>
  );
}
