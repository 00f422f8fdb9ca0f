/** «Проверка (ФЛК)»: run the check, the summary, filters, issues grouped by sheet, marks and the report sheet. */
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  TableCell,
  TableRow,
  ToggleButton,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Issue, Severity } from "../../core/report/issue";
import { format } from "../../i18n/strings";
import { SEVERITIES, countBySeverity, filterIssues, groupIssues, issueSheets, type SheetGroup } from "../issueView";
import type { PaneActions } from "../usePane";
import { CheckButton, DataTable, PaneDropdown, type TabProps } from "./controls";
import { SEVERITY_COLOR, SEVERITY_KEYS, SeverityBadge } from "./severity";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  narrow: { width: "1%", whiteSpace: "nowrap" },
  clickable: {
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
});

function CountBadges({ counts }: { counts: Record<Severity, number> }) {
  const { t } = usePaneText();
  const styles = useStyles();
  return (
    <div className={styles.badges}>
      {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
        <Badge key={s} appearance="tint" color={SEVERITY_COLOR[s]}>
          {format(t[SEVERITY_KEYS[s].count], { count: counts[s] })}
        </Badge>
      ))}
    </div>
  );
}

interface IssueRowProps {
  issue: Issue;
  navigable: boolean;
  onGoTo: PaneActions["goTo"];
}

function IssueRow({ issue, navigable, onGoTo }: IssueRowProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const active = navigable && issue.cell !== null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      void onGoTo(issue);
    }
  };
  return (
    <TableRow
      data-testid="issue-row"
      {...(active ? { tabIndex: 0, onClick: () => void onGoTo(issue), onKeyDown, className: styles.clickable } : {})}
    >
      <TableCell className={styles.narrow}>
        <SeverityBadge appearance="filled" severity={issue.severity} />
      </TableCell>
      <TableCell className={styles.narrow}>{issue.sheet}</TableCell>
      <TableCell className={styles.narrow}>{issue.cell ?? t.noCell}</TableCell>
      <TableCell className={ui.wrap}>{issue.message}</TableCell>
    </TableRow>
  );
}

interface IssueGroupProps {
  group: SheetGroup;
  navigable: boolean;
  onGoTo: PaneActions["goTo"];
}

function IssueGroup({ group, navigable, onGoTo }: IssueGroupProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const headingId = useId();
  const title = group.sheet ? format(t.sheetHeading, { sheet: group.sheet }) : t.workbookHeading;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid="issue-group">
      <Subtitle2 as="h2" id={headingId} className={ui.heading}>
        {title}
      </Subtitle2>
      <CountBadges counts={group.counts} />
      <DataTable
        size="extra-small"
        className={ui.fullTable}
        label={format(t.issuesTableLabel, { sheet: group.sheet })}
        columns={[
          { label: t.columnSeverity, className: styles.narrow },
          { label: t.columnSheet, className: styles.narrow },
          { label: t.columnCell, className: styles.narrow },
          t.columnMessage,
        ]}
      >
        {group.issues.map((issue, n) => (
          <IssueRow key={n} issue={issue} navigable={navigable} onGoTo={onGoTo} />
        ))}
      </DataTable>
    </section>
  );
}

function ActionsBar({ state, actions, shown, capabilities }: TabProps & { shown: Issue[] }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const busy = state.activity !== null;
  return (
    <div className={ui.row}>
      <Tooltip content={t.writeReportHint} relationship="description">
        <Button disabled={busy || !state.run} onClick={() => void actions.writeReport()}>
          {t.writeReport}
        </Button>
      </Tooltip>
      {capabilities.marks ? (
        <>
          <Tooltip content={t.markCellsHint} relationship="description">
            <Button
              disabled={busy || !state.run || !shown.some((i) => i.cell !== null)}
              onClick={() => void actions.mark(shown)}
            >
              {t.markCells}
            </Button>
          </Tooltip>
          <Tooltip content={t.clearMarksHint} relationship="description">
            <Button disabled={busy || state.marked === 0} onClick={() => void actions.clearMarks()}>
              {t.clearMarks}
            </Button>
          </Tooltip>
          {state.marked > 0 ? (
            <Caption1 className={ui.muted}>{format(t.markedCount, { count: state.marked })}</Caption1>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

const ALL_SHEETS = "\u0000all";

export function CheckTab({ state, actions, capabilities }: TabProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [sheet, setSheet] = useState<string | null>(null);
  const [text, setText] = useState("");
  const run = state.run;
  const issues = useMemo(() => run?.check.report.issues ?? [], [run]);
  const sheets = useMemo(() => issueSheets(issues), [issues]);
  const activeSheet = sheet !== null && sheets.includes(sheet) ? sheet : null;
  const shown = useMemo(
    () => filterIssues(issues, { severities, sheet: activeSheet, text }),
    [issues, severities, activeSheet, text],
  );
  const groups = useMemo(() => groupIssues(shown), [shown]);
  const totals = countBySeverity(issues);
  const summary = run?.check.report.summary;

  const toggle = (s: Severity) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  return (
    <div className={ui.tab}>
      <CheckButton state={state} actions={actions} label={run ? t.checkAgain : t.checkWorkbook} />
      <ActionsBar state={state} actions={actions} shown={shown} capabilities={capabilities} />
      {!run || !summary ? (
        <Caption1 className={ui.muted}>{t.checkHint}</Caption1>
      ) : (
        <>
          <MessageBar intent={summary.errors === 0 ? "success" : "error"} layout="multiline" data-testid="summary">
            <MessageBarBody>
              <MessageBarTitle>{summary.errors === 0 ? t.summaryNoErrors : t.summaryHasErrors}</MessageBarTitle>
              <span>{format(t.checkedFile, { file: run.workbook.name })}</span>
              <CountBadges counts={totals} />
            </MessageBarBody>
          </MessageBar>
          {issues.length > 0 ? (
            <div className={ui.stack}>
              <div className={ui.row} role="group" aria-label={t.filterSeverityLabel}>
                {SEVERITIES.map((s) => (
                  <ToggleButton key={s} size="small" checked={severities.has(s)} onClick={() => toggle(s)}>
                    {format(t[SEVERITY_KEYS[s].filter], { count: totals[s] })}
                  </ToggleButton>
                ))}
              </div>
              <Field label={t.filterSheetLabel}>
                <PaneDropdown
                  value={activeSheet === null ? t.filterAllSheets : activeSheet || t.workbookHeading}
                  selectedOptions={[activeSheet ?? ALL_SHEETS]}
                  onOptionSelect={(_, d) => setSheet(d.optionValue === ALL_SHEETS ? null : (d.optionValue ?? null))}
                >
                  <Option value={ALL_SHEETS}>{t.filterAllSheets}</Option>
                  {sheets.map((s) => (
                    <Option key={s} value={s} text={s || t.workbookHeading}>
                      {s || t.workbookHeading}
                    </Option>
                  ))}
                </PaneDropdown>
              </Field>
              <Field label={t.filterSearchLabel}>
                <Input
                  type="search"
                  value={text}
                  placeholder={t.filterSearchPlaceholder}
                  onChange={(_, d) => setText(d.value)}
                />
              </Field>
              <Caption1 className={ui.muted} data-testid="shown-count">
                {format(t.filterShown, { shown: shown.length, total: issues.length })}
              </Caption1>
            </div>
          ) : null}
          {issues.length > 0 && shown.length === 0 ? <Caption1>{t.filterNothing}</Caption1> : null}
          {capabilities.navigate && shown.some((i) => i.cell !== null) ? (
            <Caption1 className={ui.muted}>{t.goToHelp}</Caption1>
          ) : null}
          {groups.map((g) => (
            <IssueGroup key={g.sheet} group={g} navigable={capabilities.navigate} onGoTo={actions.goTo} />
          ))}
        </>
      )}
    </div>
  );
}
