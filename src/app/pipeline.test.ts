import { BUILTIN_TEMPLATES } from "../core/templates";
import { ISSUE_TYPES, type IssueCode } from "../core/report/issue";
import { expected as lazoExpected } from "../../samples/monitoring/lazo-monitoring";
import { FakeHost, cleanPlanWorkbook, lazoWorkbook } from "../taskpane/testing/fakeHost";
import { runCheck } from "./check";
import { InvalidDateError, localToday, runDates } from "./dates";
import {
  allTemplates,
  importTemplateText,
  jsonErrorLocation,
  loadStoredTemplates,
  parseTemplateText,
  readablePath,
  templateToJson,
  withImportedTemplate,
  withoutImportedTemplate,
} from "./templates";
import type { ReadProgress } from "../hosts/host";

const ES = "effektivnaya-shkola-2023";
const custom = (id: string, title = "Мой проект") =>
  JSON.stringify({ id, title, period: { start: "2024-01-01", end: "2024-12-31" } });

describe("runCheck", () => {
  it("reads through the host with progress, detects the Lazo template and finds its 15 planted defects", async () => {
    const host = new FakeHost({ workbook: lazoWorkbook() });
    const progress: ReadProgress[] = [];
    const order: string[] = [];
    const run = await runCheck(host, {
      templates: BUILTIN_TEMPLATES,
      asOf: "2023-12-31",
      onProgress: (p) => {
        progress.push(p);
        order.push("progress");
      },
      onChecking: () => order.push("checking"),
    });
    expect(progress.map((p) => p.sheet)).toEqual(host.workbook.sheets.map((s) => s.name));
    expect(progress.every((p) => p.total === host.workbook.sheets.length)).toBe(true);
    expect(order[order.length - 1]).toBe("checking");
    expect(run.check.report.template).toBe(ES);
    expect(run.check.report.template_reason).toContain("записан шаблон");
    expect(run.check.report.issues).toHaveLength(lazoExpected.length);
    const errors = lazoExpected.filter((e) => ISSUE_TYPES[e.code as IssueCode].severity === "error").length;
    expect(run.check.report.summary.errors).toBe(errors);
    const share = run.build.indicators.find(
      (v) => v.id === "shnor_share" && v.period === "2022" && v.scope === "municipality",
    );
    expect(share?.display).toBe("34,5 %");
    expect(run.build.flk.role).toBe("flk");
    expect(run.missingTemplateId).toBeUndefined();
  });

  it("uses the chosen template instead of detecting one", async () => {
    const host = new FakeHost({ workbook: lazoWorkbook() });
    const run = await runCheck(host, {
      templates: BUILTIN_TEMPLATES,
      templateId: "uchitel-uchitelyu-2020",
      asOf: "2023-12-31",
    });
    expect(run.check.template.id).toBe("uchitel-uchitelyu-2020");
    expect(run.check.detection).toBeNull();
    expect(run.check.report.template_reason).toContain("указан явно");
  });

  it("falls back to detection and says so when the stored template id is unknown", async () => {
    const host = new FakeHost({ workbook: cleanPlanWorkbook() });
    const run = await runCheck(host, { templates: BUILTIN_TEMPLATES, templateId: "gone-2019", asOf: "2023-12-31" });
    expect(run.missingTemplateId).toBe("gone-2019");
    expect(run.check.template.id).toBe("uchitel-uchitelyu-2020");
    expect(run.check.report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it("passes the host's failure on", async () => {
    const host = new FakeHost({ workbook: lazoWorkbook() });
    host.failNext("read", new Error("boom"));
    await expect(runCheck(host, { templates: BUILTIN_TEMPLATES, asOf: "2023-12-31" })).rejects.toThrow("boom");
  });
});

describe("the date rule", () => {
  it("today is the local calendar date as YYYY-MM-DD", () => {
    expect(localToday(new Date(2024, 1, 29, 23, 59))).toBe("2024-02-29");
    expect(localToday(new Date(2023, 0, 1, 0, 0))).toBe("2023-01-01");
  });

  it("as-of is the user's date or today; the refresh date is always today", () => {
    const today = () => "2026-12-06";
    expect(runDates(undefined, today)).toEqual({ asOf: "2026-12-06", refreshedAt: "2026-12-06" });
    expect(runDates("2023-12-31", today)).toEqual({ asOf: "2023-12-31", refreshedAt: "2026-12-06" });
    expect(() => runDates("2023-02-30", today)).toThrow(InvalidDateError);
  });

  it("the dashboard says the as-of date and the refresh date apart", async () => {
    const host = new FakeHost({ workbook: lazoWorkbook() });
    const run = await runCheck(host, { templates: BUILTIN_TEMPLATES, asOf: "2023-12-31", refreshedAt: "2026-12-06" });
    const text = JSON.stringify(run.build.layout);
    expect(text).toContain("Отчётная дата: 31.12.2023");
    expect(text).toContain("обновлён: 06.12.2026");
  });
});

describe("template JSON import", () => {
  it("locates a JSON syntax error by line and column", () => {
    const text = '{\n  "id": "x",\n  "title": "T"\n  "period": {}\n}';
    const r = parseTemplateText(text);
    expect(r).toMatchObject({ ok: false, kind: "json", line: 4, column: 3 });
    if (!r.ok && r.kind === "json") expect(r.near).toContain('"period"');
  });

  it("converts engine messages with a position or with line and column", () => {
    const text = '{"a": 1,\n "b" 2}';
    expect(jsonErrorLocation(text, new SyntaxError("Unexpected number in JSON at position 14"))).toEqual({
      line: 2,
      column: 6,
    });
    expect(
      jsonErrorLocation(text, new SyntaxError("JSON.parse: expected ':' at line 2 column 6 of the JSON data")),
    ).toEqual({ line: 2, column: 6 });
    expect(jsonErrorLocation("{", new SyntaxError("Unexpected end of JSON input"))).toEqual({ line: 1, column: 2 });
    expect(jsonErrorLocation("x", new SyntaxError("strange"))).toBeNull();
  });

  it("reports the schema's complaints with readable paths naming the element's id", () => {
    const input = {
      id: "Bad Id",
      title: "T",
      period: { start: "2020", end: "2020-12-31" },
      indicators: [{ id: "share", title: "Доля", period: { kind: "year" }, targets: [{ op: "~", value: 1 }] }],
    };
    const r = parseTemplateText(JSON.stringify(input));
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== "schema") throw new Error("expected schema issues");
    const paths = r.issues.map((i) => i.path);
    expect(paths).toContain("id");
    expect(paths).toContain("period › start");
    expect(paths).toContain("indicators[0] «share» › targets[0] › op");
    expect(r.issues.find((i) => i.path === "period › start")?.message).toBe("дата в формате ГГГГ-ММ-ДД");
    // zod's own messages follow the UI language
    const en = parseTemplateText(JSON.stringify({ ...input, title: 5 }), "en");
    if (en.ok || en.kind !== "schema") throw new Error("expected schema issues");
    expect(en.issues.find((i) => i.path === "title")?.message).toMatch(/expected string/);
    const ru = parseTemplateText(JSON.stringify({ ...input, title: 5 }), "ru");
    if (ru.ok || ru.kind !== "schema") throw new Error("expected schema issues");
    expect(ru.issues.find((i) => i.path === "title")?.message).toMatch(/ожидалось string/);
  });

  it("readablePath handles the root and nested arrays", () => {
    expect(readablePath([], {})).toBe("");
    expect(readablePath(["plans", 1, "columns", 0, "id"], { plans: [{}, { id: "p2", columns: [{}] }] })).toBe(
      "plans[1] «p2» › columns[0] › id",
    );
  });

  it("an empty file is not a template", () => {
    expect(parseTemplateText("  \n")).toEqual({ ok: false, kind: "empty" });
  });

  it("a built-in template exported as JSON imports back to the same template", () => {
    for (const t of BUILTIN_TEMPLATES) {
      const r = parseTemplateText(templateToJson(t));
      expect(r.ok && r.template).toEqual(t);
    }
  });
});

describe("the template precedence rule: a built-in id is reserved", () => {
  it("an imported file with a built-in id is refused with the file named", () => {
    const r = importTemplateText("my.json", custom(ES));
    expect(r).toEqual({
      ok: false,
      problem: { key: "importBuiltinId", params: { id: ES, file: "my.json" }, issues: [] },
    });
  });

  it("a good file imports; bad ones say where", () => {
    const ok = importTemplateText("mine.json", custom("mine"));
    expect(ok.ok && ok.template.id).toBe("mine");
    const bad = importTemplateText("bad.json", '{\n  "id": "x"\n  "title": "T"\n}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toMatchObject({ key: "importBadJsonAt", params: { file: "bad.json", line: 3 } });
    const empty = importTemplateText("e.json", "");
    expect(!empty.ok && empty.problem.key).toBe("importEmptyFile");
  });

  it("among imports the later one of an id wins", () => {
    const a = JSON.parse(custom("mine", "A")) as unknown;
    const b = JSON.parse(custom("mine", "B")) as unknown;
    const parsed = [a, b].map((x) => parseTemplateText(JSON.stringify(x))).flatMap((r) => (r.ok ? [r.template] : []));
    const all = allTemplates(parsed);
    expect(all.filter((t) => t.id === "mine").map((t) => t.title)).toEqual(["B"]);
  });
});

describe("stored templates", () => {
  it("loads valid imports, skips invalid ones by position, and never shadows a built-in id", () => {
    const st = loadStoredTemplates({ importedTemplates: [custom("mine"), "{oops", custom(ES)] });
    expect(st.templates.map((t) => t.id)).toEqual(["mine", ES]);
    expect(st.invalid).toEqual([2]);
    const all = allTemplates(st.templates);
    expect(all.filter((t) => t.id === ES)).toHaveLength(1);
    expect(all.find((t) => t.id === ES)).toBe(BUILTIN_TEMPLATES.find((t) => t.id === ES));
    expect(all[all.length - 1].id).toBe("mine");
  });

  it("re-importing an id replaces the earlier text; removing drops it", () => {
    const first = withImportedTemplate({}, "mine", custom("mine", "Первый"));
    expect(first).toEqual({ importedTemplates: [custom("mine", "Первый")], replaced: false });
    const second = withImportedTemplate(
      { importedTemplates: [custom("other"), ...first.importedTemplates] },
      "mine",
      custom("mine", "Второй"),
    );
    expect(second.replaced).toBe(true);
    expect(second.importedTemplates).toEqual([custom("other"), custom("mine", "Второй")]);
    expect(withoutImportedTemplate({ importedTemplates: second.importedTemplates }, "mine")).toEqual([custom("other")]);
  });
});
