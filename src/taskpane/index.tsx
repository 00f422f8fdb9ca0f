import { createRoot } from "react-dom/client";
import App from "./components/App";
import { createExcelHost } from "../hosts/excel";

/* global document, navigator, Office */

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

function browserLocale(): string | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.language;
}

if (typeof Office === "undefined") {
  // office.js did not load (plain browser, offline): nothing to wait for.
  root.render(<App host="no-host" locale={browserLocale()} />);
} else {
  root.render(<App host="loading" locale={browserLocale()} />);
  Office.onReady((info) => {
    // office.js also resolves onReady in a plain browser, with host === null.
    if (!info.host) {
      root.render(<App host="no-host" locale={browserLocale()} />);
      return;
    }
    const locale = Office.context?.displayLanguage || browserLocale();
    try {
      root.render(<App host={createExcelHost()} locale={locale} />);
    } catch (e) {
      root.render(<App host="loading" locale={locale} startupError={e} />);
    }
  });
}
