/**
 * A workbook package opened for patching, with the parts that list things held as text: the
 * workbook part, its relationships and `[Content_Types].xml`. Both writers (Sverka's sheets,
 * consolidation) add sheets, append formats and drop the calculation chain through it; `save`
 * writes the listing parts back only when they changed, so an untouched part keeps its bytes.
 */
import { resolvePartName } from "../ooxml";
import type { RawDeflater } from "../zipWrite";
import { folderOf, OpcPackage, relativeTarget, relsPartOf } from "./opc";
import {
  addOverride,
  addRelationship,
  appendToSheets,
  CONTENT_TYPES,
  emptyRels,
  ensureRelPrefix,
  newSheetElement,
  relationships,
  REL_TYPES,
  removeOverride,
  removeRelationships,
  sheetEntries,
  type SheetEntry,
} from "./parts";
import { isStrictWorkbook, toStrict } from "./strict";
import { MINIMAL_STYLES, StylesAppender } from "./styles";

export interface PatchOptions {
  /** Raw DEFLATE for the new parts (default fflate; Node passes its zlib, `node.ts`). */
  deflateRaw?: RawDeflater;
}

/** The workbook part (target of the root `officeDocument` relationship). */
export function workbookPartName(pkg: OpcPackage): string {
  const rel = relationships(pkg.text("_rels/.rels")).find((r) => /\/officeDocument$/.test(r.type));
  return rel ? resolvePartName("", rel.target) : "xl/workbook.xml";
}

export class WorkbookPackage {
  readonly pkg: OpcPackage;
  readonly wbPart: string;
  readonly wbFolder: string;
  /** `xl/workbook.xml` as edited so far. */
  workbook: string;
  /** `xl/_rels/workbook.xml.rels` as edited so far. */
  rels: string;
  /** `[Content_Types].xml` as edited so far. */
  types: string;
  /** An ISO/IEC 29500 Strict workbook: what Sverka writes is mapped to Strict on save. */
  private readonly strict: boolean;
  private relPrefix: string | undefined;
  private maxSheetId: number;
  private stylesState: { part: string; appender: StylesAppender; created: boolean } | undefined;

  constructor(bytes: Uint8Array) {
    this.pkg = new OpcPackage(bytes);
    this.wbPart = workbookPartName(this.pkg);
    this.wbFolder = folderOf(this.wbPart);
    const workbook = this.pkg.text(this.wbPart);
    if (workbook === undefined) throw new Error(`the package has no workbook part (${this.wbPart})`);
    this.workbook = workbook;
    this.strict = isStrictWorkbook(workbook);
    this.rels = this.pkg.text(relsPartOf(this.wbPart)) ?? emptyRels();
    this.types = this.pkg.text("[Content_Types].xml") ?? "";
    this.maxSheetId = Math.max(0, ...sheetEntries(workbook).map((e) => e.sheetId));
  }

  /** The part a relationship of the workbook points at. */
  target(relId: string | undefined): string | undefined {
    if (relId === undefined) return undefined;
    const r = relationships(this.rels).find((x) => x.id === relId);
    return r ? resolvePartName(this.wbFolder, r.target) : undefined;
  }

  /** The worksheet part of a sheet entry. */
  partOf(e: SheetEntry): string | undefined {
    return this.target(e.relId);
  }

  sheets(): SheetEntry[] {
    return sheetEntries(this.workbook);
  }

  /** A new worksheet part listed at the end of the workbook's sheets; returns its part name. */
  addSheet(name: string, hidden: boolean): string {
    if (this.relPrefix === undefined) {
      const r = ensureRelPrefix(this.workbook);
      this.workbook = r.xml;
      this.relPrefix = r.prefix;
    }
    const part = this.pkg.freeName("xl/worksheets/sheet", ".xml");
    const rel = addRelationship(this.rels, REL_TYPES.worksheet, relativeTarget(this.wbPart, part));
    this.rels = rel.xml;
    this.types = addOverride(this.types, part, CONTENT_TYPES.worksheet);
    this.workbook = appendToSheets(
      this.workbook,
      newSheetElement(this.workbook, { name, sheetId: ++this.maxSheetId, relId: rel.id, hidden }, this.relPrefix),
    );
    return part;
  }

  /** The workbook's formats, to append to (a minimal styles part is created when there is none). */
  styles(): StylesAppender {
    if (this.stylesState) return this.stylesState.appender;
    const rel = relationships(this.rels).find((r) => r.type === REL_TYPES.styles);
    const part = rel ? resolvePartName(this.wbFolder, rel.target) : undefined;
    const xml = part ? this.pkg.text(part) : undefined;
    if (part && xml !== undefined) {
      this.stylesState = { part, appender: new StylesAppender(xml), created: false };
    } else {
      const created = `${this.wbFolder ? `${this.wbFolder}/` : ""}styles.xml`;
      if (!rel) this.rels = addRelationship(this.rels, REL_TYPES.styles, relativeTarget(this.wbPart, created)).xml;
      this.types = addOverride(this.types, part ?? created, CONTENT_TYPES.styles);
      this.stylesState = { part: part ?? created, appender: new StylesAppender(MINIMAL_STYLES), created: true };
    }
    return this.stylesState.appender;
  }

  /** Drops `xl/calcChain.xml` (Excel rebuilds it), when cells it may list were moved or removed. */
  dropCalcChain(): void {
    const chain = relationships(this.rels).find((r) => r.type === REL_TYPES.calcChain);
    if (!chain) return;
    const part = resolvePartName(this.wbFolder, chain.target);
    this.pkg.remove(part);
    this.types = removeOverride(this.types, part);
    this.rels = removeRelationships(this.rels, new Set([chain.id]));
  }

  /** Writes the listing parts and the styles back (each only when it changed) and returns the package. */
  save(deflateRaw?: RawDeflater): Uint8Array {
    const s = this.stylesState;
    if (s && (s.created || s.appender.changed)) this.pkg.set(s.part, s.appender.result());
    this.setIfChanged(this.wbPart, this.workbook);
    this.setIfChanged(relsPartOf(this.wbPart), this.rels);
    this.setIfChanged("[Content_Types].xml", this.types);
    // Every part written or appended to is in the package's own flavour; untouched parts keep their bytes.
    if (this.strict)
      for (const name of this.pkg.names())
        if (this.pkg.changed(name) && /\.(xml|rels)$/i.test(name)) {
          const text = this.pkg.text(name) ?? "";
          const strict = toStrict(text);
          if (strict !== text) this.pkg.set(name, strict);
        }
    return this.pkg.toBytes(deflateRaw);
  }

  setIfChanged(part: string, text: string): void {
    if (text !== this.pkg.text(part)) this.pkg.set(part, text);
  }
}
