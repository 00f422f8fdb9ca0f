/** Activity numbers of a plan-graph: «1», «1.», «1.2», «1.2.3.» and their hierarchy. */

export interface NumberLabel {
  /** As written, trimmed. */
  text: string;
  /** Canonical form without the trailing dot: «1.2.3». */
  key: string;
  segments: number[];
}

const LABEL = /^\d{1,4}(?:\.\d{1,4})*\.?$/;

/** `parseNumberLabel`'s segments as read, before they are copied out. */
const scratch: number[] = [];

/** Parse a number cell. Returns null for blank, `"invalid"` for text that is not a valid label. */
export function parseNumberLabel(raw: string | number): NumberLabel | "invalid" | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw <= 0) return "invalid";
    // A number cell: 3 → «3»; 1.1 → «1.1». (1.10 cannot be told from 1.1 in a number cell.)
    raw = String(raw);
  }
  // Most cells hold only digits and dots: nothing to strip then (no regular-expression replace).
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 46 && (c < 48 || c > 57)) {
      plain = false;
      break;
    }
  }
  const text = plain ? raw : raw.replace(/[\s\u00A0]+/g, "").trim();
  if (!text) return null;
  if (!LABEL.test(text)) return "invalid";
  const key = text.charCodeAt(text.length - 1) === 46 ? text.slice(0, -1) : text;
  // The segments, read digit by digit (LABEL allows only ASCII digits and dots): 100k-row plans.
  // Read into a scratch list and copied out at their exact count: a list grown by `push` from
  // empty reserves room for 17 numbers, kept for every label of the plan.
  let count = 0;
  let n = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c !== 46) n = n * 10 + (c - 48);
    else {
      if (n === 0) return "invalid";
      scratch[count++] = n;
      n = 0;
    }
  }
  if (n === 0) return "invalid";
  scratch[count++] = n;
  return { text: plain ? raw : raw.trim(), key, segments: scratch.slice(0, count) };
}

/**
 * A number at the start of a section title: «1. Трек 1. Адресная …» → «1»,
 * «1.1. Организационные мероприятия» → «1.1». Null when the text does not start with one.
 */
export function leadingNumber(text: string): NumberLabel | null {
  const m = /^\s*(\d{1,4}(?:\.\d{1,4})*)\.?\s+(?=\S)/u.exec(text);
  if (!m) return null;
  const parsed = parseNumberLabel(m[1]);
  return parsed && parsed !== "invalid" ? parsed : null;
}

export function isPrefix(parent: readonly number[], child: readonly number[]): boolean {
  return parent.length < child.length && parent.every((s, i) => child[i] === s);
}

export type NumberingFinding =
  | { kind: "duplicate"; label: NumberLabel; firstRow: number }
  | { kind: "gap"; label: NumberLabel; missing: string[]; previous: string | null }
  | { kind: "order"; label: NumberLabel; previous: string }
  | { kind: "parent"; label: NumberLabel; context: string | null };

/**
 * Checks a sheet's numbers in order. `rootDepth` is the smallest depth used in the sheet:
 * numbers at that depth need no parent (a plan may number its groups 1.1, 2.1 … only).
 */
const NO_FINDINGS: NumberingFinding[] = [];

/** The label of a sibling: «2.3» under «2», «3» at the top. */
function siblingLabel(parentKey: string, n: number): string {
  return parentKey ? `${parentKey}.${n}` : String(n);
}

export class NumberingChecker {
  private readonly seen = new Map<string, number>();
  /** Most recent label at each depth (index = depth - 1). */
  private readonly path: (number[] | undefined)[] = [];
  /** Last child segment seen under each parent key. */
  private readonly lastChild = new Map<string, number>();
  /** The parent key of the last label deeper than the top. */
  private lastParentKey = "";
  /**
   * The last parent key whose label was seen (labels are never forgotten, so it stays seen):
   * siblings one after another look their parent up once.
   */
  private seenParent: string | null = null;
  /** `lastChild` of one parent key held here, written to the map when another parent comes. */
  private childKey: string | null = null;
  private childLast = 0;

  constructor(private readonly rootDepth: number) {}

  check(label: NumberLabel, row: number): NumberingFinding[] {
    const key = label.key;
    const first = this.seen.get(key);
    if (first !== undefined) return [{ kind: "duplicate", label, firstRow: first }];
    this.seen.set(key, row);
    const segs = label.segments;
    const depth = segs.length;
    // Prefix keys by string position (this runs once per row of 100k-row plans: no split/join).
    // Siblings follow one another: the previous parent key, when it is this one, is reused (its
    // hash already computed) rather than sliced anew.
    let parentKey = "";
    if (depth > 1) {
      const cut = key.lastIndexOf(".");
      const last = this.lastParentKey;
      parentKey = cut === last.length && key.startsWith(last) ? last : key.slice(0, cut);
      this.lastParentKey = parentKey;
    }
    let out: NumberingFinding[] | null = null;

    if (depth > this.rootDepth) {
      // Deepest existing ancestor, down to the root depth.
      let found = parentKey === this.seenParent;
      let anc = parentKey;
      for (let d = depth - 1; !found && d >= this.rootDepth; d--) {
        if (this.seen.has(anc)) {
          found = true;
          if (anc === parentKey) this.seenParent = parentKey;
          break;
        }
        anc = anc.slice(0, Math.max(0, anc.lastIndexOf(".")));
      }
      const ctx = this.path[this.rootDepth - 1];
      let underOtherSection = false;
      if (ctx !== undefined) for (let i = 0; i < this.rootDepth; i++) if (ctx[i] !== segs[i]) underOtherSection = true;
      if (!found || underOtherSection)
        (out ??= []).push({ kind: "parent", label, context: underOtherSection && ctx ? ctx.join(".") : null });
    }

    const own = segs[depth - 1];
    const prev = parentKey === this.childKey ? this.childLast : this.lastChild.get(parentKey);
    const expected = prev === undefined ? 1 : prev + 1;
    if (own > expected) {
      const missing: string[] = [];
      for (let n = expected; n < own && missing.length < 50; n++) missing.push(siblingLabel(parentKey, n));
      (out ??= []).push({
        kind: "gap",
        label,
        missing,
        previous: prev === undefined ? null : siblingLabel(parentKey, prev),
      });
    } else if (prev !== undefined && own < prev) {
      (out ??= []).push({ kind: "order", label, previous: siblingLabel(parentKey, prev) });
    }
    if (prev === undefined || own > prev) {
      if (parentKey !== this.childKey) {
        if (this.childKey !== null) this.lastChild.set(this.childKey, this.childLast);
        this.childKey = parentKey;
      }
      this.childLast = own;
    }

    this.path[depth - 1] = segs;
    // Assigning `length` is a runtime call: truncate only when deeper labels remain.
    if (this.path.length > depth) this.path.length = depth;
    return out ?? NO_FINDINGS;
  }
}
