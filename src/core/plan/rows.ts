/**
 * Row classification of a plan-graph table: activities, sections (stage, track, direction and
 * group rows) and continuation fragments.
 */
import {
  cellText,
  hasVerticalMerges,
  isBlank,
  verticalMergeFiller,
  type CellValue,
  type SheetData,
} from "../model/sheet";
import type { HeaderMatch } from "../sheets/header";
import type { PlanSheetSpec } from "../template/schema";
import { headerKey } from "../text/normalize";
import { leadingNumber, parseNumberLabel, isPrefix, type NumberLabel } from "./numbering";

export type PlanRowKind = "activity" | "section";

export interface PlanRow {
  kind: PlanRowKind;
  /** Worksheet row. */
  row: number;
  /** Parsed number, if any. `invalid` holds the raw text of a malformed one. */
  label: NumberLabel | null;
  invalidLabel: string | null;
  /** Raw values of the columns whose type matters (number, deadline, dates) and trimmed texts of all matched columns, by column id. */
  values: Record<string, CellValue>;
  texts: Record<string, string>;
  /** Section title (for sections). */
  title: string;
  /** Index of the enclosing section (0 = before any section). */
  section: number;
  /** Rows of continuation fragments joined into this activity, if any. */
  continuedBy?: number[];
}

const DETAIL_IDS = ["due", "owner", "result", "status", "done_date", "fact", "participants", "evidence"];
/** Columns whose raw value (a number, a date) is needed besides its text. */
const RAW_IDS = new Set(["no", "due", "done_date"]);
const TRAILING_IDS = ["owner", "result", "fact", "participants", "evidence"];

function hasAny(texts: Record<string, string>, ids: readonly string[]): boolean {
  for (const id of ids) if (texts[id]) return true;
  return false;
}

function isHeaderRepeat(texts: Record<string, string>, header: HeaderMatch): boolean {
  // Fast path: a row whose number cell holds a number is data, not a repeated header.
  const no = texts.no;
  if (no) {
    const c = no.charCodeAt(0);
    if (c >= 48 && c <= 57) return false;
  }
  let same = 0;
  for (const [id, h] of Object.entries(header.headers)) if (texts[id] && headerKey(texts[id]) === headerKey(h)) same++;
  return same >= Math.max(2, Math.ceil(header.matched / 2));
}

function isNumberingRepeat(texts: Record<string, string>, idsInOrder: readonly string[]): boolean {
  if (texts.no && texts.no !== "1" && texts.no !== "1.") return false;
  const nums = idsInOrder.map((id) => texts[id]).filter((t) => t);
  return nums.length >= 3 && nums.every((t, i) => t.replace(/\.$/, "") === String(i + 1));
}

/**
 * An object with the given keys, in order, each set to `fill`, to copy per row: a copy has every
 * key already (set in place), where an object filled key by key changes shape on each key: on
 * 100k-row plans that was the costliest line. Parsed from JSON so that every key is held in the
 * object itself (no separate property store to allocate per copy).
 */
function rowTemplate<V>(keys: readonly string[], fill: V): Record<string, V> {
  const o: Record<string, V> = {};
  for (const k of keys) o[k] = fill;
  return JSON.parse(JSON.stringify(o)) as Record<string, V>;
}

/** Classify the data rows of a plan table. */
export function classifyPlanRows(sheet: SheetData, header: HeaderMatch, spec: PlanSheetSpec): PlanRow[] {
  const ids = Object.keys(header.columns);
  const idsInOrder = [...ids].sort((a, b) => header.columns[a] - header.columns[b]);
  // The kept rows as the PlanRow objects they become (classified in place below: one object per
  // row of 100k-row plans, not two), and their parsed numbers alongside.
  const raw: PlanRow[] = [];
  const rawLabels: (NumberLabel | "invalid" | null)[] = [];
  const valueAt = verticalMergeFiller(sheet);
  // Without vertical merges a cell is its row's value: read in place, not through the filler.
  const merged = hasVerticalMerges(sheet);
  const sheetRows = sheet.rows;
  // Per column, looked up once: its worksheet column and whether its raw value is kept.
  const cols = ids.map((id) => header.columns[id]);
  const keepRaw = ids.map((id) => RAW_IDS.has(id));
  // Completion dates repeat: format each distinct date once.
  const dateTexts = new Map<number, string>();
  const valuesTemplate = rowTemplate<CellValue>(
    ids.filter((id) => RAW_IDS.has(id)),
    null,
  );
  const textsTemplate = rowTemplate(ids, "");
  const nRows = sheet.rows.length;
  for (let r = header.dataStartRow; r <= nRows; r++) {
    const values: Record<string, CellValue> = { ...valuesTemplate };
    const texts: Record<string, string> = { ...textsTemplate };
    let any = false;
    const row = sheetRows[r - 1] as readonly CellValue[] | undefined;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      let v: CellValue;
      if (merged || row === undefined) v = valueAt(r, cols[k]);
      else {
        const x = row[cols[k] - 1];
        v = x === undefined ? null : x;
      }
      if (keepRaw[k]) values[id] = v;
      let t: string;
      if (v instanceof Date) {
        const time = v.getTime();
        const known = dateTexts.get(time);
        if (known === undefined) dateTexts.set(time, (t = cellText(v)));
        else t = known;
      } else t = cellText(v);
      texts[id] = t;
      if (t) any = true;
    }
    if (!any) continue;
    if (isHeaderRepeat(texts, header) || isNumberingRepeat(texts, idsInOrder)) continue;
    const noValue = values.no ?? null;
    const label = isBlank(noValue) ? null : parseNumberLabel(typeof noValue === "number" ? noValue : (texts.no ?? ""));
    raw.push({
      row: r,
      values,
      texts,
      kind: "activity",
      label: null,
      invalidLabel: null,
      title: "",
      section: 0,
    });
    rawLabels.push(label);
  }

  const out: PlanRow[] = [];
  let section = 0;
  const section_ = (r: PlanRow, label: NumberLabel | null, title: string): PlanRow => {
    section++;
    r.kind = "section";
    r.label = label;
    r.invalidLabel = null;
    r.title = title;
    r.section = section;
    return r;
  };
  const activity = (r: PlanRow, label: NumberLabel | null, invalidLabel: string | null): PlanRow => {
    r.kind = "activity";
    r.label = label;
    r.invalidLabel = invalidLabel;
    r.title = "";
    r.section = section;
    return r;
  };
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const rLabel = rawLabels[i];
    const t = r.texts;
    const hasDetails = hasAny(t, DETAIL_IDS);
    const next = i + 1 < raw.length ? raw[i + 1] : undefined;
    const nextRawLabel = next ? rawLabels[i + 1] : null;

    // The common case first: a numbered row with details is an activity unless children follow it.
    if (rLabel && rLabel !== "invalid") {
      const nextLabel = next && nextRawLabel && nextRawLabel !== "invalid" ? nextRawLabel : null;
      const nextIsChild = nextLabel !== null && isPrefix(rLabel.segments, nextLabel.segments);
      const nextIsUnnumberedActivity = !!next && nextRawLabel === null && hasAny(next.texts, DETAIL_IDS);
      const isGroup =
        (nextIsChild && !t.due) ||
        (!hasDetails && (/:\s*$/.test(t.task ?? "") || !t.task)) ||
        (spec.numbering === "groups" && !t.due && !t.owner && nextIsUnnumberedActivity);
      out.push(isGroup ? section_(r, rLabel, t.task || t.no || "") : activity(r, rLabel, null));
      continue;
    }
    const nonEmpty = ids.filter((id) => t[id]);
    const distinct = [...new Set(nonEmpty.map((id) => t[id]))];

    // A single text across the row (one cell or one merged area): a section title.
    if (!hasDetails && distinct.length === 1) {
      out.push(section_(r, leadingNumber(distinct[0]), distinct[0]));
      continue;
    }
    if (rLabel === "invalid") {
      // «1. Трек 1. …» written in the number column with nothing else but maybe the same text.
      const lead = leadingNumber(t.no ?? "");
      out.push(lead && !hasDetails && !t.task ? section_(r, lead, t.no ?? "") : activity(r, null, t.no ?? ""));
      continue;
    }
    // No number. Fragments of a previous activity (text only in owner/result/fact columns).
    const prev = out[out.length - 1];
    const onlyTrailing = !t.task && !t.due && nonEmpty.every((id) => TRAILING_IDS.includes(id));
    if (onlyTrailing && prev && prev.kind === "activity") {
      for (const id of nonEmpty) {
        prev.texts[id] = prev.texts[id] ? `${prev.texts[id]} ${t[id]}` : t[id];
        if (RAW_IDS.has(id) && isBlank(prev.values[id] ?? null)) prev.values[id] = t[id];
      }
      (prev.continuedBy ??= []).push(r.row);
      continue;
    }
    if (!hasDetails) {
      const title = t.task || distinct.join(" ");
      out.push(section_(r, leadingNumber(title), title));
      continue;
    }
    out.push(activity(r, null, null));
  }
  return out;
}
