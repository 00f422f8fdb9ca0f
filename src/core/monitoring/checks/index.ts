/**
 * The monitoring checks, in the order they report on a row. Adding a check: one file in this
 * folder (a `MonitoringCheck`) and one line here.
 */
import type { MonitoringCheck } from "./check";
import { columnsCheck } from "./columns";
import { datesCheck } from "./dates";
import { duplicatesCheck } from "./duplicates";
import { formulasCheck } from "./formulas";
import { numbersCheck } from "./numbers";
import { requiredCheck } from "./required";
import { schoolsCheck } from "./schools";
import { shnorCheck } from "./shnor";
import { sumsCheck } from "./sums";
import { yesNoCheck } from "./yesno";

export const MONITORING_CHECKS: readonly MonitoringCheck[] = [
  columnsCheck,
  formulasCheck,
  numbersCheck,
  yesNoCheck,
  datesCheck,
  requiredCheck,
  schoolsCheck,
  duplicatesCheck,
  sumsCheck,
  shnorCheck,
];
