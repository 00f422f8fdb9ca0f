/**
 * `event_share`: per event, the filter's schools (ШНОР of the event's year) among its «Участвовавшие
 * ОО» / all such schools × 100; municipality: the mean over the period's events. Formula twin: the
 * engine writes each event's share into a helper column aligned with «Мероприятия»; the fact is
 * their AVERAGE.
 */
import { schoolKey as toSchoolKey } from "../../parse/school";
import type { IndicatorSpec } from "../../template/schema";
import { testWhere, whereColumns } from "../aggregate";
import type { IndicatorContext } from "../context";
import { factLabel, FormulaError } from "../formula";
import { statusYear } from "../periods";
import type { IndicatorValue } from "../types";
import { finish, municipalRaw, periodsOf, type Raw } from "../values";
import type { IndicatorKindDef } from "./types";

/** Names in an «Участвовавшие ОО» cell, separated by «;» or line breaks. */
function participantKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const part of text.split(/[;\n\r]+/)) {
    const t = part.trim();
    if (t) keys.add(toSchoolKey(t));
  }
  return keys;
}

/**
 * `event_share`: per event, the filter's schools (ШНОР of the event's year) among its participants /
 * all such schools × 100; municipality: the mean over the period's events (the numerator's `where`
 * picks them). An event with an empty or invalid participants cell is left out (counted).
 */
function computeEventShare(ctx: IndicatorContext, spec: IndicatorSpec): IndicatorValue[] {
  const events = spec.numerator;
  if (!events) return [];
  const kind = spec.period.kind;
  const { periods } = periodsOf(ctx, spec);
  const raws: Raw[] = [];
  const present =
    ctx.hasColumns(events.sheet, ["schools", ...whereColumns(events)]) && ctx.data.present.schools !== undefined;
  for (const period of periods) {
    if (!present) {
      raws.push(municipalRaw(spec, period, { value: null, excluded: 0 }));
      continue;
    }
    const year = statusYear(period, kind);
    const target = new Set<string>();
    for (const s of ctx.data.schools) if (ctx.passes(spec.schools, s.key, year, spec.procedures)) target.add(s.key);
    const shares: number[] = [];
    let excluded = 0;
    for (const r of ctx.recordsIn(events.sheet, kind, period)) {
      const w = testWhere(events, r);
      if (w === "no") continue;
      const list = r.values.schools;
      if (w === "invalid" || r.invalid.includes("schools") || typeof list !== "string" || !list.trim()) {
        excluded++;
        continue;
      }
      if (target.size === 0) continue;
      const keys = r.schoolList ? new Set(r.schoolList.map((x) => x.key)) : participantKeys(list);
      let hit = 0;
      for (const k of target) if (keys.has(k)) hit++;
      const share = (hit * spec.scale) / target.size;
      shares.push(share);
      ctx.options.uses?.add({
        id: spec.id,
        period,
        aggregate: 0,
        sheet: events.sheet,
        row: r.row,
        schoolKey: null,
        value: share,
      });
    }
    const value = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null;
    raws.push(
      municipalRaw(spec, period, {
        value,
        excluded,
        note: shares.length ? `среднее по ${shares.length} мероприятиям; ШНОР: ${target.size}` : undefined,
      }),
    );
    // The note as data, for `src/i18n` to render per language (INDICATOR_NOTES).
    if (shares.length)
      raws[raws.length - 1].note_params = { variant: "event_mean", events: shares.length, schools: target.size };
  }
  return finish(spec, raws);
}

export const eventShare: IndicatorKindDef<"event_share"> = {
  kind: "event_share",
  requires: ["numerator"],
  compute: computeEventShare,
  formula(b, spec, fact) {
    const sheet = spec.numerator?.sheet;
    const uses = b.usesOf(fact.id, fact.period, 0);
    if (!sheet || !uses.length) throw new FormulaError("значение: нет мероприятий");
    const f = b.figures(sheet, uses, factLabel(fact, "доля по мероприятию"));
    return { text: `AVERAGE(${f.range})`, result: f.values.reduce((s, x) => s + x, 0) / f.values.length };
  },
  better: null,
  valueType: "number",
  digits: () => 1,
};
