/** Russian number formatting of the справка: «34,5 %», «+6,9 п.п.», «−45 чел.». */
import { formatNumberRu } from "../../indicators/types";

const MINUS = "\u2212";

function plain(n: number, unit: string): string {
  return unit === "%" || !Number.isInteger(n) ? formatNumberRu(n) : String(n);
}

/** A value with its unit: «34,5 %», «9 ед.», «−45 чел.». */
export function ruValue(n: number, unit: string): string {
  const body = plain(Math.abs(n), unit);
  const sign = n < 0 && body.replace(/[0,]/g, "") !== "" ? MINUS : "";
  return `${sign}${body}${unit ? ` ${unit}` : ""}`;
}

/** A change: «+6,9 п.п.» for percentages, «−0,6 п.п.», «+3 чел.», «0,0 п.п.». */
export function ruDelta(n: number, unit: string): string {
  const u = unit === "%" ? "п.п." : unit;
  const body = unit === "%" || !Number.isInteger(n) ? formatNumberRu(Math.abs(n)) : String(Math.abs(n));
  const zero = body.replace(/[0,]/g, "") === "";
  const sign = zero ? "" : n > 0 ? "+" : MINUS;
  return `${sign}${body}${u ? ` ${u}` : ""}`;
}

/** The same change without a sign, for sentences: «на 6,9 п.п.». */
export function ruAmount(n: number, unit: string): string {
  return ruDelta(Math.abs(n), unit).replace(/^\+/, "");
}

/** «2 школы», «5 школ», «21 школа». */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const w = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${n} ${w}`;
}
