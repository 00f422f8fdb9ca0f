/** Plan execution statuses (DOMAIN.md «Plan-graph sheet»). */
import { foldText } from "../text/normalize";

export type PlanStatus = "done" | "done_partly" | "done_late" | "in_progress" | "not_done" | "postponed";

const STATUS_TEXTS: Record<string, PlanStatus> = {
  выполнено: "done",
  "выполнено частично": "done_partly",
  "выполнено с нарушением срока": "done_late",
  "выполнено с нарушением сроков": "done_late",
  "в работе": "in_progress",
  "не выполнено": "not_done",
  перенесено: "postponed",
};

/** The status of a cell's text, null when it is not one of the allowed statuses. */
export function parseStatus(text: string): PlanStatus | null {
  const k = foldText(text)
    .replace(/[.!]+$/, "")
    .trim();
  return STATUS_TEXTS[k] ?? null;
}

/** «Выполнено» in any case, also when done late, counts as done. */
export function isDone(s: PlanStatus | null): boolean {
  return s === "done" || s === "done_late";
}
