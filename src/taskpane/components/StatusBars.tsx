/** The host's error (with its code), the pane's messages and what is running right now. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { format, type StringKey } from "../../i18n/strings";
import type { ErrorInfo } from "../errors";
import { messageText, type PaneMessage } from "../messages";
import type { ActionName, Activity, PaneActions } from "../usePane";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  line: { display: "block" },
  debug: { display: "block", color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
});

/** A host error with its code (and debug info); dismissable when `onDismiss` is given. */
export function ErrorBar({ error, onDismiss }: { error: ErrorInfo; onDismiss?: () => void }) {
  const { t } = usePaneText();
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="host-error">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {error.message ? <span className={styles.line}>{error.message}</span> : null}
        <span className={styles.line}>{format(t.errorCode, { code: error.code })}</span>
        {error.debugInfo ? (
          <span className={styles.debug}>{format(t.errorDebug, { info: error.debugInfo })}</span>
        ) : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

interface MessageListProps {
  messages: PaneMessage[];
  onDismiss: PaneActions["dismissMessage"];
}

export function MessageList({ messages, onDismiss }: MessageListProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  if (!messages.length) return null;
  return (
    <div className={ui.stack}>
      {messages.map((m) => (
        <MessageBar key={m.id} intent={m.intent} layout="multiline">
          <MessageBarBody>{messageText(m, t)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onDismiss(m.id)}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}

const ACTION_LABELS: Record<ActionName, StringKey> = {
  template: "templateLabel",
  mark: "markCells",
  clearMarks: "clearMarks",
  writeReport: "writeReport",
  fillDashboard: "fillDashboard",
  createSheets: "createSheets",
  download: "download",
  import: "importJson",
  removeTemplate: "removeTemplate",
  consolidate: "consolidateRun",
  undoConsolidation: "consolidateUndo",
};

/** Reading progress from the host, then a spinner while the core runs; a spinner for other actions. */
export function ActivityStatus({ activity }: { activity: Activity | null }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  let body: ReactNode = null;
  if (activity?.kind === "reading") {
    const p = activity.progress;
    const label = p ? format(t.readingSheet, { sheet: p.sheet, done: p.done, total: p.total }) : t.readingWorkbook;
    body = (
      <div className={ui.stack}>
        <Text size={200}>{label}</Text>
        <ProgressBar aria-label={label} thickness="large" {...(p && p.total > 0 ? { value: p.done / p.total } : {})} />
      </div>
    );
  } else if (activity?.kind === "checking") body = <Spinner size="tiny" label={t.checking} />;
  else if (activity?.kind === "action") body = <Spinner size="tiny" label={t[ACTION_LABELS[activity.name]]} />;
  return (
    <div role="status" aria-live="polite" data-testid="activity">
      {body}
    </div>
  );
}
