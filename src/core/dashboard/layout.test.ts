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
import { UseLog } from "../indicators/uses";
import { columnLetter, parseA1 } from "../model/address";
import type { WorkbookData } from "../model/sheet";
import { BUILTIN_TEMPLATES } from "../templates";
import { validateWorkbook } from "../validate";
import { FLK_SHEET, renderFlkReport, summaryText } from "./flkReport";
import { CALC_SHEET } from "./formulas";
import { DASHBOARD_SHEET, factName, renderDashboard, type DashboardLayout } from "./layout";
import type { IndicatorSpec } from "../template/schema";
import { betterDirection, changeIsGood } from "./summary";
import type { LayoutCell, LayoutSheet } from "./types";

const AS_OF = "2023-12-31";

function build(wb: WorkbookData, asOf = AS_OF) {
  const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf });
  const indicators = computeIndicators(check.template, check.monitoring, {
    asOf,
    plans: check.plans,
  });
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
  const calc = sheet(layout, CALC_SHEET);
  const fact = (id: string, period: string) => layout.facts.find((f) => f.id === id && f.period === period)!;

  it("shows the seed's ШНОР shares: 27,6 % (2021) and 34,5 % (2022) side by side, as formulas with the core's value", () => {
    for (const [period, n] of [
      ["2021", 8],
      ["2022", 10],
    ] as const) {
      const f = fact("shnor_share", period);
      expect(f.formula).toBe(true);
      expect(f.sheet).toBe(DASHBOARD_SHEET);
      const c = cell(dash, f.address);
      expect(c.value).toBeCloseTo((n / 29) * 100, 10);
      expect(c.numFmt).toBe('0.0" %"');
      expect(c.formula).toMatch(/^IF\(COUNT\('_sverka_calc'!\$[A-Z]+\$2:\$[A-Z]+\$30\)=0,"нет данных",COUNT\(/);
      expect(`${formatNumberRu(c.value as number)} %`).toBe(period === "2021" ? "27,6 %" : "34,5 %");
    }
    // One row: the latest period in E, the previous one in H.
    const { row } = parseA1(fact("shnor_share", "2022").address);
    expect(fact("shnor_share", "2022").address).toBe(`E${row}`);
    expect(fact("shnor_share", "2021").address).toBe(`H${row}`);
    expect(cell(dash, `A${row}`).value).toBe("Доля ШНОР");
    expect(cell(dash, `C${row}`).value).toBe("≤ 20 %");
    expect(cell(dash, `D${row}`).value).toBe("2022");
    expect(cell(dash, `G${row}`).value).toBe("2021");
    expect(cell(dash, `F${row}`)).toMatchObject({
      value: "не выполнено",
      style: "notMet",
      formula: `IF(ISNUMBER(E${row}),IF(E${row}<=20,"выполнено","не выполнено"),"нет данных")`,
    });
    // The change: +6,9 п.п. with an arrow, red because a rising ШНОР share is bad.
    const delta = cell(dash, `I${row}`);
    expect(delta).toMatchObject({
      formula: `E${row}-H${row}`,
      style: "notMet",
    });
    expect(delta.value).toBeCloseTo((2 / 29) * 100, 10);
    expect(delta.numFmt).toBe('"▲ "+0.0" п.п.";"▼ ""−"0.0" п.п.";0.0" п.п."');
  });

  it("names every municipal fact cell sv_<id>_<period> exactly; earlier periods live on the helper sheet", () => {
    const names = layout.definedNames.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "sv_shnor_share_2022",
        "sv_shnor_share_2021",
        "sv_shnor_share_2020",
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
      expect(layout.definedNames.find((n) => n.name === name)?.ref).toBe(`'${f.sheet}'!$${columnLetter(col)}$${row}`);
      const c = cell(f.sheet === DASHBOARD_SHEET ? dash : calc, f.address);
      if (typeof f.value === "number") expect(c.value).toBe(f.value);
    }
    const older = fact("shnor_share", "2020");
    expect(older.sheet).toBe(CALC_SHEET);
    expect(older.formula).toBe(true);
    expect(cell(calc, older.address).value).toBeCloseTo((10 / 29) * 100, 10);
  });

  it("lists every municipal value once: one row per indicator, «Расчёт» on the helper sheet", () => {
    const municipal = indicators.filter((v) => v.scope === "municipality");
    expect(layout.facts).toHaveLength(municipal.length);
    expect(layout.facts.filter((f) => f.id === "quality_pct").map((f) => f.period)).toEqual(["2022/2023", "2021/2022"]);
    const ids = new Set(municipal.map((v) => v.id));
    const titles = dash.cells.filter((c) => c.col === 1 && c.style === "text").map((c) => c.value);
    expect(titles.filter((t) => t === "Доля ШНОР")).toHaveLength(1);
    expect(
      dash.cells.filter(
        (c) => c.col === 5 && layout.facts.some((f) => f.address === `E${c.row}` && f.sheet === DASHBOARD_SHEET),
      ),
    ).toHaveLength(ids.size);
    // Themes in order, as group rows.
    const themes = dash.cells.filter((c) => c.style === "total" && c.col === 1).map((c) => c.value);
    expect(themes).toEqual([
      "Образовательные результаты",
      "Школы с низкими результатами (ШНОР)",
      "Кадры",
      "Сетевое взаимодействие",
      "Государственная итоговая аттестация",
      "Итого",
    ]);
    // «Расчёт» for every fact on the helper sheet: «формула» or the reason.
    const header = calc.cells.find((c) => c.row === 1 && c.value === "Расчёт")!;
    for (const f of layout.facts) {
      const row = calc.cells.find(
        (c) =>
          c.col === header.col - 3 &&
          c.value === f.period &&
          calc.cells.some((x) => x.row === c.row && x.col === header.col - 1 && x.value === `${f.sheet}!${f.address}`),
      );
      expect(row).toBeDefined();
      expect(cell(calc, `${columnLetter(header.col)}${row!.row}`).value).toBe(f.formula ? "формула" : f.reason);
    }
    expect(dash.cells.some((c) => c.value === "Расчёт")).toBe(false);
    // No data: «нет данных», never a zero.
    const growth = fact("excellent_growth", "2021/2022");
    expect(growth).toMatchObject({ formula: false, reason: "нет данных" });
    expect(cell(dash, growth.address)).toMatchObject({
      value: "нет данных",
      style: "noData",
    });
  });

  it("opens with the head block: the verdict linked to «Отчёт ФЛК», «выполнено N из M» as a formula, the unmet named", () => {
    expect(cell(dash, "A1")).toMatchObject({
      style: "title",
      value: check.template.title,
    });
    expect(cell(dash, "A4")).toMatchObject({
      style: "link",
      link: "'Отчёт ФЛК'!A1",
    });
    expect(cell(dash, "A4").value).toContain("Проверка данных (ФЛК): Ошибок: 12, предупреждений: 3");
    const head = cell(dash, "A5");
    expect(head.value).toBe("Целевые показатели: выполнено 10 из 17");
    expect(head.formula).toMatch(/^"Целевые показатели: выполнено "&COUNTIF\(F\d+:F\d+,"выполнено"\)&" из "&\(COUNTIF/);
    const unmet = String(cell(dash, "A6").value);
    expect(unmet).toMatch(/^Не выполнены: .*\)\.$/);
    for (const t of [
      "Доля ШНОР, 2022 (цель ≤ 20 %); ",
      "Процент качества знаний, 2022/2023 (цель ",
      "Рост числа отличников",
    ])
      expect(unmet).toContain(t);
    expect(unmet).not.toContain("Доля справившихся с ВПР");
    expect(unmet).not.toContain(";;");
    // Live too: one IF per table row over its status cell; titles, periods, targets are references.
    const f = cell(dash, "A6").formula!;
    const shnorRow = parseA1(fact("shnor_share", "2022").address).row;
    expect(f).toContain(
      `IF(F${shnorRow}="не выполнено","; "&A${shnorRow}&", "&D${shnorRow}&" (цель "&C${shnorRow}&")","")`,
    );
    expect(f).toMatch(/^IF\(COUNTIF\(F\d+:F\d+,"не выполнено"\)=0,/);
    expect(f).not.toContain("Доля ШНОР");
    expect(f.length).toBeLessThan(8192);
  });

  it("says in the footnote that both head lines are live over «Статус»", () => {
    const note = dash.cells.find((c) => String(c.value).startsWith("Все числа дашборда — живые формулы"));
    expect(note?.style).toBe("note");
    expect(String(note?.value)).toContain("строки «выполнено N из M» и «Не выполнены: …» — по столбцу «Статус».");
  });

  it("shows six key cards referring to the table, the change coloured by whether it is good", () => {
    const header = dash.cells.find((c) => c.value === "Ключевые показатели")!;
    const cards = dash.cells.filter((c) => c.col === 1 && c.row > header.row + 1 && c.row <= header.row + 7);
    expect(cards.map((c) => c.value)).toEqual([
      "Доля ШНОР, 2022",
      "Процент качества знаний, 2022/2023",
      "Доля справившихся с ВПР, 2022",
      "Доля педагогов ШНОР, прошедших КПК, 2023",
      "Успеваемость, 2022/2023",
      "Рост числа отличников, 2022/2023",
    ]);
    const shnor = cards[0].row;
    const t = parseA1(fact("shnor_share", "2022").address).row;
    expect(cell(dash, `B${shnor}`)).toMatchObject({
      formula: `E${t}`,
      style: "notMet",
    });
    expect(cell(dash, `E${shnor}`)).toMatchObject({
      formula: `F${t}`,
      value: "не выполнено",
    });
    expect(cell(dash, `G${shnor}`)).toMatchObject({ formula: `H${t}` });
    expect(cell(dash, `H${shnor}`)).toMatchObject({
      formula: `I${t}`,
      style: "notMet",
    });
    // КПК of ШНОР teachers rose by 5,1 п.п.: good, green.
    expect(cell(dash, `H${cards[3].row}`).style).toBe("met");
    expect(cell(dash, `H${cards[3].row}`).value).toBeCloseTo(5.1068, 3);
    // Quality fell: red.
    expect(cell(dash, `H${cards[1].row}`).style).toBe("notMet");
  });

  it("describes three anchored charts whose series are the cells' values", () => {
    expect(layout.charts.map((c) => [c.id, c.kind])).toEqual([
      ["shnor_share_by_year", "column"],
      ["quality_by_year", "column"],
      ["schools_by_low_share", "bar"],
    ]);
    const at = (ref: string): LayoutCell[] => {
      const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref)!;
      const s = sheet(layout, m[1]);
      const out: LayoutCell[] = [];
      for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(cell(s, `${m[2]}${r}`));
      return out;
    };
    for (const c of layout.charts) {
      expect(c.anchor?.sheet).toBe(DASHBOARD_SHEET);
      expect(at(c.categoriesRange).map((x) => x.value)).toEqual(c.categories);
      for (const s of c.series!) expect(at(s.valuesRange).map((x) => x.value)).toEqual(s.values);
    }
    const [shnor, quality, ranked] = layout.charts;
    expect(shnor.categories).toEqual(["2020", "2021", "2022"]);
    expect(shnor.series!.map((s) => s.name)).toEqual(["Доля ШНОР", "Цель"]);
    expect(shnor.series![1]).toMatchObject({
      asLine: true,
      values: [20, 20, 20],
    });
    // The share cells are references to the fact cells, so a recalculation moves the chart.
    expect(at(shnor.series![0].valuesRange).map((x) => x.formula)).toEqual([
      `'_sverka_calc'!${fact("shnor_share", "2020").address.replace(/([A-Z]+)(\d+)/, "$$$1$$$2")}`,
      fact("shnor_share", "2021").address,
      fact("shnor_share", "2022").address,
    ]);
    expect(quality.categories).toEqual(["2021/2022", "2022/2023"]);
    expect(ranked.categories).toHaveLength(29);
    const colors = ranked.series![0].pointColors!;
    expect(colors.slice(0, 10).every((c) => c === colors[0])).toBe(true);
    expect(colors.slice(10).every((c) => c !== colors[0])).toBe(true);
    // Charts do not overlap each other.
    const boxes = layout.charts.map((c) => c.anchor!.range);
    expect(boxes[0].right).toBeLessThan(boxes[1].left);
    expect(boxes[2].top).toBeGreaterThan(Math.max(boxes[0].bottom, boxes[1].bottom));
  });

  it("sorts the school table by risk: the 10 ШНОР of 2022 first, then by share of «2»", () => {
    const header = dash.cells.find((c) => c.value === "ОО" && c.style === "header")!;
    const rows = dash.cells.filter((c) => c.col === 1 && c.row > header.row && c.row <= header.row + 29);
    expect(rows).toHaveLength(29);
    const kinds = dash.cells.filter((c) => c.col === 2 && c.row > header.row && c.row <= header.row + 29);
    expect(kinds.slice(0, 10).every((c) => String(c.value).includes("ШНОР"))).toBe(true);
    expect(kinds.slice(10).some((c) => String(c.value).includes("ШНОР"))).toBe(false);
    expect(cell(dash, `B${header.row}`).value).toBe("ШНОР/ШНСУ (ШНОР по итогам 2022 г.)");
    expect(cell(dash, `C${header.row}`).value).toBe("Доля «2» в решающих процедурах 2022 г., %");
    const shares = dash.cells
      .filter((c) => c.col === 3 && c.row > header.row && c.row <= header.row + 29)
      .map((c) => (typeof c.value === "number" ? c.value : -1));
    const sortedDesc = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);
    expect(sortedDesc(shares.slice(0, 10))).toBe(true);
    expect(sortedDesc(shares.slice(10))).toBe(true);
    // Traffic light: a share of «2» of 30 % or more is red.
    for (const c of dash.cells.filter(
      (x) => x.col === 3 && x.row > header.row && x.row <= header.row + 29 && typeof x.value === "number",
    ))
      expect(c.style).toBe((c.value as number) >= 30 ? "notMet" : (c.value as number) >= 15 ? "warning" : "met");
    // Native charts, not data bars.
    expect(dash.dataBars).toEqual([]);
    // Region scale: per-school figures are values, never a formula per school row.
    expect(dash.cells.filter((c) => c.row > header.row && c.row <= header.row + 29 && c.formula)).toEqual([]);
  });

  it("prints on A4 landscape, one page wide, with the project in the header and row heights for wrapped text", () => {
    expect(dash.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    const last = Math.max(...dash.cells.map((c) => c.row));
    expect(dash.print!.area).toEqual({
      top: 1,
      left: 1,
      bottom: last,
      right: 9,
    });
    expect(dash.print!.header).toContain("&LМуниципальный проект по оказанию адресной методической помощи");
    expect(dash.print!.footer).toContain("&P из &N");
    // The project's title (about 250 characters over 9 columns) needs two lines at least.
    expect(dash.rowHeights![1]).toBeGreaterThanOrEqual(2 * 21);
    expect(dash.widths).toHaveLength(9);
  });

  it("marks in the hidden helper sheet exactly the rows the core counted", () => {
    expect(calc.hidden).toBe(true);
    const f = fact("quality_pct", "2022/2023");
    const formula = cell(dash, f.address).formula!;
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

  it("sums the ФЛК per sheet with a live total", () => {
    const total = dash.cells.find((c) => c.value === "Итого")!;
    expect(cell(dash, `D${total.row}`)).toMatchObject({
      value: check.report.summary.errors,
    });
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
      expect(c.formula).toMatch(
        /^(IF\(|SUM|COUNT|AVERAGE|\(|"Целевые показатели|'_sverka_calc'!|[A-I]\d+$|E\d+-H\d+$)/,
      );
    expect(renderFlkReport(check.report).cells.some((c) => c.formula !== undefined)).toBe(false);
  });

  it("gives plan execution a value and a reason (deadlines are text)", () => {
    const { layout } = build(sampleToWorkbook(ivanovo), "2021-06-30");
    const plan = layout.facts.find((f) => f.id === "plan_done_pct")!;
    expect(plan).toMatchObject({ formula: false });
    expect(plan.reason).toContain("срокам мероприятий");
    expect(layout.sheets.map((s) => s.name)).toEqual([DASHBOARD_SHEET]); // no monitoring sheets: no helper
    // Without the helper sheet, «Расчёт» of the value is in the footnote.
    expect(
      sheet(layout, DASHBOARD_SHEET).cells.some((c) =>
        String(c.value).includes(`plan_done_pct ${plan.period} — значение`),
      ),
    ).toBe(true);
  });
});

describe("renderDashboard: a huge template", () => {
  it("keeps «Не выполнены: …» static text when its formula would pass Excel's 8,192 characters", () => {
    const wb = sampleToWorkbook(lazo);
    const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
    const indicators = computeIndicators(check.template, check.monitoring, { asOf: AS_OF, plans: check.plans });
    // Every indicator eight times over: a table of some 200 rows.
    const copies = Array.from({ length: 8 }, (_v, k) => k);
    const template = {
      ...check.template,
      indicators: copies.flatMap((k) => check.template.indicators.map((s) => ({ ...s, id: `${s.id}_${k}` }))),
    };
    const values = copies.flatMap((k) => indicators.map((v) => ({ ...v, id: `${v.id}_${k}` })));
    const layout = renderDashboard({
      template,
      report: check.report,
      indicators: values,
      monitoring: check.monitoring,
      refreshedAt: "2024-01-10",
      asOf: AS_OF,
      uses: new UseLog(),
    });
    const dash = sheet(layout, DASHBOARD_SHEET);
    const head = cell(dash, "A5");
    expect(head.formula).toBeDefined(); // «выполнено N из M» stays live: two COUNTIFs
    expect(head.value).toBe("Целевые показатели: выполнено 80 из 136");
    const unmet = cell(dash, "A6");
    expect(unmet.formula).toBeUndefined();
    expect(String(unmet.value)).toMatch(/^Не выполнены: Процент качества знаний, 2022\/2023 \(цель [^)]+\); /);
    expect(String(unmet.value).split("; ")).toHaveLength(56);
    // The footnote claims only what is live: row 5, not the static row 6.
    const note = String(dash.cells.find((c) => String(c.value).startsWith("Все числа дашборда"))?.value);
    expect(note).toContain("строка «выполнено N из M» — по столбцу «Статус».");
    expect(note).not.toContain("«Не выполнены: …»");
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
    expect(report.autoFilter).toEqual({
      top: 5,
      left: 1,
      bottom: 5 + n,
      right: 7,
    });
    const first = check.report.issues[0];
    expect(cell(report, "A6").value).toBe(1);
    expect(cell(report, "B6").value).toBe(first.sheet);
    expect(cell(report, "C6")).toMatchObject({
      value: first.cell,
      link: `'${first.sheet}'!${first.cell}`,
    });
    expect(cell(report, "E6").value).toBe(first.code);
    const severities = check.report.issues.map((_, i) => cell(report, `F${6 + i}`).value);
    expect(new Set(severities)).toEqual(new Set(["ошибка", "предупреждение"]));
    expect(report.frozenRows).toBe(5);
    expect(report.print).toMatchObject({
      orientation: "landscape",
      fitToWidth: 1,
      titleRows: { from: 5, to: 5 },
      area: { top: 1, left: 1, bottom: 5 + n, right: 7 },
    });
  });

  it("says «Ошибок нет» for a clean report", () => {
    expect(summaryText({ errors: 0, warnings: 0, infos: 0 })).toBe("Ошибок нет");
    expect(summaryText({ errors: 0, warnings: 2, infos: 1 })).toBe("Ошибок нет; предупреждений: 2, замечаний: 1");
    const clean = renderFlkReport({
      ...check.report,
      issues: [],
      summary: { errors: 0, warnings: 0, infos: 0 },
    });
    expect(cell(clean, "A3")).toMatchObject({
      value: "Ошибок нет",
      style: "met",
    });
    expect(clean.autoFilter).toEqual({ top: 5, left: 1, bottom: 5, right: 7 });
  });
});

describe("betterDirection", () => {
  const spec = (extra: Partial<IndicatorSpec>): IndicatorSpec =>
    ({ ...BUILTIN_TEMPLATES[0].indicators[0], targets: [], ...extra }) as IndicatorSpec;

  it("takes the registry's word, else the target's comparison (indicatorHints)", () => {
    expect(betterDirection(spec({ better: "down", targets: [{ op: ">=", value: 1 }] }))).toBe("down");
    expect(betterDirection(spec({ better: undefined, targets: [{ op: "<=", value: 20 }] }))).toBe("down");
    expect(betterDirection(spec({ better: undefined, targets: [{ op: "growth", value: 1 }] }))).toBe("up");
    expect(betterDirection(spec({ better: undefined, targets: [] }))).toBeNull();
    expect(betterDirection(undefined)).toBeNull();
  });

  it("colours a change good or bad by it", () => {
    expect(changeIsGood("down", -6.9)).toBe(true);
    expect(changeIsGood("down", 6.9)).toBe(false);
    expect(changeIsGood("up", 0)).toBeNull();
    expect(changeIsGood(null, 3)).toBeNull();
  });
});
