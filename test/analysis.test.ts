// analysis: analytic cases, scipy/numpy references (test/fixtures/make_analysis_fixtures.py), brute force.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { init, analysis } from "../src/index.js";
import { randomArray } from "./helpers/dft.js";

const R = JSON.parse(readFileSync(new URL("./fixtures/analysis-reference.json", import.meta.url), "utf8")).scipy_ref;
const close = (a: number, b: number, rel: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

beforeAll(async () => { await init(); });

describe("entropies: analytic cases", () => {
  it("uniform distribution: Shannon = ln n and every Rényi order equals it; Tsallis closed form", () => {
    const n = 64, p = new Float64Array(n).fill(1 / n);
    close(analysis.shannon(p), Math.log(n), 1e-14);
    for (const a of [0, 0.5, 2, 3.7, Infinity]) close(analysis.renyi(p, a), Math.log(n), 1e-14);
    close(analysis.tsallis(p, 2), 1 - 1 / n, 1e-15);
    close(analysis.tsallis(p, 0.5), (1 - Math.sqrt(n)) / -0.5, 1e-14);
    expect(analysis.lmc(p).complexity).toBeCloseTo(0, 15);
  });

  it("spectral entropy: a pure Fourier mode has 0, white spectrum (delta in x) has ln N", () => {
    const n = 256, mode = new Float64Array(2 * n), delta = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) { mode[2 * j] = Math.cos((2 * Math.PI * 5 * j) / n); mode[2 * j + 1] = Math.sin((2 * Math.PI * 5 * j) / n); }
    delta[0] = 1;
    expect(analysis.spectralEntropy(mode)).toBeLessThan(1e-12);
    close(analysis.spectralEntropy(delta), Math.log(n), 1e-14);
  });

  it("delta distribution: every entropy is 0", () => {
    const p = new Float64Array(10); p[3] = 1;
    expect(analysis.shannon(p)).toBe(0);
    expect(analysis.renyi(p, 2)).toBeCloseTo(0, 15);
    expect(analysis.renyi(p, 0)).toBe(0);
    expect(analysis.tsallis(p, 2)).toBe(0);
  });

  it("Gaussian samples: differential entropy → ½ ln(2πeσ²)", () => {
    const n = 200_000, s = 1.7, u = randomArray(2 * n, 99), x = new Float64Array(n);
    for (let i = 0; i < n; i++) {                          // Box–Muller on seeded uniforms
      const a = (u[2 * i] + 1) / 2 || 1e-12, b = (u[2 * i + 1] + 1) / 2;
      x[i] = s * Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
    }
    expect(Math.abs(analysis.differentialEntropy(x, { bins: 200 }) - 0.5 * Math.log(2 * Math.PI * Math.E * s * s))).toBeLessThan(5e-3);
  });
});

describe("statistics vs scipy.stats", () => {
  it("moments: skew/kurtosis biased and bias-corrected, ddof-1 variance, numpy percentiles", () => {
    const m = analysis.moments(R.moments.x);
    close(m.skewness, R.moments.skewBiased, 1e-12);
    close(m.skewnessUnbiased, R.moments.skewUnbiased, 1e-12);
    close(m.kurtosis, R.moments.kurtBiased, 1e-12);
    close(m.kurtosisUnbiased, R.moments.kurtUnbiased, 1e-12);
    close(m.sampleVariance, R.moments.varDdof1, 1e-13);
    R.moments.q.forEach((q: number, i: number) => close(analysis.quantile(R.moments.x, q), R.moments.quantiles[i], 1e-14));
  });

  it("pearson and spearman (with ties) equal scipy's", () => {
    close(analysis.pearson(R.corr.a, R.corr.b), R.corr.pearson, 1e-13);
    close(analysis.spearman(R.corr.a, R.corr.b), R.corr.spearman, 1e-13);
    const idx = R.corr.ties.map((_: number, i: number) => i % 13);
    close(analysis.spearman(R.corr.ties, idx), R.corr.spearmanTies, 1e-13);
  });

  it("Kruskal–Wallis H (tie-corrected) and p equal scipy.stats.kruskal; identical groups give H = 0, p = 1", () => {
    const k = analysis.kruskalWallis(R.kruskal.groups);
    close(k.H, R.kruskal.H, 1e-12);
    close(k.pValue, R.kruskal.p, 1e-10);
    const same = analysis.kruskalWallis([[1, 2, 3, 4], [1, 2, 3, 4], [4, 3, 2, 1]]);
    expect(same.H).toBeCloseTo(0, 12);
    expect(same.pValue).toBeCloseTo(1, 12);
  });

  it("χ² and normal tails: p and ln p accurate where p underflows (H = 17831 → ln p = −8911.0014)", () => {
    for (const [x, k, sf, logsf] of R.special.chi2) {
      if (sf > 0) close(analysis.chi2Sf(x, k), sf, 1e-12);
      close(analysis.chi2LogSf(x, k), logsf, 1e-13);
    }
    for (const [z, sf] of R.special.norm) close(analysis.normSf(z), sf, 1e-12);
  });

  it("gaussian_kde with Scott and Silverman factors equals scipy; the binned FFT path agrees to 1e-5 of the peak", () => {
    for (const bw of ["scott", "silverman"] as const) {
      const k = analysis.gaussianKde(R.kde.data, { bandwidth: bw });
      const d = k.evaluate(R.kde.points, { method: "direct" });
      d.forEach((v, i) => close(v, R.kde[bw][i], 1e-12));
      const b = k.evaluate(R.kde.points, { method: "binned" });
      const peak = Math.max(...d);
      b.forEach((v, i) => expect(Math.abs(v - d[i]) / peak).toBeLessThan(1e-5));
    }
  });

  it("Cliff's δ: exact (equals the O(n²) count), ±1 on disjoint groups, magnitude labels", () => {
    const a = randomArray(300, 1).map((v) => Math.round(v * 10)), b = randomArray(250, 2).map((v) => Math.round(v * 10) + 2);
    let more = 0, less = 0;
    for (const x of a) for (const y of b) { if (x > y) more++; else if (x < y) less++; }
    expect(analysis.cliffsDelta(a, b).delta).toBeCloseTo((more - less) / (a.length * b.length), 15);
    expect(analysis.cliffsDelta([5, 6, 7], [1, 2])).toEqual({ delta: 1, magnitude: "large" });
    expect(analysis.cliffsDelta([1, 2], [5, 6, 7])).toEqual({ delta: -1, magnitude: "large" });
    expect(analysis.cliffsDelta([1, 2, 3], [1, 2, 3]).magnitude).toBe("negligible");
  });

  it("Dunn's test with Holm correction: z from mean ranks, adjusted p monotone and ≥ raw p", () => {
    const res = analysis.dunn(R.kruskal.groups, { correction: "holm" });
    expect(res.length).toBe(3);
    const { ranks } = analysis.rankdata(R.kruskal.groups.flat());
    const n0 = R.kruskal.groups[0].length, n1 = R.kruskal.groups[1].length;
    const m0 = ranks.slice(0, n0).reduce((s, v) => s + v, 0) / n0, m1 = ranks.slice(n0, n0 + n1).reduce((s, v) => s + v, 0) / n1;
    expect(Math.sign(res[0].z)).toBe(Math.sign(m0 - m1));
    for (const r of res) expect(r.pAdjusted).toBeGreaterThanOrEqual(r.p);
    const bonf = analysis.dunn(R.kruskal.groups, { correction: "bonferroni" });
    bonf.forEach((r, i) => expect(r.pAdjusted).toBeGreaterThanOrEqual(res[i].pAdjusted - 1e-15));
  });
});

describe("ordinal and template estimators vs brute force", () => {
  it("permutation entropy (ties as a stable argsort) equals a brute-force count, several orders/delays", () => {
    close(analysis.permutationEntropy(R.permutation.x, { order: 3, delay: 1 }), R.permutation.o3, 1e-13);
    close(analysis.permutationEntropy(R.permutation.x, { order: 4, delay: 2 }), R.permutation.o4d2, 1e-13);
    close(analysis.permutationEntropy(R.permutation.walk, { order: 5 }), R.permutation.o5, 1e-13);
    expect(analysis.permutationEntropy([1, 2, 3, 4, 5, 6])).toBe(0);
  });

  it("sample entropy equals a brute-force template count (r = 0.2·std and a fixed r)", () => {
    close(analysis.sampleEntropy(R.sampen.x, { m: 2 }), R.sampen.m2, 1e-13);
    close(analysis.sampleEntropy(R.sampen.x, { m: 3, r: 0.5 }), R.sampen.m3r, 1e-13);
  });

  it("sample entropy of n = 10⁴ runs in the WASM kernel (well under a second)", () => {
    const x = randomArray(10_000, 5);
    const t0 = performance.now();
    const v = analysis.sampleEntropy(x, { m: 2 });
    expect(Number.isFinite(v)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5000);   // generous: a correctness guard, not a benchmark
  });
});

describe("phase space, series, API errors", () => {
  it("phaseSpaceStats on a circle: radius, zero correlation, eccentricity ~0, circular std of uniform phases large", () => {
    const n = 720, psi = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) { psi[2 * j] = 2 * Math.cos((2 * Math.PI * j) / n); psi[2 * j + 1] = 2 * Math.sin((2 * Math.PI * j) / n); }
    const s = analysis.phaseSpaceStats(psi);
    close(s.rmsRadius, 2, 1e-12);
    expect(Math.abs(s.pearson)).toBeLessThan(1e-12);
    expect(s.eccentricity).toBeLessThan(1e-3);            // √(1 − λmin/λmax) amplifies 1e-8 rounding in λ
    expect(s.amplitudeStd).toBeLessThan(1e-12);
    expect(s.circularStd).toBeGreaterThan(3);             // uniform phases: R̄ ≈ 0
  });

  it("KG supplement definitions: entropies on the density Σp = 1/dx (legacy) and §4.2 descriptive statistics", () => {
    for (const [name, want] of [["kink", R.kg.kinkEnt], ["breather", R.kg.breatherEnt]] as const) {
      const got = analysis.kgEntropies(R.kg[name], R.kg.dx, { legacy: true }) as unknown as Record<string, number>;
      for (const k of Object.keys(got)) close(got[k], want[k], 1e-12);
      close(analysis.densityOnGrid(R.kg[name], R.kg.dx).reduce((a: number, b: number) => a + b, 0), want.sumP, 1e-12);
      const fixed = analysis.kgEntropies(R.kg[name], R.kg.dx);
      expect(fixed.shannon).toBeLessThanOrEqual(Math.log(R.kg.x.length) + 1e-12);   // bounded by ln N once normalised
    }
    const d = analysis.describeSample(R.kg.describe.values), w = R.kg.describe;
    close(d.mean, w.mean, 1e-13); close(d.median, w.median, 1e-14); close(d.std, w.std, 1e-13);
    close(d.q1, w.q1, 1e-14); close(d.q3, w.q3, 1e-14); close(d.skewness, w.skew, 1e-11); close(d.kurtosis, w.kurt, 1e-11);
    expect(d.max).toBe(w.max);
  });

  it("pointSeries interpolates to the true x0 and differentiates on the real times", () => {
    const x = Array.from({ length: 11 }, (_, i) => -1 + 0.2 * i + 0.03);   // grid that misses 0
    const t = [0, 0.1, 0.25, 0.45];
    const frames = t.map((tt) => x.map((xx) => 3 * xx + 2 * tt));        // φ = 3x + 2t
    const r = analysis.pointSeries(frames, x, t, { x0: 0 });
    r.phi.forEach((v, i) => close(v, 2 * t[i], 1e-13));
    r.phiT.forEach((v) => close(v, 2, 1e-12));
    const legacy = analysis.pointSeries(frames, x, t, { legacy: true });
    expect(legacy.xUsed).toBeCloseTo(x[5], 15);
  });

  it("trendSummary: Spearman trend, oscillation, production", () => {
    const t = [0, 1, 2, 3, 4], S = [1, 2, 4, 3, 5];
    const r = analysis.trendSummary(t, S);
    close(r.spearman, 0.9, 1e-14);
    expect(r.oscillation).toBe(4);
    expect(r.production).toBe(4);
  });

  it("bad input: errors name the argument, the value and the fix", () => {
    expect(() => analysis.renyi([0.5, 0.5], -1)).toThrow(/alpha must be a number ≥ 0 \(or Infinity\), got number -1/);
    expect(() => analysis.spatialDistribution([1, 2, 3])).toThrow(/complex field is interleaved .* even length, got 3; pass \{ complex: false \}/);
    expect(() => analysis.spatialDistribution([0, 0])).toThrow(/zero or non-finite total intensity/);
    expect(() => analysis.permutationEntropy([1, 2], { order: 3 })).toThrow(/needs at least 3 values, got 2/);
    expect(() => analysis.sampleEntropy([1, 2, 3], { m: 2 })).toThrow(/at least m \+ 2 = 4 values, got 3/);
    expect(() => analysis.kruskalWallis([[1, 2]])).toThrow(/at least 2 arrays/);
    expect(() => analysis.gaussianKde([1, 1, 1])).toThrow(/zero variance/);
    expect(() => analysis.histogram([1, 2], { bins: 0 })).toThrow(/bins must be a positive integer, got number 0/);
    expect(() => analysis.dunn([[1], [2]], { correction: "fdr" as never })).toThrow(/correction must be "holm", "bonferroni" or "none"/);
  });
});
