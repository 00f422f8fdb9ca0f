/**
 * «Свод файлов»: pick the schools' .xlsx files, choose whether the valid rows of files with errors
 * are merged, press «Свести» (what it writes is said before it runs), follow the progress per file,
 * then read the per-file results (status, rows per sheet, the findings, schools sent twice), what
 * was written where, and take it back with «Отменить свод» where the host can.
 */
import { useId, useRef, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FileConsolidationReport, FileStatus } from "../../core/consolidate/types";
import type { HostCapabilities } from "../../hosts/host";
import { format, type StringKey, type Strings } from "../../i18n/strings";
import type { ConsolidationRun, ConsolidationStep } from "../consolidateFlow";
import type { PaneActions, PaneState } from "../usePane";
import { severityName } from "./CheckTab";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  line: { display: "block", color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  heading: { margin: 0 },
  hiddenInput: { display: "none" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  scroll: { overflowX: "auto" },
  table: { tableLayout: "auto", minWidth: "520px" },
  cell: { verticalAlign: "top", wordBreak: "break-word" },
  nowrap: { whiteSpace: "nowrap" },
});

const STATUS_KEYS: Record<FileStatus, StringKey> = {
  merged: "consolidateStatusMerged",
  merged_partly: "consolidateStatusPartly",
  rejected: "consolidateStatusRejected",
  unreadable: "consolidateStatusUnreadable",
};

const STATUS_COLOR = {
  merged: "success",
  merged_partly: "warning",
  rejected: "danger",
  unreadable: "danger",
} as const;

function stepText(step: ConsolidationStep, t: Strings): string {
  if (step.phase === "master")
    return step.progress
      ? format(t.readingSheet, { sheet: step.progress.sheet, done: step.progress.done, total: step.progress.total })
      : t.consolidateReadingMaster;
  if (step.phase === "file")
    return format(t.consolidateReadingFile, { file: step.file, done: step.done + 1, total: step.total });
  return t.consolidateWriting;
}

/** Where a running consolidation is: reading the master, checking file k of n, writing. */
export function ConsolidationProgress({ step }: { step: ConsolidationStep }) {
  const { t } = usePaneText();
  const styles = useStyles();
  const text = stepText(step, t);
  const value = step.phase === "file" ? step.done / Math.max(1, step.total) : undefined;
  return (
    <div className={styles.section} data-testid="consolidate-progress">
      <Text size={200}>{text}</Text>
      <ProgressBar
        aria-label={t.consolidateProgressLabel}
        aria-valuetext={text}
        thickness="large"
        {...(value !== undefined ? { value } : {})}
      />
    </div>
  );
}

function FileIssues({ file }: { file: FileConsolidationReport }) {
  const { t } = usePaneText();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = file.issues.length;
  if (!count) return <>{t.consolidateNone}</>;
  return (
    <div className={styles.section}>
      <Button size="small" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {format(open ? t.consolidateHideIssues : t.consolidateShowIssues, { count })}
      </Button>
      {open ? (
        <ul id={listId} className={styles.list} data-testid="consolidate-issues">
          {file.issues.map((i, n) => (
            <li key={n} data-code={i.code} data-severity={i.severity}>
              <Badge
                size="small"
                appearance="tint"
                color={i.severity === "error" ? "danger" : i.severity === "warning" ? "warning" : "informative"}
              >
                {severityName(i.severity, t)}
              </Badge>{" "}
              {i.cell
                ? format(t.consolidateIssueAt, { sheet: i.sheet, cell: i.cell, message: i.message })
                : format(t.consolidateIssueSheet, { sheet: i.sheet, message: i.message })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FileRow({ file, run }: { file: FileConsolidationReport; run: ConsolidationRun }) {
  const { t } = usePaneText();
  const styles = useStyles();
  const sheets = file.sheets.filter((s) => s.rows > 0);
  const duplicates = run.report.duplicates.filter((d) => d.files.includes(file.file));
  return (
    <TableRow data-testid="consolidate-row" data-file={file.file} data-status={file.status}>
      <TableCell className={styles.cell}>{file.file}</TableCell>
      <TableCell className={styles.cell}>
        <div className={styles.section}>
          <Badge appearance="filled" color={STATUS_COLOR[file.status]} className={styles.nowrap}>
            {t[STATUS_KEYS[file.status]]}
          </Badge>
          {file.message ? <Caption1 className={styles.line}>{file.message}</Caption1> : null}
          {file.notes.map((n, k) => (
            <Caption1 key={k} className={styles.line}>
              {n}
            </Caption1>
          ))}
        </div>
      </TableCell>
      <TableCell className={styles.cell}>
        {sheets.length || file.skipped_rows || file.replaced_rows ? (
          <ul className={styles.list}>
            {sheets.map((s) => (
              <li key={s.sheet}>{format(t.consolidateSheetRows, { sheet: s.sheet, rows: s.rows })}</li>
            ))}
            {file.skipped_rows ? <li>{format(t.consolidateSkippedRows, { count: file.skipped_rows })}</li> : null}
            {file.replaced_rows ? <li>{format(t.consolidateReplacedRows, { count: file.replaced_rows })}</li> : null}
          </ul>
        ) : (
          t.consolidateNone
        )}
      </TableCell>
      <TableCell className={styles.cell}>
        <FileIssues file={file} />
      </TableCell>
      <TableCell className={styles.cell} data-testid="consolidate-duplicates">
        {duplicates.length ? (
          <ul className={styles.list}>
            {duplicates.map((d) => (
              <li key={d.school}>
                {format(t.consolidateDuplicateAlso, {
                  school: d.school,
                  files: [...d.files.filter((f) => f !== file.file), ...d.earlier].join(", "),
                })}
              </li>
            ))}
          </ul>
        ) : (
          t.consolidateNone
        )}
      </TableCell>
    </TableRow>
  );
}

function Results({ run }: { run: ConsolidationRun }) {
  const { t } = usePaneText();
  const styles = useStyles();
  const resultsId = useId();
  const writtenId = useId();
  const s = run.report.summary;
  const written = run.outcome?.sheets ?? [];
  return (
    <>
      <section className={styles.section} aria-labelledby={resultsId} data-testid="consolidate-results">
        <Subtitle2 as="h3" id={resultsId} className={styles.heading}>
          {t.consolidateResultsLabel}
        </Subtitle2>
        <Text data-testid="consolidate-summary">
          {format(t.consolidateSummary, {
            files: s.files,
            merged: s.merged,
            partly: s.merged_partly,
            rejected: s.rejected,
            unreadable: s.unreadable,
            rows: s.rows,
            replaced: s.replaced_rows,
          })}
        </Text>
        <div className={styles.scroll}>
          <Table size="small" className={styles.table} aria-label={t.consolidateResultsLabel}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.consolidateColFile}</TableHeaderCell>
                <TableHeaderCell>{t.consolidateColStatus}</TableHeaderCell>
                <TableHeaderCell>{t.consolidateColRows}</TableHeaderCell>
                <TableHeaderCell>{t.consolidateColIssues}</TableHeaderCell>
                <TableHeaderCell>{t.consolidateColDuplicates}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.report.files.map((f, k) => (
                <FileRow key={`${k}-${f.file}`} file={f} run={run} />
              ))}
            </TableBody>
          </Table>
        </div>
        {run.report.duplicates.length ? (
          <MessageBar intent="warning" layout="multiline" data-testid="consolidate-duplicate-list">
            <MessageBarBody>
              <Text weight="semibold">{t.consolidateDuplicatesTitle}</Text>
              <ul className={styles.list}>
                {run.report.duplicates.map((d) => (
                  <li key={d.school}>
                    {d.earlier.length
                      ? format(t.consolidateDuplicateEarlier, {
                          school: d.school,
                          files: d.files.join(", "),
                          earlier: d.earlier.join(", "),
                        })
                      : format(t.consolidateDuplicate, { school: d.school, files: d.files.join(", ") })}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {run.report.notes.length ? (
          <div className={styles.section}>
            <Text weight="semibold">{t.consolidateNotesTitle}</Text>
            <ul className={styles.list}>
              {run.report.notes.map((n, k) => (
                <li key={k}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <section className={styles.section} aria-labelledby={writtenId} data-testid="consolidate-written">
        <Subtitle2 as="h3" id={writtenId} className={styles.heading}>
          {t.consolidateWrittenTitle}
        </Subtitle2>
        {run.outcome ? (
          <ul className={styles.list}>
            {written.flatMap((w) => [
              ...(w.created
                ? [<li key={`${w.sheet}-c`}>{format(t.consolidateWrittenCreated, { sheet: w.sheet })}</li>]
                : []),
              ...(w.deleted
                ? [
                    <li key={`${w.sheet}-d`}>
                      {format(t.consolidateWrittenReplaced, { sheet: w.sheet, count: w.deleted })}
                    </li>,
                  ]
                : []),
              ...(w.appended
                ? [
                    <li key={`${w.sheet}-a`}>
                      {format(t.consolidateWrittenRows, {
                        sheet: w.sheet,
                        count: w.appended,
                        first: w.firstRow,
                        last: w.lastRow,
                        column: w.sourceColumn,
                      })}
                    </li>,
                  ]
                : []),
            ])}
          </ul>
        ) : (
          <Text>{t.consolidateNothingWritten}</Text>
        )}
      </section>
    </>
  );
}

export interface ConsolidateTabProps {
  state: PaneState;
  actions: PaneActions;
  capabilities: HostCapabilities;
  /** The host can undo a consolidation at all (`WorkbookHost.undoConsolidation`). */
  undoSupported: boolean;
}

export function ConsolidateTab({ state, actions, capabilities, undoSupported }: ConsolidateTabProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [mergeValid, setMergeValid] = useState(false);
  const busy = state.activity !== null;
  const pickedId = useId();
  return (
    <div className={styles.tab}>
      <Text>{t.consolidateIntro}</Text>
      <section className={styles.section} aria-labelledby={pickedId}>
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => input.current?.click()}>
            {t.consolidatePick}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t.consolidateFilesLabel}
            className={styles.hiddenInput}
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])];
              e.target.value = "";
              if (picked.length) setFiles(picked);
            }}
          />
        </div>
        <Text id={pickedId} weight="semibold">
          {files.length ? format(t.consolidatePicked, { count: files.length }) : t.consolidateNoFiles}
        </Text>
        {files.length ? (
          <ul className={styles.list} data-testid="consolidate-picked">
            {files.map((f, k) => (
              <li key={`${k}-${f.name}`}>
                {format(t.consolidatePickedFile, { file: f.name, size: Math.max(1, Math.round(f.size / 1024)) })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <Tooltip content={t.consolidateMergeValidHint} relationship="description">
        <Checkbox
          label={t.consolidateMergeValid}
          checked={mergeValid}
          disabled={busy}
          onChange={(_, d) => setMergeValid(d.checked === true)}
        />
      </Tooltip>
      <Caption1 className={styles.line} data-testid="consolidate-confirm">
        {capabilities.download ? t.consolidateConfirmCopy : t.consolidateConfirmExcel}
      </Caption1>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || !state.ready || files.length === 0}
          onClick={() => void actions.consolidate(files, mergeValid)}
        >
          {t.consolidateRun}
        </Button>
        {undoSupported ? (
          <Tooltip content={t.consolidateUndoHint} relationship="description">
            <Button disabled={busy || !state.canUndoConsolidation} onClick={() => void actions.undoConsolidation()}>
              {t.consolidateUndo}
            </Button>
          </Tooltip>
        ) : null}
      </div>
      {state.consolidationStep ? <ConsolidationProgress step={state.consolidationStep} /> : null}
      {state.consolidation ? <Results run={state.consolidation} /> : null}
    </div>
  );
}
