import { IndicatorKindSchema } from "../../template/schema";
import { findTemplate } from "../../templates";
import { betterOfTargets, hintsOfValue, indicatorHints } from "../hints";
import { FORMULA_KINDS, INDICATOR_KINDS } from ".";

describe("the registry of indicator kinds", () => {
  it("has one definition per kind the schema knows, under its own name", () => {
    expect(Object.keys(INDICATOR_KINDS).sort()).toEqual([...IndicatorKindSchema.options].sort());
    for (const [name, def] of Object.entries(INDICATOR_KINDS)) expect(def.kind).toBe(name);
  });

  it("every kind either writes a formula or says why its facts are values", () => {
    for (const def of Object.values(INDICATOR_KINDS))
      expect(Boolean(def.formula) !== Boolean(def.noFormula)).toBe(true);
    expect([...FORMULA_KINDS].sort()).toEqual(["event_share", "period_delta", "ratio", "school_threshold"]);
  });
});

describe("layout hints", () => {
  const template = findTemplate("effektivnaya-shkola-2023")!;

  it("a falling ШНОР share is good, a rising quality is good; a status has no direction", () => {
    expect(hintsOfValue(template, "shnor_share")?.better).toBe("down");
    expect(hintsOfValue(template, "unobjective_share")?.better).toBe("down");
    expect(hintsOfValue(template, "quality_pct")?.better).toBe("up");
    expect(hintsOfValue(template, "shnor_status")).toMatchObject({ better: null, valueType: "flag" });
  });

  it("per-grade values take their indicator's hints; unknown ids have none", () => {
    expect(hintsOfValue(template, "vpr_coped_pct_g5")).toEqual(hintsOfValue(template, "vpr_coped_pct"));
    expect(hintsOfValue(template, "no_such_indicator")).toBeUndefined();
  });

  it("without a declaration, targets decide: «≤» down, «≥» and growth up, disagreeing or «=» none", () => {
    expect(betterOfTargets([{ op: "<=", value: 20 }])).toBe("down");
    expect(
      betterOfTargets([
        { op: "growth", value: 1 },
        { op: ">=", value: 50, period: "2023" },
      ]),
    ).toBe("up");
    expect(
      betterOfTargets([
        { op: ">=", value: 1 },
        { op: "<", value: 9 },
      ]),
    ).toBeNull();
    expect(betterOfTargets([{ op: "=", value: 0 }])).toBeNull();
  });

  it("a declared direction wins over the targets, an explicit null too", () => {
    const spec = template.indicators.find((s) => s.id === "shnor_share")!;
    expect(indicatorHints({ ...spec, better: undefined }).better).toBe("down"); // its target «≤ 20 %»
    expect(indicatorHints({ ...spec, better: "up" }).better).toBe("up");
    expect(indicatorHints({ ...spec, better: null }).better).toBeNull();
  });
});
