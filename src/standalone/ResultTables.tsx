/** The interim view's tables: the check's issues (sheet, A1 address, message) and the municipal indicators. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { IndicatorValue } from "../core/indicators/types";
import type { Issue, Severity } from "../core/report/issue";
import { format, type Strings } from "../i18n/strings";

/** Rows rendered at most; the «Отчёт ФЛК» sheet of the download has them all. */
export const MAX_ISSUE_ROWS = 500;

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": {
      textAlign: "start",
      verticalAlign: "top",
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
    "& caption": {
      textAlign: "start",
      fontWeight: tokens.fontWeightSemibold,
      fontSize: tokens.fontSizeBase400,
      padding: `${tokens.spacingVerticalS} 0`,
    },
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: "nowrap" },
});

function severityText(t: Strings, s: Severity): string {
  return s === "error" ? t.severityError : s === "warning" ? t.severityWarning : t.severityInfo;
}

export const IssuesTable: React.FC<{ strings: Strings; issues: readonly Issue[] }> = ({ strings: t, issues }) => {
  const styles = useStyles();
  const shown = issues.slice(0, MAX_ISSUE_ROWS);
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="issues">
        <caption>{t.saIssues}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnSeverity}</th>
            <th scope="col">{t.columnSheet}</th>
            <th scope="col">{t.columnCell}</th>
            <th scope="col">{t.columnMessage}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i, n) => (
            <tr key={n} data-code={i.code}>
              <td className={`${styles[i.severity]} ${styles.nowrap}`}>{severityText(t, i.severity)}</td>
              <td>{i.sheet}</td>
              <td className={styles.nowrap}>{i.cell ?? t.noCell}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length > shown.length && (
        <p>{format(t.saIssuesTruncated, { shown: shown.length, total: issues.length })}</p>
      )}
    </div>
  );
};

function statusText(t: Strings, v: IndicatorValue): string {
  if (v.met === true) return t.statusMet;
  if (v.met === false) return t.statusNotMet;
  if (v.value === null) return t.statusNoData;
  return v.target === null ? t.statusNoTarget : t.noValue;
}

export const IndicatorsTable: React.FC<{ strings: Strings; values: readonly IndicatorValue[] }> = ({
  strings: t,
  values,
}) => {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="indicators">
        <caption>{t.indicatorsTableLabel}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnIndicator}</th>
            <th scope="col">{t.columnPeriod}</th>
            <th scope="col">{t.columnFact}</th>
            <th scope="col">{t.columnTarget}</th>
            <th scope="col">{t.columnStatus}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={`${v.id}|${v.period}|${v.procedure ?? ""}`} data-indicator={v.id} data-period={v.period}>
              <td>{v.title}</td>
              <td className={styles.nowrap}>{v.period}</td>
              <td className={styles.nowrap}>{v.display}</td>
              <td className={styles.nowrap}>{v.target ?? t.noValue}</td>
              <td>{statusText(t, v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
