/**
 * What the pane tells the user after an action: host notices (codes with parameters) and its own
 * confirmations, both kept as dictionary keys with parameters and rendered in the UI language.
 */
import type { HostNotice, HostNoticeCode, WriteOutcome } from "../hosts/host";
import { format, type FormatParams, type StringKey, type Strings } from "../i18n/strings";

export const NOTICE_KEYS: Record<HostNoticeCode, StringKey> = {
  SHEET_RENAMED: "noticeSheetRenamed",
  NAME_TAKEN: "noticeNameTaken",
  CHARTS_AS_DATABARS: "noticeChartsAsDataBars",
  NOTES_UNSUPPORTED: "noticeNotesUnsupported",
  UNMARKABLE_ISSUES: "noticeUnmarkableIssues",
  PARTS_LOST: "noticePartsLost",
  ROWS_CLEARED: "noticeRowsCleared",
};

export interface PaneMessage {
  id: number;
  intent: "success" | "info" | "warning";
  key: StringKey;
  params: FormatParams;
}

export type NewMessage = Omit<PaneMessage, "id">;

export function noticeMessage(n: HostNotice): NewMessage {
  return { intent: "warning", key: NOTICE_KEYS[n.code], params: n.params };
}

/** Sverka's own hidden helper sheets («_sverka_calc»): written, never named to the user. */
export function isInternalSheet(name: string): boolean {
  return name.startsWith("_");
}

/** «Записан лист …» for each sheet the user sees, then the host's notices. */
export function outcomeMessages(outcome: WriteOutcome): NewMessage[] {
  return [
    ...outcome.sheets
      .filter((s) => !isInternalSheet(s.logical) && !isInternalSheet(s.actual))
      .map((s): NewMessage => ({ intent: "success", key: "sheetWritten", params: { sheet: s.actual } })),
    ...outcome.notices.map(noticeMessage),
  ];
}

export function messageText(m: Pick<PaneMessage, "key" | "params">, t: Strings): string {
  return format(t[m.key], m.params);
}
