/** Writing the dashboard of every plan sample keeps the sample intact (see writeDashboard.test.ts). */
import { readdirSync } from "node:fs";
import { renderFlkReport } from "../../core/dashboard/flkReport";
import { cellAt } from "../../core/model/sheet";
import { readWorkbook } from "./read";
import { buildDashboard, expectPreserved, MONITORING_SAMPLE, SAMPLES, sampleBytes } from "./testing/testDashboard";
import { writeDashboard } from "./writeDashboard";

describe("writeDashboard on the samples", () => {
  it("keeps every sample workbook intact", async () => {
    // The monitoring sample is the base of the rich workbook of writeDashboard.test.ts.
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx") && f !== MONITORING_SAMPLE);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const bytes = await sampleBytes(f);
      const b = await buildDashboard(bytes, f, "2021-06-30");
      const res = await writeDashboard(bytes, b.layout, renderFlkReport(b.check.report));
      await expectPreserved(bytes, res.data, res.sheetNames);
      const back = await readWorkbook(res.data, f);
      const dash = back.sheets.find((s) => s.name === "Дашборд")!;
      expect(cellAt(dash, 1, 1)).toBe(b.check.template.title);
    }
  });
});
