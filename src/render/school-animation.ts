/**
 * The school as an animated GIF, encoded frame by frame as frames arrive (memory: one frame; cost O(frames)).
 * Each frame: the 3-D view (school-view.ts: box drawn for periodic and reflecting runs, a periodic school unwrapped
 * about its circular-mean centre so it stays in one piece) and a caption with t, P and M in the outline font.
 * The title, parameters and depth colorbar are rasterised once; each later GIF frame encodes only the rectangle
 * of the view and caption, through one fixed palette (background blended towards each ink, 32 viridis depths).
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
import { CAP_HEIGHT } from "./font.js";

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
    this.gif.add(c, this.dyn);
    this.index++;
  }

  get frameCount(): number { return this.index; }
  get lastFrame(): Canvas { return this.canvas; }
  finish(): Uint8Array { return this.gif.finish(); }
}
