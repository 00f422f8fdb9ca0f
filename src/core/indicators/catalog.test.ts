import { TemplateSchema } from "../template/schema";
import { BUILTIN_TEMPLATES, findTemplate } from "../templates";
import { INDICATOR_IDS, indicatorCatalog } from "./catalog";

const targetsOf = (templateId: string, indicatorId: string) =>
  findTemplate(templateId)!.indicators.find((i) => i.id === indicatorId)?.targets;

describe("indicator catalog", () => {
  it("declares every indicator of DOMAIN.md once", () => {
    const ids = indicatorCatalog().map((s) => s.id);
    expect(ids).toEqual([...INDICATOR_IDS]);
    expect(new Set(ids).size).toBe(24);
  });

  it("returns fresh objects: changing one copy does not change the next", () => {
    const a = indicatorCatalog({ events_count: [{ op: ">=", value: 4 }] });
    a[0].title = "изменено";
    a.find((s) => s.id === "events_count")!.targets![0].value = 99;
    const b = indicatorCatalog({ events_count: [{ op: ">=", value: 4 }] });
    expect(b[0].title).toBe("Процент качества знаний");
    expect(b.find((s) => s.id === "events_count")!.targets).toEqual([{ op: ">=", value: 4 }]);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s carries all indicators and survives a JSON round trip",
    (_id, t) => {
      expect(t.indicators.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
      expect(TemplateSchema.parse(JSON.parse(JSON.stringify(t)))).toEqual(t);
    },
  );

  it("carries the targets of each seed", () => {
    expect(targetsOf("effektivnaya-shkola-2023", "vpr_coped_pct")).toEqual([{ op: ">=", value: 75 }]);
    expect(targetsOf("effektivnaya-shkola-2023", "shnor_share")).toEqual([{ op: "<=", value: 20 }]);
    expect(targetsOf("effektivnaya-shkola-2023", "measures_share")?.map((t) => [t.period, t.value])).toEqual([
      ["2022", 65],
      ["2023", 79],
      ["2024", 89],
    ]);
    expect(targetsOf("effektivnaya-shkola-2023", "quality_pct")).toEqual([{ op: "growth", value: 1 }]);
    expect(targetsOf("effektivnaya-shkola-2023", "events_count")).toEqual([{ op: ">=", value: 4 }]);
    expect(targetsOf("kovrov-network-2021", "network_share")).toEqual([{ op: ">=", value: 50 }]);
    expect(targetsOf("kovrov-network-2021", "network_share_target")).toEqual([{ op: ">=", value: 100 }]);
    expect(targetsOf("ivanovo-2020", "teacher_coverage_pct")).toEqual([{ op: ">=", value: 80 }]);
    expect(targetsOf("uchitel-uchitelyu-2020", "events_count")).toEqual([{ op: ">=", value: 50 }]);
    expect(targetsOf("uritsky-2021", "shnor_share")).toEqual([{ op: "<=", value: 7 }]);
    expect(targetsOf("uritsky-2021", "oge12_pct")).toEqual([]);
    // Targets stay with their project.
    expect(targetsOf("uchitel-uchitelyu-2020", "shnor_share")).toEqual([]);
  });
});
