/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ISSUE_TYPES, type Issue, type IssueCode, type Severity } from "../../core/report/issue";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import type { DashboardBuild } from "../../core/dashboard/build";
import type { Template } from "../../core/template/schema";
import { HostError } from "../../hosts/host";
import { en, format, ru } from "../../i18n/strings";
import { expected as lazoExpected } from "../../../samples/monitoring/lazo-monitoring";
import { readFileText } from "../files";
import {
  FakeHost,
  cleanPlanWorkbook,
  effektivnayaPlanWorkbook,
  lazoWorkbook,
  uritskyPlanWorkbook,
} from "../testing/fakeHost";
import { expected as uritskyExpected } from "../../../samples/plans/uritsky-2021";
import {
  button,
  captureDownloads,
  idle,
  isDisabled,
  issueCard,
  issueRows,
  labelled,
  lastCall,
  menuAction,
  menuItem,
  openAllGroups,
  options,
  pick,
  queryButton,
  renderApp,
  ruleGroup,
  runCheck,
  tabNamed,
} from "../testing/render";

const ES = "effektivnaya-shkola-2023";
const UU = "uchitel-uchitelyu-2020";

/** The planted defects of the Lazo sample by sheet and severity (severity from the issue taxonomy). */
function expectedCounts(): Map<string, Record<Severity, number>> {
  const bySheet = new Map<string, Record<Severity, number>>();
  for (const e of lazoExpected) {
    const c = bySheet.get(e.sheet) ?? { error: 0, warning: 0, info: 0 };
    c[ISSUE_TYPES[e.code as IssueCode].severity]++;
    bySheet.set(e.sheet, c);
  }
  return bySheet;
}

/** The Lazo sample's planted defects by rule (code). */
function expectedByCode(): Map<string, number> {
  const byCode = new Map<string, number>();
  for (const e of lazoExpected) byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
  return byCode;
}

/** The text of an indicator card's part. */
function part(row: HTMLElement, testId: string): string {
  return within(row).queryByTestId(testId)?.textContent ?? "";
}

let lazo: FakeHost;
beforeEach(() => {
  lazo = new FakeHost({ workbook: lazoWorkbook() });
});

describe("«Проверка (ФЛК)»", () => {
  it("groups the Lazo sample's 15 planted defects by rule, errors first, each group with its count", async () => {
    renderApp(lazo);
    const summary = await runCheck();
    const counts = expectedCounts();
    const totals = { error: 0, warning: 0, info: 0 };
    for (const c of counts.values()) for (const s of ["error", "warning", "info"] as const) totals[s] += c[s];
    expect(totals.error + totals.warning).toBe(15);
    expect(summary.getAttribute("data-intent")).toBe("error");
    expect(within(summary).getByText(ru.summaryHasErrors)).toBeTruthy();
    expect(within(summary).getByText(format(ru.summaryErrorsCount, { count: totals.error }))).toBeTruthy();
    expect(within(summary).getByText(format(ru.summaryWarningsCount, { count: totals.warning }))).toBeTruthy();

    openAllGroups();
    const groups = screen.getAllByTestId("issue-group");
    const byCode = expectedByCode();
    expect(groups.map((g) => g.getAttribute("data-code")).sort()).toEqual([...byCode.keys()].sort());
    const severities = groups.map((g) => ISSUE_TYPES[g.getAttribute("data-code") as IssueCode].severity);
    expect(severities).toEqual([...severities].sort((a, b) => "ewi".indexOf(a[0]) - "ewi".indexOf(b[0])));
    for (const [code, n] of byCode) {
      const group = ruleGroup(code);
      expect(group.getAttribute("data-count")).toBe(String(n));
      expect(within(group).getByTestId("group-count").textContent).toBe(String(n));
      expect(issueRows(group)).toHaveLength(n);
      // The code comes after the human text.
      const text = group.textContent ?? "";
      expect(text.indexOf(code)).toBeGreaterThan(text.indexOf(issueCard(issueRows(group)[0]).message.slice(0, 10)));
    }
    // Each card: the sheet and the A1 cell on the defect's row, the core's message.
    const negative = lazoExpected.find((e) => e.code === "NEGATIVE")!;
    const card = issueRows(ruleGroup("NEGATIVE"))
      .map(issueCard)
      .find((c) => new RegExp(`^[A-Z]+${negative.row}$`).test(c.cell));
    expect(card).toBeDefined();
    expect(card!.severity).toBe("error");
    expect(card!.sheet).toBe(negative.sheet);
    expect(card!.where).toBe(`${negative.sheet}!${card!.cell}`);
    expect(card!.message).toMatch(/отрицательн/);
  });

  it("severity toggles, the sheet filter and the search hide rows", async () => {
    renderApp(lazo);
    await runCheck();
    const counts = expectedCounts();
    const total = lazoExpected.length;
    const errors = [...counts.values()].reduce((n, c) => n + c.error, 0);
    openAllGroups();
    expect(issueRows()).toHaveLength(total);

    fireEvent.click(button(format(ru.filterErrors, { count: errors })));
    openAllGroups();
    expect(issueRows()).toHaveLength(total - errors);
    expect(issueRows().every((r) => issueCard(r).severity !== "error")).toBe(true);
    expect(screen.getByTestId("shown-count").textContent).toBe(
      format(ru.filterShown, { shown: total - errors, total }),
    );
    fireEvent.click(button(format(ru.filterErrors, { count: errors })));
    expect(issueRows()).toHaveLength(total);

    await pick(ru.filterSheetLabel, "Кадры");
    openAllGroups();
    expect(issueRows()).toHaveLength(counts.get("Кадры")!.error);
    expect(issueRows().every((r) => issueCard(r).sheet === "Кадры")).toBe(true);
    await pick(ru.filterSheetLabel, ru.filterAllSheets);
    openAllGroups();
    expect(issueRows()).toHaveLength(total);

    fireEvent.change(labelled(ru.filterSearchLabel), {
      target: { value: "DUPLICATE_SCHOOL" },
    });
    openAllGroups();
    expect(issueRows()).toHaveLength(lazoExpected.filter((e) => e.code === "DUPLICATE_SCHOOL").length);
    fireEvent.change(labelled(ru.filterSearchLabel), { target: { value: "нет такого" } });
    expect(issueRows()).toHaveLength(0);
    expect(screen.getByText(ru.filterNothing)).toBeTruthy();
  });

  it("a click, Enter or Space on an issue card goes to its sheet and cell", async () => {
    renderApp(lazo);
    await runCheck();
    openAllGroups();
    const rows = issueRows().filter((r) => issueCard(r).cell !== "");
    const at = (k: number) => [issueCard(rows[k]).sheet, issueCard(rows[k]).cell];
    expect(rows[0].getAttribute("tabindex")).toBe("0");
    expect(rows[0].getAttribute("role")).toBe("button");
    fireEvent.click(rows[0]);
    await waitFor(() => expect(lastCall(lazo, "goTo")).toEqual(at(0)));

    rows[1].focus();
    fireEvent.keyDown(rows[1], { key: "Enter" });
    await waitFor(() => expect(lastCall(lazo, "goTo")).toEqual(at(1)));
    fireEvent.keyDown(rows[2], { key: " " });
    await waitFor(() => expect(lastCall(lazo, "goTo")).toEqual(at(2)));
    fireEvent.keyDown(rows[3], { key: "a" });
    await act(async () => {});
    expect(lazo.callsOf("goTo")).toHaveLength(3);
    expect(at(0)[1]).toMatch(/^[A-Z]+\d+$/);
  });

  it("shows «Ошибок нет» for a clean workbook", async () => {
    renderApp(new FakeHost({ workbook: cleanPlanWorkbook() }));
    const summary = await runCheck();
    expect(within(summary).getByText("Ошибок нет")).toBeTruthy();
    expect(summary.getAttribute("data-intent")).toBe("success");
    expect(issueRows()).toHaveLength(0);
    expect(screen.queryByRole("group", { name: ru.filterSeverityLabel })).toBeNull();
    expect(screen.getByTestId("template-id").textContent).toBe(format(ru.templateIdent, { id: UU }));
  });

  it("«Ошибок нет, предупреждений N» in amber when only warnings remain, and the warnings are still listed", async () => {
    renderApp(new FakeHost({ workbook: uritskyPlanWorkbook() }));
    const summary = await runCheck();
    const warnings = uritskyExpected.filter((e) => ISSUE_TYPES[e.code as IssueCode].severity === "warning");
    expect(warnings).toHaveLength(uritskyExpected.length);
    expect(summary.getAttribute("data-intent")).toBe("warning");
    expect(within(summary).getByText(format(ru.summaryNoErrorsWarnings, { count: warnings.length }))).toBeTruthy();
    expect(within(summary).queryByText(ru.summaryNoErrors)).toBeNull();
    expect(within(summary).getByText(format(ru.summaryWarningsCount, { count: warnings.length }))).toBeTruthy();
    openAllGroups();
    const rows = issueRows();
    expect(rows).toHaveLength(warnings.length);
    expect(issueCard(rows[0]).severity).toBe("warning");
    expect(issueCard(rows[0]).cell).toMatch(new RegExp(`^[A-Z]+${warnings[0].row}$`));
  });

  it("the «Эффективная школа» plan sample: its 24 RESULT_NOT_MEASURABLE warnings form one group of 24", async () => {
    const plan = new FakeHost({ workbook: effektivnayaPlanWorkbook() });
    renderApp(plan);
    const summary = await runCheck();
    expect(summary.getAttribute("data-intent")).toBe("warning");
    const group = ruleGroup("RESULT_NOT_MEASURABLE");
    expect(group.getAttribute("data-count")).toBe("24");
    expect(within(group).getByTestId("group-count").textContent).toBe("24");
    // A big group starts collapsed; opened, it lists its 24 cards.
    expect(issueRows(group)).toHaveLength(0);
    fireEvent.click(within(group).getByRole("button"));
    await waitFor(() => expect(issueRows(group)).toHaveLength(24));
    expect(
      screen.getAllByTestId("issue-group").filter((g) => g.getAttribute("data-code") === "RESULT_NOT_MEASURABLE"),
    ).toHaveLength(1);
  });

  it("marks the shown issues and clears them; «Снять отметки» follows markedCount", async () => {
    renderApp(lazo);
    await runCheck();
    expect(isDisabled(button(ru.clearMarks))).toBe(true);
    fireEvent.click(button(format(ru.filterWarnings, { count: 3 })));
    openAllGroups();
    const shown = issueRows().length;
    fireEvent.click(button(ru.markCells));
    await screen.findByText(format(ru.markedCount, { count: shown }));
    const marked = lastCall(lazo, "mark")![0] as Issue[];
    expect(marked).toHaveLength(shown);
    expect(marked.every((i) => i.severity === "error")).toBe(true);
    expect(lazo.callsOf("markedCount").length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText(format(ru.marksDone, { count: shown }))).toBeTruthy();
    expect(isDisabled(button(ru.clearMarks))).toBe(false);

    fireEvent.click(button(ru.clearMarks));
    await screen.findByText(format(ru.marksCleared, { count: shown }));
    expect(lazo.callsOf("clearMarks")).toHaveLength(1);
    await waitFor(() => expect(isDisabled(button(ru.clearMarks))).toBe(true));
    expect(lazo.marked.size).toBe(0);
  });

  it("offers «Снять отметки» for marks left from an earlier session, before any check", async () => {
    lazo.marked.add("Кадры!C5");
    renderApp(lazo);
    await waitFor(() => expect(isDisabled(button(ru.clearMarks))).toBe(false));
    expect(isDisabled(button(ru.markCells))).toBe(true);
    fireEvent.click(button(ru.clearMarks));
    await screen.findByText(format(ru.marksCleared, { count: 1 }));
  });

  it("writes the report sheet and renders the host's notices through the dictionary", async () => {
    const host = new FakeHost({
      workbook: lazoWorkbook(),
      notices: { writeReport: [{ code: "SHEET_RENAMED", params: { logical: "Отчёт ФЛК", actual: "Отчёт ФЛК (2)" } }] },
    });
    renderApp(host);
    await runCheck();
    await menuAction(ru.writeReport);
    await screen.findByText(format(ru.sheetWritten, { sheet: "Отчёт ФЛК" }));
    expect(
      screen.getByText(format(ru.noticeSheetRenamed, { logical: "Отчёт ФЛК", actual: "Отчёт ФЛК (2)" })),
    ).toBeTruthy();
    const flk = lastCall(host, "writeReport")![0] as DashboardBuild["flk"];
    expect(flk.role).toBe("flk");
    expect(flk.cells.filter((c) => c.col === 5 && typeof c.value === "string" && c.value in ISSUE_TYPES)).toHaveLength(
      lazoExpected.length,
    );
  });

  it("shows reading progress from the host while reading", async () => {
    const release = lazo.holdRead();
    renderApp(lazo);
    const b = await waitFor(() => button(ru.checkWorkbook));
    await waitFor(() => expect(isDisabled(b)).toBe(false));
    fireEvent.click(b);
    const total = lazo.workbook.sheets.length;
    await screen.findByText(format(ru.readingSheet, { sheet: "Школы", done: 0, total }));
    const bar = document.querySelector('[role="progressbar"]')!;
    expect(Number(bar.getAttribute("aria-valuenow"))).toBe(0);
    expect(isDisabled(button(ru.checkWorkbook))).toBe(true);
    release();
    await screen.findByTestId("summary", {}, { timeout: 10000 });
    await idle();
  });
});

describe("the template header", () => {
  it("shows the detected template and why; a choice is saved and re-runs the check with it", async () => {
    renderApp(lazo);
    await runCheck();
    const es = BUILTIN_TEMPLATES.find((t) => t.id === ES)!;
    expect(screen.getByTestId("template-title").textContent).toBe(es.title);
    expect(screen.getByTestId("template-id").textContent).toBe(format(ru.templateIdent, { id: ES }));
    expect(screen.getByTestId("template-reason").textContent).toContain("записан шаблон " + ES);

    await pick(ru.templateLabel, new RegExp(`\\(${UU}\\)$`));
    await waitFor(
      () => expect(screen.getByTestId("template-id").textContent).toBe(format(ru.templateIdent, { id: UU })),
      { timeout: 10000 },
    );
    expect(lazo.callsOf("saveSettings")).toEqual([[{ templateId: UU }]]);
    expect(lazo.callsOf("read")).toHaveLength(2);
    expect(screen.getByTestId("template-reason").textContent).toContain(`Шаблон ${UU} указан явно`);
    await idle();

    // Back to detection: the choice is removed from the settings.
    await pick(ru.templateLabel, ru.templateAuto);
    await waitFor(
      () => expect(screen.getByTestId("template-id").textContent).toBe(format(ru.templateIdent, { id: ES })),
      { timeout: 10000 },
    );
    expect(lastCall(lazo, "saveSettings")).toEqual([{}]);
  }, 90000);

  it("a stored choice is used by the next session's check", async () => {
    const host = new FakeHost({ workbook: lazoWorkbook(), settings: { templateId: UU } });
    renderApp(host);
    await screen.findByText(format(ru.templateChosenPending, { id: UU }));
    await runCheck();
    expect(screen.getByTestId("template-id").textContent).toBe(format(ru.templateIdent, { id: UU }));
    expect(host.callsOf("saveSettings")).toHaveLength(0);
  });
});

describe("«Показатели»", () => {
  it("shows the ШНОР share 2022 = 34,5 % (10 of 29) with target, status, previous period and dynamics", async () => {
    renderApp(lazo);
    await runCheck();
    fireEvent.click(tabNamed(ru.tabIndicators));
    const row = screen.getAllByTestId("indicator-row").find((r) => r.getAttribute("data-indicator") === "shnor_share")!;
    expect(within(row).getByText("Доля ШНОР")).toBeTruthy();
    expect(part(row, "period")).toBe("2022");
    expect(within(row).getByText(format(ru.indicatorTarget, { target: "≤ 20 %" }))).toBeTruthy();
    expect(part(row, "fact")).toBe("34,5 %");
    expect(within(row).getByText(ru.statusNotMet)).toBeTruthy();
    expect(within(row).getByText(format(ru.indicatorPrevious, { value: "27,6 %" }))).toBeTruthy();
    // The ШНОР share grew: that is a worsening, in red.
    const dynamics = within(row).getByTestId("dynamics");
    expect(dynamics.textContent).toBe(`+6,9 п.п.${ru.trendBad}`);
    expect(dynamics.getAttribute("data-trend")).toBe("bad");

    await pick(ru.periodLabel, "2021");
    const r2021 = screen
      .getAllByTestId("indicator-row")
      .find((r) => r.getAttribute("data-indicator") === "shnor_share")!;
    expect(part(r2021, "fact")).toBe("27,6 %");
    expect(screen.getAllByTestId("indicator-row").every((r) => part(r, "period") === "2021")).toBe(true);
    expect(screen.queryAllByTestId("school-row")).toHaveLength(0);

    fireEvent.click(screen.getByLabelText(ru.showSchools));
    await pick(ru.schoolIndicatorLabel, "Школа в группе ШНОР по итогам года");
    const schoolRows = await screen.findAllByTestId("school-row");
    expect(schoolRows).toHaveLength(29);
    expect(schoolRows.filter((r) => within(r).queryByText(ru.yes) !== null)).toHaveLength(8);
  });

  it("«Заполнить дашборд» hands the host the build of the last check", async () => {
    renderApp(lazo);
    await runCheck();
    fireEvent.click(tabNamed(ru.tabIndicators));
    await menuAction(ru.fillDashboard);
    await screen.findByText(format(ru.sheetWritten, { sheet: "Дашборд" }));
    const build = lastCall(lazo, "writeDashboard")![0] as DashboardBuild;
    const share = build.indicators.find(
      (v) => v.id === "shnor_share" && v.period === "2021" && v.scope === "municipality",
    );
    expect(share?.value).toBeCloseTo((8 / 29) * 100, 10);
  });

  it("asks for a check first; the one primary action runs it", async () => {
    renderApp(lazo);
    fireEvent.click(tabNamed(ru.tabIndicators));
    expect(screen.getByText(ru.indicatorsNeedCheck)).toBeTruthy();
    expect(isDisabled(await menuItem(ru.fillDashboard))).toBe(true);
    const b = button(ru.checkWorkbook);
    await waitFor(() => expect(isDisabled(b)).toBe(false));
    fireEvent.click(b);
    await waitFor(() => expect(screen.getAllByTestId("indicator-row").length).toBeGreaterThan(10), { timeout: 10000 });
  });
});

describe("«Шаблоны»", () => {
  const file = (name: string, text: string) => new File([text], name, { type: "application/json" });
  const importFile = (f: File) =>
    fireEvent.change(screen.getByLabelText(ru.importInputLabel), { target: { files: [f] } });

  it("lists the built-in templates and creates a template's blank sheets", async () => {
    renderApp(lazo);
    fireEvent.click(tabNamed(ru.tabTemplates));
    const cards = await screen.findAllByTestId("template-card");
    expect(cards.map((c) => c.getAttribute("data-template"))).toEqual(BUILTIN_TEMPLATES.map((t) => t.id));
    const kovrov = cards.find((c) => c.getAttribute("data-template") === "kovrov-network-2021")!;
    expect(
      within(kovrov).getByText(format(ru.templatePeriod, { start: "01.01.2021", end: "31.12.2023" })),
    ).toBeTruthy();
    await waitFor(() => expect(isDisabled(within(kovrov).getByRole("button", { name: ru.createSheets }))).toBe(false));
    fireEvent.click(within(kovrov).getByRole("button", { name: ru.createSheets }));
    await waitFor(() => expect(lazo.callsOf("createBlankSheets")).toHaveLength(1));
    expect((lastCall(lazo, "createBlankSheets")![0] as Template).id).toBe("kovrov-network-2021");
  });

  it("a file that is not JSON gets a message with the line and column", async () => {
    renderApp(lazo);
    fireEvent.click(tabNamed(ru.tabTemplates));
    importFile(file("broken.json", '{\n  "id": "mine",\n  "title": "Мой"\n  "period": {}\n}'));
    const bar = await screen.findByTestId("import-problem");
    expect(bar.textContent).toContain(
      format(ru.importBadJsonAt, { file: "broken.json", line: 4, column: 3, near: '"period": {}' }),
    );
    expect(lazo.callsOf("saveSettings")).toHaveLength(0);
  });

  it("a JSON file that breaks the schema lists each path and problem", async () => {
    renderApp(lazo);
    fireEvent.click(tabNamed(ru.tabTemplates));
    importFile(
      file("bad.json", JSON.stringify({ id: "Мой проект", title: "Т", period: { start: "2024", end: "2024-12-31" } })),
    );
    const bar = await screen.findByTestId("import-problem");
    expect(bar.textContent).toContain(format(ru.importBadSchema, { file: "bad.json", count: 2 }));
    const items = within(bar)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "id: id: латинские строчные буквы, цифры и дефисы",
      "period › start: дата в формате ГГГГ-ММ-ДД",
    ]);
  });

  it("a good template is imported, saved in the workbook, offered in the header and can be exported", async () => {
    const { blobs: created, clicks: click, restore } = captureDownloads();
    try {
      renderApp(lazo);
      fireEvent.click(tabNamed(ru.tabTemplates));
      const text = JSON.stringify({
        id: "moy-proekt",
        title: "Мой проект",
        period: { start: "2024-01-01", end: "2024-12-31" },
      });
      importFile(file("mine.json", text));
      await screen.findByText(format(ru.importOk, { title: "Мой проект", id: "moy-proekt" }));
      expect(lazo.callsOf("saveSettings")).toEqual([[{ importedTemplates: [text] }]]);
      const card = screen
        .getAllByTestId("template-card")
        .find((c) => c.getAttribute("data-template") === "moy-proekt")!;
      expect(within(card).getByText(ru.badgeImported)).toBeTruthy();

      fireEvent.click(labelled(ru.templateLabel));
      const mine = format(ru.templateOption, { title: "Мой проект", id: "moy-proekt" });
      await waitFor(() => expect(options().map((o) => o.textContent)).toContain(mine));
      fireEvent.keyDown(labelled(ru.templateLabel), { key: "Escape" });

      fireEvent.click(within(card).getByRole("button", { name: ru.exportJson }));
      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      const exported = JSON.parse(await readFileText(created[0])) as Template;
      expect(exported).toMatchObject({ id: "moy-proekt", title: "Мой проект", version: "1" });

      // A built-in id is refused.
      importFile(file("clash.json", JSON.stringify({ ...BUILTIN_TEMPLATES[0] })));
      const bar = await screen.findByTestId("import-problem", {}, { timeout: 10000 });
      expect(bar.textContent).toBe(format(ru.importBuiltinId, { id: BUILTIN_TEMPLATES[0].id, file: "clash.json" }));
    } finally {
      restore();
    }
  });
});

describe("host errors", () => {
  it("shows a HostError with its code and debug info, and the pane stays usable", async () => {
    renderApp(lazo);
    await runCheck();
    lazo.failNext("writeReport", new HostError("Лист защищён", "AccessDenied", "Worksheet.protection"));
    await menuAction(ru.writeReport);
    const bar = await screen.findByTestId("host-error");
    expect(bar.textContent).toContain(ru.errorTitle);
    expect(bar.textContent).toContain("Лист защищён");
    expect(bar.textContent).toContain(format(ru.errorCode, { code: "AccessDenied" }));
    expect(bar.textContent).toContain(format(ru.errorDebug, { info: "Worksheet.protection" }));
    // The human text comes before the code.
    expect(bar.textContent!.indexOf("Лист защищён")).toBeLessThan(bar.textContent!.indexOf("AccessDenied"));
    await idle();
    await menuAction(ru.writeReport);
    await screen.findByText(format(ru.sheetWritten, { sheet: "Отчёт ФЛК" }));
    expect(screen.queryByTestId("host-error")).toBeNull();
  });

  it("shows an Office.js-style error (code and object debugInfo) from reading, and a failed goTo", async () => {
    const officeError = Object.assign(new Error("The requested resource doesn't exist."), {
      name: "RichApi.Error",
      code: "ItemNotFound",
      debugInfo: { errorLocation: "Worksheet.getRange" },
    });
    lazo.failNext("read", officeError);
    renderApp(lazo);
    const b = await waitFor(() => button(ru.checkWorkbook));
    await waitFor(() => expect(isDisabled(b)).toBe(false));
    fireEvent.click(b);
    const bar = await screen.findByTestId("host-error");
    expect(bar.textContent).toContain(format(ru.errorCode, { code: "ItemNotFound" }));
    expect(bar.textContent).toContain("Worksheet.getRange");
    fireEvent.click(within(bar).getByRole("button", { name: ru.dismiss }));
    expect(screen.queryByTestId("host-error")).toBeNull();

    await runCheck();
    lazo.failNext("goTo", new TypeError("goTo failed"));
    fireEvent.click(issueRows().find((r) => issueCard(r).cell !== "")!);
    const goBar = await screen.findByTestId("host-error");
    expect(goBar.textContent).toContain(format(ru.errorCode, { code: "TypeError" }));
  });

  it("a failure to load the settings is shown and the check still works", async () => {
    lazo.failNext("loadSettings", new HostError("settings unavailable", "GeneralException"));
    renderApp(lazo);
    const bar = await screen.findByTestId("host-error");
    expect(bar.textContent).toContain(format(ru.errorCode, { code: "GeneralException" }));
    await runCheck();
  });
});

describe("a host without Excel's abilities (the standalone page)", () => {
  it("hides marks, makes rows plain, says charts become data bars, and offers «Скачать»", async () => {
    const host = new FakeHost({
      workbook: lazoWorkbook(),
      kind: "xlsx",
      capabilities: { marks: false, notes: false, navigate: false, charts: false, download: true },
    });
    const { blobs: created, clicks: click, restore } = captureDownloads();
    try {
      renderApp(host);
      await runCheck();
      expect(queryButton(ru.markCells)).toBeNull();
      expect(queryButton(ru.clearMarks)).toBeNull();
      expect(screen.queryByText(ru.goToHelp)).toBeNull();
      openAllGroups();
      const row = issueRows()[0];
      expect(row.hasAttribute("tabindex")).toBe(false);
      fireEvent.click(row);
      expect(host.callsOf("goTo")).toHaveLength(0);
      expect(host.callsOf("markedCount")).toHaveLength(0);

      fireEvent.click(tabNamed(ru.tabIndicators));
      expect(screen.getByText(ru.chartsAsDataBars)).toBeTruthy();

      await menuAction(ru.download);
      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      expect(host.callsOf("download")).toHaveLength(1);
      // The copy carries the check: the dashboard (with «Отчёт ФЛК») was written before the download.
      expect(host.callsOf("writeDashboard")).toHaveLength(1);
      expect(created[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    } finally {
      restore();
    }
  });

  it("has no «Скачать» inside Excel", async () => {
    renderApp(lazo);
    await runCheck();
    await menuItem(ru.writeReport);
    expect([...document.querySelectorAll('[role="menuitem"]')].map((m) => m.textContent)).not.toContain(ru.download);
  });
});

describe("language", () => {
  it("shows English strings and numbers for an English Office", async () => {
    renderApp(lazo, { locale: "en-US" });
    expect(tabNamed(en.tabCheck)).toBeTruthy();
    const summary = await runCheck(en);
    expect(within(summary).getByText(en.summaryHasErrors)).toBeTruthy();
    expect(screen.getAllByText(en.severityError).length).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: en.moreActions })).toBeTruthy();
    expect(screen.queryByText(ru.severityError)).toBeNull();
    expect(document.querySelector("main")?.getAttribute("lang")).toBe("en");
    fireEvent.click(tabNamed(en.tabIndicators));
    const row = screen.getAllByTestId("indicator-row").find((r) => r.getAttribute("data-indicator") === "shnor_share")!;
    expect(part(row, "fact")).toBe("34.5 %");
    expect(within(row).getByText(en.statusNotMet)).toBeTruthy();
    expect(part(row, "dynamics")).toBe(`+6.9 pp${en.trendBad}`);
  });
});
