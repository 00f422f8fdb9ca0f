/** FORMULA_ERROR: #DIV/0!, #REF!, #VALUE! … in a cell of any monitoring column. */
import { cellProblemCheck } from "./check";

export const formulasCheck = cellProblemCheck("formulas", ["FORMULA_ERROR"]);
