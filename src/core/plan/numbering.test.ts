import fc from "fast-check";
import {
  leadingNumber,
  NumberingChecker,
  parseNumberLabel,
  type NumberingFinding,
  type NumberLabel,
} from "./numbering";

function L(s: string): NumberLabel {
  const l = parseNumberLabel(s);
  if (!l || l === "invalid") throw new Error(`bad label ${s}`);
  return l;
}

describe("parseNumberLabel", () => {
  it.each(["1", "1.", "1.2", "1.2.3.", "12.10"])("accepts %s", (s) => {
    expect(parseNumberLabel(s)).toMatchObject({ key: s.replace(/\.$/, "") });
  });
  it.each(["1)", "1,2", "а", "1..2", "0.1", "-1", "1.2a"])("rejects %s", (s) => {
    expect(parseNumberLabel(s)).toBe("invalid");
  });
  it("reads number cells", () => {
    expect(parseNumberLabel(3)).toMatchObject({ key: "3" });
    expect(parseNumberLabel(2.1)).toMatchObject({ key: "2.1", segments: [2, 1] });
  });
  it("blank is not a label", () => {
    expect(parseNumberLabel("  ")).toBeNull();
  });
});

describe("leadingNumber", () => {
  it("finds the number of a section title", () => {
    expect(leadingNumber(" 1. Трек 1. Адресная методическая помощь")?.key).toBe("1");
    expect(leadingNumber("1.1. Организационные мероприятия")?.key).toBe("1.1");
    expect(leadingNumber("Вводный этап")).toBeNull();
  });
});

describe("NumberingChecker", () => {
  function run(labels: string[], root = 1) {
    const c = new NumberingChecker(root);
    return labels.flatMap((l, i) => c.check(L(l), i + 1).map((f) => ({ ...f, at: l, row: i + 1 })));
  }
  it("accepts a clean hierarchy", () => {
    expect(run(["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2", "3"])).toEqual([]);
  });
  it("reports the missing number of seed 003 (1.1.10 → 1.1.12)", () => {
    const labels = ["1", "1.1", ...Array.from({ length: 10 }, (_, i) => `1.1.${i + 1}`), "1.1.12"];
    const f = run(labels);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: "gap", missing: ["1.1.11"], previous: "1.1.10", at: "1.1.12" });
  });
  it("reports 2.7, 2.8, 2.9 missing as one gap (seed 002)", () => {
    const f = run(
      ["1", "2", "2.5", "2.6", "2.10"].slice(0, 2).concat(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.10"]),
    );
    expect(f.filter((x) => x.kind === "gap")).toEqual([
      expect.objectContaining({ missing: ["2.7", "2.8", "2.9"], at: "2.10" }),
    ]);
  });
  it("reports duplicates with the first row", () => {
    expect(run(["1", "1.1", "1.1"])).toEqual([expect.objectContaining({ kind: "duplicate", firstRow: 2, row: 3 })]);
  });
  it("reports 2.3 under section 1 and 1.2.1 without any parent", () => {
    const f = run(["1", "1.1", "2.3"]);
    expect(f).toContainEqual(expect.objectContaining({ kind: "parent", at: "2.3", context: "1" }));
    const g = run(
      ["1.2.1"].map((x) => x),
      1,
    );
    expect(g).toContainEqual(expect.objectContaining({ kind: "parent", at: "1.2.1", context: null }));
  });
  it("allows plans that start numbering at depth 2 (groups 1.1, 2.1)", () => {
    expect(run(["1.1", "2.1", "3.1"], 2)).toEqual([]);
  });
  it("reports numbers going backwards", () => {
    expect(run(["1", "2", "3", "2"].slice(0, 3).concat(["1.1"]))).toContainEqual(
      expect.objectContaining({ kind: "parent", at: "1.1", context: "3" }),
    );
    expect(run(["1", "3", "2"])).toEqual([
      expect.objectContaining({ kind: "gap", at: "3", missing: ["2"] }),
      expect.objectContaining({ kind: "order", at: "2", previous: "3" }),
    ]);
  });

  /** The rules of the checker written plainly (maps looked up every time), to compare against. */
  function plainFindings(labels: NumberLabel[], rootDepth: number): NumberingFinding[][] {
    const seen = new Map<string, number>();
    const lastChild = new Map<string, number>();
    const path: number[][] = [];
    return labels.map((label, i) => {
      const first = seen.get(label.key);
      if (first !== undefined) return [{ kind: "duplicate", label, firstRow: first }];
      seen.set(label.key, i + 1);
      const segs = label.segments;
      const depth = segs.length;
      const parentKey = segs.slice(0, -1).join(".");
      const out: NumberingFinding[] = [];
      if (depth > rootDepth) {
        let found = false;
        for (let d = depth - 1; d >= rootDepth && !found; d--) found = seen.has(segs.slice(0, d).join("."));
        const ctx = path[rootDepth - 1];
        const other = ctx !== undefined && ctx.slice(0, rootDepth).some((s, k) => s !== segs[k]);
        if (!found || other) out.push({ kind: "parent", label, context: other && ctx ? ctx.join(".") : null });
      }
      const own = segs[depth - 1];
      const prev = lastChild.get(parentKey);
      const sib = (n: number) => (parentKey ? `${parentKey}.${n}` : String(n));
      const expected = prev === undefined ? 1 : prev + 1;
      if (own > expected) {
        const missing: string[] = [];
        for (let n = expected; n < own && missing.length < 50; n++) missing.push(sib(n));
        out.push({ kind: "gap", label, missing, previous: prev === undefined ? null : sib(prev) });
      } else if (prev !== undefined && own < prev) out.push({ kind: "order", label, previous: sib(prev) });
      if (prev === undefined || own > prev) lastChild.set(parentKey, own);
      path[depth - 1] = segs;
      path.length = depth;
      return out;
    });
  }

  it("finds what the plain rules find, for any sequence of numbers", () => {
    const label = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .map((segs) => L(segs.join(".")));
    fc.assert(
      fc.property(fc.array(label, { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (labels, root) => {
        const c = new NumberingChecker(root);
        expect(labels.map((l, i) => c.check(l, i + 1))).toEqual(plainFindings(labels, root));
      }),
      { numRuns: 500 },
    );
  });
});
