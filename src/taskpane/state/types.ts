/** What the pane is doing right now, shared by the feature hooks and the status line. */
import type { ReadProgress } from "../../hosts/host";

export type ActionName =
  | "template"
  | "mark"
  | "clearMarks"
  | "writeReport"
  | "fillDashboard"
  | "createSheets"
  | "download"
  | "spravka"
  | "import"
  | "removeTemplate"
  | "consolidate"
  | "undoConsolidation";

export type Activity =
  { kind: "reading"; progress: ReadProgress | null } | { kind: "checking" } | { kind: "action"; name: ActionName };
