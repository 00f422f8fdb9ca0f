/**
 * The dashboard layout of the Lazo monitoring sample (29 schools, seed 003) and of a monitored
 * plan: facts, their defined names, formulas or values with reasons, the helper sheet, the
 * per-school table, the ФЛК summary; and the «Отчёт ФЛК» layout.
 */
import { sample as lazo } from "../../../samples/monitoring/lazo-monitoring";
import { sample as ivanovo } from "../../../samples/plans/ivanovo-2020";
import { sampleToWorkbook } from "../../../samples/toWorkbook";
import type { SampleCell, SampleWorkbook } from "../../../samples/types";
import { computeIndicators } from "../indicators/engine";
import { formatNumberRu } from "../indicators/types";
import { parseA1 } from "../model/address";
import type { WorkbookData } from "../model/sheet";
import { BUILTIN_TEMPLATES } from "../templates";
import { validateWorkbook } from "../validate";
import { FLK_SHEET, renderFlkReport, summaryText } from "./flkReport";
import { CALC_SHEET } from "./formulas";
import { DASHBOARD_SHEET, factName, renderDashboard, type DashboardLayout } from "./layout";
import type { LayoutCell, LayoutSheet } from "./types";

const AS_OF = "2023-12-31";

function build(wb: WorkbookData, asOf = AS_OF) {
  const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf });
  const indicators = computeIndicators(check.template, check.monitoring, { asOf, plans: check.plans });
  const layout = renderDashboard({
    template: check.template,
    report: check.report,
    indicators,
    monitoring: check.monitoring,
    refreshedAt: "2024-01-10",
    asOf,
    workbook: wb,
  });
  return { check, indicators, layout };
}

function sheet(layout: DashboardLayout, name: string): LayoutSheet {
  const s = layout.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function cell(s: LayoutSheet, address: string): LayoutCell {
  const { row, col } = parseA1(address);
  const c = s.cells.find((x) => x.row === row && x.col === col);
  if (!c) throw new Error(`no cell ${address}`);
  return c;
}

/** A copy of a sample with some sheets' rows edited. */
function edited(wb: SampleWorkbook, edit: (name: string, rows: SampleCell[][]) => void): SampleWorkbook {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const rows = s.rows.map((r) => [...r]);
      edit(s.name, rows);
      return { ...s, rows };
    }),
  };
}

describe("renderDashboard on the Lazo monitoring sample", () => {
  const { check, indicators, layout } = build(sampleToWorkbook(lazo));
  const dash = sheet(layout, DASHBOARD_SHEET);

  it("shows the seed's ШНОР shares: 27,6 % (2021) and 34,5 % (2022), as formulas with the core's value", () => {
    for (const [period, n] of [
      ["2021", 8],
      ["2022", 10],
    ] as const) {
      const fact = layout.facts.find((f) => f.id === "shnor_share" && f.period === period)!;
      expect(fact.formula).toBe(true);
      const c = cell(dash, fact.address);
      expect(c.value).toBeCloseTo((n / 29) * 100, 10);
      expect(c.numFmt).toBe('0.0" %"');
      expect(c.formula).toMatch(/^IF\(COUNT\('_sverka_calc'!\$[A-Z]+\$2:\$[A-Z]+\$30\)=0,"нет данных",COUNT\(/);
      expect(`${formatNumberRu(c.value as number)} %`).toBe(period === "2021" ? "27,6 %" : "34,5 %");
    }
    const row = parseA1(layout.facts.find((f) => f.id === "shnor_share" && f.period === "2022")!.address).row;
    expect(cell(dash, `A${row}`).value).toBe("Доля ШНОР");
    expect(cell(dash, `D${row}`).value).toBe("≤ 20 %");
    expect(cell(dash, `F${row}`)).toMatchObject({ value: "не выполнено", style: "notMet" });
    // «Прошлый период» is the 2021 fact cell, «Динамика» their difference.
    expect(cell(dash, `G${row}`)).toMatchObject({ formula: `E${row + 1}` });
    expect(cell(dash, `G${row}`).value).toBeCloseTo((8 / 29) * 100, 10);
    expect(cell(dash, `H${row}`)).toMatchObject({ formula: `E${row}-G${row}` });
    expect(cell(dash, `H${row}`).value).toBeCloseTo((2 / 29) * 100, 10);
  });

  it("names every municipal fact cell sv_<id>_<period> exactly", () => {
    const names = layout.definedNames.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "sv_shnor_share_2022",
        "sv_shnor_share_2021",
        "sv_quality_pct_2022_2023",
        "sv_vpr_coped_pct_g5_2022",
        "sv_unobjective_share_2023_12_31",
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(layout.definedNames).toHaveLength(layout.facts.length);
    for (const f of layout.facts) {
      const name = `sv_${f.id}_${f.period.replace(/[^A-Za-z0-9]/g, "_")}`;
      expect(factName(f.id, f.period)).toBe(name);
      const { row, col } = parseA1(f.address);
      expect(layout.definedNames.find((n) => n.name === name)?.ref).toBe(`'Дашборд'!$${"ABCDEFGHIJ"[col - 1]}$${row}`);
    }
    expect(layout.definedNames.find((n) => n.name === "sv_quality_pct_2022_2023")?.ref).toBe(
      `'Дашборд'!$${layout.facts.find((f) => f.id === "quality_pct" && f.period === "2022/2023")!.address.replace(/([A-Z]+)(\d+)/, "$1$$$2")}`,
    );
  });

  it("lists every municipal value, latest period first, and says formula or value", () => {
    const municipal = indicators.filter((v) => v.scope === "municipality");
    expect(layout.facts).toHaveLength(municipal.length);
    const quality = layout.facts.filter((f) => f.id === "quality_pct").map((f) => f.period);
    expect(quality).toEqual(["2022/2023", "2021/2022"]);
    for (const f of layout.facts) {
      const c = cell(dash, f.address);
      const { row } = parseA1(f.address);
      const source = cell(dash, `J${row}`).value;
      if (f.formula) {
        expect(c.formula).toBeDefined();
        expect(source).toBe("формула");
      } else {
        expect(c.formula).toBeUndefined();
        expect(source).toBe(f.reason);
      }
    }
    // No data: «нет данных», never a zero.
    const growth = layout.facts.find((f) => f.id === "excellent_growth" && f.period === "2021/2022")!;
    expect(growth).toMatchObject({ formula: false, reason: "нет данных" });
    expect(cell(dash, growth.address)).toMatchObject({ value: "нет данных", style: "noData" });
  });

  it("marks in the hidden helper sheet exactly the rows the core counted", () => {
    const calc = sheet(layout, CALC_SHEET);
    expect(calc.hidden).toBe(true);
    const fact = layout.facts.find((f) => f.id === "quality_pct" && f.period === "2022/2023")!;
    const formula = cell(dash, fact.address).formula!;
    const letter = /'_sverka_calc'!\$([A-Z]+)\$2:/.exec(formula)![1];
    const col = parseA1(`${letter}1`).col;
    const marked = calc.cells.filter((c) => c.col === col && c.row > 1).map((c) => c.row);
    const expected = check.monitoring.records.grades
      .filter((r) => r.period === "2022/2023" && r.invalid.length === 0)
      .map((r) => r.row);
    expect(marked).toEqual(expected);
    expect(marked).toHaveLength(27); // 29 schools less «двадцать» отличников and a SUM_MISMATCH row
    expect(cell(calc, `${letter}1`).value).toContain("Процент качества знаний (2022/2023)");
  });

  it("builds the per-school table: 29 schools, ШНОР by the results of 2022, data bars and chart specs", () => {
    const header = dash.cells.find((c) => c.value === "ОО" && c.style === "header")!;
    const rows = dash.cells.filter((c) => c.col === 1 && c.row > header.row && c.row <= header.row + 29);
    expect(rows).toHaveLength(29);
    const kinds = dash.cells.filter((c) => c.col === 2 && c.row > header.row && c.row <= header.row + 29);
    expect(kinds.filter((c) => String(c.value).includes("ШНОР"))).toHaveLength(10);
    expect(cell(dash, `B${header.row}`).value).toBe("ШНОР/ШНСУ (ШНОР по итогам 2022 г.)");
    expect(cell(dash, `G${header.row + 1}`).value).toBe("—");
    // Native charts replace the data bars of the chart tables.
    expect(dash.dataBars).toEqual([]);
    expect(layout.charts.map((c) => c.kind)).toEqual(["line", "bar"]);
    expect(layout.charts[1].valuesRange).toBe(`'Дашборд'!$C$${header.row + 1}:$C$${header.row + 29}`);
  });

  it("sums the ФЛК per sheet with a live total", () => {
    const total = dash.cells.find((c) => c.value === "Итого")!;
    expect(cell(dash, `D${total.row}`)).toMatchObject({ value: check.report.summary.errors });
    expect(cell(dash, `D${total.row}`).formula).toMatch(/^SUM\(D\d+:D\d+\)$/);
    const schools = dash.cells.find(
      (c) => c.value === "Школы" && c.col === 1 && c.row < total.row && c.row > total.row - 15,
    )!;
    expect(cell(dash, `B${schools.row}`).value).toBe("мониторинг");
    expect(cell(dash, `E${schools.row}`).value).toBe(2); // two SHNOR_MISMATCH warnings
  });
});

describe("renderDashboard: values instead of formulas, and text", () => {
  it("writes the core's value (and why) when a counted cell holds a number as text", () => {
    // «Отличников» of the first school in 2022/2023 typed as text: the core reads 36, SUMIFS would not.
    const wb = edited(lazo, (name, rows) => {
      if (name !== "Успеваемость") return;
      const r = rows.findIndex((row) => row[1] === "2022/2023");
      rows[r][4] = String(rows[r][4]);
    });
    const { layout } = build(sampleToWorkbook(wb));
    const fact = layout.facts.find((f) => f.id === "quality_pct" && f.period === "2022/2023")!;
    expect(fact.formula).toBe(false);
    expect(fact.reason).toContain("записанные текстом");
    expect(layout.facts.find((f) => f.id === "quality_pct" && f.period === "2021/2022")!.formula).toBe(true);
  });

  it("keeps text that starts with «=», «+», «-» or «@» as text, never as a formula", () => {
    const odd = ["=1+1 школа", "+7 школа", "-школа", "@гимназия"];
    const wb = edited(lazo, (name, rows) => {
      if (name === "Школы") for (const n of odd) rows.push([n, "1", "нет", "нет", "нет", "нет", "нет", null]);
    });
    const { layout, check } = build(sampleToWorkbook(wb));
    const dash = sheet(layout, DASHBOARD_SHEET);
    for (const n of odd) {
      const c = dash.cells.find((x) => x.value === n)!;
      expect(c).toBeDefined();
      expect(c.formula).toBeUndefined();
    }
    // Every formula is Sverka's own: facts, their references, totals.
    for (const c of dash.cells.filter((x) => x.formula !== undefined))
      expect(c.formula).toMatch(/^(IF\(|SUM|COUNT|AVERAGE|\(|E\d+|E\d+-G\d+)/);
    expect(renderFlkReport(check.report).cells.some((c) => c.formula !== undefined)).toBe(false);
  });

  it("gives plan execution a value and a reason (deadlines are text)", () => {
    const { layout } = build(sampleToWorkbook(ivanovo), "2021-06-30");
    const plan = layout.facts.find((f) => f.id === "plan_done_pct")!;
    expect(plan).toMatchObject({ formula: false });
    expect(plan.reason).toContain("срокам мероприятий");
    expect(layout.sheets.map((s) => s.name)).toEqual([DASHBOARD_SHEET]); // no monitoring sheets: no helper
  });
});

describe("renderFlkReport", () => {
  const { check } = build(sampleToWorkbook(lazo));
  const report = renderFlkReport(check.report);

  it("summarises at the top and lists one row per issue under an autofilter", () => {
    expect(report.name).toBe(FLK_SHEET);
    expect(cell(report, "A3").value).toBe(summaryText(check.report.summary));
    expect(cell(report, "A3").value).toMatch(/^Ошибок: \d+, предупреждений: \d+$/);
    expect(["A5", "B5", "C5", "D5", "E5", "F5", "G5"].map((a) => cell(report, a).value)).toEqual([
      "№",
      "Лист",
      "Ячейка",
      "Строка",
      "Код",
      "Важность",
      "Сообщение",
    ]);
    const n = check.report.issues.length;
    expect(report.autoFilter).toEqual({ top: 5, left: 1, bottom: 5 + n, right: 7 });
    const first = check.report.issues[0];
    expect(cell(report, "A6").value).toBe(1);
    expect(cell(report, "B6").value).toBe(first.sheet);
    expect(cell(report, "C6")).toMatchObject({ value: first.cell, link: `'${first.sheet}'!${first.cell}` });
    expect(cell(report, "E6").value).toBe(first.code);
    const severities = check.report.issues.map((_, i) => cell(report, `F${6 + i}`).value);
    expect(new Set(severities)).toEqual(new Set(["ошибка", "предупреждение"]));
    expect(report.frozenRows).toBe(5);
  });

  it("says «Ошибок нет» for a clean report", () => {
    expect(summaryText({ errors: 0, warnings: 0, infos: 0 })).toBe("Ошибок нет");
    expect(summaryText({ errors: 0, warnings: 2, infos: 1 })).toBe("Ошибок нет; предупреждений: 2, замечаний: 1");
    const clean = renderFlkReport({ ...check.report, issues: [], summary: { errors: 0, warnings: 0, infos: 0 } });
    expect(cell(clean, "A3")).toMatchObject({ value: "Ошибок нет", style: "met" });
    expect(clean.autoFilter).toEqual({ top: 5, left: 1, bottom: 5, right: 7 });
  });
});
