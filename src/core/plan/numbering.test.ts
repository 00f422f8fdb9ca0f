import { leadingNumber, NumberingChecker, parseNumberLabel, type NumberLabel } from "./numbering";

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
});
