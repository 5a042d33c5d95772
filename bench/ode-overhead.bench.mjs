// What a DOP853 step costs beyond its right-hand side, in two units that survive machine noise:
//  1. NLSE legacy runs (N = 512, DOP853, filter in the RHS, the seed's 100 snapshots): time per RHS
//     evaluation (run time / nfev) divided by the time of one FFT pair (forward + inverse complex FFT of
//     512 points, WASM-resident, `fft.plan(512)`) measured in the same process, interleaved with the runs.
//     The pairs are timed in batches of 30 at each of the run's 100 snapshots (their time taken out of the run's).
//     The RHS itself is ~1.5 FFT pairs (two transforms, the cube and the filter/dispersion passes); the rest
//     is the step: stage combinations, error norm, step control, dense output at the snapshots.
//  2. Lorenz (σ=10, ρ=28, β=8/3, y0 = (1,1,1), rtol 1e-10, atol 1e-12, t ∈ [0, 100]) and Arenstorf (one
//     period, rtol = atol = 1e-10) through `advanceTo` (step loop in WASM) and the `step()` loop, against the
//     plain C DOP853 of bench/ref/dop853_ref.c (gcc -O3 -march=native -ffp-contract=off, a separate process
//     timing its own batch with the process CPU-time clock), alternated round by round.
// Times are CPU time of the process (process.cpuUsage), not wall time. The C ref reports its own wall time.
// BENCH_BASE=<another build's dist directory> runs that build too, interleaved in the same process (old vs
// new kernels, same machine state); its rows are marked "base". Medians and ranges over BENCH_ROUNDS rounds.
// Run: npm run bench:ode-overhead   (BENCH_ROUNDS default 9; BENCH_PART=nlse or ode runs one part)
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const PART = process.env.BENCH_PART ?? "all";
const builds = [["new", path.join(root, "dist")]];
if (process.env.BENCH_BASE) builds.push(["base", path.resolve(process.env.BENCH_BASE)]);
const libs = [];
for (const [name, dir] of builds) {
  const lib = await import(pathToFileURL(path.join(dir, "index.js")).href);
  await lib.init();
  libs.push({ name, lib });
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]; };
const rng = (a, d = 2) => `${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)}`;
const sink = { v: 0 };
console.log(`\nDOP853 step overhead — ${new Date().toISOString().slice(0, 16)}Z, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
console.log(`${ROUNDS} rounds, builds: ${builds.map(([n, d]) => `${n} = ${path.relative(root, d) || "."}`).join(", ")}\n`);

/** ms per call of f: reps calls timed as one batch, in CPU time of this process (user + system): on a shared
 *  machine the time the process waits for a core is not counted (cache contention still is). */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const batch = (f, reps) => { const t0 = cpuMs(); for (let i = 0; i < reps; i++) f(); return (cpuMs() - t0) / reps; };

if (PART === "all" || PART === "nlse") {
  const cases = (process.env.BENCH_CASES ?? "single_soliton,two_soliton,breather,modulation_instability").split(",");
  const rows = [];
  for (const { name, lib } of libs) {
    const p = lib.fft.plan(512);
    for (let i = 0; i < 1024; i++) p.input[i] = Math.sin(0.37 * i) + 0.1 * Math.cos(1.3 * i);
    const pair = () => { p.forward(p.output, p.input); p.inverse(p.input, p.output); sink.v += p.input[3]; };
    const PAIRS = 30;
    for (const c of cases) {
      // FFT pairs are timed in small batches at every snapshot of the run (100 per run), so that they see the same
      // machine state as the run itself; their time is taken out of the run's
      const run = () => {
        let pairMs = 0, pairs = 0;
        const t0 = cpuMs();
        const s = lib.nlse.simulate({ case: c, legacy: true }, () => { const a = cpuMs(); for (let i = 0; i < PAIRS; i++) pair(); pairMs += cpuMs() - a; pairs += PAIRS; });
        sink.v += s.maxError;
        return { s, ms: cpuMs() - t0 - pairMs, pairMs: pairMs / pairs };
      };
      const { s } = run();
      rows.push({ build: name, c, run, nfev: s.nfev, steps: s.steps, ms: [], pairUs: [], ratio: [] });
    }
    const w0 = performance.now();
    while (performance.now() - w0 < 400) rows.filter((r) => r.build === name).forEach((r) => r.run());
  }
  for (let s = 0; s < ROUNDS; s++) {
    for (const r of (s & 1 ? [...rows].reverse() : rows)) {
      const { ms, pairMs } = r.run();
      r.ms.push(ms); r.pairUs.push(1000 * pairMs); r.ratio.push(ms / r.nfev / pairMs);
    }
  }
  console.log("NLSE legacy (N = 512, DOP853): time per RHS evaluation in FFT pairs of 512 points (same process)\n");
  console.log("| build | case | nfev | steps (acc/rej) | run ms | FFT pair µs | µs per eval | FFT pairs per eval |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.build} | ${r.c} | ${r.nfev} | ${r.steps.accepted}/${r.steps.rejected} | ${med(r.ms).toFixed(1)} (${rng(r.ms, 1)}) | ${med(r.pairUs).toFixed(2)} | ${(1000 * med(r.ms) / r.nfev).toFixed(2)} | **${med(r.ratio).toFixed(2)}** (${rng(r.ratio)}) |`);
  }
  if (libs.length > 1) for (const r of rows.filter((x) => x.build === "new")) {
    const b = rows.find((x) => x.build === "base" && x.c === r.c);
    console.log(`${r.c}: nfev ${r.nfev === b.nfev && r.steps.accepted === b.steps.accepted && r.steps.rejected === b.steps.rejected ? "and steps identical" : "DIFFER"} between builds`);
  }
  console.log("");
}

if (PART === "all" || PART === "ode") {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "samudra-odeo-"));
  const exe = path.join(tmp, "dop853_ref");
  let haveC = true;
  // the C ref times itself with CLOCK_MONOTONIC; compiled here with the process CPU-time clock instead, as the Node side
  const cSrc = path.join(tmp, "dop853_ref.c");
  writeFileSync(cSrc, readFileSync(path.join(root, "bench/ref/dop853_ref.c"), "utf8").replaceAll("CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID"));
  try { execFileSync("gcc", ["-O3", "-march=native", "-ffp-contract=off", "-o", exe, cSrc, "-lm"]); } catch { haveC = false; }
  const runC = (problem) => JSON.parse(execFileSync(exe, [problem, "60"], { encoding: "utf8" }));
  const AT = 17.0652165601579625588917206249, aY0 = [0.994, 0, 0, -2.00158510637908252240537862224];
  const probs = { lorenz: { y0: [1, 1, 1], T: 100, tol: { rtol: 1e-10, atol: 1e-12 } }, arenstorf: { y0: aY0, T: AT, tol: { rtol: 1e-10, atol: 1e-10 } } };
  const impls = [];
  for (const { name, lib } of libs) {
    const { ode } = lib;
    for (const [pn, pr] of Object.entries(probs)) {
      const sys = ode.systems[pn]();
      impls.push({ key: `${name} ${pn} advanceTo`, pn, f: () => { const it = ode.create("DOP853", sys, 0, pr.y0, { tBound: pr.T, ...pr.tol }); it.advanceTo(pr.T); const n = it.nfev; sink.v += it.y[0]; it.dispose(); return n; } });
      impls.push({ key: `${name} ${pn} step() loop`, pn, f: () => { const it = ode.create("DOP853", sys, 0, pr.y0, { tBound: pr.T, ...pr.tol }); while (it.step() === ode.Status.Ok); const n = it.nfev; sink.v += it.y[0]; it.dispose(); return n; } });
      impls.push({ key: `${name} ${pn} ode.solve`, pn, f: () => { const r = ode.solve("DOP853", sys, [0, pr.T], pr.y0, pr.tol); sink.v += r.t.length; return r.nfev; } });
    }
  }
  for (const im of impls) { im.nfev = im.f(); im.reps = 1; for (;;) { const t = batch(im.f, im.reps); if (t * im.reps > 15) break; im.reps *= 2; } im.reps = Math.max(1, Math.round(im.reps * 60 / (batch(im.f, im.reps) * im.reps))); im.ms = []; im.ratio = []; }
  const c = { lorenz: [], arenstorf: [] };
  for (let s = 0; s < ROUNDS; s++) {
    const order = s & 1 ? [...impls].reverse() : impls;
    const cr = haveC ? { lorenz: runC("lorenz"), arenstorf: runC("arenstorf") } : null;
    for (const im of order) {
      const ms = batch(im.f, im.reps);
      im.ms.push(ms);
      if (cr) im.ratio.push(ms / cr[im.pn].ms);
    }
    if (cr) { c.lorenz.push(cr.lorenz.ms); c.arenstorf.push(cr.arenstorf.ms); if (s === 0) { c.nfev = { lorenz: cr.lorenz.nfev, arenstorf: cr.arenstorf.nfev }; } }
  }
  console.log("Lorenz (t ∈ [0, 100], rtol 1e-10, atol 1e-12) and Arenstorf (one period, rtol = atol = 1e-10), DOP853, compiled systems\n");
  console.log("| implementation | nfev | ms per run (median, range) | vs C ref (per round) |");
  console.log("|---|---:|---:|---:|");
  if (haveC) for (const pn of ["lorenz", "arenstorf"]) console.log(`| C ref ${pn} (bench/ref/dop853_ref.c) | ${c.nfev[pn]} | ${med(c[pn]).toFixed(3)} (${rng(c[pn], 3)}) | 1.00 |`);
  for (const im of impls) console.log(`| ${im.key} | ${im.nfev} | ${med(im.ms).toFixed(3)} (${rng(im.ms, 3)}) | ${haveC ? `**${med(im.ratio).toFixed(2)}** (${rng(im.ratio)})` : "–"} |`);
  rmSync(tmp, { recursive: true, force: true });
}
if (sink.v === 42.4242) console.log("");
