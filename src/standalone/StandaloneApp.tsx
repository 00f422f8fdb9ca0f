/**
 * The standalone page: open .xlsx files (picker or drag and drop), see which could be read, and
 * work on the selected one in the workspace slot. No Office.js anywhere on this page.
 */
import * as React from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { getStrings, langOf } from "../i18n/strings";
import { FileDrop } from "./FileDrop";
import { FileList } from "./FileList";
import { FileWorkspace } from "./FileWorkspace";
import { useOpenFiles, type OpenHost } from "./useOpenFiles";

export interface StandaloneAppProps {
  /** BCP 47 tag; Russian unless `en*`. */
  locale?: string;
  /** How a picked file becomes a host (tests pass a fake). */
  open?: OpenHost;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
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
  muted: { color: tokens.colorNeutralForeground2 },
});

export const StandaloneApp: React.FC<StandaloneAppProps> = ({ locale, open }) => {
  const styles = useStyles();
  const t = getStrings(locale);
  const { files, selectedId, select, add } = useOpenFiles(open);
  const selected = files.find((f) => f.id === selectedId);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root} lang={langOf(locale)}>
        <header className={styles.header}>
          <Title2 as="h1">{t.saTitle}</Title2>
          <Body1 as="p">{t.saIntro}</Body1>
        </header>
        <main className={styles.main}>
          <FileDrop strings={t} onFiles={(f) => void add(f)} />
          <div className={styles.body}>
            <section className={styles.side} aria-labelledby="files-title">
              <Subtitle2 as="h2" id="files-title">
                {t.saFiles}
              </Subtitle2>
              <FileList strings={t} files={files} selectedId={selectedId} onSelect={select} />
            </section>
            <div>
              {selected?.status === "ready" && selected.host ? (
                <FileWorkspace key={selected.id} host={selected.host} strings={t} />
              ) : (
                files.length > 0 && <Caption1 className={styles.muted}>{t.saSelectFile}</Caption1>
              )}
            </div>
          </div>
        </main>
      </div>
    </FluentProvider>
  );
};
