/**
 * The 2-D canvas drawer of the school view, used when WebGL2 is unavailable. It draws what the WebGL path draws,
 * through the same perspective camera (school-gl-camera.ts) and the same wedge (school-gl-shaders.ts: one
 * triangle, apex hwTail px behind the tail, base across the head hwHead px to each side and ahead), so the fish land
 * on the same pixels. Depth order without a depth buffer: fish are counting-sorted into 64 depth bins
 * (bin b holds s ∈ [b/64, (b+1)/64)) and drawn far bins first, one filled path per bin in the colour of the bin
 * centre; the box edges are drawn first, the predator last. Scratch arrays grow only when n grows.
 */
import { projectPoint } from "./school-gl-camera.js";

/**
 * Everything one fallback frame needs, positions relative to `origin` (see SchoolGLView).
 * @example
 * fallback.draw({ data, n, vp, eye, len: 1.2, depth0: 40, depthScale: 0.05, hwTail: 0.8, hwHead: 1.8, lut: viridisLut(),
 *   background: "#0b0d12", boxColour: "#6b7280", markColour: "#ff3b30", box: null, predator: null, markSize: 16, lineWidth: 1 });
 */
export interface Draw2DParams {
  /** 6n interleaved floats per fish: x, y, z (relative to the origin), vx, vy, vz. */
  data: Float32Array;
  /** Number of fish. */
  n: number;
  /** View-projection matrix for origin-relative points (school-gl-camera.ts viewProjection). */
  vp: Float64Array;
  /** Eye position relative to the origin. */
  eye: Float64Array;
  /** Stroke length (world units). */
  len: number;
  /** Depth colour map: s = (|p − E| − depth0) · depthScale. */
  depth0: number;
  /** See depth0. */
  depthScale: number;
  /** The wedge's apex distance behind the tail and its half-width at the head (device px). */
  hwTail: number;
  /** See hwTail. */
  hwHead: number;
  /** 256 × RGB viridis table. */
  lut: Uint8Array;
  /** Background and box colours, CSS strings. */
  background: string;
  /** See background. */
  boxColour: string;
  /** Predator marker colour. */
  markColour: string;
  /** 24 origin-relative vertices (72 numbers) of the 12 box edges, or null. */
  box: Float32Array | null;
  /** Predator position relative to the origin, or null. */
  predator: Float64Array | null;
  /** Marker diameter (device px). */
  markSize: number;
  /** Box line width (device px). */
  lineWidth: number;
}

const NB = 64;

/**
 * The fallback drawer: owns its scratch arrays, draws a frame into a 2-D context.
 * @example
 * const fallback = new Fallback2D(canvas.getContext("2d")!, viridisLut());
 * fallback.draw(params);
 */
export class Fallback2D {
  private order = new Uint32Array(0);
  private bin = new Uint8Array(0);
  private counts = new Uint32Array(NB + 1);
  private xy = new Float64Array(2);
  private colours: string[];

  /**
   * @param ctx - the 2-D context of the view's canvas.
   * @example
   * const fb = new Fallback2D(canvas.getContext("2d")!, viridisLut());
   */
  constructor(private ctx: CanvasRenderingContext2D, lut: Uint8Array) {
    this.colours = Array.from({ length: NB }, (_, b) => {
      const i = 3 * Math.round((1 - (b + 0.5) / NB) * 255);
      return `rgb(${lut[i]},${lut[i + 1]},${lut[i + 2]})`;
    });
  }

  /**
   * Draws one frame over the whole canvas.
   * @example
   * fb.draw(params);
   */
  draw(p: Draw2DParams): void {
    const ctx = this.ctx, W = ctx.canvas.width, H = ctx.canvas.height, m = p.vp, xy = this.xy;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = p.background;
    ctx.fillRect(0, 0, W, H);
    if (p.box) {
      ctx.strokeStyle = p.boxColour;
      ctx.lineWidth = p.lineWidth;
      ctx.beginPath();
      for (let k = 0; k < 24; k += 2) {
        const a = 3 * k, b = a + 3;
        const wa = projectPoint(m, p.box[a], p.box[a + 1], p.box[a + 2], W, H, xy);
        const ax = xy[0], ay = xy[1];
        const wb = projectPoint(m, p.box[b], p.box[b + 1], p.box[b + 2], W, H, xy);
        if (wa > 0 && wb > 0) { ctx.moveTo(ax, ay); ctx.lineTo(xy[0], xy[1]); }
      }
      ctx.stroke();
    }
    this.fish(p, W, H);
    if (p.predator) {
      const w = projectPoint(m, p.predator[0], p.predator[1], p.predator[2], W, H, xy);
      if (w > 0) {
        const r = p.markSize / 2;
        ctx.fillStyle = p.markColour;
        ctx.beginPath();
        ctx.arc(xy[0], xy[1], r, 0, 2 * Math.PI);
        ctx.arc(xy[0], xy[1], 0.68 * r, 0, 2 * Math.PI, true);
        ctx.moveTo(xy[0] + 0.3 * r, xy[1]);
        ctx.arc(xy[0], xy[1], 0.3 * r, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }

  private fish(p: Draw2DParams, W: number, H: number): void {
    const { data, n, vp: m, eye, len } = p, ctx = this.ctx, xy = this.xy;
    if (this.order.length < n) { this.order = new Uint32Array(n); this.bin = new Uint8Array(n); }
    const counts = this.counts.fill(0), bin = this.bin, order = this.order;
    for (let i = 0; i < n; i++) {
      const dx = data[6 * i] - eye[0], dy = data[6 * i + 1] - eye[1], dz = data[6 * i + 2] - eye[2];
      const s = (Math.sqrt(dx * dx + dy * dy + dz * dz) - p.depth0) * p.depthScale;
      const b = s > 0 ? Math.min(NB - 1, Math.floor(s * NB)) : 0;
      bin[i] = Number.isFinite(s) ? b : 0;
      counts[bin[i] + 1]++;
    }
    for (let b = 0; b < NB; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < n; i++) order[counts[bin[i]]++] = i;       // counts[b] now ends bin b
    let k = n;
    for (let b = NB - 1; b >= 0; b--) {                               // far bins first
      const start = b > 0 ? counts[b - 1] : 0;
      if (start === k) continue;
      ctx.fillStyle = this.colours[b];
      ctx.beginPath();
      for (let j = start; j < k; j++) {
        const i = order[j], o = 6 * i;
        const x = data[o], y = data[o + 1], z = data[o + 2], vx = data[o + 3], vy = data[o + 4], vz = data[o + 5];
        const vm = Math.sqrt(vx * vx + vy * vy + vz * vz), f = vm > 0 ? len / vm : 0;
        const wh = projectPoint(m, x, y, z, W, H, xy);
        if (!(wh > 0)) continue;
        const hx = xy[0], hy = xy[1];
        const wt = projectPoint(m, x - f * vx, y - f * vy, z - f * vz, W, H, xy);
        const tx = wt > 0 ? xy[0] : hx, ty = wt > 0 ? xy[1] : hy;
        let ax = hx - tx, ay = -(hy - ty);                           // along, in the y-up frame of the shader
        const dl = Math.hypot(ax, ay);
        if (dl > 1e-6) { ax /= dl; ay /= dl; } else { ax = 1; ay = 0; }
        const nx = -ay, ny = ax, ht = p.hwTail, hh = p.hwHead;
        // corners in y-up offsets, flipped to canvas y-down: (x + ox, y − oy)
        ctx.moveTo(tx - ax * ht, ty + ay * ht);
        ctx.lineTo(hx + (-nx + ax) * hh, hy - (-ny + ay) * hh);
        ctx.lineTo(hx + (nx + ax) * hh, hy - (ny + ay) * hh);
        ctx.closePath();
      }
      ctx.fill();
      k = start;
    }
  }
}
