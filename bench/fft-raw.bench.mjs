// FFT kernel alone, and the cost of a call through the public API (issue 21).
//
//   npm run bench:fft-raw                                  (needs a built dist/: node scripts/build.mjs)
//   BENCH_SIZES=256,1024,4096 ROUNDS=5 FFT_RAW_BASE=<another samudra checkout's dist/> npm run bench:fft-raw
//
// Contract
// * Kernel: dist/simd.wasm instantiated directly (no samudra JS), `fftForward(plan, in, out)` on the plan's own
//   buffers, for every size; ns per n·log2 n, the fastest of 25 batches (≥ 3·10⁶ n·log2 n operations each) after
//   300 warm-up calls. Each measurement runs in its own child process; with FFT_RAW_BASE=<dir> (a dist/ directory
//   of another build, e.g. a `git worktree` of an older commit) the two builds alternate, ROUNDS (5) processes each,
//   and the table gives each build's fastest process and the ratio — A/B of kernels free of JS-side changes.
// * Call overhead (this build only, in this process, through the public API after `await init()`):
//   `p.forward(p.output, p.input)` against the raw export on the same plan at n = 2 and 16, ns per call, the fastest
//   of 15 batches of 20 000 calls — the JS cost of a transform (argument checks, WASM-memory views, the crossing).
// * Prints tables; exits 1 if a child fails. Speed is only measured here, never asserted in tests.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const fail = (msg) => { console.error(`bench:fft-raw: ${msg}`); process.exit(1); };

/** Instantiates a samudra WASM build without its JS (imports that would be called throw). */
function rawKernel(wasmPath) {
  const mod = new WebAssembly.Module(readFileSync(wasmPath));
  const env = {};
  for (const imp of WebAssembly.Module.imports(mod)) env[imp.name] = () => { throw new Error(`${imp.name}: not used by the FFT`); };
  return new WebAssembly.Instance(mod, { env }).exports;
}

/** Fastest ns per n·log2 n of `fftForward` at each n (child process mode). */
function kernelTimes(wasmPath, sizes) {
  const K = rawKernel(wasmPath), out = {};
  for (const n of sizes) {
    const p = K.fftPlanCreate(n), i = K.fftPlanInput(p), o = K.fftPlanOutput(p);
    const v = new Float64Array(K.memory.buffer, i, 2 * n);
    for (let k = 0; k < 2 * n; k++) v[k] = Math.sin(0.37 * k);
    const reps = Math.max(20, Math.round(3e6 / (n * Math.log2(n))));
    for (let w = 0; w < 300; w++) K.fftForward(p, i, o);
    let best = Infinity;
    for (let b = 0; b < 25; b++) {
      const t = process.hrtime.bigint();
      for (let r = 0; r < reps; r++) K.fftForward(p, i, o);
      best = Math.min(best, Number(process.hrtime.bigint() - t) / reps / (n * Math.log2(n)));
    }
    out[n] = best;
    K.fftPlanFree(p);
  }
  return out;
}

if (process.argv[2] === "--child") {
  console.log(JSON.stringify(kernelTimes(process.argv[3], process.argv[4].split(",").map(Number))));
  process.exit(0);
}

const sizes = (process.env.BENCH_SIZES ?? "256,512,1024,2048,4096,16384").split(",").map(Number);
for (const n of sizes) if (!Number.isInteger(n) || n < 2 || n > 1 << 22) fail(`BENCH_SIZES: "${n}" is not an integer length 2…2^22`);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) fail(`ROUNDS=${process.env.ROUNDS} must be an integer ≥ 1`);
const builds = [["this build", path.join(root, "dist/simd.wasm")]];
if (process.env.FFT_RAW_BASE) builds.push(["FFT_RAW_BASE", path.join(path.resolve(process.env.FFT_RAW_BASE), "simd.wasm")]);
for (const [name, w] of builds) if (!existsSync(w)) fail(`${name}: ${w} is missing (build first: node scripts/build.mjs)`);

// ---- kernel, alternating builds in separate processes (the order alternating from round to round)
const best = builds.map(() => Object.fromEntries(sizes.map((n) => [n, Infinity])));
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => builds.length - 1 - i);
  for (const b of order) {
    let res;
    try { res = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", builds[b][1], sizes.join(",")], { encoding: "utf8" })); }
    catch (e) { fail(`child for ${builds[b][0]} failed: ${e.message}`); }
    for (const n of sizes) best[b][n] = Math.min(best[b][n], res[n]);
  }
}
console.log(`FFT kernel (raw fftForward, complex forward), ns per n·log2 n, fastest of ${ROUNDS} processes per build\n`);
console.log(`| n | this build |${builds.length > 1 ? " FFT_RAW_BASE | this / base |" : ""}`);
console.log(`|---:|---:|${builds.length > 1 ? "---:|---:|" : ""}`);
for (const n of sizes) {
  const a = best[0][n];
  console.log(`| ${n} | ${a.toFixed(4)} |${builds.length > 1 ? ` ${best[1][n].toFixed(4)} | ${(a / best[1][n]).toFixed(3)} |` : ""}`);
}

// ---- call overhead through the public API, this build
const { init, fft } = await import(path.join(root, "dist/index.js"));
await init();
const K = rawKernel(builds[0][1]);
console.log("\nCall overhead: ns per call, fastest of 15 batches of 20 000 (public API vs the raw export in its own instance)\n");
console.log("| n | p.forward(p.output, p.input) | raw fftForward | JS cost |");
console.log("|---:|---:|---:|---:|");
for (const n of [2, 16]) {
  const p = fft.plan(n);
  const q = K.fftPlanCreate(n), qi = K.fftPlanInput(q), qo = K.fftPlanOutput(q);
  const timeIt = (f) => {
    for (let w = 0; w < 20000; w++) f();
    let b = Infinity;
    for (let k = 0; k < 15; k++) { const t = process.hrtime.bigint(); for (let i = 0; i < 20000; i++) f(); b = Math.min(b, Number(process.hrtime.bigint() - t) / 20000); }
    return b;
  };
  const pub = timeIt(() => p.forward(p.output, p.input)), raw = timeIt(() => K.fftForward(q, qi, qo));
  console.log(`| ${n} | ${pub.toFixed(1)} | ${raw.toFixed(1)} | ${(pub - raw).toFixed(1)} |`);
  p.dispose();
}
