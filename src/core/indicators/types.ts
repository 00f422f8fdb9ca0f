/** Indicator values: the `indicators` part of the JSON contract. */

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
  if (digits === 1) {
    // Tens of thousands of values per region: the tenths written out directly (the same text as
    // below, without the intermediate strings) while they are exact in a double.
    const scaled = value * 10;
    const r = Math.round(Math.abs(scaled) + 1e-9 * Math.max(1, Math.abs(scaled)));
    if (r < 1e12) return `${scaled < 0 && r > 0 ? "-" : ""}${Math.floor(r / 10)},${r % 10}`;
  }
  return roundHalfUp(value, digits).toFixed(digits).replace(".", ",");
}

export function displayValue(value: number | boolean | null, unit: string): string {
  if (value === null) return "нет данных";
  if (typeof value === "boolean") return value ? "да" : "нет";
  const n = formatNumberRu(value, 1);
  return unit === "%" ? `${n} %` : unit ? `${n} ${unit}` : n;
}
