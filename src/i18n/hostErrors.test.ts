/**
 * Sverka's own host errors in both languages: the Russian rendering of every variant is the text
 * the hosts threw before the templates (literal expectations), English has no Russian outside
 * quoted names, and `hostError` makes the `HostError` with the code, that text and the params.
 */
import { HostError, type HostErrorParams } from "../hosts/host";
import { HOST_ERROR_TEXTS, hostError, hostErrorMessage } from "./hostErrors";

/** Every variant (and every `what`) with params and its Russian text as the hosts threw it. */
const RUSSIAN: [HostErrorParams, string][] = [
  [
    { variant: "write_dashboard_failed", file: "план.xlsx", reason: "disk full" },
    "Не удалось записать листы Сверки в копию книги «план.xlsx»: disk full",
  ],
  [
    { variant: "write_consolidation_failed", file: "свод.xlsx", reason: "disk full" },
    "Не удалось записать свод в копию книги «свод.xlsx»: disk full",
  ],
  [{ variant: "marks_unsupported" }, "Отметка ячеек в автономном режиме недоступна."],
  [
    { variant: "goto_unsupported", sheet: "План", address: "B7" },
    "Переход к ячейке в автономном режиме недоступен: откройте лист «План», ячейку B7 в Excel.",
  ],
  [
    { variant: "blank_sheets_unsupported", title: "Эффективная школа 2023", id: "effektivnaya-shkola-2023" },
    "Пустые листы шаблона «Эффективная школа 2023» в автономном режиме не добавляются: получите пустую книгу командой «sverka template effektivnaya-shkola-2023» или в Excel.",
  ],
  [
    { variant: "nothing_to_undo_session" },
    "Отменять нечего: свод в этой книге не выполнялся или после него записаны другие листы.",
  ],
  [{ variant: "nothing_to_undo_record" }, "Отменять нечего: в книге нет записи о своде."],
  [
    { variant: "consolidation_stale", what: "sheet_exists", sheet: "Школы" },
    "Книга изменилась после того, как Сверка её прочитала: лист «Школы» уже есть. Ничего не записано — нажмите «Свести» ещё раз.",
  ],
  [
    { variant: "consolidation_stale", what: "sheet_gone", sheet: "Школы" },
    "Книга изменилась после того, как Сверка её прочитала: листа «Школы» больше нет. Ничего не записано — нажмите «Свести» ещё раз.",
  ],
  [
    { variant: "consolidation_stale", what: "row_below", sheet: "Школы", row: 1204 },
    "Книга изменилась после того, как Сверка её прочитала: на листе «Школы» заполнена строка 1204 ниже таблицы. Ничего не записано — нажмите «Свести» ещё раз.",
  ],
  [
    { variant: "consolidation_stale", what: "source_missing", sheet: "Школы", row: 12 },
    "Книга изменилась после того, как Сверка её прочитала: в строке 12 листа «Школы» нет «Источника», а её надо было заменить. Ничего не записано — нажмите «Свести» ещё раз.",
  ],
  [
    { variant: "consolidation_undo_stale", what: "sheet_gone", sheet: "Школы" },
    "Свод нельзя отменить: листа «Школы» больше нет. Книга не изменена.",
  ],
  [
    {
      variant: "consolidation_undo_stale",
      what: "row_changed",
      sheet: "Школы",
      row: 15,
      got: "",
      want: "oo-khor.xlsx",
    },
    "Свод нельзя отменить: строка 15 листа «Школы» изменена после свода («Источник»: «» вместо «oo-khor.xlsx»). Книга не изменена.",
  ],
  [
    { variant: "consolidation_no_writer" },
    "Свод файлов здесь недоступен: эта среда не умеет записывать строки в книгу.",
  ],
  [{ variant: "consolidation_no_reader" }, "Свод файлов здесь недоступен: нет чтения файлов."],
];

/** Text outside quotes «…» “…” (where file, sheet and column names stand). */
function unquoted(text: string): string {
  return text.replace(/«[^»]*»|“[^”]*”/g, "");
}

describe("host error templates", () => {
  it.each(RUSSIAN)("renders %o in Russian as the hosts always said it", (params, text) => {
    expect(hostErrorMessage(params, "ru")).toBe(text);
  });

  it("covers every variant with a Russian expectation", () => {
    expect(new Set(RUSSIAN.map(([p]) => p.variant))).toEqual(new Set(Object.keys(HOST_ERROR_TEXTS)));
  });

  it("renders every variant in English, nothing left unrendered, no Russian outside quotes", () => {
    for (const [params, ru] of RUSSIAN) {
      const en = hostErrorMessage(params, "en")!;
      expect({ params, unrendered: /[{}]|\[\[|\]\]/.test(en) }).toEqual({ params, unrendered: false });
      expect({ params, cyrillic: /[а-яё]/i.test(unquoted(en)) }).toEqual({ params, cyrillic: false });
      expect(en).not.toBe(ru);
    }
    expect(hostErrorMessage({ variant: "goto_unsupported", sheet: "План", address: "B7" }, "en")).toBe(
      "Going to a cell is not available in the standalone mode: open the sheet “План”, cell B7, in Excel.",
    );
  });

  it("gives null for params of no host error (a read error's, an unknown variant)", () => {
    expect(hostErrorMessage({ variant: "encrypted", file: "a.xlsx" }, "en")).toBeNull();
    expect(hostErrorMessage({ variant: "nope" }, "en")).toBeNull();
  });

  it("makes a HostError with the code, the Russian message, the params and the cause", () => {
    const cause = new Error("disk full");
    const params = { variant: "write_dashboard_failed", file: "план.xlsx", reason: "disk full" };
    const e = hostError("WRITE_FAILED", params, cause);
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe("WRITE_FAILED");
    expect(e.message).toBe("Не удалось записать листы Сверки в копию книги «план.xlsx»: disk full");
    expect(e.params).toEqual(params);
    expect(e.cause).toBe(cause);
  });
});
