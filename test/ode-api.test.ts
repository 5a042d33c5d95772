// ode API contract: stepping object, dense output through the step points, statuses, errors with
// fixes, JS vs WASM right-hand sides bit for bit, no memory growth while stepping.
import { describe, it, expect, beforeAll, vi } from "vitest";
import { init, ode } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";
import { jsRhs } from "./helpers/ode-problems.js";
import type { OdeSystem } from "../src/ode.js";

beforeAll(async () => { await init(); });

describe("ode.create stepping object", () => {
  it("step() returns Ok until Finished; t, tOld, y, counters follow; stepping again throws", () => {
    const it8 = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], { tBound: 1, rtol: 1e-9, atol: 1e-12 });
    expect(it8.t).toBe(0);
    let s: number = ode.Status.Ok, steps = 0;
    while (s === ode.Status.Ok) { s = it8.step(); steps++; expect(it8.t).toBeGreaterThan(it8.tOld); }
    expect(s).toBe(ode.Status.Finished);
    expect(it8.t).toBe(1);
    expect(it8.naccept).toBe(steps);
    expect(it8.nfev).toBe(2 + 12 * (it8.naccept + it8.nreject));   // f0 + initial-step probe + 12 per attempt
    expect(() => it8.step()).toThrow(/already ended \(The solver successfully reached the end/);
    it8.dispose();
    expect(() => it8.t).toThrow(/disposed; create a new one/);
  });

  it("dense(t) passes through the step end points to 1e-14, for both methods", () => {
    for (const m of ["DOP853", "RK45"] as const) {
      const it = ode.create(m, ode.systems.vanDerPol({ mu: 2 }), 0, [2, 0], { tBound: 5, rtol: 1e-8, atol: 1e-10 });
      let prev = Float64Array.from(it.y);
      for (let k = 0; k < 30 && it.step() === ode.Status.Ok; k++) {
        const a = it.dense(it.tOld), b = it.dense(it.t);
        for (let j = 0; j < 2; j++) {
          expect(Math.abs(a[j] - prev[j])).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(prev[j])));
          expect(Math.abs(b[j] - it.y[j])).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(it.y[j])));
        }
        prev = Float64Array.from(it.y);
      }
      it.dispose();
    }
  });

  it("DOP853 dense output costs 3 RHS evaluations once per step; RK45's is free", () => {
    const a = ode.create("DOP853", jsRhs.decay, 0, [1], { tBound: 10 });
    a.step();
    const n0 = a.nfev;
    a.dense(0.01); a.dense(0.02);
    expect(a.nfev).toBe(n0 + 3);
    const b = ode.create("RK45", jsRhs.decay, 0, [1], { tBound: 10 });
    b.step();
    const m0 = b.nfev;
    b.dense(0.01);
    expect(b.nfev).toBe(m0);
  });

  it("StepTooSmall at a finite-time blow-up (y' = y², scipy: same status and nfev)", () => {
    const r8 = ode.solve("DOP853", (t, y, d) => { d[0] = y[0] * y[0]; }, [0, 2], [1]);
    expect(r8.status).toBe(-1);
    expect(r8.message).toBe("Required step size is less than spacing between numbers.");
    expect(r8.nfev).toBe(1250);                                  // scipy 1.17.1
    expect(Math.abs(r8.t[r8.t.length - 1] - 1.0000040284303022)).toBeLessThan(1e-9);
    const r5 = ode.solve("RK45", (t, y, d) => { d[0] = y[0] * y[0]; }, [0, 2], [1]);
    expect(r5.nfev).toBe(632);
  });

  it("NonFinite when the right-hand side turns NaN and cannot be stepped around", () => {
    const it = ode.create("RK45", (t, y, d) => { d[0] = t > 0.5 ? NaN : 1; }, 0, [0], { tBound: 1 });
    let s: number;
    do s = it.step(); while (s === ode.Status.Ok);
    expect(s).toBe(ode.Status.NonFinite);
    expect(it.t).toBeLessThanOrEqual(0.5);
    const r = ode.solve("RK45", (t, y, d) => { d[0] = t > 0.5 ? NaN : 1; }, [0, 1], [0]);
    expect(r.status).toBe(-1);
    expect(r.reason).toBe("non-finite");                  // scipy's own message, and our reason
    expect(r.message).toMatch(/Required step size is less than spacing between numbers/);
  });

  it("an exception in a JS right-hand side propagates and the integrator refuses further use", () => {
    let calls = 0;
    const it = ode.create("RK45", (t, y, d) => { if (++calls > 20) throw new Error("boom"); d[0] = -y[0]; }, 0, [1], { tBound: 5 });
    expect(() => { for (;;) it.step(); }).toThrow("boom");
    expect(() => it.step()).toThrow(/right-hand side threw \(boom\); create a new integrator/);
  });

  it("stepping allocates nothing in WASM; 10⁴ create/dispose cycles do not grow memory", () => {
    const warm = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], { tBound: 1e9 });
    warm.step();
    const before = kernel().memory.buffer.byteLength;
    for (let i = 0; i < 1000; i++) warm.step();
    warm.dispose();
    for (let i = 0; i < 10_000; i++) ode.create(i % 2 ? "RK45" : "DOP853", ode.systems.vanDerPol(), 0, [1, 0], { tBound: 1 }).dispose();
    expect(kernel().memory.buffer.byteLength).toBe(before);
  });
});

describe("ode.solve", () => {
  it("JS callback and WASM system give bit-identical results (Lorenz, Van der Pol, complex linear)", () => {
    const pairs: Array<[string, OdeSystem, number[], boolean]> = [
      ["lorenz", ode.systems.lorenz(), [1, 1, 1], false],
      ["vanderpol", ode.systems.vanDerPol({ mu: 5 }), [2, 0], false],
      ["complex_linear", ode.systems.linear({ matrix: [-0.1, 1, 0.2, 0, 0, -0.2, -0.3, -0.5], complex: true }), [1, 0.5, -0.25, 1], true],
    ];
    for (const [name, sys, y0, complex] of pairs) {
      for (const m of ["DOP853", "RK45"] as const) {
        const a = ode.solve(m, jsRhs[name], [0, 3], y0, { rtol: 1e-9, atol: 1e-12, complex, tEval: [0.5, 1, 3] });
        const b = ode.solve(m, sys, [0, 3], y0, { rtol: 1e-9, atol: 1e-12, tEval: [0.5, 1, 3] });
        expect(b.nfev).toBe(a.nfev);
        expect(b.y.map((v) => [...v])).toEqual(a.y.map((v) => [...v]));
      }
    }
  });

  it("backward integration with a decreasing tEval", () => {
    const r = ode.solve("DOP853", jsRhs.decay, [10, 0], [2], { rtol: 1e-10, atol: 1e-12, tEval: [10, 5, 0] });
    expect([...r.t]).toEqual([10, 5, 0]);
    expect(Math.abs(r.y[2][0] - 2 * Math.exp(5))).toBeLessThan(1e-8 * 2 * Math.exp(5));
  });

  it("exact solutions: exponential decay and scipy's rational problem", () => {
    const d = ode.solve("DOP853", jsRhs.decay, [0, 10], [2], { rtol: 1e-12, atol: 1e-14 });
    expect(Math.abs(d.y[d.y.length - 1][0] - 2 * Math.exp(-5))).toBeLessThan(1e-12);
    const q = ode.solve("RK45", jsRhs.rational, [5, 9], [1 / 3, 2 / 9], { rtol: 1e-9, atol: 1e-12, tEval: [6, 7, 9] });
    [6, 7, 9].forEach((t, i) => {
      expect(Math.abs(q.y[i][0] - t / (t + 10))).toBeLessThan(1e-8);
      expect(Math.abs(q.y[i][1] - 10 * t / (t + 10) ** 2)).toBeLessThan(1e-8);
    });
  });

  it("rtol below 100·ε is raised with a warning, as scipy does", () => {
    const warn = vi.fn();
    const r = ode.solve("RK45", jsRhs.decay, [0, 1], [1], { rtol: 1e-20, onWarning: warn });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/rtol = 1e-20 is too small; using rtol = 2\.22\d*e-14/));
    expect(r.success).toBe(true);
  });

  it("bad arguments throw errors naming the option, the value and the fix", () => {
    const f = jsRhs.decay;
    expect(() => ode.solve("RK4" as never, f, [0, 1], [1])).toThrow(/method must be "DOP853" or "RK45" \(alias "DOPRI5"\), got string "RK4"/);
    expect(() => ode.solve("RK45", f, [0, 1], [1], { atol: -1 })).toThrow(/atol must be ≥ 0 and finite, got -1/);
    expect(() => ode.solve("RK45", f, [0, 1], [1, 2], { atol: [1e-6] })).toThrow(/atol must be a number or have one value per component \(2\), got length 1/);
    expect(() => ode.solve("RK45", ode.systems.lorenz(), [0, 1], [1, 1])).toThrow(/y0 must have 3 components for ode.systems.lorenz, got 2/);
    expect(() => ode.solve("RK45", f, [0, 1], [1], { rtol: 0 })).toThrow(/rtol must be a positive number, got number 0/);
    expect(() => ode.solve("RK45", f, [0, 1], [1], { maxStep: -1 })).toThrow(/maxStep must be a positive number/);
    expect(() => ode.solve("RK45", f, [0, 1], [1], { firstStep: 2 })).toThrow(/firstStep = 2 exceeds the interval length 1/);
    expect(() => ode.solve("RK45", f, [0, 1], [1], { tEval: [0.5, 2] })).toThrow(/tEval\[1\] = 2 is outside tSpan \[0, 1\]/);
    expect(() => ode.solve("RK45", f, [0, 1], [1], { tEval: [0.5, 0.2] })).toThrow(/tEval must be strictly increasing/);
    expect(() => ode.solve("RK45", f, [0, 1], [1, 2, 3], { complex: true })).toThrow(/complex y0 is interleaved .* even length, got 3/);
    expect(() => ode.solve("RK45", "f" as never, [0, 1], [1])).toThrow(/rhs must be a function \(t, y, dydt\) => void or an ode.systems.\* object/);
    expect(() => ode.solve("RK45", f, [0, 1], [NaN])).toThrow(/y0 must be finite/);
    expect(() => ode.solve("RK45", f, [0, 1], [1], { events: [1 as never] })).toThrow(/events\[0\] must be a function/);
    expect(() => ode.systems.linear({ matrix: [1, 2, 3] })).toThrow(/matrix must hold n×n values, got length 3/);
    expect(() => ode.systems.lorenz({ sigma: NaN })).toThrow(/sigma must be a finite number/);
    expect(() => ode.create("RK45", f, 0, [1], {} as never)).toThrow(/ode.create: options.tBound must be a finite number, got undefined/);
  });
});
