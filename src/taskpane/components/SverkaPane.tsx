/**
 * The whole working pane on any `WorkbookHost` (Excel or a file in the browser): the template
 * header, the host's error and notices, and the three tabs. It never assumes Excel: what the host
 * cannot do (marks, navigation, charts) is hidden, and «Скачать» appears where the host downloads.
 */
import { useId, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Option,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { IsoDate } from "../../core/model/dates";
import type { WorkbookHost } from "../../hosts/host";
import { format, type Lang, type Strings } from "../../i18n/strings";
import { usePane, type PaneActions, type PaneState } from "../usePane";
import { localToday } from "../../app/dates";
import { CheckTab } from "./CheckTab";
import { ConsolidateTab } from "./ConsolidateTab";
import { IndicatorsTab } from "./IndicatorsTab";
import { ActivityStatus, ErrorBar, MessageList } from "./StatusBars";
import { TemplatesTab } from "./TemplatesTab";
import { PaneDropdown } from "./controls";
import { usePaneStyles } from "./styles";
import { PaneTextContext, usePaneText } from "./text";

export interface SverkaPaneProps {
  host: WorkbookHost;
  strings: Strings;
  /** Language of numbers and dates (default: Russian). */
  lang?: Lang;
  /** The report date (default: today). */
  today?: () => IsoDate;
}

type TabId = "check" | "indicators" | "consolidate" | "templates";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  dropdown: { minWidth: "0", width: "100%" },
  panel: { paddingTop: tokens.spacingVerticalS },
});

const AUTO = "\u0000auto";

function TemplateHeader({ state, actions, host }: { state: PaneState; actions: PaneActions; host: WorkbookHost }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const chosen = state.settings.templateId ?? null;
  const chosenTemplate = chosen ? state.templates.find((x) => x.id === chosen) : undefined;
  const run = state.run;
  const busy = state.activity !== null;
  const optionText = (title: string, id: string) => format(t.templateOption, { title, id });
  return (
    <header className={styles.header} data-testid="template-header">
      <Field label={t.templateLabel}>
        <PaneDropdown
          className={styles.dropdown}
          disabled={busy || !state.ready}
          value={chosenTemplate ? optionText(chosenTemplate.title, chosenTemplate.id) : (chosen ?? t.templateAuto)}
          selectedOptions={[chosen ?? AUTO]}
          onOptionSelect={(_, d) => {
            const id = d.optionValue === AUTO ? null : (d.optionValue ?? null);
            if (id !== chosen) void actions.chooseTemplate(id);
          }}
        >
          <Option value={AUTO}>{t.templateAuto}</Option>
          {state.templates.map((x) => (
            <Option key={x.id} value={x.id} text={optionText(x.title, x.id)}>
              {optionText(x.title, x.id)}
            </Option>
          ))}
        </PaneDropdown>
      </Field>
      {run ? (
        <>
          <Text weight="semibold" className={ui.wrap} data-testid="template-title">
            {run.check.template.title}
          </Text>
          <Caption1 className={ui.line} data-testid="template-id">
            {format(t.templateIdent, { id: run.check.template.id })}
          </Caption1>
          <Caption1 className={ui.line} data-testid="template-reason">
            {format(t.templateReason, { reason: run.check.report.template_reason ?? "" })}
          </Caption1>
        </>
      ) : (
        <Caption1 className={ui.line}>
          {chosen ? format(t.templateChosenPending, { id: chosen }) : t.templatePending}
        </Caption1>
      )}
      {host.capabilities.download && host.download ? (
        <div className={ui.row}>
          <Tooltip content={t.downloadHint} relationship="description">
            <Button disabled={busy} onClick={() => void actions.download()}>
              {t.download}
            </Button>
          </Tooltip>
        </div>
      ) : null}
    </header>
  );
}

function PaneBody({ host, lang, today }: { host: WorkbookHost; lang: Lang; today: () => IsoDate }) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const [state, actions] = usePane(host, { lang, today });
  const [tab, setTab] = useState<TabId>("check");
  const base = useId();
  const tabId = (id: TabId) => `${base}-tab-${id}`;
  const panelId = `${base}-panel`;
  const capabilities = host.capabilities;
  return (
    <div className={ui.tab}>
      <TemplateHeader state={state} actions={actions} host={host} />
      {state.error ? <ErrorBar error={state.error} onDismiss={actions.dismissError} /> : null}
      <MessageList messages={state.messages} onDismiss={actions.dismissMessage} />
      <ActivityStatus activity={state.activity} />
      <TabList
        aria-label={t.tabsLabel}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        size="small"
      >
        <Tab id={tabId("check")} value="check" aria-controls={panelId}>
          {t.tabCheck}
        </Tab>
        <Tab id={tabId("indicators")} value="indicators" aria-controls={panelId}>
          {t.tabIndicators}
        </Tab>
        {host.applyConsolidation ? (
          <Tab id={tabId("consolidate")} value="consolidate" aria-controls={panelId}>
            {t.tabConsolidate}
          </Tab>
        ) : null}
        <Tab id={tabId("templates")} value="templates" aria-controls={panelId}>
          {t.tabTemplates}
        </Tab>
      </TabList>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(tab)} className={styles.panel}>
        {tab === "check" ? <CheckTab state={state} actions={actions} capabilities={capabilities} /> : null}
        {tab === "indicators" ? <IndicatorsTab state={state} actions={actions} capabilities={capabilities} /> : null}
        {tab === "consolidate" ? (
          <ConsolidateTab
            state={state}
            actions={actions}
            capabilities={capabilities}
            undoSupported={!!host.undoConsolidation}
          />
        ) : null}
        {tab === "templates" ? <TemplatesTab state={state} actions={actions} /> : null}
      </div>
    </div>
  );
}

export function SverkaPane({ host, strings, lang = "ru", today = localToday }: SverkaPaneProps) {
  return (
    <PaneTextContext.Provider value={{ t: strings, lang }}>
      <PaneBody host={host} lang={lang} today={today} />
    </PaneTextContext.Provider>
  );
}
