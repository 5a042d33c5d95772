// Klein–Gordon corrected solvers against analytic oracles (klein-gordon.md §3, §6): the exact linear spectral
// solution, the exact sine-Gordon breather, a static φ⁴ kink pair, a boosted kink, the u = 0.3 kink–antikink
// collision, and observed integrator orders.
import { describe, it, expect, beforeAll } from "vitest";
import { init, kleinGordon } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";

/** Exact linear KG flow of φ0 = e^{−(x/w)²}, φ̇0 = 0 on the periodic grid: brute-force DFT (O(n²), n small). */
function linearExact(x: Float64Array, L: number, m: number, t: number, w: number): Float64Array {
  const n = x.length, out = new Float64Array(n), f0 = Array.from(x, (v) => Math.exp(-((v / w) ** 2)));
  for (let k = 0; k < n; k++) {
    const kk = k <= n / 2 ? k : k - n, kw = (2 * Math.PI * kk) / L, c = Math.cos(Math.sqrt(kw * kw + m * m) * t);
    let re = 0, im = 0;
    for (let j = 0; j < n; j++) { const a = (-2 * Math.PI * k * j) / n; re += f0[j] * Math.cos(a); im += f0[j] * Math.sin(a); }
    for (let j = 0; j < n; j++) { const a = (2 * Math.PI * k * j) / n; out[j] += (c * (re * Math.cos(a) - im * Math.sin(a))) / n; }
  }
  return out;
}
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => { let e = 0; for (let j = 0; j < a.length; j++) e = Math.max(e, Math.abs(a[j] - b[j])); return e; };
const order = (e: number[]) => e.slice(1).map((v, i) => Math.log2(e[i] / v));

describe("klein-gordon corrected solvers", () => {
  beforeAll(async () => { await init(); });

  const lin = { case: "case1" as const, nx: 128, xMin: -20, xMax: 20, tFinal: 5, nFrames: 1, position: 0, width: 2 };

  it("linear KG: strang_exact, yoshida4 and yoshida6 are exact to round-off at any Δt", () => {
    for (const method of ["strang_exact", "yoshida4", "yoshida6"] as const) {
      for (const dt of [0.05, 0.01]) {
        const r = kleinGordon.solve({ ...lin, method, dt });
        expect(maxDiff(r.phi[1], linearExact(r.x, 40, 1, 5, 2)), `${method} dt=${dt}`).toBeLessThan(1e-13);
      }
    }
  });

  it("linear KG: velocity Verlet converges at second order", () => {
    const e = [0.04, 0.02, 0.01].map((dt) => { const r = kleinGordon.solve({ ...lin, method: "verlet", dt }); return maxDiff(r.phi[1], linearExact(r.x, 40, 1, 5, 2)); });
    expect(e[2]).toBeLessThan(3e-5);
    for (const p of order(e)) expect(p).toBeGreaterThan(1.95), expect(p).toBeLessThan(2.05);
  });

  it("sine-Gordon breather: observed orders 2 (verlet, strang), 4 (yoshida4), 6 (yoshida6, kahanli6)", () => {
    const base = { case: "sg_breather" as const, tFinal: 10, nFrames: 1, nx: 256 };
    const ref = kleinGordon.solve({ ...base, method: "yoshida6", dt: 0.005 }).phi[1];
    const want = { verlet: 2, strang_exact: 2, yoshida4: 4, yoshida6: 6, kahanli6: 6 };
    for (const [method, p] of Object.entries(want)) {
      const e = [0.1, 0.05, 0.025].map((dt) => maxDiff(kleinGordon.solve({ ...base, method: method as "verlet", dt }).phi[1], ref));
      for (const q of order(e)) expect(Math.abs(q - p), `${method}: errors ${e.map((v) => v.toExponential(2))}`).toBeLessThan(0.1);
    }
  });

  it("exact SG breather ω = 0.5 (N = 512, Δt = 0.01, T = 80): max error ≤ 1e-4, relative H drift ≤ 1e-5 (yoshida4)", () => {
    const om = 0.5, eps = Math.sqrt(1 - om * om);
    let err = 0, frames = 0;
    const s = kleinGordon.simulate({ case: "sg_breather", method: "yoshida4", nx: 512, dt: 0.01, tFinal: 80, nFrames: 80 }, (f) => {
      for (let j = 0; j < f.phi.length; j++) {
        const x = -40 + (j * 80) / 512;
        err = Math.max(err, Math.abs(f.phi[j] - 4 * Math.atan(((eps / om) * Math.sin(om * f.t)) / Math.cosh(eps * x))));
      }
      frames++;
    });
    expect(frames).toBe(81);
    expect(s.steps).toBe(8000);
    expect(err).toBeLessThan(1e-4);
    expect(s.invariants.drift.energy).toBeLessThan(1e-5);
    expect(s.invariants.energy[0]).toBeCloseTo(16 * eps, 10);          // breather energy 16√(1−ω²)
  });

  it("static φ⁴ kink + antikink 50 apart: unchanged to 1e-12 after t = 50, H = 2·E_kink", () => {
    const r = kleinGordon.solve({ case: "kink_pair_static" });
    expect(r.t.at(-1)).toBe(50);
    expect(maxDiff(r.phi.at(-1)!, r.phi[0])).toBeLessThan(1e-12);
    expect(r.invariants.energy[0]).toBeCloseTo((2 * 2 * Math.SQRT2) / 3, 6);   // E_kink = 2√2 v³√λ/3
  });

  it("boosted φ⁴ kink (Neumann/DCT-I grid) moves at u = 0.5 to 1e-4 and its width is √2/(v√λ)", () => {
    const pos: Array<[number, number, number]> = [];
    const s = kleinGordon.simulate({ case: "boosted_kink" }, (f) => { expect(f.kinks.length).toBe(1); expect(f.charge).toBeCloseTo(1, 8); pos.push([f.t, f.kinks[0], f.centroid]); });
    const [a, b] = [pos[10], pos.at(-1)!];
    expect(Math.abs((b[1] - a[1]) / (b[0] - a[0]) - 0.5)).toBeLessThan(1e-4);
    expect(Math.abs((b[2] - a[2]) / (b[0] - a[0]) - 0.5)).toBeLessThan(1e-4);     // energy-density centroid too
    expect(Math.abs(b[2] - b[1])).toBeLessThan(1e-3);
    expect(s.invariants.drift.energy).toBeLessThan(1e-10);
    // H = γ·E_kink with E_kink = 2√2 v³√λ/3 (width-consistent profile; the seed's √2 width is wrong for v√λ ≠ 1)
    const wide = kleinGordon.simulate({ case: "boosted_kink", vacuum: 2, lambda: 0.5, nFrames: 1, tFinal: 1 });
    expect(wide.invariants.energy[0]).toBeCloseTo(((2 * Math.SQRT2 * 8 * Math.sqrt(0.5)) / 3) / Math.sqrt(1 - 0.25), 5);
  });

  it("corrected kink–antikink at u = 0.3 > v_c ≈ 0.2598: one collision near t ≈ 30, walls escape at ≈ 0.14, H to 1e-6", () => {
    const frames: Array<{ t: number; k: number[] }> = [];
    let signs: number[] = [];
    const s = kleinGordon.simulate({ case: "kink_antikink", method: "yoshida4" }, (f) => { expect(Math.abs(f.charge)).toBeLessThan(1e-3); if (f.index === 0) signs = f.kinkSigns; frames.push({ t: f.t, k: f.kinks }); });
    const empty = frames.filter((f) => f.k.length === 0).map((f) => f.t);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty[0]).toBeGreaterThan(27); expect(empty.at(-1)!).toBeLessThan(34);
    // exactly one collision: before it two walls approach, after it two walls recede, never meeting again
    const after = frames.filter((f) => f.t > empty.at(-1)!);
    for (const f of after) expect(f.k.length).toBe(2);
    const [p, q] = [after.find((f) => f.t >= 50)!, frames.at(-1)!];
    const speed = (q.k[1] - p.k[1]) / (q.t - p.t);
    expect(speed).toBeGreaterThan(0.12); expect(speed).toBeLessThan(0.16);
    expect(frames[0].k[0]).toBeCloseTo(-10, 3); expect(frames[0].k[1]).toBeCloseTo(10, 3);
    expect(signs).toEqual([1, -1]);                               // kink on the left, antikink on the right
    expect(s.invariants.drift.energy).toBeLessThan(1e-6);
  });

  it("dealiasing: pad2 and two_thirds give the exact projected φ⁴ force of a band-limited cosine; none aliases", () => {
    const k = kernel(), n = 64, L = 2 * Math.PI, dx = L / n, j1 = 13, a = 0.8;      // 3·j1 = 39 > n/2: φ³ aliases
    const buf = k.alloc(16 * n);
    const exact = (x: number) => (-(j1 * j1) * a - (0.75 * a ** 3 - a)) * Math.cos(j1 * x);   // λ = v = 1; cos 3j1x dropped
    const err: Record<string, number> = {};
    for (const [name, mode] of [["none", 0], ["two_thirds", 1], ["pad2", 2]] as const) {
      const ctx = k.kgCreate(n, dx, 0, 1, 1, 1, 1);
      if (mode) k.kgSetDealias(ctx, mode);
      const phi = new Float64Array(k.memory.buffer, buf, n);
      for (let j = 0; j < n; j++) phi[j] = a * Math.cos(j1 * j * dx);
      k.kgForce(ctx, buf, buf + 8 * n);
      const f = new Float64Array(k.memory.buffer, buf + 8 * n, n);
      err[name] = maxDiff(f, Array.from({ length: n }, (_, j) => exact(j * dx)));
      k.kgFree(ctx);
    }
    k.free(buf);
    expect(err.none).toBeGreaterThan(0.05);                  // the aliased cos((n − 3j1)x) term, amplitude a³/4
    expect(err.two_thirds).toBeLessThan(1e-10);               // |F| ≈ 135: round-off
    expect(err.pad2).toBeLessThan(1e-10);
  });

  it("dealiased runs: a resolved breather is unchanged by pad2 (≤ 1e-8); a Neumann kink with pad2 still moves at u", () => {
    const o = { case: "sg_breather" as const, method: "verlet" as const, tFinal: 20, nFrames: 1 };
    expect(maxDiff(kleinGordon.solve({ ...o, dealias: "pad2" }).phi[1], kleinGordon.solve(o).phi[1])).toBeLessThan(1e-8);
    const pos: number[] = [];
    kleinGordon.simulate({ case: "boosted_kink", dealias: "pad2", tFinal: 10, nFrames: 2 }, (f) => pos.push(f.kinks[0]));
    expect(Math.abs((pos[2] - pos[0]) / 10 - 0.5)).toBeLessThan(1e-4);
  });

  it("sponge layer absorbs an outgoing packet (energy → < 1e-4 of its start); without it H is conserved", () => {
    const o = { case: "gaussian_packet" as const, method: "verlet" as const, tFinal: 100, nFrames: 5, spongeWidth: 10 };
    const free = kleinGordon.simulate({ ...o, spongeStrength: 0 }).invariants.energy;
    const damped = kleinGordon.simulate({ ...o, spongeStrength: 2 }).invariants.energy;
    expect(Math.abs(free[5] / free[0] - 1)).toBeLessThan(1e-5);
    expect(damped[5] / damped[0]).toBeLessThan(1e-4);
    expect(damped[1] / damped[0]).toBeGreaterThan(0.99);      // nothing absorbed before the packet reaches the layer
  });

  it("sine-Gordon force sin: within 1 ulp of Math.sin for |x| < 1e4, SIMD lanes bit-identical to the scalar path", () => {
    const k = kernel(), out = k.alloc(32);
    let s = 11, worst = 0;
    for (let i = 0; i < 20000; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const x = (s / 2 ** 32 - 0.5) * [8, 60, 2e4, 1e-7][i % 4];
      k.sinFastCheck(x, out);
      const r = new Float64Array(k.memory.buffer, out, 4);
      const ulp = Math.max(Number.EPSILON * Math.abs(r[1]), Number.MIN_VALUE);
      worst = Math.max(worst, Math.abs(r[0] - r[1]) / (2 ** Math.floor(Math.log2(Math.abs(r[1]) || 1)) * Number.EPSILON));
      expect(Math.abs(r[0] - r[1]), `x = ${x}`).toBeLessThanOrEqual(ulp);
      expect(Object.is(r[2], r[0]) && Object.is(r[3], -r[0]) || Object.is(r[3], 0 - r[0]), `x = ${x}`).toBe(true);
    }
    expect(worst).toBeLessThanOrEqual(1);
    for (const x of [NaN, Infinity, 3e5]) { k.sinFastCheck(x, out); const r = new Float64Array(k.memory.buffer, out, 4); expect(Object.is(r[0], r[1])).toBe(true); }
    k.free(out);
  });

  it("cfl chooses Δt from Δt·√(k_max² + max V″) (shrunk to divide the frame spacing); cfl ≥ 2 is refused for Verlet", () => {
    const s = kleinGordon.simulate({ case: "kink_antikink", cfl: 1.5, tFinal: 2, nFrames: 2 });
    const kmax = Math.PI / (100 / 1024), bound = s.dtInitial * Math.sqrt(kmax * kmax + 2);
    expect(bound).toBeLessThanOrEqual(1.5 + 1e-12);
    expect(bound).toBeGreaterThan(1.5 * (1 - 1 / 20));
    expect(() => kleinGordon.simulate({ case: "kink_antikink", cfl: 2.5 })).toThrow(/unstable for velocity Verlet/);
    expect(() => kleinGordon.simulate({ case: "kink_antikink", cfl: 1, dt: 0.01 })).toThrow(/give dt or cfl, not both/);
    expect(() => kleinGordon.simulate({ case: "case2", legacy: true, cfl: 1 })).toThrow(/drop cfl/);
  });

  it("rejects bad options with the option, the value and the fix", () => {
    expect(() => kleinGordon.simulate({ case: "case9" as "case1" })).toThrow(/case must be one of case1/);
    expect(() => kleinGordon.simulate({ nx: 513 })).toThrow(/nx must be an even integer ≥ 8, got 513/);
    expect(() => kleinGordon.simulate({ case: "kink_antikink", velocity: 1.2 })).toThrow(/\|u\| < 1, got 1.2/);
    expect(() => kleinGordon.simulate({ case: "case2", method: "verlet", dt: 0.5 })).toThrow(/unstable for velocity Verlet .* use dt </);
    expect(() => kleinGordon.simulate({ case: "boosted_kink", method: "yoshida4" })).toThrow(/need a periodic grid/);
    expect(() => kleinGordon.simulate({ case: "case3", legacy: true, dealias: "pad2" })).toThrow(/dealias and the sponge layer work with method "verlet" only/);
    expect(() => kleinGordon.simulate({ dealias: "half" as "pad2" })).toThrow(/dealias must be "none", "two_thirds" or "pad2"; got string "half"/);
    expect(() => kleinGordon.simulate({ spongeWidth: 40, spongeStrength: 1 })).toThrow(/spongeWidth must be in \[0, \(xMax − xMin\)\/2\)/);
    expect(() => kleinGordon.simulate({ tfinal: 3 } as never)).toThrow(/unknown option "tfinal" — did you mean "tFinal"/);
  });
});

describe("kleinGordon.create: frame by frame", () => {
  beforeAll(async () => { await init(); });
  it("step() gives the same frames as simulate, state() copies, null at the end, dispose() is final", () => {
    const o = { case: "case3" as const, legacy: true, tFinal: 4, nFrames: 8 };
    const ref = kleinGordon.solve(o);
    const run = kleinGordon.create(o);
    expect(run.state()).toBeNull();
    let i = 0;
    for (let f = run.step(); f; f = run.step(), i++) {
      expect(f.t).toBe(ref.t[i]);
      expect(maxDiff(f.phi, ref.phi[i])).toBe(0);
      expect(maxDiff(f.phiT, ref.phiT[i])).toBe(0);
    }
    expect(i).toBe(ref.t.length);
    expect(run.step()).toBeNull();
    const s = run.summary();
    expect(s.steps).toBe(ref.steps);
    expect(Array.from(s.invariants.energy)).toEqual(Array.from(ref.invariants.energy));
    run.dispose();
    expect(() => run.step()).toThrow(/disposed; create a new one/);
    const r2 = kleinGordon.create({ case: "sg_kink", nFrames: 2, tFinal: 1 });
    r2.step(); const st = r2.state()!; r2.step();
    expect(st.t).toBe(0); expect(st.phi.length).toBe(1024);
    r2.dispose(); r2.dispose();
  });
});
