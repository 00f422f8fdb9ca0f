/**
 * Consolidation through the app: the school files come through the caller's port (here the file
 * host's readers), a file the port cannot read becomes its `unreadable` entry with the port's code
 * and message, the chosen template is used, and nothing is written when nothing merged.
 */
import { join } from "node:path";
import type { WorkbookData } from "../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../core/templates";
import { HostError, type ConsolidationSource, type PickedFile, type PickedFileReader } from "../hosts/host";
import { readFailure } from "../hosts/xlsx/consolidate";
import { fileSources } from "../hosts/xlsx/consolidateNode";
import { readWorkbookFile } from "../hosts/xlsx/node";
import { FakeHost } from "../taskpane/testing/fakeHost";
import { mergedAny, planConsolidation, runConsolidation, type ConsolidationStep } from "./consolidate";

const SCHOOLS = join(__dirname, "..", "..", "samples", "schools");
const AS_OF = "2023-12-31";

let master: WorkbookData;
beforeAll(async () => {
  master = await readWorkbookFile(join(SCHOOLS, "svod-lazo-2023.xlsx"));
});

/** A port over files on disk: a picked file's name is its path under samples/schools/. */
const diskReader: PickedFileReader = {
  source: (file: PickedFile): ConsolidationSource => fileSources([join(SCHOOLS, file.name)])[0],
  failure: readFailure,
};
const picked = (name: string): PickedFile => ({
  name,
  size: 1,
  arrayBuffer: () => Promise.reject(new Error("unused")),
});

describe("planConsolidation", () => {
  it("merges the good files, rejects Бичевая for its SUM_MISMATCH and reports an unreadable source with the port's words", async () => {
    const broken: ConsolidationSource = {
      file: "broken.xlsx",
      read: () => Promise.reject(new Error("zip: bad central directory")),
    };
    const c = await planConsolidation(
      master,
      [...fileSources(["oo-khor.xlsx", "oo-bichevaya.xlsx"].map((f) => join(SCHOOLS, f))), broken],
      { templates: BUILTIN_TEMPLATES, asOf: AS_OF, mergeValidRows: false, readFailure },
    );
    const status = Object.fromEntries(c.report.files.map((f) => [f.file, f.status]));
    expect(status).toEqual({ "oo-khor.xlsx": "merged", "oo-bichevaya.xlsx": "rejected", "broken.xlsx": "unreadable" });
    const bich = c.report.files.find((f) => f.file === "oo-bichevaya.xlsx")!;
    expect(bich.issues.some((i) => i.code === "SUM_MISMATCH" && i.sheet === "Процедуры" && i.row === 12)).toBe(true);
    const bad = c.report.files.find((f) => f.file === "broken.xlsx")!;
    expect(bad.error?.code).toBe("CORRUPT");
    expect(bad.error?.message).toContain("broken.xlsx");
    expect(c.report.files.find((f) => f.file === "oo-khor.xlsx")?.rows).toBe(38);
    expect(mergedAny(c.report)).toBe(true);
  });
});

describe("runConsolidation (the pane)", () => {
  it("reads the master through the host, the files through the port (loaded on demand), and writes the plan", async () => {
    const host = new FakeHost({ workbook: master, consolidate: {} });
    const steps: ConsolidationStep["phase"][] = [];
    let loaded = 0;
    const run = await runConsolidation(host, [picked("oo-khor.xlsx"), picked("oo-mukhen.xlsx")], {
      templates: BUILTIN_TEMPLATES,
      templateId: "effektivnaya-shkola-2023",
      asOf: AS_OF,
      mergeValidRows: false,
      reader: () => {
        loaded++;
        return Promise.resolve(diskReader);
      },
      onStep: (s) => steps.push(s.phase),
    });
    expect(loaded).toBe(1);
    expect(run.report.template).toBe("effektivnaya-shkola-2023");
    expect(run.report.files.map((f) => f.status)).toEqual(["merged", "merged"]);
    expect(run.outcome?.sheets.length).toBeGreaterThan(0);
    expect(steps[0]).toBe("master");
    expect(steps).toContain("file");
    expect(steps[steps.length - 1]).toBe("write");
  });

  it("writes nothing when no file merged, and refuses on a host that cannot consolidate", async () => {
    const host = new FakeHost({ workbook: master, consolidate: {} });
    const none = await runConsolidation(host, [picked("oo-bichevaya.xlsx")], {
      templates: BUILTIN_TEMPLATES,
      asOf: AS_OF,
      mergeValidRows: false,
      reader: diskReader,
    });
    expect(none.outcome).toBeNull();
    expect(host.callsOf("applyConsolidation")).toHaveLength(0);
    const plain = new FakeHost({ workbook: master });
    await expect(
      runConsolidation(plain, [], {
        templates: BUILTIN_TEMPLATES,
        asOf: AS_OF,
        mergeValidRows: false,
        reader: diskReader,
      }),
    ).rejects.toBeInstanceOf(HostError);
  });
});
