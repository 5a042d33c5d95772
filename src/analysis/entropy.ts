/**
 * Entropies of a discrete distribution p (natural logarithms, nats). p must hold finite numbers ≥ 0 (negative,
 * NaN or infinite entries are errors) and is normalised to Σp = 1 first, as scipy.stats.entropy does — so
 * shannon([1, 2, 2]) is the entropy of [0.2, 0.4, 0.4]. A p that already sums to 1 within 1e-12 is used as given
 * (same bits as before). `normalize: false` skips the normalisation: the KG supplement's densities (Σp = 1/dx)
 * then give its published, grid-dependent values (`kgEntropies(…, { legacy: true })` does this). Entries with
 * p ≤ `threshold` (default 1e-15, the seeds' value; applied after normalising) are left out of every sum.
 *
 *   Shannon      S   = −Σ p ln p
 *   Rényi        R_α = ln(Σ p^α)/(1 − α);  R_0 = ln #{p > threshold} (Hartley), R_∞ = −ln max p, α = 1 → S
 *   Tsallis      T_q = (1 − Σ p^q)/(q − 1);  q = 1 → S
 *   LMC          C   = (S/ln N)·D·N,  D = Σ_j (p_j − 1/N)² over all N entries (López-Ruiz, Mancini, Calbet 1995;
 *                the NLSE supplement's normalisation, which multiplies by N)
 * Indices within 1e-10 of 1 fall back to Shannon, as the seeds do.
 */
import { describe, toF64, checkOptions, checkBool } from "../validate.js";
import * as W from "./wmath.js";
import { spectralDistribution } from "./distributions.js";

const DEFAULT_THRESHOLD = 1e-15;
const OPTIONS = ["threshold", "normalize"];

interface EntropyOptions { threshold?: number; normalize?: boolean }

/** p checked (finite, ≥ 0, not all zero) and normalised to Σp = 1 unless `normalize: false`. */
function dist(where: string, p: unknown, o: EntropyOptions): Float64Array {
  if (p === null || typeof p !== "object" || typeof (p as ArrayLike<number>).length !== "number" || (p as ArrayLike<number>).length === 0) {
    throw new TypeError(`${where}: p must be a non-empty array of probabilities, got ${describe(p)}`);
  }
  const a = toF64(where, p, 1, "p");
  const normalize = checkBool(where, "normalize", o.normalize, true);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== v || v === Infinity) throw new RangeError(`${where}: p[${i}] is ${v}; p must hold finite probabilities or weights ≥ 0`);
    if (v < 0) throw new RangeError(`${where}: p[${i}] = ${v} is negative; p must hold probabilities or weights ≥ 0`);
    s += v;
  }
  if (!normalize) return a;
  if (s === 0) throw new RangeError(`${where}: p sums to 0, so it cannot be normalised; pass at least one positive weight`);
  if (s === Infinity) throw new RangeError(`${where}: p sums to Infinity in floating point; scale the weights down`);
  if (Math.abs(s - 1) <= 1e-12) return a;
  return a.map((v) => v / s);
}

function thr(where: string, t: number | undefined): number {
  const v = t ?? DEFAULT_THRESHOLD;
  if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${where}: threshold must be a finite number ≥ 0, got ${describe(t)}`);
  return v;
}

/**
 * Shannon entropy −Σ p ln p in nats.
 *
 * @example
 * analysis.shannon([0.25, 0.25, 0.25, 0.25]);   // ln 4 = 1.3862943611198906
 */
export function shannon(p: ArrayLike<number>, o: EntropyOptions = {}): number {
  const w = "analysis.shannon(p)";
  o = checkOptions(w, o, OPTIONS);
  const q = dist(w, p, o), t = thr(w, o.threshold);
  const s = W.sumPLogP(q, t);
  return s === 0 ? 0 : -s;
}

/**
 * Rényi entropy of order α ≥ 0 (α = Infinity allowed): ln(Σ p^α)/(1 − α).
 *
 * @example
 * analysis.renyi([0.5, 0.5], 2);           // ln 2
 * analysis.renyi(p, 0);                    // Hartley: ln of the number of p > threshold
 */
export function renyi(p: ArrayLike<number>, alpha: number, o: EntropyOptions = {}): number {
  const w = "analysis.renyi(p, alpha)";
  o = checkOptions(w, o, OPTIONS);
  const q = dist(w, p, o), t = thr(w, o.threshold);
  if (typeof alpha !== "number" || !(alpha >= 0)) throw new RangeError(`${w}: alpha must be a number ≥ 0 (or Infinity), got ${describe(alpha)}`);
  if (Math.abs(alpha - 1) < 1e-10) return shannon(q, { threshold: t, normalize: false });
  if (alpha === Infinity) {
    let m = 0;
    for (let i = 0; i < q.length; i++) if (q[i] > t) m = Math.max(m, q[i]);
    return -W.log(m);
  }
  if (alpha === 0) {
    let c = 0;
    for (let i = 0; i < q.length; i++) if (q[i] > t) c++;
    return W.log(c);
  }
  return W.log(W.sumPow(q, alpha, t)) / (1 - alpha);
}

/**
 * Tsallis entropy of index q: (1 − Σ p^q)/(q − 1).
 *
 * @example
 * analysis.tsallis([0.5, 0.5], 2);         // 0.5
 */
export function tsallis(p: ArrayLike<number>, q: number, o: EntropyOptions = {}): number {
  const w = "analysis.tsallis(p, q)";
  o = checkOptions(w, o, OPTIONS);
  const d = dist(w, p, o), t = thr(w, o.threshold);
  if (typeof q !== "number" || !Number.isFinite(q)) throw new RangeError(`${w}: q must be a finite number, got ${describe(q)}`);
  if (Math.abs(q - 1) < 1e-10) return shannon(d, { threshold: t, normalize: false });
  return (1 - W.sumPow(d, q, t)) / (q - 1);
}

/** LMC statistical complexity and its factors. */
export interface Lmc {
  /** C = H_norm · D · N */
  complexity: number;
  /** S / ln N */
  hNorm: number;
  /** Σ (p_j − 1/N)² over all N entries */
  disequilibrium: number;
}

/**
 * LMC statistical complexity C = (S/ln N)·D·N.
 *
 * @example
 * analysis.lmc([0.25, 0.25, 0.25, 0.25]).complexity;   // 0 (uniform: D = 0)
 */
export function lmc(p: ArrayLike<number>, o: EntropyOptions = {}): Lmc {
  const w = "analysis.lmc(p)";
  o = checkOptions(w, o, OPTIONS);
  const q = dist(w, p, o);
  const n = q.length;
  if (n < 2) throw new RangeError(`${w}: p needs at least 2 entries (ln N = 0 otherwise), got ${n}`);
  const hNorm = shannon(q, { threshold: thr(w, o.threshold), normalize: false }) / W.log(n);
  let d = 0;
  for (let i = 0; i < n; i++) d += (q[i] - 1 / n) ** 2;
  return { complexity: hNorm * d * n, hNorm, disequilibrium: d };
}

/**
 * Spectral entropy: Shannon entropy of the normalised power spectrum |FFT(ψ)|²/Σ (all N bins).
 *
 * @example
 * analysis.spectralEntropy(psi);                       // complex ψ, interleaved
 * analysis.spectralEntropy(phi, { complex: false });   // real φ
 */
export function spectralEntropy(field: ArrayLike<number>, o: { complex?: boolean; threshold?: number } = {}): number {
  o = checkOptions("analysis.spectralEntropy(field)", o, ["complex", "threshold"]);
  return shannon(spectralDistribution(field, { complex: o.complex }), { threshold: o.threshold });
}
