/**
 * An OOXML package (the ZIP of an .xlsx/.xlsm) opened for patching: parts are read on demand
 * (inflated with fflate), replaced, added or removed; `toBytes` writes a new archive in which
 * every untouched entry is copied with its compressed bytes as they were (no recompression), so
 * the official's parts stay byte for byte. Browser-safe (no Node APIs).
 */
import { inflateSync } from "fflate";
import { readZipDirectory, type ZipEntry } from "../zip";
import { rewriteZip, type RawDeflater } from "../zipWrite";

let decoder: TextDecoder | undefined;
let encoder: TextEncoder | undefined;
export const utf8 = {
  decode: (b: Uint8Array): string => (decoder ??= new TextDecoder()).decode(b),
  encode: (s: string): Uint8Array => (encoder ??= new TextEncoder()).encode(s),
};

export class OpcPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Lower-case name → name as stored (OPC part names are case-insensitive). */
  private readonly byLower = new Map<string, string>();
  private readonly changes = new Map<string, Uint8Array | null>();

  constructor(readonly original: Uint8Array) {
    for (const e of readZipDirectory(original).entries) {
      this.entries.set(e.name, e);
      this.byLower.set(e.name.toLowerCase(), e.name);
    }
  }

  /** The stored name of a part (case-insensitive lookup), or undefined when it does not exist. */
  private resolve(name: string): string | undefined {
    if (this.changes.has(name)) return this.changes.get(name) === null ? undefined : name;
    const stored = this.byLower.get(name.toLowerCase());
    if (stored === undefined || this.changes.get(stored) === null) return undefined;
    return stored;
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  /** Names of all parts now in the package (original order, then added ones). */
  names(): string[] {
    const out = [...this.entries.keys()].filter((n) => this.changes.get(n) !== null);
    for (const [n, v] of this.changes) if (v !== null && !this.entries.has(n)) out.push(n);
    return out;
  }

  bytes(name: string): Uint8Array | undefined {
    const stored = this.resolve(name);
    if (stored === undefined) return undefined;
    const changed = this.changes.get(stored);
    if (changed) return changed;
    const e = this.entries.get(stored);
    if (!e) return undefined;
    const dv = new DataView(this.original.buffer, this.original.byteOffset, this.original.byteLength);
    const at = e.localHeaderOffset;
    const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    const raw = this.original.subarray(start, start + e.compressedSize);
    if (e.method === 0) return raw;
    if (e.method !== 8) throw new Error(`part ${stored}: unsupported compression method ${e.method}`);
    return inflateSync(raw, { out: new Uint8Array(e.uncompressedSize) });
  }

  text(name: string): string | undefined {
    const b = this.bytes(name);
    return b === undefined ? undefined : utf8.decode(b);
  }

  set(name: string, data: string | Uint8Array): void {
    const stored = this.byLower.get(name.toLowerCase()) ?? name;
    this.changes.set(stored, typeof data === "string" ? utf8.encode(data) : data);
  }

  remove(name: string): void {
    const stored = this.resolve(name);
    if (stored === undefined) return;
    if (this.entries.has(stored)) this.changes.set(stored, null);
    else this.changes.delete(stored);
  }

  /** Whether the part was changed, added or removed. */
  changed(name: string): boolean {
    const stored = this.byLower.get(name.toLowerCase()) ?? name;
    return this.changes.has(stored);
  }

  /** The first free `prefix{N}suffix` (N ≥ 1), e.g. `xl/charts/chart3.xml`. */
  freeName(prefix: string, suffix: string, taken: ReadonlySet<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name) && !taken.has(name.toLowerCase())) return name;
    }
  }

  toBytes(deflateRaw?: RawDeflater): Uint8Array {
    return rewriteZip(this.original, this.changes, deflateRaw);
  }
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The folder of a part (`xl/worksheets`), for resolving its relationship targets. */
export function folderOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

/** A relationship target from `fromPart`'s folder to `toPart` (`../charts/chart1.xml`). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = folderOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
