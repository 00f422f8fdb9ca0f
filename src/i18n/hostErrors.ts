/**
 * Sverka's own host errors (`HostError` with `params`: the standalone page's and the Excel host's
 * refusals, a workbook changed under a consolidation …) in the user's language, from one template
 * per variant (`renderTemplate`'s syntax, `issueMessages.ts`). The Russian rendering is the error's
 * `message`. Office's own errors are not here: Office localises them itself. Read errors are
 * `readErrors.ts` (kept apart: the Excel pane's first load needs only these).
 */
import { HostError, type HostErrorParams } from "../hosts/host";
import { renderTemplate, type Wording } from "./issueMessages";
import type { Lang } from "./strings";

export type { HostErrorParams };

/** What changed under a consolidation or its undo (`what` of `consolidation_stale` / `consolidation_undo_stale`). */
export type StaleWhat = "sheet_exists" | "sheet_gone" | "row_below" | "source_missing" | "row_changed";

const STALE: Readonly<Record<StaleWhat, Wording>> = {
  sheet_exists: { ru: "лист {sheet|qr} уже есть", en: "the sheet {sheet|qr} already exists" },
  sheet_gone: { ru: "листа {sheet|qr} больше нет", en: "the sheet {sheet|qr} is gone" },
  row_below: {
    ru: "на листе {sheet|qr} заполнена строка {row} ниже таблицы",
    en: "row {row} below the table on the sheet {sheet|qr} is filled in",
  },
  source_missing: {
    ru: "в строке {row} листа {sheet|qr} нет «Источника», а её надо было заменить",
    en: "row {row} of the sheet {sheet|qr}, which was to be replaced, has no “Источник” (source)",
  },
  row_changed: {
    ru: "строка {row} листа {sheet|qr} изменена после свода («Источник»: {got|qr} вместо {want|qr})",
    en: "row {row} of the sheet {sheet|qr} was changed after the consolidation (“Источник”: {got|qr} instead of {want|qr})",
  },
};

/** Every host error's wording, by variant. */
export const HOST_ERROR_TEXTS: Readonly<Record<string, Wording>> = {
  write_dashboard_failed: {
    ru: "Не удалось записать листы Сверки в копию книги {file|qr}: {reason}",
    en: "Sverka's sheets could not be written into the copy of the workbook {file|qr}: {reason}",
  },
  write_consolidation_failed: {
    ru: "Не удалось записать свод в копию книги {file|qr}: {reason}",
    en: "The consolidation could not be written into the copy of the workbook {file|qr}: {reason}",
  },
  marks_unsupported: {
    ru: "Отметка ячеек в автономном режиме недоступна.",
    en: "Cells cannot be marked in the standalone mode.",
  },
  goto_unsupported: {
    ru: "Переход к ячейке в автономном режиме недоступен: откройте лист {sheet|qr}, ячейку {address} в Excel.",
    en: "Going to a cell is not available in the standalone mode: open the sheet {sheet|qr}, cell {address}, in Excel.",
  },
  blank_sheets_unsupported: {
    ru: "Пустые листы шаблона {title|qr} в автономном режиме не добавляются: получите пустую книгу командой «sverka template {id}» или в Excel.",
    en: "Blank sheets of the template {title|qr} are not added in the standalone mode: get a blank workbook with the command “sverka template {id}” or in Excel.",
  },
  nothing_to_undo_session: {
    ru: "Отменять нечего: свод в этой книге не выполнялся или после него записаны другие листы.",
    en: "Nothing to undo: no consolidation was done in this workbook, or other sheets were written after it.",
  },
  nothing_to_undo_record: {
    ru: "Отменять нечего: в книге нет записи о своде.",
    en: "Nothing to undo: the workbook holds no record of a consolidation.",
  },
  consolidation_stale: {
    ru: "Книга изменилась после того, как Сверка её прочитала: {what_text}. Ничего не записано — нажмите «Свести» ещё раз.",
    en: "The workbook changed after Sverka read it: {what_text}. Nothing was written — press “Consolidate” again.",
  },
  consolidation_undo_stale: {
    ru: "Свод нельзя отменить: {what_text}. Книга не изменена.",
    en: "The consolidation cannot be undone: {what_text}. The workbook was not changed.",
  },
  consolidation_no_writer: {
    ru: "Свод файлов здесь недоступен: эта среда не умеет записывать строки в книгу.",
    en: "Consolidation is not available here: this environment cannot write rows into the workbook.",
  },
  consolidation_no_reader: {
    ru: "Свод файлов здесь недоступен: нет чтения файлов.",
    en: "Consolidation is not available here: files cannot be read.",
  },
};

/** A host error's message in `lang`; null for params of no known variant. */
export function hostErrorMessage(params: HostErrorParams, lang: Lang): string | null {
  const wording = HOST_ERROR_TEXTS[params.variant];
  if (!wording) return null;
  const what = typeof params.what === "string" ? STALE[params.what as StaleWhat] : undefined;
  const values = what ? { ...params, what_text: renderTemplate(what[lang], params, lang) } : params;
  return renderTemplate(wording[lang], values, lang);
}

/** A `HostError` with `code`, its Russian message rendered from `params`, and the params for other languages. */
export function hostError(code: string, params: HostErrorParams, cause?: unknown): HostError {
  return new HostError(hostErrorMessage(params, "ru") ?? params.variant, code, undefined, cause, params);
}
