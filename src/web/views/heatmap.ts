/**
 * Scrolling space-time heatmap: one row per frame (x across, time downwards, the newest frame at the bottom), the
 * last `capacity` rows kept in a ring (the whole run when it has at most 600 frames, so it fills the panel once). Values map linearly through a 256-entry RGB table (render.colormap, sent by
 * the worker): |ψ| on [0, vmax] (viridis), φ on [−vmax, vmax] (rdbu); vmax is the largest |value| seen since the
 * last clear, so the whole picture is recoloured when it grows. Axes (x, t) with ticks are drawn on the same 2-D
 * canvas around the image.
 */
import { niceTicks, formatTick } from "./ticks.js";

const M = { left: 52, right: 12, top: 22, bottom: 34 };

/** The space-time view of a field run. */
export class SpaceTimeHeatmap {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private cols = 1;
  private rows: Float32Array = new Float32Array(0);
  private times: Float64Array = new Float64Array(0);
  private head = 0;
  private count = 0;
  private vmax = 0;
  private lut: Uint8Array = new Uint8Array(768);
  private signed = false;
  private xMin = 0;
  private xMax = 1;
  private image: ImageData | null = null;
  private scratch: HTMLCanvasElement;
  private label = "";
  private colouredV = NaN;
  private readonly pending = new Set<number>();

  /**
   * @example
   * const h = new SpaceTimeHeatmap(); h.configure({ cols: 256, xMin: -25, xMax: 25, lut, signed: false, label: "|ψ|", frames: 100, frameDt: 0.2 });
   */
  private capacity = 300;
  private frameDt = 1;

  constructor() {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "heatmap";
    this.ctx = this.canvas.getContext("2d")!;
    this.scratch = document.createElement("canvas");
  }

  /** Starts over for a new run: columns, x range, colour table and whether values are signed. */
  configure(o: { cols: number; xMin: number; xMax: number; lut: Uint8Array; signed: boolean; label: string; frames: number | null; frameDt: number }): void {
    this.cols = Math.max(1, o.cols);
    this.capacity = o.frames !== null && o.frames <= 600 ? Math.max(2, o.frames) : 300;
    this.frameDt = o.frameDt;
    this.rows = new Float32Array(this.cols * this.capacity);
    this.times = new Float64Array(this.capacity);
    this.head = this.count = 0;
    this.vmax = 0;
    this.lut = o.lut;
    this.signed = o.signed;
    this.xMin = o.xMin; this.xMax = o.xMax;
    this.label = o.label;
    this.scratch.width = this.cols; this.scratch.height = this.capacity;
    this.image = new ImageData(this.cols, this.capacity);
    this.image.data.fill(255);
    this.colouredV = NaN;
    this.pending.clear();
  }

  /** Appends rows (row-major, `cols` values each) with their times. */
  push(rows: Float32Array, times: Float64Array): void {
    const c = this.cols, n = Math.min(times.length, rows.length / c);
    for (let r = 0; r < n; r++) {
      const src = rows.subarray(r * c, (r + 1) * c);
      for (let i = 0; i < c; i++) { const a = Math.abs(src[i]); if (a > this.vmax && Number.isFinite(a)) this.vmax = a; }
      this.rows.set(src, this.head * c);
      this.pending.add(this.head);
      this.times[this.head] = times[r];
      this.head = (this.head + 1) % this.capacity;
      this.count = Math.min(this.count + 1, this.capacity);
    }
  }

  /** Sets the drawing size in CSS pixels. */
  resize(width: number, height: number, dpr = globalThis.devicePixelRatio || 1): void {
    this.canvas.style.width = `${width}px`; this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr); this.canvas.height = Math.round(height * dpr);
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  /** Draws image and axes. */
  draw(): void {
    const ctx = this.ctx, dpr = this.canvas.width / (parseFloat(this.canvas.style.width) || this.canvas.width);
    const W = this.canvas.width / dpr, H = this.canvas.height / dpr;
    const pw = W - M.left - M.right, ph = H - M.top - M.bottom;
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
    if (!this.image || pw <= 0 || ph <= 0) return;
    const c = this.cols, cap = this.capacity, first = (this.head - this.count + cap) % cap;
    // the image holds the ring in slot order: a new row colours one slot; a new vmax recolours them all
    if (this.vmax !== this.colouredV) { this.colouredV = this.vmax; this.image.data.fill(255); this.pending.clear(); for (let r = 0; r < this.count; r++) this.pending.add((first + r) % cap); }
    for (const slot of this.pending) this.colour(slot);
    if (this.pending.size) this.scratch.getContext("2d")!.putImageData(this.image, 0, 0);
    this.pending.clear();
    ctx.imageSmoothingEnabled = false;
    const rowH = ph / cap, older = this.count === cap ? cap - first : this.count;   // slots first … cap−1, then 0 … first−1
    if (older > 0) ctx.drawImage(this.scratch, 0, first, c, older, M.left, M.top, pw, older * rowH);
    if (this.count === cap && first > 0) ctx.drawImage(this.scratch, 0, 0, c, first, M.left, M.top + older * rowH, pw, first * rowH);
    this.axes(pw, ph, first);
  }

  /** Colours ring slot `slot` into the image. */
  private colour(slot: number): void {
    const img = this.image!.data, c = this.cols, lut = this.lut, v = this.vmax || 1, src = slot * c, dst = 4 * slot * c;
    for (let i = 0; i < c; i++) {
      const val = this.rows[src + i];
      const u = this.signed ? 0.5 + (0.5 * val) / v : val / v;
      const k = 3 * Math.max(0, Math.min(255, Math.round(255 * u)));
      const o = dst + 4 * i;
      if (Number.isFinite(val)) { img[o] = lut[k]; img[o + 1] = lut[k + 1]; img[o + 2] = lut[k + 2]; } else { img[o] = 255; img[o + 1] = 0; img[o + 2] = 255; }
      img[o + 3] = 255;
    }
  }

  private axes(pw: number, ph: number, first: number): void {
    const ctx = this.ctx, cap = this.capacity;
    ctx.strokeStyle = "#333"; ctx.fillStyle = "#222"; ctx.lineWidth = 1;
    ctx.font = "11px system-ui, sans-serif";
    ctx.strokeRect(M.left + 0.5, M.top + 0.5, pw, ph);
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    for (const x of niceTicks(this.xMin, this.xMax, Math.max(2, Math.floor(pw / 70)))) {
      const px = M.left + ((x - this.xMin) / (this.xMax - this.xMin)) * pw;
      ctx.beginPath(); ctx.moveTo(px, M.top + ph); ctx.lineTo(px, M.top + ph + 4); ctx.stroke();
      ctx.fillText(formatTick(x), px, M.top + ph + 6);
    }
    ctx.fillText("x", M.left + pw / 2, M.top + ph + 20);
    if (this.count > 0) {
      const t0 = this.times[first], t1 = t0 + (cap - 1) * this.frameDt;   // rows are frameDt apart
      const rowH = ph / cap;
      ctx.textAlign = "right"; ctx.textBaseline = "middle";
      if (t1 > t0) {
        for (const t of niceTicks(t0, t1, Math.max(2, Math.floor(ph / 40)))) {
          const py = M.top + ((t - t0) / this.frameDt + 0.5) * rowH;
          ctx.beginPath(); ctx.moveTo(M.left - 4, py); ctx.lineTo(M.left, py); ctx.stroke();
          ctx.fillText(formatTick(t), M.left - 6, py);
        }
      }
    }
    ctx.save(); ctx.translate(12, M.top + ph / 2); ctx.rotate(-Math.PI / 2); ctx.textAlign = "center"; ctx.textBaseline = "middle";
    ctx.fillText("t", 0, 0); ctx.restore();
    ctx.textAlign = "left"; ctx.textBaseline = "alphabetic";
    ctx.fillText(`${this.label} (colour: ${this.signed ? "−" : "0 … "}${formatTick(this.vmax)}${this.signed ? ` … ${formatTick(this.vmax)}` : ""})`, M.left, M.top - 7);
  }
}
