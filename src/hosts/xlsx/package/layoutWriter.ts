/**
 * Writing Sverka's sheets into a copy of a workbook by patching its package (no spreadsheet
 * library in between): every part the official had stays byte for byte, except the parts that
 * must list new things — `[Content_Types].xml`, `xl/workbook.xml` (new `<sheet>` entries and
 * defined names appended; existing entries unchanged and in order), `xl/_rels/workbook.xml.rels`,
 * `docProps/custom.xml` (`sverka.sheets`) and `xl/styles.xml` (formats appended). Sverka's own
 * sheets, drawings and charts are added, or replaced when Sverka wrote them before (listed under
 * `sverka.sheets`): a second run adds no duplicates. A sheet of the same name that Sverka does not
 * own is never touched (`placeSheets` picks «Дашборд (2)»).
 *
 * When Sverka's earlier sheets are replaced or removed, `xl/calcChain.xml` (Excel's cache of
 * formula cells, rebuilt on load) is dropped: it may list cells of those sheets.
 */
import { placeSheets, type PlacedSheet } from "../../../core/dashboard/placement";
import type { ChartSpec, DefinedName, LayoutSheet, SheetRole } from "../../../core/dashboard/types";
import { quoteSheetName } from "../../../core/model/address";
import { PROPERTIES_SHEET } from "../../../core/model/properties";
import { OWNED_SHEETS_PROPERTY, ownedSheetList } from "../../../core/sheets/planSheets";
import { chartXml, drawingXml } from "../charts/chartXml";
import { resolveCharts, type ResolvedChart } from "../charts/resolve";
import { decodeXml, parseAttributes, parseCustomProperties, resolvePartName } from "../ooxml";
import { refersToSheet } from "../preserve";
import { folderOf, type OpcPackage, relativeTarget, relsPartOf } from "./opc";
import {
  addOverride,
  addRelationship,
  appendDefinedNames,
  CONTENT_TYPES,
  definedNameElement,
  emptyCustomProperties,
  relationships,
  REL_TYPES,
  removeOverride,
  removeRelationships,
  setCustomProperty,
  withSheetState,
} from "./parts";
import { absoluteRange, sheetXml } from "./sheetXml";
import { WorkbookPackage, type PatchOptions } from "./workbookPackage";

export interface LayoutWriteRequest {
  /** Sverka's sheets in the order they are placed (dashboard, ФЛК report, helper sheet …). */
  sheets: readonly LayoutSheet[];
  definedNames: readonly DefinedName[];
  charts: readonly ChartSpec[];
}

export interface LayoutWriteResult {
  data: Uint8Array;
  /** The names the sheets got, in the request's order. */
  sheetNames: string[];
  placed: PlacedSheet[];
  warnings: string[];
}

const ROLE_TEXT: Record<SheetRole, string> = {
  dashboard: "дашборд",
  flk: "отчёт ФЛК",
  calc: "служебный лист формул",
};

function lower(s: string): string {
  return s.toLocaleLowerCase("ru");
}

/** Parts reachable from `part` through its relationships (internal targets only), `part` excluded. */
function dependentParts(pkg: OpcPackage, part: string, out = new Set<string>()): Set<string> {
  for (const r of relationships(pkg.text(relsPartOf(part)))) {
    if (/^[a-z]+:/i.test(r.target)) continue;
    const target = resolvePartName(folderOf(part), r.target);
    if (out.has(target) || !pkg.has(target)) continue;
    out.add(target);
    dependentParts(pkg, target, out);
  }
  return out;
}

/** Text of the cells of a worksheet part by address (inline strings, shared strings, values). */
function legacyPropertyRows(pkg: OpcPackage, sheetPart: string, sharedPart: string | undefined): string[][] {
  const xml = pkg.text(sheetPart) ?? "";
  let shared: string[] | undefined;
  const sharedStrings = (): string[] => {
    if (shared) return shared;
    const sst = sharedPart ? (pkg.text(sharedPart) ?? "") : "";
    shared = [...sst.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) =>
      [...m[1].matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((t) => decodeXml(t[1])).join(""),
    );
    return shared;
  };
  const rows = new Map<number, string[]>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const a = parseAttributes(m[1]);
    const ref = /^([A-Z]+)(\d+)$/.exec(a.r ?? "");
    if (!ref || (ref[1] !== "A" && ref[1] !== "B")) continue;
    const inner = m[2] ?? "";
    const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
    let text = "";
    if (a.t === "s" && v !== undefined) text = sharedStrings()[Number(v)] ?? "";
    else if (a.t === "inlineStr")
      text = [...inner.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((t) => decodeXml(t[1])).join("");
    else if (v !== undefined) text = decodeXml(v);
    const row = rows.get(Number(ref[2])) ?? ["", ""];
    row[ref[1] === "A" ? 0 : 1] = text;
    rows.set(Number(ref[2]), row);
  }
  return [...rows.values()];
}

/** `ranges` of a chart's own sheet name (after renaming) written as `'Name'!`. */
function chartSheetsOf(charts: readonly ResolvedChart[]): Map<string, ResolvedChart[]> {
  const out = new Map<string, ResolvedChart[]>();
  for (const c of charts) out.set(c.sheet, [...(out.get(c.sheet) ?? []), c]);
  return out;
}

const NAME_RE = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;

export function writeLayoutSheets(
  original: Uint8Array,
  req: LayoutWriteRequest,
  options: PatchOptions = {},
): LayoutWriteResult {
  const wb = new WorkbookPackage(original);
  const pkg = wb.pkg;
  const warnings: string[] = [];
  const rootRelsPart = "_rels/.rels";
  let rootRels = pkg.text(rootRelsPart) ?? "";
  const entries = wb.sheets();

  // Ownership: the custom property `sverka.sheets`, else the `_sverka` sheet's row (older copies).
  const customRel = relationships(rootRels).find((r) => r.type === REL_TYPES.customProperties);
  const customPart = customRel ? resolvePartName("", customRel.target) : undefined;
  const customXml = customPart ? pkg.text(customPart) : undefined;
  let ownedRaw = customXml !== undefined ? parseCustomProperties(customXml)[OWNED_SHEETS_PROPERTY] : undefined;
  if (ownedRaw === undefined) {
    const propsEntry = entries.find((e) => e.name === PROPERTIES_SHEET);
    const propsPart = propsEntry ? wb.partOf(propsEntry) : undefined;
    if (propsPart) {
      const sst = relationships(wb.rels).find((r) => /\/sharedStrings$/.test(r.type));
      const rows = legacyPropertyRows(pkg, propsPart, sst ? resolvePartName(wb.wbFolder, sst.target) : undefined);
      ownedRaw = rows.find((r) => r[0].trim() === OWNED_SHEETS_PROPERTY)?.[1];
    }
  }
  const owned = new Set((ownedRaw === undefined ? [] : ownedSheetList(ownedRaw)).map(lower));
  const existing = entries.map((e) => e.name);
  const ownedExisting = existing.filter((n) => owned.has(lower(n)) && n !== PROPERTIES_SHEET);

  const placement = placeSheets(req.sheets, existing, ownedExisting);
  const rewrite = placement.rewrite;
  for (const p of placement.renamed)
    warnings.push(
      `В книге уже есть лист «${p.logical}», созданный не Сверкой: он не изменён, ${p.role ? ROLE_TEXT[p.role] : "лист"} записан на лист «${p.actual}».`,
    );
  const names = placement.sheets.map((p) => p.actual);
  const isNew = (n: string) => names.some((a) => lower(a) === lower(n));
  const removed = ownedExisting.filter((n) => !isNew(n));

  // Sverka's earlier parts go: the sheets' drawings, charts and anything else they point at.
  // Their content types go at the end, unless a new part took the same name (its entry stays put).
  const gone = new Set<string>();
  for (const name of ownedExisting) {
    const e = entries.find((x) => x.name === name);
    const part = e ? wb.partOf(e) : undefined;
    if (!part) continue;
    for (const dep of dependentParts(pkg, part)) {
      if (dep === part) continue;
      pkg.remove(dep);
      pkg.remove(relsPartOf(dep));
      gone.add(dep);
    }
    pkg.remove(relsPartOf(part));
    if (removed.includes(name)) {
      pkg.remove(part);
      gone.add(part);
      if (e?.relId) wb.rels = removeRelationships(wb.rels, new Set([e.relId]));
    }
  }
  if (ownedExisting.length) wb.dropCalcChain();

  // Defined names: Sverka's earlier ones and those pointing at removed sheets go; sheet-scoped
  // names keep their sheet (indices shift past removed sheets).
  const removedIdx = removed.map((n) => existing.indexOf(n)).sort((a, b) => a - b);
  const shift = (i: number) => i - removedIdx.filter((r) => r < i).length;
  const userNames = new Set<string>();
  let workbook = wb.workbook.replace(NAME_RE, (el, attrText: string, body: string | undefined) => {
    const a = parseAttributes(attrText);
    const text = decodeXml(body ?? "");
    const local = a.localSheetId !== undefined && /^\d+$/.test(a.localSheetId) ? Number(a.localSheetId) : null;
    if (removed.some((s) => refersToSheet(text, s))) return "";
    if (local !== null) {
      const sheet = existing[local];
      if (sheet !== undefined && ownedExisting.includes(sheet)) return ""; // print titles … of Sverka's sheets
      if (removedIdx.length && local !== shift(local))
        return el.replace(/\blocalSheetId\s*=\s*("|')\d+\1/, `localSheetId="${shift(local)}"`);
      return el;
    }
    const name = a.name ?? "";
    if (/^sv_/i.test(name) && ownedExisting.some((s) => refersToSheet(text, s))) return "";
    userNames.add(lower(name));
    return el;
  });
  workbook = workbook.replace(/<((?:\w+:)?definedNames)\b[^>]*>\s*<\/\1>/, "");

  // Sheets: removed entries go, replaced ones keep their place (their state follows the layout).
  for (const name of removed) {
    const e = entries.find((x) => x.name === name);
    if (e) workbook = workbook.replace(e.xml, "");
  }
  if (removedIdx.length)
    workbook = workbook.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (view) =>
      view.replace(/\b(activeTab|firstSheet)\s*=\s*("|')(\d+)\2/g, (_m, attr: string, _q: string, v: string) => {
        const i = Number(v);
        return `${attr}="${removedIdx.includes(i) ? 0 : Math.max(0, shift(i))}"`;
      }),
    );
  wb.workbook = workbook;

  const styles = wb.styles();
  // Charts, grouped by the sheet they sit on (logical name).
  const chartsBySheet = chartSheetsOf(resolveCharts(req.charts, req.sheets, rewrite));

  // Sverka's sheets.
  const sheetIndex = new Map<string, number>();
  req.sheets.forEach((sheet, k) => {
    const actual = placement.sheets[k].actual;
    const current = wb.sheets();
    const old = current.find((e) => lower(e.name) === lower(actual) && ownedExisting.includes(e.name));
    let part = old ? wb.partOf(old) : undefined;
    if (old && part) {
      const updated = withSheetState(old.xml, sheet.hidden);
      if (updated !== old.xml) wb.workbook = wb.workbook.replace(old.xml, updated);
      sheetIndex.set(sheet.name, current.indexOf(old));
    } else {
      part = wb.addSheet(actual, sheet.hidden);
      sheetIndex.set(sheet.name, wb.sheets().length - 1);
    }
    let drawingRelId: string | undefined;
    const charts = chartsBySheet.get(sheet.name) ?? [];
    if (charts.length) {
      const drawing = pkg.freeName("xl/drawings/drawing", ".xml");
      let drawingRels: string | undefined;
      const ids: string[] = [];
      for (const chart of charts) {
        const chartPart = pkg.freeName("xl/charts/chart", ".xml");
        pkg.set(chartPart, chartXml(chart));
        wb.types = addOverride(wb.types, chartPart, CONTENT_TYPES.chart);
        const r = addRelationship(drawingRels, REL_TYPES.chart, relativeTarget(drawing, chartPart));
        drawingRels = r.xml;
        ids.push(r.id);
      }
      pkg.set(drawing, drawingXml(charts, ids));
      if (drawingRels) pkg.set(relsPartOf(drawing), drawingRels);
      wb.types = addOverride(wb.types, drawing, CONTENT_TYPES.drawing);
      const r = addRelationship(undefined, REL_TYPES.drawing, relativeTarget(part, drawing));
      pkg.set(relsPartOf(part), r.xml);
      drawingRelId = r.id;
    }
    pkg.set(part, sheetXml(sheet, { rewrite, styles, ...(drawingRelId ? { drawingRelId } : {}) }));
  });

  // Defined names: Sverka's (never over a user's name), print titles and areas, autofilters.
  const nameElements: string[] = [];
  const skipped: string[] = [];
  for (const dn of req.definedNames) {
    if (userNames.has(lower(dn.name))) {
      skipped.push(dn.name);
      continue;
    }
    nameElements.push(definedNameElement(wb.workbook, dn.name, rewrite(dn.ref)));
  }
  req.sheets.forEach((sheet, k) => {
    const idx = sheetIndex.get(sheet.name);
    if (idx === undefined) return;
    const q = quoteSheetName(placement.sheets[k].actual);
    const local = (name: string, ref: string, hidden = false) =>
      nameElements.push(definedNameElement(wb.workbook, name, `${q}!${ref}`, idx, hidden));
    if (sheet.autoFilter) local("_xlnm._FilterDatabase", absoluteRange(sheet.autoFilter), true);
    const p = sheet.print;
    if (p?.area) local("_xlnm.Print_Area", absoluteRange(p.area));
    if (p?.titleRows) local("_xlnm.Print_Titles", `$${p.titleRows.from}:$${p.titleRows.to}`);
  });
  wb.workbook = appendDefinedNames(wb.workbook, nameElements.join(""));
  if (skipped.length)
    warnings.push(
      `Имена ${skipped.map((n) => `«${n}»`).join(", ")} уже заданы в книге пользователем и не изменены; ячейки дашборда получили остальные имена.`,
    );

  // Ownership: the custom document property `sverka.sheets`.
  let custom = customPart;
  let customText = customXml;
  if (custom === undefined || customText === undefined) {
    custom =
      custom ?? (pkg.has("docProps/custom.xml") ? pkg.freeName("docProps/custom", ".xml") : "docProps/custom.xml");
    customText = emptyCustomProperties();
    if (!customRel) rootRels = addRelationship(rootRels, REL_TYPES.customProperties, custom).xml;
    wb.types = addOverride(wb.types, custom, CONTENT_TYPES.customProperties);
  }
  pkg.set(custom, setCustomProperty(customText, OWNED_SHEETS_PROPERTY, JSON.stringify(names)));

  for (const part of gone) if (!pkg.has(part)) wb.types = removeOverride(wb.types, part);
  wb.setIfChanged(rootRelsPart, rootRels);
  return { data: wb.save(options.deflateRaw), sheetNames: names, placed: placement.sheets, warnings };
}
