// The step loop inside WASM (assembly/ode/loop.ts, events.ts): ode.solve — with tEval, events (located in WASM)
// and dense output — and OdeIntegrator.advanceTo(t) give the t, y, events, interpolants, nfev, naccept, nreject
// and statuses of the step-by-step JS loop bit for bit. The reference is ode.solve with `testing.jsLoop` set
// (solve.ts: one step() per step, events located in JS by src/ode/events.ts).
import { describe, it, expect, beforeAll } from "vitest";
import { init, ode } from "../src/index.js";
import { SIGNAL_CHUNK } from "../src/ode/solve-wasm.js";
import { kernel } from "../src/wasm/load.js";
import { testing, type OdeResult, type SolveOptions } from "../src/ode/solve.js";

beforeAll(async () => { await init(); });

/** ode.solve through the JS step loop (the reference). */
function jsSolve(...a: Parameters<typeof ode.solve>): OdeResult {
  testing.jsLoop = true;
  try { return ode.solve(...a); } finally { testing.jsLoop = false; }
}
const AREN_T = 17.0652165601579625588917206249;
const AREN_Y0 = [0.994, 0, 0, -2.00158510637908252240537862224];
const lorenzJs = (_t: number, y: Float64Array, d: Float64Array) => { d[0] = 10 * (y[1] - y[0]); d[1] = y[0] * (28 - y[2]) - y[1]; d[2] = y[0] * y[1] - (8 / 3) * y[2]; };

function same(a: OdeResult, b: OdeResult) {
  expect([...a.t]).toEqual([...b.t]);
  expect(a.y.length).toBe(b.y.length);
  a.y.forEach((v, i) => expect([...v], `y[${i}]`).toEqual([...b.y[i]]));
  expect([a.nfev, a.naccept, a.nreject, a.status, a.reason, a.message]).toEqual([b.nfev, b.naccept, b.nreject, b.status, b.reason, b.message]);
}

type Case = [string, "DOP853" | "RK45", Parameters<typeof ode.solve>[1], [number, number], number[], SolveOptions];
const cases: Case[] = [
  ["Lorenz DOP853 [0, 20]", "DOP853", ode.systems.lorenz(), [0, 20], [1, 1, 1], { rtol: 1e-10, atol: 1e-12 }],
  ["Lorenz DOP853, JS rhs", "DOP853", lorenzJs, [0, 10], [1, 1, 1], { rtol: 1e-9, atol: 1e-12 }],
  ["Lorenz RK45 backwards", "RK45", ode.systems.lorenz(), [2, 0], [1, 1, 1], { rtol: 1e-8, atol: 1e-10 }],
  ["Arenstorf one period", "DOP853", ode.systems.arenstorf(), [0, AREN_T], AREN_Y0, { rtol: 1e-10, atol: 1e-10 }],
  ["van der Pol, rtol array, maxStep", "DOP853", ode.systems.vanDerPol({ mu: 5 }), [0, 10], [2, 0], { rtol: [1e-8, 1e-6], atol: 1e-10, maxStep: 0.3 }],
  ["complex linear 9×9 (f64x2 path)", "DOP853", ode.systems.linear({ matrix: Array.from({ length: 162 }, (_, i) => (i % 20 === 0 ? -1 : Math.sin(i) * 0.3)), complex: true }), [0, 3], Array.from({ length: 18 }, (_, i) => Math.cos(i)), { rtol: 1e-9, atol: 1e-12 }],
  ["t0 = t1", "DOP853", ode.systems.lorenz(), [1, 1], [1, 1, 1], {}],
  ["empty state", "RK45", () => {}, [0, 1], [], {}],
];

describe("ode.solve through the WASM loop = the step-by-step loop", () => {
  for (const [name, m, f, span, y0, o] of cases) {
    it(`${name}: every step, tEval, maxSteps budget`, () => {
      same(ode.solve(m, f, span, y0, o), jsSolve(m, f, span, y0, o));
      const n = span[0] === span[1] ? 1 : 37, tEval = Array.from({ length: n }, (_, i) => span[0] + (span[1] - span[0]) * (i / Math.max(1, n - 1)) ** 1.5);
      same(ode.solve(m, f, span, y0, { ...o, tEval }), jsSolve(m, f, span, y0, { ...o, tEval }));
      const budget = ode.solve(m, f, span, y0, { ...o, maxSteps: 7 });
      same(budget, jsSolve(m, f, span, y0, { ...o, maxSteps: 7 }));
      if (span[0] !== span[1] && y0.length > 0) expect(budget.reason).toBe("budget");
      // no budget (Infinity, or beyond the WASM loop's i32 counter) is the same run as the default budget when that
      // run ends by itself (the backward RK45 Lorenz run spends the whole default budget and is left out)
      if (name !== "Lorenz RK45 backwards") {
        for (const maxSteps of [Infinity, 2 ** 40]) same(ode.solve(m, f, span, y0, { ...o, maxSteps }), jsSolve(m, f, span, y0, { ...o, maxSteps }));
      }
    });
  }

  it("maxSteps: Infinity runs to the end through solve and advanceTo (it used to reach the budget at once)", () => {
    const r = ode.solve("DOP853", ode.systems.lorenz(), [0, 1], [1, 1, 1], { maxSteps: Infinity });
    expect(r.reason).toBe("finished");
    expect(r.t[r.t.length - 1]).toBe(1);
    const it = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], { tBound: 1, maxSteps: Infinity });
    expect(it.advanceTo(1)).toBe(ode.Status.Finished);
    expect([...it.y]).toEqual([...r.y[r.y.length - 1]]);
    it.dispose();
  });

  it("without a budget, a record that would outgrow the kernel's limit ends with an error naming tEval and maxSteps", () => {
    const k = kernel();
    const old = k.odeRecLimitSet(64 * 1024);   // 64 KiB instead of 1 GiB: Lorenz rows are 32 bytes with their time
    try {
      const run = (o: SolveOptions) => () => ode.solve("DOP853", ode.systems.lorenz(), [0, 100], [1, 1, 1], { rtol: 1e-10, atol: 1e-12, maxSteps: Infinity, ...o });
      expect(run({})).toThrow(/keeping every step would need more than 64 KiB of WASM memory at t = [0-9.e+-]+ \(2048 steps recorded\); pass tEval .* a finite maxSteps/);
      expect(run({ dense: true })).toThrow(/with dense: true\); pass tEval/);
      // tEval records only its points: the same run completes under the same limit
      expect(ode.solve("DOP853", ode.systems.lorenz(), [0, 100], [1, 1, 1], { rtol: 1e-10, atol: 1e-12, maxSteps: Infinity, tEval: [50, 100] }).reason).toBe("finished");
    } finally {
      k.odeRecLimitSet(old);
    }
    expect(k.odeRecLimit()).toBe(old);
  });

  /** Events, their states, the interpolant at many points and the counters, bit for bit. */
  function sameAll(a: OdeResult, b: OdeResult, probes: number[]) {
    same(a, b);
    expect(a.tEvents?.map((x) => [...x])).toEqual(b.tEvents?.map((x) => [...x]));
    expect(a.yEvents?.map((l) => l.map((v) => [...v]))).toEqual(b.yEvents?.map((l) => l.map((v) => [...v])));
    expect(!!a.sol).toBe(!!b.sol);
    if (a.sol && b.sol) for (const t of probes) expect([...a.sol(t)], `sol(${t})`).toEqual([...b.sol(t)]);
  }
  const vdp = ode.systems.vanDerPol({ mu: 5 });
  const down = Object.assign((_t: number, y: Float64Array) => y[0], { direction: -1 });
  const up2 = Object.assign((_t: number, y: Float64Array) => y[1] - 1, { direction: 1, terminal: 2 });
  const any = (_t: number, y: Float64Array) => y[0] - 0.5;
  const eventCases: [string, "DOP853" | "RK45", Parameters<typeof ode.solve>[1], [number, number], number[], SolveOptions][] = [
    ["van der Pol, three events (one terminal at its 2nd)", "DOP853", vdp, [0, 40], [2, 0], { rtol: 1e-9, atol: 1e-11, events: [down, up2, any] }],
    ["van der Pol RK45 backwards, non-terminal", "RK45", vdp, [10, 0], [2, 0], { rtol: 1e-7, events: [down, any] }],
    ["Lorenz, JS rhs, terminal at the 5th crossing of x = 0", "DOP853", lorenzJs, [0, 30], [1, 1, 1], { rtol: 1e-10, atol: 1e-12, events: Object.assign((_t: number, y: Float64Array) => y[0], { terminal: 5 }) }],
    ["event at t0 exactly (g(t0) = 0)", "DOP853", vdp, [0, 5], [0, 1], { events: (_t: number, y: Float64Array) => y[0] }],
  ];
  for (const [name, m, f, span, y0, o] of eventCases) {
    it(`events located in WASM = the JS loop: ${name} (with tEval, dense, both)`, () => {
      const probes = Array.from({ length: 41 }, (_, i) => span[0] + (span[1] - span[0]) * i / 40);
      sameAll(ode.solve(m, f, span, y0, o), jsSolve(m, f, span, y0, o), probes);
      const tEval = probes.slice(0, 30);
      sameAll(ode.solve(m, f, span, y0, { ...o, tEval }), jsSolve(m, f, span, y0, { ...o, tEval }), probes);
      const d = ode.solve(m, f, span, y0, { ...o, dense: true }), dj = jsSolve(m, f, span, y0, { ...o, dense: true });
      sameAll(d, dj, probes.filter((t) => (t - span[0]) * (t - d.t[d.t.length - 1]) <= 0));
      sameAll(ode.solve(m, f, span, y0, { ...o, dense: true, tEval }), jsSolve(m, f, span, y0, { ...o, dense: true, tEval }), probes.slice(0, 10));
    });
  }

  it("an exception in an event function propagates out of the WASM loop; a released integrator is not used", () => {
    let calls = 0;
    const bad = () => { if (++calls > 20) throw new Error("event boom"); return 1; };
    expect(() => ode.solve("DOP853", vdp, [0, 10], [2, 0], { events: bad })).toThrow(/event boom/);
    expect(ode.solve("DOP853", vdp, [0, 1], [2, 0], { events: () => 1 }).status).toBe(0);
  });

  it("dense: true through the WASM loop: t and y equal the plain run's, and sol() matches tEval samples", () => {
    const o = { rtol: 1e-10, atol: 1e-12 };
    const a = ode.solve("DOP853", ode.systems.lorenz(), [0, 5], [1, 1, 1], o);
    const d = ode.solve("DOP853", ode.systems.lorenz(), [0, 5], [1, 1, 1], { ...o, dense: true });
    expect([...a.t]).toEqual([...d.t]);
    a.y.forEach((v, i) => expect([...v]).toEqual([...d.y[i]]));
    const te = [0.3, 1.7, 4.2];
    const s = ode.solve("DOP853", ode.systems.lorenz(), [0, 5], [1, 1, 1], { ...o, tEval: te });
    te.forEach((t, i) => expect([...d.sol!(t)]).toEqual([...s.y[i]]));
  });

  it("a signal is read every SIGNAL_CHUNK accepted steps: not aborted = same result; aborted before = no step", () => {
    const o = { rtol: 1e-10, atol: 1e-12 };
    const plain = ode.solve("DOP853", ode.systems.lorenz(), [0, 100], [1, 1, 1], o);
    expect(plain.naccept).toBeGreaterThan(SIGNAL_CHUNK);   // crosses a chunk boundary
    same(ode.solve("DOP853", ode.systems.lorenz(), [0, 100], [1, 1, 1], { ...o, signal: new AbortController().signal }), plain);
    const ac = new AbortController();
    ac.abort();
    const r = ode.solve("DOP853", ode.systems.lorenz(), [0, 100], [1, 1, 1], { ...o, signal: ac.signal });
    same(r, jsSolve("DOP853", ode.systems.lorenz(), [0, 100], [1, 1, 1], { ...o, signal: ac.signal }));
    expect([r.reason, r.t.length, r.naccept]).toEqual(["aborted", 1, 0]);
  });

  it("a JS right-hand side that turns NaN mid-run ends as the step loop does (status −1, scipy's message)", () => {
    const f = (t: number, y: Float64Array, d: Float64Array) => { d[0] = t > 0.5 ? NaN : -y[0]; };
    const a = ode.solve("DOP853", f, [0, 1], [1], {});
    same(a, jsSolve("DOP853", f, [0, 1], [1], {}));
    expect(a.status).toBe(-1);
  });

  it("an exception in a JS right-hand side propagates out of the WASM loop", () => {
    let calls = 0;
    const f = (_t: number, y: Float64Array, d: Float64Array) => { if (++calls > 50) throw new Error("boom"); d[0] = -y[0]; };
    expect(() => ode.solve("DOP853", f, [0, 10], [1], {})).toThrow(/boom/);
  });
});

describe("OdeIntegrator.advanceTo(t)", () => {
  const mk = () => ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], { tBound: 30, rtol: 1e-10, atol: 1e-12 });

  it("takes the steps of a step() loop up to the first t ≥ target, then Ok; to the end Finished", () => {
    const a = mk(), b = mk();
    for (const target of [0.5, 3, 3, 10.25, 29.9]) {
      expect(a.advanceTo(target)).toBe(ode.Status.Ok);
      while (b.t < target) expect(b.step()).toBe(ode.Status.Ok);
      expect([a.t, a.tOld, a.h, a.nfev, a.naccept, a.nreject]).toEqual([b.t, b.tOld, b.h, b.nfev, b.naccept, b.nreject]);
      expect([...a.y]).toEqual([...b.y]);
      expect([...a.dense(target)]).toEqual([...b.dense(target)]);
      expect(a.t).toBeGreaterThanOrEqual(target);
    }
    expect(a.advanceTo(Infinity)).toBe(ode.Status.Finished);
    let s: number;
    do s = b.step(); while (s === ode.Status.Ok);
    expect(s).toBe(ode.Status.Finished);
    expect([a.t, a.nfev, ...a.y]).toEqual([b.t, b.nfev, ...b.y]);
    expect(() => a.advanceTo(40)).toThrow(/already ended/);
    expect(() => a.step()).toThrow(/already ended/);
    a.dispose(); b.dispose();
  });

  it("a target already reached takes no step; NaN is refused; a JS rhs gives the same steps", () => {
    const a = mk();
    expect(a.advanceTo(0)).toBe(ode.Status.Ok);
    expect(a.naccept).toBe(0);
    expect(() => a.advanceTo(NaN)).toThrow(/advanceTo\(t\): t must be a number/);
    a.advanceTo(5);
    const j = ode.create("DOP853", lorenzJs, 0, [1, 1, 1], { tBound: 30, rtol: 1e-10, atol: 1e-12 });
    j.advanceTo(5);
    expect([j.t, j.nfev, ...j.y]).toEqual([a.t, a.nfev, ...a.y]);
    a.dispose(); j.dispose();
  });

  it("stops at the step budget (Budget, as step() counts it: accepted + rejected before a step)", () => {
    const o = { tBound: 30, rtol: 1e-10, atol: 1e-12, maxSteps: 100 };
    const a = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], o);
    const b = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], o);
    expect(a.advanceTo(30)).toBe(ode.Status.Budget);
    let s: number;
    do s = b.step(); while (s === ode.Status.Ok);
    expect(s).toBe(ode.Status.Budget);
    expect([a.t, a.nfev, a.naccept, a.nreject, a.status]).toEqual([b.t, b.nfev, b.naccept, b.nreject, b.status]);
    a.dispose(); b.dispose();
  });

  it("reports a non-finite f(t0, y0) as NonFinite, like step()", () => {
    const a = ode.create("RK45", (_t, _y, d) => { d[0] = NaN; }, 0, [1], { tBound: 1 });
    expect(a.advanceTo(1)).toBe(ode.Status.NonFinite);
    a.dispose();
  });
});
