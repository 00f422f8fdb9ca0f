/**
 * Entry of taskpane.html: the pane on the Excel host (Office.js). The only pane module that names
 * concrete hosts: the Excel host, the file host's reader for the school files of a consolidation
 * and the docx host of «Справка (Word)», both imported on first use so ExcelJS/SheetJS and the
 * docx library stay out of the first load.
 */
import type { ReactElement } from "react";
import { createRoot } from "react-dom/client";
import App from "./components/App";
import { createExcelHost } from "../hosts/excel";
import { FileReaderContext, type PickedFileReaderLoader } from "./filePort";
import { SpravkaContext, type SpravkaLoader } from "./spravkaPort";

/* global document, navigator, Office */

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

// `.js`: an ES import under `moduleResolution: nodenext`; webpack maps it to the .ts file (extensionAlias).
const loadFileReader: PickedFileReaderLoader = () =>
  import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/pickedFiles.js").then((m) => m.pickedFileReader());

const loadSpravka: SpravkaLoader = () =>
  import(/* webpackChunkName: "spravka" */ "../hosts/docx/spravka.js").then((m) => m.buildSpravkaDocx);

function browserLocale(): string | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.language;
}

function render(app: ReactElement): void {
  root.render(
    <FileReaderContext.Provider value={loadFileReader}>
      <SpravkaContext.Provider value={loadSpravka}>{app}</SpravkaContext.Provider>
    </FileReaderContext.Provider>,
  );
}

if (typeof Office === "undefined") {
  // office.js did not load (plain browser, offline): nothing to wait for.
  render(<App host="no-host" locale={browserLocale()} />);
} else {
  render(<App host="loading" locale={browserLocale()} />);
  Office.onReady((info) => {
    // office.js also resolves onReady in a plain browser, with host === null.
    if (!info.host) {
      render(<App host="no-host" locale={browserLocale()} />);
      return;
    }
    const locale = Office.context?.displayLanguage || browserLocale();
    try {
      render(<App host={createExcelHost()} locale={locale} />);
    } catch (e) {
      render(<App host="loading" locale={locale} startupError={e} />);
    }
  });
}
