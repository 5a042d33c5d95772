// Run controls of every model and of ode.solve: the step budget (status "budget", the time reached, a message naming
// maxSteps), AbortSignal (status "aborted", the snapshots so far kept), non-finite states (status "non-finite", no
// NaN handed out), step counts beyond 2^31 (no i32 wrap), memory estimates checked before allocating, and the NLSE
// resolution alarm. Each of these returned "ok" (or hung) before.
import { it, expect, beforeAll } from "vitest";
import { init, nlse, kleinGordon, school, ode } from "../src/index.js";

beforeAll(async () => { await init(); });

it("NLSE gamma = 1e6 (adaptive) ends at the step budget with the time reached and the option to raise", () => {
  const s = nlse.simulate({ case: "single_soliton", gamma: 1e6, maxSteps: 2000 });
  expect(s.status).toBe("budget");
  expect(s.steps.accepted + s.steps.rejected).toBe(2000);
  expect(s.tReached).toBeGreaterThan(0);
  expect(s.tReached).toBeLessThan(0.2);                  // stopped long before the second snapshot (t = 0.202)
  expect(s.message).toMatch(/step budget at t = [0-9.e-]+ after 2000 steps; raise maxSteps/);
  expect(() => nlse.simulate({ case: "single_soliton", maxSteps: 0 })).toThrow(/maxSteps must be a positive integer \(or Infinity\), got (number )?0/);
});

it("a dt implying ≥ 2^31 steps is neither wrapped nor reported as done: it runs to the budget", () => {
  // T = 20 at dt = 1e-12 is 2e13 steps; before, the i32 count wrapped and the run "finished" in 1 ms unchanged
  const s = nlse.simulate({ case: "single_soliton", method: "strang", dt: 1e-12, maxSteps: 10000 });
  expect(s.status).toBe("budget");
  expect(s.steps.accepted).toBe(10000);
  expect(Math.abs(s.tReached - 1e-8)).toBeLessThan(1e-15);
  const k = kleinGordon.simulate({ case: "sg_kink", dt: 1e-12, maxSteps: 5000 });
  expect(k.status).toBe("budget");
  expect(k.steps).toBe(5000);
  expect(Math.abs(k.tReached - 5e-9)).toBeLessThan(1e-15);
  expect(k.message).toMatch(/raise maxSteps/);
});

it("non-finite states end every method with status non-finite, the good snapshots only", () => {
  const e = nlse.solve({ case: "single_soliton", method: "etdrk4", dt: 0.02, amplitude: 50 });
  expect(e.status).toBe("non-finite");
  expect(e.psi.length).toBe(e.t.length);
  for (const p of e.psi) expect(p.every(Number.isFinite)).toBe(true);
  expect(e.message).toMatch(/non-finite/);
  const blow = nlse.simulate({ case: "single_soliton", numPoints: 64, domainLength: 10, tFinal: 5, nSnapshots: 5, gamma: 1e300 });
  expect(blow.status).toBe("non-finite");
  const sc = school.simulate({ case: "case1", speed: 1e200, nSteps: 20 });
  expect(sc.status).toBe("non-finite");
  expect(sc.frames).toBeLessThan(21);
  expect(sc.time.length).toBe(sc.frames);
  for (const v of Object.values(sc.series)) expect(v.length).toBe(sc.frames);
  expect(Number.isFinite(sc.final.polarization)).toBe(true);
  for (const o of [{ case: "gaussian_packet", potential: "phi4", amplitude: 1e3, method: "verlet" }, { case: "case1", legacy: true, potential: "phi4", amplitude: 1e3 }] as const) {
    const kg = kleinGordon.simulate(o);             // before: the legacy path threw, the fixed path threw
    expect(kg.status).toBe("non-finite");
    expect(kg.invariants.energy.every(Number.isFinite)).toBe(true);
    expect(kg.message).toMatch(/non-finite .* after t = 0/);
  }
});

it("an AbortSignal stops simulate/solve between steps with status aborted and keeps what was produced", () => {
  const ac = new AbortController();
  const s = nlse.simulate({ case: "two_soliton", signal: ac.signal }, (q) => { if (q.index === 10) ac.abort(); });
  expect(s.status).toBe("aborted");
  expect(s.t.length).toBe(11);
  expect(s.message).toMatch(/aborted at t = /);
  const ac2 = new AbortController();
  let frames = 0;
  const k = kleinGordon.simulate({ case: "sg_breather", signal: ac2.signal }, () => { if (++frames === 5) ac2.abort(); });
  expect(k.status).toBe("aborted");
  expect(k.t.length).toBe(5);
  const ac3 = new AbortController();
  const sc = school.simulate({ case: "couzin_torus", nSteps: 100, signal: ac3.signal }, (f) => { if (f.index === 3) ac3.abort(); });
  expect(sc.status).toBe("aborted");
  expect(sc.frames).toBe(4);
  const ac4 = new AbortController();
  ac4.abort();
  const r = ode.solve("DOP853", ode.systems.lorenz(), [0, 10], [1, 1, 1], { signal: ac4.signal });
  expect(r).toMatchObject({ status: -1, reason: "aborted", success: false });
  expect(() => nlse.simulate({ case: "single_soliton", signal: "stop" as never })).toThrow(/signal must be an AbortSignal/);
});

it("ode.solve on [0, 1e308] returns at its default budget (1e6 steps); ode.create reports Status.Budget", () => {
  const r = ode.solve("RK45", (_t, y, dy) => { dy[0] = -y[0]; }, [0, 1e308], [1], { maxSteps: 5000 });
  expect(r).toMatchObject({ status: -1, reason: "budget", success: false });
  expect(r.naccept + r.nreject).toBe(5000);
  expect(r.message).toMatch(/step budget of 5000 steps was reached at t = .*raise maxSteps/);
  const it2 = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], { tBound: 1e308, maxSteps: 100 });
  let st: number = ode.Status.Ok;
  while (st === ode.Status.Ok) st = it2.step();
  expect(st).toBe(ode.Status.Budget);
  expect(it2.status).toBe(ode.Status.Budget);
  expect(it2.naccept + it2.nreject).toBe(100);
  expect(() => it2.step()).toThrow(/already ended \(The step budget was reached; raise maxSteps/);
  it2.dispose();
});

it("sizes are checked against memory before allocating, with the estimate in the error", () => {
  expect(() => nlse.create({ case: "single_soliton", nSnapshots: 1e9 })).toThrow(/nSnapshots = 1000000000 needs about [0-9.]+ GiB of memory, more than the 2.0 GiB a run may use; reduce numPoints or nSnapshots/);
  expect(() => nlse.solve({ case: "single_soliton", numPoints: 1 << 20, nSnapshots: 2000 })).toThrow(/keeping 2000 snapshots of 1048576 points needs about 31 GiB/);
  expect(() => kleinGordon.create({ case: "case1", nFrames: 1e9 })).toThrow(/nFrames = 1000000000 needs about .* GiB .* reduce nx or nFrames/);
  expect(() => school.simulate({ case: "case1", nSteps: 2 ** 52 })).toThrow(/saved frames needs about .* reduce nFish, or nSteps, or raise saveInterval/);
});

it("school.advance runs any step count in chunks (no i32 wrap) and refuses non-integers", () => {
  const a = school.create({ case: "couzin_torus" }), b = school.create({ case: "couzin_torus" });
  a.advance(5000);                                       // > one WASM chunk
  for (let i = 0; i < 5; i++) b.advance(1000);
  expect(a.step).toBe(5000);
  expect(Array.from(a.positions)).toEqual(Array.from(b.positions));
  for (const bad of [-5, 1.7, NaN, "3"]) expect(() => a.advance(bad as number)).toThrow(/steps must be an integer ≥ 0/);
  a.dispose(); b.dispose();
});

it("NLSE resolution alarm: an under-resolved run warns in the summary; resolved cases do not", () => {
  const bad = nlse.simulate({ case: "single_soliton", amplitude: 1e3, method: "yoshida6", dt: 1e-4, tFinal: 0.01, nSnapshots: 3 });
  expect(bad.maxTailFraction).toBeGreaterThan(0.01);
  expect(bad.warnings.join()).toMatch(/under-resolved: .* above ⅔k_max .* raise numPoints \(now 512\)/);
  for (const c of ["single_soliton", "two_soliton", "akhmediev", "peregrine"] as const) {
    const s = nlse.simulate({ case: c });
    expect(s.maxTailFraction, c).toBeLessThan(1e-6);
    expect(s.warnings, c).toEqual([]);
  }
});

it("onProgress reports t, steps and the step size between snapshots (long adaptive and fixed stretches)", () => {
  const seen: Array<{ t: number; steps: number; stepSize: number }> = [];
  const s = nlse.simulate({ case: "single_soliton", gamma: 1e6, maxSteps: 2000, onProgress: (p) => seen.push(p) });
  expect(s.status).toBe("budget");
  expect(seen.length).toBeGreaterThanOrEqual(5);            // every 256 accepted steps, all before the 2nd snapshot
  for (let i = 1; i < seen.length; i++) { expect(seen[i].t).toBeGreaterThan(seen[i - 1].t); expect(seen[i].steps).toBeGreaterThan(seen[i - 1].steps); }
  expect(seen.every((p) => p.stepSize > 0 && p.stepSize < 1e-3)).toBe(true);
  const kseen: number[] = [];
  kleinGordon.simulate({ case: "sg_kink", dt: 1e-12, maxSteps: 10000, onProgress: (p) => kseen.push(p.steps) });
  expect(kseen).toEqual([4096, 8192]);
  expect(() => nlse.simulate({ case: "single_soliton", onProgress: 3 as never })).toThrow(/onProgress must be a function/);
});
