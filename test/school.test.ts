// Fish-school model: unit metrics with known answers, determinism (runs, SIMD vs scalar), Couzin 2002 mode
// (sustained mill, parallel group, hysteresis sweep), the seed's statistical bands, and the errors.
import { describe, it, expect, beforeAll } from "vitest";
import { init, school } from "../src/index.js";

/** Deterministic isotropic headings and uniform positions (Marsaglia polar normals from an LCG). */
function randomState(n: number, L: number, seed: number): { positions: Float64Array; velocities: Float64Array } {
  let s = seed >>> 0;
  const u = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s + 0.5) / 2 ** 32; };
  const gauss = () => { for (;;) { const a = 2 * u() - 1, b = 2 * u() - 1, r = a * a + b * b; if (r > 0 && r < 1) return a * Math.sqrt((-2 * Math.log(r)) / r); } };
  const positions = new Float64Array(3 * n), velocities = new Float64Array(3 * n);
  for (let i = 0; i < 3 * n; i++) { positions[i] = u() * L; velocities[i] = gauss(); }
  return { positions, velocities };
}

beforeAll(async () => { await init(); });

describe("school.metrics: known answers", () => {
  it("isotropic headings: H_vel ≈ 1, H_pol ≈ ln N / ln 288 (equal-area cells), P ≈ 0", () => {
    const { positions, velocities } = randomState(2000, 30, 3);
    const m = school.metrics({ positions, velocities, boxSize: 30 });
    expect(m.velocityCorrelationEntropy).toBeGreaterThan(0.995);
    expect(m.polarization).toBeLessThan(0.06);
    const few = randomState(40, 30, 5);
    const h = school.metrics({ ...few, boxSize: 30 }).polarizationEntropy;
    expect(Math.abs(h - Math.log(40) / Math.log(288))).toBeLessThan(0.03);
    const hl = school.metrics({ ...few, boxSize: 30 }, { legacy: true }).polarizationEntropy;
    expect(hl).toBeLessThanOrEqual(Math.log(40) / Math.log(288) + 1e-12);   // the seed's finite-sample ceiling
  });
  it("an aligned school: P = 1, H_vel = 0, H_pol = 0", () => {
    const { positions } = randomState(100, 20, 9);
    const velocities = new Float64Array(300).map((_, i) => (i % 3 === 0 ? 0.6 : i % 3 === 1 ? 0.8 : 0));
    for (const legacy of [true, false]) {
      const m = school.metrics({ positions, velocities, boxSize: 20 }, { legacy });
      expect(m.polarization).toBeCloseTo(1, 14);
      expect(Math.abs(m.velocityCorrelationEntropy)).toBe(0);
      expect(Math.abs(m.polarizationEntropy)).toBe(0);
      expect(m.orderIndex).toBe(m.polarization);
    }
  });
  it("an ideal ring mill: M ≈ 1, P ≈ 0; the corrected signed angular momentum is one bin (H_ang = 0)", () => {
    const n = 120, L = 30, positions = new Float64Array(3 * n), velocities = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      const t = (2 * Math.PI * i) / n;
      positions.set([15 + 6 * Math.cos(t), 15 + 6 * Math.sin(t), 15], 3 * i);
      velocities.set([-Math.sin(t), Math.cos(t), 0], 3 * i);
    }
    for (const legacy of [true, false]) {
      const m = school.metrics({ positions, velocities, boxSize: L }, { legacy });
      expect(m.rotation).toBeGreaterThan(0.999);
      expect(m.polarization).toBeLessThan(1e-12);
      expect(Math.abs(m.angularMomentumEntropy)).toBe(0);
    }
  });
  it("a school straddling the periodic faces: corrected centroid/spread see one compact group, legacy does not", () => {
    const n = 200, L = 40, { positions, velocities } = randomState(n, 4, 11);
    for (let i = 0; i < 3 * n; i++) positions[i] = (positions[i] - 2 + L) % L;   // a 4-unit cube around the corner
    const c = school.metrics({ positions, velocities, boxSize: L });
    const l = school.metrics({ positions, velocities, boxSize: L }, { legacy: true });
    expect(c.spread).toBeLessThan(2 * Math.sqrt(3) * 0.7);   // ≈ 2·√3·0.58 for a uniform 4-cube
    expect(l.spread).toBeGreaterThan(10);
  });
  it("degenerate inputs return 0.5 where the seed does", () => {
    const m = school.metrics({ positions: [1, 2, 3], velocities: [1, 0, 0], boxSize: 10 }, { legacy: true });
    for (const k of ["schoolCohesionEntropy", "angularMomentumEntropy", "nearestNeighborEntropy", "velocityCorrelationEntropy", "schoolShapeEntropy"] as const) expect(m[k]).toBe(0.5);
  });
});

describe("school: determinism", () => {
  const snap = (o: school.SchoolOptions) => { const r = school.create(o); r.advance(60); const out = [r.positions.slice(), r.velocities.slice()]; r.dispose(); return out; };
  it("same seed → bit-identical trajectories across runs (legacy and couzin2002); another seed differs", () => {
    for (const o of [{ case: "case1" as const, seed: 5 }, { case: "couzin_torus" as const, seed: 5 }, { case: "case3" as const, mode: "couzin2002" as const, boundary: "reflect" as const, seed: 2 }]) {
      const [a, b] = [snap(o), snap(o)];
      expect(a[0]).toEqual(b[0]); expect(a[1]).toEqual(b[1]);
      expect(snap({ ...o, seed: o.seed + 1 })[0]).not.toEqual(a[0]);
    }
  });
  it("SIMD and scalar builds give bit-identical trajectories and metrics (index-order and grid paths, open and periodic)", async () => {
    const run = async (simd: boolean) => {
      await init({ simd });
      const out: number[] = [];
      for (const o of [{ case: "case2" as const }, { case: "couzin_parallel" as const, nFish: 300 }, { case: "couzin_torus" as const, boundary: "periodic" as const, boxSize: 40 },
        { case: "couzin_parallel" as const, boundary: "periodic" as const, boxSize: 60, nFish: 400 }, { case: "case1" as const, nFish: 300, boxSize: 60, rAttraction: 11 }]) {
        const r = school.create(o); r.advance(40);
        out.push(...r.positions, ...r.velocities, ...r.metricsArray(true), ...r.metricsArray(false));
        r.dispose();
      }
      return out;
    };
    const scalar = await run(false), simd = await run(true);
    expect(simd.length).toBe(scalar.length);
    expect(simd.every((v, i) => Object.is(v, scalar[i]))).toBe(true);
  });
  it("the cell grid gives the all-pairs answer: legacy in a box with many cells equals the same run in one cell", () => {
    // r_a small against L → 5³ cells and sorted candidate lists; compare against an all-pairs reference in JS
    // (noise-free, so no random stream is needed)
    const o = { case: "case1" as const, nFish: 300, boxSize: 60, rRepulsion: 1, rOrientation: 4, rAttraction: 11, seed: 3, noise: 0 };
    expect(stepError(school.create(o), legacyStepJs, "positions")).toBeLessThan(1e-12);
  });
});

/** Max |difference| between one step of `r` (disposed afterwards) and a JS reference step from the same state. */
function stepError(r: school.SchoolRun, ref: (p: Float64Array, v: Float64Array, o: school.SchoolResolved) => Float64Array, what: "positions" | "velocities"): number {
  const pos = r.positions.slice(), vel = r.velocities.slice();
  r.advance(1);
  const want = ref(pos, vel, r.options), got = r[what];
  const d = got.reduce((e, v, i) => Math.max(e, Math.abs(v - want[i])), 0);
  r.dispose();
  return d;
}

/** One noise-free legacy step in plain JS over all pairs in index order; returns the new positions. */
function legacyStepJs(pos: Float64Array, vel: Float64Array, o: school.SchoolResolved): Float64Array {
  const n = pos.length / 3, L = o.boxSize, out = new Float64Array(3 * n);
  const thr = o.blindAngle > 0 ? -Math.cos((o.blindAngle * Math.PI) / 180) : -2;
  for (let i = 0; i < n; i++) {
    const vn = Math.hypot(vel[3 * i], vel[3 * i + 1], vel[3 * i + 2]);
    const c = [vel[3 * i] / vn, vel[3 * i + 1] / vn, vel[3 * i + 2] / vn];
    const rep = [0, 0, 0], ori = [0, 0, 0], att = [0, 0, 0];
    let nr = 0, no = 0, na = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = [0, 1, 2].map((a) => { const x = pos[3 * j + a] - pos[3 * i + a]; return x - L * Math.round(x / L); });
      const dist = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
      if (dist >= o.rAttraction) continue;
      const u = d.map((x) => x / dist);
      if (thr > -2 && !(c[0] * u[0] + c[1] * u[1] + c[2] * u[2] > thr)) continue;
      if (dist < o.rRepulsion) { for (let a = 0; a < 3; a++) rep[a] += u[a]; nr++; }
      else if (dist < o.rOrientation) { const m = Math.hypot(vel[3 * j], vel[3 * j + 1], vel[3 * j + 2]); for (let a = 0; a < 3; a++) ori[a] += vel[3 * j + a] / m; no++; }
      else { for (let a = 0; a < 3; a++) att[a] += u[a]; na++; }
    }
    let des = c;
    if (nr > 0) { const m = Math.hypot(rep[0], rep[1], rep[2]); if (m > 1e-10) des = rep.map((x) => -x / m); }
    else if (no + na > 0) { const t = [0, 1, 2].map((a) => (no ? ori[a] * o.orientationWeight : 0) + att[a]); const m = Math.hypot(t[0], t[1], t[2]); if (m > 1e-10) des = t.map((x) => x / m); }
    const ang = Math.acos(Math.min(1, Math.max(-1, c[0] * des[0] + c[1] * des[1] + c[2] * des[2])));
    let nd = c;
    if (ang >= 1e-10) {
      if (ang <= o.maxTurn) nd = des;
      else { const t = o.maxTurn / ang, b = [0, 1, 2].map((a) => c[a] * (1 - t) + des[a] * t), m = Math.hypot(b[0], b[1], b[2]); nd = b.map((x) => x / m); }
    }
    for (let a = 0; a < 3; a++) out[3 * i + a] = nd[a] * o.speed;
  }
  for (let q = 0; q < 3 * n; q++) { let x = pos[q] + out[q] * o.dt; x %= L; if (x < 0) x += L; out[q] = x; }
  return out;
}

/** One noise-free couzin2002 step in plain JS over all pairs (minimum image); returns the new velocities. */
function couzinStepJs(pos: Float64Array, vel: Float64Array, o: school.SchoolResolved): Float64Array {
  const n = pos.length / 3, L = o.boxSize, out = new Float64Array(3 * n);
  const thr = o.blindAngle > 0 ? -Math.cos((o.blindAngle * Math.PI) / 180) : -2;
  for (let i = 0; i < n; i++) {
    const vn = Math.hypot(vel[3 * i], vel[3 * i + 1], vel[3 * i + 2]), c = [0, 1, 2].map((a) => vel[3 * i + a] / vn);
    const R = [0, 0, 0], O = [0, 0, 0], A = [0, 0, 0];
    let nr = 0, no = 0, na = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = [0, 1, 2].map((a) => { const x = pos[3 * j + a] - pos[3 * i + a]; return o.boundary === "periodic" ? x - L * Math.round(x / L) : x; });
      const d2 = d[0] ** 2 + d[1] ** 2 + d[2] ** 2, dist = Math.sqrt(d2);
      if (!(d2 < o.rAttraction ** 2) || d2 < 1e-24 || !(c[0] * d[0] + c[1] * d[1] + c[2] * d[2] > thr * dist)) continue;
      if (d2 < o.rRepulsion ** 2) { d.forEach((x, a) => (R[a] += x / dist)); nr++; }
      else if (d2 < o.rOrientation ** 2) { const m = Math.hypot(vel[3 * j], vel[3 * j + 1], vel[3 * j + 2]); for (let a = 0; a < 3; a++) O[a] += vel[3 * j + a] / m; no++; }
      else { d.forEach((x, a) => (A[a] += x / dist)); na++; }
    }
    const unit = (v: number[]) => { const m = Math.hypot(v[0], v[1], v[2]); return v.map((x) => x / m); };
    let des = c;
    if (nr) des = unit(R.map((x) => -x));
    else if (no || na) {
      const o_ = no ? unit(O.map((x, a) => x + c[a])) : [0, 0, 0], a_ = na ? unit(A) : [0, 0, 0];
      des = unit(no && na ? o_.map((x, a) => 0.5 * (x + a_[a])) : no ? o_ : a_);
    }
    const dot = Math.min(1, Math.max(-1, c[0] * des[0] + c[1] * des[1] + c[2] * des[2]));
    let nd = des;
    if (Math.acos(dot) > o.maxTurn) {
      const w = unit(des.map((x, a) => x - dot * c[a]));
      nd = c.map((x, a) => Math.cos(o.maxTurn) * x + Math.sin(o.maxTurn) * w[a]);
    }
    nd = unit(nd);
    for (let a = 0; a < 3; a++) out[3 * i + a] = nd[a] * o.speed;
  }
  return out;
}

describe("school couzin2002 mode", () => {
  it("one step equals an all-pairs JS step (grid path with periodic images, and open space)", () => {
    for (const o of [{ boundary: "periodic" as const, boxSize: 60 }, { boundary: "open" as const, boxSize: 20 }]) {
      const r = school.create({ case: "couzin_parallel", nFish: 400, noise: 0, seed: 9, ...o });
      if (o.boundary === "periodic") {   // spread the fish over the whole box so many pairs interact across faces
        const p = r.positions;
        for (let i = 0; i < p.length; i++) p[i] = (p[i] * 3 + 7 * i) % 60;
      }
      expect(stepError(r, couzinStepJs, "velocities")).toBeLessThan(1e-9);
    }
  });
  it("the Couzin torus set sustains a mill (second-half M > 0.7, P < 0.3) in open space", () => {
    const s = school.simulate({ case: "couzin_torus", seed: 11, nSteps: 2000 });
    expect(s.mean.rotation).toBeGreaterThan(0.7);
    expect(s.mean.polarization).toBeLessThan(0.3);
    expect(s.state).toBe("Torus/Milling");
    expect(s.min.rotation * 0 + s.series.rotation.subarray(1000).reduce((a, b) => Math.min(a, b), 1)).toBeGreaterThan(0.5);
  });
  it("large r_o gives a highly parallel group", () => {
    const s = school.simulate({ case: "couzin_parallel", seed: 4, nSteps: 1500 });
    expect(s.mean.polarization).toBeGreaterThan(0.95);
    expect(s.state).toBe("Highly Parallel");
  });
  it("turns are exact rotations capped at turnRate·dt", () => {
    const r = school.create({ case: "couzin_swarm", noise: 0, seed: 3 });
    for (let s = 0; s < 20; s++) {
      const v0 = r.velocities.slice();
      r.advance(1);
      const v1 = r.velocities;
      for (let i = 0; i < v0.length; i += 3) {
        const c = (v0[i] * v1[i] + v0[i + 1] * v1[i + 1] + v0[i + 2] * v1[i + 2]) / 9;
        expect(Math.acos(Math.min(1, c))).toBeLessThanOrEqual(r.options.maxTurn + 1e-9);
        expect(Math.hypot(v1[i], v1[i + 1], v1[i + 2])).toBeCloseTo(3, 12);
      }
    }
    r.dispose();
  });
  it("hysteresis sweep returns P and M for r_o up then down", () => {
    const pts = school.sweep({ case: "couzin_swarm", nSteps: 200, nFish: 60 }, [1.5, 6, 12]);
    expect(pts.map((p) => [p.rOrientation, p.direction])).toEqual([[1.5, "up"], [6, "up"], [12, "up"], [6, "down"], [1.5, "down"]]);
    for (const p of pts) { expect(p.polarization).toBeGreaterThanOrEqual(0); expect(p.polarization).toBeLessThanOrEqual(1); }
    expect(pts[2].polarization).toBeGreaterThan(0.9);    // r_o = 12: parallel
  });
});

describe("school legacy: the seed's statistical bands (second-half means, seeds other than the configs')", () => {
  const ens = (c: school.SchoolCase, seeds: number[]) => seeds.map((seed) => school.simulate({ case: c, seed }));
  const avg = (xs: school.SchoolSummary[], k: school.MetricKey) => xs.reduce((a, s) => a + s.mean[k], 0) / xs.length;
  it("swarm (case1): P 0.06–0.10, M 0.05–0.075, OSI 0.66–0.73, H_vel > 0.99", () => {
    const e = ens("case1", [1, 2, 3, 4]);
    expect(avg(e, "polarization")).toBeGreaterThan(0.06); expect(avg(e, "polarization")).toBeLessThan(0.1);
    expect(avg(e, "rotation")).toBeGreaterThan(0.05); expect(avg(e, "rotation")).toBeLessThan(0.075);
    expect(avg(e, "oceanicSchoolingIndex")).toBeGreaterThan(0.66); expect(avg(e, "oceanicSchoolingIndex")).toBeLessThan(0.73);
    expect(avg(e, "velocityCorrelationEntropy")).toBeGreaterThan(0.99);
    for (const s of e) expect(s.state).toBe("Swarm");
  });
  it("dynamic parallel (case3): P ≥ 0.97, OSI 0.27–0.38", () => {
    const e = ens("case3", [1, 2, 3, 4]);
    for (const s of e) expect(s.mean.polarization).toBeGreaterThanOrEqual(0.97);
    expect(avg(e, "oceanicSchoolingIndex")).toBeGreaterThan(0.27); expect(avg(e, "oceanicSchoolingIndex")).toBeLessThan(0.38);
  });
  it("highly parallel (case4): P ≥ 0.99, H_vel < 0.01 (median), OSI 0.23–0.36", () => {
    // About a third of seeds settle at P ≈ 0.994 with H_vel ≈ 0.017–0.025; the numpy reference of the seed's
    // rule does the same (seeds 3 and 7: H_vel 0.0170 and 0.0187 there, 0.0170 and 0.0192 here), so the
    // band holds for the median run, not for every run.
    const e = ens("case4", [1, 2, 3, 4, 5, 6]);
    for (const s of e) expect(s.mean.polarization).toBeGreaterThanOrEqual(0.99);
    const hv = e.map((s) => s.mean.velocityCorrelationEntropy).sort((a, b) => a - b);
    expect(hv[2]).toBeLessThan(0.01);
    for (const h of hv) expect(h).toBeLessThan(0.03);
    expect(avg(e, "oceanicSchoolingIndex")).toBeGreaterThan(0.23); expect(avg(e, "oceanicSchoolingIndex")).toBeLessThan(0.36);
  }, 30000);
  it("torus (case2) is bimodal: P < 0.2 or polarised (median of the polarised runs 0.72–0.86)", () => {
    const e = ens("case2", [1, 2, 3, 4, 42]);
    const P = e.map((s) => s.mean.polarization);
    for (const p of P) expect(p < 0.2 || (p > 0.5 && p < 0.95)).toBe(true);
    const pol = P.filter((p) => p > 0.5).sort((a, b) => a - b);
    expect(pol.length).toBeGreaterThan(0);
    const med = pol[Math.floor(pol.length / 2)];
    expect(med).toBeGreaterThan(0.72); expect(med).toBeLessThan(0.86);
    expect(P.some((p) => p < 0.2)).toBe(true);   // seed 42, the config's own seed, decays to a swarm as the seed's NumPy run does
  }, 30000);
});

describe("school: boundaries and open-space metrics", () => {
  it("reflecting walls keep every fish in [0, L]³; open space lets the school leave the initial cube", () => {
    const r = school.create({ case: "couzin_parallel", boundary: "reflect", boxSize: 30, seed: 2 });
    for (let s = 0; s < 300; s++) {
      r.advance(1);
      for (const v of r.positions) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(30); }
    }
    r.dispose();
    const o = school.create({ case: "couzin_parallel", seed: 2 });
    o.advance(300);
    expect(o.positions.some((v) => v < 0 || v > 20)).toBe(true);   // a polarised group swims away (s = 3, t = 30)
    o.dispose();
  });
  it("open-space metrics (periodic: false): the plain centroid, spread and kNN in the bounding box", () => {
    const { positions, velocities } = randomState(200, 50, 21);
    for (let i = 0; i < positions.length; i++) positions[i] = positions[i] * 3 - 40;   // anywhere, negative too
    const m = school.metrics({ positions, velocities, boxSize: 50 }, { periodic: false });
    const n = 200, c = [0, 1, 2].map((a) => positions.filter((_, i) => i % 3 === a).reduce((x, y) => x + y, 0) / n);
    let ss = 0;
    for (let i = 0; i < n; i++) for (let a = 0; a < 3; a++) ss += (positions[3 * i + a] - c[a]) ** 2;
    expect(m.spread).toBeCloseTo(Math.sqrt(ss / n), 10);
    // nearest-neighbour distances by brute force → the cohesion entropy's histogram
    const nnd = Array.from({ length: n }, (_, i) => { let b = Infinity; for (let j = 0; j < n; j++) if (j !== i) b = Math.min(b, Math.hypot(positions[3 * j] - positions[3 * i], positions[3 * j + 1] - positions[3 * i + 1], positions[3 * j + 2] - positions[3 * i + 2])); return b; });
    const h = new Array(25).fill(0);
    for (const d of nnd) if (d <= 25) h[Math.min(24, Math.floor(d / 1))]++;
    const tot = h.reduce((x, y) => x + y, 0);
    const H = -h.filter((x) => x > 0).reduce((acc, x) => acc + (x / tot) * Math.log(x / tot), 0) / Math.log(25);
    expect(m.schoolCohesionEntropy).toBeCloseTo(H, 10);
  });
});

describe("school: errors", () => {
  it("bad options name the option, the value and the fix", () => {
    expect(() => school.simulate({ case: "case9" as never })).toThrow(/case must be one of case1, case2/);
    expect(() => school.simulate({ rRepulsion: 3, rOrientation: 2 })).toThrow(/rRepulsion < rOrientation ≤ rAttraction, got 3, 2, 15/);
    expect(() => school.simulate({ mode: "couzin2002", boundary: "periodic", boxSize: 25, rAttraction: 15 })).toThrow(/rAttraction = 15 exceeds half the periodic box \(boxSize\/2 = 12.5\).*boxSize ≥ 30 or boundary "open"/);
    expect(() => school.simulate({ boundary: "open" })).toThrow(/legacy mode is the seed's periodic cube/);
    expect(() => school.simulate({ nFish: 1 })).toThrow(/nFish must be an integer 2 ≤ nFish/);
    expect(() => school.simulate({ nFsh: 3 } as never)).toThrow(/unknown option "nFsh" — did you mean "nFish"/);
    expect(() => school.simulate({ legacy: true, mode: "couzin2002" })).toThrow(/contradicts/);
    expect(() => school.simulate({ saveInterval: 5000 })).toThrow(/saveInterval = 5000 exceeds nSteps = 1000/);
    expect(() => school.metrics({ positions: [1, 2], velocities: [1, 2], boxSize: 3 })).toThrow(/positions must hold 3N numbers/);
    expect(() => school.metrics({ positions: [1, 2, 3], velocities: [1, 0, 0], boxSize: 0 })).toThrow(/boxSize must be a number > 0/);
  });
});
