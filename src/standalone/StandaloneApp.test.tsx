/** @jest-environment jsdom */
/**
 * The standalone page's shell in jsdom: files arrive from the picker or a drop, each gets a status,
 * a file that is not a workbook shows its code and Russian message, the selected readable file gets
 * the workspace. Reading is faked here; the real read, check and download run in e2e/.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { WorkbookHost } from "../hosts/host";
import type { PickedFile } from "../hosts/xlsx/browserHost";
import { WorkbookReadError, readMessages } from "../hosts/xlsx/errors";
import { en, format, ru } from "../i18n/strings";
import { StandaloneApp } from "./StandaloneApp";
import type { OpenHost } from "./useOpenFiles";

/** A host that only knows its name: the shell asks nothing else until the user checks. */
function namedHost(name: string): WorkbookHost {
  const unused = () => Promise.reject(new Error("not used by the shell"));
  return {
    kind: "xlsx",
    capabilities: { marks: false, notes: false, charts: false, navigate: false, download: true },
    workbookName: async () => name,
    read: unused,
    writeReport: unused,
    writeDashboard: unused,
    mark: unused,
    clearMarks: unused,
    markedCount: unused,
    goTo: unused,
    loadSettings: unused,
    saveSettings: unused,
    createBlankSheets: unused,
  };
}

/** Opens `.xlsx` names as hosts and refuses every other name (and `pdf…`) as a PDF. */
const fakeOpen: OpenHost = async (file: PickedFile) => {
  if (!file.name.endsWith(".xlsx") || file.name.startsWith("pdf"))
    throw new WorkbookReadError("NOT_XLSX", file.name, readMessages.notXlsx(file.name, "pdf"));
  return namedHost(file.name);
};

function file(name: string, size = 3): File {
  return new File([new Uint8Array(size)], name);
}

async function settle(): Promise<void> {
  // The fake opener resolves in microtasks; let React apply every status change.
  for (let i = 0; i < 5; i++) await act(async () => undefined);
}

function items(): HTMLElement[] {
  return screen.queryAllByTestId("file-item");
}

describe("StandaloneApp", () => {
  it("starts empty, in Russian, with a picker button that opens the file dialog", () => {
    render(<StandaloneApp open={fakeOpen} />);
    expect(screen.getByRole("heading", { level: 1, name: ru.saTitle })).toBeTruthy();
    expect(screen.getByText(ru.saNoFiles)).toBeTruthy();
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain(".xlsx");
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: ru.saPickFiles }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("lists picked files with their status; a PDF shows its code and message; the first file is selected", async () => {
    render(<StandaloneApp open={fakeOpen} />);
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file("школа.xlsx", 2048), file("pdf-отчёт.xlsx")] } });
    await settle();
    const [good, bad] = items();
    expect(items()).toHaveLength(2);
    expect(good.getAttribute("data-status")).toBe("ready");
    expect(within(good).getByText(/2 КБ · прочитан/)).toBeTruthy();
    expect(bad.getAttribute("data-status")).toBe("error");
    const alert = within(bad).getByRole("alert");
    expect(alert.textContent).toContain(format(ru.errorCode, { code: "NOT_XLSX" }));
    expect(alert.textContent).toContain(readMessages.notXlsx("pdf-отчёт.xlsx", "pdf"));
    // The workspace belongs to the selected (first) file.
    const ws = screen.getByTestId("workspace");
    expect(within(ws).getByRole("heading", { name: "школа.xlsx" })).toBeTruthy();
    expect(within(good).getByRole("button", { name: "школа.xlsx" }).getAttribute("aria-current")).toBe("true");
    // Selecting the unreadable file shows no workspace, only the hint.
    fireEvent.click(within(bad).getByRole("button", { name: "pdf-отчёт.xlsx" }));
    expect(screen.queryByTestId("workspace")).toBeNull();
    expect(screen.getByText(ru.saSelectFile)).toBeTruthy();
  });

  it("opens files dropped on the zone, whatever their extension", async () => {
    render(<StandaloneApp open={fakeOpen} />);
    const zone = screen.getByTestId("drop-zone");
    fireEvent.dragEnter(zone);
    expect(within(zone).getByText(ru.saDropActive)).toBeTruthy();
    fireEvent.drop(zone, { dataTransfer: { files: [file("a.xlsx"), file("b.csv")] } });
    await settle();
    expect(items().map((i) => i.getAttribute("data-status"))).toEqual(["ready", "error"]);
    expect(within(zone).getByText(ru.saDropHere)).toBeTruthy();
  });

  it("speaks English in an English browser", () => {
    render(<StandaloneApp open={fakeOpen} locale="en-US" />);
    expect(screen.getByRole("heading", { level: 1, name: en.saTitle })).toBeTruthy();
    expect(screen.getByRole("button", { name: en.saPickFiles })).toBeTruthy();
  });
});
