/**
 * @jest-environment jsdom
 *
 * Pseudo-localisation: every view rendered with a dictionary whose values are all wrapped in
 * `[!! … !!]`. Every text node and every aria-label/title/placeholder in the DOM must then be a
 * (formatted) dictionary value, or data: sheet names, addresses, numbers, the core's issue
 * messages and template reason, template and indicator names, periods, targets, school names,
 * file names and the consolidation report's sentences.
 */
import { localizeConsolidation, localizeReport } from "../../i18n/issueMessages";
import "../testing/files";
import { readFileSync } from "node:fs";
import type { ReactElement } from "react";
import { join } from "node:path";
import { MASTER, SCHOOL_FILES } from "../../../samples/schools/schools";
import { planConsolidation } from "../../core/consolidate/consolidate";
import { readWorkbook } from "../../hosts/xlsx/read";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { IndicatorValue } from "../../core/indicators/types";
import type { Issue } from "../../core/report/issue";
import type { Template } from "../../core/template/schema";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import type { WorkbookData } from "../../core/model/sheet";
import { HostError } from "../../hosts/host";
import { isPseudo, pseudoStrings } from "../../i18n/pseudo";
import { ru } from "../../i18n/strings";
import type { ActionName, Activity } from "../state/types";
import { FakeHost, cleanPlanWorkbook, lazoWorkbook } from "../testing/fakeHost";
import {
  TEST_TODAY,
  button,
  idle,
  isDisabled,
  labelled,
  menuAction,
  menuItem,
  openAllGroups,
  options,
  renderApp,
  tabNamed,
} from "../testing/render";
import { validateWorkbook } from "../../core/validate";
import { buildDashboardLayouts } from "../../core/dashboard/build";
import type { ConsolidationStep } from "../state/pipeline";
import { ConsolidationProgress } from "./ConsolidateTab";
import { ActivityStatus } from "./StatusBars";
import { PaneTextContext } from "./text";

const p = pseudoStrings(ru);
const NUMERIC = /^[\d\s.,:%+\-−]+$/;
const ATTRIBUTES = ["aria-label", "title", "placeholder", "alt", "aria-valuetext", "aria-description"];

/** Texts that are data, not UI: they must appear as they are, never translated. */
class DataTexts {
  private readonly texts = new Set<string>();
  add(...values: (string | null | undefined)[]): this {
    for (const v of values) if (v) this.texts.add(v.trim());
    return this;
  }
  workbook(wb: WorkbookData): this {
    this.add(wb.name, ...wb.sheets.map((s) => s.name));
    return this;
  }
  issues(issues: readonly Issue[]): this {
    for (const i of issues) this.add(i.message, i.cell, i.sheet, i.code);
    return this;
  }
  templates(templates: readonly Template[]): this {
    for (const t of templates) this.add(t.title, t.id);
    return this;
  }
  indicators(values: readonly IndicatorValue[]): this {
    for (const v of values) this.add(v.title, v.period, v.target, v.scope, v.procedure);
    return this;
  }
  has(text: string): boolean {
    return this.texts.has(text);
  }
}

function offending(data: DataTexts): string[] {
  const bad: string[] = [];
  const ok = (text: string) => isPseudo(text) || NUMERIC.test(text) || data.has(text);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && (parent.tagName === "STYLE" || parent.tagName === "SCRIPT")) continue;
    const text = (n.textContent ?? "").trim();
    if (text && !ok(text)) bad.push(`text: ${text}`);
  }
  for (const el of document.body.querySelectorAll("*"))
    for (const a of ATTRIBUTES) {
      const v = el.getAttribute(a)?.trim();
      if (v && !ok(v)) bad.push(`${a}: ${v}`);
    }
  return bad;
}

function expectAllFromDictionary(data: DataTexts, view: string): void {
  expect({ view, offending: offending(data) }).toEqual({ view, offending: [] });
}

async function checkWith(host: FakeHost): Promise<void> {
  const b = await waitFor(() => button(p.checkWorkbook));
  await waitFor(() => expect(isDisabled(b)).toBe(false));
  fireEvent.click(b);
  await screen.findByTestId("summary", {}, { timeout: 10000 });
  await idle();
  expect(host.callsOf("read").length).toBeGreaterThan(0);
}

/** What the pane computed, recomputed here to know the data texts (issues, reason, indicators). */
function coreRun(wb: WorkbookData, templateId?: string) {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === templateId);
  const checked = validateWorkbook(wb, {
    templates: BUILTIN_TEMPLATES,
    asOf: TEST_TODAY,
    ...(template ? { template } : {}),
  });
  // As the pane's workflow does: the messages rendered in the pane's language.
  const check = { ...checked, report: localizeReport(checked.report, "ru") };
  return { check, build: buildDashboardLayouts(wb, check, { asOf: TEST_TODAY, refreshedAt: TEST_TODAY }) };
}

const tab = (name: string) => fireEvent.click(tabNamed(name));

/** One view alone, with the pseudo dictionary (`App` brings the provider and dictionary otherwise). */
const renderPseudo = (view: ReactElement) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneTextContext.Provider value={{ t: p, lang: "ru" }}>{view}</PaneTextContext.Provider>
    </FluentProvider>,
  );

describe("pseudo-localisation", () => {
  it("the pseudo dictionary wraps every value and keeps the placeholders", () => {
    for (const [key, value] of Object.entries(p)) {
      expect({ key, wrapped: isPseudo(value) }).toEqual({ key, wrapped: true });
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(value)).toEqual(placeholders(ru[key as keyof typeof ru]));
    }
  });

  it("no host, loading and a failed start", () => {
    const data = new DataTexts();
    const { unmount } = renderApp("no-host", { strings: p });
    expectAllFromDictionary(data, "no-host");
    unmount();
    const loading = renderApp("loading", { strings: p });
    expectAllFromDictionary(data, "loading");
    loading.unmount();
    renderApp("loading", { strings: p, startupError: new HostError("boom", "ApiNotAvailable") });
    expectAllFromDictionary(data.add("boom"), "startup error");
  });

  it("every activity label", () => {
    const activities: Activity[] = [
      { kind: "reading", progress: null },
      { kind: "reading", progress: { sheet: "Школы", done: 1, total: 8 } },
      { kind: "checking" },
      ...(
        [
          "template",
          "mark",
          "clearMarks",
          "writeReport",
          "fillDashboard",
          "createSheets",
          "download",
          "import",
          "removeTemplate",
          "consolidate",
          "undoConsolidation",
        ] as ActionName[]
      ).map((name): Activity => ({ kind: "action", name })),
    ];
    for (const activity of activities) {
      const { unmount } = renderPseudo(<ActivityStatus activity={activity} />);
      expect(screen.getByTestId("activity").textContent).not.toBe("");
      expectAllFromDictionary(new DataTexts().add("Школы"), JSON.stringify(activity));
      unmount();
    }
  });

  it("every consolidation step", () => {
    const steps: ConsolidationStep[] = [
      { phase: "master", progress: null },
      { phase: "master", progress: { sheet: "Школы", done: 1, total: 4 } },
      { phase: "file", file: "oo-khor.xlsx", done: 0, total: 4 },
      { phase: "write" },
    ];
    for (const step of steps) {
      const { unmount } = renderPseudo(<ConsolidationProgress step={step} />);
      expect(screen.getByTestId("consolidate-progress").textContent).not.toBe("");
      expectAllFromDictionary(new DataTexts().add("Школы", "oo-khor.xlsx"), JSON.stringify(step));
      unmount();
    }
  });

  it("the Excel pane: check results, filters, marks, notices, errors, indicators, templates", async () => {
    const host = new FakeHost({
      workbook: lazoWorkbook(),
      capabilities: { notes: false },
      notices: {
        mark: [{ code: "NOTES_UNSUPPORTED", params: {} }],
        writeReport: [
          { code: "SHEET_RENAMED", params: { logical: "Отчёт ФЛК", actual: "Отчёт ФЛК (2)" } },
          { code: "NAME_TAKEN", params: { name: "sv_shnor_share_2022" } },
        ],
        writeDashboard: [
          { code: "CHARTS_AS_DATABARS", params: {} },
          { code: "PARTS_LOST", params: { parts: "сводные таблицы" } },
        ],
      },
    });
    // With the справка port wired, so «Справка (Word)» is in the actions menu too.
    renderApp(host, { strings: p }, { spravka: () => Promise.resolve(() => Promise.resolve(new Uint8Array())) });
    const data = new DataTexts().workbook(host.workbook).templates(BUILTIN_TEMPLATES);
    const checkButton = await waitFor(() => button(p.checkWorkbook));
    await waitFor(() => expect(isDisabled(checkButton)).toBe(false));
    expectAllFromDictionary(data, "before the check");

    const release = host.holdRead();
    fireEvent.click(checkButton);
    await waitFor(() => expect(document.querySelector('[role="progressbar"]')).not.toBeNull());
    expectAllFromDictionary(data, "reading");
    release();
    await screen.findByTestId("summary", {}, { timeout: 10000 });
    await idle();
    const run = host.callsOf("read").length;
    expect(run).toBe(1);

    // The data of this check: issues, the reason, indicators.
    const { check, build } = coreRun(host.workbook);
    data.issues(check.report.issues).indicators(build.indicators).add(check.report.template_reason);
    expectAllFromDictionary(data, "check results");
    openAllGroups();
    expectAllFromDictionary(data, "every issue group open");

    fireEvent.change(labelled(p.filterSearchLabel), { target: { value: "zzz" } });
    expectAllFromDictionary(data, "nothing matches");
    fireEvent.change(labelled(p.filterSearchLabel), { target: { value: "" } });

    fireEvent.click(button(p.markCells));
    await waitFor(() => expect(isDisabled(button(p.clearMarks))).toBe(false));
    await idle();
    expectAllFromDictionary(data, "marked");

    await menuItem(p.writeReport, p);
    await menuItem(p.spravka, p);
    expectAllFromDictionary(data, "actions menu open");
    await menuAction(p.writeReport, p);
    await waitFor(() => expect(host.callsOf("writeReport")).toHaveLength(1));
    await idle();
    expectAllFromDictionary(data, "report written");

    host.failNext("clearMarks", new HostError("Лист защищён", "AccessDenied", "Worksheet.protection"));
    fireEvent.click(button(p.clearMarks));
    await screen.findByTestId("host-error");
    await idle();
    expectAllFromDictionary(data.add("Лист защищён"), "host error");

    tab(p.tabIndicators);
    expectAllFromDictionary(data, "indicators");
    fireEvent.click(screen.getByLabelText(p.showSchools));
    await screen.findAllByTestId("school-row");
    expectAllFromDictionary(data, "indicators by school");
    await menuAction(p.fillDashboard, p);
    await waitFor(() => expect(host.callsOf("writeDashboard")).toHaveLength(1));
    await idle();
    expectAllFromDictionary(data.add("Дашборд"), "dashboard written");

    tab(p.tabTemplates);
    await screen.findAllByTestId("template-card");
    expectAllFromDictionary(data, "templates");
    const input = screen.getByLabelText(p.importInputLabel);
    fireEvent.change(input, { target: { files: [new File(['{"id": "x",\n "title" 1}'], "broken.json")] } });
    await screen.findByTestId("import-problem");
    await idle();
    expectAllFromDictionary(data, "import: bad JSON");
    const bad = { id: "Плохой", title: 5, period: { start: "2024-01-01", end: "2024-12-31" } };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(bad)], "bad.json")] } });
    await waitFor(() => expect(within(screen.getByTestId("import-problem")).getAllByRole("listitem")).toHaveLength(2));
    await idle();
    // zod's messages are data (shown as the schema gives them), paths too.
    for (const li of within(screen.getByTestId("import-problem")).getAllByRole("listitem")) data.add(li.textContent);
    expectAllFromDictionary(data, "import: schema issues");
    const good = { id: "moy-proekt", title: "Мой проект", period: { start: "2024-01-01", end: "2024-12-31" } };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(good)], "good.json")] } });
    await waitFor(() => expect(screen.getAllByTestId("template-card")).toHaveLength(BUILTIN_TEMPLATES.length + 1));
    await idle();
    expectAllFromDictionary(data.add("Мой проект", "moy-proekt"), "imported");
    fireEvent.click(labelled(p.templateLabel));
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    expectAllFromDictionary(data, "template dropdown open");
  });

  it("the consolidation tab: before, results with findings and duplicates, what was written, undone", async () => {
    const samples = join(__dirname, "..", "..", "..", "samples");
    const master = await readWorkbook(new Uint8Array(readFileSync(join(samples, MASTER))), "svod-lazo-2023.xlsx");
    const host = new FakeHost({
      workbook: master,
      consolidate: {},
      notices: { applyConsolidation: [{ code: "ROWS_CLEARED", params: { sheet: "Успеваемость", count: 2 } }] },
    });
    // With the справка port wired, so «Справка (Word)» is in the actions menu too.
    renderApp(host, { strings: p }, { spravka: () => Promise.resolve(() => Promise.resolve(new Uint8Array())) });
    const data = new DataTexts().workbook(master).templates(BUILTIN_TEMPLATES);
    await waitFor(() => expect(isDisabled(button(p.checkWorkbook))).toBe(false));
    tab(p.tabConsolidate);
    await screen.findByTestId("consolidate-confirm");
    expectAllFromDictionary(data, "consolidation: nothing picked");

    const bytes = SCHOOL_FILES.map((f) => ({
      name: f.slice(f.lastIndexOf("/") + 1),
      data: readFileSync(join(samples, f)),
    }));
    const files = bytes.map((b) => new File([b.data], b.name));
    fireEvent.change(screen.getByLabelText(p.consolidateFilesLabel), { target: { files } });
    expectAllFromDictionary(data, "consolidation: files picked");
    fireEvent.click(button(p.consolidateRun));
    const rows = await screen.findAllByTestId("consolidate-row", {}, { timeout: 30000 });
    await idle();

    // The report's own sentences and names are data.
    const inputs = await Promise.all(
      bytes.map(async (b) => ({ file: b.name, workbook: await readWorkbook(b.data, b.name) })),
    );
    const report = localizeConsolidation(
      planConsolidation(master, inputs, { templates: BUILTIN_TEMPLATES, asOf: TEST_TODAY }).report,
      "ru",
    );
    for (const f of report.files) data.add(f.file, f.message, ...f.notes).issues(f.issues);
    data.add(...report.notes, ...report.duplicates.map((d) => d.school));
    for (const row of rows) {
      const show = within(row).queryByRole("button", { expanded: false });
      if (show) fireEvent.click(show);
    }
    expect(screen.getAllByTestId("consolidate-issues").length).toBeGreaterThan(0);
    expectAllFromDictionary(data, "consolidation: results");

    fireEvent.click(button(p.consolidateUndo));
    await waitFor(() => expect(host.callsOf("undoConsolidation")).toHaveLength(1));
    await idle();
    expectAllFromDictionary(data, "consolidation: undone");
  }, 60000);

  it("a clean workbook on a standalone-like host", async () => {
    const host = new FakeHost({
      workbook: cleanPlanWorkbook(),
      kind: "xlsx",
      capabilities: { marks: false, notes: false, navigate: false, charts: false, download: true },
      settings: { templateId: "uchitel-uchitelyu-2020", importedTemplates: ["{not json"] },
    });
    // With the справка port wired, so «Справка (Word)» is in the actions menu too.
    renderApp(host, { strings: p }, { spravka: () => Promise.resolve(() => Promise.resolve(new Uint8Array())) });
    const data = new DataTexts().workbook(host.workbook).templates(BUILTIN_TEMPLATES);
    await waitFor(() => expect(isDisabled(button(p.checkWorkbook))).toBe(false));
    expectAllFromDictionary(data, "standalone before the check");
    await menuItem(p.download, p);
    expectAllFromDictionary(data, "standalone actions menu");
    await checkWith(host);
    data.add(coreRun(host.workbook, "uchitel-uchitelyu-2020").check.report.template_reason);
    expectAllFromDictionary(data, "no errors");
    tab(p.tabIndicators);
    const { check, build } = coreRun(host.workbook, "uchitel-uchitelyu-2020");
    data.add(check.report.template_reason);
    expectAllFromDictionary(data.indicators(build.indicators), "indicators without data");
  });
});
