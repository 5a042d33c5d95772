// NLSE benchmark.
//  1. Seed parity: each seed case in legacy mode (DOP853, filter in the RHS, max_step 0.1) vs an independent
//     numpy/scipy re-implementation of the same algorithm (test/fixtures/nlse_legacy_reference.py) run in a
//     separate python3 process on this machine; both report nfev, which must agree.
//  2. Time to accuracy: single soliton, T = 20, max error ≤ 1e-6 against the exact solution, for each stepper
//     (the loosest rtol from a halving search; for fixed steps the fewest steps per snapshot interval, by bisection),
//     vs the numpy reference run.
// Run: npm run bench:nlse
import os from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { init, nlse } from "../dist/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await init();
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
// warm-up for ≥ 300 ms (every kernel tiered up to TurboFan), then the median of `reps` runs
const timeIt = (f, reps = 7) => { const w0 = performance.now(); do f(); while (performance.now() - w0 < 300); const t = []; for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); t.push(performance.now() - t0); } return median(t); };
const py = (c) => JSON.parse(execFileSync("python3", [path.join(root, "test/fixtures/nlse_legacy_reference.py"), "time", c], { encoding: "utf8" }));

console.log(`\nNLSE benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores\n`);
console.log("Seed parity (legacy mode) vs the numpy/scipy reference implementation, same machine, median of 7 after a 300 ms warm-up (python: of 3)\n");
console.log("| case | samudra | numpy/scipy | speed-up | nfev samudra / numpy |");
console.log("|---|---:|---:|---:|---|");
let pySoliton = 0;
for (const c of nlse.SEED_CASES) {
  let s;
  const ms = timeIt(() => { s = nlse.simulate({ case: c, legacy: true }); });
  const runs = [py(c), py(c), py(c)];
  const pms = median(runs.map((r) => r.seconds * 1000));
  if (c === "single_soliton") pySoliton = pms;
  console.log(`| ${c} | ${ms.toFixed(0)} ms | ${pms.toFixed(0)} ms | ${(pms / ms).toFixed(1)}× | ${s.nfev} / ${runs[0].nfev}${s.nfev === runs[0].nfev ? "" : " (differ!)"} |`);
}

console.log("\nTime to reach max error ≤ 1e-6 (single soliton, T = 20, 100 snapshots; filter off), vs the numpy reference run of the seed's algorithm\n");
console.log("| stepper | setting | max error | evaluations | time | vs numpy reference |");
console.log("|---|---|---:|---:|---:|---:|");
const target = 1e-6;
const search = (make, start, shrink) => { let p = start; for (let i = 0; i < 20; i++) { const s = nlse.simulate(make(p)); if (s.maxError <= target) return { p, s }; p = shrink(p); } throw new Error("no setting reached the target"); };
// fixed-step methods: the step is interval/sub (the engine shrinks dt to divide the snapshot spacing), so search the
// smallest sub that reaches the target — doubling, then bisection
const interval = 20 / 99;
const searchSub = (make) => {
  const at = (sub) => nlse.simulate(make(interval / sub));
  let hi = 1, s = at(hi);
  while (!(s.maxError <= target)) { hi *= 2; s = at(hi); if (hi > 1 << 20) throw new Error("no step reached the target"); }
  let lo = hi >> 1, best = { p: interval / hi, s };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1, sm = at(mid);
    if (sm.maxError <= target) { hi = mid; best = { p: interval / mid, s: sm }; } else lo = mid;
  }
  return best;
};
const rows = [
  ["dop853", (r) => ({ case: "single_soliton", method: "dop853", rtol: r, atol: r * 1e-4 }), 1e-3, (r) => r / 2, "rtol"],
  ["rk45", (r) => ({ case: "single_soliton", method: "rk45", rtol: r, atol: r * 1e-4 }), 1e-3, (r) => r / 2, "rtol"],
  ...["strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"].map((m) => [m, (dt) => ({ case: "single_soliton", method: m, dt }), 0, null, "dt"]),
];
for (const [name, make, start, shrink, label] of rows) {
  const { p, s } = shrink ? search(make, start, shrink) : searchSub(make);
  const ms = timeIt(() => nlse.simulate(make(p)));
  console.log(`| ${name} | ${label} = ${p.toPrecision(3)} | ${s.maxError.toExponential(1)} | ${s.nfev} | ${ms.toFixed(1)} ms | ${(pySoliton / ms).toFixed(0)}× |`);
}
