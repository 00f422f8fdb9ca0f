/**
 * Host-neutral sheet layouts: what the dashboard and the ФЛК report look like, as data. A host (the
 * xlsx writer, later Office.js) renders them; the core never touches a workbook.
 *
 * Conventions:
 * - rows and columns are 1-based worksheet coordinates;
 * - `formula` is an A1 formula WITHOUT the leading «=» (as OOXML and ExcelJS store it); `value` is
 *   then the cached result, which the core computed;
 * - a `value` string is always text, even when it starts with «=», «+», «-» or «@»: a host must
 *   write it as text (the xlsx host does so naturally; an Office.js host must prefix «'»);
 * - sheet references inside formulas, links, defined names and chart ranges always use the
 *   quoted form `'Name'!` of the *logical* sheet names of the layout (`SVERKA_SHEET_NAMES`); a
 *   host that has to write a sheet under another name («Дашборд (2)») rewrites `'Name'!`.
 */

export type LayoutValue = string | number | boolean | null;

/** Cell looks; a host maps them to fonts, fills and borders. */
export type CellStyle =
  | "title" // the sheet's title
  | "subtitle" // a section title
  | "info" // a line of the page header (period, dates)
  | "header" // a table header cell
  | "text" // an ordinary table cell
  | "number" // a number in a table
  | "met" // target met
  | "notMet" // target not met
  | "noData" // «нет данных», «—»
  | "error" // ФЛК severity: ошибка
  | "warning" // ФЛК severity: предупреждение
  | "info_issue" // ФЛК severity: замечание
  | "link" // a hyperlink
  | "note" // a footnote
  | "total"; // a totals row

export interface LayoutCell {
  row: number;
  col: number;
  /** What the cell shows: its text or number, or the cached result of `formula`. */
  value: LayoutValue;
  /** A1 formula without «=»; references use quoted logical sheet names. */
  formula?: string;
  /** Excel number format code, e.g. `0.0" %"`. */
  numFmt?: string;
  style?: CellStyle;
  /** Internal link target, e.g. `'Школы'!C5` (hosts write `#'Школы'!C5`). */
  link?: string;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A data bar over a one-column range of the same sheet (the xlsx stand-in for a chart). */
export interface DataBar {
  /** A1 range on the sheet itself, e.g. `C30:C58`. */
  range: string;
  /** ARGB colour, e.g. `FF5B9BD5`. */
  color: string;
}

export type SheetRole = "dashboard" | "flk" | "calc";

export interface LayoutSheet {
  /** Logical name («Дашборд», «Отчёт ФЛК», «_sverka_calc»). */
  name: string;
  role: SheetRole;
  /** Hidden sheet tab (the helper sheet); the user can unhide it to audit the formulas. */
  hidden: boolean;
  cells: LayoutCell[];
  merges: CellRange[];
  /** Column widths in characters, by column (index 0 = column A); absent = default. */
  widths: (number | undefined)[];
  /** Rows frozen at the top (the table header stays visible). */
  frozenRows?: number;
  /** Autofilter range on this sheet. */
  autoFilter?: CellRange;
  dataBars: DataBar[];
  /** Row heights in points, by worksheet row (index 1 = row 1); absent = the host's default. */
  rowHeights?: (number | undefined)[];
  /** How the sheet prints; absent = the host's defaults. */
  print?: PrintSetup;
}

export interface DefinedName {
  /** `sv_<id>_<period>`, period with every character other than a Latin letter or digit replaced by «_». */
  name: string;
  /** Absolute reference, e.g. `'Дашборд'!$E$7`. */
  ref: string;
}

/** One data series of a chart: its values refer to cells, so a recalculation moves the chart. */
export interface ChartSeries {
  /** Legend text (a literal; hosts write it as the series name). */
  name: string;
  /** Absolute reference to the values, e.g. `'_sverka_calc'!$C$2:$C$4`. */
  valuesRange: string;
  /** The values the core computed, in category order (the cached values of the chart part). */
  values: (number | null)[];
  /** ARGB colour of the series, e.g. `FF2F6FB5`; absent = the host's default. */
  color?: string;
  /** Per-point colours (e.g. ШНОР schools highlighted), same length as `values`; absent = `color`. */
  pointColors?: (string | undefined)[];
  /** Draw this series as a line over the bars (a target line); only for `bar`/`column` charts. */
  asLine?: boolean;
}

/**
 * A native chart, described as data: each host renders it (DrawingML chart parts in files,
 * `worksheet.charts.add` through Office.js, `@fluentui/react-charts` in the pane).
 */
export interface ChartSpec {
  /** Stable id within the layout (`shnor_share_by_year`), used for part names and replacement. */
  id?: string;
  /** `bar`: horizontal bars; `column`: vertical bars; `line`: a line chart. */
  kind: "bar" | "column" | "line";
  title: string;
  /** Absolute references, e.g. `'Дашборд'!$A$40:$A$68`. */
  categoriesRange: string;
  /** The first series' values (kept for hosts that draw one series). */
  valuesRange: string;
  /** Category labels as the core computed them (the cached strings of the chart part). */
  categories?: string[];
  /** All series; absent = one series over `valuesRange`. */
  series?: ChartSeries[];
  /** Number format of the value axis, e.g. `0.0" %"`. */
  numFmt?: string;
  /** Where the chart sits: the logical sheet and the cell range it covers (top-left to bottom-right). */
  anchor?: { sheet: string; range: CellRange };
  /** Axis bounds (e.g. 0–100 for percentages); absent = automatic. */
  axisMin?: number;
  axisMax?: number;
}

/** Page setup for printing a layout sheet (A4 landscape, one page wide …). */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** Fit to this many pages across (1 = one page wide); absent = no fitting. */
  fitToWidth?: number;
  /** Fit to this many pages down; 0 = as many as needed. */
  fitToHeight?: number;
  /** Rows repeated at the top of every printed page (print titles), 1-based inclusive. */
  titleRows?: { from: number; to: number };
  /** The print area on this sheet; absent = the used range. */
  area?: CellRange;
  /** Header and footer texts with Excel's codes (`&P`, `&N`, `&D`), e.g. `&LПроект&RДата: 06.12.2026`. */
  header?: string;
  footer?: string;
  /** Margins in inches (Excel's unit); absent = the host's defaults. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** How a municipal fact cell was filled. */
export interface FactCell {
  /** Indicator value id (`quality_pct`, `vpr_coped_pct_g5` …). */
  id: string;
  period: string;
  /** Sheet (logical name) and A1 address of the fact cell. */
  sheet: string;
  address: string;
  /** The core's value. */
  value: number | boolean | null;
  /** True when the cell holds a live formula (whose cached result is `value`). */
  formula: boolean;
  /** Why the cell holds a value and not a formula (Russian), when it does. */
  reason?: string;
}
