/**
 * The browser xlsx host over the Lazo monitoring sample: reading, writing the dashboard and the
 * ФЛК report into an in-memory copy, downloading it, and the writer's warnings as notices.
 * Golden figure: ШНОР share 2022 = 10 of 29 schools = 34.5 % (DOMAIN.md, seed 003).
 */
import { readFileSync } from "node:fs";
import { MASTER, SCHOOL_FILES } from "../../../samples/schools/schools";
import { planConsolidation } from "../../core/consolidate/consolidate";
import { buildDashboardLayouts } from "../../core/dashboard/build";
import { factName } from "../../core/dashboard/layout";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import { validateWorkbook } from "../../core/validate";
import { HostError, type WorkbookHost } from "../host";
import { BrowserXlsxHost, downloadName, writeNotices } from "./browserHost";
import { hostErrorMessage } from "../../i18n/hostErrors";
import { WorkbookReadError } from "./errors";
import { readWorkbook } from "./read";
import { AS_OF, loadExcelJs, MONITORING_SAMPLE, namesOf, REFRESHED_AT, sampleBytes } from "./testing/testDashboard";
import { buildZip, unzipAll } from "./testing/testZip";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** What the pane does: read through the host, check, build the layouts. */
async function checkAndBuild(host: WorkbookHost) {
  const wb = await host.read();
  const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
  return buildDashboardLayouts(wb, check, { asOf: AS_OF, refreshedAt: REFRESHED_AT });
}

async function withPart(bytes: Uint8Array, edit: (parts: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  const parts = await unzipAll(bytes);
  edit(parts);
  return buildZip([...parts].map(([name, data]) => ({ name, data, method: 8 as const })));
}

function sheetNamesOf(wb: Awaited<ReturnType<typeof loadExcelJs>>): string[] {
  return wb.worksheets.map((w) => w.name);
}

describe("BrowserXlsxHost", () => {
  let sample: Uint8Array;
  beforeAll(async () => {
    sample = await sampleBytes(MONITORING_SAMPLE);
  });

  it("reads the picked file into the core model and says what it can do", async () => {
    const host = new BrowserXlsxHost(sample, MONITORING_SAMPLE);
    expect(host.kind).toBe("xlsx");
    expect(host.capabilities).toEqual({ marks: false, notes: false, charts: true, navigate: false, download: true });
    expect(await host.workbookName()).toBe(MONITORING_SAMPLE);
    const progress: string[] = [];
    const wb = await host.read((p) => progress.push(`${p.sheet} ${p.done}/${p.total}`));
    expect(wb.name).toBe(MONITORING_SAMPLE);
    expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Школы", "Процедуры"]));
    expect(progress).toHaveLength(wb.sheets.length);
    expect(progress.at(-1)).toBe(`${wb.sheets.at(-1)!.name} ${wb.sheets.length}/${wb.sheets.length}`);
    // Nothing written yet: the download is the picked file under Sverka's name.
    expect(host.modified).toBe(false);
    const d = await host.download();
    expect(d.fileName).toBe("effektivnaya-shkola-2023.monitoring.sverka.xlsx");
    expect(d.data).toEqual(sample);
  });

  it("rejects a PDF named .xlsx with WorkbookReadError NOT_XLSX and a Russian message", async () => {
    const pdf = enc.encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const host = new BrowserXlsxHost(pdf, "отчёт.xlsx");
    const err = await host.read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe("NOT_XLSX");
    expect((err as WorkbookReadError).message).toContain("«отчёт.xlsx»");
    expect((err as WorkbookReadError).message).toContain("PDF");
  });

  it("refuses a file over the size limit before reading its bytes", async () => {
    const arrayBuffer = jest.fn(async () => new ArrayBuffer(0));
    const err = await BrowserXlsxHost.fromFile({ name: "big.xlsx", size: 30 * 1024 * 1024, arrayBuffer }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).code).toBe("TOO_LARGE");
    expect(arrayBuffer).not.toHaveBeenCalled();
    const ok = await BrowserXlsxHost.fromFile({
      name: MONITORING_SAMPLE,
      size: sample.byteLength,
      arrayBuffer: async () => sample.slice().buffer,
    });
    expect(ok.size).toBe(sample.byteLength);
  });

  it("writes «Дашборд» and «Отчёт ФЛК» into a copy and downloads it; the ШНОР share 2022 is 34.5 %", async () => {
    const original = sample.slice();
    const host = new BrowserXlsxHost(original, MONITORING_SAMPLE);
    const build = await checkAndBuild(host);
    const outcome = await host.writeDashboard(build);
    expect(outcome.sheets.map((s) => s.logical)).toEqual(outcome.sheets.map((s) => s.actual));
    expect(outcome.sheets.map((s) => s.actual)).toEqual(expect.arrayContaining(["Дашборд", "Отчёт ФЛК"]));
    // Native charts, nothing lost: no notice at all.
    expect(outcome.notices).toEqual([]);
    expect(original).toEqual(sample); // the picked file's bytes are not touched

    const d = await host.download();
    expect(host.modified).toBe(true);
    expect(d.fileName).toBe("effektivnaya-shkola-2023.monitoring.sverka.xlsx");
    const wb = await loadExcelJs(d.data);
    expect(sheetNamesOf(wb)).toEqual(expect.arrayContaining(["Школы", "Дашборд", "Отчёт ФЛК"]));
    const name = factName("shnor_share", "2022");
    const ref = (await namesOf(d.data)).find((n) => n.name === name)?.text;
    expect(ref).toMatch(/^'Дашборд'!\$([A-Z]+)\$(\d+)$/);
    const [, col, row] = /\$([A-Z]+)\$(\d+)$/.exec(ref!)!;
    const cell = wb.getWorksheet("Дашборд")!.getCell(`${col}${row}`);
    const v = cell.value as { result?: unknown } | number;
    const shown = typeof v === "number" ? v : Number(v.result);
    expect(Math.round(shown * 10) / 10).toBe(34.5);

    // The next read sees Sverka's copy, and the check leaves Sverka's own sheets out.
    const again = await host.read();
    expect(again.sheets.map((s) => s.name)).toContain("Дашборд");
    const check = validateWorkbook(again, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
    expect(check.report.sheets.find((s) => s.name === "Дашборд")?.kind).toBe("sverka");
  });

  it("writeReport alone writes only «Отчёт ФЛК»; after a dashboard it keeps that dashboard", async () => {
    const host = new BrowserXlsxHost(sample, MONITORING_SAMPLE);
    const build = await checkAndBuild(host);
    const alone = await host.writeReport(build.flk);
    expect(alone.sheets).toEqual([{ logical: "Отчёт ФЛК", actual: "Отчёт ФЛК" }]);
    let names = sheetNamesOf(await loadExcelJs((await host.download()).data));
    expect(names).toContain("Отчёт ФЛК");
    expect(names).not.toContain("Дашборд");

    await host.writeDashboard(build);
    const after = await host.writeReport(build.flk);
    expect(after.sheets.map((s) => s.actual)).toEqual(expect.arrayContaining(["Дашборд", "Отчёт ФЛК"]));
    names = sheetNamesOf(await loadExcelJs((await host.download()).data));
    expect(names.filter((n) => n === "Дашборд" || n === "Отчёт ФЛК")).toHaveLength(2);
    expect(names.some((n) => n.endsWith("(2)"))).toBe(false);
  });

  it("turns the writer's warnings into notices: a user's «Дашборд», a taken name; nothing is lost", async () => {
    const wb = await loadExcelJs(sample);
    wb.addWorksheet("Дашборд").getCell("A1").value = "мой";
    const withSheet = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const patched = await withPart(withSheet, (parts) => {
      const xml = dec.decode(parts.get("xl/workbook.xml"));
      const names = '<definedName name="sv_shnor_share_2022">42</definedName>';
      parts.set(
        "xl/workbook.xml",
        enc.encode(
          xml.includes("</definedNames>")
            ? xml.replace("</definedNames>", `${names}</definedNames>`)
            : xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`),
        ),
      );
      parts.set("xl/threadedComments/threadedComment1.xml", enc.encode("<ThreadedComments/>"));
    });
    const host = new BrowserXlsxHost(patched, "свод.xlsx");
    const outcome = await host.writeDashboard(await checkAndBuild(host));
    expect(outcome.sheets).toContainEqual({ logical: "Дашборд", actual: "Дашборд (2)" });
    const codes = outcome.notices.map((n) => n.code);
    expect(outcome.notices).toContainEqual({
      code: "SHEET_RENAMED",
      params: { logical: "Дашборд", actual: "Дашборд (2)" },
    });
    expect(outcome.notices).toContainEqual(
      expect.objectContaining({ code: "NAME_TAKEN", params: expect.objectContaining({ name: "sv_shnor_share_2022" }) }),
    );
    // The package is patched: threaded comments are carried over, no PARTS_LOST.
    expect(codes).not.toContain("PARTS_LOST");
    const copy = await unzipAll((await host.download()).data);
    expect(dec.decode(copy.get("xl/threadedComments/threadedComment1.xml"))).toBe("<ThreadedComments/>");
    // One notice per fact, none for the rename warning's text.
    expect(codes.filter((c) => c === "SHEET_RENAMED")).toHaveLength(1);
    expect(codes.filter((c) => c === "NAME_TAKEN")).toHaveLength(1);
  });

  it("keeps a warning it does not recognise as PARTS_LOST with the whole message", () => {
    expect(writeNotices([], ["Что-то новое."])).toEqual([
      { code: "PARTS_LOST", params: { parts: "Что-то новое.", message: "Что-то новое." } },
    ]);
  });

  it("refuses marks, navigation and blank sheets with HostError UNSUPPORTED; keeps settings in memory", async () => {
    const host = new BrowserXlsxHost(sample, MONITORING_SAMPLE);
    for (const p of [host.mark([]), host.goTo("Школы", "B3"), host.createBlankSheets(BUILTIN_TEMPLATES[0])]) {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as HostError).code).toBe("UNSUPPORTED");
      // The message as data too, for the pane's language.
      expect(hostErrorMessage((err as HostError).params!, "ru")).toBe((err as HostError).message);
    }
    const goTo = (await host.goTo("Школы", "B3").catch((e: unknown) => e)) as HostError;
    expect(goTo.message).toBe(
      "Переход к ячейке в автономном режиме недоступен: откройте лист «Школы», ячейку B3 в Excel.",
    );
    expect(hostErrorMessage(goTo.params!, "en")).toBe(
      "Going to a cell is not available in the standalone mode: open the sheet “Школы”, cell B3, in Excel.",
    );
    expect(await host.clearMarks()).toBe(0);
    expect(await host.markedCount()).toBe(0);
    expect(await host.loadSettings()).toEqual({});
    const settings = { templateId: "ivanovo-2020", importedTemplates: ["{}"] };
    await host.saveSettings(settings);
    settings.importedTemplates.push("changed later");
    expect(await host.loadSettings()).toEqual({ templateId: "ivanovo-2020", importedTemplates: ["{}"] });
  });

  it("names downloads <name>.sverka.xlsx", () => {
    expect(downloadName("Школа №5.xlsx")).toBe("Школа №5.sverka.xlsx");
    expect(downloadName("BOOK.XLSX")).toBe("BOOK.sverka.xlsx");
    expect(downloadName("a.sverka.xlsx")).toBe("a.sverka.xlsx");
    expect(downloadName("без расширения")).toBe("без расширения.sverka.xlsx");
  });
});

describe("BrowserXlsxHost consolidation", () => {
  const SAMPLES = `${__dirname}/../../../samples`;
  const OPTS = { templates: BUILTIN_TEMPLATES, asOf: AS_OF };

  it("writes the plan into its copy, downloads it, and undoes it exactly until something else is written", async () => {
    const masterBytes = new Uint8Array(readFileSync(`${SAMPLES}/${MASTER}`));
    const host = new BrowserXlsxHost(masterBytes, "svod-lazo-2023.xlsx");
    expect(await host.canUndoConsolidation()).toBe(false);
    const inputs = await Promise.all(
      SCHOOL_FILES.map(async (f) => {
        const file = f.slice(f.lastIndexOf("/") + 1);
        return { file, workbook: await readWorkbook(new Uint8Array(readFileSync(`${SAMPLES}/${f}`)), file) };
      }),
    );
    const { plan } = planConsolidation(await host.read(), inputs, OPTS);
    const outcome = await host.applyConsolidation(plan);
    expect(outcome.undoable).toBe(true);
    expect(outcome.notices).toEqual([]);
    expect(outcome.sheets.find((s) => s.sheet === "Успеваемость")).toMatchObject({
      deleted: 2,
      appended: 6,
      firstRow: 2,
      lastRow: 7,
    });
    expect(host.modified).toBe(true);

    // The download is the consolidated master: 60 «Процедуры» rows (README: 81 rows in all).
    const d = await host.download();
    expect(d.fileName).toBe("svod-lazo-2023.sverka.xlsx");
    const out = await readWorkbook(d.data, d.fileName);
    const procedures = out.sheets.find((s) => s.name === "Процедуры")!;
    expect(procedures.rows.slice(1).filter((r) => r.some((v) => v !== null))).toHaveLength(60);
    expect(procedures.rows[1].at(-1)).toBe("oo-khor.xlsx");
    // `read` sees the consolidated copy too.
    expect((await host.read()).sheets.map((s) => s.name)).toContain("Процедуры");

    expect(await host.canUndoConsolidation()).toBe(true);
    expect(await host.undoConsolidation()).toEqual({
      sheets: plan.sheets.map((s) => s.sheet),
      restored: 2,
      removed: 81,
    });
    expect((await host.download()).data).toEqual(masterBytes);
    expect(host.modified).toBe(false);
    expect(await host.canUndoConsolidation()).toBe(false);
    await expect(host.undoConsolidation()).rejects.toMatchObject({ code: "NOTHING_TO_UNDO" });

    // A report written after the consolidation: undoing would drop it, so undo is no longer offered.
    await host.applyConsolidation(plan);
    const wb = await host.read();
    const check = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
    await host.writeReport(buildDashboardLayouts(wb, check, { asOf: AS_OF, refreshedAt: REFRESHED_AT }).flk);
    expect(await host.canUndoConsolidation()).toBe(false);
  });
});
