// The odd-prime paths of fft.plan(n) (assembly/fft/odd.ts): straight-line radix-7/11/13 passes, the generic
// prime pass, Rader's algorithm and Bluestein — each against the naive compensated DFT (test/helpers/dft.ts),
// forward and inverse, in both WASM builds; the Bluestein rule (never for 13-smooth n, only by cost for the
// rest); deterministic plans; and the generated pass files match their generator (scripts/gen-fft-odd.mjs).
import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { init, fft } from "../src/index.js";
import { dft, dftBin, norm, randomArray, fftBound } from "./helpers/dft.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Max over checked bins of |X̂_k − X_k| / ‖X‖ (all bins for n ≤ 1200, 40 spread bins above). */
function relError(n: number, seed: number, inverse: boolean): number {
  const x = randomArray(2 * n, seed);
  const p = fft.plan(n);
  const got = inverse ? p.inverse(new Float64Array(2 * n), x) : p.forward(new Float64Array(2 * n), x);
  p.dispose();
  const sign = inverse ? 1 : -1, scale = inverse ? 1 / n : 1;
  let worst = 0;
  if (n <= 1200) {
    const ref = dft(x, sign);
    for (let i = 0; i < 2 * n; i++) worst = Math.max(worst, Math.abs(got[i] - ref[i] * scale));
  } else {
    for (let t = 0; t < 40; t++) {
      const k = (t * 7919 + t * t * 104729 + 1) % n;
      const [r, i] = dftBin(x, k, sign);
      worst = Math.max(worst, Math.abs(got[2 * k] - r * scale), Math.abs(got[2 * k + 1] - i * scale));
    }
  }
  return worst / (norm(x) * Math.sqrt(n) * scale);        // ‖X‖ = √n‖x‖ (Parseval)
}

const primeFactors = (n: number): number[] => {
  const f: number[] = [];
  for (let p = 2; p * p <= n; p++) while (n % p === 0) { f.push(p); n /= p; }
  if (n > 1) f.push(n);
  return f;
};

// which path each size exercises (see odd.ts's header)
const straight = [7, 11, 13, 49, 77, 91, 143, 169, 343, 1001, 1331, 2288, 2310, 4095, 7 * 7 * 11 * 13 * 3];
const generic = [17, 19, 23, 68, 97, 17 * 19, 29 * 8 * 7];
const rader = [101, 1009, 3 * 641, 4 * 1009, 101 * 103, 2 * 101 * 103, 8191, 65521];   // 101·103: a twiddled Rader pass (m = 103), 2·101·103: also s = 2
const bluestein = [227, 2 * 227, 1019 * 3];     // 226 = 2·113, 1018 = 2·509: p − 1 has a prime factor ≥ 100

for (const simd of [true, false]) {
  describe(`${simd ? "simd" : "scalar"} build`, () => {
    beforeAll(async () => {
      const info = await init({ simd });
      expect(info.simd).toBe(simd);
    });

    for (const [name, sizes, c] of [["radix 7/11/13", straight, 2], ["generic prime pass", generic, 2],
      ["Rader", rader, 4], ["Bluestein", bluestein, 4]] as const) {
      it(`${name}: n = ${sizes.join(", ")} match the naive DFT (forward and inverse)`, () => {
        for (const n of sizes) {
          const p = fft.plan(n);
          expect(p.algorithm, `n=${n}`).toBe(name === "Bluestein" ? "bluestein" : "stockham");
          p.dispose();
          expect(relError(n, 3 * n + 1, false), `n=${n} forward`).toBeLessThan(fftBound(n, c));
          expect(relError(n, 5 * n + 2, true), `n=${n} inverse`).toBeLessThan(fftBound(n, c));
        }
      });
    }
  });
}

describe("plan choice", () => {
  beforeAll(async () => { await init(); });

  it("every n ≤ 20000 whose prime factors are ≤ 13 takes the direct passes, never Bluestein", () => {
    const bad: number[] = [];
    let count = 0;
    for (let n = 1; n <= 20000; n++) {
      if (primeFactors(n).some((p) => p > 13)) continue;
      count++;
      const p = fft.plan(n);
      if (p.algorithm !== "stockham") bad.push(n);
      p.dispose();
    }
    expect(count).toBeGreaterThan(900);
    expect(bad).toEqual([]);
  });

  it("n ≤ 3000 goes to Bluestein only with a prime factor p > 13 and p_max² > n", () => {
    for (let n = 2; n <= 3000; n++) {
      const p = fft.plan(n);
      if (p.algorithm === "bluestein") {
        const f = primeFactors(n), pmax = f[f.length - 1];
        expect(pmax > 13 && pmax * pmax > n, `n=${n}`).toBe(true);
      }
      p.dispose();
    }
  });

  it("plans are deterministic: two plans of the same n give the same bits, run after run", () => {
    for (const n of [4095, 1009, 65521, 227, 2288]) {
      const x = randomArray(2 * n, n);
      const a = fft.plan(n), b = fft.plan(n);
      const ya = a.forward(new Float64Array(2 * n), x), yb = b.forward(new Float64Array(2 * n), x);
      const yc = a.forward(new Float64Array(2 * n), x);
      a.dispose(); b.dispose();
      expect(Buffer.from(ya.buffer).equals(Buffer.from(yb.buffer)), `n=${n}`).toBe(true);
      expect(Buffer.from(ya.buffer).equals(Buffer.from(yc.buffer)), `n=${n}`).toBe(true);
    }
  });

  it("the committed radix7/11/13.ts are the generator's output (node scripts/gen-fft-odd.mjs --check)", () => {
    expect(() => execFileSync(process.execPath, [path.join(root, "scripts/gen-fft-odd.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
