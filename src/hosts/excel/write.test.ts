/**
 * Writing Sverka's sheets through the Excel host into the fake Excel: the user's sheets stay as
 * they were, a user's «Дашборд» survives, a refresh replaces only Sverka's content, text that looks
 * like a formula stays text, the defined names and real charts exist, every request stays under
 * Excel on the web's limits.
 */
import { join } from "node:path";
import { buildDashboardLayouts, type DashboardBuild } from "../../core/dashboard/build";
import { renderFlkReport } from "../../core/dashboard/flkReport";
import type { ChartSpec, LayoutSheet } from "../../core/dashboard/types";
import { a1 } from "../../core/model/address";
import type { WorkbookData } from "../../core/model/sheet";
import { renderedIssue } from "../../core/report/testing/issues";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import { validateWorkbook } from "../../core/validate";
import { readWorkbookFile } from "../xlsx/node";
import { ADDRESS_LIMIT, PAYLOAD_LIMIT } from "./payload";
import {
  fakeWorkbookFromData,
  installFakeOffice,
  type FakeOfficeHandle,
  type FakeSheet,
  type FakeWorkbook,
} from "./testing/fake";
import { createExcelHost } from "./index";
import { cellInput, headerSections, needsTextPrefix } from "./write";

const SAMPLE = join(__dirname, "..", "..", "..", "samples", "effektivnaya-shkola-2023.monitoring.xlsx");
const AS_OF = "2023-12-31";

let data: WorkbookData;
let build: DashboardBuild;
let office: FakeOfficeHandle | null = null;

beforeAll(async () => {
  data = await readWorkbookFile(SAMPLE);
  const check = validateWorkbook(data, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
  build = buildDashboardLayouts(data, check, { asOf: AS_OF, refreshedAt: AS_OF });
});

afterEach(() => {
  office?.uninstall();
  office = null;
});

function install(workbook: FakeWorkbook = fakeWorkbookFromData(data)): FakeOfficeHandle {
  office = installFakeOffice(globalThis, { workbook });
  return office;
}

/** Everything of a sheet a write could change. */
function snapshot(s: FakeSheet): string {
  const cells: unknown[] = [];
  s.eachExisting({ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }, (cell, r, c) => {
    if (cell.value !== "" || cell.formula !== undefined || cell.format || cell.numberFormat || cell.hyperlink)
      cells.push([r, c, cell]);
  });
  return JSON.stringify({
    name: s.name,
    visibility: s.visibility,
    cells,
    merges: s.merges,
    frozen: s.frozenRows,
    charts: s.charts.map((c) => ({ ...c, name: "" })),
    cf: s.conditionalFormats,
    notes: [...s.notes],
    validations: s.validations,
    widths: [...s.columnWidths],
    filter: s.autoFilter,
  });
}

function userSheets(wb: FakeWorkbook): Map<string, string> {
  return new Map(wb.sheets.map((s) => [s.name, snapshot(s)]));
}

const SVERKA = ["Дашборд", "Отчёт ФЛК", "_sverka_calc"];

describe("writeDashboard through the Excel host", () => {
  it("writes Sverka's sheets, names and charts and leaves every user sheet untouched", async () => {
    const o = install();
    const before = userSheets(o.workbook);
    const outcome = await createExcelHost().writeDashboard(build);

    expect(outcome.notices).toEqual([]);
    const logical = [build.layout.sheets[0].name, build.flk.name, ...build.layout.sheets.slice(1).map((s) => s.name)];
    expect(outcome.sheets).toEqual(logical.map((n) => ({ logical: n, actual: n })));
    for (const [name, snap] of before) expect(snapshot(o.workbook.sheet(name) as FakeSheet)).toBe(snap);
    expect(o.workbook.sheets.map((s) => s.name)).toEqual([...before.keys(), ...logical]);
    expect(JSON.parse(o.workbook.customProperties.get("sverka.sheets") ?? "[]")).toEqual(logical);
    expect(o.workbook.activeSheet?.name).toBe("Дашборд");

    const dash = o.workbook.sheet("Дашборд") as FakeSheet;
    const layout = build.layout.sheets[0];
    // Every layout cell: formulas with «=», values as shown, number formats.
    for (const c of layout.cells) {
      const cell = dash.cell(c.row, c.col);
      if (c.formula !== undefined) expect(cell?.formula).toBe(`=${c.formula}`);
      else if (c.value !== null) expect(cell?.value).toEqual(c.value);
      if (c.numFmt) expect(cell?.numberFormat).toBe(c.numFmt);
      expect(cell?.formula === undefined || c.formula !== undefined).toBe(true);
    }
    expect(layout.cells.some((c) => c.formula !== undefined)).toBe(true);
    // The head block's «выполнено N из M» and «Не выполнены: …» are live formulas here too.
    expect(dash.cell(5, 1)?.formula).toMatch(/^="Целевые показатели: выполнено "&COUNTIF\(/);
    expect(dash.cell(6, 1)?.formula).toMatch(/^=IF\(COUNTIF\(F\d+:F\d+,"не выполнено"\)=0,/);
    expect(dash.cell(6, 1)?.formula).toContain('"; "&A');
    expect(dash.merges.length).toBe(layout.merges.length);
    expect(dash.frozenRows).toBe(layout.frozenRows ?? 0);
    expect(dash.conditionalFormats.map((c) => [c.type, c.range, c.color])).toEqual(
      layout.dataBars.map((b) => ["DataBar", b.range, `#${b.color.slice(2)}`]),
    );
    expect([...dash.columnWidths.keys()].length).toBe(layout.widths.filter((w) => w !== undefined).length);

    // Real charts: the ШНОР share and quality by year (columns), the schools ranked (bars).
    expect(build.layout.charts.map((c) => c.kind)).toEqual(["column", "column", "bar"]);
    expect(
      dash.charts.map((c) => ({ type: c.type, title: c.title, source: c.source, categories: c.categories })),
    ).toEqual(
      build.layout.charts.map((spec) => ({
        type: spec.kind === "bar" ? "BarClustered" : spec.kind === "column" ? "ColumnClustered" : "Line",
        title: spec.title,
        source: spec.valuesRange.replace(/\$/g, ""),
        categories: spec.categoriesRange.replace(/\$/g, ""),
      })),
    );

    // Each chart sits where the layout anchors it.
    expect(dash.charts.map((c) => c.position)).toEqual(
      build.layout.charts.map((spec) => {
        const r = spec.anchor!.range;
        return { start: a1(r.top, r.left), end: a1(r.bottom, r.right) };
      }),
    );

    // The defined names sv_<id>_<period>.
    expect(build.layout.definedNames.length).toBeGreaterThan(5);
    for (const dn of build.layout.definedNames)
      expect(o.workbook.names.find((n) => n.name === dn.name)?.formula).toBe(`=${dn.ref}`);

    // The helper sheet is hidden, the report links to the cells.
    const calc = o.workbook.sheet("_sverka_calc");
    if (calc) expect(calc.visibility).toBe("Hidden");
    const report = o.workbook.sheet("Отчёт ФЛК") as FakeSheet;
    const links = build.flk.cells.filter((c) => c.link);
    expect(links.length).toBeGreaterThan(0);
    for (const c of links) expect(report.cell(c.row, c.col)?.hyperlink?.documentReference).toBe(c.link);
    expect(report.autoFilter).not.toBeNull();

    expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(o.stats.longestAddress).toBeLessThan(ADDRESS_LIMIT);
    expect(o.stats.bareLoads).toBe(0);
    expect(o.stats.screenUpdatingSuspended).toBeGreaterThan(0);
  });

  it("never overwrites a user's «Дашборд»: writes «Дашборд (2)» and says so, with references following", async () => {
    const wb = fakeWorkbookFromData(data);
    const mine = wb.addSheet("Дашборд");
    mine.rows[0] = [{ value: "Мой дашборд" }, { value: 42 }];
    const o = install(wb);
    const before = userSheets(o.workbook);
    const outcome = await createExcelHost().writeDashboard(build);

    expect(outcome.notices).toContainEqual({
      code: "SHEET_RENAMED",
      params: { logical: "Дашборд", actual: "Дашборд (2)" },
    });
    for (const [name, snap] of before) expect(snapshot(o.workbook.sheet(name) as FakeSheet)).toBe(snap);
    const dash = o.workbook.sheet("Дашборд (2)") as FakeSheet;
    expect(dash.charts.length).toBe(build.layout.charts.length);
    expect(dash.charts[0].source.startsWith("'Дашборд (2)'!")).toBe(true);
    for (const dn of build.layout.definedNames)
      expect(o.workbook.names.find((n) => n.name === dn.name)?.formula).toBe(
        `=${dn.ref.replace("'Дашборд'!", "'Дашборд (2)'!")}`,
      );
    expect(JSON.parse(o.workbook.customProperties.get("sverka.sheets") ?? "[]")).toContain("Дашборд (2)");

    // The user's sheet is data to the core; Sverka's are not.
    const again = await createExcelHost().read();
    const check = validateWorkbook(again, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
    const kinds = Object.fromEntries(check.report.sheets.map((s) => [s.name, s.kind]));
    expect(kinds["Дашборд (2)"]).toBe("sverka");
    expect(kinds["Отчёт ФЛК"]).toBe("sverka");
    expect(kinds["Дашборд"]).not.toBe("sverka");
  });

  it("refreshing replaces only Sverka's content, in place, without duplicate charts or names", async () => {
    const o = install();
    const host = createExcelHost();
    await host.writeDashboard(build);
    const user = new Map([...userSheets(o.workbook)].filter(([n]) => !SVERKA.includes(n)));
    const order = o.workbook.sheets.map((s) => s.name);
    const first = snapshot(o.workbook.sheet("Дашборд") as FakeSheet);
    const names = o.workbook.names.length;
    // Something left on the dashboard by hand disappears on refresh (the sheet is Sverka's).
    (o.workbook.sheet("Дашборд") as FakeSheet).ensure(200, 20).value = "мусор";

    const outcome = await host.writeDashboard(build);
    expect(outcome.notices).toEqual([]);
    expect(o.workbook.sheets.map((s) => s.name)).toEqual(order);
    expect(snapshot(o.workbook.sheet("Дашборд") as FakeSheet)).toBe(first);
    expect(o.workbook.names.length).toBe(names);
    for (const [name, snap] of user) expect(snapshot(o.workbook.sheet(name) as FakeSheet)).toBe(snap);

    // The report alone keeps the dashboard.
    await host.writeReport(build.flk);
    expect(o.workbook.sheet("Дашборд")).toBeDefined();
    expect(o.workbook.activeSheet?.name).toBe("Отчёт ФЛК");
    expect(JSON.parse(o.workbook.customProperties.get("sverka.sheets") ?? "[]").sort()).toEqual(
      ["Отчёт ФЛК", "Дашборд", ...(o.workbook.sheet("_sverka_calc") ? ["_sverka_calc"] : [])].sort(),
    );
  });

  it("does not take a defined name the user already has", async () => {
    const wb = fakeWorkbookFromData(data);
    const taken = build.layout.definedNames[0].name;
    wb.names.push({ name: taken, formula: "='Школы'!$A$1" });
    const o = install(wb);
    const outcome = await createExcelHost().writeDashboard(build);
    expect(outcome.notices).toContainEqual({ code: "NAME_TAKEN", params: { name: taken } });
    expect(o.workbook.names.find((n) => n.name === taken)?.formula).toBe("='Школы'!$A$1");
  });
});

describe("charts, row heights and page setup through Office.js", () => {
  function richBuild(): DashboardBuild {
    const [dash, ...rest] = build.layout.sheets;
    const [first, ...others] = build.layout.charts;
    const target: ChartSpec = {
      ...first,
      kind: "column",
      title: "Доля ШНОР по годам против цели 20 %",
      numFmt: '0.0" %"',
      axisMin: 0,
      axisMax: 100,
      anchor: { sheet: "Дашборд", range: { top: 2, left: 12, bottom: 19, right: 19 } },
      series: [
        {
          name: "Доля ШНОР",
          valuesRange: first.valuesRange,
          values: [],
          color: "FF2F6FB5",
          pointColors: [undefined, "FFC00000"],
        },
        { name: "Цель", valuesRange: first.valuesRange, values: [], color: "FF000000", asLine: true },
      ],
    };
    const printed: LayoutSheet = {
      ...dash,
      rowHeights: [undefined, 36, undefined, 24],
      print: {
        orientation: "landscape",
        paper: "A4",
        fitToWidth: 1,
        fitToHeight: 0,
        titleRows: { from: 1, to: 3 },
        area: { top: 1, left: 1, bottom: 60, right: 10 },
        header: "&LЭффективная школа&RДата: &D",
        footer: "&CСтраница &P из &N",
        margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
    };
    return { ...build, layout: { ...build.layout, sheets: [printed, ...rest], charts: [target, ...others] } };
  }

  it("draws every series, the target as a line over the columns, with colours, bounds and the anchor", async () => {
    const o = install();
    const rich = richBuild();
    await createExcelHost().writeDashboard(rich);
    const dash = o.workbook.sheet("Дашборд") as FakeSheet;
    const chart = dash.charts.find((c) => c.title === "Доля ШНОР по годам против цели 20 %")!;
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.position).toEqual({ start: "L2", end: "S19" });
    expect(chart.series.map((s) => [s.name, s.chartType, s.color])).toEqual([
      ["Доля ШНОР", undefined, "#2F6FB5"],
      ["Цель", "Line", "#000000"],
    ]);
    const cats = rich.layout.charts[0].categoriesRange.replace(/\$/g, "");
    expect(chart.series.map((s) => s.categories)).toEqual([cats, cats]);
    expect(chart.series[1].values).toBe(rich.layout.charts[0].valuesRange.replace(/\$/g, ""));
    expect(chart.series[0].pointColors).toEqual({ 1: "#C00000" });
    expect(chart.valueAxis).toEqual({ minimum: 0, maximum: 100, numberFormat: '0.0" %"' });
    expect(dash.charts).toHaveLength(rich.layout.charts.length);
  });

  it("resets the row heights an earlier refresh left, in a number of syncs independent of the rows", async () => {
    const o = install();
    const host = createExcelHost();
    const rich = richBuild();
    const tall = rich.layout.sheets[0];
    // An earlier, longer dashboard: heights on rows 1, 3 and far below the new layout.
    const earlier = [...(tall.rowHeights ?? [])];
    earlier[500] = 60;
    earlier[4000] = 30;
    await host.writeDashboard({
      ...rich,
      layout: { ...rich.layout, sheets: [{ ...tall, rowHeights: earlier }, ...rich.layout.sheets.slice(1)] },
    });
    const dash = o.workbook.sheet("Дашборд") as FakeSheet;
    expect([...dash.rowHeights.keys()].sort((a, b) => a - b)).toEqual([1, 3, 500, 4000]);
    const syncsFirst = o.stats.syncs;

    // The refresh sets only row 1: rows 3, 500 and 4000 get the standard height back.
    await host.writeDashboard({
      ...rich,
      layout: { ...rich.layout, sheets: [{ ...tall, rowHeights: [undefined, 40] }, ...rich.layout.sheets.slice(1)] },
    });
    expect([...dash.rowHeights]).toEqual([[1, 40]]);
    expect(o.stats.syncs - syncsFirst).toBeLessThanOrEqual(syncsFirst);
    expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("resets the column widths an earlier refresh left, in a number of syncs independent of the columns", async () => {
    const o = install();
    const host = createExcelHost();
    const rich = richBuild();
    const wide = rich.layout.sheets[0];
    // An earlier, wider dashboard: widths on the layout's columns and far to the right of them.
    const earlier = [...wide.widths];
    earlier[29] = 50;
    earlier[199] = 12;
    await host.writeDashboard({
      ...rich,
      layout: { ...rich.layout, sheets: [{ ...wide, widths: earlier }, ...rich.layout.sheets.slice(1)] },
    });
    const dash = o.workbook.sheet("Дашборд") as FakeSheet;
    const layoutColumns = wide.widths.flatMap((w, i) => (w === undefined ? [] : [i + 1]));
    expect([...dash.columnWidths.keys()].sort((a, b) => a - b)).toEqual([...layoutColumns, 30, 200]);
    const syncsFirst = o.stats.syncs;

    // The refresh sets only column A: every other column gets the standard width back.
    await host.writeDashboard({
      ...rich,
      layout: { ...rich.layout, sheets: [{ ...wide, widths: [40] }, ...rich.layout.sheets.slice(1)] },
    });
    expect([...dash.columnWidths.keys()]).toEqual([1]);
    expect(o.stats.syncs - syncsFirst).toBeLessThanOrEqual(syncsFirst);
    expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("sets row heights and the page setup (A4 landscape, one page wide, titles, area, header/footer)", async () => {
    const o = install();
    await createExcelHost().writeDashboard(richBuild());
    const dash = o.workbook.sheet("Дашборд") as FakeSheet;
    expect(dash.rowHeights.get(1)).toBe(36);
    expect(dash.rowHeights.get(3)).toBe(24);
    expect(dash.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
      printArea: "A1:J60",
      margins: { left: 36, right: 36, top: 54, bottom: 54, header: 21.599999999999998, footer: 21.599999999999998 },
      headerFooter: {
        leftHeader: "Эффективная школа",
        centerHeader: "",
        rightHeader: "Дата: &D",
        leftFooter: "",
        centerFooter: "Страница &P из &N",
        rightFooter: "",
      },
    });
  });
});

describe("headerSections", () => {
  it("splits Excel's &L/&C/&R codes and keeps the others", () => {
    expect(headerSections("&LПроект&CИтоги&RДата: &D")).toEqual({ left: "Проект", center: "Итоги", right: "Дата: &D" });
    expect(headerSections("Страница &P")).toEqual({ left: "", center: "Страница &P", right: "" });
    expect(headerSections("&LA && B")).toEqual({ left: "A && B", center: "", right: "" });
  });
});

describe("a big ФЛК report", () => {
  it("is written in requests under 5 MB, with every issue and link", async () => {
    const o = install();
    const n = 20_000;
    const flk = renderFlkReport(
      {
        file: "big.xlsx",
        template: "effektivnaya-shkola-2023",
        template_reason: "указан явно",
        template_reason_params: {},
        sheets: [],
        issues: Array.from({ length: n }, (_v, i) =>
          renderedIssue(
            "EMPTY_REQUIRED",
            { sheet: "Успеваемость", row: i + 2, col: 3 },
            `Не заполнено обязательное поле «Обучающихся» в строке ${i + 2}: ожидалось целое число, найдено пусто.`,
          ),
        ),
        summary: { errors: n, warnings: 0, infos: 0 },
      },
      { sheetNames: ["Успеваемость"] },
    );
    await createExcelHost().writeReport(flk);
    const sheet = o.workbook.sheet("Отчёт ФЛК") as FakeSheet;
    expect(sheet.cell(5 + n, 1)?.value).toBe(n);
    expect(sheet.cell(5 + n, 3)?.hyperlink?.documentReference).toBe(`'Успеваемость'!C${n + 1}`);
    expect(o.stats.syncs).toBeGreaterThan(3); // the budget split the writes …
    expect(o.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT); // … so that none passes 5 MB
    expect(o.stats.longestAddress).toBeLessThan(ADDRESS_LIMIT);
  });
});

describe("text that looks like a formula", () => {
  it("is written as text, never as a formula", async () => {
    const wb = fakeWorkbookFromData(data);
    const o = install(wb);
    const tricky = [
      "=СУММ(A1:A3)",
      "+7 (914) 000-00-00",
      "-5 дней",
      "@школа",
      "'цитата",
      "2023/2024",
      "01.09.2023",
      "ИСТИНА",
    ];
    const report = {
      ...renderFlkReport(
        {
          file: "x.xlsx",
          template: "effektivnaya-shkola-2023",
          template_reason: "=причина",
          template_reason_params: {},
          sheets: [],
          issues: tricky.map((t) => renderedIssue("EMPTY_REQUIRED", { sheet: "Школы" }, t)),
          summary: { errors: tricky.length, warnings: 0, infos: 0 },
        },
        { sheetNames: ["Школы"] },
      ),
    } satisfies LayoutSheet;
    await createExcelHost().writeReport(report);
    const sheet = o.workbook.sheet("Отчёт ФЛК") as FakeSheet;
    const messages = tricky.map((_t, i) => sheet.cell(6 + i, 7));
    expect(messages.map((c) => c?.value)).toEqual(tricky);
    expect(messages.every((c) => c?.formula === undefined)).toBe(true);
    expect(sheet.cell(2, 1)?.formula).toBeUndefined();
  });

  it("gets the «'» prefix exactly when Excel would read it as something else", () => {
    for (const s of ["=1", "+1", "-x", "@a", "'q", "12", "1,5", "2023/2024", "01.09.2023", "50%", "TRUE", "ложь"])
      expect([s, needsTextPrefix(s)]).toEqual([s, true]);
    for (const s of ["Школы", "ОО № 5", "C12", "2023 год", "—", ""])
      expect([s, needsTextPrefix(s)]).toEqual([s, false]);
    expect(
      cellInput({ row: 1, col: 1, value: "=x", formula: "SUM('Дашборд'!A1)" }, (s) =>
        s.replace("'Дашборд'", "'Д (2)'"),
      ),
    ).toBe("=SUM('Д (2)'!A1)");
    expect(cellInput({ row: 1, col: 1, value: 0.5 }, (s) => s)).toBe(0.5);
  });
});
