/**
 * Every formula the dashboard writes, evaluated by a real formula engine (HyperFormula) over the
 * written workbook — the data sheets' values and Sverka's sheets' formulas — must give the value
 * the core computed (GUIDE «Testing»).
 */
import { HyperFormula } from "hyperformula";
import type { Workbook } from "exceljs";
import { ValueType } from "exceljs";
import { FORMULA_KINDS, specOfValue } from "../../core/dashboard/formulas";
import { DASHBOARD_SHEET } from "../../core/dashboard/layout";
import { parseA1 } from "../../core/model/address";
import {
  buildDashboard,
  engineRows,
  loadExcelJs,
  MONITORING_SAMPLE,
  sampleBytes,
  type BuiltDashboard,
  type EngineCell,
} from "./testing/testDashboard";
import { writeDashboard, type WriteDashboardResult } from "./writeDashboard";

const TOLERANCE = 1e-9;

function engine(excel: Workbook): HyperFormula {
  const sheets: Record<string, EngineCell[][]> = {};
  for (const ws of excel.worksheets) sheets[ws.name] = engineRows(ws);
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
}

function valueAt(hf: HyperFormula, sheet: string, row: number, col: number): unknown {
  const id = hf.getSheetId(sheet);
  if (id === undefined) throw new Error(`no sheet ${sheet}`);
  return hf.getCellValue({ sheet: id, row: row - 1, col: col - 1 });
}

function expectSame(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") {
    if (typeof actual !== "number") throw new Error(`${where}: ожидалось ${expected}, формула дала ${String(actual)}`);
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(expected)));
  } else expect({ where, value: actual }).toEqual({ where, value: expected });
}

/** Every formula cell of Sverka's sheets: evaluated vs its cached result. Returns how many were checked. */
function checkAllFormulas(excel: Workbook, hf: HyperFormula, sheetNames: readonly string[]): number {
  let n = 0;
  for (const name of sheetNames) {
    const ws = excel.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type !== ValueType.Formula) return;
        expectSame(valueAt(hf, name, r, c), cell.result, `${name}!${cell.address} =${cell.formula}`);
        n++;
      }),
    );
  }
  return n;
}

describe("dashboard formulas (Lazo monitoring sample) in HyperFormula", () => {
  let built: BuiltDashboard;
  let out: WriteDashboardResult;
  let excel: Workbook;
  let hf: HyperFormula;

  beforeAll(async () => {
    built = await buildDashboard(await sampleBytes(MONITORING_SAMPLE), MONITORING_SAMPLE);
    out = await writeDashboard(built.original, built.layout, built.flk);
    excel = await loadExcelJs(out.data);
    hf = engine(excel);
  });
  afterAll(() => hf.destroy());

  it("evaluates every formula Sverka wrote to its cached result", () => {
    const n = checkAllFormulas(excel, hf, out.sheetNames);
    expect(n).toBeGreaterThan(40);
  });

  it("gives every municipal fact formula the core's value", () => {
    const formulaFacts = built.layout.facts.filter((f) => f.formula);
    expect(formulaFacts.length).toBeGreaterThan(40);
    for (const f of formulaFacts) {
      const core = built.indicators.find((v) => v.id === f.id && v.period === f.period && v.scope === "municipality");
      expect(core?.value).toBe(f.value);
      const { row, col } = parseA1(f.address);
      expectSame(valueAt(hf, f.sheet, row, col), core?.value, `${f.id} ${f.period}`);
    }
  });

  it("reads «Целевые показатели: выполнено N из M» in the head block, live over the status column", () => {
    // Lazo, latest periods: met — ВПР (all grades and the total: 6), programs_pct, agreements_pct,
    // events_count, event_shnor_participation; not met — quality_pct, excellent_growth, shnor_share,
    // unobjective_share, kpk_shnor_pct, kpk_per_school, measures_share.
    const dash = built.layout.sheets[0];
    const head = dash.cells.find((c) => c.row === 5 && c.col === 1)!;
    expect(head.formula).toMatch(/COUNTIF\(F\d+:F\d+,"выполнено"\)/);
    expect(head.value).toBe("Целевые показатели: выполнено 10 из 17");
    expect(valueAt(hf, DASHBOARD_SHEET, 5, 1)).toBe("Целевые показатели: выполнено 10 из 17");
    // A ШНОР share of 10 % in 2022 would meet «≤ 20 %»: the status formula and the head line follow.
    const fact = built.layout.facts.find((f) => f.id === "shnor_share" && f.period === "2022")!;
    expect(fact.sheet).toBe(DASHBOARD_SHEET);
    const { row, col } = parseA1(fact.address);
    const sheet = hf.getSheetId(DASHBOARD_SHEET)!;
    const formula = hf.getCellFormula({ sheet, row: row - 1, col: col - 1 })!;
    // Row 6 names the unmet ones, live over the same column: ШНОР drops out of the list.
    const unmet = dash.cells.find((c) => c.row === 6 && c.col === 1)!;
    expect(unmet.formula).toBeDefined();
    expect(unmet.value).toContain("Доля ШНОР, 2022 (цель ≤ 20 %); ");
    expect(valueAt(hf, DASHBOARD_SHEET, 6, 1)).toBe(unmet.value);
    hf.setCellContents({ sheet, row: row - 1, col: col - 1 }, [[10]]);
    expect(valueAt(hf, DASHBOARD_SHEET, row, col + 1)).toBe("выполнено");
    expect(valueAt(hf, DASHBOARD_SHEET, 5, 1)).toBe("Целевые показатели: выполнено 11 из 17");
    const after = String(valueAt(hf, DASHBOARD_SHEET, 6, 1));
    expect(after).toMatch(/^Не выполнены: /);
    expect(after).not.toContain("Доля ШНОР");
    expect(after).toBe(String(unmet.value).replace("Доля ШНОР, 2022 (цель ≤ 20 %); ", ""));
    hf.setCellContents({ sheet, row: row - 1, col: col - 1 }, [[formula]]);
    expect(valueAt(hf, DASHBOARD_SHEET, 5, 1)).toBe("Целевые показатели: выполнено 10 из 17");
    expect(valueAt(hf, DASHBOARD_SHEET, 6, 1)).toBe(unmet.value);
  });

  it("says «all met» or «none assessed» in row 6 when the status column does", () => {
    const sheet = hf.getSheetId(DASHBOARD_SHEET)!;
    const head = built.layout.sheets[0].cells.find((c) => c.row === 5 && c.col === 1)!;
    const [, top, bottom] = /F(\d+):F(\d+)/.exec(head.formula!)!.map(Number);
    const saved: { row: number; content: unknown }[] = [];
    const setStatuses = (from: string, to: string) => {
      for (let r = top; r <= bottom; r++) {
        if (valueAt(hf, DASHBOARD_SHEET, r, 6) !== from) continue;
        const at = { sheet, row: r - 1, col: 5 };
        saved.push({ row: r, content: hf.getCellFormula(at) ?? hf.getCellValue(at) });
        hf.setCellContents(at, [[to]]);
      }
    };
    try {
      setStatuses("не выполнено", "выполнено");
      expect(valueAt(hf, DASHBOARD_SHEET, 6, 1)).toBe("Все оценённые целевые показатели выполнены.");
      setStatuses("выполнено", "нет данных");
      expect(valueAt(hf, DASHBOARD_SHEET, 5, 1)).toBe("Целевые показатели: выполнено 0 из 0");
      expect(valueAt(hf, DASHBOARD_SHEET, 6, 1)).toBe(
        "Ни один целевой показатель не удалось сопоставить с целью (нет данных или цели).",
      );
    } finally {
      for (const s of saved.reverse())
        hf.setCellContents({ sheet, row: s.row - 1, col: 5 }, [[s.content as string | number]]);
    }
    expect(valueAt(hf, DASHBOARD_SHEET, 5, 1)).toBe("Целевые показатели: выполнено 10 из 17");
  });

  it("writes a formula for every municipal indicator whose kind gets one", () => {
    const claimed = new Set(
      built.layout.facts
        .filter((f) => {
          const spec = specOfValue(built.check.template, f.id);
          return spec !== undefined && FORMULA_KINDS.includes(spec.kind) && typeof f.value === "number";
        })
        .map((f) => f.id),
    );
    const withFormula = new Set(built.layout.facts.filter((f) => f.formula).map((f) => f.id));
    for (const id of claimed)
      expect({ id, formula: withFormula.has(id) }).toEqual({
        id,
        formula: true,
      });
    // The sample's indicators, spelled out (plan_done_pct has no plan here; shnor_status and
    // low_result are per school).
    expect([...withFormula].sort()).toEqual(
      [
        "quality_pct",
        "success_pct",
        "excellent_growth",
        "vpr_coped_pct",
        "vpr_coped_pct_g4",
        "vpr_coped_pct_g5",
        "vpr_coped_pct_g6",
        "vpr_coped_pct_g7",
        "vpr_coped_pct_g8",
        "shnor_share",
        "unobjective_share",
        "kpk_shnor_pct",
        "teacher_coverage_pct",
        "kpk_per_school",
        "measures_share",
        "programs_pct",
        "agreements_pct",
        "network_share",
        "network_share_target",
        "network_teachers_pct",
        "events_count",
        "event_shnor_participation",
        "oge12_pct",
        "ege_min_pct",
        "ege220_pct",
        "staffing_pct",
      ].sort(),
    );
  });

  it("is live: a changed number in a counted row changes the fact as the core would", () => {
    const fact = built.layout.facts.find((f) => f.id === "quality_pct" && f.period === "2022/2023")!;
    const core = built.indicators.find(
      (v) => v.id === "quality_pct" && v.period === "2022/2023" && v.scope === "municipality",
    )!;
    // The first school's 2022/2023 row on «Успеваемость» is counted (no defects in it).
    const rec = built.check.monitoring.records.grades.find((r) => r.period === "2022/2023" && r.invalid.length === 0)!;
    const col = built.check.monitoring.present.grades!.columnIndex!.excellent;
    const sheet = hf.getSheetId("Успеваемость")!;
    const before = valueAt(hf, "Успеваемость", rec.row, col) as number;
    hf.setCellContents({ sheet, row: rec.row - 1, col: col - 1 }, [[before + 10]]);
    const { row, col: factCol } = parseA1(fact.address);
    const expected = ((core.numerator! + 10) * 100) / core.denominator!;
    expectSame(valueAt(hf, DASHBOARD_SHEET, row, factCol), expected, "quality_pct after edit");
    hf.setCellContents({ sheet, row: rec.row - 1, col: col - 1 }, [[before]]);
    expectSame(valueAt(hf, DASHBOARD_SHEET, row, factCol), core.value, "quality_pct restored");
  });

  it("keeps the formulas right when the dashboard has to be written as «Дашборд (2)»", async () => {
    const user = await loadExcelJs(built.original);
    user.addWorksheet("Дашборд").getCell("A1").value = "Мой дашборд";
    const bytes = new Uint8Array((await user.xlsx.writeBuffer()) as ArrayBuffer);
    // Same data, same layout; only the sheet names differ.
    const again = built;
    const res = await writeDashboard(bytes, again.layout, again.flk);
    expect(res.sheetNames[0]).toBe("Дашборд (2)");
    const x = await loadExcelJs(res.data);
    const h = engine(x);
    try {
      expect(checkAllFormulas(x, h, res.sheetNames)).toBeGreaterThan(40);
      const fact = again.layout.facts.find((f) => f.id === "shnor_share" && f.period === "2022")!;
      const { row, col } = parseA1(fact.address);
      expectSame(valueAt(h, "Дашборд (2)", row, col), (10 / 29) * 100, "shnor_share 2022");
    } finally {
      h.destroy();
    }
  });
});
