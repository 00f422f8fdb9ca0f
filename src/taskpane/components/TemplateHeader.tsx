/**
 * The template on one line (what the last check used, or what it will use); the choice, the
 * template's id and why it was chosen sit behind a disclosure.
 */
import { useId, useState } from "react";
import { Button, Caption1, Field, Option, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Template } from "../../core/template/schema";
import { format } from "../../i18n/strings";
import type { CheckRun } from "../state/pipeline";
import { PaneDropdown } from "./controls";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  toggle: { flexShrink: 0 },
  details: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropdown: { minWidth: "0", width: "100%" },
  /** Closed: out of sight and of the accessibility tree, still in the DOM (the class wins over `display`). */
  closed: { display: "none" },
});

const AUTO = "\u0000auto";

export interface TemplateHeaderProps {
  ready: boolean;
  busy: boolean;
  templateId: string | undefined;
  templates: readonly Template[];
  run: CheckRun | null;
  onChoose: (id: string | null) => void;
}

export function TemplateHeader({ ready, busy, templateId, templates, run, onChoose }: TemplateHeaderProps) {
  const { t } = usePaneText();
  const ui = usePaneStyles();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const chosen = templateId ?? null;
  const chosenTemplate = chosen ? templates.find((x) => x.id === chosen) : undefined;
  const optionText = (title: string, id: string) => format(t.templateOption, { title, id });
  const line = run
    ? run.check.template.title
    : chosen
      ? format(t.templateChosenPending, { id: chosen })
      : t.templatePending;
  return (
    <header className={styles.header} data-testid="template-header">
      <div className={styles.line}>
        <Text
          size={200}
          weight={run ? "semibold" : "regular"}
          className={styles.title}
          title={line}
          {...(run ? { "data-testid": "template-title" } : {})}
        >
          {line}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t.templateDetailsHide : t.templateDetails}
        </Button>
      </div>
      <div id={detailsId} className={mergeClasses(styles.details, !open && styles.closed)} hidden={!open}>
        <Field label={t.templateLabel}>
          <PaneDropdown
            className={styles.dropdown}
            disabled={busy || !ready}
            value={chosenTemplate ? optionText(chosenTemplate.title, chosenTemplate.id) : (chosen ?? t.templateAuto)}
            selectedOptions={[chosen ?? AUTO]}
            onOptionSelect={(_, d) => {
              const id = d.optionValue === AUTO ? null : (d.optionValue ?? null);
              if (id !== chosen) onChoose(id);
            }}
          >
            <Option value={AUTO}>{t.templateAuto}</Option>
            {templates.map((x) => (
              <Option key={x.id} value={x.id} text={optionText(x.title, x.id)}>
                {optionText(x.title, x.id)}
              </Option>
            ))}
          </PaneDropdown>
        </Field>
        {run ? (
          <>
            <Caption1 className={ui.line} data-testid="template-id">
              {format(t.templateIdent, { id: run.check.template.id })}
            </Caption1>
            <Caption1 className={ui.line} data-testid="template-reason">
              {format(t.templateReason, { reason: run.check.report.template_reason ?? "" })}
            </Caption1>
          </>
        ) : null}
      </div>
    </header>
  );
}
