/** How a finding's severity is named, counted and coloured wherever the pane shows one. */
import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { Severity } from "../../core/report/issue";
import type { StringKey, Strings } from "../../i18n/strings";
import { usePaneText } from "./text";

export const SEVERITY_KEYS: Record<Severity, { name: StringKey; filter: StringKey; count: StringKey }> = {
  error: { name: "severityError", filter: "filterErrors", count: "summaryErrorsCount" },
  warning: { name: "severityWarning", filter: "filterWarnings", count: "summaryWarningsCount" },
  info: { name: "severityInfo", filter: "filterInfos", count: "summaryInfosCount" },
};

export const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function severityName(s: Severity, t: Strings): string {
  return t[SEVERITY_KEYS[s].name];
}

/** A badge naming the severity in its colour. */
export function SeverityBadge({ severity, ...props }: { severity: Severity } & Omit<BadgeProps, "color">) {
  const { t } = usePaneText();
  return (
    <Badge {...props} color={SEVERITY_COLOR[severity]}>
      {severityName(severity, t)}
    </Badge>
  );
}
