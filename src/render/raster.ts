/**
 * A small RGB raster for software-drawn figures (no canvas, no browser): filled rectangles, lines, dots and
 * 5×7 bitmap text, encoded to PNG with fast-png. Coordinates are pixels, origin top-left.
 */
import { encode } from "fast-png";
import { glyph } from "./font5x7.js";

export type RGB = readonly [number, number, number];

export class Raster {
  readonly data: Uint8Array;
  constructor(readonly width: number, readonly height: number, background: RGB = [255, 255, 255]) {
    this.data = new Uint8Array(width * height * 3);
    this.fill(0, 0, width, height, background);
  }

  set(x: number, y: number, c: RGB): void {
    x = Math.round(x); y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const p = (y * this.width + x) * 3;
    this.data[p] = c[0]; this.data[p + 1] = c[1]; this.data[p + 2] = c[2];
  }

  fill(x: number, y: number, w: number, h: number, c: RGB): void {
    const x0 = Math.max(0, Math.round(x)), y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w)), y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) {
      const p = (yy * this.width + xx) * 3;
      this.data[p] = c[0]; this.data[p + 1] = c[1]; this.data[p + 2] = c[2];
    }
  }

  /** A line of the given thickness (1 or 2 px). */
  line(x0: number, y0: number, x1: number, y1: number, c: RGB, thick = 1): void {
    if (![x0, y0, x1, y1].every(Number.isFinite)) return;
    const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let i = 0; i <= n; i++) {
      const x = x0 + ((x1 - x0) * i) / n, y = y0 + ((y1 - y0) * i) / n;
      this.set(x, y, c);
      if (thick > 1) { this.set(x + 1, y, c); this.set(x, y + 1, c); }
    }
  }

  /** A filled square dot of radius r. */
  dot(x: number, y: number, r: number, c: RGB): void { this.fill(x - r, y - r, 2 * r + 1, 2 * r + 1, c); }

  /** Text with its top-left corner at (x, y); `scale` multiplies the 5×7 glyphs. Returns the width drawn. */
  text(x: number, y: number, s: string, c: RGB, scale = 1): number {
    let cx = x;
    for (const ch of s) {
      const rows = glyph(ch);
      for (let r = 0; r < 7; r++) for (let b = 0; b < 5; b++) if (rows[r] & (16 >> b)) this.fill(cx + b * scale, y + r * scale, scale, scale, c);
      cx += 6 * scale;
    }
    return cx - x;
  }

  png(): Uint8Array { return encode({ width: this.width, height: this.height, data: this.data, channels: 3, depth: 8 }); }
}

/** Width in pixels of `s` drawn at `scale`. */
export function textWidth(s: string, scale = 1): number { return [...s].length * 6 * scale; }
