/**
 * The slot for the selected file. Interim view until the task pane's `SverkaPane` renders here with
 * the same props (`host`, `strings`): «Проверить книгу» reads the workbook through the host, checks
 * it, builds the dashboard and writes it into the in-memory copy, then lists the issues (sheet, A1
 * address, message) and the municipal indicators; «Скачать» hands the copy to the browser.
 */
import * as React from "react";
import { Body1, Button, Caption1, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { buildDashboardLayouts } from "../core/dashboard/build";
import type { IndicatorValue } from "../core/indicators/types";
import { isValidIsoDate, todayIso } from "../core/model/dates";
import { BUILTIN_TEMPLATES } from "../core/templates";
import { validateWorkbook, type FileReport } from "../core/validate";
import type { HostNotice, WorkbookHost } from "../hosts/host";
import { format, type Strings } from "../i18n/strings";
import { describeError, type ErrorInfo } from "../taskpane/errors";
import { XLSX_MIME, saveFile } from "../taskpane/files";
import { messageText, noticeMessage } from "../taskpane/messages";
import { IndicatorsTable, IssuesTable } from "./ResultTables";

export interface FileWorkspaceProps {
  host: WorkbookHost;
  strings: Strings;
}

interface CheckResult {
  report: FileReport;
  indicators: IndicatorValue[];
  notices: HostNotice[];
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  field: { display: "flex", flexDirection: "column", gap: "2px" },
  date: {
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  notices: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

function summaryText(t: Strings, r: FileReport): string {
  const s = r.summary;
  const counts = [
    format(t.summaryErrorsCount, { count: s.errors }),
    format(t.summaryWarningsCount, { count: s.warnings }),
    format(t.summaryInfosCount, { count: s.infos }),
  ].join(", ");
  return `${s.errors === 0 ? t.summaryNoErrors : t.summaryHasErrors}: ${counts}`;
}

export const FileWorkspace: React.FC<FileWorkspaceProps> = ({ host, strings: t }) => {
  const styles = useStyles();
  const [asOf, setAsOf] = React.useState(todayIso());
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [error, setError] = React.useState<ErrorInfo | null>(null);
  const [status, setStatus] = React.useState("");
  const [name, setName] = React.useState("");
  const [canDownload, setCanDownload] = React.useState(false);
  /** Finished checks (successful or not): tests wait for it to move on. */
  const [runs, setRuns] = React.useState(0);

  React.useEffect(() => {
    void host.workbookName().then(setName);
  }, [host]);

  const check = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    setStatus(t.checking);
    try {
      const wb = await host.read();
      const checked = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf });
      const build = buildDashboardLayouts(wb, checked, { asOf, refreshedAt: todayIso() });
      const outcome = await host.writeDashboard(build);
      setResult({
        report: checked.report,
        indicators: build.indicators.filter((v) => v.scope === "municipality"),
        notices: outcome.notices,
      });
      setCanDownload(Boolean(host.download));
      setStatus(format(t.checkedFile, { file: wb.name }));
    } catch (e) {
      setError(describeError(e));
      setStatus("");
    } finally {
      setBusy(false);
      setRuns((n) => n + 1);
    }
  };

  const download = async () => {
    if (!host.download) return;
    try {
      const { fileName, data } = await host.download();
      saveFile(fileName, data, XLSX_MIME);
      setStatus(format(t.saDownloaded, { file: fileName }));
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <section className={styles.root} aria-labelledby="workspace-title" data-testid="workspace" data-runs={runs}>
      <Subtitle1 as="h2" id="workspace-title">
        {name}
      </Subtitle1>
      <div className={styles.actions}>
        <label className={styles.field}>
          <Caption1>{t.saAsOf}</Caption1>
          <input
            type="date"
            className={styles.date}
            value={asOf}
            aria-invalid={!isValidIsoDate(asOf)}
            onChange={(e) => setAsOf(e.currentTarget.value)}
          />
        </label>
        <Button appearance="primary" disabled={busy || !isValidIsoDate(asOf)} onClick={() => void check()}>
          {t.checkWorkbook}
        </Button>
        <Button disabled={busy || !canDownload} onClick={() => void download()} title={t.downloadHint}>
          {t.download}
        </Button>
        {busy && <Spinner size="tiny" label={t.checking} />}
      </div>
      <Caption1 role="status" className={styles.muted} data-testid="workspace-status">
        {status}
      </Caption1>
      {error && (
        <div role="alert" className={styles.error} data-testid="workspace-error">
          <Body1 as="p" block>
            <strong>{t.errorTitle}</strong> ({format(t.errorCode, { code: error.code })})
          </Body1>
          <Body1 as="p" block>
            {error.message}
          </Body1>
        </div>
      )}
      {result && (
        <>
          <Body1 as="p" block>
            {format(t.templateIdent, { id: result.report.template })}
          </Body1>
          <Body1 as="p" block data-testid="summary">
            <strong>{summaryText(t, result.report)}</strong>
          </Body1>
          {result.notices.length > 0 && (
            <section aria-label={t.saNotices}>
              <ul className={styles.notices} data-testid="notices">
                {result.notices.map((n, i) => (
                  <li key={i} data-code={n.code}>
                    {messageText(noticeMessage(n), t)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <IssuesTable strings={t} issues={result.report.issues} />
          <IndicatorsTable strings={t} values={result.indicators} />
        </>
      )}
    </section>
  );
};
