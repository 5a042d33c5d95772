// Klein–Gordon legacy mode reproduces the seed (klein-gordon.md §1–4): step counts, the Δt history with its
// 5 %-threshold quirk, jittered frame times and fields of an independent numpy re-implementation
// (test/fixtures/kg_legacy_reference.py), the §3 energy table, and the supplement's published §4 statistics
// computed from our own float32-cast frames, as the supplement reads them from the float32 NetCDF files
// (Cliff's δ and Kruskal–Wallis within the spread of the supplement's unseeded subsampling).
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { init, kleinGordon, analysis } from "../src/index.js";

const ref = JSON.parse(readFileSync(new URL("./fixtures/kg-legacy.json", import.meta.url), "utf8"));
const bin = readFileSync(new URL("./fixtures/kg-legacy.bin", import.meta.url));
const refData = new Float64Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
const CASES = ["case1", "case2", "case3", "case4"] as const;
const NX = { case1: 512, case2: 1024, case3: 512, case4: 1024 };
// §3 energy table (H from the central velocity, at t = 0 and at the last stored frame)
const ENERGY = { case1: [1.566643, 1.458076], case2: [29.257124, 23.668514], case3: [12.30168, 11.427164], case4: [58.90666, 49.995964] };

type Run = ReturnType<typeof kleinGordon.solve>;
const runs: Partial<Record<(typeof CASES)[number], Run>> = {};

describe("klein-gordon legacy mode (seed parity)", () => {
  beforeAll(async () => {
    await init();
    for (const c of CASES) runs[c] = kleinGordon.solve({ case: c, legacy: true });
  });

  it("step counts 7476 / 7476 / 5984 / 14938, frames 201 / 201 / 301 / 401, 3745 steps with the older Δt0 = 0.01", () => {
    expect(CASES.map((c) => runs[c]!.steps)).toEqual([7476, 7476, 5984, 14938]);
    expect(CASES.map((c) => runs[c]!.t.length)).toEqual([201, 201, 301, 401]);
    expect(CASES.map((c) => ref[c].steps)).toEqual([7476, 7476, 5984, 14938]);
    expect(kleinGordon.simulate({ case: "case1", legacy: true, dt: 0.01 }).steps).toBe(3745);
  });

  it("Δt history: exactly 6 adaptations at steps 0, 20, …, 100 and Δt_final = 1.05⁶·Δt0 (the 5 % threshold quirk)", () => {
    for (const c of CASES) {
      const r = runs[c]!;
      expect(r.adaptations).toBe(6);
      expect(r.dtHistory.map((h) => h.step)).toEqual([0, 0, 20, 40, 60, 80, 100]);
      expect(r.dtHistory.map((h) => [h.step, h.dt])).toEqual(ref[c].dtHistory);
      expect(r.dtFinal / r.dtInitial).toBeCloseTo(1.05 ** 6, 12);
      expect(r.dtFinal / r.dtInitial).toBeCloseTo(1.3401, 4);
    }
  });

  it("jittered frame times equal the numpy reference (case 3 t[1] = 0.27615, last frame below t_final)", () => {
    for (const c of CASES) {
      const t = runs[c]!.t, want: number[] = ref[c].t;
      for (let i = 0; i < t.length; i++) expect(Math.abs(t[i] - want[i])).toBeLessThan(1e-9);
    }
    expect(runs.case3!.t[1]).toBeCloseTo(0.27615, 5);
    expect(runs.case1!.t[200]).toBeCloseTo(49.9962, 4);
  });

  it("fields equal the numpy reference: ≤ 1e-9 for cases 1–3, ≤ 1e-5 for chaotic case 4 up to t ≈ 25", () => {
    let off = 0;
    for (const c of CASES) {
      for (const i of ref[c].keep as number[]) {
        const want = refData.subarray(off, off + NX[c]);
        off += NX[c];
        let e = 0;
        const got = runs[c]!.phi[i];
        for (let j = 0; j < NX[c]; j++) e = Math.max(e, Math.abs(got[j] - want[j]));
        expect(e, `${c} frame ${i}`).toBeLessThan(c === "case4" ? 1e-5 : 1e-9);
      }
    }
    expect(off).toBe(refData.length);
  });

  it("energies of the §3 table: H(0) and H(end) to the printed digits", () => {
    for (const c of CASES) {
      const H = runs[c]!.invariants.energy;
      expect(H[0], c).toBeCloseTo(ENERGY[c][0], 5);
      if (c !== "case4") expect(H[H.length - 1], c).toBeCloseTo(ENERGY[c][1], 5);
    }
    expect(runs.case4!.invariants.energy.at(-1)!).toBeCloseTo(49.996, 2);   // chaotic: 4 digits only
  });

  // §4 published statistics, cases 1–3 (case 4 is chaotic after t ≈ 35). The supplement computes in float32
  // (numpy on float32 NetCDF arrays); we compute in float64 from the same float32 data, so the entropies (sums of
  // ~10³ float32 terms) may differ by one unit in the 4th decimal (3e-6 relative for the large Tsallis S₀.₅); everything else is held to the printed digits.
  const PUB = {
    case1: { S: [26.612, 5.7666, 11.1733, 33.0582], H05: 7.5654, H2: 0.8306, H10: 2.4796, T05: 90.0673, T2: 0.425, C: [13.6402, 5.4989, 16.6159], d: [0.0966, 0.0714, 0.1012, 0.1701, 1.3216, 3.613, 0.9991], rho: -0.1196, x: 0.0587 },
    case2: { S: [46.5515, 0.1481, 46.1792, 47.0037], H05: 9.2183, H2: 2.2038, H10: 4.163, T05: 198.8044, T2: 0.8896, C: [24.1148, 24.3589, 24.079], d: [0.9424, 0.9997, 0.1867, 0.0662, -2.8165, 9.173, 1.3132], rho: 0.8534, x: 0.0489 },
    case3: { S: [11.207, 1.2233, 8.9408, 16.3847], H05: 5.9617, H2: -0.3407, H10: 1.0427, T05: 37.828, T2: -0.4198, C: [5.4173, 4.7809, 5.3852], d: [0.1424, 0.0227, 0.4263, 0.0562, 4.4177, 20.3541, 3.4237], rho: -0.2225, x: 0.0783 },
  };
  const f32 = (a: Float64Array) => Float64Array.from(new Float32Array(a));
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const sd = (a: number[]) => { const m = mean(a); return Math.sqrt(mean(a.map((v) => (v - m) ** 2))); };
  const near = (got: number, want: number, units: number, what: string) => expect(Math.abs(got - want), `${what}: ${got} vs published ${want}`).toBeLessThanOrEqual(units * Math.max(1e-4, 3e-6 * Math.abs(want)) + 5e-5 + 1e-12);

  it("published entropy table (§4.1), descriptive statistics (§4.2), phase-space ρ (§4.3) for cases 1–3", () => {
    for (const c of ["case1", "case2", "case3"] as const) {
      const r = runs[c]!, p = PUB[c];
      const frames = r.phi.map(f32), x = f32(r.x), t = f32(r.t);
      const E = frames.map((f) => analysis.kgEntropies(f, x[1] - x[0], { legacy: true }));
      const S = E.map((e) => e.shannon), C = E.map((e) => e.composite);
      near(mean(S), p.S[0], 1, `${c} S mean`); near(sd(S), p.S[1], 0, `${c} S std`);
      near(Math.min(...S), p.S[2], 1, `${c} S min`); near(Math.max(...S), p.S[3], 1, `${c} S max`);
      near(mean(E.map((e) => e.renyi05)), p.H05, 1, `${c} H0.5`); near(mean(E.map((e) => e.renyi2)), p.H2, 1, `${c} H2`);
      near(mean(E.map((e) => e.renyi10)), p.H10, 1, `${c} H10`); near(mean(E.map((e) => e.tsallis05)), p.T05, 1, `${c} S0.5`);
      near(mean(E.map((e) => e.tsallis2)), p.T2, 1, `${c} S2`);
      near(mean(C), p.C[0], 1, `${c} C mean`); near(C[0], p.C[1], 0, `${c} C init`); near(C[C.length - 1], p.C[2], 1, `${c} C final`);
      const abs = new Float64Array(frames.length * x.length);
      frames.forEach((f, i) => f.forEach((v, j) => { abs[i * x.length + j] = Math.abs(v); }));
      const d = analysis.describeSample(abs);
      [d.mean, d.median, d.std, d.iqr, d.skewness, d.kurtosis, d.max].forEach((v, i) => near(v, p.d[i], 0, `${c} descriptive[${i}]`));
      const ps = analysis.pointSeries(frames, x, t, { legacy: true });
      near(ps.xUsed, p.x, 0, `${c} phase-space x`);
      near(analysis.pearson(ps.phi, ps.phiT), p.rho, 0, `${c} phase-space ρ`);
    }
  });

  it("§4.2 tests: Cliff's δ of |φ| within 0.02 of the published pairwise values; Kruskal–Wallis H on 10⁴-point subsamples within 2 % of 21421.08, p underflowing to 0", () => {
    // the supplement draws its subsamples with an unseeded RNG (published vs re-run δ differ by up to 0.012), so we
    // take δ on the full data and H on a seeded subsample, and hold both to that spread
    const abs = CASES.map((c) => {
      const r = runs[c]!, n = r.x.length, a = new Float64Array(r.phi.length * n);
      r.phi.forEach((f, i) => { const g = new Float32Array(f); for (let j = 0; j < n; j++) a[i * n + j] = Math.abs(g[j]); });
      return a;
    });
    expect(abs.map((a) => a.length)).toEqual([102912, 205824, 154112, 410624]);
    const published: Array<[number, number, number, string]> = [[0, 1, -0.979, "large"], [0, 2, 0.183, "small"], [0, 3, -0.721, "large"], [1, 2, 0.894, "large"], [1, 3, 0.393, "medium"], [2, 3, -0.659, "large"]];
    for (const [i, j, d, mag] of published) {
      const r = analysis.cliffsDelta(abs[i], abs[j]);
      expect(Math.abs(r.delta - d), `δ(${CASES[i]}, ${CASES[j]}) = ${r.delta}`).toBeLessThan(0.02);
      expect(r.magnitude).toBe(mag);
    }
    let s = 12345;
    const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
    const sub = (a: Float64Array, m: number) => {
      const idx = Array.from(a.keys());
      for (let i = 0; i < m; i++) { const j = i + Math.floor(rnd() * (a.length - i)); [idx[i], idx[j]] = [idx[j], idx[i]]; }
      return Float64Array.from(idx.slice(0, m), (i) => a[i]);
    };
    const kw = analysis.kruskalWallis(abs.map((a) => sub(a, 10000)));
    expect(Math.abs(kw.H / 21421.08 - 1)).toBeLessThan(0.02);
    expect(kw.pValue).toBe(0);
    expect(kw.log10PValue).toBeLessThan(-4000);
  });

  it("figure 1/2 statistics (§4.4): case 3 centre drift −18.3299; case 2 middle/final peaks; case 3 final peak", () => {
    const centre = (f: Float64Array, x: Float64Array) => {
      let a = 0, b = 0;
      for (let j = 1; j < x.length; j++) { const h = (x[j] - x[j - 1]) / 2; a += h * (x[j] * f[j] ** 2 + x[j - 1] * f[j - 1] ** 2); b += h * (f[j] ** 2 + f[j - 1] ** 2); }
      return a / b;
    };
    const peak = (f: Float64Array, x: Float64Array) => { let j0 = 0; f.forEach((v, j) => { if (Math.abs(v) > Math.abs(f[j0])) j0 = j; }); return [Math.abs(f[j0]), x[j0]]; };
    const r3 = runs.case3!, x3 = f32(r3.x), fr3 = r3.phi.map(f32);
    const drift = centre(fr3.at(-1)!, x3) - centre(fr3[0], x3);
    near(drift, -18.3299, 0, "case 3 drift"); near(drift / 80, -0.2291, 0, "case 3 drift speed");
    const r2 = runs.case2!, x2 = f32(r2.x), fr2 = r2.phi.map(f32);
    const [pm, xm] = peak(fr2[fr2.length >> 1], x2), [pf, xf] = peak(fr2.at(-1)!, x2);
    near(pm, 1.2853, 0, "case 2 middle peak"); near(xm, -25.5621, 0, "its position");
    near(pf, 1.1413, 0, "case 2 final peak"); near(xf, -3.8612, 0, "its position");
    const [p3, x3p] = peak(fr3.at(-1)!, x3);
    near(p3, 2.9536, 0, "case 3 final peak"); near(x3p, -18.3953, 0, "its position");
  });
});
