/**
 * One-call summaries as the seeds' supplements computed them, correctly by default:
 *   snapshotReport(field)   the NLSE supplement's per-snapshot measures (spec §4.2); `legacy: true` reproduces the
 *                           published §4.3 table (no amplitude floor, differential entropy with + ln Δ, the
 *                           supplement's sample-entropy normalisation). The corrected default drops points with
 *                           |ψ|² < floor·max|ψ|² (floor 1e-10) from the spatial distribution, because the
 *                           round-off tails otherwise decide R0 and the permutation entropy.
 *   kgEntropies(φ, dx)      the KG supplement's set (Shannon, Rényi 0.5/2/10, Tsallis 0.5/2, composite
 *                           C = 0.5 S + 0.3 H₂ + 0.2 S_{q=2}); `legacy: true` on its density Σp = 1/dx,
 *                           corrected on the normalised distribution Σp = 1.
 *   describeSample(v)       the KG §4.2 descriptive statistics (numpy/scipy defaults: std ddof 0, biased skewness,
 *                           Fisher excess kurtosis).
 *   trendSummary(t, S)      the time-series summaries of NLSE §4.2: Spearman ρ(t, S), max − min, CV (std ddof 0
 *                           over mean), dS/dt by numpy.gradient (legacy: uniform spacing t1 − t0), mean rate,
 *                           max |rate|, S(T) − S(0).
 */
import { spatialDistribution, spectralDistribution, densityOnGrid, amplitude, asField } from "./distributions.js";
import { shannon, renyi, tsallis, lmc } from "./entropy.js";
import { permutationEntropy, differentialEntropy, spectralRichness } from "./estimators.js";
import { sampleEntropy } from "./sample-entropy.js";
import { moments, robustSummary, spearman, gradient } from "./statistics.js";
import { describe, toF64, checkOptions, checkBool } from "../validate.js";

/** What `analysis.snapshotReport` returns. Entropies in nats; p is the spatial distribution |ψ|²/Σ|ψ|², P the spectral one. */
export interface SnapshotReport {
  /** Shannon entropy of p. */
  shannon: number;
  /** Shannon entropy of the spectral distribution P. */
  spectralShannon: number;
  /** Rényi entropy of order 0 of p (ln of the support size). */
  renyi0: number;
  /** Rényi entropy of order 2 of p (collision entropy). */
  renyi2: number;
  /** Rényi entropy of order ∞ of p (min-entropy, −ln max p). */
  renyiInf: number;
  /** Tsallis entropy of p, q = 0.5. */
  tsallis05: number;
  /** Tsallis entropy of p, q = 2. */
  tsallis2: number;
  /** LMC statistical complexity of p (normalised entropy × disequilibrium). */
  lmc: number;
  /** Shannon entropy of p normalised by ln n (0…1). */
  lmcHNorm: number;
  /** LMC disequilibrium Σ (p_i − 1/n)². */
  lmcDisequilibrium: number;
  /** Permutation entropy of |ψ| (order 3, delay 1). */
  permutation: number;
  /** Sample entropy of |ψ| (m = 2). */
  sampleEntropy: number;
  /** Differential entropy of |ψ| from a 50-bin histogram. */
  differential: number;
  /** Spectral bins with P/max P above 1 %. */
  modesAbove1pct: number;
  /** Spectral bandwidth √(Σ (f − f̄)² P), cycles per sample. */
  bandwidth: number;
  /** Spectral mean frequency f̄ = Σ f P, cycles per sample. */
  meanFrequency: number;
}

/**
 * All per-snapshot measures of a field (complex ψ interleaved by default, or real φ with complex: false).
 *
 * @example
 * analysis.snapshotReport(psi, { complex: true, legacy: true }).shannon;   // 2.94001 for the seed soliton
 */
export function snapshotReport(field: ArrayLike<number>, o: { complex?: boolean; legacy?: boolean; floor?: number } = {}): SnapshotReport {
  const where = "analysis.snapshotReport(field)";
  o = checkOptions(where, o, ["complex", "legacy", "floor"]);
  const complex = checkBool(where, "complex", o.complex, true), legacy = checkBool(where, "legacy", o.legacy, false);
  // asField copies a view on WASM memory (the psi of an nlse.simulate snapshot): the FFT plan and scratch
  // allocated below may grow memory, which detaches such a view
  const f = asField(where, field, complex);
  const p = spatialDistribution(f, { complex, floor: legacy ? 0 : (o.floor ?? 1e-10) });
  const P = spectralDistribution(f, { complex });
  const amp = amplitude(f, complex);
  const L = lmc(p);
  const rich = spectralRichness(P);
  return {
    shannon: shannon(p), spectralShannon: shannon(P),
    renyi0: renyi(p, 0), renyi2: renyi(p, 2), renyiInf: renyi(p, Infinity),
    tsallis05: tsallis(p, 0.5), tsallis2: tsallis(p, 2),
    lmc: L.complexity, lmcHNorm: L.hNorm, lmcDisequilibrium: L.disequilibrium,
    permutation: permutationEntropy(amp, { order: 3, delay: 1 }),
    sampleEntropy: sampleEntropy(amp, { m: 2, legacy }),
    differential: differentialEntropy(amp, { bins: 50, legacy }),
    modesAbove1pct: rich.modesAbove, bandwidth: rich.bandwidth, meanFrequency: rich.meanFrequency,
  };
}

/** What `analysis.kgEntropies` returns (nats; legacy mode keeps the supplement's unnormalised density summing to 1/dx). */
export interface KgEntropies {
  /** Shannon entropy S of the density of φ. */
  shannon: number;
  /** Rényi entropy, order 0.5. */
  renyi05: number;
  /** Rényi entropy, order 2. */
  renyi2: number;
  /** Rényi entropy, order 10. */
  renyi10: number;
  /** Tsallis entropy, q = 0.5. */
  tsallis05: number;
  /** Tsallis entropy, q = 2. */
  tsallis2: number;
  /** The supplement's composite 0.5·S + 0.3·Rényi₂ + 0.2·Tsallis₂. */
  composite: number;
}

/**
 * The KG supplement's entropy set for one real snapshot φ on spacing dx.
 *
 * @example
 * analysis.kgEntropies(phi, dx, { legacy: true }).shannon;
 */
export function kgEntropies(phi: ArrayLike<number>, dx: number, o: { legacy?: boolean } = {}): KgEntropies {
  const where = "analysis.kgEntropies(phi, dx)";
  o = checkOptions(where, o, ["legacy"]);
  const legacy = checkBool(where, "legacy", o.legacy, false);
  const p = legacy ? densityOnGrid(phi, dx) : spatialDistribution(phi, { complex: false });
  // the legacy density sums to 1/dx and the supplement's values depend on that: no renormalisation
  const e = { normalize: !legacy };
  const S = shannon(p, e), H2 = renyi(p, 2, e), T2 = tsallis(p, 2, e);
  return { shannon: S, renyi05: renyi(p, 0.5, e), renyi2: H2, renyi10: renyi(p, 10, e), tsallis05: tsallis(p, 0.5, e), tsallis2: T2, composite: 0.5 * S + 0.3 * H2 + 0.2 * T2 };
}

/**
 * KG §4.2 descriptive statistics of a sample.
 *
 * @example
 * analysis.describeSample([1, 2, 3, 4]).iqr;   // 1.5
 */
export function describeSample(values: ArrayLike<number>) {
  const m = moments(values), r = robustSummary(values);
  return { n: m.n, mean: m.mean, median: r.median, std: Math.sqrt(m.variance), q1: r.q1, q3: r.q3, iqr: r.iqr, min: m.min, max: m.max, range: m.max - m.min, skewness: m.skewness, kurtosis: m.kurtosis, mad: r.mad };
}

/**
 * Summaries of an entropy time series S(t).
 *
 * @example
 * analysis.trendSummary(t, S).spearman;
 */
export function trendSummary(times: ArrayLike<number>, series: ArrayLike<number>, o: { legacy?: boolean } = {}) {
  const where = "analysis.trendSummary(t, S)";
  o = checkOptions(where, o, ["legacy"]);
  const legacy = checkBool(where, "legacy", o.legacy, false);
  const t = toF64(where, times, 0, "t"), S = toF64(where, series, 0, "S");
  if (t.length !== S.length || t.length < 2) throw new RangeError(`${where}: t and S need the same length ≥ 2, got ${describe(times)} and ${describe(series)}`);
  const m = moments(S);
  const rate = legacy ? gradient(S, t[1] - t[0]) : gradient(S, t);
  let mean = 0, maxAbs = 0;
  for (const r of rate) { mean += r; maxAbs = Math.max(maxAbs, Math.abs(r)); }
  return {
    spearman: spearman(t, S), oscillation: m.max - m.min, cv: Math.sqrt(m.variance) / m.mean,
    rate, rateMean: mean / rate.length, rateMaxAbs: maxAbs, production: S[S.length - 1] - S[0],
  };
}
