// The C reference of `npm run bench:ode` (bench/ref/dop853_ref.c), checked against two oracles:
// 1. its default mode (scipy solve_ivp's step control, as samudra) takes samudra's steps: the same nfev, naccept,
//    nreject and the same final state, bit for bit, on Lorenz (t ∈ [0, 100]) and the Arenstorf orbit;
// 2. its `hairer` mode (dop853.f's own control) against Hairer's code as scipy ships it (scipy.integrate.ode
//    "dop853", test/fixtures/dop853-hairer.json from make_dop853_hairer_fixture.py). scipy 1.17's C translation
//    departs from dop853.f in one line (a rejected step divides h by min(facc1, facc1/safe), not min(facc1,
//    fac11/safe)); with that line copied (`scipy-dop-c`) the counts and the final state must be equal, bit for bit.
//    The faithful mode has no stored counts to meet, so it is checked by the orbit's closure (Arenstorf is periodic).
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { init, ode } from "../src/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixture = JSON.parse(readFileSync(path.join(root, "test/fixtures/dop853-hairer.json"), "utf8")) as {
  cases: { problem: string; tol: number; nfev: number; naccept: number; nreject: number; y: string[] }[];
};
const AREN_T = 17.0652165601579625588917206249;
const AREN_Y0 = [0.994, 0, 0, -2.00158510637908252240537862224];

interface CRun { status: number; nfev: number; naccept: number; nreject: number; attempts: number; y: number[] }
let dir = "", exe = "";
const runC = (...args: string[]): CRun => JSON.parse(execFileSync(exe, args, { encoding: "utf8" }));

beforeAll(async () => {
  await init();
  dir = mkdtempSync(path.join(os.tmpdir(), "samudra-cref-"));
  exe = path.join(dir, "dop853_ref");
  // the benchmark's flags (bench/ode.bench.mjs) minus -march=native: no contraction into FMA, so rounding is C's
  execFileSync("gcc", ["-O3", "-ffp-contract=off", "-o", exe, path.join(root, "bench/ref/dop853_ref.c"), "-lm"]);
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe("bench/ref/dop853_ref.c", () => {
  it("with scipy solve_ivp's control takes samudra's steps, bit for bit (Lorenz, Arenstorf)", () => {
    const cases = [
      { problem: "lorenz", sys: ode.systems.lorenz(), t1: 100, y0: [1, 1, 1], tol: { rtol: 1e-10, atol: 1e-12 } },
      { problem: "arenstorf", sys: ode.systems.arenstorf(), t1: AREN_T, y0: AREN_Y0, tol: { rtol: 1e-10, atol: 1e-10 } },
    ];
    for (const c of cases) {
      const s = ode.solve("DOP853", c.sys, [0, c.t1], c.y0, c.tol);
      const r = JSON.parse(execFileSync(exe, [c.problem, "1"], { encoding: "utf8" })) as CRun & { nsteps: number };
      expect({ nfev: r.nfev, naccept: r.naccept, nreject: r.nreject, steps: r.nsteps }, c.problem)
        .toEqual({ nfev: s.nfev, naccept: s.naccept, nreject: s.nreject, steps: s.t.length });
      expect(r.y, c.problem).toEqual(Array.from(s.y[s.y.length - 1]));
    }
  });

  it("in hairer mode with scipy's dop.c line equals Hairer's DOP853 as scipy ships it: counts and final state", () => {
    expect(fixture.cases.length).toBe(3);
    for (const c of fixture.cases) {
      const r = runC("hairer", c.problem, String(c.tol), "scipy-dop-c");
      const label = `${c.problem} tol ${c.tol}`;
      expect(r.status, label).toBe(0);
      expect({ nfev: r.nfev, naccept: r.naccept, nreject: r.nreject }, label).toEqual({ nfev: c.nfev, naccept: c.naccept, nreject: c.nreject });
      expect(r.y, label).toEqual(c.y.map(Number));
    }
  });

  it("in hairer mode (dop853.f's rejection rule) closes the Arenstorf orbit to the tolerance, and the rule matters", () => {
    for (const [tol, bound] of [[1e-7, 1e-4], [1e-10, 1e-7]] as const) {
      const r = runC("hairer", "arenstorf", String(tol));
      expect(r.status).toBe(0);
      const gap = Math.hypot(r.y[0] - AREN_Y0[0], r.y[1] - AREN_Y0[1]);
      expect(gap, `tol ${tol}: distance of y(T) from y(0)`).toBeLessThan(bound);
      // dop853.f's nfcn: 2 at the start, 11 per attempt, 1 per accepted step; nrejct leaves out rejections before the first acceptance
      expect(r.nfev).toBe(2 + 11 * r.attempts + r.naccept);
      expect(r.nreject).toBeLessThanOrEqual(r.attempts - r.naccept);
      const bug = runC("hairer", "arenstorf", String(tol), "scipy-dop-c");
      expect(r.nfev, "the rejected-step line changes the step sequence").not.toBe(bug.nfev);
    }
  });
});

