// fft.plan(n).forward/inverse against a naive compensated DFT, in both WASM builds.
import { describe, it, expect, beforeAll } from "vitest";
import { init, fft } from "../src/index.js";
import { dft, dftBin, norm, randomArray, fftBound } from "./helpers/dft.js";

const small = Array.from({ length: 64 }, (_, i) => i + 1);
const pow2 = Array.from({ length: 16 }, (_, i) => 2 ** (i + 1));           // 2 … 65536
const primes = [17, 97, 227, 1009];
const mixed = Array.from({ length: 10 }, (_, k) => 15 * 2 ** k);          // 3·5·2^k: 15 … 7680

/** Max over checked bins of |X̂_k − X_k| / ‖x‖₂ (all bins for n ≤ 1024, 48 spread bins above). */
function forwardError(n: number, seed: number, inverse = false): number {
  const x = randomArray(2 * n, seed);
  const p = fft.plan(n);
  const got = inverse ? p.inverse(new Float64Array(2 * n), x) : p.forward(new Float64Array(2 * n), x);
  p.dispose();
  const sign = inverse ? 1 : -1;
  const scale = inverse ? 1 / n : 1;
  let worst = 0;
  if (n <= 1024) {
    const ref = dft(x, sign);
    for (let i = 0; i < 2 * n; i++) worst = Math.max(worst, Math.abs(got[i] - ref[i] * scale));
  } else {
    for (let t = 0; t < 48; t++) {
      const k = (t * 7919 + (t * t * 104729)) % n;
      const [r, i] = dftBin(x, k, sign);
      worst = Math.max(worst, Math.abs(got[2 * k] - r * scale), Math.abs(got[2 * k + 1] - i * scale));
    }
  }
  return worst / (norm(x) * scale);
}

for (const simd of [true, false]) {
  describe(`${simd ? "simd" : "scalar"} build`, () => {
    beforeAll(async () => {
      const info = await init({ simd });
      expect(info.simd).toBe(simd);
    });

    it("fft.plan(n).forward(out, x) matches naive DFT, n = 1…64, within 2·log2(n)·ε‖x‖", () => {
      for (const n of small) expect(forwardError(n, n), `n=${n}`).toBeLessThan(fftBound(n));
    });

    it("fft.plan(n).inverse(out, X) matches naive inverse DFT / n, n = 1…64", () => {
      for (const n of small) expect(forwardError(n, 1000 + n, true), `n=${n}`).toBeLessThan(fftBound(n));
    });

    it("fft.plan(2^k).forward matches naive DFT, k = 1…16", () => {
      for (const n of pow2) expect(forwardError(n, 7 * n), `n=${n}`).toBeLessThan(fftBound(n));
    });

    it("fft.plan(2^k).inverse matches naive DFT, k = 1…16", () => {
      for (const n of pow2) expect(forwardError(n, 9 * n, true), `n=${n}`).toBeLessThan(fftBound(n));
    });

    it("primes 17, 97 (generic prime passes, as numpy), 1009 (Rader) and 227 (Bluestein) match naive DFT (forward and inverse)", () => {
      for (const n of primes) {
        expect(fft.plan(n).algorithm).toBe(n === 227 ? "bluestein" : "stockham");
        expect(forwardError(n, 31 * n), `n=${n}`).toBeLessThan(fftBound(n, 4));
        expect(forwardError(n, 37 * n, true), `n=${n} inverse`).toBeLessThan(fftBound(n, 4));
      }
    });

    it("mixed radix: fft.plan(3·5·2^k) matches naive DFT, k = 0…9", () => {
      for (const n of mixed) {
        expect(fft.plan(n).algorithm).toBe("stockham");
        expect(forwardError(n, 3 * n), `n=${n}`).toBeLessThan(fftBound(n));
        expect(forwardError(n, 5 * n, true), `n=${n} inverse`).toBeLessThan(fftBound(n));
      }
    });

    it("fft.realPlan(n).forward matches the naive DFT of the real signal, n = 1…64 and 2^k ≤ 2^14", () => {
      const sizes = [...small, ...pow2.filter((n) => n <= 16384), 97, 1009, 1000];
      for (const n of sizes) {
        const x = randomArray(n, 11 * n);
        const p = fft.realPlan(n);
        const spec = p.forward(new Float64Array(2 * p.bins), x);
        p.dispose();
        const z = new Float64Array(2 * n);
        for (let j = 0; j < n; j++) z[2 * j] = x[j];
        let worst = 0;
        const bins = n <= 1024 ? Array.from({ length: (n >> 1) + 1 }, (_, k) => k) : [0, 1, 2, 3, n >> 2, (n >> 1) - 1, n >> 1, 1234 % (n >> 1)];
        for (const k of bins) {
          const [r, i] = dftBin(z, k);
          worst = Math.max(worst, Math.abs(spec[2 * k] - r), Math.abs(spec[2 * k + 1] - i));
        }
        expect(worst / norm(x), `n=${n}`).toBeLessThan(fftBound(n, 3));
      }
    });
  });
}
