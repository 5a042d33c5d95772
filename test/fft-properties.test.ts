// FFTW-style self-consistency checks (Funda & Johnson's "FFT accuracy benchmark" properties):
// round trip, linearity, impulse response, time shift, Parseval — for power-of-two, mixed and Bluestein sizes.
import { describe, it, expect, beforeAll } from "vitest";
import { init, fft } from "../src/index.js";
import { norm, randomArray, fftBound } from "./helpers/dft.js";

const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 16, 60, 64, 97, 243, 256, 625, 1000, 1024, 1031, 4096, 6561, 16384];

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]));
  return w;
}

describe("fft properties", () => {
  beforeAll(async () => { await init(); });

  it("round trip: plan.inverse(plan.forward(x)) ≈ x", () => {
    for (const n of sizes) {
      const p = fft.plan(n);
      const x = randomArray(2 * n, n + 1);
      const back = p.inverse(new Float64Array(2 * n), p.forward(new Float64Array(2 * n), x));
      expect(maxAbsDiff(back, x) / (norm(x) / Math.sqrt(n)), `n=${n}`).toBeLessThan(fftBound(n, 8));
      p.dispose();
    }
  });

  it("real round trip: realPlan.inverse(realPlan.forward(x)) ≈ x", () => {
    for (const n of sizes) {
      const p = fft.realPlan(n);
      const x = randomArray(n, n + 2);
      const back = p.inverse(new Float64Array(n), p.forward(new Float64Array(2 * p.bins), x));
      expect(maxAbsDiff(back, x) / (norm(x) / Math.sqrt(n)), `n=${n}`).toBeLessThan(fftBound(n, 8));
      p.dispose();
    }
  });

  it("linearity: F(αx + βy) = αF(x) + βF(y)", () => {
    const [ar, ai, br, bi] = [0.3, -1.7, 2.1, 0.4];
    for (const n of sizes) {
      const x = randomArray(2 * n, 3 * n), y = randomArray(2 * n, 5 * n);
      const z = new Float64Array(2 * n);
      for (let j = 0; j < n; j++) {
        z[2 * j] = ar * x[2 * j] - ai * x[2 * j + 1] + br * y[2 * j] - bi * y[2 * j + 1];
        z[2 * j + 1] = ar * x[2 * j + 1] + ai * x[2 * j] + br * y[2 * j + 1] + bi * y[2 * j];
      }
      const X = fft.fft(x), Y = fft.fft(y), Z = fft.fft(z);
      const want = new Float64Array(2 * n);
      for (let k = 0; k < n; k++) {
        want[2 * k] = ar * X[2 * k] - ai * X[2 * k + 1] + br * Y[2 * k] - bi * Y[2 * k + 1];
        want[2 * k + 1] = ar * X[2 * k + 1] + ai * X[2 * k] + br * Y[2 * k + 1] + bi * Y[2 * k];
      }
      expect(maxAbsDiff(Z, want) / (norm(z) + norm(x) + norm(y)), `n=${n}`).toBeLessThan(fftBound(n, 8));
    }
  });

  it("impulse: F(δ_0) = 1; F(δ_m)_k = e^{−2πimk/n}", () => {
    for (const n of sizes) {
      const d = new Float64Array(2 * n);
      d[0] = 1;
      const D = fft.fft(d);
      for (let k = 0; k < n; k++) {
        expect(Math.abs(D[2 * k] - 1) + Math.abs(D[2 * k + 1]), `n=${n} k=${k}`).toBeLessThan(fftBound(n, 4));
      }
      const m = Math.floor(n / 3);
      d[0] = 0; d[2 * m] = 1;
      const E = fft.fft(d);
      for (let k = 0; k < n; k++) {
        const a = (-2 * Math.PI * ((m * k) % n)) / n;
        expect(Math.hypot(E[2 * k] - Math.cos(a), E[2 * k + 1] - Math.sin(a)), `n=${n} k=${k}`).toBeLessThan(fftBound(n, 4));
      }
    }
  });

  it("time shift: F(x shifted by 1)_k = e^{−2πik/n} F(x)_k", () => {
    for (const n of sizes) {
      const x = randomArray(2 * n, 7 * n);
      const xs = new Float64Array(2 * n);
      for (let j = 0; j < n; j++) {
        const src = (j - 1 + n) % n;
        xs[2 * j] = x[2 * src]; xs[2 * j + 1] = x[2 * src + 1];
      }
      const X = fft.fft(x), XS = fft.fft(xs);
      let w = 0;
      for (let k = 0; k < n; k++) {
        const a = (-2 * Math.PI * k) / n;
        const c = Math.cos(a), s = Math.sin(a);
        w = Math.max(w, Math.hypot(XS[2 * k] - (c * X[2 * k] - s * X[2 * k + 1]), XS[2 * k + 1] - (c * X[2 * k + 1] + s * X[2 * k])));
      }
      expect(w / norm(x), `n=${n}`).toBeLessThan(fftBound(n, 8));
    }
  });

  it("Parseval: ‖F(x)‖² = n‖x‖²", () => {
    for (const n of sizes) {
      const x = randomArray(2 * n, 13 * n);
      const X = fft.fft(x);
      expect(Math.abs(norm(X) ** 2 - n * norm(x) ** 2) / (n * norm(x) ** 2), `n=${n}`).toBeLessThan(fftBound(n, 8));
    }
  });
});

describe("fused real filter (rfft → ×w → irfft in one pass)", () => {
  it("equals realForward, multiply, realInverse bit for bit, for even and odd n", async () => {
    const { kernel } = await import("../src/wasm/load.js");
    await init();
    const k = kernel();
    for (const n of [2, 4, 6, 8, 10, 16, 30, 64, 97, 128, 500, 512, 1000, 1024, 2048]) {
      const bins = (n >> 1) + 1, plan = k.rfftPlanCreate(n);
      const xp = k.alloc(8 * n), yp = k.alloc(8 * n), zp = k.alloc(8 * n), wp = k.alloc(8 * bins), sp = k.alloc(16 * bins);
      const x = new Float64Array(k.memory.buffer, xp, n), w = new Float64Array(k.memory.buffer, wp, bins);
      for (let j = 0; j < n; j++) x[j] = Math.sin(0.37 * j * j + 1) + 0.1 * j;
      for (let j = 0; j < bins; j++) w[j] = -(((2 * Math.PI * j) / (n * 0.1)) ** 2) * 1e-4 + (j % 3);
      k.rfftForward(plan, xp, sp);
      const s = new Float64Array(k.memory.buffer, sp, 2 * bins);
      for (let j = 0; j < bins; j++) { s[2 * j] *= w[j]; s[2 * j + 1] *= w[j]; }
      k.rfftInverse(plan, sp, yp);
      k.rfftFilter(plan, xp, zp, wp);
      const y = new Float64Array(k.memory.buffer, yp, n), z = new Float64Array(k.memory.buffer, zp, n);
      for (let j = 0; j < n; j++) expect(Object.is(y[j], z[j]), `n=${n} j=${j}: ${y[j]} vs ${z[j]}`).toBe(true);
      [xp, yp, zp, wp, sp].forEach((p) => k.free(p));
      k.rfftPlanFree(plan);
    }
  });
});
