/**
 * Cell marks through the Excel host: the sync count does not depend on the number of cells, every
 * request stays under 5 MB, and «Снять отметки» restores every previous fill exactly (no fill,
 * solid colours, pattern fills, mixed within one block), also after marking twice and from a new
 * host (as after reopening the file); notes only where ExcelApi 1.18 has them.
 */
import { a1 } from "../../core/model/address";
import type { Issue } from "../../core/report/issue";
import { renderedIssue } from "../../core/report/testing/issues";
import { FakeWorkbook, installFakeOffice, type FakeOfficeHandle, type FakeSheet } from "./testing/fake";
import { createExcelHost } from "./index";
import { MARK_COLORS, markTargets, readBoxes } from "./marks";
import { ADDRESS_LIMIT, PAYLOAD_LIMIT } from "./payload";

let office: FakeOfficeHandle | null = null;
afterEach(() => {
  office?.uninstall();
  office = null;
});

const ROWS = 20_001;

/** A data sheet with mixed fills: none, solid colours, a pattern fill, in neighbouring cells. */
function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook("marks.xlsx");
  const s = wb.addSheet("Успеваемость");
  for (let r = 1; r <= ROWS; r++)
    s.rows[r - 1] = [1, 2, 3, 4].map((c) => {
      const k = (r + c) % 4;
      const fill =
        k === 0
          ? undefined
          : k === 1
            ? { color: "#FFFF00", pattern: "Solid" }
            : k === 2
              ? { color: "#92D050", pattern: "Solid" }
              : { color: "#FFFFFF", pattern: "Gray50", patternColor: "#FF0000" };
      return { value: r * 10 + c, ...(fill ? { format: { fill } } : {}) };
    });
  s.notes.set("B3", "заметка пользователя");
  wb.addSheet("Другой").rows[0] = [{ value: "x", format: { fill: { color: "#0000FF", pattern: "Solid" } } }];
  return wb;
}

/** `n` issues on every other row of columns B and D (scattered cells, no two adjacent). */
function issues(n: number): Issue[] {
  const out: Issue[] = [];
  for (let i = 0; out.length < n; i++) {
    const row = 3 + 2 * Math.floor(i / 2);
    const col = i % 2 === 0 ? 2 : 4;
    out.push(
      renderedIssue(
        "NOT_A_NUMBER",
        { sheet: "Успеваемость", row, col },
        `Не число в ${a1(row, col)}`,
        i % 3 ? "error" : "warning",
      ),
    );
  }
  return out;
}

function fills(s: FakeSheet): string {
  return JSON.stringify(s.rows.map((row) => (row ?? []).map((c) => c?.format?.fill ?? null)));
}

function install(apiVersion: string): FakeOfficeHandle {
  office = installFakeOffice(globalThis, { workbook: workbook(), apiVersion });
  return office;
}

describe("marks", () => {
  it.each(["1.12", "1.18"])(
    "take the same syncs for 100 and 10,000 cells (ExcelApi %s), every request under 5 MB",
    async (api) => {
      const measured: { syncs: number; request: number; response: number; address: number }[] = [];
      for (const n of [100, 10_000]) {
        const o = install(api);
        const outcome = await createExcelHost().mark(issues(n));
        expect(outcome.marked).toBe(n);
        measured.push({
          syncs: o.stats.syncs,
          request: o.stats.maxRequestBytes,
          response: o.stats.maxResponseBytes,
          address: o.stats.longestAddress,
        });
        o.uninstall();
        office = null;
      }
      expect(measured[1].syncs).toBe(measured[0].syncs);
      // Sheets and stored marks; (with notes: which cells have one); fills read; marks written.
      expect(measured[0].syncs).toBe(api === "1.12" ? 3 : 4);
      for (const m of measured) {
        expect(m.request).toBeLessThan(PAYLOAD_LIMIT);
        expect(m.response).toBeLessThan(PAYLOAD_LIMIT);
        expect(m.address).toBeLessThan(ADDRESS_LIMIT);
      }
    },
  );

  it("are undone exactly: no fill, solid and pattern fills, notes; the user's note stays", async () => {
    const o = install("1.18");
    const s = o.workbook.sheet("Успеваемость") as FakeSheet;
    const before = fills(s);
    const other = fills(o.workbook.sheet("Другой") as FakeSheet);
    const list = issues(500);
    const host = createExcelHost();
    const outcome = await host.mark(list);
    expect(outcome).toEqual({ marked: 500, notes: true, notices: [] });

    // Marked cells carry the colour of their most severe issue; the user's note was not replaced.
    const c = s.cell(3, 2);
    expect(c?.format?.fill).toEqual({ color: MARK_COLORS.warning, pattern: "Solid" });
    expect(s.cell(5, 2)?.format?.fill?.color).toBe(MARK_COLORS.error);
    expect(s.notes.get("B3")).toBe("заметка пользователя");
    expect(s.notes.get("D3")).toMatch(/^Сверка: Не число в D3/);
    expect(fills(s)).not.toBe(before);
    expect(await host.markedCount()).toBe(500);

    // A new host (as after reopening the workbook) undoes them from what the workbook stored.
    expect(await createExcelHost().clearMarks()).toBe(500);
    expect(fills(s)).toBe(before);
    expect(fills(o.workbook.sheet("Другой") as FakeSheet)).toBe(other);
    expect([...s.notes]).toEqual([["B3", "заметка пользователя"]]);
    expect(await host.markedCount()).toBe(0);
    expect(o.workbook.customXmlParts).toEqual([]);
    expect(await host.clearMarks()).toBe(0);
  });

  it("marking again replaces the earlier marks, and the undo still restores the original fills", async () => {
    const o = install("1.18");
    const s = o.workbook.sheet("Успеваемость") as FakeSheet;
    const before = fills(s);
    const host = createExcelHost();
    await host.mark(issues(300));
    await host.mark(issues(120).map((i) => ({ ...i, severity: "info" as const })));
    expect(await host.markedCount()).toBe(120);
    expect(s.cell(3, 2)?.format?.fill?.color).toBe(MARK_COLORS.info);
    // Cells of the first marking that the second did not mark are back to their fills.
    const row = 3 + 2 * 100;
    expect(s.cell(row, 2)?.format?.fill).toEqual(JSON.parse(before)[row - 1][1] ?? undefined);
    await host.clearMarks();
    expect(fills(s)).toBe(before);
    expect([...s.notes]).toEqual([["B3", "заметка пользователя"]]);
  });

  it("without ExcelApi 1.18 fill only and say so; issues without a cell are counted, not marked", async () => {
    const o = install("1.12");
    const list = [
      ...issues(10),
      renderedIssue("MISSING_SHEET", { sheet: "Кадры" }, "Нет листа «Кадры»"),
      renderedIssue("NOT_A_NUMBER", { sheet: "Нет такого", row: 2, col: 2 }, "лист удалён"),
    ];
    const outcome = await createExcelHost().mark(list);
    expect(outcome).toEqual({
      marked: 10,
      notes: false,
      notices: [
        { code: "NOTES_UNSUPPORTED", params: {} },
        { code: "UNMARKABLE_ISSUES", params: { count: 2 } },
      ],
    });
    expect([...(o.workbook.sheet("Успеваемость") as FakeSheet).notes]).toEqual([["B3", "заметка пользователя"]]);
  });

  it("group cells for reading their fills into column segments", () => {
    expect(
      readBoxes([
        { row: 3, col: 2 },
        { row: 5, col: 2 },
        { row: 40, col: 2 },
        { row: 4, col: 3 },
      ]),
    ).toEqual([
      { top: 3, bottom: 5, left: 2, right: 2 },
      { top: 40, bottom: 40, left: 2, right: 2 },
      { top: 4, bottom: 4, left: 3, right: 3 },
    ]);
    const t = markTargets(
      [
        renderedIssue("NOT_A_NUMBER", { sheet: "A", row: 2, col: 2 }, "one", "warning"),
        renderedIssue("NOT_A_NUMBER", { sheet: "A", row: 2, col: 2 }, "two", "error"),
      ],
      ["A"],
    );
    expect(t.targets.map((x) => [x.address, x.severity, x.messages])).toEqual([["B2", "error", ["one", "two"]]]);
  });
});
