/** The looks the pane's views share (each view keeps only what is its own in its `useStyles`). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  /** A tab (or the pane): its blocks one below the other. */
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** A section's heading, text and controls, close together. */
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** Buttons, badges and notes side by side, wrapping. */
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  /** A secondary line of text on its own line. */
  line: { display: "block", color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  /** Long names and messages break rather than widen the pane. */
  wrap: { wordBreak: "break-word" },
  nowrap: { whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** A table as wide as the pane, its columns sized by their content. */
  fullTable: { tableLayout: "auto", width: "100%" },
  scroll: { overflowX: "auto" },
  hiddenInput: { display: "none" },
});
