/**
 * The 29-school monitoring sample of the Lazo district (seed 003): the computed ШНОР figures must
 * equal the seed's (8 of 29 = 27.6 % for 2021, 10 of 29 = 34.5 % for 2022), and the monitoring
 * ФЛК must find exactly the defects the sample was built with — read from the real .xlsx file.
 */
import { join } from "node:path";
import { computeIndicators } from "../src/core/indicators/engine";
import { BUILTIN_TEMPLATES } from "../src/core/templates";
import { validateWorkbook } from "../src/core/validate";
import { templateReason } from "../src/i18n/issueMessages";
import { readWorkbookFile } from "../src/hosts/xlsx/node";
import { expected, sample } from "../samples/monitoring/lazo-monitoring";

const FILE = join(__dirname, "..", "samples", sample.file);

describe("Lazo monitoring sample", () => {
  let check: ReturnType<typeof validateWorkbook>;
  beforeAll(async () => {
    const wb = await readWorkbookFile(FILE);
    check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: "2023-12-31" });
  });

  it("is recognised by the template id recorded in it", () => {
    expect(check.report.template).toBe("effektivnaya-shkola-2023");
    expect(templateReason(check.report.template_reason_params, "ru")).toContain("записан шаблон");
    expect(check.report.sheets.filter((s) => s.kind === "monitoring").map((s) => s.name)).toEqual([
      "Школы",
      "Успеваемость",
      "Процедуры",
      "Кадры",
      "Сеть",
      "ГИА",
      "Мероприятия",
    ]);
  });

  it("finds exactly the defects the sample was built with", () => {
    const key = (i: { sheet: string; row: number | null; code: string }) => `${i.sheet}!${i.row} ${i.code}`;
    expect(check.report.issues.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("computes the seed's ШНОР shares: 8 of 29 = 27.6 % (2021), 10 of 29 = 34.5 % (2022)", () => {
    const values = computeIndicators(check.template, check.monitoring, { asOf: "2023-12-31", plans: check.plans });
    const share = (period: string) => values.find((v) => v.id === "shnor_share" && v.period === period && v.scope === "municipality")!;
    expect(share("2021").value).toBeCloseTo((8 / 29) * 100, 10);
    expect(share("2021").display).toBe("27,6 %");
    expect(share("2022").value).toBeCloseTo((10 / 29) * 100, 10);
    expect(share("2022").display).toBe("34,5 %");
    expect(share("2022").met).toBe(false);
    expect(share("2022").target).toBe("≤ 20 %");
    const statuses2022 = values.filter((v) => v.id === "shnor_status" && v.period === "2022" && v.scope !== "municipality");
    expect(statuses2022).toHaveLength(29);
    expect(statuses2022.filter((v) => v.value === true)).toHaveLength(10);
  });
});
