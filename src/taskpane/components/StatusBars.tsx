/** The host's error (its text, then its code), the notices of the last action in one bar, and what runs now. */
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
import { errorMessage, type ErrorInfo } from "../errors";
import { messageText, type PaneMessage } from "../messages";
import type { ActionName, Activity } from "../state/types";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  line: { display: "block", overflowWrap: "anywhere" },
  debug: { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** A host error: what happened, then its code (and debug info); dismissable when `onDismiss` is given. */
export function ErrorBar({ error, onDismiss }: { error: ErrorInfo; onDismiss?: () => void }) {
  const { t, lang } = usePaneText();
  const styles = useStyles();
  const message = errorMessage(error, lang);
  return (
    <MessageBar intent="error" layout="multiline" data-testid="host-error">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {message ? <span className={styles.line}>{message}</span> : null}
        <span className={styles.debug}>{format(t.errorCode, { code: error.code })}</span>
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

const INTENT_RANK = { success: 0, info: 1, warning: 2 } as const;

interface NoticeBarProps {
  messages: PaneMessage[];
  onDismiss: () => void;
}

/** The last action's notices in one bar (its colour the most serious one's), closed with one button. */
export function NoticeBar({ messages, onDismiss }: NoticeBarProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  if (!messages.length) return null;
  const intent = messages.reduce(
    (worst, m) => (INTENT_RANK[m.intent] > INTENT_RANK[worst] ? m.intent : worst),
    "success" as PaneMessage["intent"],
  );
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="notices">
      <MessageBarBody>
        {messages.length === 1 ? (
          <span className={styles.line} data-testid="notice">
            {messageText(messages[0], t)}
          </span>
        ) : (
          <ul className={styles.list}>
            {messages.map((m) => (
              <li key={m.id} data-testid="notice">
                {messageText(m, t)}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
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
  spravka: "spravkaBuilding",
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
