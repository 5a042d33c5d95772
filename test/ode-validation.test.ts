// ode input validation and scipy parity at the edges (issue 15): unknown option keys, booleans, t0 = t1,
// empty y0, per-component rtol, t1 = Infinity, a right-hand side that returns NaN. Where parity is claimed the
// expectation is scipy's solve_ivp itself (test/fixtures/ode_parity.py, run here).
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { init, ode } from "../src/index.js";
import { runPython } from "./helpers/python.js";

interface PyRes { status: number; message: string; nfev: number; t: number[]; y: number[][]; tEvents: number[][] | null }
let py: Record<"DOP853" | "RK45", Record<string, PyRes>>;
const METHODS = ["DOP853", "RK45"] as const;
const osc = (_t: number, y: Float64Array, d: Float64Array) => { d[0] = y[1]; d[1] = -y[0]; };
const decay = (_t: number, y: Float64Array, d: Float64Array) => { for (let i = 0; i < y.length; i++) d[i] = -y[i]; };
const rows = (y: Float64Array[]) => y.map((r) => Array.from(r));

beforeAll(async () => {
  await init();
  const script = readFileSync(new URL("./fixtures/ode_parity.py", import.meta.url), "utf8");
  py = JSON.parse(runPython("python3", script));
}, 60_000);

describe("ode options: unknown keys and booleans", () => {
  it("ode.solve refuses max_step, rTol, t_eval with a did-you-mean", () => {
    for (const [bad, good] of [["max_step", "maxStep"], ["rTol", "rtol"], ["t_eval", "tEval"]]) {
      expect(() => ode.solve("RK45", decay, [0, 1], [1], { [bad]: 0.1 } as never))
        .toThrow(new RegExp(`ode\\.solve: unknown option "${bad}" — did you mean "${good}"`));
    }
  });

  it("ode.create refuses unknown keys (and solve-only ones such as dense)", () => {
    expect(() => ode.create("DOP853", decay, 0, [1], { tBound: 1, max_step: 0.1 } as never)).toThrow(/ode\.create: unknown option "max_step" — did you mean "maxStep"/);
    expect(() => ode.create("DOP853", decay, 0, [1], { tBound: 1, dense: true } as never)).toThrow(/ode\.create: unknown option "dense"/);
  });

  it("ode.systems.* refuse unknown parameters", () => {
    expect(() => ode.systems.lorenz({ sgima: 10 } as never)).toThrow(/ode\.systems\.lorenz.*unknown option "sgima" — did you mean "sigma"/);
    expect(() => ode.systems.vanDerPol({ nu: 1 } as never)).toThrow(/did you mean "mu"/);
    expect(() => ode.systems.arenstorf({ mu: 0.01, m: 1 } as never)).toThrow(/unknown option "m"/);
    expect(() => ode.systems.linear({ matrix: [1], complx: true } as never)).toThrow(/did you mean "complex"/);
  });

  it("booleans must be booleans: dense 'yes', complex 1, linear complex 'true'", () => {
    expect(() => ode.solve("RK45", decay, [0, 1], [1], { dense: "yes" } as never)).toThrow(/ode\.solve: dense must be true or false, got string "yes"/);
    expect(() => ode.solve("RK45", decay, [0, 1], [1, 0], { complex: 1 } as never)).toThrow(/complex must be true or false/);
    expect(() => ode.systems.linear({ matrix: [0, 1], complex: "true" } as never)).toThrow(/complex must be true or false/);
    expect(() => ode.solve("RK45", decay, [0, 1], [1], { onWarning: "log" } as never)).toThrow(/onWarning must be a function/);
  });
});

describe("ode scipy parity at the edges", () => {
  it("tSpan with t0 = t1 returns y0 twice, nfev 1, status 0 (as solve_ivp); sol(t0) = y0", () => {
    for (const m of METHODS) {
      const r = ode.solve(m, decay, [2, 2], [1, 3], { dense: true });
      const s = py[m].equal;
      expect([r.status, r.message, r.nfev]).toEqual([s.status, s.message, s.nfev]);
      expect(Array.from(r.t)).toEqual(s.t);
      expect(rows(r.y)).toEqual(s.y);
      expect(Array.from(r.sol!(2))).toEqual([1, 3]);
      expect(rows(ode.solve(m, decay, [2, 2], [1, 3], { tEval: [2] }).y)).toEqual([[1, 3]]);
    }
  });

  it("an empty y0 integrates to an empty state (as solve_ivp)", () => {
    for (const m of METHODS) {
      const r = ode.solve(m, decay, [0, 1], [], { dense: true });
      const s = py[m].empty;
      expect([r.status, r.message, r.nfev]).toEqual([s.status, s.message, s.nfev]);
      expect(Array.from(r.t)).toEqual(s.t);
      expect(rows(r.y)).toEqual(s.y);
      expect(r.sol!(0.5).length).toBe(0);
    }
  });

  it("rtol may be an array (one value per component): the same steps and nfev as solve_ivp", () => {
    for (const m of METHODS) {
      const r = ode.solve(m, osc, [0, 10], [1, 0], { rtol: [1e-8, 1e-3], atol: 1e-10 });
      const s = py[m].rtolArray;
      expect(r.nfev).toBe(s.nfev);
      expect(r.t.length).toBe(s.t.length);
      // step times agree to ~1e-7 (docs/ode.md: one-ulp stage differences move h by ~1e-16/tol), decisions exactly
      r.t.forEach((t, i) => expect(Math.abs(t - s.t[i])).toBeLessThan(1e-6));
      expect(Math.abs(r.y[r.y.length - 1][0] - s.y[s.y.length - 1][0])).toBeLessThan(1e-7);
      // entries below 100ε are raised to it with a warning, per component (np.maximum)
      const warned: string[] = [];
      const c = ode.solve(m, osc, [0, 3], [1, 0], { rtol: new Float64Array([1e-20, 1e-6]), atol: 1e-12, onWarning: (w) => warned.push(w) });
      expect(c.nfev).toBe(py[m].rtolClamped.nfev);
      expect(warned.join()).toMatch(/rtol\[0\] = 1e-20 is too small/);
    }
    expect(() => ode.solve("RK45", osc, [0, 1], [1, 0], { rtol: [1e-3] })).toThrow(/rtol must be a number or have one value per component \(2\), got length 1/);
    // the kernel reads the array per component: a compiled system takes it too, step for step with the JS right-hand side
    for (const m of METHODS) {
      const js = ode.solve(m, osc, [0, 10], [1, 0], { rtol: [1e-8, 1e-3], atol: 1e-10 });
      const wasm = ode.solve(m, ode.systems.linear({ matrix: [0, 1, -1, 0] }), [0, 10], [1, 0], { rtol: [1e-8, 1e-3], atol: 1e-10 });
      expect(wasm.nfev).toBe(js.nfev);
      expect(Array.from(wasm.t)).toEqual(Array.from(js.t));
    }
  });

  it("t1 = Infinity runs to a terminal event (as solve_ivp) or to the step budget", () => {
    const half = Object.assign((_t: number, y: Float64Array) => y[0] - 0.5, { terminal: true });
    for (const m of METHODS) {
      const r = ode.solve(m, decay, [0, Infinity], [1], { events: half, rtol: 1e-8, atol: 1e-10 });
      const s = py[m].infinite;
      expect([r.status, r.message, r.nfev]).toEqual([s.status, s.message, s.nfev]);
      expect(Math.abs(r.tEvents![0][0] - s.tEvents![0][0])).toBeLessThan(1e-12);
      const b = ode.solve(m, decay, [0, Infinity], [1], { maxSteps: 20 });
      expect([b.status, b.reason, b.naccept + b.nreject]).toEqual([-1, "budget", 20]);
    }
    const it = ode.create("RK45", decay, 0, [1], { tBound: -Infinity });
    expect(it.step()).toBe(ode.Status.Ok);
    expect(it.t).toBeLessThan(0);
    it.dispose();
  });

  it("a right-hand side returning NaN ends with status -1 and scipy's message and nfev, not an exception", () => {
    const nanLate = (t: number, y: Float64Array, d: Float64Array) => { d[0] = t > 0.5 ? NaN : -y[0]; };
    for (const m of METHODS) {
      const r = ode.solve(m, nanLate, [0, 1], [1]);
      const s = py[m].nan;
      expect([r.status, r.message, r.nfev, r.reason]).toEqual([s.status, s.message, s.nfev, "non-finite"]);
      expect(r.t[r.t.length - 1]).toBe(s.t[s.t.length - 1]);
      // NaN already at t0 (scipy loops forever here): status -1 at once, and step() reports it before throwing
      const r0 = ode.solve(m, (_t, _y, d) => { d[0] = NaN; }, [0, 1], [1]);
      expect([r0.status, r0.reason, r0.success]).toEqual([-1, "non-finite", false]);
      const it = ode.create(m, (_t, _y, d) => { d[0] = NaN; }, 0, [1], { tBound: 1 });
      expect(it.step()).toBe(ode.Status.NonFinite);
      expect(() => it.step()).toThrow(/already ended/);
      it.dispose();
    }
  });
});

describe("ode results after dispose() and a later init()", () => {
  it("sol is a copy: it still evaluates after the integrator is gone and init() ran again", async () => {
    const r = ode.solve("DOP853", decay, [0, 1], [1], { dense: true, rtol: 1e-10, atol: 1e-12 });
    const before = r.sol!(0.5)[0];
    const it = ode.create("DOP853", decay, 0, [1], { tBound: 1 });
    await init();
    expect(r.sol!(0.5)[0]).toBe(before);
    expect(Math.abs(before - Math.exp(-0.5))).toBeLessThan(1e-9);
    expect(() => it.step()).toThrow(/belongs to an earlier init\(\)/);
    it.dispose();
    expect(() => it.step()).toThrow(/disposed/);
  });
});
