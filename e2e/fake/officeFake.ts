/**
 * Entry of the e2e-only page `taskpane-fake.html`: installs the in-repo Excel fake as the page's
 * `Office`/`Excel` globals, seeded with a workbook fetched from the test server and read by the
 * xlsx reader (the same model the xlsx host gives the core), then loads the production
 * `taskpane.js` from dist/, which finds `Office` and runs its Excel host against the fake.
 *
 * Query parameters: `workbook` — path of the .xlsx on the server (default: the Lazo monitoring
 * sample); `api` — the ExcelApi version the fake supports (default 1.18); `lang` — Office's
 * display language (default ru-RU). The handle is `window.__sverkaFake`, for the tests to inspect.
 */
import { fakeWorkbookFromData, installFakeOffice, type FakeOfficeHandle } from "../../src/hosts/excel/testing/fake";
import { readWorkbook } from "../../src/hosts/xlsx/read";

/* global document, fetch, location, window */

export const DEFAULT_WORKBOOK = "/effektivnaya-shkola-2023.monitoring.xlsx";

declare global {
  interface Window {
    __sverkaFake?: FakeOfficeHandle;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.appendChild(script);
  });
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const path = params.get("workbook") ?? DEFAULT_WORKBOOK;
  const response = await fetch(path);
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  const name = decodeURIComponent(path.split("/").pop() ?? path);
  const data = await readWorkbook(new Uint8Array(await response.arrayBuffer()), name);
  window.__sverkaFake = installFakeOffice(window, {
    workbook: fakeWorkbookFromData(data),
    apiVersion: params.get("api") ?? "1.18",
    displayLanguage: params.get("lang") ?? "ru-RU",
  });
  await loadScript("taskpane.js");
}

start().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`taskpane-fake: ${message}`);
  const container = document.getElementById("container");
  if (container) container.textContent = `taskpane-fake: ${message}`;
});
