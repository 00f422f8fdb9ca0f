/**
 * The PNG fallback of the справка's chart, drawn without a browser or a native library: the same
 * geometry as the SVG rasterised into RGBA pixels (columns, the target line, grid, axis) with
 * figures in a small built-in pixel font (digits and «, . % − + /»), encoded with fflate's zlib.
 * Words (title, legend names) are left to the caption under the picture: Word and LibreOffice
 * show the SVG; this picture is only for processors that cannot.
 */
import { zlibSync } from "fflate";
import { crc32 } from "../crc32";
import type { Chart } from "../../core/report/spravka/types";
import { chartGeometry, type Label } from "./chartGeometry";

/** 5×7 glyphs, one string of five bits per row. */
const GLYPHS: Record<string, string[]> = {
  "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
  "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
  "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
  "3": ["11110", "00001", "00001", "01110", "00001", "00001", "11110"],
  "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
  "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
  "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
  "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
  "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
  "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
  ",": ["00000", "00000", "00000", "00000", "00110", "00100", "01000"],
  ".": ["00000", "00000", "00000", "00000", "00000", "01100", "01100"],
  "%": ["11000", "11001", "00010", "00100", "01000", "10011", "00011"],
  "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
  "\u2212": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
  "+": ["00000", "00100", "00100", "11111", "00100", "00100", "00000"],
  "/": ["00001", "00010", "00010", "00100", "01000", "01000", "10000"],
};

class Canvas {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4).fill(255);
  }

  fill(x: number, y: number, w: number, h: number, hex: string): void {
    const r = parseInt(hex.slice(0, 2), 16);
    const g = parseInt(hex.slice(2, 4), 16);
    const b = parseInt(hex.slice(4, 6), 16);
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++)
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 4;
        this.data[i] = r;
        this.data[i + 1] = g;
        this.data[i + 2] = b;
        this.data[i + 3] = 255;
      }
  }

  /** A thick line (square brush), optionally dashed. */
  line(x0: number, y0: number, x1: number, y1: number, hex: string, thick: number, dash?: [number, number]): void {
    const len = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(len));
    for (let s = 0; s <= steps; s++) {
      if (dash && s % (dash[0] + dash[1]) >= dash[0]) continue;
      const t = s / steps;
      this.fill(x0 + (x1 - x0) * t - thick / 2, y0 + (y1 - y0) * t - thick / 2, thick, thick, hex);
    }
  }

  /** Figures in the pixel font; characters it lacks are skipped. */
  text(l: Label, scale: number, hex: string): void {
    const px = Math.max(1, Math.round((l.size / 7) * scale * 0.75));
    const advance = 6 * px;
    const w = l.text.length * advance;
    let x = l.anchor === "middle" ? l.x * scale - w / 2 : l.anchor === "end" ? l.x * scale - w : l.x * scale;
    const y = l.y * scale - 7 * px;
    for (const ch of l.text) {
      const glyph = GLYPHS[ch];
      if (glyph)
        glyph.forEach((row, r) => {
          for (let c = 0; c < 5; c++) if (row[c] === "1") this.fill(x + c * px, y + r * px, px, px, hex);
        });
      x += advance;
    }
  }

  png(): Uint8Array {
    const raw = new Uint8Array((this.width * 4 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 4 + 1)] = 0; // filter: none
      raw.set(this.data.subarray(y * this.width * 4, (y + 1) * this.width * 4), y * (this.width * 4 + 1) + 1);
    }
    const chunk = (type: string, body: Uint8Array): Uint8Array => {
      const out = new Uint8Array(12 + body.length);
      const view = new DataView(out.buffer);
      view.setUint32(0, body.length);
      for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
      out.set(body, 8);
      view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
      return out;
    };
    const ihdr = new Uint8Array(13);
    const v = new DataView(ihdr.buffer);
    v.setUint32(0, this.width);
    v.setUint32(4, this.height);
    ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
    const parts = [
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", zlibSync(raw, { level: 9 })),
      chunk("IEND", new Uint8Array(0)),
    ];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** The chart as a PNG at `scale` × the SVG's size. */
export function chartPng(chart: Chart, scale = 2): Uint8Array {
  const g = chartGeometry(chart);
  const c = new Canvas(g.width * scale, g.height * scale);
  const p = g.plot;
  for (const l of g.gridLines) {
    c.fill(p.x * scale, l.y * scale, p.w * scale, scale, "D9D9D9");
    c.text(l.label, scale, "404040");
  }
  for (const b of g.bars) {
    c.fill(b.x * scale, b.y * scale, b.w * scale, b.h * scale, b.color);
    if (b.label) c.text(b.label, scale, "000000");
  }
  c.fill(p.x * scale, (p.y + p.h) * scale, p.w * scale, scale, "404040");
  for (const l of g.lines)
    for (let i = 1; i < l.points.length; i++) {
      const [x0, y0] = l.points[i - 1];
      const [x1, y1] = l.points[i];
      c.line(x0 * scale, y0 * scale, x1 * scale, y1 * scale, l.color, 3 * scale, [10 * scale, 5 * scale]);
    }
  for (const cat of g.categories) c.text(cat, scale, "000000");
  for (const item of g.legend)
    c.fill(
      item.swatch.x * scale,
      item.swatch.y * scale,
      item.swatch.w * scale,
      item.swatch.h * scale,
      item.swatch.color,
    );
  return c.png();
}
