/**
 * The standalone page: open .xlsx files (picker or drag and drop), see which could be read, and
 * work on the selected one in the task pane itself (`SverkaPane` on that file's `BrowserXlsxHost`,
 * remounted per file). No Office.js anywhere on this page.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { IsoDate } from "../core/model/dates";
import { format, getStrings, langOf } from "../i18n/strings";
import { SverkaPane } from "../taskpane/components/SverkaPane";
import { FileDrop } from "./FileDrop";
import { FileList } from "./FileList";
import { useOpenFiles, type OpenHost } from "./useOpenFiles";

export interface StandaloneAppProps {
  /** BCP 47 tag; Russian unless `en*`. */
  locale?: string;
  /** How a picked file becomes a host (tests pass a fake). */
  open?: OpenHost;
  /** The report date (default: today). */
  today?: () => IsoDate;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    "@media (max-width: 720px)": { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalM },
    maxWidth: "1200px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  body: {
    display: "grid",
    gridTemplateColumns: "minmax(220px, 320px) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
    "@media (max-width: 720px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  side: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  /** On a narrow page, once a file is being worked on, the drop zone and the list fold away. */
  folded: { "@media (max-width: 720px)": { display: "none" } },
  /** The button that unfolds them exists only on a narrow page. */
  toggle: { alignSelf: "flex-start", "@media (min-width: 721px)": { display: "none" } },
  workspace: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  fileName: { margin: 0, wordBreak: "break-word" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export const StandaloneApp: React.FC<StandaloneAppProps> = ({ locale, open, today }) => {
  const styles = useStyles();
  const t = getStrings(locale);
  const lang = langOf(locale);
  const { files, selectedId, select, add } = useOpenFiles(open);
  const selected = files.find((f) => f.id === selectedId);
  const working = selected?.status === "ready" && !!selected.host;
  const [listOpen, setListOpen] = React.useState(false);
  const folded = working && !listOpen;
  const choose = (id: number) => {
    select(id);
    setListOpen(false);
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root} lang={lang}>
        <header className={styles.header}>
          <Title2 as="h1">{t.saTitle}</Title2>
          <Body1 as="p">{t.saIntro}</Body1>
        </header>
        <main className={styles.main}>
          {working ? (
            <Button
              size="small"
              className={styles.toggle}
              aria-expanded={!folded}
              aria-controls="drop-zone files"
              onClick={() => setListOpen((o) => !o)}
            >
              {folded ? format(t.saShowFiles, { count: files.length }) : t.saHideFiles}
            </Button>
          ) : null}
          <div id="drop-zone" className={folded ? styles.folded : undefined}>
            <FileDrop strings={t} onFiles={(f) => void add(f)} />
          </div>
          <div className={styles.body}>
            <section
              id="files"
              className={folded ? `${styles.side} ${styles.folded}` : styles.side}
              aria-labelledby="files-title"
            >
              <Subtitle2 as="h2" id="files-title">
                {t.saFiles}
              </Subtitle2>
              <FileList strings={t} lang={lang} files={files} selectedId={selectedId} onSelect={choose} />
            </section>
            {working && selected?.host ? (
              <section className={styles.workspace} aria-labelledby="workspace-title" data-testid="workspace">
                <Subtitle2 as="h2" id="workspace-title" className={styles.fileName}>
                  {selected.name}
                </Subtitle2>
                <SverkaPane
                  key={selected.id}
                  host={selected.host}
                  strings={t}
                  lang={lang}
                  {...(today ? { today } : {})}
                />
              </section>
            ) : (
              <div>{files.length > 0 && <Caption1 className={styles.muted}>{t.saSelectFile}</Caption1>}</div>
            )}
          </div>
        </main>
      </div>
    </FluentProvider>
  );
};
