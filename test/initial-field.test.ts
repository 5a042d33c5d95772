// User-defined initial fields (issue 15): `initialField` in every model (validated: length, finiteness, keys), the
// same numbers as the built-in case when given the case's own field, files (.npy written by numpy, .nc written by
// samudra: a run continues bit for bit where the last one ended), and the sine-Gordon kink–antikink exact solution
// (Perring–Skyrme) with its error against the exact field, as the breather has.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { init, nlse, kleinGordon, school, io } from "../src/index.js";
import { root } from "./helpers/runtimes.js";
import { runPython } from "./helpers/python.js";

let dir = "";
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/cli.js"), ...args], { encoding: "utf8", cwd: dir });
beforeAll(async () => { await init(); dir = mkdtempSync(path.join(tmpdir(), "samudra-field-")); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

it("NLSE: the case's own ψ0 as initialField gives the same run to the last bit; bad fields are refused clearly", () => {
  const run = nlse.create({ case: "two_soliton" });
  const psi0 = run.state().slice();                      // before the first step: ψ0 on the grid
  run.dispose();
  const a = nlse.solve({ case: "two_soliton", nSnapshots: 5, tFinal: 2 });
  const b = nlse.solve({ case: "two_soliton", nSnapshots: 5, tFinal: 2, initialField: psi0 });
  expect(b.nfev).toBe(a.nfev);
  expect(Array.from(b.psi[4])).toEqual(Array.from(a.psi[4]));
  const e = nlse.simulate({ case: "single_soliton", initialField: nlse.create({ case: "single_soliton" }).state().slice() });
  expect(e.maxError).toBeNull();                        // a user field has no exact solution
  expect(() => nlse.create({ case: "single_soliton", initialField: new Float64Array(512) })).toThrow(/initialField must have 2·numPoints = 1024 numbers \(interleaved Re, Im\), got 512; a real field needs its imaginary parts/);
  const bad = psi0.slice(0, 1024); bad[7] = NaN;
  expect(() => nlse.create({ case: "single_soliton", initialField: bad })).toThrow(/initialField\[7\] \(Im ψ at x_3\) must be a finite number/);
  expect(() => nlse.create({ case: "single_soliton", initialField: "psi.npy" as never })).toThrow(/initialField must be an array of 2·numPoints = 1024 numbers/);
});

it("KG and school: the case's own start as initialField reproduces the run; keys and lengths are checked", () => {
  const f0 = kleinGordon.solve({ case: "kink_antikink", nFrames: 1, tFinal: 0.5 });
  const a = kleinGordon.solve({ case: "kink_antikink", tFinal: 5, nFrames: 2 });
  const b = kleinGordon.solve({ case: "kink_antikink", tFinal: 5, nFrames: 2, initialField: { phi: f0.phi[0], phiT: f0.phiT[0] } });
  expect(Array.from(b.phi[2])).toEqual(Array.from(a.phi[2]));
  expect(() => kleinGordon.create({ case: "case1", initialField: { phi: [1, 2], phiT: [0, 0] } })).toThrow(/initialField.phi must have nx = 512 values \(one per grid point\), got 2/);
  expect(() => kleinGordon.create({ case: "case1", initialField: { phi: new Float64Array(512), phit: [] } as never })).toThrow(/initialField has an unknown key "phit"; it takes \{ phi, phiT \}/);
  const s0 = school.create({ case: "couzin_torus" });
  const positions = s0.positions.slice(), velocities = s0.velocities.slice();
  s0.dispose();
  const sa = school.simulate({ case: "couzin_torus", nSteps: 50 }), sb = school.simulate({ case: "couzin_torus", nSteps: 50, initialField: { positions, velocities } });
  expect(sb.final).toEqual(sa.final);
  expect(() => school.create({ case: "case1", initialField: { positions: [1, 2, 3], velocities: [1, 0, 0] } })).toThrow(/initialField.positions must have 3·nFish = 450 numbers, got 3 \(1 fish; set nFish to match\)/);
  const out = new Float64Array(450).fill(1); out[4] = 30;
  expect(() => school.create({ case: "case1", initialField: { positions: out, velocities: new Float64Array(450).fill(0.5) } })).toThrow(/initialField.positions\[4\] = 30 is outside the periodic box \[0, 25\)/);
});

it("sine-Gordon kink–antikink: exact solution to 1e-9 (yoshida6), order 4 for yoshida4, energy 16γ, the pair passes through", () => {
  const run = (method: "yoshida4" | "yoshida6", dt: number) => kleinGordon.simulate({ case: "sg_kink_antikink", method, dt });
  const y6 = run("yoshida6", 0.02);
  expect(y6.maxError).toBeLessThan(1e-9);
  const e1 = run("yoshida4", 0.02).maxError!, e2 = run("yoshida4", 0.01).maxError!;
  expect(Math.log2(e1 / e2)).toBeGreaterThan(3.8);
  expect(Math.log2(e1 / e2)).toBeLessThan(4.2);
  const gamma = 1 / Math.sqrt(1 - 0.25);
  expect(Math.abs(y6.invariants.energy[0] - 16 * gamma)).toBeLessThan(1e-6);    // two kinks of rest energy 8, boosted
  const frames: Array<{ t: number; kinks: number[] }> = [];
  kleinGordon.simulate({ case: "sg_kink_antikink", method: "yoshida6", dt: 0.02 }, (f) => frames.push({ t: f.t, kinks: [...f.kinks] }));
  expect(frames[0].kinks.map((k) => Math.round(k))).toEqual([-15, 15]);           // separation 30 at t = 0
  expect(frames[20].kinks[1] - frames[0].kinks[1]).toBeCloseTo(-0.5 * 10, 1);     // each moves at u = 0.5 inward
  expect(frames[frames.length - 1].kinks.length).toBe(2);                         // and they come out the other side
  for (const c of ["sg_breather", "sg_kink", "boosted_kink"] as const) {
    const s = kleinGordon.simulate({ case: c, method: c === "sg_breather" ? "yoshida4" : "verlet" });
    expect(s.maxError, c).not.toBeNull();
    expect(s.maxError!, c).toBeLessThan(c === "sg_breather" ? 1e-4 : 1e-4);
  }
  expect(kleinGordon.simulate({ case: "case2", legacy: true }).maxError).toBeNull();
});

it("initial_field in config files: .npy from numpy (all three models) and a samudra .nc continuing a run bit for bit", () => {
  runPython("python3", `
import numpy as np, sys
d = sys.argv[1]
x = -25 + 50 * np.arange(512) / 512
np.save(d + "/psi.npy", (2 / np.cosh(2 * x)).astype(np.complex128))
xk = -50 + 100 * np.arange(1024) / 1024
np.save(d + "/kg.npy", np.stack([np.tanh(xk / np.sqrt(2)), np.zeros(1024)]))
rng = np.random.default_rng(1)
p = rng.uniform(0, 25, (150, 3)); v = rng.normal(size=(150, 3)); v /= np.linalg.norm(v, axis=1)[:, None]
np.save(d + "/school.npy", np.stack([p, v]))
np.save(d + "/bad.npy", np.zeros((3, 3), dtype=np.float32))`, dir);
  const n = cli("nlse", "single_soliton", "--set", "initial_field=psi.npy", "--set", "velocity=0", "--format", "json", "-o", "o1", "-q");
  expect(n.status, n.stderr).toBe(0);
  const sum = JSON.parse(readFileSync(path.join(dir, "o1/single_soliton_summary.json"), "utf8"));
  expect(sum.invariants.drift.mass).toBeLessThan(1e-12);
  expect(sum.maxError).toBeNull();
  const k = cli("kg", "case2", "--set", "initial_field=kg.npy", "--format", "json", "-o", "o2", "-q");
  expect(k.status, k.stderr).toBe(0);
  const s = cli("school", "case1", "--set", "initial_field=school.npy", "--set", "n_steps=20", "--format", "json", "-o", "o3", "-q");
  expect(s.status, s.stderr).toBe(0);
  const bad = cli("nlse", "single_soliton", "--set", "initial_field=bad.npy", "-o", "o4");
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/bad.npy: dtype <f4 is not supported; save float64 \('<f8'\) or complex128 \('<c16'\)/);
  const missing = cli("kg", "case2", "--set", "initial_field=nope.nc", "-o", "o4");
  expect(missing.status).toBe(2);
  expect(missing.stderr).toMatch(/initial_field: file not found: nope.nc/);
  // continuation: 0 → 15 then 15 → 30 from the first run's last NetCDF record equals one run 0 → 30
  const one = cli("kg", "sg_kink_antikink", "--set", "t_final=30", "--set", "n_frames=60", "--format", "nc", "-o", "full", "-q");
  const first = cli("kg", "sg_kink_antikink", "--set", "t_final=15", "--set", "n_frames=30", "--format", "nc", "-o", "half", "-q");
  const second = cli("kg", "sg_kink_antikink", "--set", "t_final=15", "--set", "n_frames=30", "--set", "initial_field=half/sine_gordon_kink_antikink_corrected.nc", "--format", "nc", "-o", "cont", "-q");
  for (const r of [one, first, second]) expect(r.status, r.stderr).toBe(0);
  const last = (f: string) => { const nc = io.readNetCDF(new Uint8Array(readFileSync(path.join(dir, f)))); const phi = nc.read("phi") as Float64Array; return Array.from(phi.subarray(phi.length - 1024)); };
  expect(last("cont/sine_gordon_kink_antikink_corrected.nc")).toEqual(last("full/sine_gordon_kink_antikink_corrected.nc"));
});
