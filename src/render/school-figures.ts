/**
 * The fish-school figures: a 6-panel summary PNG (P and M over t with second-half means, the final state in
 * 3-D, OSI over t, three entropies over t, spread over t, the seven final entropies as bars — the seed's
 * layout, "deep-ocean" dark theme) and a streamed GIF of the school (one frame per call, O(frames) cost).
 */
import { GIFEncoder } from "gifenc";
import { Raster, textWidth, type RGB } from "./raster.js";
import { colormap } from "./colormap.js";
import { drawSchool, type Camera } from "./school-view.js";

const BG: RGB = [8, 20, 38], PANEL: RGB = [14, 32, 56], AXIS: RGB = [120, 150, 180], TEXT: RGB = [225, 235, 245];
const COLOURS: RGB[] = [[0, 200, 255], [255, 140, 60], [120, 230, 120], [240, 90, 120], [200, 160, 255], [255, 220, 80], [150, 220, 220]];

function depthColour(lut: Uint8Array, c: number): RGB { const k = Math.round(c * 255) * 3; return [lut[k], lut[k + 1], lut[k + 2]]; }

function fmt(v: number): string { const a = Math.abs(v); return a >= 1e5 || (a < 0.01 && v !== 0) ? v.toExponential(1) : a >= 100 ? v.toFixed(0) : v.toFixed(2); }

interface Series { y: ArrayLike<number>; colour: RGB; label: string; mean?: number }

function linePanel(r: Raster, x: number, y: number, w: number, h: number, title: string, t: ArrayLike<number>, series: Series[], yRange?: [number, number]): void {
  r.fill(x, y, w, h, PANEL);
  r.text(x + 8, y + 6, title, TEXT, 2);
  const px = x + 50, py = y + 30, pw = w - 70, ph = h - 60;
  let lo = Infinity, hi = -Infinity;
  if (yRange) [lo, hi] = yRange;
  else for (const s of series) for (let i = 0; i < s.y.length; i++) { const v = s.y[i]; if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }
  if (!(hi > lo)) { hi = (Number.isFinite(lo) ? lo : 0) + 1; lo = hi - 2; }
  const t0 = t[0], t1 = t[t.length - 1] > t0 ? t[t.length - 1] : t0 + 1;
  const X = (v: number) => px + ((v - t0) / (t1 - t0)) * pw, Y = (v: number) => py + ph - ((v - lo) / (hi - lo)) * ph;
  r.line(px, py + ph, px + pw, py + ph, AXIS); r.line(px, py, px, py + ph, AXIS);
  r.text(px - textWidth(fmt(hi)) - 4, py, fmt(hi), AXIS); r.text(px - textWidth(fmt(lo)) - 4, py + ph - 7, fmt(lo), AXIS);
  r.text(px, py + ph + 6, fmt(t0), AXIS); r.text(px + pw - textWidth(`t = ${fmt(t1)}`), py + ph + 6, `t = ${fmt(t1)}`, AXIS);
  let lx = px + 8;
  series.forEach((s) => {
    const step = Math.max(1, Math.floor(s.y.length / (2 * pw)));
    for (let i = step; i < s.y.length; i += step) r.line(X(t[i - step]), Y(s.y[i - step]), X(t[i]), Y(s.y[i]), s.colour);
    if (s.mean !== undefined && Number.isFinite(s.mean)) for (let q = 0; q < pw; q += 8) r.line(px + q, Y(s.mean), px + Math.min(q + 4, pw), Y(s.mean), s.colour);
    r.fill(lx, py + 4, 10, 3, s.colour);
    lx += 14 + r.text(lx + 14, py, s.label, TEXT) + 10;
  });
}

export interface SummaryFigureInput {
  title: string;
  t: ArrayLike<number>;
  series: Record<string, ArrayLike<number>>;
  mean: Record<string, number>;
  final: Record<string, number>;
  positions: ArrayLike<number>; velocities: ArrayLike<number>; boxSize: number;
  metrics: boolean;
  /** Figure scale: 1 → 1200 × 720 px (the seed's 20 × 12 in at dpi 60); dpi/60 otherwise. */
  scale?: number;
}

/** The summary PNG (Uint8Array of a .png file). */
export function summaryPng(f: SummaryFigureInput): Uint8Array {
  const W = Math.round(1200 * (f.scale ?? 1)), H = Math.round((f.metrics ? 720 : 420) * (f.scale ?? 1));
  const r = new Raster(W, H, BG);
  r.text(12, 8, f.title, TEXT, 2);
  const cols = 3, rows = f.metrics ? 2 : 1, gw = (W - 16) / (f.metrics ? cols : 2), gh = (H - 40) / rows;
  const cell = (i: number) => ({ x: 8 + (i % (f.metrics ? cols : 2)) * gw, y: 32 + Math.floor(i / (f.metrics ? cols : 2)) * gh, w: gw - 8, h: gh - 8 });
  const c0 = cell(0);
  linePanel(r, c0.x, c0.y, c0.w, c0.h, "ORDER PARAMETERS", f.t, [
    { y: f.series.polarization, colour: COLOURS[0], label: "P", mean: f.mean.polarization },
    { y: f.series.rotation, colour: COLOURS[1], label: "M", mean: f.mean.rotation }], [0, 1]);
  const c1 = cell(1), lut = colormap("viridis");
  r.fill(c1.x, c1.y, c1.w, c1.h, PANEL);
  r.text(c1.x + 8, c1.y + 6, "FINAL STATE (COLOUR: DEPTH)", TEXT, 2);
  drawSchool({ x: c1.x + 10, y: c1.y + 30, w: c1.w - 20, h: c1.h - 40 }, f.positions, f.velocities, f.boxSize, { azimuth: 35, elevation: 25 }, {
    edge: (a, b, c, d) => r.line(a, b, c, d, AXIS),
    line: (a, b, c, d, z) => r.line(a, b, c, d, depthColour(lut, z)),
    dot: (a, b, z) => r.dot(a, b, 1, depthColour(lut, z)),
  });
  if (!f.metrics) { r.text(12, H - 14, "metrics not computed", AXIS); return r.png(); }
  const c2 = cell(2);
  linePanel(r, c2.x, c2.y, c2.w, c2.h, "OCEANIC SCHOOLING INDEX", f.t, [{ y: f.series.oceanicSchoolingIndex, colour: COLOURS[2], label: "OSI", mean: f.mean.oceanicSchoolingIndex }], [0, 1]);
  const c3 = cell(3);
  linePanel(r, c3.x, c3.y, c3.w, c3.h, "ENTROPIES", f.t, [
    { y: f.series.polarizationEntropy, colour: COLOURS[0], label: "H POL" },
    { y: f.series.schoolCohesionEntropy, colour: COLOURS[1], label: "H COH" },
    { y: f.series.angularMomentumEntropy, colour: COLOURS[3], label: "H ANG" }], [0, 1]);
  const c4 = cell(4);
  linePanel(r, c4.x, c4.y, c4.w, c4.h, "SPREAD (RMS)", f.t, [{ y: f.series.spread, colour: COLOURS[4], label: "SPREAD" }]);
  const c5 = cell(5);
  r.fill(c5.x, c5.y, c5.w, c5.h, PANEL);
  r.text(c5.x + 8, c5.y + 6, "FINAL ENTROPIES", TEXT, 2);
  const keys: [string, string][] = [["schoolCohesionEntropy", "COH"], ["polarizationEntropy", "POL"], ["depthStratificationEntropy", "DEP"], ["angularMomentumEntropy", "ANG"], ["nearestNeighborEntropy", "NN"], ["velocityCorrelationEntropy", "VEL"], ["schoolShapeEntropy", "SHP"]];
  const bx = c5.x + 40, by = c5.y + 34, bw = c5.w - 60, bh = c5.h - 64, slot = bw / keys.length;
  r.line(bx, by + bh, bx + bw, by + bh, AXIS); r.line(bx, by, bx, by + bh, AXIS);
  r.text(bx - 28, by, "1.0", AXIS); r.text(bx - 28, by + bh - 7, "0.0", AXIS);
  keys.forEach(([k, label], i) => {
    const v = Math.max(0, Math.min(1, f.final[k] ?? 0)), hgt = v * bh;
    r.fill(bx + i * slot + slot * 0.15, by + bh - hgt, slot * 0.7, hgt, COLOURS[i]);
    r.text(bx + i * slot + slot / 2 - textWidth(label) / 2, by + bh + 5, label, TEXT);
    r.text(bx + i * slot + slot / 2 - textWidth(v.toFixed(2)) / 2, by + bh - hgt - 10, v.toFixed(2), TEXT);
  });
  return r.png();
}

/** Palette: 0 background, 1 cube edges, 2 text, 3… 34 depth colours (viridis). */
function gifPalette(): number[][] {
  const lut = colormap("viridis"), p: number[][] = [[...BG], [...AXIS], [...TEXT]];
  for (let k = 0; k < 32; k++) { const i = Math.round((k / 31) * 255) * 3; p.push([lut[i], lut[i + 1], lut[i + 2]]); }
  return p;
}

/**
 * The school as an animated GIF, encoded frame by frame (memory: one frame). The camera's azimuth eases from
 * 35° to 215° over the run and the elevation swings 25° ± 8°, as the seed's animation.
 * @example const a = new SchoolAnimation({ boxSize: 25, frames: 200, delay: 33 }); a.frame(pos, vel, "t = 0"); a.finish();
 */
export class SchoolAnimation {
  private readonly enc = GIFEncoder();
  private readonly px: Uint8Array;
  private readonly palette = gifPalette();
  private index = 0;
  readonly width: number; readonly height: number;
  constructor(private readonly o: { boxSize: number; frames: number; delay: number; width?: number; height?: number; title?: string }) {
    this.width = o.width ?? 640; this.height = o.height ?? 520;
    this.px = new Uint8Array(this.width * this.height);
  }

  private set(x: number, y: number, c: number): void {
    x = Math.round(x); y = Math.round(y);
    if (x >= 0 && y >= 0 && x < this.width && y < this.height) this.px[y * this.width + x] = c;
  }
  private line(x0: number, y0: number, x1: number, y1: number, c: number): void {
    const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let i = 0; i <= n; i++) this.set(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n, c);
  }
  private text(x: number, y: number, s: string): void {
    const r = new Raster(textWidth(s), 7, [0, 0, 0]);
    r.text(0, 0, s, [255, 255, 255]);
    for (let yy = 0; yy < 7; yy++) for (let xx = 0; xx < r.width; xx++) if (r.data[(yy * r.width + xx) * 3]) this.set(x + xx, y + yy, 2);
  }

  /** Adds one frame (positions/velocities interleaved, 3N). */
  frame(positions: ArrayLike<number>, velocities: ArrayLike<number>, caption: string): void {
    const s = this.o.frames > 1 ? this.index / (this.o.frames - 1) : 0;
    const cam: Camera = { azimuth: 35 + 180 * (0.5 - 0.5 * Math.cos(Math.PI * s)), elevation: 25 + 8 * Math.sin(Math.PI * s) };
    this.px.fill(0);
    const dc = (z: number) => 3 + Math.round(z * 31);
    drawSchool({ x: 10, y: 24, w: this.width - 20, h: this.height - 34 }, positions, velocities, this.o.boxSize, cam, {
      edge: (a, b, c, d) => this.line(a, b, c, d, 1),
      line: (a, b, c, d, z) => this.line(a, b, c, d, dc(z)),
      dot: (a, b, z) => { for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) this.set(a + dx, b + dy, dc(z)); },
    });
    if (this.o.title) this.text(8, 4, this.o.title);
    this.text(8, 14, caption);
    this.enc.writeFrame(this.px, this.width, this.height, { palette: this.palette, delay: this.o.delay, repeat: 0 });
    this.index++;
  }

  get frameCount(): number { return this.index; }

  finish(): Uint8Array { this.enc.finish(); return this.enc.bytes(); }
}
