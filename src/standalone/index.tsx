/** Entry of standalone.html: the page that checks workbooks in a plain browser, without Excel. */
import { createRoot } from "react-dom/client";
import { langOf } from "../i18n/strings";
import { FileReaderContext, type PickedFileReaderLoader } from "../taskpane/filePort";
import { SpravkaContext, type SpravkaLoader } from "../taskpane/spravkaPort";
import { StandaloneApp } from "./StandaloneApp";

const container = document.getElementById("container");
if (!container) throw new Error("standalone.html has no #container element");
const locale = typeof navigator === "undefined" ? undefined : navigator.language;
document.documentElement.lang = langOf(locale);

// The school files of a consolidation are read by the file host, in the chunk the page's files use.
const loadFileReader: PickedFileReaderLoader = () =>
  import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/pickedFiles.js").then((m) => m.pickedFileReader());

// «Справка (Word)»: the docx host, in its own chunk.
const loadSpravka: SpravkaLoader = () =>
  import(/* webpackChunkName: "spravka" */ "../hosts/docx/spravka.js").then((m) => m.buildSpravkaDocx);

createRoot(container).render(
  <FileReaderContext.Provider value={loadFileReader}>
    <SpravkaContext.Provider value={loadSpravka}>
      <StandaloneApp locale={locale} />
    </SpravkaContext.Provider>
  </FileReaderContext.Provider>,
);
