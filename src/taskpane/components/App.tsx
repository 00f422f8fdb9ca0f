/**
 * The task pane's root: waiting for Office, opened outside Office (offer the standalone page), or
 * the working pane on a host. The standalone page wraps `SverkaPane` the same way.
 */
import {
  Body1,
  Caption1,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { IsoDate } from "../../core/model/dates";
import type { WorkbookHost } from "../../hosts/host";
import { getStrings, langOf, type Strings } from "../../i18n/strings";
import { describeError } from "../errors";
import { ErrorBar } from "./StatusBars";
import { SverkaPane } from "./SverkaPane";
import { PaneTextContext } from "./text";

export const STANDALONE_URL = "standalone.html";

export interface AppProps {
  /** The host once Office is ready; "loading" while waiting; "no-host" outside Office. */
  host: WorkbookHost | "loading" | "no-host";
  /** BCP 47 tag such as "ru-RU" or "en-US"; picks the dictionary (Russian unless `en*`). */
  locale?: string;
  /** A dictionary that overrides the locale's (pseudo-localisation tests). */
  strings?: Strings;
  /** The report date (default: today). */
  today?: () => IsoDate;
  /** Where the standalone page is (default: `standalone.html` beside the pane). */
  standaloneUrl?: string;
  /** Starting the host failed: shown with its code instead of the pane. */
  startupError?: unknown;
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
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export default function App({ host, locale, strings, today, standaloneUrl = STANDALONE_URL, startupError }: AppProps) {
  const styles = useStyles();
  const lang = langOf(locale);
  const t = strings ?? getStrings(locale);

  let body;
  if (host === "loading") body = <Spinner size="small" label={t.loading} />;
  else if (host === "no-host")
    body = (
      <MessageBar intent="info" layout="multiline" data-testid="no-host">
        <MessageBarBody>
          <MessageBarTitle>{t.noHostTitle}</MessageBarTitle>
          <Body1 as="p" block>
            {t.noHostNote}
          </Body1>
          <Link href={standaloneUrl}>{t.noHostStandaloneLink}</Link>
        </MessageBarBody>
      </MessageBar>
    );
  else body = <SverkaPane host={host} strings={t} lang={lang} {...(today ? { today } : {})} />;

  return (
    <FluentProvider theme={webLightTheme}>
      <PaneTextContext.Provider value={{ t, lang }}>
        <main className={styles.root} lang={lang}>
          <header className={styles.header}>
            <Title3 as="h1" className={styles.title}>
              {t.appTitle}
            </Title3>
            <Caption1 className={styles.muted}>{t.appDescription}</Caption1>
          </header>
          {startupError !== undefined ? <ErrorBar error={describeError(startupError)} /> : body}
        </main>
      </PaneTextContext.Provider>
    </FluentProvider>
  );
}
