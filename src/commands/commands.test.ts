/**
 * The ribbon's «Проверить книгу» against the fake Excel: it writes «Отчёт ФЛК» with the same
 * report the core gives for the workbook, activates it, and completes its event on success and on
 * failure (then writing nothing and reporting the Office error with its code).
 */
import { join } from "node:path";
import { summaryText } from "../core/dashboard/flkReport";
import type { WorkbookData } from "../core/model/sheet";
import { BUILTIN_TEMPLATES } from "../core/templates";
import { validateWorkbook } from "../core/validate";
import { localizeReport } from "../i18n/issueMessages";
import {
  fakeWorkbookFromData,
  installFakeOffice,
  type FakeOfficeHandle,
  type FakeSheet,
} from "../hosts/excel/testing/fake";
import type { HostError } from "../hosts/host";
import { readWorkbookFile } from "../hosts/xlsx/node";
import { checkWorkbook } from "./commands";

const SAMPLE = join(__dirname, "..", "..", "samples", "effektivnaya-shkola-2023.monitoring.xlsx");
const AS_OF = "2023-12-31";

let data: WorkbookData;
let office: FakeOfficeHandle | null = null;
beforeAll(async () => {
  data = await readWorkbookFile(SAMPLE);
});
afterEach(() => {
  office?.uninstall();
  office = null;
});

function event(): { completed: jest.Mock } & Office.AddinCommands.Event {
  return { completed: jest.fn() } as unknown as { completed: jest.Mock } & Office.AddinCommands.Event;
}

describe("checkWorkbook (ribbon)", () => {
  it("writes «Отчёт ФЛК», activates it and completes the event", async () => {
    office = installFakeOffice(globalThis, { workbook: fakeWorkbookFromData(data) });
    const e = event();
    const report = jest.fn();
    await checkWorkbook(e, { asOf: () => AS_OF, report });
    expect(report).not.toHaveBeenCalled();
    expect(e.completed).toHaveBeenCalledTimes(1);
    const sheet = office.workbook.sheet("Отчёт ФЛК") as FakeSheet;
    expect(office.workbook.activeSheet).toBe(sheet);
    const expected = localizeReport(validateWorkbook(data, { templates: BUILTIN_TEMPLATES, asOf: AS_OF }).report, "ru");
    expect(sheet.cell(3, 1)?.value).toBe(summaryText(expected.summary));
    expect(expected.issues.length).toBeGreaterThan(0);
    expect(sheet.cell(6, 5)?.value).toBe(expected.issues[0].code);
    expect(sheet.cell(5 + expected.issues.length, 7)?.value).toBe(expected.issues.at(-1)?.message);
  });

  it("uses the template stored in the workbook", async () => {
    const wb = fakeWorkbookFromData(data);
    wb.customProperties.set("sverka.templateChoice", "uchitel-uchitelyu-2020");
    office = installFakeOffice(globalThis, { workbook: wb });
    await checkWorkbook(event(), { asOf: () => AS_OF });
    expect(String(office.workbook.sheet("Отчёт ФЛК")?.cell(2, 1)?.value)).toMatch(
      /^Шаблон uchitel-uchitelyu-2020\. Шаблон uchitel-uchitelyu-2020 указан явно/,
    );
  });

  it("completes the event on failure, writes nothing and reports the Office error with its code", async () => {
    const wb = fakeWorkbookFromData(data);
    office = installFakeOffice(globalThis, { workbook: wb, apiVersion: "1.1" });
    const names = wb.sheets.map((s) => s.name);
    const e = event();
    const errors: HostError[] = [];
    await checkWorkbook(e, { asOf: () => AS_OF, report: (err) => errors.push(err) });
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(errors.map((x) => x.code)).toEqual(["ApiNotFound"]);
    expect(errors[0].debugInfo).toBeTruthy();
    expect(office.workbook.sheets.map((s) => s.name)).toEqual(names);
  });

  it("completes the event even outside Excel, logging the error", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const e = event();
    await checkWorkbook(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith(
      expect.stringMatching(/^Сверка: проверка книги не выполнена \[/),
      expect.anything(),
    );
    spy.mockRestore();
  });

  it("is associated with Office under the manifest's name", () => {
    office = installFakeOffice(globalThis, {});
    jest.isolateModules(() => {
      require("./commands");
    });
    expect([...office.actions.keys()]).toEqual(["checkWorkbook"]);
  });
});
