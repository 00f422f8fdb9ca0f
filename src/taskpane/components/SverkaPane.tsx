/**
 * The whole working pane on any `WorkbookHost` (Excel or a file in the browser), laid out for a
 * 350 px task pane first: the template on one line (details and «почему» behind a disclosure),
 * one primary action with the others in a menu, the notices in one bar, and the tabs (those that
 * do not fit go into a menu). State lives in hooks sliced by feature; each part gets only its slice.
 * It never assumes Excel: what the host cannot do (marks, navigation, charts) is hidden.
 */
import { Suspense, lazy, useId, useState } from "react";
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { IsoDate } from "../../core/model/dates";
import type { WorkbookHost } from "../../hosts/host";
import type { Lang, Strings } from "../../i18n/strings";
import { loadConsolidateTab } from "../paneChunks";
import { useActivity } from "../state/useActivity";
import { useCheck } from "../state/useCheck";
import { useConsolidation } from "../state/useConsolidation";
import { useMarks } from "../state/useMarks";
import { useNotices } from "../state/useNotices";
import { useSpravka } from "../state/useSpravka";
import { useTemplates } from "../state/useTemplates";
import { CheckTab } from "./CheckTab";
import { CommandBar } from "./CommandBar";
import { IndicatorsTab } from "./IndicatorsTab";
import { PaneTabs, type PaneTab } from "./PaneTabs";
import { ActivityStatus, ErrorBar, NoticeBar } from "./StatusBars";
import { TemplateHeader } from "./TemplateHeader";
import { TemplatesTab } from "./TemplatesTab";
import { PaneTextContext, usePaneText } from "./text";

/** The consolidation tab (and, through it, the file reader) loads when the tab is first opened. */
const ConsolidateTab = lazy(() => loadConsolidateTab().then((m) => ({ default: m.ConsolidateTab })));

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
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  panel: { paddingTop: tokens.spacingVerticalXS, minWidth: 0 },
});

function PaneBody({ host, lang, today }: { host: WorkbookHost; lang: Lang; today: (() => IsoDate) | undefined }) {
  const { t } = usePaneText();
  const styles = useStyles();
  const notices = useNotices();
  const activity = useActivity(notices);
  const templates = useTemplates(host, lang, activity, notices);
  const check = useCheck(
    host,
    { lang, today, templateId: templates.templateId, imported: templates.imported },
    activity,
    notices,
  );
  const marks = useMarks(host, activity, notices);
  const spravka = useSpravka(check.run, activity, notices);
  const consolidation = useConsolidation(
    host,
    {
      lang,
      today,
      templateId: templates.templateId,
      imported: templates.imported,
      checked: check.run !== null,
      onChanged: check.forget,
    },
    activity,
    notices,
  );
  const [tab, setTab] = useState<TabId>("check");
  const base = useId();
  const tabId = (id: TabId) => `${base}-tab-${id}`;
  const panelId = `${base}-panel`;
  const capabilities = host.capabilities;
  const busy = activity.busy;
  const tabs: PaneTab<TabId>[] = [
    { id: "check", label: t.tabCheck },
    { id: "indicators", label: t.tabIndicators },
    ...(host.applyConsolidation ? [{ id: "consolidate" as const, label: t.tabConsolidate }] : []),
    { id: "templates", label: t.tabTemplates },
  ];
  return (
    <div className={styles.pane}>
      <TemplateHeader
        ready={templates.ready}
        busy={busy}
        templateId={templates.templateId}
        templates={templates.templates}
        run={check.run}
        onChoose={(id) => void templates.choose(id, check.run ? check.rerun : undefined)}
      />
      <CommandBar
        ready={templates.ready}
        busy={busy}
        checked={check.run !== null}
        canDownload={capabilities.download && !!host.download}
        onCheck={check.check}
        onWriteReport={check.writeReport}
        onFillDashboard={check.fillDashboard}
        onDownload={check.download}
        // «Справка (Word)» only where the entry wired the справка port (`spravkaPort.ts`).
        {...(spravka ? { onSpravka: spravka } : {})}
      />
      {notices.error ? <ErrorBar error={notices.error} onDismiss={notices.clearError} /> : null}
      <NoticeBar messages={notices.messages} onDismiss={notices.dismissMessages} />
      <ActivityStatus activity={activity.activity} />
      <PaneTabs tabs={tabs} selected={tab} onSelect={setTab} tabId={tabId} panelId={panelId} />
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(tab)} className={styles.panel}>
        {tab === "check" ? (
          <CheckTab run={check.run} busy={busy} navigable={capabilities.navigate} marks={marks} onGoTo={check.goTo} />
        ) : null}
        {tab === "indicators" ? <IndicatorsTab run={check.run} chartsInWorkbook={capabilities.charts} /> : null}
        {tab === "consolidate" ? (
          <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
            <ConsolidateTab
              ready={templates.ready}
              busy={busy}
              toCopy={capabilities.download}
              consolidation={consolidation}
            />
          </Suspense>
        ) : null}
        {tab === "templates" ? (
          <TemplatesTab
            busy={busy}
            inUse={check.run?.check.template.id ?? templates.templateId ?? null}
            templates={templates}
          />
        ) : null}
      </div>
    </div>
  );
}

export function SverkaPane({ host, strings, lang = "ru", today }: SverkaPaneProps) {
  return (
    <PaneTextContext.Provider value={{ t: strings, lang }}>
      <PaneBody host={host} lang={lang} today={today} />
    </PaneTextContext.Provider>
  );
}
