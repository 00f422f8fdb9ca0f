/** The opened files: name, size and status; a file that could not be read shows its code and message. */
import * as React from "react";
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { format, type Lang, type Strings } from "../i18n/strings";
import { hostErrorMessage } from "../i18n/hostErrors";
import { formatSize, readErrorMessage } from "../i18n/readErrors";
import { errorMessage, type ParamsRenderer } from "../taskpane/errors";
import type { IdHandler, OpenFile } from "./useOpenFiles";

export interface FileListProps {
  strings: Strings;
  /** The language of a file's error message and size (Russian by default). */
  lang?: Lang;
  files: readonly OpenFile[];
  selectedId: number | null;
  onSelect: IdHandler;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
  },
  selected: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground2 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  name: { fontWeight: tokens.fontWeightSemibold, textAlign: "start", overflowWrap: "anywhere", minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  code: { color: tokens.colorNeutralForeground2 },
});

/** A file that cannot be opened fails with a read error (or a host error). */
const renderOpenError: ParamsRenderer = (params, lang) =>
  readErrorMessage(params, lang) ?? hostErrorMessage(params, lang);

function statusText(t: Strings, f: OpenFile): string {
  return f.status === "reading" ? t.saStatusReading : f.status === "ready" ? t.saStatusReady : t.saStatusError;
}

export const FileList: React.FC<FileListProps> = ({ strings: t, lang = "ru", files, selectedId, onSelect }) => {
  const styles = useStyles();
  if (files.length === 0) return <Body1>{t.saNoFiles}</Body1>;
  return (
    <ul className={styles.list} data-testid="file-list">
      {files.map((f) => {
        const selected = f.id === selectedId;
        return (
          <li
            key={f.id}
            className={selected ? `${styles.item} ${styles.selected}` : styles.item}
            data-testid="file-item"
            data-status={f.status}
          >
            <div className={styles.row}>
              <Button
                appearance="transparent"
                className={styles.name}
                aria-current={selected ? "true" : undefined}
                onClick={() => onSelect(f.id)}
              >
                {f.name}
              </Button>
              <Caption1 className={styles.meta}>
                {formatSize(f.size, lang)} · {statusText(t, f)}
              </Caption1>
              {f.status === "reading" && <Spinner size="extra-tiny" aria-label={t.saStatusReading} />}
            </div>
            {f.error && (
              <div role="alert" className={styles.error} data-testid="file-error" data-code={f.error.code}>
                <Caption1 as="p" block>
                  {errorMessage(f.error, lang, renderOpenError)}
                </Caption1>
                <Caption1 as="p" block className={styles.code}>
                  {format(t.errorCode, { code: f.error.code })}
                </Caption1>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
};
