/** @jest-environment jsdom */
/**
 * «Справка (Word)» in the pane: offered in «Ещё действия» where the entry wires the справка port,
 * enabled after a check; it builds the document through the port (here the real docx host) and
 * saves it as a download.
 */
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { strFromU8, unzipSync } from "fflate";
import { buildSpravkaDocx } from "../../hosts/docx/spravka";
import { ru } from "../../i18n/strings";
import { DOCX_MIME, spravkaFileName, type SpravkaLoader } from "../spravkaPort";
import { gridWorkbook } from "../../../samples/toWorkbook";
import { FakeHost, cleanPlanWorkbook, lazoWorkbook } from "../testing/fakeHost";
import {
  blobBytes,
  button,
  captureDownloads,
  idle,
  isDisabled,
  menuItem,
  renderApp,
  runCheck,
} from "../testing/render";

// jsdom has no TextEncoder, which the docx library uses (browsers have it).
Object.assign(globalThis, { TextEncoder, TextDecoder });

const menuTexts = () => [...document.querySelectorAll('[role="menuitem"]')].map((m) => m.textContent);

describe("«Справка (Word)»", () => {
  it("names the file after the workbook, without its extension", () => {
    expect(spravkaFileName("Лазо.xlsx")).toBe("справка-Лазо.docx");
    expect(spravkaFileName("effektivnaya-shkola-2023.monitoring.xlsx")).toBe(
      "справка-effektivnaya-shkola-2023.monitoring.docx",
    );
    expect(spravkaFileName("C:\\Школы\\Лазо.xlsm")).toBe("справка-Лазо.docx");
  });

  it("after a check builds the справка through the port and saves it as a .docx download", async () => {
    const host = new FakeHost({ workbook: lazoWorkbook() });
    const loader = jest.fn<ReturnType<SpravkaLoader>, []>(() => Promise.resolve(buildSpravkaDocx));
    const { blobs, clicks, restore } = captureDownloads();
    const names: string[] = [];
    const download = jest.spyOn(HTMLAnchorElement.prototype, "download", "set");
    try {
      renderApp(host, {}, { spravka: loader });
      await runCheck();
      const item = await menuItem(ru.spravka);
      expect(isDisabled(item)).toBe(false);
      fireEvent.click(item);
      await waitFor(() => expect(clicks).toHaveBeenCalledTimes(1), { timeout: 20000 });
      await idle();
      expect(loader).toHaveBeenCalledTimes(1);
      names.push(...download.mock.calls.map((c) => String(c[0])));
      expect(host.workbook.name).toMatch(/\.xlsx$/);
      expect(names).toEqual([`справка-${host.workbook.name.replace(/\.xlsx$/, "")}.docx`]);
      expect(blobs).toHaveLength(1);
      expect(blobs[0].type).toBe(DOCX_MIME);
      const bytes = await blobBytes(blobs[0]);
      expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
      const files = unzipSync(bytes);
      expect(Object.keys(files)).toContain("word/document.xml");
      expect(strFromU8(files["word/document.xml"])).toContain("Аналитическая справка");
      expect(screen.queryByRole("alert")).toBeNull();
    } finally {
      download.mockRestore();
      restore();
    }
  }, 30000);

  it("is disabled before a check", async () => {
    const loader = jest.fn<ReturnType<SpravkaLoader>, []>(() => Promise.resolve(buildSpravkaDocx));
    renderApp(new FakeHost({ workbook: lazoWorkbook() }), {}, { spravka: loader });
    await waitFor(() => expect(isDisabled(button(ru.checkWorkbook))).toBe(false));
    const item = await menuItem(ru.spravka);
    expect(isDisabled(item)).toBe(true);
    fireEvent.click(item);
    expect(loader).not.toHaveBeenCalled();
  });

  it("is absent where no entry wired the port", async () => {
    renderApp(new FakeHost({ workbook: lazoWorkbook() }));
    await runCheck();
    await menuItem(ru.writeReport);
    expect(menuTexts()).not.toContain(ru.spravka);
  });

  it("shows the builder's failure like the other actions' errors and saves nothing", async () => {
    const loader: SpravkaLoader = () => Promise.resolve(() => Promise.reject(new Error("docx failed")));
    const { clicks, restore } = captureDownloads();
    try {
      renderApp(new FakeHost({ workbook: cleanPlanWorkbook() }), {}, { spravka: loader });
      await runCheck();
      fireEvent.click(await menuItem(ru.spravka));
      await idle();
      expect(clicks).not.toHaveBeenCalled();
      expect(await screen.findByTestId("host-error")).toBeTruthy();
    } finally {
      restore();
    }
  });

  it("builds nothing for a workbook of no known project and says why", async () => {
    const loader = jest.fn<ReturnType<SpravkaLoader>, []>(() => Promise.resolve(buildSpravkaDocx));
    const { clicks, restore } = captureDownloads();
    try {
      const host = new FakeHost({
        workbook: gridWorkbook(
          "прочее.xlsx",
          [
            ["Имя", "Возраст"],
            ["Иван", 7],
          ],
          "Лист1",
        ),
      });
      renderApp(host, {}, { spravka: loader });
      await runCheck();
      fireEvent.click(await menuItem(ru.spravka));
      await idle();
      expect(loader).not.toHaveBeenCalled();
      expect(clicks).not.toHaveBeenCalled();
      const notices = await screen.findByTestId("notices");
      expect(notices.textContent).toContain("Справка не сформирована");
    } finally {
      restore();
    }
  });
});
