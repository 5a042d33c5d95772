// ODE benchmark: Lorenz (σ=10, ρ=28, β=8/3), y0 = (1,1,1), rtol 1e-10, atol 1e-12, t ∈ [0, 100] —
// samudra DOP853 with the right-hand side compiled in WASM and as a JS callback, samudra RK45 (DOPRI5),
// and odex 2.0.4 (Hairer's ODEX in JS, the fastest JS ODE peer of performance-anchors.md §3), timed
// round-robin in one Node process. Accuracy: error at T = 5 against a tight-tolerance reference.
// Run: npm run bench:ode  (or npm run bench for everything)
import os from "node:os";
import { createRequire } from "node:module";
import { init, ode } from "../dist/index.js";
import { compare, consume } from "./harness.mjs";

const require = createRequire(import.meta.url);
const { Solver } = require("odex");
await init();

const T = Number(process.env.BENCH_T ?? 100);
const tol = { rtol: 1e-10, atol: 1e-12 };
const lorenzJs = (t, y, d) => { d[0] = 10 * (y[1] - y[0]); d[1] = y[0] * (28 - y[2]) - y[1]; d[2] = y[0] * y[1] - (8 / 3) * y[2]; };
const lorenzOdex = (x, y) => [10 * (y[1] - y[0]), y[0] * (28 - y[2]) - y[1], y[0] * y[1] - (8 / 3) * y[2]];

function stepTo(method, rhs, tEnd) {
  const it = ode.create(method, rhs, 0, [1, 1, 1], { tBound: tEnd, ...tol });
  while (it.step() === ode.Status.Ok);
  const out = { y: Float64Array.from(it.y), nfev: it.nfev, naccept: it.naccept, nreject: it.nreject };
  it.dispose();
  return out;
}
function odexTo(tEnd) {
  const s = new Solver(3);
  s.absoluteTolerance = tol.atol;
  s.relativeTolerance = tol.rtol;
  const r = s.solve(lorenzOdex, 0, [1, 1, 1], tEnd);
  return { y: r.y, nfev: r.nEval ?? NaN, naccept: r.nAccept ?? NaN, nreject: r.nReject ?? NaN };
}

const sysWasm = ode.systems.lorenz();
const impls = {
  "samudra DOP853, WASM RHS (ode.create, step loop)": () => stepTo("DOP853", sysWasm, T),
  "samudra DOP853, WASM RHS (ode.solve, keeps every step)": () => ode.solve("DOP853", sysWasm, [0, T], [1, 1, 1], tol),
  "samudra DOP853, JS RHS (ode.create, step loop)": () => stepTo("DOP853", lorenzJs, T),
  "samudra RK45 (DOPRI5), WASM RHS (step loop)": () => stepTo("RK45", sysWasm, T),
  "odex 2.0.4 (GBS extrapolation, JS)": () => odexTo(T),
};
const times = compare(Object.fromEntries(Object.entries(impls).map(([k, f]) => [k, () => consume(f().y[0])])), { batchMs: 60, samples: 9 });

// accuracy at T = 5 against a tight reference (DOP853, rtol 1e-13, atol 1e-16, 100·ε floor)
const ref = stepTo("DOP853", sysWasm, 5);
const refTight = (() => {
  const it = ode.create("DOP853", sysWasm, 0, [1, 1, 1], { tBound: 5, rtol: 1e-13, atol: 1e-16 });
  while (it.step() === ode.Status.Ok);
  return Float64Array.from(it.y);
})();
void ref;
const err5 = (y) => Math.max(...[0, 1, 2].map((i) => Math.abs(y[i] - refTight[i])));
const at5 = {
  "samudra DOP853, WASM RHS (ode.create, step loop)": stepTo("DOP853", sysWasm, 5),
  "samudra DOP853, WASM RHS (ode.solve, keeps every step)": stepTo("DOP853", sysWasm, 5),
  "samudra DOP853, JS RHS (ode.create, step loop)": stepTo("DOP853", lorenzJs, 5),
  "samudra RK45 (DOPRI5), WASM RHS (step loop)": stepTo("RK45", sysWasm, 5),
  "odex 2.0.4 (GBS extrapolation, JS)": odexTo(5),
};
const full = Object.fromEntries(Object.entries(impls).map(([k, f]) => { const r = f(); return [k, r]; }));

console.log(`\nODE benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores`);
console.log(`Lorenz, rtol 1e-10, atol 1e-12, t ∈ [0, ${T}]; median of round-robin batches\n`);
console.log("| solver | wall time | vs odex | RHS evals | steps (acc/rej) | max abs error at T = 5 |");
console.log("|---|---:|---:|---:|---:|---:|");
const odexMs = times["odex 2.0.4 (GBS extrapolation, JS)"];
for (const k of Object.keys(impls)) {
  const r = full[k];
  const steps = Number.isFinite(r.naccept) ? `${r.naccept + r.nreject} (${r.naccept}/${r.nreject})` : "—";
  console.log(`| ${k} | ${times[k].toFixed(3)} ms | ${(odexMs / times[k]).toFixed(2)}× | ${Number.isFinite(r.nfev) ? r.nfev : "—"} | ${steps} | ${err5(at5[k].y).toExponential(1)} |`);
}
