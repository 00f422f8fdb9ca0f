/**
 * Runs one plan check alone over a small grid (the driver's loop with only that check), asserts
 * it emitted only the codes it declares, and renders the messages in Russian.
 */
import { gridWorkbook } from "../../../../../samples/toWorkbook";
import type { SampleCell } from "../../../../../samples/types";
import { localizeIssue } from "../../../../i18n/issueMessages";
import type { RenderedIssue } from "../../../report/issue";
import { matchPlanSheet } from "../../../sheets/planSheets";
import type { Template } from "../../../template/schema";
import { findTemplate } from "../../../templates";
import { validatePlanSheet } from "../../validatePlan";
import type { PlanCheck } from "../check";

export const IVANOVO = findTemplate("ivanovo-2020")!;
export const EFFEKTIVNAYA = findTemplate("effektivnaya-shkola-2023")!;

/** Ivanovo's plan header (no status column). */
export const HEADER = ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки", "Ожидаемый результат"];
/** The same with the monitoring columns. */
export const MON_HEADER = [...HEADER, "Статус", "Дата выполнения"];

export function runPlanCheck(
  check: PlanCheck,
  rows: SampleCell[][],
  template: Template = IVANOVO,
  asOf = "2021-06-30",
): RenderedIssue[] {
  const sheet = gridWorkbook("t.xlsx", rows).sheets[0];
  const m = matchPlanSheet(sheet, template);
  if (!m) throw new Error("the grid is not a plan of the template");
  const { issues } = validatePlanSheet(sheet, m.spec, m.header, template, { asOf }, [check]);
  for (const i of issues) expect(check.codes).toContain(i.code);
  return issues.map((i) => localizeIssue(i, "ru"));
}

/** `A1 CODE` of each issue. */
export const at = (issues: readonly RenderedIssue[]): string[] => issues.map((i) => `${i.cell} ${i.code}`);
