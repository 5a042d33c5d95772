/**
 * Animated GIFs rasterised from Scenes, encoded frame by frame as frames arrive (gifenc: LZW), so the cost is
 * O(frames) and memory is one frame. Colours: a fixed palette made of the background blended with each ink the
 * figure uses (`levels` steps each, so anti-aliased edges keep their shades) and a 32768-entry RGB555 → palette
 * lookup table, built once: indexing a frame is one table lookup a pixel.
 * After the first frame only the rectangle that changes is encoded (GifWriter.add(canvas, rect)): a GIF frame may
 * cover part of the logical screen, the rest stays as the earlier frames left it.
 * LineAnimation: curves y_k(x) on fixed axes with a legend and the time stamp in each frame; the axes, labels and
 * title are rasterised once and copied under every frame, the legend and the stamp's box once and copied over the
 * curves; each frame encodes the panel only. Curves are drawn with about one point per pixel column.
 */
import { GIFEncoder } from "gifenc";
import { Canvas, parseColour } from "./canvas.js";
import { Scene } from "./scene.js";
import { drawAxes, drawLegend, drawTitle, formatValue, TAB10, type AxisSpec, type Axes, type LegendEntry, type Rect } from "./axes.js";
import { panelRect, type FigureBase } from "./figures.js";
import { CAP_HEIGHT, textWidth } from "./font.js";

/** Palette (≤ 256 colours) of `background` blended towards each ink in `levels` steps, and its lookup table (built once per set of inks). */
const palettes = new Map<string, { palette: number[][]; lut: Uint8Array }>();
export function inkPalette(background: string, inks: string[], levels = 16): { palette: number[][]; lut: Uint8Array } {
  const key = [background, levels, ...inks].join(" ");
  let p = palettes.get(key);
  if (!p) { p = buildPalette(background, inks, levels); palettes.set(key, p); }
  return p;
}
function buildPalette(background: string, inks: string[], levels: number): { palette: number[][]; lut: Uint8Array } {
  const bg = parseColour(background), palette: number[][] = [bg];
  const uniq = [...new Set(inks)];
  const lv = Math.max(2, Math.min(levels, Math.floor(255 / Math.max(1, uniq.length))));
  for (const ink of uniq) {
    const c = parseColour(ink);
    for (let k = 1; k <= lv; k++) { const a = k / lv; palette.push([0, 1, 2].map((i) => Math.round(bg[i] + (c[i] - bg[i]) * a))); }
  }
  const lut = new Uint8Array(32768);
  for (let q = 0; q < 32768; q++) {
    const r = ((q >> 10) << 3) + 4, g = (((q >> 5) & 31) << 3) + 4, b = ((q & 31) << 3) + 4;
    let best = 0, bd = Infinity;
    for (let i = 0; i < palette.length; i++) {
      const p = palette[i], d = 3 * (p[0] - r) ** 2 + 4 * (p[1] - g) ** 2 + 2 * (p[2] - b) ** 2;
      if (d < bd) { bd = d; best = i; }
    }
    lut[q] = best;
  }
  return { palette, lut };
}

/**
 * A GIF under construction: add RGB canvases of one size, get the file's bytes. After the first frame, add(c, rect)
 * encodes only the rectangle that changes (a GIF frame may cover part of the screen; the rest stays as drawn), so
 * static axes, titles and colorbars cost nothing per frame. Colours go through the fixed palette's lookup table:
 * no per-frame quantisation.
 */
export class GifWriter {
  private readonly enc = GIFEncoder();
  private index: Uint8Array | null = null;
  private n = 0;
  constructor(private readonly pal: { palette: number[][]; lut: Uint8Array }, private readonly delay: number) {}
  add(c: Canvas, rect?: { x: number; y: number; w: number; h: number }): void {
    let x0 = 0, y0 = 0, x1 = c.width, y1 = c.height;
    if (rect && this.n > 0) {
      x0 = Math.max(0, Math.floor(rect.x)); y0 = Math.max(0, Math.floor(rect.y));
      x1 = Math.min(c.width, Math.ceil(rect.x + rect.w)); y1 = Math.min(c.height, Math.ceil(rect.y + rect.h));
      if (x1 <= x0 || y1 <= y0) { x0 = y0 = 0; x1 = y1 = 1; }
    }
    const w = x1 - x0, h = y1 - y0, px = c.data, lut = this.pal.lut;
    const idx = (this.index ??= new Uint8Array(c.width * c.height)).subarray(0, w * h);
    for (let y = y0, i = 0; y < y1; y++) for (let p = (y * c.width + x0) * 3, e = p + 3 * w; p < e; p += 3, i++) idx[i] = lut[((px[p] >> 3) << 10) | ((px[p + 1] >> 3) << 5) | (px[p + 2] >> 3)];
    const at = this.enc.bytesView().length;
    this.enc.writeFrame(idx, w, h, { palette: this.n === 0 ? this.pal.palette : undefined, delay: this.delay, repeat: 0 });
    if (x0 || y0) {
      // gifenc writes left = top = 0: set the image descriptor's position (after the 8-byte graphic control extension)
      const b = this.enc.bytesView();
      if (b[at] !== 0x21 || b[at + 8] !== 0x2c) throw new Error("GifWriter: unexpected gifenc frame layout");
      b[at + 9] = x0 & 255; b[at + 10] = x0 >> 8; b[at + 11] = y0 & 255; b[at + 12] = y0 >> 8;
    }
    this.n++;
  }
  get frameCount(): number { return this.n; }
  finish(): Uint8Array { this.enc.finish(); return this.enc.bytes(); }
}

export interface LineAnimationOptions extends FigureBase {
  x: AxisSpec; y: AxisSpec;
  /** One legend label per curve (colours: matplotlib's tab10 unless given). */
  labels: string[]; colours?: string[];
  /** Frame delay in ms (1000/fps). */
  delay?: number;
  /** Text before the time value in the stamp (default "t = "). */
  stampPrefix?: string;
}

/**
 * @example
 * const anim = new LineAnimation({ title: "single soliton", x: { lo: -25, hi: 25, label: "x" }, y: { lo: -2.2, hi: 2.2, label: "ψ" }, labels: ["|ψ|", "Re ψ", "Im ψ"], delay: 50 });
 * anim.frame(x, [absPsi, rePsi, imPsi], t);   // per snapshot
 * const bytes = anim.finish();                 // Uint8Array of a .gif file
 */
export class LineAnimation {
  private readonly base: Canvas;
  /** base + legend + stamp box: their rectangles are copied over the curves in each frame. */
  private readonly over: Canvas;
  private readonly boxes: Rect[] = [];
  private readonly canvas: Canvas;
  private readonly ax: Axes;
  private readonly gif: GifWriter;
  private readonly colours: string[];
  private readonly pt: number;
  readonly width: number; readonly height: number;
  /** The Scene of the static part (axes, title): its SVG is the figure without curves. */
  readonly scene: Scene;

  constructor(private readonly o: LineAnimationOptions) {
    const dpi = o.dpi ?? 100, pt = (this.pt = dpi / 72);
    const W = (this.width = Math.round((o.width ?? 6.4) * dpi)), H = (this.height = Math.round((o.height ?? 3.6) * dpi));
    const s = (this.scene = new Scene(W, H));
    const th = drawTitle(s, W / 2, 8 * pt, o.title, o.subtitle, pt);
    const r = panelRect(W, H, pt, th);
    this.ax = drawAxes(s, r, o.x, o.y, pt, { grid: true });
    if (o.y.lo < 0 && o.y.hi > 0) s.line([r.x, this.ax.Y(0), r.x + r.w, this.ax.Y(0)], "#bbbbbb", 0.8 * pt);
    this.colours = o.labels.map((_, k) => o.colours?.[k] ?? TAB10[k % TAB10.length]);
    this.base = new Canvas(W, H).drawScene(s);
    const ov = new Scene(W, H), fs = 10 * pt;
    const lg = drawLegend(ov, this.ax.r, o.labels.map((label, k): LegendEntry => ({ label, colour: this.colours[k] })), pt);
    if (lg) this.boxes.push(lg);
    const stampBox = { x: r.x + 5 * pt, y: r.y + 5 * pt, w: textWidth(`${o.stampPrefix ?? "t = "}0.00000`, fs) + 8 * pt, h: 1.6 * fs };
    ov.rect(stampBox.x, stampBox.y, stampBox.w, stampBox.h, "#ffffff", "#bbbbbb", 0.6 * pt);
    this.boxes.push({ x: stampBox.x - pt, y: stampBox.y - pt, w: stampBox.w + 2 * pt, h: stampBox.h + 2 * pt });
    this.over = new Canvas(W, H); this.over.copyFrom(this.base); this.over.drawScene(ov);
    this.canvas = new Canvas(W, H);
    this.gif = new GifWriter(inkPalette("#ffffff", ["#222222", "#e6e6e6", "#bbbbbb", ...this.colours], 16), o.delay ?? 50);
  }

  /** Adds one frame: curves[k][j] against x[j], a legend and the stamp "t = …". */
  frame(x: ArrayLike<number>, curves: ArrayLike<number>[], t: number): void {
    const c = this.canvas, { r, X, Y, y } = this.ax, pt = this.pt;
    c.copyFrom(this.base);
    const stepN = Math.max(1, Math.floor(x.length / r.w));   // about one point a pixel column
    curves.forEach((cv, k) => {
      const pts: number[] = [];
      for (let j = 0; j < x.length; j += stepN) pts.push(X(x[j]), Y(Math.max(y.lo, Math.min(y.hi, cv[j]))));
      c.strokePolyline(pts, this.colours[k], 1.5 * pt);
    });
    for (const b of this.boxes) c.copyRect(this.over, b);
    const fs = 10 * pt, stamp = `${this.o.stampPrefix ?? "t = "}${formatValue(Number(t.toFixed(4)))}`;
    c.text(stamp, r.x + 9 * pt, r.y + 5 * pt + 0.8 * fs + (CAP_HEIGHT * fs) / 2, fs, "#222222");
    this.gif.add(c, { x: r.x - 3 * pt, y: r.y - 3 * pt, w: r.w + 6 * pt, h: r.h + 6 * pt });
  }

  get frameCount(): number { return this.gif.frameCount; }
  /** The last frame drawn (RGB, before palette indexing): for tests and previews. */
  get lastFrame(): Canvas { return this.canvas; }
  finish(): Uint8Array { return this.gif.finish(); }
}
