/**
 * Rewriting a ZIP archive with some entries replaced, added or removed: the other entries are
 * copied with their compressed bytes untouched; new and replaced entries are deflated with fflate
 * (stored when tiny). Browser-safe. The package patcher (`package/opc.ts`) writes every copy
 * through it.
 *
 * Format reference: PKWARE APPNOTE.TXT 4.3.7 (local header), 4.3.12 (central directory header),
 * 4.3.16 (end of central directory). No ZIP64: an .xlsx under the reader's limits never needs it.
 */
import { deflateSync } from "fflate";
import { crc32 } from "../crc32";
import { readZipDirectory, ZipFormatError } from "./zip";

interface OutEntry {
  name: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressed: Uint8Array;
  uncompressedSize: number;
  /** DOS time and date as found (copied entries) or zero (new ones). */
  time: number;
  date: number;
}

const UTF8_FLAG = 0x0800;
const DATA_DESCRIPTOR_FLAG = 0x0008;
/** Entries up to this size are stored: deflating a few hundred bytes gains nothing. */
const MIN_DEFLATE = 256;
/** Entries over this size are deflated at level 1. */
const FAST_DEFLATE = 256 * 1024;

/**
 * The archive with `changes` applied: a name mapped to bytes replaces (or adds) that entry, a name
 * mapped to null removes it. Entry order is kept; added entries come last.
 */
/** Raw DEFLATE (no zlib header) at a level 1–9; fflate's by default, Node's zlib where faster. */
export type RawDeflater = (data: Uint8Array, level: 1 | 6) => Uint8Array;

export const fflateDeflater: RawDeflater = (data, level) => deflateSync(data, { level });

export function rewriteZip(
  bytes: Uint8Array,
  changes: ReadonlyMap<string, Uint8Array | null>,
  deflateRaw: RawDeflater = fflateDeflater,
): Uint8Array {
  const dir = readZipDirectory(bytes);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const enc = new TextEncoder();
  const out: OutEntry[] = [];
  const done = new Set<string>();
  const fresh = (name: string, data: Uint8Array): OutEntry => {
    // Large parts (a region's helper sheet runs to megabytes) are deflated fast; small ones well.
    const level = data.length > FAST_DEFLATE ? 1 : 6;
    const deflated = data.length > MIN_DEFLATE ? deflateRaw(data, level) : data;
    const stored = deflated.length >= data.length;
    return {
      name: enc.encode(name),
      method: stored ? 0 : 8,
      flags: UTF8_FLAG,
      crc: crc32(data),
      compressed: stored ? data : deflated,
      uncompressedSize: data.length,
      time: 0,
      date: ((2020 - 1980) << 9) | (1 << 5) | 1,
    };
  };

  for (const e of dir.entries) {
    done.add(e.name);
    const change = changes.get(e.name);
    if (change === null) continue;
    if (change !== undefined) {
      out.push(fresh(e.name, change));
      continue;
    }
    const at = e.localHeaderOffset;
    if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50)
      throw new ZipFormatError(`local header of ${e.name} is missing`);
    const dataStart = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    const c = e.centralHeaderOffset;
    out.push({
      name: bytes.slice(c + 46, c + 46 + dv.getUint16(c + 28, true)),
      method: e.method,
      flags: e.flags & ~DATA_DESCRIPTOR_FLAG,
      crc: dv.getUint32(c + 16, true),
      compressed: bytes.subarray(dataStart, dataStart + e.compressedSize),
      uncompressedSize: e.uncompressedSize,
      time: dv.getUint16(c + 12, true),
      date: dv.getUint16(c + 14, true),
    });
  }
  for (const [name, data] of changes) if (!done.has(name) && data !== null) out.push(fresh(name, data));

  let size = 22;
  for (const e of out) size += 30 + e.name.length + e.compressed.length + 46 + e.name.length;
  const buf = new Uint8Array(size);
  const w = new DataView(buf.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of out) {
    offsets.push(p);
    w.setUint32(p, 0x04034b50, true);
    w.setUint16(p + 4, 20, true);
    w.setUint16(p + 6, e.flags, true);
    w.setUint16(p + 8, e.method, true);
    w.setUint16(p + 10, e.time, true);
    w.setUint16(p + 12, e.date, true);
    w.setUint32(p + 14, e.crc, true);
    w.setUint32(p + 18, e.compressed.length, true);
    w.setUint32(p + 22, e.uncompressedSize, true);
    w.setUint16(p + 26, e.name.length, true);
    w.setUint16(p + 28, 0, true);
    buf.set(e.name, p + 30);
    buf.set(e.compressed, p + 30 + e.name.length);
    p += 30 + e.name.length + e.compressed.length;
  }
  const cdStart = p;
  out.forEach((e, i) => {
    w.setUint32(p, 0x02014b50, true);
    w.setUint16(p + 4, 20, true);
    w.setUint16(p + 6, 20, true);
    w.setUint16(p + 8, e.flags, true);
    w.setUint16(p + 10, e.method, true);
    w.setUint16(p + 12, e.time, true);
    w.setUint16(p + 14, e.date, true);
    w.setUint32(p + 16, e.crc, true);
    w.setUint32(p + 20, e.compressed.length, true);
    w.setUint32(p + 24, e.uncompressedSize, true);
    w.setUint16(p + 28, e.name.length, true);
    w.setUint32(p + 42, offsets[i], true);
    buf.set(e.name, p + 46);
    p += 46 + e.name.length;
  });
  w.setUint32(p, 0x06054b50, true);
  w.setUint16(p + 8, out.length, true);
  w.setUint16(p + 10, out.length, true);
  w.setUint32(p + 12, p - cdStart, true);
  w.setUint32(p + 16, cdStart, true);
  return buf;
}
