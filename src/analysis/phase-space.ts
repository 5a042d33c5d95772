/**
 * Phase-space views of a field.
 *   phaseSpaceStats(ψ)  the (Re ψ, Im ψ) cloud over x at one time (NLSE supplement §4.4): Pearson and Spearman
 *     of (Re, Im); normalised mutual information from a 2-D histogram over the 1–99 % quantile box with
 *     10/20/30/50 bins for < 100/< 1000/< 10⁴/more points, MI/ln(bins); phase θ = atan2(Im, Re): mean, std,
 *     circular mean atan2(⟨sin θ⟩, ⟨cos θ⟩), circular std √(−2 ln R̄); amplitude mean/std/median/max; RMS radius;
 *     centroid; eccentricity √(1 − λ_min/λ_max) of the 2×2 covariance; skewness of Re and Im and excess
 *     kurtosis of |ψ| (biased, scipy defaults).
 *   pointSeries(frames, x, t, x0)  (φ(x0, t), φ_t(x0, t)) with φ linearly interpolated to the true x0 (the KG
 *     supplement used grid index nx/2, which is not x = 0) and φ_t by numpy.gradient on the real times
 *     (`legacy: true`: index nx/2 and uniform spacing t1 − t0, as the supplement).
 *   delayEmbedding(x, dim, tau)  rows (x_i, x_{i+τ}, …, x_{i+(dim−1)τ}).
 */
import { describe, checkOptions, checkBool } from "../validate.js";
import { asField } from "./distributions.js";
import { moments, pearson, spearman, quantile, robustSummary, gradient } from "./statistics.js";
import * as W from "./wmath.js";

/** What `analysis.phaseSpaceStats` returns: statistics of the points (Re ψ_j, Im ψ_j). Angles in radians. */
export interface PhaseSpaceStats {
  /** Pearson correlation of Re ψ and Im ψ (−1…1). */
  pearson: number;
  /** Spearman rank correlation of Re ψ and Im ψ. */
  spearman: number;
  /** Mutual information of Re ψ and Im ψ from a 2-D histogram over their 1–99 % quantile ranges, divided by ln(bins) (0…1). */
  normalizedMutualInformation: number;
  /** Arithmetic mean of arg ψ_j ∈ (−π, π]. */
  phaseMean: number;
  /** Population standard deviation of arg ψ_j. */
  phaseStd: number;
  /** Circular mean atan2(mean sin θ, mean cos θ). */
  circularMean: number;
  /** Circular standard deviation √(−2 ln R̄). */
  circularStd: number;
  /** Mean of |ψ_j|. */
  amplitudeMean: number;
  /** Population standard deviation of |ψ_j|. */
  amplitudeStd: number;
  /** Median of |ψ_j|. */
  amplitudeMedian: number;
  /** max_j |ψ_j|. */
  amplitudeMax: number;
  /** √(mean |ψ_j|²). */
  rmsRadius: number;
  /** [mean Re ψ, mean Im ψ]. */
  centroid: [number, number];
  /** √(1 − λ_min/λ_max) of the sample covariance of the cloud (0 round … 1 a line). */
  eccentricity: number;
  /** Biased skewness g1 of Re ψ. */
  skewnessRe: number;
  /** Biased skewness g1 of Im ψ. */
  skewnessIm: number;
  /** Biased excess kurtosis g2 of |ψ_j|. */
  kurtosisAmplitude: number;
}

function nmi(re: Float64Array, im: Float64Array): number {
  const n = re.length;
  const bins = n < 100 ? 10 : n < 1000 ? 20 : n < 10000 ? 30 : 50;
  const [a0, a1, b0, b1] = [quantile(re, 0.01), quantile(re, 0.99), quantile(im, 0.01), quantile(im, 0.99)];
  if (!(a1 > a0) || !(b1 > b0)) return 0;
  const h = new Float64Array(bins * bins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (re[i] < a0 || re[i] > a1 || im[i] < b0 || im[i] > b1) continue;
    const u = Math.min(bins - 1, Math.floor(((re[i] - a0) / (a1 - a0)) * bins));
    const v = Math.min(bins - 1, Math.floor(((im[i] - b0) / (b1 - b0)) * bins));
    h[u * bins + v]++; total++;
  }
  const px = new Float64Array(bins), py = new Float64Array(bins);
  for (let u = 0; u < bins; u++) for (let v = 0; v < bins; v++) { const p = h[u * bins + v] / total; px[u] += p; py[v] += p; }
  let mi = 0;
  for (let u = 0; u < bins; u++) for (let v = 0; v < bins; v++) {
    const p = h[u * bins + v] / total;
    if (p > 0) mi += p * W.log(p / (px[u] * py[v]));
  }
  return mi / W.log(bins);
}

/**
 * Statistics of the (Re ψ, Im ψ) cloud of an interleaved complex field.
 *
 * @example
 * analysis.phaseSpaceStats(psi).eccentricity;
 */
export function phaseSpaceStats(psi: ArrayLike<number>): PhaseSpaceStats {
  const f = asField("analysis.phaseSpaceStats(psi)", psi, true);
  const n = f.length / 2;
  if (n < 3) throw new RangeError(`analysis.phaseSpaceStats(psi): needs at least 3 points, got ${n}`);
  const re = new Float64Array(n), im = new Float64Array(n), amp = new Float64Array(n), th = new Float64Array(n);
  let s = 0, c = 0, r2 = 0;
  for (let j = 0; j < n; j++) {
    re[j] = f[2 * j]; im[j] = f[2 * j + 1];
    amp[j] = Math.sqrt(re[j] * re[j] + im[j] * im[j]);
    th[j] = W.atan2(im[j], re[j]);
    s += W.sin(th[j]); c += W.cos(th[j]); r2 += amp[j] * amp[j];
  }
  const mr = moments(re), mi = moments(im), ma = moments(amp), mt = moments(th);
  let cov = 0;
  for (let j = 0; j < n; j++) cov += (re[j] - mr.mean) * (im[j] - mi.mean);
  cov /= n - 1;
  const sxx = mr.sampleVariance, syy = mi.sampleVariance;
  const tr = sxx + syy, det = sxx * syy - cov * cov, disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const lmax = tr / 2 + disc, lmin = tr / 2 - disc;
  const Rbar = Math.sqrt((s / n) ** 2 + (c / n) ** 2);
  return {
    pearson: pearson(re, im), spearman: spearman(re, im), normalizedMutualInformation: nmi(re, im),
    phaseMean: mt.mean, phaseStd: Math.sqrt(mt.variance), circularMean: W.atan2(s / n, c / n), circularStd: Math.sqrt(-2 * W.log(Rbar)),
    amplitudeMean: ma.mean, amplitudeStd: Math.sqrt(ma.variance), amplitudeMedian: robustSummary(amp).median, amplitudeMax: ma.max,
    rmsRadius: Math.sqrt(r2 / n), centroid: [mr.mean, mi.mean], eccentricity: lmax > 0 ? Math.sqrt(1 - lmin / lmax) : 0,
    skewnessRe: mr.skewness, skewnessIm: mi.skewness, kurtosisAmplitude: ma.kurtosis,
  };
}

/**
 * Series (φ(x0, t_i), φ_t(x0, t_i)) from real frames φ_i(x).
 *
 * @example
 * const { phi, phiT } = analysis.pointSeries(frames, x, t, { x0: 0 });
 */
export function pointSeries(frames: ArrayLike<number>[], x: ArrayLike<number>, t: ArrayLike<number>, o: { x0?: number; legacy?: boolean } = {}): { phi: Float64Array; phiT: Float64Array; xUsed: number } {
  const where = "analysis.pointSeries(frames, x, t)";
  o = checkOptions(where, o, ["x0", "legacy"]);
  checkBool(where, "legacy", o.legacy, false);
  if (!Array.isArray(frames) || frames.length < 2) throw new TypeError(`${where}: frames must be an array of ≥ 2 snapshots, got ${describe(frames)}`);
  if (t.length !== frames.length) throw new RangeError(`${where}: t must have one time per frame (${frames.length}), got ${t.length}`);
  const nx = x.length;
  frames.forEach((f, i) => { if (f.length !== nx) throw new RangeError(`${where}: frames[${i}] has ${f.length} values, x has ${nx}`); });
  const phi = new Float64Array(frames.length);
  let xUsed: number;
  if (o.legacy) {
    const j = nx >> 1;
    xUsed = x[j];
    frames.forEach((f, i) => { phi[i] = f[j]; });
    return { phi, phiT: gradient(phi, t[1] - t[0]), xUsed };
  }
  const x0 = o.x0 ?? 0;
  let j = 0;
  while (j < nx - 2 && x[j + 1] < x0) j++;
  if (x0 < x[0] || x0 > x[nx - 1]) throw new RangeError(`${where}: x0 = ${x0} is outside the grid [${x[0]}, ${x[nx - 1]}]`);
  const w = (x0 - x[j]) / (x[j + 1] - x[j]);
  frames.forEach((f, i) => { phi[i] = (1 - w) * f[j] + w * f[j + 1]; });
  xUsed = x0;
  return { phi, phiT: gradient(phi, t), xUsed };
}

/**
 * Time-delay embedding: rows of `dim` values spaced `tau` apart.
 *
 * @example
 * analysis.delayEmbedding([1, 2, 3, 4, 5], 2, 2);   // [[1, 3], [2, 4], [3, 5]]
 */
export function delayEmbedding(x: ArrayLike<number>, dim: number, tau: number): Float64Array[] {
  const where = "analysis.delayEmbedding(x, dim, tau)";
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`${where}: dim must be a positive integer, got ${describe(dim)}`);
  if (!Number.isInteger(tau) || tau < 1) throw new RangeError(`${where}: tau must be a positive integer, got ${describe(tau)}`);
  const rows = x.length - (dim - 1) * tau;
  if (rows < 1) throw new RangeError(`${where}: x is too short (${x.length}) for dim ${dim} and tau ${tau}`);
  const out: Float64Array[] = [];
  for (let i = 0; i < rows; i++) { const r = new Float64Array(dim); for (let d = 0; d < dim; d++) r[d] = x[i + d * tau]; out.push(r); }
  return out;
}
