/** Indicator values: the `indicators` part of the JSON contract. */
import type { IssueParams } from "../report/issue";

export interface IndicatorValue {
  id: string;
  title: string;
  /** Period the value belongs to: a calendar year «2022», a school year «2022/2023», or a report date «2021-06-30». */
  period: string;
  /** `"municipality"` or a school's registered name. */
  scope: string;
  /** Unrounded value; null when there are no data. Boolean for statuses (e.g. `shnor_status`). */
  value: number | boolean | null;
  /** Value for display: rounded half-up to one decimal with the unit, or «нет данных». */
  display: string;
  unit: string;
  /** Target as text («≥ 75 %»), null when the template gives none. */
  target: string | null;
  /** Whether the target is met; null when there is no target or no value. */
  met: boolean | null;
  /** Rows left out because their values were invalid. */
  excluded_rows: number;
  /** Numerator and denominator where the value is a ratio. */
  numerator?: number;
  denominator?: number;
  /** Value of the same indicator and scope in the previous period (unrounded); null when absent. */
  previous?: number | boolean | null;
  /** `value − previous` when both are numbers, else null. */
  delta?: number | null;
  /** The assessment procedure of a per-procedure value (`low_result`). */
  procedure?: string;
  /** A short explanation in Russian (e.g. why a school is ШНОР, over how many events a mean is taken). */
  note?: string;
  /**
   * `note` as data (`variant` and values) where the note has a wording per language (the ШНОР
   * status' reason): `src/i18n` renders `note` from it (`localizeIndicators`).
   */
  note_params?: IssueParams;
}

/** Round half-up to `digits` decimals (2.45 → 2.5), robust to binary floating error. */
export function roundHalfUp(value: number, digits = 1): number {
  const f = 10 ** digits;
  const scaled = value * f;
  const r = Math.round(Math.abs(scaled) + 1e-9 * Math.max(1, Math.abs(scaled)));
  return (Math.sign(scaled) * r) / f;
}

/** Rounded half-up to `digits` decimals, all of them shown, with a decimal comma: 2.45 → «2,5», 3 → «3,0». */
export function formatNumberRu(value: number, digits = 1): string {
  return roundHalfUp(value, digits).toFixed(digits).replace(".", ",");
}

export function displayValue(value: number | boolean | null, unit: string): string {
  if (value === null) return "нет данных";
  if (typeof value === "boolean") return value ? "да" : "нет";
  const n = formatNumberRu(value, 1);
  return unit === "%" ? `${n} %` : unit ? `${n} ${unit}` : n;
}
