import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  Spinner,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { en, getStrings } from "../../i18n/strings";

/** Where the pane runs: still waiting for Office, inside an Office host, or in a plain browser. */
export type HostState = "loading" | "ready" | "no-host";

export interface AppProps {
  host: HostState;
  /** BCP 47 tag such as "ru-RU" or "en-US"; picks the dictionary (Russian unless `en*`). */
  locale?: string;
  /** Invoked by «Проверить книгу»; the check itself is not wired yet. */
  onCheckWorkbook?: () => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});

const App: React.FC<AppProps> = ({ host, locale, onCheckWorkbook }) => {
  const styles = useStyles();
  const t = getStrings(locale);
  const ready = host === "ready";

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} lang={t === en ? "en" : "ru"}>
        <header className={styles.header}>
          <Title2 as="h1">{t.appTitle}</Title2>
          <Body1>{t.appDescription}</Body1>
        </header>
        {host === "no-host" ? (
          <section role="status">
            <Body1 as="p" block>
              <strong>{t.noHostTitle}</strong>
            </Body1>
            <Caption1 as="p" block className={styles.muted}>
              {t.noHostNote}
            </Caption1>
          </section>
        ) : (
          <section>
            <Button appearance="primary" disabled={!ready} onClick={onCheckWorkbook}>
              {t.checkWorkbook}
            </Button>
            {ready ? (
              <Caption1 as="p" block className={styles.muted}>
                {t.readyHint}
              </Caption1>
            ) : (
              <Spinner size="tiny" label={t.loading} />
            )}
          </section>
        )}
      </main>
    </FluentProvider>
  );
};

export default App;
