/**
 * What Sverka remembers in the workbook: the template the user chose (custom document property
 * `sverka.templateChoice`, ExcelApi 1.7; the id `sverka template` recorded stays under
 * `sverka.template` and only feeds detection) and the templates the user imported (a custom XML
 * part: their JSON can be far longer than a property's 255 characters).
 */
import type { StoredSettings } from "../host";
import { excelRun } from "./errors";
import { TEMPLATES_NAMESPACE, jsonFromPartXml, partsIn, partXmls, replaceParts } from "./storage";

export const TEMPLATE_CHOICE_PROPERTY = "sverka.templateChoice";

function parseTemplates(json: string | null): string[] {
  if (json === null) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export async function loadExcelSettings(): Promise<StoredSettings> {
  return excelRun(async (context) => {
    const choice = context.workbook.properties.custom.getItemOrNullObject(TEMPLATE_CHOICE_PROPERTY).load("value");
    const parts = partsIn(context, TEMPLATES_NAMESPACE);
    await context.sync();
    const xmls = partXmls(parts);
    if (xmls.length) await context.sync();
    const imported = xmls.flatMap((x) => parseTemplates(jsonFromPartXml(x.value)));
    const id = choice.isNullObject ? "" : String(choice.value).trim();
    return { ...(id ? { templateId: id } : {}), ...(imported.length ? { importedTemplates: imported } : {}) };
  });
}

/** Replaces the stored settings (absent fields are removed from the workbook). */
export async function saveExcelSettings(settings: StoredSettings): Promise<void> {
  await excelRun(async (context) => {
    const custom = context.workbook.properties.custom;
    const choice = custom.getItemOrNullObject(TEMPLATE_CHOICE_PROPERTY);
    const parts = partsIn(context, TEMPLATES_NAMESPACE);
    await context.sync();
    if (settings.templateId) custom.add(TEMPLATE_CHOICE_PROPERTY, settings.templateId);
    else if (!choice.isNullObject) choice.delete();
    const imported = settings.importedTemplates ?? [];
    replaceParts(context, parts, TEMPLATES_NAMESPACE, imported.length ? JSON.stringify(imported) : null);
    await context.sync();
  });
}
