/**
 * Gaussian kernel density estimate in 1-D (scipy.stats.gaussian_kde):
 *   f(x) = (1/(n h √(2π))) Σ_i exp(−(x − x_i)²/(2h²)),  h = factor · s, s² = sample variance (ddof 1),
 *   factor = n^(−1/5) (Scott) or (3n/4)^(−1/5) (Silverman), or a number.
 * Direct evaluation costs O(n·m). For n·m > 4·10⁷ the data are linearly binned onto a 2¹⁴-point grid
 * covering the data ± 5h and the evaluation points, convolved with the kernel by FFT, and interpolated
 * (relative error ~1e-5 of the peak; `method: "direct"` forces the exact sum).
 */
import { describe, toF64, checkNoNaN, checkOptions } from "../validate.js";
import { moments } from "./statistics.js";
import { fft as fftNs } from "../api-fft.js";
import { kernel } from "../wasm/load.js";
import { memoryBuffer } from "../wasm/memory.js";
import * as W from "./wmath.js";

/** What `analysis.gaussianKde` returns: a Gaussian kernel density estimate (scipy.stats.gaussian_kde). */
export interface Kde {
  /** Bandwidth factor (multiplies the sample standard deviation). */
  factor: number;
  /** Kernel standard deviation h. */
  bandwidth: number;
  /** Density at each point. */
  evaluate(points: ArrayLike<number>, o?: { method?: "auto" | "direct" | "binned" }): Float64Array;
}

/**
 * @example
 * const k = analysis.gaussianKde(samples, { bandwidth: "scott" });
 * k.evaluate([0, 0.5, 1]);
 */
export function gaussianKde(data: ArrayLike<number>, o: { bandwidth?: "scott" | "silverman" | number } = {}): Kde {
  const where = "analysis.gaussianKde(data)";
  o = checkOptions(where, o, ["bandwidth"]);
  if (data === null || typeof data !== "object" || typeof data.length !== "number" || data.length < 2) {
    throw new TypeError(`${where}: data must be an array of at least 2 numbers, got ${describe(data)}`);
  }
  const x = Float64Array.from(toF64(where, data, 2, "data"));
  checkNoNaN(where, "data", x, true);
  const n = x.length;
  const bw = o.bandwidth ?? "scott";
  let factor: number;
  if (bw === "scott") factor = W.pow(n, -1 / 5);
  else if (bw === "silverman") factor = W.pow((n * 3) / 4, -1 / 5);
  else if (typeof bw === "number" && bw > 0) factor = bw;
  else throw new RangeError(`${where}: bandwidth must be "scott", "silverman" or a positive number, got ${describe(o.bandwidth)}`);
  const s = Math.sqrt(moments(x).sampleVariance);
  if (!(s > 0)) throw new RangeError(`${where}: data have zero variance; a Gaussian KDE is undefined`);
  const h = factor * s;
  const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));   // sqrt is correctly rounded everywhere

  const direct = (p: Float64Array) => {
    const k = kernel();
    const ptr = k.alloc(8 * (n + 2 * p.length));
    try {
      const mem = new Float64Array(memoryBuffer(), ptr, n + 2 * p.length);
      mem.set(x); mem.set(p, n);
      k.kdeDirect(ptr, n, ptr + 8 * n, p.length, h, ptr + 8 * (n + p.length));
      const out = new Float64Array(memoryBuffer(), ptr + 8 * (n + p.length), p.length).slice();
      for (let j = 0; j < out.length; j++) out[j] *= norm;
      return out;
    } finally {
      k.free(ptr);
    }
  };

  const binned = (p: Float64Array) => {
    const G = 1 << 14;
    let lo = Infinity, hi = -Infinity;
    for (const v of x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    for (const v of p) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    lo -= 5 * h; hi += 5 * h;
    const dx = (hi - lo) / (G - 1);
    const M = 2 * G;                               // zero padding: linear, not circular, convolution
    const grid = new Float64Array(2 * M);
    for (const v of x) {
      const t = (v - lo) / dx, j = Math.min(G - 2, Math.floor(t)), w = t - j;
      grid[2 * j] += 1 - w; grid[2 * (j + 1)] += w;
    }
    const ker = new Float64Array(2 * M);
    for (let j = 0; j < M; j++) { const d = (j <= M / 2 ? j : j - M) * dx / h; ker[2 * j] = W.exp(-0.5 * d * d); }
    const A = fftNs.fft(grid), B = fftNs.fft(ker);
    for (let j = 0; j < M; j++) {
      const ar = A[2 * j], ai = A[2 * j + 1], br = B[2 * j], bi = B[2 * j + 1];
      A[2 * j] = ar * br - ai * bi; A[2 * j + 1] = ar * bi + ai * br;
    }
    const conv = fftNs.ifft(A);
    const out = new Float64Array(p.length);
    for (let k = 0; k < p.length; k++) {
      const t = (p[k] - lo) / dx, j = Math.min(G - 2, Math.max(0, Math.floor(t))), w = t - j;
      out[k] = ((1 - w) * conv[2 * j] + w * conv[2 * (j + 1)]) * norm;
    }
    return out;
  };

  return {
    factor, bandwidth: h,
    evaluate(points, eo = {}) {
      const ew = "analysis.gaussianKde(data).evaluate(points)";
      eo = checkOptions(ew, eo, ["method"]);
      const p = Float64Array.from(toF64(ew, points, 0, "points"));
      checkNoNaN(ew, "points", p);
      const method = eo.method ?? "auto";
      if (method !== "auto" && method !== "direct" && method !== "binned") throw new RangeError(`${ew}: method must be "auto", "direct" or "binned", got ${describe(eo.method)}`);
      if (method === "direct" || (method === "auto" && n * p.length <= 4e7)) return direct(p);
      return binned(p);
    },
  };
}
