/**
 * Group comparisons:
 *   kruskalWallis  H = [12/(N(N+1)) Σ R_i²/n_i − 3(N+1)] / [1 − Σ(t³ − t)/(N³ − N)] (tie-corrected, as
 *                  scipy.stats.kruskal), p = P(χ²_{k−1} > H), with ln p and log10 p so that p ≈ 1e-3800
 *                  is reported instead of 0.
 *   cliffsDelta    δ = (#{a_i > b_j} − #{a_i < b_j})/(n_a n_b), exactly, by sorting b and binary search:
 *                  O((n_a + n_b) log n_b) — no subsampling. Magnitude: |δ| < 0.147 negligible, < 0.33 small,
 *                  < 0.474 medium, else large (Romano et al. 2006).
 *   dunn           Dunn's (1964) post-hoc z for each pair, z = (R̄_i − R̄_j)/√[(N(N+1)/12 − Σ(t³−t)/(12(N−1)))
 *                  (1/n_i + 1/n_j)], two-sided p, Holm's step-down adjustment (or none / Bonferroni).
 */
import { describe, checkNumberEntries, checkNoNaN, checkOptions } from "../validate.js";
import { rankdata } from "./statistics.js";
import { chi2LogSf, normSf } from "./special.js";
import { exp } from "./wmath.js";

/** Groups as Float64Arrays; `names` (default groups[i]) name them in messages. NaN is refused: it has no rank. */
function groupsOf(where: string, groups: unknown, min: number, names?: string[]): Float64Array[] {
  if (!Array.isArray(groups) || groups.length < min) {
    throw new TypeError(`${where}: groups must be an array of at least ${min} arrays of numbers, got ${describe(groups)}`);
  }
  return groups.map((g, i) => {
    const name = names?.[i] ?? `groups[${i}]`;
    if (g === null || typeof g !== "object" || typeof g.length !== "number" || g.length === 0) {
      throw new TypeError(`${where}: ${name} must be a non-empty array of numbers, got ${describe(g)}`);
    }
    checkNumberEntries(where, name, g as ArrayLike<unknown>);
    const a = g instanceof Float64Array ? g : Float64Array.from(g as ArrayLike<number>);
    checkNoNaN(where, name, a, false, "ranks of missing values are undefined; drop them first (scipy's nan_policy='omit')");
    return a;
  });
}

function pool(gs: Float64Array[]): { all: Float64Array; start: number[] } {
  const start: number[] = [];
  let n = 0;
  for (const g of gs) { start.push(n); n += g.length; }
  const all = new Float64Array(n);
  gs.forEach((g, i) => all.set(g, start[i]));
  return { all, start };
}

/** What `analysis.kruskalWallis` returns. */
export interface KruskalResult {
  /** H statistic (tie-corrected). */ H: number;
  /** k − 1 */ df: number;
  /** p-value (may underflow to 0 for huge H; see logPValue). */ pValue: number;
  /** ln p, finite in the far tail. */ logPValue: number;
  /** log10 p. */ log10PValue: number;
}

/**
 * Kruskal–Wallis H test.
 *
 * @example
 * analysis.kruskalWallis([[1, 2, 3], [4, 5, 6]]).H;   // 3.857142857142857
 */
export function kruskalWallis(groups: ArrayLike<number>[]): KruskalResult {
  const where = "analysis.kruskalWallis(groups)";
  const gs = groupsOf(where, groups, 2);
  const { all, start } = pool(gs);
  const N = all.length;
  const { ranks, tieSum } = rankdata(all);
  let s = 0;
  gs.forEach((g, i) => { let r = 0; for (let j = 0; j < g.length; j++) r += ranks[start[i] + j]; s += (r * r) / g.length; });
  let H = (12 / (N * (N + 1))) * s - 3 * (N + 1);
  const corr = 1 - tieSum / (N * N * N - N);
  if (corr <= 0) throw new RangeError(`${where}: all values are identical; the test is undefined`);
  H /= corr;
  const df = gs.length - 1;
  const logP = chi2LogSf(H, df);
  return { H, df, pValue: exp(logP), logPValue: logP, log10PValue: logP / Math.LN10 };
}

/** Romano et al.'s magnitude labels for |δ|: < 0.147 negligible, < 0.33 small, < 0.474 medium, else large. */
export type CliffMagnitude = "negligible" | "small" | "medium" | "large";

/**
 * Cliff's δ of a against b, exact.
 *
 * @example
 * analysis.cliffsDelta([1, 2], [3, 4]);   // { delta: -1, magnitude: "large" }
 */
export function cliffsDelta(a: ArrayLike<number>, b: ArrayLike<number>): { delta: number; magnitude: CliffMagnitude } {
  const [A, B] = groupsOf("analysis.cliffsDelta(a, b)", [a, b], 2, ["a", "b"]);
  const s = Float64Array.from(B).sort();
  const lower = (v: number) => { let lo = 0, hi = s.length; while (lo < hi) { const m = (lo + hi) >> 1; if (s[m] < v) lo = m + 1; else hi = m; } return lo; };
  const upper = (v: number) => { let lo = 0, hi = s.length; while (lo < hi) { const m = (lo + hi) >> 1; if (s[m] <= v) lo = m + 1; else hi = m; } return lo; };
  let more = 0, less = 0;
  for (let i = 0; i < A.length; i++) { more += lower(A[i]); less += s.length - upper(A[i]); }
  const delta = (more - less) / (A.length * B.length);
  const d = Math.abs(delta);
  const magnitude: CliffMagnitude = d < 0.147 ? "negligible" : d < 0.33 ? "small" : d < 0.474 ? "medium" : "large";
  return { delta, magnitude };
}

/** One pair of groups in `analysis.dunn`. */
export interface DunnPair {
  /** Index of the first group. */
  i: number;
  /** Index of the second group. */
  j: number;
  /** Dunn's z statistic (tie-corrected). */
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** p-value after the multiple-comparison adjustment. */
  pAdjusted: number;
}

/**
 * Dunn's post-hoc test for all pairs of groups.
 *
 * @example
 * analysis.dunn([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { correction: "holm" });
 */
export function dunn(groups: ArrayLike<number>[], o: { correction?: "holm" | "bonferroni" | "none" } = {}): DunnPair[] {
  const where = "analysis.dunn(groups)";
  o = checkOptions(where, o, ["correction"]);
  const gs = groupsOf(where, groups, 2);
  const correction = o.correction ?? "holm";
  if (!["holm", "bonferroni", "none"].includes(correction)) throw new RangeError(`${where}: correction must be "holm", "bonferroni" or "none", got ${describe(o.correction)}`);
  const { all, start } = pool(gs);
  const N = all.length;
  const { ranks, tieSum } = rankdata(all);
  const mean = gs.map((g, i) => { let r = 0; for (let j = 0; j < g.length; j++) r += ranks[start[i] + j]; return r / g.length; });
  const s2 = (N * (N + 1)) / 12 - tieSum / (12 * (N - 1));
  const out: DunnPair[] = [];
  for (let i = 0; i < gs.length; i++) {
    for (let j = i + 1; j < gs.length; j++) {
      const z = (mean[i] - mean[j]) / Math.sqrt(s2 * (1 / gs[i].length + 1 / gs[j].length));
      out.push({ i, j, z, p: Math.min(1, 2 * normSf(Math.abs(z))), pAdjusted: 0 });
    }
  }
  const m = out.length;
  if (correction === "none") out.forEach((r) => { r.pAdjusted = r.p; });
  else if (correction === "bonferroni") out.forEach((r) => { r.pAdjusted = Math.min(1, r.p * m); });
  else {
    const order = out.map((_, k) => k).sort((a, b) => out[a].p - out[b].p);
    let run = 0;
    order.forEach((k, rank) => { run = Math.max(run, Math.min(1, (m - rank) * out[k].p)); out[k].pAdjusted = run; });
  }
  return out;
}
