/**
 * Consolidation on the xlsx host with the bundled samples (samples/schools/, README there). The
 * golden figures are counted by hand from the Lazo rows each school file carries: one registry
 * row, 2 «Успеваемость», 12 «Процедуры» (2022: nine deciding procedures and ВПР 4, 7, 8 кл.
 * математика), 2 «Кадры», 2 «Сеть», 1 «ГИА» — 20 rows per school.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { BICHEVAYA, MASTER, MUKHEN, SCHOOL_FILES, lazoRows } from "../../../samples/schools/schools";
import { computeIndicators } from "../../core/indicators/engine";
import { cellAt, type WorkbookData } from "../../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import { validateWorkbook } from "../../core/validate";
import { appendPlan } from "../testing/testPlan";
import { applyConsolidationPlan, consolidateXlsx, type ConsolidateXlsxResult } from "./consolidate";
import { fileSources } from "./consolidateNode";
import { readWorkbook } from "./read";
import { buildCompoundFile, buildZip } from "./testing/testZip";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const path = (f: string) => join(SAMPLES, f);
const OPTS = { templates: BUILTIN_TEMPLATES, asOf: "2023-12-31" };
const KHOR_1 = "МБОУ СОШ № 1 р.п. Хор";
const KHOR_3 = "МБОУ СОШ № 3 р.п. Хор";
const MUKHEN_SCHOOL = "МБОУ СОШ р.п. Мухен";

async function consolidate(
  masterBytes: Uint8Array,
  files: readonly string[],
  mergeValidRows = false,
): Promise<ConsolidateXlsxResult> {
  return consolidateXlsx({ file: "svod-lazo-2023.xlsx", bytes: masterBytes }, fileSources(files), {
    ...OPTS,
    mergeValidRows,
  });
}

/** Data rows (below the header) of a sheet, trailing empty cells dropped. */
function dataRows(wb: WorkbookData, sheet: string): unknown[][] {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.rows
    .slice(1)
    .filter((r) => r.some((v) => v !== null))
    .map((r) => {
      const out = [...r];
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });
}

describe("consolidateXlsx on the bundled samples", () => {
  const masterBytes = new Uint8Array(readFileSync(path(MASTER)));
  const files = SCHOOL_FILES.map(path);
  let result: ConsolidateXlsxResult;
  let out: WorkbookData;

  beforeAll(async () => {
    result = await consolidate(masterBytes, files);
    out = await readWorkbook(result.data, "out.xlsx");
  });

  it("merges the clean files, rejects the one with an error and reports the school sent twice", () => {
    const { report } = result.consolidation;
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    // Хор: two schools × 20 rows, their two registry rows already in the master → 38.
    expect(byFile.get("oo-khor.xlsx")).toMatchObject({ status: "merged", rows: 38, replaced_rows: 0 });
    // Мухен: 19 rows; the master's two «Успеваемость» rows of its earlier import are replaced.
    expect(byFile.get("oo-mukhen.xlsx")).toMatchObject({ status: "merged", rows: 19, replaced_rows: 2 });
    // Кругликово: its own «Процедуры» (reordered, with «Примечание») for two schools, 2 × 12.
    expect(byFile.get("oo-kruglikovo.xlsx")).toMatchObject({ status: "merged", rows: 24 });
    const bich = byFile.get("oo-bichevaya.xlsx")!;
    expect(bich).toMatchObject({ status: "rejected", rows: 0, skipped_rows: 20 });
    // ВПР 7 кл. математика 2022: 2 + 17 + 10 + 3 = 32 marks for 29 participants.
    expect(bich.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.sheet, i.row])).toEqual([
      ["SUM_MISMATCH", "Процедуры", 12],
    ]);
    expect(report.duplicates).toEqual([{ school: KHOR_3, files: ["oo-khor.xlsx", "oo-kruglikovo.xlsx"], earlier: [] }]);
    expect(report.summary).toMatchObject({
      files: 4,
      merged: 3,
      merged_partly: 0,
      rejected: 1,
      unreadable: 0,
      rows: 81,
      replaced_rows: 2,
    });
    expect(report.created_sheets).toEqual(["Процедуры", "Кадры", "Сеть", "ГИА", "Мероприятия"]);
  });

  it("writes the rows as the schools sent them, with «Источник», and keeps the rest of the master", () => {
    const grades = dataRows(out, "Успеваемость");
    // The earlier Мухен rows are gone; Хор's rows, then Мухен's new ones, each with its file name.
    expect(grades).toEqual([
      ...lazoRows("Успеваемость", KHOR_1).map((r) => [...r, "oo-khor.xlsx"]),
      ...lazoRows("Успеваемость", KHOR_3).map((r) => [...r, "oo-khor.xlsx"]),
      ...lazoRows("Успеваемость", MUKHEN_SCHOOL).map((r) => [...r, "oo-mukhen.xlsx"]),
    ]);
    const procedures = out.sheets.find((s) => s.name === "Процедуры")!;
    expect(procedures.rows[0]).toEqual([
      "ОО",
      "Год",
      "Процедура",
      "Участников",
      "«2» / не преодолели порог",
      "«3»",
      "«4»",
      "«5»",
      "Источник",
    ]);
    const proc = dataRows(out, "Процедуры");
    expect(proc).toHaveLength(60);
    // The Кругликово file's reordered columns land in the master's order.
    expect(proc[36]).toEqual([...lazoRows("Процедуры", "МБОУ СОШ с. Кругликово")[0], "oo-kruglikovo.xlsx"]);
    expect(dataRows(out, "Кадры")).toHaveLength(6);
    expect(dataRows(out, "Сеть")).toHaveLength(6);
    expect(dataRows(out, "ГИА")).toHaveLength(3);
    expect(dataRows(out, "Школы")).toHaveLength(29);
    const note = out.sheets.find((s) => s.name === "Справка")!;
    expect(cellAt(note, 1, 1)).toBe(
      "Сводная книга мониторинга проекта «Эффективная школа», Лазовский муниципальный район",
    );
    expect(out.properties?.["sverka.template"]).toBe("effektivnaya-shkola-2023");
  });

  it("gives a master whose check finds only the school sent twice, and whose indicators are the sources'", () => {
    const check = validateWorkbook(out, { ...OPTS });
    const errors = check.report.issues.filter((i) => i.severity === "error");
    // МБОУ СОШ № 3 р.п. Хор's twelve procedures of 2022 came in both files.
    expect(errors).toHaveLength(12);
    expect(new Set(errors.map((e) => `${e.code} ${e.sheet}`))).toEqual(new Set(["DUPLICATE_SCHOOL Процедуры"]));
    expect(check.report.issues.filter((i) => i.code === "MISSING_SHEET")).toEqual([]);
    // Quality 2022/2023 of the three schools on «Успеваемость» (Lazo rows: (5 + 4) / attested):
    // Хор № 1 (81 + 308) / 921, Хор № 3 (34 + 287) / 712, Мухен (9 + 66) / 268 → 785 / 1901.
    const values = computeIndicators(check.template, check.monitoring, { plans: check.plans, asOf: "2023-12-31" });
    const q = values.find((v) => v.id === "quality_pct" && v.scope === "municipality" && v.period === "2022/2023")!;
    expect(q.value).toBeCloseTo((785 / 1901) * 100, 9);
  });

  it("replaces a file's rows when it is imported again instead of adding them twice", async () => {
    const again = await consolidate(result.data, files);
    const wb = await readWorkbook(again.data, "again.xlsx");
    for (const [sheet, n] of [
      ["Успеваемость", 6],
      ["Процедуры", 60],
      ["Кадры", 6],
      ["Сеть", 6],
      ["ГИА", 3],
    ] as const)
      expect(dataRows(wb, sheet)).toHaveLength(n);
    expect(again.consolidation.report.summary).toMatchObject({ rows: 81, replaced_rows: 81 });
    expect(again.consolidation.report.created_sheets).toEqual([]);
  });

  it("merges the valid rows of the file with an error when asked", async () => {
    const partly = await consolidate(masterBytes, [path(BICHEVAYA)], true);
    const f = partly.consolidation.report.files[0];
    // 20 rows: the registry row is already in the master, the SUM_MISMATCH row is left out.
    expect(f).toMatchObject({ status: "merged_partly", rows: 18, skipped_rows: 1 });
    const wb = await readWorkbook(partly.data, "partly.xlsx");
    expect(dataRows(wb, "Процедуры").map((r) => r[2])).not.toContain("ВПР 7 кл. математика");
    expect(dataRows(wb, "Процедуры")).toHaveLength(11);
  });

  it("does not change the master's bytes", async () => {
    expect(new Uint8Array(readFileSync(path(MASTER)))).toEqual(masterBytes);
  });
});

describe("consolidateXlsx with hostile files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sverka-consolidate-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives each hostile file its own error and merges the rest of the batch", async () => {
    const put = (name: string, bytes: Uint8Array | string) => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const good = readFileSync(path(MUKHEN));
    const hostile = [
      put("битый.xlsx", good.subarray(0, Math.floor(good.length / 2))),
      put("старый.xls", buildCompoundFile("Workbook", "SummaryInformation")),
      // (A CSV export is read now, whatever its name; a web page saved as .xlsx is not.)
      put("таблица.xlsx", "<html><body><table><tr><td>ОО</td><td>Год</td></tr></table></body></html>"),
      put("скан.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"),
      put("секрет.xlsx", buildCompoundFile("EncryptionInfo", "EncryptedPackage")),
      put("огромный.xlsx", ""),
      put(
        "бомба.xlsx",
        buildZip([
          { name: "[Content_Types].xml", data: "<Types/>" },
          { name: "xl/workbook.xml", data: "<workbook/>" },
          { name: "xl/worksheets/sheet1.xml", data: "<worksheet/>", method: 8, declaredUncompressedSize: 0xfffffff0 },
        ]),
      ),
      join(dir, "нет-такого.xlsx"),
    ];
    truncateSync(join(dir, "огромный.xlsx"), 25 * 1024 * 1024 + 1); // sparse: over the 25 MB limit
    const files = [...hostile.slice(0, 4), path(MUKHEN), ...hostile.slice(4)];
    const { consolidation, data } = await consolidate(new Uint8Array(readFileSync(path(MASTER))), files);
    const r = consolidation.report;
    expect(r.files.map((f) => [f.file, f.status, f.error?.code ?? null])).toEqual([
      ["битый.xlsx", "unreadable", "CORRUPT"],
      ["старый.xls", "unreadable", "LEGACY_XLS"],
      ["таблица.xlsx", "unreadable", "NOT_XLSX"],
      ["скан.xlsx", "unreadable", "NOT_XLSX"],
      ["oo-mukhen.xlsx", "merged", null],
      ["секрет.xlsx", "unreadable", "ENCRYPTED"],
      ["огромный.xlsx", "unreadable", "TOO_LARGE"],
      ["бомба.xlsx", "unreadable", "ZIP_BOMB"],
      ["нет-такого.xlsx", "unreadable", "NOT_FOUND"],
    ]);
    for (const f of r.files.filter((x) => x.status === "unreadable")) expect(f.error?.message).toContain(`«${f.file}»`);
    expect(r.files.find((f) => f.file === "таблица.xlsx")!.error?.message).toMatch(/HTML/);
    expect(r.files.find((f) => f.file === "скан.xlsx")!.error?.message).toMatch(/PDF/);
    expect(r.summary).toMatchObject({ merged: 1, unreadable: 8, rows: 19 });
    const wb = await readWorkbook(data, "out.xlsx");
    expect(dataRows(wb, "Процедуры")).toHaveLength(12);
  });
});

describe("applyConsolidationPlan", () => {
  it("clears instead of deleting the replaced rows when formulas lie below them", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Кадры");
    ws.addRow(["ОО", "Год", "Педагогов", "Источник", "Вдвое"]);
    ws.addRow(["МБОУ СОШ с. Альфа", 2022, 30, "alpha.xlsx"]);
    ws.addRow(["МБОУ СОШ с. Бета", 2022, 25, null, { formula: "C3*2", result: 50 }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { data, warnings } = await applyConsolidationPlan(bytes, {
      sheets: [
        appendPlan("Кадры", "staff", [["МБОУ СОШ с. Альфа", 2023, 31, "alpha.xlsx"]], {
          deleteRows: [2],
          deleteRuns: [{ start: 2, count: 1 }],
          appendAt: 3,
        }),
      ],
    });
    expect(warnings.join(" ")).toMatch(/очищены, а не удалены/);
    const back = new Workbook();
    await back.xlsx.load(data as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
    const sheet = back.getWorksheet("Кадры")!;
    expect(sheet.getCell("A2").value).toBeNull();
    expect(sheet.getCell("E3").value).toEqual({ formula: "C3*2", result: 50 });
    expect(sheet.getCell("A4").value).toBe("МБОУ СОШ с. Альфа");
    expect(sheet.getCell("D4").value).toBe("alpha.xlsx");
  });

  it("writes text that looks like a formula as text", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Мероприятия").addRow(["Дата", "Мероприятие"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { data } = await applyConsolidationPlan(bytes, {
      sheets: [
        appendPlan("Мероприятия", "events", [[new Date(Date.UTC(2023, 2, 15)), '=HYPERLINK("x")', "a.xlsx"]], {
          sourceHeader: true,
        }),
      ],
    });
    const back = await readWorkbook(data, "x.xlsx");
    const s = back.sheets[0];
    expect(s.rows[0]).toEqual(["Дата", "Мероприятие", "Источник"]);
    expect(s.rows[1]).toEqual([new Date(Date.UTC(2023, 2, 15)), '=HYPERLINK("x")', "a.xlsx"]);
  });
});
