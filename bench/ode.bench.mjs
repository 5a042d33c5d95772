// ODE benchmark: DOP853 against a plain C DOP853 (bench/ref/dop853_ref.c: Hairer's dop853.c structure, scipy's
// step control, gcc -O3 -march=native -ffp-contract=off, a separate process) and odex 2.0.4 (Hairer's ODEX in JS).
//   Lorenz (σ=10, ρ=28, β=8/3), y0 = (1,1,1), rtol 1e-10, atol 1e-12, t ∈ [0, 100]
//   Arenstorf orbit, one period, rtol = atol = 1e-10
// Rounds alternate: a batch of every Node implementation (round-robin, the order rotating), then one C process per problem (it times
// its own batch of ~BATCH ms, so process start-up is not counted). Medians and ranges over ROUNDS rounds; the C
// code takes the same steps as samudra (checked below: same nfev, naccept, nreject and final state).
// ode.solve is timed twice: reading result.y (its row views are made then) and reading only t and the counts.
// Run: npm run bench:ode   (BENCH_ROUNDS, BENCH_BATCH_MS change the defaults 11 and 60; BENCH_ONLY=regex picks rows)
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

import { init, ode } from "../dist/index.js";
import { consume } from "./harness.mjs";

const require = createRequire(import.meta.url);
const { Solver } = require("odex");
await init();

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const BATCH = Number(process.env.BENCH_BATCH_MS ?? 60);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "samudra-ode-"));
const exe = path.join(tmp, "dop853_ref");
let haveC = true;
try {
  execFileSync("gcc", ["-O3", "-march=native", "-ffp-contract=off", "-o", exe, path.join(root, "bench/ref/dop853_ref.c"), "-lm"]);
} catch { haveC = false; }
const runC = (problem) => JSON.parse(execFileSync(exe, [problem, String(BATCH)], { encoding: "utf8" }));

const lorenzTol = { rtol: 1e-10, atol: 1e-12 };
const T = 100;
const ARENSTORF_T = 17.0652165601579625588917206249;
const arenY0 = [0.994, 0, 0, -2.00158510637908252240537862224];
const arenTol = { rtol: 1e-10, atol: 1e-10 };
const lorenzJs = (t, y, d) => { d[0] = 10 * (y[1] - y[0]); d[1] = y[0] * (28 - y[2]) - y[1]; d[2] = y[0] * y[1] - (8 / 3) * y[2]; };
const lorenzOdex = (x, y) => [10 * (y[1] - y[0]), y[0] * (28 - y[2]) - y[1], y[0] * y[1] - (8 / 3) * y[2]];
const sysL = ode.systems.lorenz(), sysA = ode.systems.arenstorf();

function stepLoop(method, rhs, tEnd, y0 = [1, 1, 1], tol = lorenzTol) {
  const it = ode.create(method, rhs, 0, y0, { tBound: tEnd, ...tol });
  while (it.step() === ode.Status.Ok);
  const out = { y: Float64Array.from(it.y), nfev: it.nfev, naccept: it.naccept, nreject: it.nreject };
  it.dispose();
  return out;
}
function advance(rhs, tEnd, y0 = [1, 1, 1], tol = lorenzTol) {
  const it = ode.create("DOP853", rhs, 0, y0, { tBound: tEnd, ...tol });
  it.advanceTo(tEnd);
  const out = { y: Float64Array.from(it.y), nfev: it.nfev, naccept: it.naccept, nreject: it.nreject };
  it.dispose();
  return out;
}
const solveLast = (r) => ({ y: r.y[r.y.length - 1], nfev: r.nfev, naccept: r.naccept, nreject: r.nreject, steps: r.t.length });
// the same solve when the caller reads t and the counts but not y: result.y's per-step row views are made on first
// read (~30 ns each, ~5 100 on Lorenz), so this row shows ode.solve's cost without them; y here is only for consume()
const solveUnread = (r) => ({ y: r.t.subarray(r.t.length - 1), nfev: r.nfev, naccept: r.naccept, nreject: r.nreject, steps: r.t.length });
function odexTo(tEnd) {
  const s = new Solver(3);
  s.absoluteTolerance = lorenzTol.atol;
  s.relativeTolerance = lorenzTol.rtol;
  const r = s.solve(lorenzOdex, 0, [1, 1, 1], tEnd);
  return { y: r.y, nfev: r.nEval ?? NaN, naccept: r.nAccept ?? NaN, nreject: r.nReject ?? NaN };
}

const L = {
  "samudra DOP853, WASM RHS (`ode.solve`, keeps every step)": (tEnd = T) => solveLast(ode.solve("DOP853", sysL, [0, tEnd], [1, 1, 1], lorenzTol)),
  "samudra DOP853, WASM RHS (`ode.solve`, y not read)": (tEnd = T) => solveUnread(ode.solve("DOP853", sysL, [0, tEnd], [1, 1, 1], lorenzTol)),
  "samudra DOP853, WASM RHS (`advanceTo`, loop in WASM)": (tEnd = T) => advance(sysL, tEnd),
  "samudra DOP853, WASM RHS (`ode.create`, `step()` loop)": (tEnd = T) => stepLoop("DOP853", sysL, tEnd),
  "samudra DOP853, JS RHS (`ode.solve`)": (tEnd = T) => solveLast(ode.solve("DOP853", lorenzJs, [0, tEnd], [1, 1, 1], lorenzTol)),
  "samudra RK45 (DOPRI5), WASM RHS (`ode.solve`)": (tEnd = T) => solveLast(ode.solve("RK45", sysL, [0, tEnd], [1, 1, 1], lorenzTol)),
  "odex 2.0.4 (GBS extrapolation, JS)": (tEnd = T) => odexTo(tEnd),
};
const A = {
  "Arenstorf: samudra DOP853 (`ode.solve`)": () => solveLast(ode.solve("DOP853", sysA, [0, ARENSTORF_T], arenY0, arenTol)),
  "Arenstorf: samudra DOP853 (`ode.solve`, y not read)": () => solveUnread(ode.solve("DOP853", sysA, [0, ARENSTORF_T], arenY0, arenTol)),
  "Arenstorf: samudra DOP853 (`advanceTo`)": () => advance(sysA, ARENSTORF_T, arenY0, arenTol),
};
// BENCH_ONLY=regex keeps the matching Node implementations (e.g. "WASM RHS|Arenstorf"); odex stays for the ratio column
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
const pick = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => !only || only.test(k) || k.startsWith("odex")));
const impls = pick({ ...L, ...A });

function calibrate(fn) {
  for (let reps = 1; ; reps *= 2) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) consume(fn().y[0]);
    const dt = performance.now() - t0;
    if (dt >= BATCH / 4) return Math.max(1, Math.round((reps * BATCH) / dt));
  }
}
const reps = Object.fromEntries(Object.entries(impls).map(([k, f]) => [k, calibrate(f)]));
const times = Object.fromEntries([...Object.keys(impls), "C lorenz", "C arenstorf"].map((k) => [k, []]));
for (let s = 0; s < ROUNDS; s++) {
  // the order rotates from round to round: no implementation always runs first after the C processes
  const ent = Object.entries(impls);
  for (const [k, f] of [...ent.slice(s % ent.length), ...ent.slice(0, s % ent.length)]) {
    const t0 = performance.now();
    for (let i = 0; i < reps[k]; i++) consume(f().y[0]);
    times[k].push((performance.now() - t0) / reps[k]);
  }
  if (haveC) { times["C lorenz"].push(runC("lorenz").ms); times["C arenstorf"].push(runC("arenstorf").ms); }
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]; };
const range = (a) => `${Math.min(...a).toFixed(3)}–${Math.max(...a).toFixed(3)}`;
// per-round ratios (each Node batch against the C batch of the same round)
const ratios = (k, c) => times[k].map((v, i) => v / times[c][i]);
const ratioText = (k, c) => haveC ? `${med(ratios(k, c)).toFixed(2)}× (${Math.min(...ratios(k, c)).toFixed(2)}–${Math.max(...ratios(k, c)).toFixed(2)})` : "–";

// accuracy at T = 5 against a tight reference (DOP853, rtol 1e-13, atol 1e-16)
const refTight = stepLoop("DOP853", sysL, 5, [1, 1, 1], { rtol: 1e-13, atol: 1e-16 }).y;
const err5 = (y) => Math.max(...[0, 1, 2].map((i) => Math.abs(y[i] - refTight[i])));
const cL = haveC ? runC("lorenz") : null, cA = haveC ? runC("arenstorf") : null;
const full = Object.fromEntries(Object.entries({ ...L, ...A }).map(([k, f]) => [k, f()]));

console.log(`\nODE benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores`);
console.log(`${ROUNDS} rounds of ~${BATCH} ms batches; median (range) ms per run; ratios are per round against the C batch of the same round`);
console.log(`C ref: bench/ref/dop853_ref.c, gcc -O3 -march=native -ffp-contract=off, separate process${haveC ? "" : " — gcc not found, skipped"}\n`);
console.log(`Lorenz, rtol 1e-10, atol 1e-12, t ∈ [0, ${T}]\n`);
console.log("| solver | wall time (median, range) | vs C ref | vs odex | RHS evals | steps (acc/rej) | max abs error at T = 5 |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
const odexMs = med(times["odex 2.0.4 (GBS extrapolation, JS)"]);
const steps = (r) => Number.isFinite(r.naccept) ? `${r.naccept + r.nreject} (${r.naccept}/${r.nreject})` : "—";
if (cL) console.log(`| C DOP853 (bench/ref/dop853_ref.c) | ${med(times["C lorenz"]).toFixed(3)} ms (${range(times["C lorenz"])}) | 1.00× | ${(odexMs / med(times["C lorenz"])).toFixed(2)}× | ${cL.nfev} | ${steps(cL)} | ${err5(L["samudra DOP853, WASM RHS (`ode.solve`, keeps every step)"](5).y).toExponential(1)} |`);
for (const k of Object.keys(L).filter((k) => k in impls)) {
  const r = full[k];
  console.log(`| ${k} | ${med(times[k]).toFixed(3)} ms (${range(times[k])}) | ${ratioText(k, "C lorenz")} | ${(odexMs / med(times[k])).toFixed(2)}× | ${Number.isFinite(r.nfev) ? r.nfev : "—"} | ${steps(r)} | ${k.includes("y not read") ? "(the run above)" : err5(L[k](5).y).toExponential(1)} |`);
}
console.log(`\nArenstorf, one period (T = ${ARENSTORF_T}), rtol = atol = 1e-10\n`);
console.log("| solver | wall time (median, range) | vs C ref | RHS evals | steps (acc/rej) |");
console.log("|---|---:|---:|---:|---:|");
if (cA) console.log(`| C DOP853 (bench/ref/dop853_ref.c) | ${(1000 * med(times["C arenstorf"])).toFixed(1)} µs (${range(times["C arenstorf"].map((v) => 1000 * v))}) | 1.00× | ${cA.nfev} | ${steps(cA)} |`);
for (const k of Object.keys(A).filter((k) => k in impls)) {
  const r = full[k];
  console.log(`| ${k.replace("Arenstorf: ", "")} | ${(1000 * med(times[k])).toFixed(1)} µs (${range(times[k].map((v) => 1000 * v))}) | ${ratioText(k, "C arenstorf")} | ${r.nfev} | ${steps(r)} |`);
}
const jsK = "samudra DOP853, JS RHS (`ode.solve`)", wK = "samudra DOP853, WASM RHS (`ode.solve`, keeps every step)";
if (jsK in impls) console.log(`\nJS right-hand side: ${(1e6 * (med(times[jsK]) - med(times[wK])) / full[wK].nfev).toFixed(1)} ns more per evaluation than the compiled system (median times, ${full[wK].nfev} evaluations)`);
if (cL) {
  const same = (c, r) => c.nfev === r.nfev && c.naccept === r.naccept && c.nreject === r.nreject && c.y.every((v, i) => v === r.y[i]);
  console.log(`C ref vs samudra: Lorenz ${same(cL, full[wK]) ? "same steps and bit-identical final state" : "DIFFERENT steps or state"}; Arenstorf ${same(cA, full["Arenstorf: samudra DOP853 (`ode.solve`)"]) ? "same steps and bit-identical final state" : "DIFFERENT steps or state"}`);
}
rmSync(tmp, { recursive: true, force: true });
