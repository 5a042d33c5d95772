/**
 * Descriptive statistics and correlations (numpy/scipy conventions, named explicitly):
 *   moments       Welford's one-pass mean and central moments; variance with ddof 0 and 1; skewness g1
 *                 (biased, scipy `skew(bias=True)`) and G1 (bias-corrected, `bias=False`); excess kurtosis g2
 *                 and G2 likewise (scipy `kurtosis(fisher=True)`).
 *   quantile      numpy's default "linear" interpolation; median, IQR, MAD (median |x − median|, unscaled).
 *   rankdata      average ranks for ties (scipy `rankdata`), 1-based.
 *   pearson / spearman (Pearson on average ranks).
 */
import { describe, toF64, checkNoNaN } from "../validate.js";


/** What `analysis.moments` returns: count, mean, variances, skewness and excess kurtosis (biased and bias-corrected), range. */
export interface Moments {
  /** Number of values. */
  n: number;
  /** Arithmetic mean. */
  mean: number;
  /** population variance (ddof 0) */ variance: number;
  /** sample variance (ddof 1) */ sampleVariance: number;
  /** biased skewness g1 */ skewness: number;
  /** bias-corrected skewness G1 (n ≥ 3) */ skewnessUnbiased: number;
  /** biased excess kurtosis g2 */ kurtosis: number;
  /** bias-corrected excess kurtosis G2 (n ≥ 4) */ kurtosisUnbiased: number;
  /** Smallest value. */
  min: number;
  /** Largest value. */
  max: number;
}

/**
 * One-pass moments (Welford/Terriberry update of M2, M3, M4).
 *
 * @example
 * analysis.moments([1, 2, 3, 4]).sampleVariance;   // 1.6666666666666667
 */
export function moments(x: ArrayLike<number>): Moments {
  const a = toF64("analysis.moments(x)", x, 1);
  let n = 0, mean = 0, M2 = 0, M3 = 0, M4 = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const n1 = n; n++;
    const delta = v - mean, dn = delta / n, dn2 = dn * dn, term1 = delta * dn * n1;
    mean += dn;
    M4 += term1 * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * M2 - 4 * dn * M3;
    M3 += term1 * dn * (n - 2) - 3 * dn * M2;
    M2 += term1;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const g1 = M2 > 0 ? (Math.sqrt(n) * M3) / M2 ** 1.5 : NaN;
  const g2 = M2 > 0 ? (n * M4) / (M2 * M2) - 3 : NaN;
  const G1 = n > 2 ? (Math.sqrt(n * (n - 1)) / (n - 2)) * g1 : NaN;
  const G2 = n > 3 ? ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * g2 + 6) : NaN;
  return { n, mean, variance: M2 / n, sampleVariance: n > 1 ? M2 / (n - 1) : NaN, skewness: g1, skewnessUnbiased: G1, kurtosis: g2, kurtosisUnbiased: G2, min, max };
}

function sorted(a: Float64Array): Float64Array {
  return Float64Array.from(a).sort();
}

/**
 * numpy.quantile(x, q) with the default linear method; q in [0, 1].
 *
 * @example
 * analysis.quantile([1, 2, 3, 4], 0.5);   // 2.5
 */
export function quantile(x: ArrayLike<number>, q: number): number {
  const where = "analysis.quantile(x, q)";
  if (!(q >= 0 && q <= 1)) throw new RangeError(`${where}: q must be in [0, 1], got ${describe(q)}`);
  return quantileSorted(sorted(toF64(where, x, 1)), q);
}

export function quantileSorted(s: ArrayLike<number>, q: number): number {
  const h = (s.length - 1) * q, lo = Math.floor(h), hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/**
 * Median, quartiles, IQR and MAD in one sort.
 *
 * @example
 * analysis.robustSummary([1, 2, 3, 4, 100]);   // { median: 3, q1: 2, q3: 4, iqr: 2, mad: 1 }
 */
export function robustSummary(x: ArrayLike<number>): { median: number; q1: number; q3: number; iqr: number; mad: number } {
  const s = sorted(toF64("analysis.robustSummary(x)", x, 1));
  const median = quantileSorted(s, 0.5), q1 = quantileSorted(s, 0.25), q3 = quantileSorted(s, 0.75);
  const dev = Float64Array.from(s, (v) => Math.abs(v - median)).sort();
  return { median, q1, q3, iqr: q3 - q1, mad: quantileSorted(dev, 0.5) };
}

/**
 * Average ranks (1-based), ties get the mean of their positions; also returns Σ(t³ − t) over tie groups.
 *
 * @example
 * analysis.rankdata([10, 20, 20, 5]).ranks;   // Float64Array [2, 3.5, 3.5, 1]
 */
export function rankdata(values: ArrayLike<number>): { ranks: Float64Array; tieSum: number } {
  const where = "analysis.rankdata(x)";
  const x = toF64(where, values, 0);
  checkNoNaN(where, "x", x, false, "ranks of missing values are undefined; drop them first (scipy's nan_policy='omit')");
  const n = x.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i] - x[j] || i - j);
  const ranks = new Float64Array(n);
  let tieSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]] === x[idx[i]]) j++;
    const r = (i + j) / 2 + 1, t = j - i + 1;
    for (let k = i; k <= j; k++) ranks[idx[k]] = r;
    tieSum += t * t * t - t;
    i = j + 1;
  }
  return { ranks, tieSum };
}

/**
 * Pearson correlation coefficient.
 *
 * @example
 * analysis.pearson([1, 2, 3], [2, 4, 7]);   // 0.9933992677987828
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const a = toF64("analysis.pearson(x, y)", x, 2), b = toF64("analysis.pearson(x, y)", y, 2);
  if (a.length !== b.length) throw new RangeError(`analysis.pearson(x, y): x and y must have the same length, got ${a.length} and ${b.length}`);
  let ma = 0, mb = 0;
  for (let i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
  ma /= a.length; mb /= b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) { const da = a[i] - ma, db = b[i] - mb; sab += da * db; saa += da * da; sbb += db * db; }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Spearman rank correlation (Pearson on average ranks, scipy.stats.spearmanr).
 *
 * @example
 * analysis.spearman([1, 2, 3, 4], [1, 4, 9, 16]);   // 1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const where = "analysis.spearman(x, y)";
  const a = toF64(where, x, 2, "x"), b = toF64(where, y, 2, "y");
  if (a.length !== b.length) throw new RangeError(`${where}: x and y must have the same length, got ${a.length} and ${b.length}`);
  return pearson(rankdata(a).ranks, rankdata(b).ranks);
}

/**
 * numpy.gradient(y, spacing): central differences inside, one-sided at the ends (spacing: number or coordinates).
 *
 * @example
 * analysis.gradient([0, 1, 4, 9]);   // Float64Array [1, 2, 4, 5] (numpy.gradient)
 */
export function gradient(values: ArrayLike<number>, spacing: number | ArrayLike<number> = 1): Float64Array {
  const where = "analysis.gradient(y, spacing)";
  const y = toF64(where, values, 2, "y");
  const n = y.length;
  const g = new Float64Array(n);
  if (typeof spacing === "number") {
    if (!Number.isFinite(spacing) || spacing === 0) throw new RangeError(`${where}: spacing must be a finite non-zero number (the sample spacing) or an array of coordinates, got ${describe(spacing)}`);
    g[0] = (y[1] - y[0]) / spacing;
    g[n - 1] = (y[n - 1] - y[n - 2]) / spacing;
    for (let i = 1; i < n - 1; i++) g[i] = (y[i + 1] - y[i - 1]) / (2 * spacing);
    return g;
  }
  const t = toF64(where, spacing, 0, "spacing");
  if (t.length !== n) throw new RangeError(`${where}: spacing must have one coordinate per value (${n}), got ${t.length}; or pass a number for uniform spacing`);
  checkNoNaN(where, "spacing", t, true);
  for (let i = 1; i < n; i++) {
    if (t[i] === t[i - 1]) throw new RangeError(`${where}: spacing[${i - 1}] and spacing[${i}] are equal (${t[i]}); coordinates must be distinct (a derivative across a zero step is undefined)`);
  }
  g[0] = (y[1] - y[0]) / (t[1] - t[0]);
  g[n - 1] = (y[n - 1] - y[n - 2]) / (t[n - 1] - t[n - 2]);
  for (let i = 1; i < n - 1; i++) {
    const h1 = t[i] - t[i - 1], h2 = t[i + 1] - t[i];
    g[i] = (-h2 / (h1 * (h1 + h2))) * y[i - 1] + ((h2 - h1) / (h1 * h2)) * y[i] + (h1 / (h2 * (h1 + h2))) * y[i + 1];
  }
  return g;
}
