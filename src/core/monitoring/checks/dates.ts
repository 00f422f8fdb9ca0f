/** DUE_UNPARSED on monitoring sheets: a date cell («Мероприятия» › «Дата») that is not a date. */
import { cellProblemCheck } from "./check";

export const datesCheck = cellProblemCheck("dates", ["DUE_UNPARSED"]);
