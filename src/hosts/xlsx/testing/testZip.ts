/**
 * Test helper (Node only): writes small ZIP archives by hand, so tests can build packages that are
 * not workbooks, damaged ones and ones whose directory lies about sizes — no binary fixtures.
 */
import { deflateRawSync } from "node:zlib";
import { extractEntry, readZipDirectory } from "../zip";
import { crc32 } from "../../crc32";

export interface TestZipEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 0 = stored (default), 8 = deflate. */
  readonly method?: 0 | 8;
  /** Lie in the central directory about the uncompressed size. */
  readonly declaredUncompressedSize?: number;
  /** Replace the compressed bytes (e.g. with garbage), keeping the declared sizes. */
  readonly corruptData?: boolean;
}

export function buildZip(entries: ReadonlyArray<TestZipEntry>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const raw = typeof e.data === "string" ? enc.encode(e.data) : e.data;
    const method = e.method ?? 0;
    let body = method === 8 ? new Uint8Array(deflateRawSync(raw)) : raw;
    if (e.corruptData) body = body.map((_b, i) => (i * 37 + 11) & 0xff);
    const crc = crc32(raw);
    const usize = e.declaredUncompressedSize ?? raw.length;

    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, Math.min(usize, 0xffffffff), true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, Math.min(usize, 0xffffffff), true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);

  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** All entries of an archive, uncompressed (to rebuild a package with parts added or replaced). */
export async function unzipAll(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of readZipDirectory(bytes).entries) {
    if (e.name.endsWith("/")) continue;
    out.set(e.name, new Uint8Array(await extractEntry(bytes, e)));
  }
  return out;
}

/**
 * A minimal OLE compound file (what .xls and password-protected .xlsx files are): the signature
 * and directory entries with the given stream names (UTF-16LE), enough for the sniffer.
 */
export function buildCompoundFile(...streamNames: string[]): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  let at = 1024; // directory entries: names in UTF-16LE
  for (const name of ["Root Entry", ...streamNames]) {
    for (let i = 0; i < name.length; i++) {
      out[at + 2 * i] = name.charCodeAt(i) & 0xff;
      out[at + 2 * i + 1] = name.charCodeAt(i) >> 8;
    }
    at += 128;
  }
  return out;
}
