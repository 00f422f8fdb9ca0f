/** «Шаблоны»: built-in and imported templates; blank sheets; import and export of template JSON. */
import { useId } from "react";
import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Template } from "../../core/template/schema";
import { format } from "../../i18n/strings";
import type { ImportProblem, TemplatesSlice } from "../state/useTemplates";
import { FilePickButton } from "./controls";
import { usePaneStyles } from "./styles";
import { formatIsoDate, usePaneText } from "./text";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  line: { display: "block", color: tokens.colorNeutralForeground2 },
  issues: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

function TemplateCard({
  template,
  imported,
  inUse,
  busy,
  actions,
}: {
  template: Template;
  imported: boolean;
  inUse: boolean;
  busy: boolean;
  actions: Pick<TemplatesSlice, "createSheets" | "exportTemplate" | "removeTemplate">;
}) {
  const { t, lang } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  return (
    <li className={ui.card} data-testid="template-card" data-template={template.id}>
      <Text weight="semibold">{template.title}</Text>
      <div className={ui.row}>
        <Caption1>{format(t.templateIdent, { id: template.id })}</Caption1>
        {inUse ? (
          <Badge appearance="tint" color="success">
            {t.badgeCurrent}
          </Badge>
        ) : null}
        {imported ? (
          <Badge appearance="tint" color="informative">
            {t.badgeImported}
          </Badge>
        ) : null}
      </div>
      {template.municipality ? (
        <Caption1 className={styles.line}>{format(t.templateMunicipality, { value: template.municipality })}</Caption1>
      ) : null}
      <Caption1 className={styles.line}>
        {format(t.templatePeriod, {
          start: formatIsoDate(template.period.start, lang),
          end: formatIsoDate(template.period.end, lang),
        })}
      </Caption1>
      <Caption1 className={styles.line}>
        {format(t.templateContents, {
          plans: template.plans.length,
          monitoring: template.monitoring.length,
          indicators: template.indicators.length,
        })}
      </Caption1>
      <Caption1 className={styles.line}>
        {format(t.templateOrganisations, { count: template.organisations.length })}
      </Caption1>
      <Caption1 className={styles.line}>{format(t.templateVersion, { version: template.version })}</Caption1>
      <div className={ui.row}>
        <Tooltip content={t.createSheetsHint} relationship="description">
          <Button size="small" disabled={busy} onClick={() => void actions.createSheets(template)}>
            {t.createSheets}
          </Button>
        </Tooltip>
        <Tooltip content={format(t.exportJsonHint, { id: template.id })} relationship="description">
          <Button size="small" onClick={() => void actions.exportTemplate(template)}>
            {t.exportJson}
          </Button>
        </Tooltip>
        {imported ? (
          <Tooltip content={format(t.removeTemplateHint, { id: template.id })} relationship="description">
            <Button size="small" disabled={busy} onClick={() => void actions.removeTemplate(template.id)}>
              {t.removeTemplate}
            </Button>
          </Tooltip>
        ) : null}
      </div>
    </li>
  );
}

function ImportProblemBar({ problem: p }: { problem: ImportProblem | null }) {
  const { t } = usePaneText();
  const styles = useStyles();
  if (!p) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="import-problem">
      <MessageBarBody>
        <span>{format(t[p.key], p.params)}</span>
        {p.issues.length ? (
          <ul className={styles.issues}>
            {p.issues.map((i, n) => (
              <li key={n}>{format(t.importIssue, { path: i.path || t.importRootPath, message: i.message })}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface TemplatesTabProps {
  busy: boolean;
  /** The template of the last check, else the stored choice. */
  inUse: string | null;
  templates: TemplatesSlice;
}

export function TemplatesTab({ busy, inUse, templates: slice }: TemplatesTabProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const builtinId = useId();
  const importedId = useId();
  const importedIds = new Set(slice.imported.map((x) => x.id));
  const builtin = slice.templates.filter((x) => !importedIds.has(x.id));
  const card = (template: Template, imported: boolean) => (
    <TemplateCard
      key={template.id}
      template={template}
      imported={imported}
      inUse={template.id === inUse}
      busy={busy}
      actions={slice}
    />
  );

  return (
    <div className={styles.tab}>
      <section className={ui.stack} aria-labelledby={importedId}>
        <Subtitle2 as="h2" id={importedId} className={ui.heading}>
          {t.templatesImported}
        </Subtitle2>
        <div className={ui.row}>
          <FilePickButton
            label={t.importJson}
            inputLabel={t.importInputLabel}
            accept=".json,application/json"
            disabled={busy}
            onPick={([file]) => void slice.importTemplate(file)}
          />
        </div>
        <ImportProblemBar problem={slice.importProblem} />
        {slice.imported.length ? <ul className={ui.cards}>{slice.imported.map((x) => card(x, true))}</ul> : null}
      </section>
      <section className={ui.stack} aria-labelledby={builtinId}>
        <Subtitle2 as="h2" id={builtinId} className={ui.heading}>
          {t.templatesBuiltin}
        </Subtitle2>
        <ul className={ui.cards}>{builtin.map((x) => card(x, false))}</ul>
      </section>
    </div>
  );
}
