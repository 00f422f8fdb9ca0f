/** Cells grouped into rectangles, and address lists under Excel's limit (pure). */
import { a1 } from "../../core/model/address";

export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A1 address of a rectangle: `C12` or `C12:C40`. */
export function rectA1(r: CellRect): string {
  const first = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${a1(r.bottom, r.right)}`;
}

/**
 * Covers the cells exactly with few rectangles: runs of adjacent cells in a row, then identical
 * runs in consecutive rows merged (a column of marked cells is one rectangle).
 */
export function cellRectangles(cells: readonly { row: number; col: number }[]): CellRect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const out: CellRect[] = [];
  /** Open rectangles by "left:right", extended while the next row has the same run. */
  let open = new Map<string, CellRect>();
  let prevRow = -1;
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, CellRect>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const prev = row === prevRow + 1 ? open.get(key) : undefined;
      if (prev) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else {
        const r = { top: row, left, bottom: row, right };
        out.push(r);
        next.set(key, r);
      }
    }
    open = next;
    prevRow = row;
  }
  return out;
}
