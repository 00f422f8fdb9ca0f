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
  /** A list of cards, one below the other (issues, indicators, files, templates). */
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  /** A card: a bordered block as wide as the pane, its long words broken rather than widening it. */
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "break-word",
  },
  hiddenInput: { display: "none" },
});
