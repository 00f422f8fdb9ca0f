/**
 * «Проверка (ФЛК)»: the verdict first (counts by severity, targets met), then marks, the filters
 * and the issues grouped by rule — each group with its count, collapsible, errors first; each
 * issue a card that goes to its cell on click, Enter or Space.
 */
import { useMemo, useState, type KeyboardEvent } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  ToggleButton,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Issue, Severity } from "../../core/report/issue";
import { format } from "../../i18n/strings";
import { issueMessage } from "../../i18n/issueMessages";
import { LATEST, selectIndicators, targetsMet } from "../indicatorView";
import { SEVERITIES, countBySeverity, filterIssues, groupByRule, issueSheets, type RuleGroup } from "../issueView";
import type { CheckRun } from "../state/pipeline";
import type { MarksSlice } from "../state/useMarks";
import { PaneDropdown } from "./controls";
import { SEVERITY_COLOR, SEVERITY_KEYS, SeverityBadge } from "./severity";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  line: { display: "block", overflowWrap: "break-word" },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  headerText: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, textAlign: "start" },
  headerTop: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  rule: {
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "break-word",
  },
  code: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  cards: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "break-word",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  where: { fontWeight: tokens.fontWeightSemibold },
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

/** The verdict's colour: red with errors, amber with warnings only, green with neither. */
export function verdictIntent(counts: Record<Severity, number>): "error" | "warning" | "success" {
  return counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "success";
}

/** The verdict with the counts by severity, the file checked and how many targets are met. */
export function SummaryCard({ run }: { run: CheckRun }) {
  const { t } = usePaneText();
  const styles = useStyles();
  const counts = countBySeverity(run.check.report.issues);
  const intent = verdictIntent(counts);
  const title =
    intent === "error"
      ? t.summaryHasErrors
      : intent === "warning"
        ? format(t.summaryNoErrorsWarnings, { count: counts.warning })
        : t.summaryNoErrors;
  const targets = useMemo(
    () => targetsMet(selectIndicators(run.build.indicators, LATEST, "municipality")),
    [run.build.indicators],
  );
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="summary" data-intent={intent}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <CountBadges counts={counts} />
        {targets.total > 0 ? (
          <span className={styles.line} data-testid="summary-targets">
            {format(t.summaryTargets, { met: targets.met, total: targets.total })}
          </span>
        ) : null}
        <span className={styles.line}>{format(t.checkedFile, { file: run.workbook.name })}</span>
      </MessageBarBody>
    </MessageBar>
  );
}

interface IssueCardProps {
  issue: Issue;
  navigable: boolean;
  onGoTo: (issue: Issue) => Promise<void>;
}

function IssueCard({ issue, navigable, onGoTo, withMessage }: IssueCardProps & { withMessage: boolean }) {
  const { t, lang } = usePaneText();
  const styles = useStyles();
  const active = navigable && issue.cell !== null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      void onGoTo(issue);
    }
  };
  const where = issue.cell
    ? format(t.issueLocation, { sheet: issue.sheet || t.workbookHeading, cell: issue.cell })
    : format(t.issueSheetOnly, { sheet: issue.sheet || t.workbookHeading });
  return (
    <li>
      <div
        data-testid="issue-row"
        data-severity={issue.severity}
        data-sheet={issue.sheet}
        data-cell={issue.cell ?? ""}
        data-code={issue.code}
        className={mergeClasses(styles.card, active && styles.clickable)}
        {...(active ? { role: "button", tabIndex: 0, onClick: () => void onGoTo(issue), onKeyDown } : {})}
      >
        <Caption1 className={styles.where}>{where}</Caption1>
        {withMessage ? (
          <Text size={300} data-testid="issue-message">
            {issueMessage(issue, lang)}
          </Text>
        ) : null}
      </div>
    </li>
  );
}

function RuleGroupItem({ group, navigable, onGoTo }: { group: RuleGroup } & Omit<IssueCardProps, "issue">) {
  const { lang } = usePaneText();
  const styles = useStyles();
  const first = group.issues[0];
  // A rule met once: its message is the group's heading, the card says where.
  const single = group.issues.length === 1;
  return (
    <AccordionItem
      value={`${group.severity}:${group.code}`}
      className={styles.group}
      data-testid="issue-group"
      data-code={group.code}
      data-count={group.issues.length}
    >
      <AccordionHeader size="small" expandIconPosition="end">
        <span className={styles.headerText}>
          <span className={styles.headerTop}>
            <SeverityBadge appearance="filled" size="small" severity={group.severity} />
            <Badge appearance="outline" size="small" color="informative" data-testid="group-count">
              {group.issues.length}
            </Badge>
          </span>
          <Text
            size={300}
            weight="semibold"
            className={single ? styles.line : styles.rule}
            {...(single ? { "data-testid": "issue-message" } : {})}
          >
            {issueMessage(first, lang)}
          </Text>
          <Caption1 className={styles.code}>{group.code}</Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.cards}>
          {group.issues.map((issue, n) => (
            <IssueCard key={n} issue={issue} navigable={navigable} onGoTo={onGoTo} withMessage={!single} />
          ))}
        </ul>
      </AccordionPanel>
    </AccordionItem>
  );
}

/** Groups of up to this many issues (and every group of errors) start open. */
const OPEN_UP_TO = 5;

function MarksBar({ marks, busy, shown }: { marks: MarksSlice; busy: boolean; shown: readonly Issue[] }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  return (
    <div className={ui.row}>
      <Tooltip content={t.markCellsHint} relationship="description">
        <Button
          size="small"
          disabled={busy || !shown.some((i) => i.cell !== null)}
          onClick={() => void marks.mark(shown)}
        >
          {t.markCells}
        </Button>
      </Tooltip>
      <Tooltip content={t.clearMarksHint} relationship="description">
        <Button size="small" disabled={busy || marks.marked === 0} onClick={() => void marks.clearMarks()}>
          {t.clearMarks}
        </Button>
      </Tooltip>
      {marks.marked > 0 ? (
        <Caption1 className={ui.muted}>{format(t.markedCount, { count: marks.marked })}</Caption1>
      ) : null}
    </div>
  );
}

const ALL_SHEETS = "\u0000all";

export interface CheckTabProps {
  run: CheckRun | null;
  busy: boolean;
  /** The host goes to a cell (issue cards are then buttons). */
  navigable: boolean;
  marks: MarksSlice;
  onGoTo: (issue: Issue) => Promise<void>;
}

export function CheckTab({ run, busy, navigable, marks, onGoTo }: CheckTabProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [sheet, setSheet] = useState<string | null>(null);
  const [text, setText] = useState("");
  const issues = useMemo(() => run?.check.report.issues ?? [], [run]);
  const sheets = useMemo(() => issueSheets(issues), [issues]);
  const activeSheet = sheet !== null && sheets.includes(sheet) ? sheet : null;
  const shown = useMemo(
    () => filterIssues(issues, { severities, sheet: activeSheet, text }),
    [issues, severities, activeSheet, text],
  );
  const groups = useMemo(() => groupByRule(shown), [shown]);
  const totals = countBySeverity(issues);
  const opened = useMemo(
    () => groupByRule(issues).filter((g) => g.severity === "error" || g.issues.length <= OPEN_UP_TO),
    [issues],
  );

  const toggle = (s: Severity) =>
    setSeverities((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  if (!run)
    return (
      <div className={ui.tab}>
        <Caption1 className={ui.muted}>{t.checkHint}</Caption1>
        {marks.supported && marks.marked > 0 ? <MarksBar marks={marks} busy={busy} shown={[]} /> : null}
      </div>
    );

  return (
    <div className={ui.tab}>
      <SummaryCard run={run} />
      {marks.supported ? <MarksBar marks={marks} busy={busy} shown={shown} /> : null}
      {issues.length > 0 ? (
        <div className={ui.stack}>
          <div className={ui.row} role="group" aria-label={t.filterSeverityLabel}>
            {SEVERITIES.filter((s) => totals[s] > 0).map((s) => (
              <ToggleButton key={s} size="small" checked={severities.has(s)} onClick={() => toggle(s)}>
                {format(t[SEVERITY_KEYS[s].filter], { count: totals[s] })}
              </ToggleButton>
            ))}
          </div>
          {sheets.length > 1 ? (
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
          ) : null}
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
      {navigable && shown.some((i) => i.cell !== null) ? <Caption1 className={ui.muted}>{t.goToHelp}</Caption1> : null}
      {groups.length ? (
        <Accordion
          multiple
          collapsible
          defaultOpenItems={opened.map((g) => `${g.severity}:${g.code}`)}
          className={styles.groups}
        >
          {groups.map((g) => (
            <RuleGroupItem key={`${g.severity}:${g.code}`} group={g} navigable={navigable} onGoTo={onGoTo} />
          ))}
        </Accordion>
      ) : null}
    </div>
  );
}
