/**
 * Estimators on samples / series:
 *   differentialEntropy  h = −∫ f ln f from a `bins`-bin density histogram: −Σ_b f_b ln f_b Δ (correct), or,
 *                        with `legacy: true`, the NLSE supplement's −Σ f ln f Δ + ln Δ (a bug: it adds ln Δ).
 *   spectralRichness     on P̃ = |FFT ψ|²/Σ: modes with P/max P > fraction (default 0.01), mean frequency
 *                        f̄ = Σ f P̃ and bandwidth √(Σ (f − f̄)² P̃), f = numpy fftfreq(N) in cycles per sample.
 *   permutationEntropy   Bandt & Pompe (2002): ordinal patterns of `order` values `delay` apart, ranked as a
 *                        stable argsort (ties keep index order, as numpy's argsort does for short windows),
 *                        −Σ p ln p normalised by ln(order!) unless `normalize: false`.
 */
import { describe, toF64, checkNoNaN, checkOptions, checkBool } from "../validate.js";
import { histogram } from "./distributions.js";
import * as W from "./wmath.js";


/**
 * Differential entropy (nats) from a density histogram with `bins` bins (default 50) over [min, max].
 *
 * @example
 * analysis.differentialEntropy(samples);                   // ≈ ½ ln(2πeσ²) for Gaussian samples
 * analysis.differentialEntropy(amp, { legacy: true });      // the NLSE supplement's value (+ ln Δ)
 */
export function differentialEntropy(values: ArrayLike<number>, o: { bins?: number; legacy?: boolean } = {}): number {
  const where = "analysis.differentialEntropy(values)";
  o = checkOptions(where, o, ["bins", "legacy"]);
  const legacy = checkBool(where, "legacy", o.legacy, false);
  const v = toF64(where, values, 2, "values");
  checkNoNaN(where, "values", v, true);
  const bins = o.bins ?? 50;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`${where}: bins must be a positive integer, got ${describe(o.bins)}`);
  const h = histogram(v, { bins, density: true });
  const d = h.edges[1] - h.edges[0];
  let s = 0;
  for (let b = 0; b < h.values.length; b++) { const f = h.values[b]; if (f > 0) s -= f * W.log(f); }
  return legacy ? s * d + W.log(d) : s * d;
}

/** What `analysis.spectralRichness` returns. */
export interface SpectralRichness {
  /** Number of bins with P/max P > fraction. */
  modesAbove: number;
  /** √(Σ (f − f̄)² P̃), cycles per sample. */
  bandwidth: number;
  /** Σ f P̃, cycles per sample. */
  meanFrequency: number;
}

/**
 * numpy.fft.fftfreq(n, d): [0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋, …, −1]/(n·d); n an integer ≥ 1, d the sample spacing.
 *
 * @example
 * analysis.fftfreq(4, 0.5);   // Float64Array [0, 0.5, -1, -0.5] (numpy.fft.fftfreq)
 */
export function fftfreq(n: number, d = 1): Float64Array {
  const where = "analysis.fftfreq(n, d)";
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 2 ** 31) throw new RangeError(`${where}: n must be an integer ≥ 1 (the number of samples), got ${describe(n)}`);
  if (typeof d !== "number" || !Number.isFinite(d) || d === 0) throw new RangeError(`${where}: d must be a finite non-zero number (the sample spacing), got ${describe(d)}`);
  const f = new Float64Array(n);
  const half = Math.floor((n - 1) / 2) + 1;
  for (let i = 0; i < half; i++) f[i] = i / (n * d);
  for (let i = half; i < n; i++) f[i] = (i - n) / (n * d);
  return f;
}

/**
 * Spectral richness of a spectral distribution P (e.g. `spectralDistribution(ψ)`), numpy bin order.
 *
 * @example
 * analysis.spectralRichness(analysis.spectralDistribution(psi)).modesAbove;
 */
export function spectralRichness(P: ArrayLike<number>, o: { fraction?: number } = {}): SpectralRichness {
  const where = "analysis.spectralRichness(P)";
  o = checkOptions(where, o, ["fraction"]);
  const p = toF64(where, P, 1, "P");
  checkNoNaN(where, "P", p, true, "P must be a finite power spectrum, e.g. spectralDistribution(psi)");
  const frac = o.fraction ?? 0.01;
  if (typeof frac !== "number" || !(frac >= 0 && frac < 1)) throw new RangeError(`${where}: fraction must be a number in [0, 1), got ${describe(o.fraction)}`);
  let max = 0, sum = 0;
  for (let i = 0; i < p.length; i++) { max = Math.max(max, p[i]); sum += p[i]; }
  if (!(sum > 0)) throw new RangeError(`${where}: P has no positive power (sum ${sum}); pass a power spectrum such as spectralDistribution(psi)`);
  const f = fftfreq(p.length);
  let modes = 0, mean = 0;
  for (let i = 0; i < p.length; i++) { if (p[i] / max > frac) modes++; mean += f[i] * (p[i] / sum); }
  let v = 0;
  for (let i = 0; i < p.length; i++) v += (f[i] - mean) ** 2 * (p[i] / sum);
  return { modesAbove: modes, bandwidth: Math.sqrt(v), meanFrequency: mean };
}

/**
 * Permutation entropy (Bandt–Pompe) of order `order` (default 3) and `delay` (default 1).
 *
 * @example
 * analysis.permutationEntropy([1, 2, 3, 4, 5]);            // 0: one pattern only
 */
export function permutationEntropy(x: ArrayLike<number>, o: { order?: number; delay?: number; normalize?: boolean } = {}): number {
  const where = "analysis.permutationEntropy(x)";
  o = checkOptions(where, o, ["order", "delay", "normalize"]);
  const normalize = checkBool(where, "normalize", o.normalize, true);
  const order = o.order ?? 3, delay = o.delay ?? 1;
  if (!Number.isInteger(order) || order < 2 || order > 10) throw new RangeError(`${where}: order must be an integer 2…10, got ${describe(o.order)}`);
  if (!Number.isInteger(delay) || delay < 1) throw new RangeError(`${where}: delay must be a positive integer, got ${describe(o.delay)}`);
  const a = toF64(where, x, (order - 1) * delay + 1);
  // NaN compares false, so it would silently take a rank; ±Infinity are ordered and allowed
  checkNoNaN(where, "x", a);
  const nWin = a.length - (order - 1) * delay;
  const counts = new Map<number, number>();
  const idx = new Int32Array(order);
  for (let s = 0; s < nWin; s++) {
    for (let k = 0; k < order; k++) idx[k] = k;
    // stable insertion sort of window indices by value
    for (let i = 1; i < order; i++) {
      const cur = idx[i], v = a[s + cur * delay];
      let j = i - 1;
      while (j >= 0 && a[s + idx[j] * delay] > v) { idx[j + 1] = idx[j]; j--; }
      idx[j + 1] = cur;
    }
    let code = 0;
    for (let k = 0; k < order; k++) code = code * order + idx[k];
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let h = 0;
  for (const c of counts.values()) { const p = c / nWin; h -= p * W.log(p); }
  if (!normalize) return h;
  let fact = 1;
  for (let k = 2; k <= order; k++) fact *= k;
  return h / W.log(fact);
}
