/**
 * Animated GIF of line plots, one frame per snapshot, encoded as frames arrive (gifenc: LZW, fixed palette),
 * so the cost is O(frames) and memory is one frame. Each frame plots curves y_k(x) on fixed axes.
 */
import { GIFEncoder } from "gifenc";

const PALETTE: number[][] = [[255, 255, 255], [40, 40, 40], [31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [200, 200, 200]];

/**
 * Options of {@link LineAnimation}: the frame size in pixels, the fixed axis ranges in data units and the frame delay.
 * The plot area is the frame minus a 20 px margin on every side.
 */
export interface LineAnimationOptions {
  /** Frame width in pixels, a positive integer; default 640. */
  width?: number;
  /** Frame height in pixels, a positive integer; default 360. */
  height?: number;
  /** x at the left edge of the plot area (data units, the units of the `x` passed to frame()); finite, below xmax. */
  xmin: number;
  /** x at the right edge of the plot area (data units); finite, above xmin. Points outside [xmin, xmax] are clipped at the frame's edge. */
  xmax: number;
  /** y at the bottom of the plot area (data units); finite, below ymax. A grey y = 0 line is drawn when ymin < 0 < ymax. */
  ymin: number;
  /** y at the top of the plot area (data units); finite, above ymin. */
  ymax: number;
  /** Frame delay in ms (1000/fps); default 50 (20 frames per second). GIF stores hundredths of a second, so it is rounded to 10 ms. */
  delay?: number;
}

/**
 * An animated GIF of line plots on fixed axes (no labels or legend: the CLI's labelled animations are drawn
 * elsewhere), encoded frame by frame as frames arrive: memory is one width × height frame, cost O(frames). Each
 * frame draws the axes' left and bottom edges, a grey y = 0 line when the y range contains 0, and each curve as a
 * 2 px aliased polyline in blue, orange, green, red (repeating). The GIF loops forever.
 * Throws a RangeError when width or height is not a positive integer, when a range bound is not finite or
 * xmax ≤ xmin / ymax ≤ ymin, or when delay is negative or not finite.
 * @param o - frame size, axis ranges and delay ({@link LineAnimationOptions}).
 * @example
 * const anim = new render.LineAnimation({ xmin: -25, xmax: 25, ymin: -2.2, ymax: 2.2, delay: 50 });
 * anim.frame(x, [absPsi, rePsi, imPsi]);   // per snapshot
 * const bytes = anim.finish();              // Uint8Array of a .gif file
 */
export class LineAnimation {
  private enc = GIFEncoder();
  private readonly w: number;
  private readonly h: number;
  private readonly px: Uint8Array;
  private frames = 0;
  constructor(private readonly o: LineAnimationOptions) {
    this.w = o.width ?? 640; this.h = o.height ?? 360;
    for (const [k, v] of [["width", this.w], ["height", this.h]] as const) {
      if (!(Number.isInteger(v) && v > 0)) throw new RangeError(`LineAnimation: ${k} must be a positive integer (pixels), got ${v}`);
    }
    for (const [a, b] of [["xmin", "xmax"], ["ymin", "ymax"]] as const) {
      if (!Number.isFinite(o[a]) || !Number.isFinite(o[b]) || !(o[b] > o[a])) throw new RangeError(`LineAnimation: ${a} (${o[a]}) and ${b} (${o[b]}) must be finite with ${a} < ${b}; give the axis range in data units, e.g. ${a}: -1, ${b}: 1`);
    }
    if (o.delay !== undefined && !(Number.isFinite(o.delay) && o.delay >= 0)) throw new RangeError(`LineAnimation: delay must be a finite number of milliseconds ≥ 0, got ${o.delay}; e.g. 1000 / fps`);
    this.px = new Uint8Array(this.w * this.h);
  }

  private line(x0: number, y0: number, x1: number, y1: number, c: number) {
    if (!Number.isFinite(x0 + y0 + x1 + y1)) return;     // a non-finite point breaks the curve (and must not loop forever)
    const dx = Math.abs(x1 - x0), dy = Math.abs(y1 - y0), n = Math.max(dx, dy, 1);
    for (let i = 0; i <= n; i++) {
      const x = Math.round(x0 + ((x1 - x0) * i) / n), y = Math.round(y0 + ((y1 - y0) * i) / n);
      for (let t = 0; t <= 1; t++) {
        const yy = y + t;
        if (x >= 0 && x < this.w && yy >= 0 && yy < this.h) this.px[yy * this.w + x] = c;
      }
    }
  }

  /**
   * Adds one frame: curve k is the polyline through (x[j], curves[k][j]), data units, in colour k mod 4 (blue,
   * orange, green, red). A non-finite value (NaN, ±Infinity) breaks its curve: the two segments touching it are not
   * drawn. Throws a RangeError when a curve's length differs from x's.
   * @param x - the abscissae, shared by every curve (data units).
   * @param curves - the ordinates, one array per curve, each as long as x.
   */
  frame(x: ArrayLike<number>, curves: ArrayLike<number>[]): void {
    const { w, h, o } = this, m = 20;
    curves.forEach((cv, k) => {
      if (cv.length !== x.length) throw new RangeError(`LineAnimation.frame: curves[${k}] has ${cv.length} values but x has ${x.length}; give every curve one value per x`);
    });
    this.px.fill(0);
    const X = (v: number) => m + ((v - o.xmin) / (o.xmax - o.xmin)) * (w - 2 * m);
    const Y = (v: number) => h - m - ((v - o.ymin) / (o.ymax - o.ymin)) * (h - 2 * m);
    if (o.ymin < 0 && o.ymax > 0) this.line(m, Y(0), w - m, Y(0), 6);
    this.line(m, h - m, w - m, h - m, 1); this.line(m, m, m, h - m, 1);
    curves.forEach((cv, k) => {
      for (let j = 1; j < x.length; j++) this.line(X(x[j - 1]), Y(cv[j - 1]), X(x[j]), Y(cv[j]), 2 + (k % 4));
    });
    this.enc.writeFrame(this.px, w, h, { palette: PALETTE, delay: o.delay ?? 50, repeat: 0 });
    this.frames++;
  }

  /** Number of frames added so far (calls to frame()). */
  get frameCount(): number { return this.frames; }

  /**
   * Ends the GIF and returns the bytes of the .gif file (GIF89a, looping). Call it once, after the last frame;
   * adding frames afterwards is not supported. Throws an Error when no frame was added (there would be no GIF).
   */
  finish(): Uint8Array {
    if (this.frames === 0) throw new Error("LineAnimation.finish: no frames were added; call frame(x, curves) at least once before finish()");
    this.enc.finish();
    return this.enc.bytes();
  }
}
