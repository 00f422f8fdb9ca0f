/** @jest-environment jsdom */
/**
 * The standalone page in jsdom: files arrive from the picker or a drop, each gets a status, a file
 * that is not a workbook shows its code and Russian message in the list, and the selected readable
 * file gets the task pane itself (`SverkaPane`) on that file's own host, remounted per file. Hosts
 * are the pane tests' `FakeHost` over the Lazo monitoring workbook; the real xlsx read, the check
 * on real bytes and the download run in e2e/.
 */
import type { ComponentProps } from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { PickedFile } from "../hosts/xlsx/browserHost";
import { readErrors } from "../hosts/xlsx/errors";
import { en, format, ru } from "../i18n/strings";
import { FakeHost, lazoWorkbook } from "../taskpane/testing/fakeHost";
import {
  TEST_TODAY,
  issueCard,
  issueRows,
  menuAction,
  openAllGroups,
  queryButton,
  runCheck,
} from "../taskpane/testing/render";
import { StandaloneApp } from "./StandaloneApp";
import type { OpenHost } from "./useOpenFiles";

/** Every host the opener made, by file name. */
let hosts: Map<string, FakeHost>;

/**
 * Opens `.xlsx` names as hosts of the standalone page's kind (download, no marks, no navigation)
 * and refuses every other name (and `pdf…`) as a PDF.
 */
const fakeOpen: OpenHost = async (file: PickedFile) => {
  if (!file.name.endsWith(".xlsx") || file.name.startsWith("pdf")) throw readErrors.notXlsx(file.name, "pdf");
  const host = new FakeHost({
    workbook: { ...lazoWorkbook(), name: file.name },
    kind: "xlsx",
    capabilities: { marks: false, notes: false, charts: false, navigate: false, download: true },
  });
  hosts.set(file.name, host);
  return host;
};

beforeEach(() => {
  hosts = new Map();
});

function file(name: string, size = 3): File {
  return new File([new Uint8Array(size)], name);
}

async function settle(): Promise<void> {
  // The fake opener and the pane's settings load resolve in microtasks; let React apply them all.
  for (let i = 0; i < 5; i++) await act(async () => undefined);
}

function items(): HTMLElement[] {
  return screen.queryAllByTestId("file-item");
}

function renderPage(props: Partial<ComponentProps<typeof StandaloneApp>> = {}) {
  return render(<StandaloneApp open={fakeOpen} today={() => TEST_TODAY} {...props} />);
}

async function pick(...files: File[]): Promise<void> {
  fireEvent.change(screen.getByTestId("file-input"), { target: { files } });
  await settle();
}

describe("StandaloneApp", () => {
  it("starts empty, in Russian, with a picker button that opens the file dialog", () => {
    renderPage();
    expect(screen.getByRole("heading", { level: 1, name: ru.saTitle })).toBeTruthy();
    expect(screen.getByText(ru.saNoFiles)).toBeTruthy();
    expect(screen.queryByTestId("workspace")).toBeNull();
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain(".xlsx");
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: ru.saPickFiles }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("lists picked files with their status; a PDF shows its code and message; the first file gets the pane", async () => {
    renderPage();
    await pick(file("школа.xlsx", 2048), file("pdf-отчёт.xlsx"));
    const [good, bad] = items();
    expect(items()).toHaveLength(2);
    expect(good.getAttribute("data-status")).toBe("ready");
    expect(within(good).getByText(/2 КБ · прочитан/)).toBeTruthy();
    expect(bad.getAttribute("data-status")).toBe("error");
    const alert = within(bad).getByRole("alert");
    expect(alert.textContent).toContain(format(ru.errorCode, { code: "NOT_XLSX" }));
    expect(alert.textContent).toContain(readErrors.notXlsx("pdf-отчёт.xlsx", "pdf").message);
    // The selected (first) file: its name as the heading, and the task pane's tabs on its host.
    const ws = screen.getByTestId("workspace");
    expect(within(ws).getByRole("heading", { level: 2, name: "школа.xlsx" })).toBeTruthy();
    expect(within(good).getByRole("button", { name: "школа.xlsx" }).getAttribute("aria-current")).toBe("true");
    expect(within(ws).getByRole("tablist", { name: ru.tabsLabel })).toBeTruthy();
    expect(hosts.get("школа.xlsx")!.callsOf("loadSettings")).toHaveLength(1);
    // Selecting the unreadable file shows no pane, only the hint.
    fireEvent.click(within(bad).getByRole("button", { name: "pdf-отчёт.xlsx" }));
    expect(screen.queryByTestId("workspace")).toBeNull();
    expect(screen.getByText(ru.saSelectFile)).toBeTruthy();
  });

  it("says why a file cannot be read, and its size, in English for an English browser", async () => {
    renderPage({ locale: "en-US" });
    await pick(file("школа.xlsx", 2048), file("pdf-отчёт.xlsx"));
    const [good, bad] = items();
    expect(good.textContent).toContain("2 KB");
    const alert = within(bad).getByRole("alert");
    expect(alert.textContent).toContain(
      "The file “pdf-отчёт.xlsx” is not an Excel workbook or a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): it is a PDF document.",
    );
    expect(alert.textContent).not.toContain(readErrors.notXlsx("pdf-отчёт.xlsx", "pdf").message);
  });

  it("checks the selected file through its own host; another file gets a fresh pane on its host", async () => {
    renderPage();
    await pick(file("первая.xlsx"), file("вторая.xlsx"));
    const first = hosts.get("первая.xlsx")!;
    const second = hosts.get("вторая.xlsx")!;
    const summary = await runCheck();
    expect(summary.textContent).toContain(format(ru.checkedFile, { file: "первая.xlsx" }));
    expect(first.callsOf("read")).toHaveLength(1);
    // The Lazo workbook's 15 planted defects, each row with its sheet and A1 address; not clickable here.
    openAllGroups();
    const rows = issueRows();
    expect(rows).toHaveLength(15);
    expect(rows.every((r) => !r.hasAttribute("tabindex"))).toBe(true);
    expect(rows.map((r) => issueCard(r).cell)).toContain("C11");
    // No marks on this page: the buttons are not offered.
    expect(queryButton(ru.markCells)).toBeNull();

    fireEvent.click(within(items()[1]).getByRole("button", { name: "вторая.xlsx" }));
    await settle();
    expect(within(screen.getByTestId("workspace")).getByRole("heading", { name: "вторая.xlsx" })).toBeTruthy();
    expect(screen.queryByTestId("summary")).toBeNull(); // a fresh pane: nothing checked yet
    expect(issueRows()).toHaveLength(0);
    expect(second.callsOf("loadSettings")).toHaveLength(1);
    await runCheck();
    expect(second.callsOf("read")).toHaveLength(1);
    expect(first.callsOf("read")).toHaveLength(1);
  });

  it("folds the drop zone and the file list away on a narrow page once a file is open; a button unfolds them", async () => {
    renderPage();
    await pick(file("первая.xlsx"), file("вторая.xlsx"));
    const toggle = screen.getByRole("button", { name: format(ru.saShowFiles, { count: 2 }) });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    // Folded: the list and the drop zone carry the class that hides them below 721 px.
    const folded = document.getElementById("files")!.className;
    expect(document.getElementById("drop-zone")!.className).not.toBe("");
    fireEvent.click(toggle);
    const unfold = screen.getByRole("button", { name: ru.saHideFiles });
    expect(unfold.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById("files")!.className).not.toBe(folded);
    expect(document.getElementById("drop-zone")!.className).toBe("");
    // Choosing a file folds them again.
    fireEvent.click(within(items()[1]).getByRole("button", { name: "вторая.xlsx" }));
    await settle();
    expect(screen.getByRole("button", { name: format(ru.saShowFiles, { count: 2 }) })).toBeTruthy();
  });

  it("«Скачать» hands the host's copy to the browser under the host's file name", async () => {
    const created: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return "blob:sverka";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const anchorClick = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    try {
      renderPage();
      await pick(file("школа.xlsx"));
      await runCheck();
      await menuAction(ru.download);
      await settle();
      expect(hosts.get("школа.xlsx")!.callsOf("download")).toHaveLength(1);
      expect(clicked).toEqual(["школа.xlsx"]);
      expect(created).toHaveLength(1);
      expect(created[0].size).toBe(4); // FakeHost's copy: the zip signature
    } finally {
      anchorClick.mockRestore();
    }
  });

  it("opens files dropped on the zone, whatever their extension", async () => {
    renderPage();
    const zone = screen.getByTestId("drop-zone");
    fireEvent.dragEnter(zone);
    expect(within(zone).getByText(ru.saDropActive)).toBeTruthy();
    fireEvent.drop(zone, { dataTransfer: { files: [file("a.xlsx"), file("b.csv")] } });
    await settle();
    expect(items().map((i) => i.getAttribute("data-status"))).toEqual(["ready", "error"]);
    expect(within(zone).getByText(ru.saDropHere)).toBeTruthy();
  });

  it("speaks English in an English browser, the pane included", async () => {
    renderPage({ locale: "en-US" });
    expect(screen.getByRole("heading", { level: 1, name: en.saTitle })).toBeTruthy();
    expect(screen.getByRole("button", { name: en.saPickFiles })).toBeTruthy();
    await pick(file("school.xlsx"));
    expect(within(screen.getByTestId("workspace")).getByRole("tablist", { name: en.tabsLabel })).toBeTruthy();
    await runCheck(en);
  });
});
