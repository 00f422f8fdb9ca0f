/**
 * The sample plan-graphs are built from the seeds' real rows, with the defects the seeds really
 * contain. The validator must find exactly those defects (errors and warnings), detect each
 * sample's template without being told, and leave no deadline of any seed unparsed.
 */
import { BUILTIN_TEMPLATES } from "../src/core/templates";
import { validateWorkbook } from "../src/core/validate";
import { localizeReport } from "../src/i18n/issueMessages";
import { sampleToWorkbook } from "../samples/toWorkbook";
import type { ExpectedIssue, SampleWorkbook } from "../samples/types";
import * as uchitel from "../samples/plans/uchitel-uchitelyu-2020";
import * as ivanovo from "../samples/plans/ivanovo-2020";
import * as uritsky from "../samples/plans/uritsky-2021";
import * as effektivnaya from "../samples/plans/effektivnaya-shkola-2023";
import * as kovrov from "../samples/plans/kovrov-network-2021";

const SAMPLES: { id: string; mod: { sample: SampleWorkbook; expected: ExpectedIssue[] }; asOf: string }[] = [
  { id: "uchitel-uchitelyu-2020", mod: uchitel, asOf: "2022-12-31" },
  { id: "ivanovo-2020", mod: ivanovo, asOf: "2021-06-30" },
  { id: "uritsky-2021", mod: uritsky, asOf: "2024-12-31" },
  { id: "effektivnaya-shkola-2023", mod: effektivnaya, asOf: "2024-12-31" },
  { id: "kovrov-network-2021", mod: kovrov, asOf: "2023-12-31" },
];

const key = (i: { code: string; sheet: string; row: number | null }) => `${i.sheet}!${i.row} ${i.code}`;

describe.each(SAMPLES)("sample $id", ({ id, mod, asOf }) => {
  const wb = sampleToWorkbook(mod.sample);
  const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf });

  it("is detected as its own template, unambiguously", () => {
    expect(check.report.template).toBe(id);
    expect(check.detection?.ambiguous).toBe(false);
  });

  it("has every plan sheet recognised", () => {
    const sheetsWithRows = mod.sample.sheets.map((s) => s.name);
    for (const name of sheetsWithRows) expect(check.report.sheets.find((s) => s.name === name)?.kind).toBe("plan");
  });

  it("leaves no deadline unparsed", () => {
    expect(check.report.issues.filter((i) => i.code === "DUE_UNPARSED")).toEqual([]);
  });

  it("finds exactly the defects the seed contains (DUE_ORDER aside)", () => {
    // DUE_ORDER infos are checked separately below; every other finding must be a listed defect.
    const found = check.report.issues.filter((i) => i.code !== "DUE_ORDER").map(key).sort();
    const expected = mod.expected.map(key).sort();
    expect(found).toEqual(expected);
  });
});

describe("seed defects named in DOMAIN.md", () => {
  const run = (mod: { sample: SampleWorkbook }, asOf = "2024-12-31") =>
    localizeReport(validateWorkbook(sampleToWorkbook(mod.sample), { templates: BUILTIN_TEMPLATES, asOf }).report, "ru")
      .issues;

  it("seed 003: 1.1.11 is missing", () => {
    const gap = run(effektivnaya).filter((i) => i.code === "NUMBER_GAP");
    expect(gap).toHaveLength(1);
    expect(gap[0].message).toContain("1.1.11");
    expect(gap[0].severity).toBe("warning");
  });

  it("seed 002: 2.7, 2.8, 2.9 are missing", () => {
    const gap = run(uritsky).filter((i) => i.code === "NUMBER_GAP");
    expect(gap).toHaveLength(1);
    expect(gap[0].message).toMatch(/2\.7, 2\.8, 2\.9/);
  });

  it("seed 003: 2.2.2 «Февраль 2023 г.» after 2.2.1 «Октябрь 2023 г.» is out of date order (info)", () => {
    const order = run(effektivnaya).filter((i) => i.code === "DUE_ORDER");
    expect(order.some((i) => i.message.includes("Февраль 2023") && i.severity === "info")).toBe(true);
  });

  it("seed 003: 1.2.21's «30 процентов» counts as measurable", () => {
    const s = effektivnaya.sample.sheets[0];
    const row = s.rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("1.2.21")) + 1;
    expect(row).toBeGreaterThan(0);
    expect(run(effektivnaya).filter((i) => i.row === row && i.code === "RESULT_NOT_MEASURABLE")).toEqual([]);
  });

  it("seed 004: the second plan has no result column (MISSING_COLUMN error)", () => {
    const miss = run(kovrov, "2023-12-31").filter((i) => i.code === "MISSING_COLUMN");
    expect(miss).toHaveLength(1);
    expect(miss[0]).toMatchObject({ severity: "error", field: "result" });
  });

  it("seed 001: activity 5 lacks owner and deadline; 15 and 17 lack results; 25's owner is a leaked stage title", () => {
    const issues = run(ivanovo, "2021-06-30").filter((i) => i.sheet === ivanovo.sample.sheets[0].name);
    const empty = issues.filter((i) => i.code === "EMPTY_REQUIRED").map((i) => `${i.field}@${i.message.match(/№ (\d+)/)?.[1]}`);
    expect(empty.sort()).toEqual(["due@5", "owner@5", "result@15", "result@17"]);
    expect(issues.filter((i) => i.code === "OWNER_UNKNOWN")).toHaveLength(1);
  });
});
