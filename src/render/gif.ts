/**
 * Animated GIF of line plots, one frame per snapshot, encoded as frames arrive (gifenc: LZW, fixed palette),
 * so the cost is O(frames) and memory is one frame. Each frame plots curves y_k(x) on fixed axes.
 */
import { GIFEncoder } from "gifenc";

const PALETTE: number[][] = [[255, 255, 255], [40, 40, 40], [31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [200, 200, 200]];

export interface LineAnimationOptions {
  width?: number; height?: number;
  xmin: number; xmax: number; ymin: number; ymax: number;
  /** Frame delay in ms (1000/fps). */
  delay?: number;
}

/**
 * @example
 * const anim = new LineAnimation({ xmin: -25, xmax: 25, ymin: -2.2, ymax: 2.2, delay: 50 });
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
    this.px = new Uint8Array(this.w * this.h);
  }

  private line(x0: number, y0: number, x1: number, y1: number, c: number) {
    const dx = Math.abs(x1 - x0), dy = Math.abs(y1 - y0), n = Math.max(dx, dy, 1);
    for (let i = 0; i <= n; i++) {
      const x = Math.round(x0 + ((x1 - x0) * i) / n), y = Math.round(y0 + ((y1 - y0) * i) / n);
      for (let t = 0; t <= 1; t++) {
        const yy = y + t;
        if (x >= 0 && x < this.w && yy >= 0 && yy < this.h) this.px[yy * this.w + x] = c;
      }
    }
  }

  /** Adds one frame: curves[k][j] plotted against x[j], colours 2, 3, 4, … */
  frame(x: ArrayLike<number>, curves: ArrayLike<number>[]): void {
    const { w, h, o } = this, m = 20;
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

  get frameCount(): number { return this.frames; }

  finish(): Uint8Array {
    this.enc.finish();
    return this.enc.bytes();
  }
}
