/**
 * The plan-graph checks, in the order they report on a row. Adding a check: one file in this folder
 * (a `PlanCheck`) and one line here.
 */
import type { PlanCheck } from "./check";
import { columnsCheck } from "./columns";
import { deadlinesCheck } from "./deadlines";
import { duplicatesCheck } from "./duplicates";
import { measurableCheck } from "./measurable";
import { numberingCheck } from "./numbering";
import { ownersCheck } from "./owners";
import { requiredCheck } from "./required";
import { statusCheck } from "./status";

export const PLAN_CHECKS: readonly PlanCheck[] = [
  columnsCheck,
  numberingCheck,
  requiredCheck,
  deadlinesCheck,
  measurableCheck,
  ownersCheck,
  duplicatesCheck,
  statusCheck,
];
