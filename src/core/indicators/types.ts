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

/**
 * `formatNumberRu(value, 1)` followed by `suffix`, written out at once: tens of thousands of values
 * per region get their text without intermediate strings. Null where the tenths are not exact in
 * a double (huge values, NaN, infinities): those take the general way.
 */
function tenthsText(value: number, suffix: string): string | null {
  const scaled = value * 10;
  const r = Math.round(Math.abs(scaled) + 1e-9 * Math.max(1, Math.abs(scaled)));
  return r < 1e12 ? `${scaled < 0 && r > 0 ? "-" : ""}${Math.floor(r / 10)},${r % 10}${suffix}` : null;
}

/** Rounded half-up to `digits` decimals, all of them shown, with a decimal comma: 2.45 → «2,5», 3 → «3,0». */
export function formatNumberRu(value: number, digits = 1): string {
  return (digits === 1 ? tenthsText(value, "") : null) ?? roundHalfUp(value, digits).toFixed(digits).replace(".", ",");
}

/** « %», « чел.» or nothing after a number, by unit (units are few: made once each). */
const suffixes = new Map<string, string>([
  ["%", " %"],
  ["", ""],
]);

export function displayValue(value: number | boolean | null, unit: string): string {
  if (value === null) return "нет данных";
  if (typeof value === "boolean") return value ? "да" : "нет";
  let suffix = suffixes.get(unit);
  if (suffix === undefined) suffixes.set(unit, (suffix = ` ${unit}`));
  return tenthsText(value, suffix) ?? `${formatNumberRu(value, 1)}${suffix}`;
}
