// ode.solve against scipy.integrate.solve_ivp (test/fixtures/make_ode_fixtures.py): the same accepted
// steps, the same nfev, the solution within tolerance units — both methods, JS and WASM right-hand
// sides, with and without t_eval, dense output, events.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { init, ode } from "../src/index.js";
import { jsRhs, wasmSystem } from "./helpers/ode-problems.js";

const fx = JSON.parse(readFileSync(new URL("./fixtures/ode-scipy.json", import.meta.url), "utf8"));

interface Case {
  name: string; method: "RK45" | "DOP853"; tSpan: [number, number]; y0: number[]; complex: boolean;
  options: { rtol: number; atol: number; maxStep?: number; firstStep?: number };
  steps: { t: number[]; y: number[][]; nfev: number; status: number };
  tEval: { t: number[]; tOut: number[]; y: number[][]; nfev: number };
  dense: { tq: number[]; y: number[][]; nfev: number };
}

// The Arenstorf orbit passes close to a primary and amplifies perturbations ~10⁴-fold: runs whose step
// sizes differ by 1e-7 (see below) end ~5 tolerance units apart while both are 1e-6 from the exact
// periodic end state. For it we assert the stronger property that matters — our end-state error
// against the exact solution equals scipy's to 1 % — and compare trajectories in units of that error.
const ARENSTORF_END = [0.994, 0, 0, -2.00158510637908252240537862224];
function checkArenstorf(got: Float64Array[], want: number[][]): void {
  const last = got[got.length - 1], ref = want[want.length - 1];
  let scale = 0;
  for (let j = 0; j < 4; j++) {
    const eOurs = last[j] - ARENSTORF_END[j], eScipy = ref[j] - ARENSTORF_END[j];
    expect(Math.abs(eOurs - eScipy), `end-state error, component ${j}`).toBeLessThanOrEqual(0.01 * Math.abs(eScipy) + 1e-12);
    scale = Math.max(scale, Math.abs(eScipy));
  }
  let w = 0;
  got.forEach((g, i) => g.forEach((v, j) => { w = Math.max(w, Math.abs(v - want[i][j])); }));
  expect(w / scale, "trajectory difference in units of the global error").toBeLessThan(1e-2);
}

/** max over samples of |y − y_ref| / (atol + rtol·|y_ref|): the error in tolerance units. */
function tolUnits(got: Float64Array[], want: number[][], rtol: number, atol: number): number {
  expect(got.length).toBe(want.length);
  let w = 0;
  got.forEach((g, i) => g.forEach((v, j) => { w = Math.max(w, Math.abs(v - want[i][j]) / (atol + rtol * Math.abs(want[i][j]))); }));
  return w;
}

describe(`scipy ${fx.scipy} solve_ivp parity`, () => {
  beforeAll(async () => { await init(); });

  for (const c of fx.cases as Case[]) {
    const opts = { ...c.options, complex: c.complex };
    const sys = wasmSystem(c.name);
    const rhsKinds: Array<[string, unknown]> = [["JS rhs", jsRhs[c.name]]];
    if (sys) rhsKinds.push(["WASM rhs", sys]);
    for (const [kind, rhs] of rhsKinds) {
      it(`${c.method} ${c.name} (${kind}): same accepted steps, nfev = ${c.steps.nfev}, y within tolerance`, () => {
        const r = ode.solve(c.method, rhs as never, c.tSpan, c.y0, opts);
        expect(r.status).toBe(c.steps.status);
        expect(r.nfev).toBe(c.steps.nfev);
        expect(r.t.length).toBe(c.steps.t.length);
        // Step sizes come from error estimates Σ E_j K_j that cancel to ~tol·|K|, so a 1-ulp difference in
        // the order numpy's BLAS sums the stages moves h by up to ~1e-6 relative; the sequence is the same.
        for (let i = 1; i < r.t.length; i++) {
          expect(Math.abs(r.t[i] - c.steps.t[i]), `t[${i}]`).toBeLessThanOrEqual(1e-5 * Math.abs(c.steps.t[i] - c.steps.t[i - 1]));
        }
        // states compared at scipy's own step times, through our dense output
        const d = ode.solve(c.method, rhs as never, c.tSpan, c.y0, { ...opts, dense: true });
        const atScipyTimes = c.steps.t.map((t) => d.sol!(t));
        if (c.name === "arenstorf") checkArenstorf(atScipyTimes, c.steps.y);
        else expect(tolUnits(atScipyTimes, c.steps.y, c.options.rtol, c.options.atol)).toBeLessThan(1e-2);
      });
    }
    it(`${c.method} ${c.name}: t_eval sampling via dense output, nfev = ${c.tEval.nfev}`, () => {
      const r = ode.solve(c.method, (sys ?? jsRhs[c.name]) as never, c.tSpan, c.y0, { ...opts, tEval: c.tEval.t });
      expect(r.nfev).toBe(c.tEval.nfev);
      expect([...r.t]).toEqual(c.tEval.tOut);
      if (c.name === "arenstorf") checkArenstorf(r.y, c.tEval.y);
      else expect(tolUnits(r.y, c.tEval.y, c.options.rtol, c.options.atol)).toBeLessThan(1e-2);
    });
    it(`${c.method} ${c.name}: dense: true → sol(t) matches scipy's OdeSolution, nfev = ${c.dense.nfev}`, () => {
      const r = ode.solve(c.method, jsRhs[c.name], c.tSpan, c.y0, { ...opts, dense: true });
      expect(r.nfev).toBe(c.dense.nfev);
      const got = c.dense.tq.map((t) => r.sol!(t));
      if (c.name === "arenstorf") {
        let w = 0;
        got.forEach((g, i) => g.forEach((v, j) => { w = Math.max(w, Math.abs(v - c.dense.y[i][j])); }));
        expect(w, "dense samples vs scipy (global error of this run ~1e-6)").toBeLessThan(1e-8);
      } else expect(tolUnits(got, c.dense.y, c.options.rtol, c.options.atol)).toBeLessThan(1e-2);
    });
  }

  for (const e of fx.events as Array<{ method: "RK45" | "DOP853"; status: number; nfev: number; tEvents: number[][]; yEvents: number[][][]; tLast: number; nsteps: number }>) {
    it(`${e.method} Van der Pol events: downward zero crossings and a terminal event (2nd occurrence) located to 1e-10`, () => {
      const cross = Object.assign((t: number, y: Float64Array) => y[0], { direction: -1 });
      const term = Object.assign((t: number, y: Float64Array) => y[0] + 1, { terminal: 2 });
      const r = ode.solve(e.method, ode.systems.vanDerPol({ mu: 5 }), [0, 40], [2, 0], { rtol: 1e-8, atol: 1e-10, events: [cross, term] });
      expect(r.status).toBe(1);
      expect(r.status).toBe(e.status);
      expect(r.message).toBe("A termination event occurred.");
      expect(r.nfev).toBe(e.nfev);
      expect(r.t.length).toBe(e.nsteps);
      expect(Math.abs(r.t[r.t.length - 1] - e.tLast)).toBeLessThan(1e-10);
      for (let k = 0; k < 2; k++) {
        expect(r.tEvents![k].length).toBe(e.tEvents[k].length);
        r.tEvents![k].forEach((t, i) => expect(Math.abs(t - e.tEvents[k][i])).toBeLessThan(1e-10));
        r.yEvents![k].forEach((y, i) => y.forEach((v, j) => expect(Math.abs(v - e.yEvents[k][i][j])).toBeLessThan(1e-7)));
      }
    });
  }
});
