/**
 * The school as an animated GIF, encoded frame by frame as frames arrive (memory: one frame; cost O(frames)).
 * Each frame: the 3-D view (school-view.ts: box drawn for periodic and reflecting runs, a periodic school unwrapped
 * about its circular-mean centre so it stays in one piece) and a caption with t, P and M in the outline font.
 * The title, parameters and depth colorbar are rasterised once; each later GIF frame encodes only the rectangle
 * that this frame or the previous one drew on (caption, box, fish), through one fixed palette (background blended
 * towards each ink, 32 viridis depths): no per-frame quantisation.
 * The camera's azimuth eases from 35° to 215° over the run and the elevation swings 25° ± 8°, as the seed's.
 * Size: 6.4 × 6 in at `dpi` (default 100: 640 × 600 px).
 * @example const a = new SchoolAnimation({ boxSize: 25, frames: 200, delay: 33, title: "case1" }); a.frame(pos, vel, "t = 0"); a.finish();
 */
import { Canvas } from "./canvas.js";
import { Scene } from "./scene.js";
import { colormap } from "./colormap.js";
import { drawColorbar, drawTitle } from "./axes.js";
import { GifWriter, inkPalette } from "./animation.js";
import { schoolView, BOX_COLOUR, type Boundary, type SchoolView } from "./school-view.js";
import { depthScale } from "./school-figures.js";
import { CAP_HEIGHT, textWidth } from "./font.js";

export interface SchoolAnimationOptions {
  boxSize: number; frames: number; delay: number;
  title?: string; subtitle?: string; boundary?: Boundary;
  dpi?: number; width?: number; height?: number;
}

/** One palette for every school GIF: inks of the furniture and 32 viridis depths. */
let PALETTE: ReturnType<typeof inkPalette> | null = null;
function palette(): ReturnType<typeof inkPalette> {
  if (PALETTE) return PALETTE;
  const lut = colormap("viridis"), hex = (i: number) => "#" + [0, 1, 2].map((k) => lut[3 * i + k].toString(16).padStart(2, "0")).join("");
  return (PALETTE = inkPalette("#ffffff", ["#222222", "#555555", BOX_COLOUR, ...Array.from({ length: 32 }, (_, k) => hex(Math.round((k * 255) / 31)))], 7));
}

export class SchoolAnimation {
  private readonly base: Canvas;
  private readonly canvas: Canvas;
  private readonly gif: GifWriter;
  private readonly box: { x: number; y: number; w: number; h: number };
  private readonly dyn: { x: number; y: number; w: number; h: number };
  private readonly captionAt: [number, number];
  private readonly pt: number;
  private readonly lut = colormap("viridis");
  private readonly scratch: Float64Array[] = [];
  private index = 0;
  private prev: { x0: number; y0: number; x1: number; y1: number } | null = null;
  readonly width: number; readonly height: number;
  /** The last frame's view (projected box corners, fish bounding box) and pixels: for tests and previews. */
  lastView: SchoolView | null = null;

  constructor(private readonly o: SchoolAnimationOptions) {
    const dpi = o.dpi ?? 100, pt = (this.pt = dpi / 72);
    const W = (this.width = Math.round((o.width ?? 6.4) * dpi)), H = (this.height = Math.round((o.height ?? 6) * dpi));
    const s = new Scene(W, H);
    const th = o.title ? drawTitle(s, W / 2, 6 * pt, o.title, o.subtitle, pt) : 0;
    const capY = 6 * pt + th + 6 * pt;
    this.captionAt = [W / 2, capY + CAP_HEIGHT * 11 * pt];
    const cb = { x: W - 62 * pt, y: capY + 30 * pt, w: 10 * pt, h: H - capY - 60 * pt };
    const d = depthScale(o.boxSize, o.boundary ?? "periodic");
    drawColorbar(s, cb, this.lut, d.lo, d.hi, d.label, pt);
    this.box = { x: 6 * pt, y: capY + 16 * pt, w: cb.x - 18 * pt, h: H - capY - 20 * pt };
    this.dyn = { x: 0, y: capY - 3 * pt, w: cb.x - 4 * pt, h: H - capY + 3 * pt };
    this.base = new Canvas(W, H).drawScene(s);
    this.canvas = new Canvas(W, H);
    this.gif = new GifWriter(palette(), o.delay);
  }

  /** Adds one frame (positions/velocities interleaved, 3N); `caption` e.g. "t = 1.0   P = 0.98   M = 0.02". */
  frame(positions: ArrayLike<number>, velocities: ArrayLike<number>, caption: string): void {
    const f = this.o.frames > 1 ? this.index / (this.o.frames - 1) : 0, pt = this.pt, c = this.canvas;
    const cam = { azimuth: 35 + 180 * (0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, f))), elevation: 25 + 8 * Math.sin(Math.PI * Math.min(1, f)) };
    c.copyFrom(this.base);
    const scratch = (this.scratch[0] ??= new Float64Array(positions.length)).length === positions.length ? this.scratch[0] : (this.scratch[0] = new Float64Array(positions.length));
    const v = (this.lastView = schoolView(this.box, positions, velocities, this.o.boxSize, cam, this.o.boundary ?? "periodic", this.lut, { dot: 2.2 * pt, lw: 0.9 * pt, scratch }));
    for (const it of v.items) c.draw(it);
    c.text(caption, this.captionAt[0], this.captionAt[1], 11 * pt, "#222222", "middle");
    // encode only what this frame or the previous one drew: caption, box corners, fish (padded by a dot and a stroke)
    const k = v.corners, fs = 11 * pt, cw = textWidth(caption, fs) / 2 + 4 * pt, pad = 6 * pt;
    let x0 = Math.min(v.bbox[0], this.captionAt[0] - cw), x1 = Math.max(v.bbox[2], this.captionAt[0] + cw);
    let y0 = Math.min(v.bbox[1], this.captionAt[1] - fs - 2 * pt), y1 = Math.max(v.bbox[3], this.captionAt[1] + 0.4 * fs);
    for (let i = 0; i + 1 < k.length; i += 2) { x0 = Math.min(x0, k[i]); x1 = Math.max(x1, k[i]); y0 = Math.min(y0, k[i + 1]); y1 = Math.max(y1, k[i + 1]); }
    const cur = { x0: x0 - pad, y0: y0 - pad, x1: x1 + pad, y1: y1 + pad }, p = this.prev ?? cur;
    this.prev = cur;
    const u = { x0: Math.max(this.dyn.x, Math.min(cur.x0, p.x0)), y0: Math.max(this.dyn.y, Math.min(cur.y0, p.y0)), x1: Math.min(this.dyn.x + this.dyn.w, Math.max(cur.x1, p.x1)), y1: Math.min(this.dyn.y + this.dyn.h, Math.max(cur.y1, p.y1)) };
    this.gif.add(c, Number.isFinite(u.x0 + u.x1 + u.y0 + u.y1) ? { x: u.x0, y: u.y0, w: u.x1 - u.x0, h: u.y1 - u.y0 } : this.dyn);
    this.index++;
  }

  get frameCount(): number { return this.index; }
  get lastFrame(): Canvas { return this.canvas; }
  finish(): Uint8Array { return this.gif.finish(); }
}
