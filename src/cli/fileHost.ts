/**
 * The file host's modules, loaded on first use: ExcelJS, SheetJS and the writers stay out of the
 * CLI's start (`sverka templates`, `--help`, `--version` load none of them). `require` rather than
 * `import()`: the bundle (esbuild) initialises a required module only when the call runs, and jest
 * runs the TypeScript sources as CommonJS.
 */

type NodeReader = typeof import("../hosts/xlsx/node") &
  Pick<typeof import("../hosts/xlsx/errors"), "WorkbookReadError" | "readFailureOf">;

/** Reading workbooks from paths. */
export function xlsxNode(): NodeReader {
  const node = require("../hosts/xlsx/node") as typeof import("../hosts/xlsx/node");
  const errors = require("../hosts/xlsx/errors") as typeof import("../hosts/xlsx/errors");
  return { ...node, WorkbookReadError: errors.WorkbookReadError, readFailureOf: errors.readFailureOf };
}

/** School files on disk as consolidation sources, and the reader's failures. */
export function xlsxConsolidation(): typeof import("../hosts/xlsx/consolidateNode") &
  Pick<typeof import("../hosts/xlsx/consolidate"), "applyConsolidationPlan" | "readFailure"> {
  const sources = require("../hosts/xlsx/consolidateNode") as typeof import("../hosts/xlsx/consolidateNode");
  const c = require("../hosts/xlsx/consolidate") as typeof import("../hosts/xlsx/consolidate");
  return { ...sources, applyConsolidationPlan: c.applyConsolidationPlan, readFailure: c.readFailure };
}

/** Writing the dashboard copy. */
export function xlsxDashboard(): typeof import("../hosts/xlsx/writeDashboard") {
  return require("../hosts/xlsx/writeDashboard") as typeof import("../hosts/xlsx/writeDashboard");
}

/** Writing blank templates. */
export function xlsxBlank(): typeof import("../hosts/xlsx/blankTemplate") {
  return require("../hosts/xlsx/blankTemplate") as typeof import("../hosts/xlsx/blankTemplate");
}

/** Writing the справка (.docx). */
export function docxSpravka(): typeof import("../hosts/docx/spravka") {
  return require("../hosts/docx/spravka") as typeof import("../hosts/docx/spravka");
}
