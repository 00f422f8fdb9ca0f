/**
 * Numbers in count, number and percent columns: NOT_A_NUMBER (also a year or school year that is
 * not one), NEGATIVE, NOT_INTEGER (counts), PERCENT_RANGE (outside 0–100). «12,5», «90 %» and
 * non-breaking spaces as thousands separators are numbers (`parseCell`).
 */
import { cellProblemCheck } from "./check";

export const numbersCheck = cellProblemCheck("numbers", ["NOT_A_NUMBER", "NEGATIVE", "NOT_INTEGER", "PERCENT_RANGE"]);
