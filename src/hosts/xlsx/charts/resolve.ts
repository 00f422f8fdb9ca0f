/**
 * A `ChartSpec` made concrete for writing: every series with its value range, its cached values
 * and colours, the categories with their cached labels (from the spec, else read from the layout's
 * own cells, which the ranges point at), and where the chart sits on the sheet.
 */
import { parseA1 } from "../../../core/model/address";
import type { CellRange, ChartSpec, LayoutSheet } from "../../../core/dashboard/types";

export interface RangeRef {
  /** Sheet name as written in the reference (unquoted). */
  sheet: string;
  range: CellRange;
}

/** `'Дашборд'!$A$40:$A$68` → sheet and cell range; undefined when it is not such a reference. */
export function parseRangeRef(ref: string): RangeRef | undefined {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return undefined;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const [from, to = from] = ref.slice(bang + 1).split(":");
  try {
    const a = parseA1(from);
    const b = parseA1(to);
    return {
      sheet,
      range: {
        top: Math.min(a.row, b.row),
        left: Math.min(a.col, b.col),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.col, b.col),
      },
    };
  } catch {
    return undefined;
  }
}

/** Number of cells of a one-row or one-column range. */
export function rangeLength(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export interface ResolvedSeries {
  name: string;
  /** Reference as written into the chart (actual sheet names). */
  ref: string;
  values: (number | null)[];
  color?: string;
  pointColors?: (string | undefined)[];
  asLine: boolean;
}

export interface ResolvedChart {
  id: string;
  kind: ChartSpec["kind"];
  title: string;
  categoriesRef: string;
  categories: string[];
  series: ResolvedSeries[];
  numFmt?: string;
  axisMin?: number;
  axisMax?: number;
  /** Logical sheet the chart sits on and the cells it covers. */
  sheet: string;
  anchor: CellRange;
}

/** The values of a range's cells on a layout sheet, in order (row by row). */
function cellValues(sheets: readonly LayoutSheet[], ref: RangeRef | undefined): (string | number | boolean | null)[] {
  if (!ref) return [];
  const sheet = sheets.find((s) => s.name === ref.sheet);
  const { top, left, bottom, right } = ref.range;
  const byAddress = new Map<string, string | number | boolean | null>();
  if (sheet)
    for (const c of sheet.cells)
      if (c.row >= top && c.row <= bottom && c.col >= left && c.col <= right)
        byAddress.set(`${c.row}:${c.col}`, c.value);
  const out: (string | number | boolean | null)[] = [];
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(byAddress.get(`${r}:${c}`) ?? null);
  return out;
}

const DEFAULT_COLORS = ["FF2F6FB5", "FFC00000", "FF70AD47", "FFED7D31", "FF7030A0"];
const CHART_ROWS = 18;
const CHART_COLS = 8;

/**
 * The charts of a layout, resolved against its sheets. `rewrite` turns logical sheet names into
 * the actual ones for the references written into the chart parts.
 */
export function resolveCharts(
  charts: readonly ChartSpec[],
  sheets: readonly LayoutSheet[],
  rewrite: (s: string) => string,
): ResolvedChart[] {
  const dashboard = sheets.find((s) => s.role === "dashboard");
  const firstFreeCol = (dashboard?.widths.length ?? 8) + 2;
  return charts.map((spec, i) => {
    const catRef = parseRangeRef(spec.categoriesRange);
    const categories =
      spec.categories ??
      cellValues(sheets, catRef).map((v) => (v === null ? "" : typeof v === "string" ? v : String(v)));
    const specSeries = spec.series ?? [
      { name: spec.title, valuesRange: spec.valuesRange, values: [] as (number | null)[] },
    ];
    const series: ResolvedSeries[] = specSeries.map((s, k) => {
      const own = spec.series ? s.values : [];
      const values = own.length
        ? own
        : cellValues(sheets, parseRangeRef(s.valuesRange)).map((v) =>
            typeof v === "number" && Number.isFinite(v) ? v : null,
          );
      return {
        name: s.name,
        ref: rewrite(s.valuesRange),
        values,
        color: s.color ?? DEFAULT_COLORS[k % DEFAULT_COLORS.length],
        ...(s.pointColors ? { pointColors: s.pointColors } : {}),
        asLine: s.asLine === true && spec.kind !== "line",
      };
    });
    const sheet = spec.anchor?.sheet ?? dashboard?.name ?? catRef?.sheet ?? "";
    const anchor = spec.anchor?.range ?? {
      top: 3 + i * (CHART_ROWS + 2),
      left: firstFreeCol,
      bottom: 3 + i * (CHART_ROWS + 2) + CHART_ROWS - 1,
      right: firstFreeCol + CHART_COLS - 1,
    };
    return {
      id: spec.id ?? `chart${i + 1}`,
      kind: spec.kind,
      title: spec.title,
      categoriesRef: rewrite(spec.categoriesRange),
      categories,
      series,
      ...(spec.numFmt !== undefined ? { numFmt: spec.numFmt } : {}),
      ...(spec.axisMin !== undefined ? { axisMin: spec.axisMin } : {}),
      ...(spec.axisMax !== undefined ? { axisMax: spec.axisMax } : {}),
      sheet,
      anchor,
    };
  });
}
