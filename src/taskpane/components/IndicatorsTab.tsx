/** «Показатели»: target, fact, status, previous period and dynamics; a period selector; «Заполнить дашборд». */
import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Option,
  Switch,
  TableCell,
  TableRow,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { IndicatorValue } from "../../core/indicators/types";
import { format } from "../../i18n/strings";
import {
  LATEST,
  formatDelta,
  formatValue,
  indicatorPeriods,
  indicatorStatus,
  selectIndicators,
  statusText,
  type IndicatorStatus,
} from "../indicatorView";
import { CheckButton, DataTable, PaneDropdown, type TabProps } from "./controls";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  table: { tableLayout: "auto", minWidth: "560px" },
  note: { display: "block", color: tokens.colorNeutralForeground3 },
});

const STATUS_COLOR: Record<IndicatorStatus, "success" | "danger" | "subtle" | "informative"> = {
  met: "success",
  notMet: "danger",
  noData: "subtle",
  noTarget: "informative",
};

function StatusBadge({ v }: { v: IndicatorValue }) {
  const { t } = usePaneText();
  const status = indicatorStatus(v);
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]} data-status={status}>
      {statusText(status, t)}
    </Badge>
  );
}

function MunicipalTable({ values }: { values: IndicatorValue[] }) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  return (
    <DataTable
      scroll
      size="small"
      className={styles.table}
      label={t.indicatorsTableLabel}
      columns={[
        t.columnIndicator,
        t.columnPeriod,
        t.columnTarget,
        t.columnFact,
        t.columnStatus,
        t.columnPrevious,
        t.columnDynamics,
      ]}
    >
      {values.map((v) => {
        const delta = formatDelta(v.delta, v.unit, t, lang);
        return (
          <TableRow key={`${v.id}|${v.period}`} data-testid="indicator-row" data-indicator={v.id}>
            <TableCell className={ui.wrap}>
              <span>{v.title}</span>
              {v.excluded_rows > 0 ? (
                <Caption1 className={styles.note}>{format(t.excludedRows, { count: v.excluded_rows })}</Caption1>
              ) : null}
            </TableCell>
            <TableCell className={ui.nowrap}>{v.period}</TableCell>
            <TableCell className={ui.nowrap}>{v.target ?? t.noValue}</TableCell>
            <TableCell className={ui.nowrap} data-testid="fact">
              {formatValue(v.value, v.unit, t, lang)}
            </TableCell>
            <TableCell>
              <StatusBadge v={v} />
            </TableCell>
            <TableCell className={ui.nowrap}>
              {v.previous === undefined || v.previous === null ? t.noValue : formatValue(v.previous, v.unit, t, lang)}
            </TableCell>
            <TableCell className={ui.nowrap}>{delta ?? t.noValue}</TableCell>
          </TableRow>
        );
      })}
    </DataTable>
  );
}

function SchoolTable({ values }: { values: IndicatorValue[] }) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  return (
    <DataTable
      scroll
      size="extra-small"
      className={ui.fullTable}
      label={t.schoolsTableLabel}
      columns={[t.columnSchool, t.columnFact, t.columnStatus, t.columnPeriod]}
    >
      {values.map((v) => (
        <TableRow key={`${v.scope}|${v.period}|${v.procedure ?? ""}`} data-testid="school-row">
          <TableCell className={ui.wrap}>
            <span>{v.scope}</span>
            {v.procedure ? <Caption1 className={styles.note}>{v.procedure}</Caption1> : null}
          </TableCell>
          <TableCell className={ui.nowrap}>{formatValue(v.value, v.unit, t, lang)}</TableCell>
          <TableCell>
            <StatusBadge v={v} />
          </TableCell>
          <TableCell className={ui.nowrap}>{v.period}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** Per-school values of one indicator at a time (a district has ~30 schools, a region up to ~2,000). */
function SchoolValues({ values }: { values: IndicatorValue[] }) {
  const { t } = usePaneText();
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
      <SchoolTable values={rows} />
    </>
  );
}

export function IndicatorsTab({ state, actions, capabilities }: TabProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const [period, setPeriod] = useState<string>(LATEST);
  const [schools, setSchools] = useState(false);
  const busy = state.activity !== null;
  const values = useMemo(() => state.run?.build.indicators ?? [], [state.run]);
  const periods = useMemo(() => indicatorPeriods(values), [values]);
  const active = period === LATEST || periods.includes(period) ? period : LATEST;
  const municipal = useMemo(() => selectIndicators(values, active, "municipality"), [values, active]);
  const perSchool = useMemo(
    () => (schools ? selectIndicators(values, active, "school") : []),
    [values, active, schools],
  );

  if (!state.run)
    return (
      <div className={ui.tab}>
        <Caption1 className={ui.muted}>{t.indicatorsNeedCheck}</Caption1>
        <CheckButton state={state} actions={actions} label={t.checkWorkbook} />
      </div>
    );

  return (
    <div className={ui.tab}>
      <div className={ui.row}>
        <Tooltip content={t.fillDashboardHint} relationship="description">
          <Button appearance="primary" disabled={busy} onClick={() => void actions.fillDashboard()}>
            {t.fillDashboard}
          </Button>
        </Tooltip>
      </div>
      {!capabilities.charts ? <Caption1 className={ui.muted}>{t.chartsAsDataBars}</Caption1> : null}
      <Field label={t.periodLabel}>
        <PaneDropdown
          value={active === LATEST ? t.periodLatest : active}
          selectedOptions={[active]}
          onOptionSelect={(_, d) => setPeriod(d.optionValue ?? LATEST)}
        >
          <Option value={LATEST}>{t.periodLatest}</Option>
          {periods.map((p) => (
            <Option key={p} value={p}>
              {p}
            </Option>
          ))}
        </PaneDropdown>
      </Field>
      {municipal.length ? <MunicipalTable values={municipal} /> : <Caption1>{t.noIndicators}</Caption1>}
      <Switch label={t.showSchools} checked={schools} onChange={(_, d) => setSchools(d.checked)} />
      {schools ? <SchoolValues values={perSchool} /> : null}
    </div>
  );
}
