// FFT benchmark: samudra (SIMD and scalar WASM builds) vs fft.js 4.0.4 — the fastest f64 FFT on npm —
// in one Node process, timed round-robin (bench/harness.mjs). Reports ns per n·log2 n, transforms/s
// and speed ratios.  Run: npm run bench   (builds first; BENCH_SIZES=1024,4096 to choose sizes). The comparison
// with FFTW (SSE2-only and AVX) is bench/fftw.bench.mjs (npm run bench:fftw).
//
// * samudra SIMD runs through the public API (`fft.plan(n).forward`), both on WASM-resident arrays
//   (plan.input → plan.output, zero copy) and on ordinary Float64Arrays (copied in and out).
// * The scalar build is a second WASM instance driven at the kernel level (same calls the API makes),
//   because the public API holds one instance at a time.
// * fft.js runs in its fastest mode (plain Array); its Float64Array mode is timed last, separately,
//   so that its inline caches stay monomorphic while the Array mode is measured.
import os from "node:os";
import { readFileSync } from "node:fs";
import FFT from "fft.js";
import { init, fft } from "../dist/index.js";
import { compare, consume, seeded } from "./harness.mjs";

const SIZES = (process.env.BENCH_SIZES ?? "256,512,1024,2048,4096,16384,65536").split(",").map(Number);
const info = await init();
if (!info.simd) throw new Error("this engine has no WASM SIMD; the benchmark compares the SIMD build");

const scalarBytes = readFileSync(new URL("../dist/scalar.wasm", import.meta.url));
// every import the module declares (abort, and the ODE callback bridge, unused here)
const { instance } = await WebAssembly.instantiate(scalarBytes, { env: { abort() { throw new Error("abort"); }, odeRhsJs() { throw new Error("odeRhsJs: not used by the FFT benchmark"); }, odeEventJs() { throw new Error("odeEventJs: not used by the FFT benchmark"); } } });
const S = instance.exports;

function fftjsComplex(n) {
  const f = new FFT(n), input = f.createComplexArray(), out = f.createComplexArray();
  seeded(2 * n, n).forEach((v, i) => { input[i] = v; });
  return () => { f.transform(out, input); consume(out[2]); };
}
function fftjsReal(n) {
  const f = new FFT(n), input = new Array(n), out = f.createComplexArray();
  seeded(n, n).forEach((v, i) => { input[i] = v; });
  return () => { f.realTransform(out, input); consume(out[2]); };
}

// warm-up: tier every kernel up from Liftoff to TurboFan before anything is timed
for (const n of [64, 256, 1024, 4096]) {
  const p = fft.plan(n), r = fft.realPlan(n), sp = S.fftPlanCreate(n);
  const t0 = performance.now();
  while (performance.now() - t0 < 200) {
    p.forward(p.output, p.input); r.forward(r.spectrum, r.real);
    S.fftForward(sp, S.fftPlanInput(sp), S.fftPlanOutput(sp));
  }
  p.dispose(); r.dispose(); S.fftPlanFree(sp);
}

const results = {};
for (const n of SIZES) {
  const p = fft.plan(n);
  p.input.set(seeded(2 * n, n));
  const x = seeded(2 * n, n), y = new Float64Array(2 * n);
  const r = fft.realPlan(n);
  r.real.set(seeded(n, n));
  const sp = S.fftPlanCreate(n), spIn = S.fftPlanInput(sp), spOut = S.fftPlanOutput(sp);
  new Float64Array(S.memory.buffer, spIn, 2 * n).set(seeded(2 * n, n));
  results[n] = compare({
    "fft.js, Array": fftjsComplex(n),
    "samudra SIMD, WASM-resident": () => { p.forward(p.output, p.input); consume(p.output[2]); },
    "samudra SIMD, Float64Array copy in/out": () => { p.forward(y, x); consume(y[2]); },
    "samudra scalar build, WASM-resident": () => { S.fftForward(sp, spIn, spOut); },
    "fft.js realTransform, Array": fftjsReal(n),
    "samudra SIMD realPlan, WASM-resident": () => { r.forward(r.spectrum, r.real); consume(r.spectrum[2]); },
    "samudra SIMD realPlan inverse, WASM-resident": () => { r.inverse(r.real, r.spectrum); consume(r.real[2]); },
  });
  p.dispose(); r.dispose(); S.fftPlanFree(sp);
}
for (const n of SIZES) {
  const f = new FFT(n), input = seeded(2 * n, n), out = new Float64Array(2 * n);
  Object.assign(results[n], compare({ "fft.js, Float64Array": () => { f.transform(out, input); consume(out[2]); } }));
}

const nlog = (n) => n * Math.log2(n);
const impls = Object.keys(results[SIZES[0]]);
// fft.js has no inverse real transform: the irfft row is printed without a ratio
const peerOf = (impl) => (impl.includes("inverse") ? null : impl.includes("real") ? "fft.js realTransform, Array" : "fft.js, Array");
console.log(`\nFFT benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores\n`);
console.log("Forward transform, ns per n·log2 n (lower is better); in brackets: speed-up over fft.js (Array) — the real-input row over fft.js realTransform.\n");
console.log(`| implementation | ${SIZES.map((n) => `n=${n}`).join(" | ")} |`);
console.log(`|---|${SIZES.map(() => "---:").join("|")}|`);
for (const impl of impls) {
  const cells = SIZES.map((n) => {
    const ms = results[n][impl], ns = ((ms * 1e6) / nlog(n)).toFixed(3);
    return impl === peerOf(impl) || !peerOf(impl) ? ns : `${ns} (${(results[n][peerOf(impl)] / ms).toFixed(2)}×)`;
  });
  console.log(`| ${impl} | ${cells.join(" | ")} |`);
}
console.log("\nForward transforms per second\n");
console.log(`| implementation | ${SIZES.map((n) => `n=${n}`).join(" | ")} |`);
console.log(`|---|${SIZES.map(() => "---:").join("|")}|`);
for (const impl of impls) console.log(`| ${impl} | ${SIZES.map((n) => Math.round(1000 / results[n][impl]).toLocaleString("en-US")).join(" | ")} |`);
console.log(`\nSIMD build vs scalar build (WASM-resident): ${SIZES.map((n) => `n=${n} ${(results[n]["samudra scalar build, WASM-resident"] / results[n]["samudra SIMD, WASM-resident"]).toFixed(2)}×`).join(", ")}`);
