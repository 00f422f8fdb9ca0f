/**
 * The «Статус» of an indicator row as a live formula over its fact cell (and the previous
 * period's, for growth targets), written only when it gives exactly the core's verdict.
 */
import type { IndicatorValue } from "../indicators/types";
import type { CellStyle } from "./types";
import type { Target } from "../template/schema";

export const STATUS_MET = "выполнено";
export const STATUS_NOT_MET = "не выполнено";
export const NO_DATA = "нет данных";

export function statusOf(v: IndicatorValue): {
  text: string;
  style: CellStyle;
} {
  if (v.value === null) return { text: NO_DATA, style: "noData" };
  if (v.met === true) return { text: STATUS_MET, style: "met" };
  if (v.met === false) return { text: STATUS_NOT_MET, style: "notMet" };
  return {
    text: v.target === null ? "цель не задана" : "не оценить",
    style: "noData",
  };
}

function num(n: number): string {
  return String(n);
}

/** The condition of one target in Excel, and the same test in JavaScript (as Excel computes it). */
function condition(
  t: Target,
  fact: string,
  prev: string | null,
): { text: string; test: (f: number, p: number) => boolean } | null {
  switch (t.op) {
    case ">=":
      return { text: `${fact}>=${num(t.value)}`, test: (f) => f >= t.value };
    case ">":
      return { text: `${fact}>${num(t.value)}`, test: (f) => f > t.value };
    case "<=":
      return { text: `${fact}<=${num(t.value)}`, test: (f) => f <= t.value };
    case "<":
      return { text: `${fact}<${num(t.value)}`, test: (f) => f < t.value };
    case "=":
      return { text: `${fact}=${num(t.value)}`, test: (f) => f === t.value };
    case "growth":
      return prev === null
        ? null
        : {
            text: `${fact}-${prev}>=${num(t.value)}`,
            test: (f, p) => f - p >= t.value,
          };
  }
}

/**
 * `IF(ISNUMBER(E12),IF(E12<=20,"выполнено","не выполнено"),"нет данных")` for the value's targets;
 * null when no formula reproduces the core's status (no target, a growth target without the
 * previous fact, or a value on the edge of the core's tolerance).
 */
export function statusFormula(
  v: IndicatorValue,
  targets: readonly Target[],
  fact: string,
  prev: { ref: string; value: number | boolean | null } | null,
): string | null {
  if (!targets.length || typeof v.value !== "number" || v.met === null) return null;
  const conds = targets.map((t) => condition(t, fact, prev?.ref ?? null));
  if (conds.some((c) => c === null)) return null;
  const list = conds as {
    text: string;
    test: (f: number, p: number) => boolean;
  }[];
  const usesPrev = targets.some((t) => t.op === "growth");
  const p = typeof prev?.value === "number" ? prev.value : NaN;
  if (usesPrev && Number.isNaN(p)) return null;
  if (list.every((c) => c.test(v.value as number, p)) !== v.met) return null;
  const test = list.length === 1 ? list[0].text : `AND(${list.map((c) => c.text).join(",")})`;
  const guard = usesPrev ? `AND(ISNUMBER(${fact}),ISNUMBER(${prev!.ref}))` : `ISNUMBER(${fact})`;
  return `IF(${guard},IF(${test},"${STATUS_MET}","${STATUS_NOT_MET}"),"${NO_DATA}")`;
}
