// Klein–Gordon benchmark.
//  1. Seed parity: each seed case in legacy mode (the seed's leapfrog, adaptive Δt, 201–401 frames) vs an
//     independent numpy re-implementation of the same algorithm (test/fixtures/kg_legacy_reference.py) run in a
//     separate python3 process on this machine; both report the step count, which must agree. µs per step.
//  2. Corrected solvers: µs per step of velocity Verlet and the exact-linear splittings on the same grids.
// Run: npm run bench:kg
import os from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { init, kleinGordon } from "../dist/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await init();
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
// warm-up for ≥ 300 ms (every kernel tiered up to TurboFan), then the median of `reps` runs
const timeIt = (f, reps = 7) => { const w0 = performance.now(); do f(); while (performance.now() - w0 < 300); const t = []; for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); t.push(performance.now() - t0); } return median(t); };
const py = (c) => JSON.parse(execFileSync("python3", [path.join(root, "test/fixtures/kg_legacy_reference.py"), "time", c], { encoding: "utf8" }));

console.log(`\nKlein–Gordon benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores\n`);
console.log("Seed parity (legacy mode, whole run incl. diagnostics per frame) vs the numpy reference implementation, same machine, median of 7 after a 300 ms warm-up (python: of 3)\n");
console.log("| case | nx | steps samudra / numpy | samudra µs/step | numpy µs/step | speed-up |");
console.log("|---|---:|---|---:|---:|---:|");
for (const c of ["case1", "case2", "case3", "case4"]) {
  let s;
  const ms = timeIt(() => { s = kleinGordon.simulate({ case: c, legacy: true }); });
  const runs = [py(c), py(c), py(c)];
  const pus = median(runs.map((r) => (r.seconds * 1e6) / r.steps));
  const us = (ms * 1000) / s.steps;
  console.log(`| ${c} | ${s.options.nx} | ${s.steps} / ${runs[0].steps}${s.steps === runs[0].steps ? "" : " (differ!)"} | ${us.toFixed(2)} | ${pus.toFixed(1)} | ${(pus / us).toFixed(1)}× |`);
}
console.log("\nCorrected solvers, µs per step (whole run), median of 5\n");
console.log("| case | nx | verlet | strang_exact | yoshida4 | yoshida6 | kahanli6 |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const c of ["sg_breather", "kink_antikink"]) {
  const cells = [];
  let nx = 0;
  for (const method of ["verlet", "strang_exact", "yoshida4", "yoshida6", "kahanli6"]) {
    let s;
    const ms = timeIt(() => { s = kleinGordon.simulate({ case: c, method }); });
    nx = s.options.nx;
    cells.push(((ms * 1000) / s.steps).toFixed(2));
  }
  console.log(`| ${c} | ${nx} | ${cells.join(" | ")} |`);
}
