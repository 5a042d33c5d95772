/**
 * The school as an animated GIF, encoded frame by frame as frames arrive (memory: one frame; cost O(frames)).
 * Each frame: the 3-D view (school-view.ts: box drawn for periodic and reflecting runs, a periodic school unwrapped
 * about its circular-mean centre so it stays in one piece) and a caption with t, P and M in the outline font.
 * The title, parameters and depth colorbar are rasterised once; each later GIF frame encodes only the rectangle
 * that this frame or the previous one drew on (caption, box, fish), through one fixed palette (background blended
 * towards each ink, 32 viridis depths): no per-frame quantisation.
 * The camera's azimuth eases from 35° to 215° over the run and the elevation swings 25° ± 8°, as the seed's.
 * Size: 6.4 × 6 in at `dpi` (default 100: 640 × 600 px).
 */
import { Canvas } from "./canvas.js";
import { Scene } from "./scene.js";
import { colormap } from "./colormap.js";
import { drawColorbar, drawTitle } from "./axes.js";
import { GifWriter, inkPalette } from "./animation.js";
import { schoolView, BOX_COLOUR, type Boundary, type SchoolView } from "./school-view.js";
import { depthScale } from "./school-figures.js";
import { CAP_HEIGHT, textWidth } from "./font.js";

/** Options of {@link SchoolAnimation}: the box, the planned frame count, the delay, the title block and the size. */
export interface SchoolAnimationOptions {
  /** Side L of the cubic box [0, L]³ (model length units): the drawn box and the depth colour scale (0 … L; open space: −L/2 … L/2 about the mean depth). Finite, > 0. */
  boxSize: number;
  /**
   * The number of frames you will add: the camera's sweep (azimuth 35° → 215°, elevation 25° ± 8°) is spread over
   * them. Finite, ≥ 0; adding more frames than this holds the camera at the end of the sweep.
   */
  frames: number;
  /** Frame delay in ms (1000/fps), finite, ≥ 0; GIF stores hundredths of a second, so it is rounded to 10 ms. */
  delay: number;
  /** Title at the top in 12 pt text; none by default (the caption moves up). */
  title?: string;
  /** A second, smaller grey line under the title (e.g. the parameters); drawn only with a title. */
  subtitle?: string;
  /**
   * How the run treats the box: "periodic" (default; box drawn, a school crossing a face is unwrapped about its
   * centre so it stays in one piece), "reflect" (box drawn, positions as stored) or "open" (no box; the view follows
   * the school's mean).
   */
  boundary?: Boundary;
  /** Pixels per inch, > 0; default 100. Sets the pixel size and the text size (1 pt = dpi / 72 px). */
  dpi?: number;
  /** Frame width in inches, > 0; default 6.4 (640 px at dpi 100). */
  width?: number;
  /** Frame height in inches, > 0; default 6 (600 px at dpi 100). */
  height?: number;
}

/** One palette for every school GIF: inks of the furniture and 32 viridis depths. */
let PALETTE: ReturnType<typeof inkPalette> | null = null;
function palette(): ReturnType<typeof inkPalette> {
  if (PALETTE) return PALETTE;
  const lut = colormap("viridis"), hex = (i: number) => "#" + [0, 1, 2].map((k) => lut[3 * i + k].toString(16).padStart(2, "0")).join("");
  return (PALETTE = inkPalette("#ffffff", ["#222222", "#555555", BOX_COLOUR, ...Array.from({ length: 32 }, (_, k) => hex(Math.round((k * 255) / 31)))], 7));
}

/**
 * The fish school as an animated GIF, one frame per call to frame(), encoded as frames arrive (memory: one frame;
 * cost O(frames)): a 3-D view of the box and the fish (dots coloured by depth through viridis, with a heading stroke),
 * a caption line, the title block and a depth colorbar. The camera turns over the planned `frames`. Throws a
 * RangeError when boxSize is not a finite number > 0, frames or delay is not a finite number ≥ 0, or dpi, width or
 * height is not a finite number > 0.
 * @param o - box size, planned frames, delay, titles, boundary and size ({@link SchoolAnimationOptions}).
 * @example
 * const a = new render.SchoolAnimation({ boxSize: 25, frames: 200, delay: 33, title: "case1" });
 * a.frame(positions, velocities, "t = 0.0     P = 0.912     M = 0.104");   // per saved state: x, y, z interleaved
 * const gif = a.finish();                                                 // Uint8Array of a .gif file
 */
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
  /** Frame width in pixels: round(width in inches × dpi), 640 by default. */
  readonly width: number;
  /** Frame height in pixels: round(height in inches × dpi), 600 by default. */
  readonly height: number;
  /** The last frame's view (projected box corners, fish bounding box) and pixels: for tests and previews. */
  lastView: SchoolView | null = null;

  constructor(private readonly o: SchoolAnimationOptions) {
    if (!(Number.isFinite(o.boxSize) && o.boxSize > 0)) throw new RangeError(`SchoolAnimation: boxSize must be a finite number > 0 (the box side L, model length units), got ${o.boxSize}`);
    for (const k of ["frames", "delay"] as const) {
      if (!(Number.isFinite(o[k]) && o[k] >= 0)) throw new RangeError(`SchoolAnimation: ${k} must be a finite number ≥ 0${k === "delay" ? " (milliseconds, 1000 / fps)" : " (the number of frames you will add)"}, got ${o[k]}`);
    }
    for (const k of ["dpi", "width", "height"] as const) {
      const v = o[k];
      if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new RangeError(`SchoolAnimation: ${k} must be a finite number > 0 (${k === "dpi" ? "pixels per inch" : "inches"}), got ${v}; omit it for the default`);
    }
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

  /**
   * Adds one frame. Positions in model length units (wrapped into [0, L) for periodic runs or not), velocities in
   * any units (only their direction is drawn), both x, y, z interleaved (3N values for N fish). A fish with a
   * non-finite position is not drawn. Throws a RangeError when the lengths differ or are not a multiple of 3.
   * @param positions - x0, y0, z0, x1, … (3N values).
   * @param velocities - vx0, vy0, vz0, vx1, … (3N values).
   * @param caption - the line above the view, e.g. "t = 1.0   P = 0.98   M = 0.02" (plain text).
   */
  frame(positions: ArrayLike<number>, velocities: ArrayLike<number>, caption: string): void {
    if (positions.length !== velocities.length || positions.length % 3 !== 0) throw new RangeError(`SchoolAnimation.frame: positions (${positions.length} values) and velocities (${velocities.length}) must have the same length, 3 per fish (x, y, z interleaved)`);
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

  /** Number of frames added so far (calls to frame()). */
  get frameCount(): number { return this.index; }
  /**
   * The canvas of the frame added last (width × height RGB pixels, `data`: 3 bytes a pixel, rows top to bottom), for
   * tests and previews; it is reused and overwritten by the next frame(). Before any frame it is blank white.
   */
  get lastFrame(): Canvas { return this.canvas; }
  /**
   * Ends the GIF and returns the bytes of the .gif file (GIF89a, looping forever). Call it once, after the last
   * frame. With no frames added the result is only the GIF trailer byte, not a valid GIF: add at least one frame.
   */
  finish(): Uint8Array { return this.gif.finish(); }
}
