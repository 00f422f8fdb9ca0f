/** Entry of standalone.html: the page that checks .xlsx files in a plain browser, without Excel. */
import { createRoot } from "react-dom/client";
import { langOf } from "../i18n/strings";
import { StandaloneApp } from "./StandaloneApp";

const container = document.getElementById("container");
if (!container) throw new Error("standalone.html has no #container element");
const locale = typeof navigator === "undefined" ? undefined : navigator.language;
document.documentElement.lang = langOf(locale);
createRoot(container).render(<StandaloneApp locale={locale} />);
