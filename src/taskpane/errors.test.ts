/**
 * The pane's view of an error: the code always, Sverka's own errors' params kept so that the
 * message shows in the pane's language; Office's errors as Office gives them.
 */
import { HostError } from "../hosts/host";
import { readErrors } from "../hosts/xlsx/errors";
import { hostError, hostErrorMessage } from "../i18n/hostErrors";
import { readErrorMessage } from "../i18n/readErrors";
import { describeError, errorMessage } from "./errors";

describe("describeError / errorMessage", () => {
  it("keeps a HostError's params: Russian as thrown, English from the template", () => {
    const info = describeError(hostError("UNSUPPORTED", { variant: "goto_unsupported", sheet: "План", address: "B7" }));
    expect(info).toEqual({
      code: "UNSUPPORTED",
      message: "Переход к ячейке в автономном режиме недоступен: откройте лист «План», ячейку B7 в Excel.",
      params: { variant: "goto_unsupported", sheet: "План", address: "B7" },
    });
    expect(errorMessage(info, "ru")).toBe(info.message);
    expect(errorMessage(info, "en")).toBe(
      "Going to a cell is not available in the standalone mode: open the sheet “План”, cell B7, in Excel.",
    );
  });

  it("keeps a read error's code and params, rendered by the read errors' renderer", () => {
    const info = describeError(readErrors.notXlsx("отчёт.xlsx", "pdf"));
    expect(info.code).toBe("NOT_XLSX");
    expect(info.params).toEqual({ variant: "not_xlsx", file: "отчёт.xlsx", found: "pdf" });
    expect(errorMessage(info, "ru", readErrorMessage)).toBe(info.message);
    // The default renderer knows host errors only: the message as thrown.
    expect(errorMessage(info, "en")).toBe(info.message);
    const both = (p: Parameters<typeof readErrorMessage>[0], l: "ru" | "en") =>
      readErrorMessage(p, l) ?? hostErrorMessage(p, l);
    expect(errorMessage(info, "en", both)).toBe(
      "The file “отчёт.xlsx” is not an Excel workbook or a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): it is a PDF document.",
    );
  });

  it("shows Office's errors and other errors as they are, in any language", () => {
    const office = describeError(new HostError("Лист защищён", "AccessDenied", "Worksheet.protection"));
    expect(office).toEqual({ code: "AccessDenied", message: "Лист защищён", debugInfo: "Worksheet.protection" });
    expect(errorMessage(office, "en")).toBe("Лист защищён");
    const odd = Object.assign(new Error("boom"), { params: { variant: "unknown-variant" } });
    expect(errorMessage(describeError(odd), "en")).toBe("boom");
    expect(describeError("plain")).toEqual({ code: "UNKNOWN", message: "plain" });
  });
});
