// Cost constants of the HTTP service's work budget (src/server/budget.ts, docs/server.md "Budget"): for each model
// and method, the wall time of a run divided by its work units — NLSE/KG: points × steps (the per-method stage
// count is folded into the constant), plus per stored frame points (diagnostics); school: fish × neighbour bound ×
// steps, plus fish per stored frame (metrics). Runs each configuration 5 times, prints the median and range of
// ns per unit. Usage: npm run build && node bench/server-costs.mjs   (REPS=5 by default)
import { init, nlse, kleinGordon, school } from "../dist/index.js";

await init();
const REPS = Number(process.env.REPS ?? 5);
function time(fn) {
  const t = [];
  for (let i = 0; i < REPS; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
  t.sort((a, b) => a - b);
  return { med: t[t.length >> 1], lo: t[0], hi: t[t.length - 1] };
}
const fmt = (r, units) => `${(1e6 * r.med / units).toFixed(3)} ns/unit (range ${(1e6 * r.lo / units).toFixed(3)}–${(1e6 * r.hi / units).toFixed(3)})`;
const rows = [];

// NLSE: fixed-step methods at N = 512 and 4096, two snapshots (stepping dominates); steps known exactly
for (const method of ["strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4", "dop853", "rk45"]) {
  for (const N of [512, 4096]) {
    const adaptive = method === "dop853" || method === "rk45";
    const o = { case: "single_soliton", method, numPoints: N, tFinal: adaptive ? 2 : 1, nSnapshots: 2, ...(adaptive ? {} : { dt: 1e-3 }) };
    let steps = 0;
    const r = time(() => { const s = nlse.simulate(o); steps = s.steps.accepted + s.steps.rejected; });
    rows.push(["nlse", method, `N=${N}`, steps, fmt(r, N * steps), 1e6 * r.med / (N * steps)]);
  }
}
// NLSE per-snapshot cost (diagnostics): many snapshots, few steps
{
  const N = 4096, snaps = 2001;
  const o = { case: "single_soliton", method: "strang", numPoints: N, tFinal: 2, dt: 1e-3, nSnapshots: snaps };
  const base = time(() => nlse.simulate({ ...o, nSnapshots: 2 }));
  const r = time(() => nlse.simulate(o));
  rows.push(["nlse", "snapshot", `N=${N}`, snaps, `${(1e6 * (r.med - base.med) / (N * snaps)).toFixed(3)} ns/unit (point·snapshot, strang steps subtracted)`, 1e6 * (r.med - base.med) / (N * snaps)]);
}
// KG
for (const method of ["verlet", "strang_exact", "yoshida4", "yoshida6", "kahanli6"]) {
  for (const nx of [512, 4096]) {
    const o = { case: "case3", method, nx, tFinal: 10, dt: 0.01, nFrames: 1, boundary: "periodic" };
    const steps = 1000;
    const r = time(() => kleinGordon.simulate(o));
    rows.push(["kg", method, `nx=${nx}`, steps, fmt(r, nx * steps), 1e6 * r.med / (nx * steps)]);
  }
}
for (const nx of [512, 4096]) {   // velocity Verlet with Neumann ends (DCT-I), the default of case2, boosted_kink, sg_kink
  const r = time(() => kleinGordon.simulate({ case: "case2", method: "verlet", boundary: "neumann", nx, tFinal: 5, dt: 0.005, nFrames: 1 }));
  rows.push(["kg", "verlet neumann", `nx=${nx}`, 1000, fmt(r, nx * 1000), 1e6 * r.med / (nx * 1000)]);
}
{
  const nx = 1024;
  let steps = 0;
  const r = time(() => { const s = kleinGordon.simulate({ case: "case3", legacy: true, nx, tFinal: 20, nFrames: 1 }); steps = s.steps; });
  rows.push(["kg", "legacy", `nx=${nx}`, steps, fmt(r, nx * steps), 1e6 * r.med / (nx * steps)]);
  const snaps = 2000;
  const b = time(() => kleinGordon.simulate({ case: "case3", method: "verlet", nx: 4096, tFinal: 20, dt: 0.01, nFrames: 1, boundary: "periodic" }));
  const r2 = time(() => kleinGordon.simulate({ case: "case3", method: "verlet", nx: 4096, tFinal: 20, dt: 0.01, nFrames: snaps, boundary: "periodic" }));
  rows.push(["kg", "frame", "nx=4096", snaps, `${(1e6 * (r2.med - b.med) / (4096 * snaps)).toFixed(3)} ns/unit (point·frame)`, 1e6 * (r2.med - b.med) / (4096 * snaps)]);
}
// school: steps without metrics (saveInterval = nSteps), then the metrics per frame with and without entropies
for (const [c, nFish] of [["case1", 150], ["case1", 600], ["couzin_torus", 100], ["couzin_torus", 400]]) {
  const nSteps = 400;
  const o = { case: c, nFish, nSteps, saveInterval: nSteps, computeEntropy: false };
  const r = time(() => school.simulate(o));
  rows.push(["school", `${c} step`, `nFish=${nFish}`, nSteps, fmt(r, nFish * (nFish - 1) * nSteps), 1e6 * r.med / (nFish * (nFish - 1) * nSteps)]);
  for (const entropy of [false, true]) {
    const r2 = time(() => school.simulate({ ...o, saveInterval: 1, computeEntropy: entropy }));
    rows.push(["school", `${c} frame${entropy ? "+entropy" : ""}`, `nFish=${nFish}`, nSteps, `${(1e6 * (r2.med - r.med) / (nFish * nSteps)).toFixed(3)} ns/unit (fish·frame)`, 1e6 * (r2.med - r.med) / (nFish * nSteps)]);
  }
}
console.log(`node ${process.version}, ${REPS} repetitions, median (range)`);
for (const r of rows) console.log(r.slice(0, 5).join("\t"));

// The estimate against the run: the service's X-Samudra-Estimate-Ms for whole requests (JSON summary) of the models'
// own cases, and the wall time of the request in this process (median of REPS, each on a fresh app so nothing is
// cached). A ratio ≥ 1 means the budget over-estimates (refuses early), < 1 that it under-estimates.
const { createApp } = await import("../dist/server/index.js");
const checks = [
  ["nlse", { case: "two_soliton", method: "yoshida4" }], ["nlse", { case: "breather" }], ["nlse", { case: "modulation_instability", method: "strang", dt: 1e-3 }],
  ["kg", { case: "case2" }], ["kg", { case: "case3", legacy: true }], ["kg", { case: "sg_kink_antikink" }],
  ["school", { case: "case1" }], ["school", { case: "couzin_torus", nSteps: 1000, saveInterval: 10 }],
];
console.log("\nestimate vs run (JSON summary requests, in process):");
for (const [model, o] of checks) {
  const t = [];
  let est = 0, status = 0;
  for (let i = 0; i < REPS; i++) {
    const app = createApp();
    const t0 = performance.now();
    const res = await app.request(`/v1/${model}/runs`, { method: "POST", body: JSON.stringify(o) });
    await res.arrayBuffer();
    t.push(performance.now() - t0);
    est = Number(res.headers.get("x-samudra-estimate-ms")); status = res.status;
  }
  t.sort((a, b) => a - b);
  const med = t[t.length >> 1];
  console.log(`${model}\t${JSON.stringify(o)}\tstatus ${status}\testimate ${est} ms\trun ${med.toFixed(0)} ms (${t[0].toFixed(0)}–${t[t.length - 1].toFixed(0)})\tratio ${(est / med).toFixed(2)}`);
}
