/**
 * «Свод файлов»: pick the schools' .xlsx files, choose whether the valid rows of files with errors
 * are merged, press «Свести» (what it writes is said before it runs), follow the progress per file,
 * then read the per-file results (status, rows per sheet, the findings, schools sent twice), what
 * was written where, and take it back with «Отменить свод» where the host can.
 */
import { useId, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FileStatus, RenderedFileConsolidation } from "../../core/consolidate/types";
import { format, type StringKey, type Strings } from "../../i18n/strings";
import { issueMessage } from "../../i18n/issueMessages";
import type { ConsolidationRun, ConsolidationStep } from "../state/pipeline";
import type { ConsolidationSlice } from "../state/useConsolidation";
import { FilePickButton } from "./controls";
import { SeverityBadge } from "./severity";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  file: { gap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground3 },
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
  const ui = usePaneStyles();
  const text = stepText(step, t);
  const value = step.phase === "file" ? step.done / Math.max(1, step.total) : undefined;
  return (
    <div className={ui.stack} data-testid="consolidate-progress">
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

function FileIssues({ file }: { file: RenderedFileConsolidation }) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = file.issues.length;
  if (!count) return <>{t.consolidateNone}</>;
  return (
    <div className={ui.stack}>
      <Button size="small" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {format(open ? t.consolidateHideIssues : t.consolidateShowIssues, { count })}
      </Button>
      {open ? (
        <ul id={listId} className={ui.list} data-testid="consolidate-issues">
          {file.issues.map((i, n) => (
            <li key={n} data-code={i.code} data-severity={i.severity}>
              <SeverityBadge size="small" appearance="tint" severity={i.severity} />{" "}
              {i.cell
                ? format(t.consolidateIssueAt, { sheet: i.sheet, cell: i.cell, message: issueMessage(i, lang) })
                : format(t.consolidateIssueSheet, { sheet: i.sheet, message: issueMessage(i, lang) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FileCard({ file, run }: { file: RenderedFileConsolidation; run: ConsolidationRun }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const sheets = file.sheets.filter((s) => s.rows > 0);
  const duplicates = run.report.duplicates.filter((d) => d.files.includes(file.file));
  return (
    <li
      className={`${ui.card} ${styles.file}`}
      data-testid="consolidate-row"
      data-file={file.file}
      data-status={file.status}
    >
      <div className={styles.head}>
        <Text weight="semibold">{file.file}</Text>
        <Badge appearance="filled" color={STATUS_COLOR[file.status]} className={ui.nowrap}>
          {t[STATUS_KEYS[file.status]]}
        </Badge>
      </div>
      {file.message ? <Caption1 className={ui.line}>{file.message}</Caption1> : null}
      {file.notes.map((n, k) => (
        <Caption1 key={k} className={ui.line}>
          {n}
        </Caption1>
      ))}
      {sheets.length || file.skipped_rows || file.replaced_rows ? (
        <div>
          <Caption1 className={styles.label}>{t.consolidateColRows}</Caption1>
          <ul className={ui.list}>
            {sheets.map((s) => (
              <li key={s.sheet}>{format(t.consolidateSheetRows, { sheet: s.sheet, rows: s.rows })}</li>
            ))}
            {file.skipped_rows ? <li>{format(t.consolidateSkippedRows, { count: file.skipped_rows })}</li> : null}
            {file.replaced_rows ? <li>{format(t.consolidateReplacedRows, { count: file.replaced_rows })}</li> : null}
          </ul>
        </div>
      ) : null}
      {file.issues.length ? <FileIssues file={file} /> : null}
      {duplicates.length ? (
        <div>
          <Caption1 className={styles.label}>{t.consolidateColDuplicates}</Caption1>
          <ul className={ui.list} data-testid="consolidate-duplicates">
            {duplicates.map((d) => (
              <li key={d.school}>
                {format(t.consolidateDuplicateAlso, {
                  school: d.school,
                  files: [...d.files.filter((f) => f !== file.file), ...d.earlier].join(", "),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

function Results({ run }: { run: ConsolidationRun }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const resultsId = useId();
  const writtenId = useId();
  const s = run.report.summary;
  const written = run.outcome?.sheets ?? [];
  return (
    <>
      <section className={ui.stack} aria-labelledby={resultsId} data-testid="consolidate-results">
        <Subtitle2 as="h2" id={resultsId} className={ui.heading}>
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
        <ul className={ui.cards} aria-label={t.consolidateResultsLabel}>
          {run.report.files.map((f, k) => (
            <FileCard key={`${k}-${f.file}`} file={f} run={run} />
          ))}
        </ul>
        {run.report.duplicates.length ? (
          <MessageBar intent="warning" layout="multiline" data-testid="consolidate-duplicate-list">
            <MessageBarBody>
              <Text weight="semibold">{t.consolidateDuplicatesTitle}</Text>
              <ul className={ui.list}>
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
          <div className={ui.stack}>
            <Text weight="semibold">{t.consolidateNotesTitle}</Text>
            <ul className={ui.list}>
              {run.report.notes.map((n, k) => (
                <li key={k}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <section className={ui.stack} aria-labelledby={writtenId} data-testid="consolidate-written">
        <Subtitle2 as="h2" id={writtenId} className={ui.heading}>
          {t.consolidateWrittenTitle}
        </Subtitle2>
        {run.outcome ? (
          <ul className={ui.list}>
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
  ready: boolean;
  busy: boolean;
  /** The host writes into a copy of the workbook (the standalone page), not the open one. */
  toCopy: boolean;
  consolidation: ConsolidationSlice;
}

export function ConsolidateTab({ ready, busy, toCopy, consolidation }: ConsolidateTabProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [mergeValid, setMergeValid] = useState(false);
  const pickedId = useId();
  return (
    <div className={ui.tab}>
      <Text>{t.consolidateIntro}</Text>
      <section className={ui.stack} aria-labelledby={pickedId}>
        <div className={ui.row}>
          <FilePickButton
            label={t.consolidatePick}
            inputLabel={t.consolidateFilesLabel}
            accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple
            disabled={busy}
            onPick={setFiles}
          />
        </div>
        <Text id={pickedId} weight="semibold">
          {files.length ? format(t.consolidatePicked, { count: files.length }) : t.consolidateNoFiles}
        </Text>
        {files.length ? (
          <ul className={ui.list} data-testid="consolidate-picked">
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
      <Caption1 className={ui.line} data-testid="consolidate-confirm">
        {toCopy ? t.consolidateConfirmCopy : t.consolidateConfirmExcel}
      </Caption1>
      <div className={ui.row}>
        <Button
          appearance="primary"
          disabled={busy || !ready || files.length === 0}
          onClick={() => void consolidation.consolidate(files, mergeValid)}
        >
          {t.consolidateRun}
        </Button>
        {consolidation.undoSupported ? (
          <Tooltip content={t.consolidateUndoHint} relationship="description">
            <Button disabled={busy || !consolidation.canUndo} onClick={() => void consolidation.undo()}>
              {t.consolidateUndo}
            </Button>
          </Tooltip>
        ) : null}
      </div>
      {consolidation.step ? <ConsolidationProgress step={consolidation.step} /> : null}
      {consolidation.run ? <Results run={consolidation.run} /> : null}
    </div>
  );
}
