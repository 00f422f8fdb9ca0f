/**
 * The neutral sheet model: what every host (Office.js, ExcelJS, a browser file) converts a
 * workbook into, and the only thing the core ever reads.
 */

/** An Excel error value as the user sees it, e.g. `#DIV/0!`, `#REF!`, `#VALUE!`, `#N/A`. */
export interface CellError {
  readonly error: string;
}

/**
 * The value a user sees in a cell. Dates are JavaScript `Date` objects at UTC midnight (plus the
 * time of day, if any) — hosts convert Excel serial numbers in date-formatted cells. Formula
 * cells carry their cached result. Rich text is flattened to a plain string.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A merged area, 1-based inclusive worksheet coordinates. */
export interface MergedArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetData {
  /** Worksheet name as shown on its tab. */
  readonly name: string;
  /** `rows[r][c]` is the cell at worksheet row `r + 1`, column `c + 1`. Rows may be ragged or empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /**
   * Number formats where they matter (dates, percentages), sparse: `formats[r][c]`.
   * Absent means "General" / unknown.
   */
  readonly formats?: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
  /** Merged areas; the value sits in the top-left cell, the others are null. */
  readonly merges?: ReadonlyArray<MergedArea>;
  /** `true` for hidden sheets, `"very"` for very hidden ones. */
  readonly hidden?: boolean | "very";
}

export interface WorkbookData {
  /** File name or workbook title, for reports. */
  readonly name: string;
  readonly sheets: ReadonlyArray<SheetData>;
  /** Custom document properties (e.g. the Sverka template id recorded by `sverka template`). */
  readonly properties?: Readonly<Record<string, string>>;
  /** Workbook-level defined names: name → formula/reference text. */
  readonly definedNames?: Readonly<Record<string, string>>;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

export function cellAt(sheet: SheetData, row: number, col: number): CellValue {
  const r = sheet.rows[row - 1];
  if (!r) return null;
  const v = r[col - 1];
  return v === undefined ? null : v;
}

export function formatAt(sheet: SheetData, row: number, col: number): string | undefined {
  return sheet.formats?.[row - 1]?.[col - 1];
}

/** Text of a cell as a user would read it: strings trimmed, numbers as written, dates as dd.mm.yyyy. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  if (v instanceof Date) return formatDateRu(v);
  return v.error;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** dd.mm.yyyy in UTC. */
export function formatDateRu(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}.${mm}.${d.getUTCFullYear()}`;
}

/** Whether a merged area of the sheet spans rows (else every cell is its own row's value). */
export function hasVerticalMerges(sheet: SheetData): boolean {
  return (sheet.merges ?? []).some((m) => m.bottom > m.top);
}

/**
 * Value lookup that repeats a vertically merged cell's value down its first column: an owner or
 * deadline merged over several activity rows applies to each of them. Other cells of a merged
 * area stay empty (a section title merged across a row stays one title).
 */
export function verticalMergeFiller(sheet: SheetData): (row: number, col: number) => CellValue {
  if (!hasVerticalMerges(sheet)) return (row, col) => cellAt(sheet, row, col);
  const vertical = (sheet.merges ?? []).filter((m) => m.bottom > m.top);
  const byCell = new Map<string, CellValue>();
  for (const m of vertical) {
    const v = cellAt(sheet, m.top, m.left);
    for (let r = m.top + 1; r <= m.bottom; r++) byCell.set(`${r}:${m.left}`, v);
  }
  return (row, col) => {
    const v = cellAt(sheet, row, col);
    if (v !== null) return v;
    return byCell.get(`${row}:${col}`) ?? null;
  };
}

/** Text that carries no letter or digit («.», «-», «—») counts as empty in required cells. */
export function isMeaningless(text: string): boolean {
  // [0-9A-Za-zА-Яа-яЁё] by character codes: this runs on several cells of each of 100k plan rows.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 0x410 && c <= 0x44f) ||
      c === 0x401 ||
      c === 0x451
    )
      return false;
  }
  return !/[\p{L}\p{N}]/u.test(text);
}
