/**
 * The rasteriser: draws a Scene (scene.ts) into an RGB pixel buffer, anti-aliased, in plain TypeScript (no canvas,
 * no WASM, no font files), so PNGs and GIF frames come out the same on Node, Deno, browsers and Workers.
 * Filled outlines (glyphs, polygons, stroked polylines turned into one quad per segment) use signed-area
 * coverage accumulation (the font-rs method, R. Levien 2016): each edge adds its exact area contribution to an
 * accumulation buffer and a running sum per row gives the coverage, min(1, |Σ|) (non-zero fill). Cost is the
 * edges plus the rows × columns the path spans, so a frame costs O(drawn pixels) and nothing is allocated per
 * path. Images are pasted (they are resampled to their rectangle when the figure is built).
 */
import { encodePng } from "./png-encode.js";
import { textPolygons } from "./font.js";
import type { Scene, Item } from "./scene.js";

export function parseColour(c: string): [number, number, number] {
  if (!/^#[0-9a-f]{6}$/i.test(c)) throw new RangeError(`colour must be #rrggbb, got ${c}`);
  return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
}

export class Canvas {
  readonly data: Uint8Array;
  private readonly acc: Float32Array;
  private readonly rowMin: Int32Array;
  private readonly rowMax: Int32Array;
  private yMin = Infinity;
  private yMax = -Infinity;
  private readonly stride: number;

  constructor(readonly width: number, readonly height: number, background = "#ffffff") {
    if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) throw new RangeError(`canvas size must be positive integers, got ${width} × ${height}`);
    this.data = new Uint8Array(width * height * 3);
    this.stride = width + 3;
    this.acc = new Float32Array(this.stride * height);
    this.rowMin = new Int32Array(height).fill(0x7fffffff);
    this.rowMax = new Int32Array(height).fill(-1);
    const [r, g, b] = parseColour(background);
    if (r === g && g === b) this.data.fill(r);
    else for (let i = 0; i < this.data.length; i += 3) { this.data[i] = r; this.data[i + 1] = g; this.data[i + 2] = b; }
  }

  /** Copies the pixels of another canvas of the same size (a frame's static background). */
  copyFrom(o: Canvas): void { this.data.set(o.data); }

  /** Copies the pixels of rectangle r (rounded outwards, clipped) from a canvas of the same size. */
  copyRect(o: Canvas, r: { x: number; y: number; w: number; h: number }): void {
    const x0 = Math.max(0, Math.floor(r.x)), x1 = Math.min(this.width, Math.ceil(r.x + r.w)), y0 = Math.max(0, Math.floor(r.y)), y1 = Math.min(this.height, Math.ceil(r.y + r.h));
    if (x1 <= x0) return;
    for (let y = y0; y < y1; y++) { const a = (y * this.width + x0) * 3, b = (y * this.width + x1) * 3; this.data.set(o.data.subarray(a, b), a); }
  }

  /** Adds the edge (x0, y0) → (x1, y1) to the coverage accumulator. */
  private edge(x0: number, y0: number, x1: number, y1: number): void {
    if (y0 === y1 || !Number.isFinite(x0 + y0 + x1 + y1)) return;
    const w = this.width, h = this.height;
    const dir = y0 < y1 ? 1 : -1;
    if (dir < 0) { let t = x0; x0 = x1; x1 = t; t = y0; y0 = y1; y1 = t; }
    if (y1 <= 0 || y0 >= h) return;
    const clampX = (v: number) => (v < 0 ? 0 : v > w ? w : v);
    const dxdy = (x1 - x0) / (y1 - y0);
    let x = x0;
    if (y0 < 0) { x -= y0 * dxdy; y0 = 0; }
    const yEnd = Math.min(h, Math.ceil(y1));
    for (let y = Math.floor(y0); y < yEnd; y++) {
      const dy = Math.min(y + 1, y1) - Math.max(y, y0);
      const xnext = x + dxdy * dy, d = dy * dir;
      const xa = clampX(Math.min(x, xnext)), xb = clampX(Math.max(x, xnext));
      const base = y * this.stride, acc = this.acc;
      const x0f = Math.floor(xa), x0i = x0f | 0, x1c = Math.ceil(xb), x1i = x1c | 0;
      if (x0i < this.rowMin[y]) this.rowMin[y] = x0i;
      if (x1i + 1 > this.rowMax[y]) this.rowMax[y] = x1i + 1;
      if (y < this.yMin) this.yMin = y;
      if (y > this.yMax) this.yMax = y;
      if (x1i <= x0i + 1) {
        const xm = 0.5 * (xa + xb) - x0f;
        acc[base + x0i] += d - d * xm;
        acc[base + x0i + 1] += d * xm;
      } else {
        const s = 1 / (xb - xa), f0 = xa - x0f, a0 = 0.5 * s * (1 - f0) * (1 - f0), f1 = xb - x1c + 1, am = 0.5 * s * f1 * f1;
        acc[base + x0i] += d * a0;
        if (x1i === x0i + 2) acc[base + x0i + 1] += d * (1 - a0 - am);
        else {
          const a1 = s * (1.5 - f0);
          acc[base + x0i + 1] += d * (a1 - a0);
          for (let xi = x0i + 2; xi < x1i - 1; xi++) acc[base + xi] += d * s;
          const a2 = a1 + (x1i - x0i - 3) * s;
          acc[base + x1i - 1] += d * (1 - a2 - am);
        }
        acc[base + x1i] += d * am;
      }
      x = xnext;
    }
  }

  private polygon(p: ArrayLike<number>, n = p.length): void {
    for (let i = 0; i + 1 < n; i += 2) {
      const j = i + 2 < n - 1 ? i + 2 : 0;
      this.edge(p[i], p[i + 1], p[j], p[j + 1]);
    }
  }

  /** Blends the accumulated coverage with colour (r, g, b) at opacity `alpha` and clears the accumulator. */
  private composite(r: number, g: number, b: number, alpha = 1): void {
    const w = this.width, acc = this.acc, px = this.data;
    for (let y = Math.max(0, this.yMin); y <= this.yMax; y++) {
      const lo = this.rowMin[y], hi = Math.min(this.rowMax[y], w + 2), base = y * this.stride;
      let sum = 0;
      for (let x = lo; x <= hi; x++) {
        sum += acc[base + x]; acc[base + x] = 0;
        if (x >= w) continue;
        let c = sum < 0 ? -sum : sum;
        if (c < 0.002) continue;
        if (c > 1) c = 1;
        c *= alpha;
        const q = (y * w + x) * 3;
        px[q] += (r - px[q]) * c; px[q + 1] += (g - px[q + 1]) * c; px[q + 2] += (b - px[q + 2]) * c;
      }
      this.rowMin[y] = 0x7fffffff; this.rowMax[y] = -1;
    }
    this.yMin = Infinity; this.yMax = -Infinity;
  }

  /** A filled polygon (non-zero). */
  fillPolygon(p: ArrayLike<number>, colour: string, alpha = 1): void { this.polygon(p); this.composite(...parseColour(colour), alpha); }

  /** Adds one stroked segment as a quad (extended 0.2 × width past each end, which closes the joints without dark overlaps). */
  private segment(x0: number, y0: number, x1: number, y1: number, hw: number): void {
    let dx = x1 - x0, dy = y1 - y0;
    const len = Math.hypot(dx, dy);
    if (!(len > 0)) { dx = hw; dy = 0; } else { dx = (dx / len) * hw; dy = (dy / len) * hw; }
    const ax = x0 - 0.4 * dx, ay = y0 - 0.4 * dy, bx = x1 + 0.4 * dx, by = y1 + 0.4 * dy;
    this.edge(ax - dy, ay + dx, bx - dy, by + dx); this.edge(bx - dy, by + dx, bx + dy, by - dx);
    this.edge(bx + dy, by - dx, ax + dy, ay - dx); this.edge(ax + dy, ay - dx, ax - dy, ay + dx);
  }

  /** A polyline of width lw (dashes: on/off lengths in px). Non-finite points break the line. */
  strokePolyline(p: ArrayLike<number>, colour: string, lw = 1, dash?: number[], closed = false, alpha = 1): void {
    const hw = Math.max(lw, 0.7) / 2, n = p.length;
    let phase = 0, k = 0, on = true;
    const seg = (x0: number, y0: number, x1: number, y1: number) => {
      if (!dash) { this.segment(x0, y0, x1, y1, hw); return; }
      const len = Math.hypot(x1 - x0, y1 - y0);
      let s = 0;
      while (s < len) {
        const step = Math.min(len - s, dash[k] - phase);
        if (on) this.segment(x0 + ((x1 - x0) * s) / len, y0 + ((y1 - y0) * s) / len, x0 + ((x1 - x0) * (s + step)) / len, y0 + ((y1 - y0) * (s + step)) / len, hw);
        s += step; phase += step;
        if (phase >= dash[k] - 1e-9) { phase = 0; k = (k + 1) % dash.length; on = !on; }
      }
    };
    for (let i = 2; i + 1 < n; i += 2) seg(p[i - 2], p[i - 1], p[i], p[i + 1]);
    if (closed && n >= 4) seg(p[n - 2], p[n - 1], p[0], p[1]);
    this.composite(...parseColour(colour), alpha);
  }

  fillRect(x: number, y: number, w: number, h: number, colour: string): void { this.fillPolygon([x, y, x + w, y, x + w, y + h, x, y + h], colour); }

  /** Text in the embedded outline font (see font.ts for anchors and angle). */
  text(s: string, x: number, y: number, size: number, colour: string, anchor: "start" | "middle" | "end" = "start", baseline: "alphabetic" | "middle" | "top" = "alphabetic", angle = 0): void {
    for (const poly of textPolygons(s, x, y, size, anchor, baseline, angle)) this.polygon(poly);
    this.composite(...parseColour(colour));
  }

  /** Anti-aliased discs, one RGB colour each. */
  dots(xy: ArrayLike<number>, rgb: ArrayLike<number>, r: number): void {
    const w = this.width, h = this.height, px = this.data;
    for (let i = 0; 2 * i + 1 < xy.length; i++) {
      const cx = xy[2 * i], cy = xy[2 * i + 1];
      if (!Number.isFinite(cx + cy)) continue;
      const x0 = Math.max(0, Math.floor(cx - r - 1)), x1 = Math.min(w - 1, Math.ceil(cx + r + 1));
      const y0 = Math.max(0, Math.floor(cy - r - 1)), y1 = Math.min(h - 1, Math.ceil(cy + r + 1));
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
        const ddx = x + 0.5 - cx, ddy = y + 0.5 - cy;
        let c = r + 0.5 - Math.sqrt(ddx * ddx + ddy * ddy);
        if (c <= 0) continue;
        if (c > 1) c = 1;
        const q = (y * w + x) * 3;
        px[q] += (rgb[3 * i] - px[q]) * c; px[q + 1] += (rgb[3 * i + 1] - px[q + 1]) * c; px[q + 2] += (rgb[3 * i + 2] - px[q + 2]) * c;
      }
    }
  }

  /** An RGB image of iw × ih pixels into the rectangle (x, y, w, h), nearest-neighbour. */
  image(x: number, y: number, w: number, h: number, iw: number, ih: number, rgb: Uint8Array): void {
    const X0 = Math.max(0, Math.round(x)), X1 = Math.min(this.width, Math.round(x + w)), Y0 = Math.max(0, Math.round(y)), Y1 = Math.min(this.height, Math.round(y + h));
    if (X1 <= X0) return;
    const sx = new Int32Array(X1 - X0);
    for (let p = X0; p < X1; p++) sx[p - X0] = 3 * Math.min(iw - 1, Math.floor(((p + 0.5 - x) / w) * iw));
    for (let py = Y0; py < Y1; py++) {
      const row = 3 * iw * Math.min(ih - 1, Math.floor(((py + 0.5 - y) / h) * ih));
      for (let p = X0, q = (py * this.width + X0) * 3; p < X1; p++, q += 3) {
        const s = row + sx[p - X0];
        this.data[q] = rgb[s]; this.data[q + 1] = rgb[s + 1]; this.data[q + 2] = rgb[s + 2];
      }
    }
  }

  draw(it: Item): void {
    switch (it.kind) {
      case "rect":
        if (it.fill) this.fillRect(it.x, it.y, it.w, it.h, it.fill);
        if (it.stroke) this.strokePolyline([it.x, it.y, it.x + it.w, it.y, it.x + it.w, it.y + it.h, it.x, it.y + it.h], it.stroke, it.lw ?? 1, undefined, true);
        break;
      case "path":
        if (it.fill) this.fillPolygon(it.pts, it.fill, it.opacity ?? 1);
        if (it.stroke) this.strokePolyline(it.pts, it.stroke, it.lw ?? 1, it.dash, it.closed, it.opacity ?? 1);
        break;
      case "text": this.text(it.text, it.x, it.y, it.size, it.fill, it.anchor, it.baseline, it.angle); break;
      case "image": this.image(it.x, it.y, it.w, it.h, it.iw, it.ih, it.rgb); break;
      case "dots": this.dots(it.xy, it.rgb, it.r); break;
      case "segments":
        for (let i = 0; 4 * i + 3 < it.xy.length; i++) {
          this.segment(it.xy[4 * i], it.xy[4 * i + 1], it.xy[4 * i + 2], it.xy[4 * i + 3], it.lw / 2);
          this.composite(it.rgb[3 * i], it.rgb[3 * i + 1], it.rgb[3 * i + 2]);
        }
        break;
    }
  }

  drawScene(s: Scene, from = 0): this { for (let i = from; i < s.items.length; i++) this.draw(s.items[i]); return this; }

  png(): Uint8Array { return encodePng(this.width, this.height, this.data); }
}

/**
 * Rasterises a Scene to a PNG file's bytes (8-bit RGB, width × height pixels): anti-aliased, in plain TypeScript
 * with the embedded outline font, so the same Scene gives the same bytes on every runtime. Throws a RangeError
 * when the Scene's width or height is not a positive integer or a colour is not "#rrggbb".
 * @param s - the figure.
 * @returns the bytes of a .png file.
 * @example
 * const png = render.sceneToPng(render.heatmapFigure({ title: "field", values, rows, cols, x, y, colormap: "viridis", vmin: 0, vmax: 1, cbLabel: "u (1)" }));
 */
export function sceneToPng(s: Scene): Uint8Array {
  return new Canvas(s.width, s.height, s.background).drawScene(s).png();
}
