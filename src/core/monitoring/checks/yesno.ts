/** YES_NO_INVALID: a yes/no cell holds neither «да», «нет», «+», «-», «1», «0» nor TRUE/FALSE. */
import { cellProblemCheck } from "./check";

export const yesNoCheck = cellProblemCheck("yesno", ["YES_NO_INVALID"]);
