// The generated DOP853 kernels (assembly/ode/dop853_small.ts for real N < 16, dop853_large.ts for N ≥ 16: constant
// coefficients, straight-line f64x2 stages, y_new + error scale + error norm in one pass) against the generic
// stepper they replace (rk.ts rkStep/errorNorm over the sparse tableau, selected with the kernel's odeSetGeneric(1)):
// t, y, dense output, nfev, naccept and nreject bit for bit — real and complex states of every size class
// (pair tails, odd N, blocks), scalar and per-component rtol, NLSE legacy runs — and the SIMD build = the scalar build.
import { describe, it, expect, afterAll } from "vitest";
import { init, ode, nlse } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";
import { randomArray } from "./helpers/dft.js";

type Gen = { odeSetGeneric(on: number): number };
const setGeneric = (on: boolean) => (kernel() as unknown as Gen).odeSetGeneric(on ? 1 : 0);

/** A stable-ish random real or complex n×n matrix (diagonal shifted left so the runs take a few hundred steps). */
function matrix(n: number, complex: boolean, seed: number): Float64Array {
  const w = complex ? 2 : 1;
  return randomArray(w * n * n, seed).map((v, i) => (i % (w * n + w) === 0 ? v - 2 : v * 0.7));
}

/** Everything one run produces, flattened: times, states, dense output at a few points, counters. */
function runLinear(n: number, complex: boolean, rtolVector: boolean): Float64Array[] {
  const sys = ode.systems.linear({ matrix: matrix(n, complex, 11 + n), complex });
  const y0 = randomArray((complex ? 2 : 1) * n, 3 + n);
  const rtol = rtolVector ? Array.from({ length: n }, (_, i) => 1e-9 * (1 + (i % 3))) : 1e-9;
  const a = ode.solve("DOP853", sys, [0, 3], y0, { rtol, atol: 1e-12 });
  const b = ode.solve("DOP853", sys, [0, 3], y0, { rtol, atol: 1e-12, dense: true, tEval: [0.5, 1, 2.75] });
  return [a.t, ...a.y, ...b.y, b.sol!(0.123), b.sol!(2.9), Float64Array.of(a.nfev, a.naccept, a.nreject, b.nfev, b.naccept, b.nreject)];
}

function runSmall(): Float64Array[] {
  const l = ode.solve("DOP853", ode.systems.lorenz(), [0, 20], [1, 1, 1], { rtol: 1e-10, atol: 1e-12, dense: true });
  const a = ode.solve("DOP853", ode.systems.arenstorf(), [0, 17.0652165601579625588917206249], [0.994, 0, 0, -2.00158510637908252240537862224], { rtol: 1e-10, atol: 1e-10 });
  const v = ode.solve("DOP853", ode.systems.vanDerPol({ mu: 2 }), [0, 15], [2, 0], { rtol: 1e-9, atol: 1e-11, tEval: [1, 5, 15] });
  return [l.t, ...l.y, l.sol!(7.77), a.t, ...a.y, ...v.y, Float64Array.of(l.nfev, l.naccept, l.nreject, a.nfev, a.naccept, a.nreject, v.nfev, v.naccept, v.nreject)];
}

/** NLSE legacy (complex N = 512 → 1024 doubles, filter in the RHS), shortened: snapshots, nfev, steps. */
function runNlse(c: "two_soliton" | "breather", full = false): Float64Array[] {
  const psi: Float64Array[] = [];
  const s = nlse.simulate(full ? { case: c, legacy: true } : { case: c, legacy: true, tFinal: 2, nSnapshots: 11 }, (snap) => { psi.push(snap.psi.slice()); });
  return [...psi, Float64Array.of(s.nfev, s.steps.accepted, s.steps.rejected)];
}

const CASES: Array<[string, () => Float64Array[]]> = [
  ["real N = 16 (two blocks)", () => runLinear(16, false, false)],
  ["real N = 17 (odd: scalar tail)", () => runLinear(17, false, false)],
  ["real N = 27 (block, pair and scalar tails), rtol per component", () => runLinear(27, false, true)],
  ["complex n = 8 (N = 16)", () => runLinear(8, true, false)],
  ["complex n = 13 (N = 26), rtol per component", () => runLinear(13, true, true)],
  ["real N = 2, 3, 4 (van der Pol, Lorenz, Arenstorf: dop853_small.ts)", runSmall],
  ["NLSE legacy two_soliton, N = 512", () => runNlse("two_soliton")],
  ["NLSE legacy breather, N = 512, the whole seed run", () => runNlse("breather", true)],
  ["NLSE corrected mode (filter after the step, amplitudes 1/N), DOP853, N = 256", () => {
    const psi: Float64Array[] = [];
    const r = nlse.simulate({ case: "two_soliton", method: "dop853", numPoints: 256, tFinal: 1, nSnapshots: 6, rtol: 1e-8, atol: 1e-10 }, (snap) => { psi.push(snap.psi.slice()); });
    return [...psi, Float64Array.of(r.nfev, r.steps.accepted, r.steps.rejected)];
  }],
];

function same(a: Float64Array[], b: Float64Array[]) {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect([...x], `array ${i}`).toEqual([...b[i]]));
}

afterAll(() => { setGeneric(false); });

describe.each([true, false])("generated DOP853 kernels = generic stepper (SIMD build: %s)", (simd) => {
  it.each(CASES)("%s: t, y, dense output, nfev, naccept, nreject bit for bit", async (_name, run) => {
    expect((await init({ simd })).simd).toBe(simd);
    setGeneric(true);
    const generic = run();
    setGeneric(false);
    const fused = run();
    expect(fused.at(-1)![0]).toBeGreaterThan(100);   // a real run (nfev), not a trivial one
    same(fused, generic);
  });
});

describe("generated DOP853 kernels: the SIMD build = the scalar build", () => {
  it.each(CASES)("%s", async (_name, run) => {
    await init({ simd: true });
    setGeneric(false);
    const a = run();
    await init({ simd: false });
    setGeneric(false);
    const b = run();
    same(a, b);
  });
});
