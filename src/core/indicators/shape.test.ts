import { BUILTIN_TEMPLATES } from "../templates";
import { engineSpecs } from "./shape";

describe("engineSpecs", () => {
  const template = BUILTIN_TEMPLATES[0];

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    "gives each declaration of %s with the same values as the template's (JSON leaves the absent fields out)",
    (_id, each) => {
      const before = JSON.stringify(each);
      const specs = engineSpecs(each);
      expect(specs.map((s) => JSON.parse(JSON.stringify(s)) as unknown)).toEqual(
        each.indicators.map((s) => JSON.parse(JSON.stringify(s)) as unknown),
      );
      // The template itself is left as written (it is also exported as JSON).
      expect(JSON.stringify(each)).toBe(before);
    },
  );

  it("gives every declaration, aggregate and target the same fields in the same order", () => {
    const specs = BUILTIN_TEMPLATES.flatMap((t) => engineSpecs(t));
    const keys = (o: object) => Object.keys(o).join(",");
    expect(new Set(specs.map(keys)).size).toBe(1);
    const aggregates = specs.flatMap((s) => [s.numerator, s.denominator]).filter((a) => a !== undefined);
    expect(aggregates.length).toBeGreaterThan(1);
    expect(new Set(aggregates.map(keys)).size).toBe(1);
    const targets = specs.flatMap((s) => s.targets);
    expect(targets.length).toBeGreaterThan(1);
    expect(new Set(targets.map(keys)).size).toBe(1);
  });

  it("is made once per template", () => {
    expect(engineSpecs(template)).toBe(engineSpecs(template));
  });
});
