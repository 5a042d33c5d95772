// Spectrum of a two-tone signal with samudra's FFT (Node ≥ 20).  Run: node examples/node-fft.mjs
import { init, fft } from "samudra";

const info = await init();                       // picks the SIMD build when available
console.log(`samudra WASM build: ${info.simd ? "simd" : "scalar"}`);

const n = 1024, rate = 1024;                     // 1 s of samples at 1024 Hz
const x = new Float64Array(n);
for (let i = 0; i < n; i++) x[i] = Math.sin(2 * Math.PI * 50 * i / rate) + 0.5 * Math.sin(2 * Math.PI * 120 * i / rate);

// One plan, reused: no allocation per transform.
const plan = fft.realPlan(n);
const spec = plan.forward(new Float64Array(2 * plan.bins), x);
const peaks = [];
for (let k = 1; k < plan.bins - 1; k++) {
  const a = Math.hypot(spec[2 * k], spec[2 * k + 1]) * 2 / n;
  if (a > 0.1) peaks.push(`${k * rate / n} Hz: amplitude ${a.toFixed(3)}`);
}
console.log(peaks.join("\n"));                   // 50 Hz: 1.000, 120 Hz: 0.500
plan.dispose();
