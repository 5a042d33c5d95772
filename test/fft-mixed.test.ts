// Mixed-radix plans (assembly/fft/plan-mixed.ts) and the generated passes assembly/fft/mixed/n6.ts (2·3),
// n10.ts/n10s.ts (2·5), n15*.ts (3·5), n21*.ts (3·7) and n5.ts (the radix-5 pass, re-exported by radix5.ts): the committed files
// equal their generator's output (scripts/gen-fft-mixed.mjs, reproducible); plans follow the pairing rule (5s, then
// 3s, paired with 2s into radix 10 and 6, never leaving a lone 2; leftover 3s paired with 5s into 15, then with 7s
// into 21) and are the same in both builds; plans that put radix 10, 6, 15 and 21 first (s = 1 streaming loop), in the middle (twiddled, s > 1) and
// last (m = 1, the inverse's scaling) match the naive compensated DFT (test/helpers/dft.ts), forward and inverse, in
// both builds; and the SIMD and scalar builds agree bit for bit on every 13-smooth n ≤ 4000 with a factor 3 or 5 and a
// factor 2, 15 or 21 (complex forward and inverse) and on rfft/irfft/realFilter of the sizes whose half takes the new
// passes. The raw WASM exports of both builds are driven directly.
import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { SIMD_WASM_BASE64 } from "../src/wasm/generated/simd.js";
import { SCALAR_WASM_BASE64 } from "../src/wasm/generated/scalar.js";
import { dft, dftBin, norm, randomArray, fftBound } from "./helpers/dft.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Kernel = Record<string, (...a: number[]) => number> & { memory: WebAssembly.Memory };

async function instantiate(b64: string): Promise<Kernel> {
  const mod = new WebAssembly.Module(Buffer.from(b64, "base64"));
  const env: Record<string, () => never> = {};
  for (const imp of WebAssembly.Module.imports(mod)) env[imp.name] = () => { throw new Error(`${imp.name} not used here`); };
  const inst = await WebAssembly.instantiate(mod, { env });
  return inst.exports as unknown as Kernel;
}

let S: Kernel, C: Kernel;
beforeAll(async () => {
  S = await instantiate(SIMD_WASM_BASE64);
  C = await instantiate(SCALAR_WASM_BASE64);
});

function radicesOf(K: Kernel, n: number): number[] {
  const p = K.fftPlanCreate(n);
  const r = Array.from({ length: K.fftPlanPasses(p) }, (_, i) => K.fftPlanRadix(p, i));
  K.fftPlanFree(p);
  return r;
}

/** Runs the default complex plan of n forward or inverse on x; returns a copy of the output. */
function run(K: Kernel, n: number, x: Float64Array, inverse: boolean): Float64Array {
  const plan = K.fftPlanCreate(n);
  const inp = K.fftPlanInput(plan), out = K.fftPlanOutput(plan);
  new Float64Array(K.memory.buffer, inp, 2 * n).set(x);
  if (inverse) K.fftInverse(plan, inp, out); else K.fftForward(plan, inp, out);
  const y = new Float64Array(K.memory.buffer, out, 2 * n).slice();
  K.fftPlanFree(plan);
  return y;
}

function sameBits(a: Float64Array, b: Float64Array): number {
  const ua = new BigUint64Array(a.buffer, a.byteOffset, a.length), ub = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return i;
  return -1;
}

const exponent = (n: number, p: number): number => { let e = 0; while (n % p === 0) { n /= p; e++; } return e; };
const smooth13 = (n: number): boolean => { for (const p of [2, 3, 5, 7, 11, 13]) while (n % p === 0) n /= p; return n === 1; };

/** The pairing rule of plan-mixed.ts, restated: [the composite and leftover odd passes, k' (2s left)]. */
function expectedHead(n: number): [number[], number] {
  const k = exponent(n, 2), a = exponent(n, 5), b = exponent(n, 3), c = exponent(n, 7);
  let pairs = Math.min(k, a + b);
  if (pairs > 0 && k - pairs === 1) pairs--;
  const p10 = Math.min(pairs, a), p6 = pairs - p10, p15 = Math.min(a - p10, b - p6), p21 = Math.min(b - p6 - p15, c);
  return [[...Array(p10).fill(10), ...Array(p6).fill(6), ...Array(p21).fill(21), ...Array(p15).fill(15),
    ...Array(b - p6 - p15 - p21).fill(3), ...Array(a - p10 - p15).fill(5)], k - pairs];
}

describe("generator", () => {
  it("the committed mixed/ files equal scripts/gen-fft-mixed.mjs's output (--check), and a second run is identical", async () => {
    expect(() => execFileSync(process.execPath, [path.join(root, "scripts/gen-fft-mixed.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
    // @ts-ignore: untyped .mjs generator
    const gen = await import("../scripts/gen-fft-mixed.mjs");
    const a = gen.generate(), b = gen.generate();
    expect(Object.keys(a).sort()).toEqual(["n10.ts", "n10s.ts", "n15.ts", "n15l.ts", "n15s.ts", "n15sl.ts", "n21.ts", "n21l.ts",
      "n21s.ts", "n21sl.ts", "n21st.ts", "n5.ts", "n6.ts"]);
    expect(readdirSync(path.join(root, "assembly/fft/mixed")).sort()).toEqual(Object.keys(a).sort());   // no stale files
    for (const [name, text] of Object.entries(a)) {
      expect(text).toBe(b[name]);
      expect(text).toBe(readFileSync(path.join(root, "assembly/fft/mixed", name), "utf8"));
      expect((text as string).split("\n").length, name).toBeLessThanOrEqual(400);
    }
  });
});

describe("plans", () => {
  it("pair 5s, then 3s, with 2s (radix 10, 6), leftover 3s with 5s (15), then with 7s (21), then 3s, 5s, the power-of-two plan of what is left, the primes", () => {
    expect(radicesOf(S, 1000)).toEqual([10, 10, 10]);
    expect(radicesOf(S, 500)).toEqual([10, 10, 5]);
    expect(radicesOf(S, 4095)).toEqual([21, 15, 13]);
    expect(radicesOf(S, 3003)).toEqual([21, 11, 13]);
    expect(radicesOf(S, 1001)).toEqual([7, 11, 13]);                   // no 3 or 5: as before
    expect(radicesOf(S, 20)).toEqual([...radicesOf(S, 4), 5]);        // 2²·5: a pair would leave a lone 2 (former order)
    for (let n = 2; n <= 70000; n++) {
      if (!smooth13(n) || (n % 3 !== 0 && n % 5 !== 0) || (n % 2 !== 0 && n % 15 !== 0 && n % 21 !== 0)) continue;
      if (n > 5000 && n !== 65520 && n !== 8190 && n !== 48000) continue;
      const r = radicesOf(S, n), [head, kLeft] = expectedHead(n);
      expect(radicesOf(C, n), `n = ${n}`).toEqual(r);
      expect(r.reduce((x, y) => x * y, 1), `n = ${n}`).toBe(n);
      if (!head.some((x) => x > 5)) {
        // no composite pass: the power-of-two passes first (former order)
        expect(r.some((x) => x === 10 || x === 6 || x === 15 || x === 21), `n = ${n}: ${r}`).toBe(false);
        continue;
      }
      const tail = r.slice(head.length, head.length + radicesOf(S, 2 ** kLeft).length);
      expect(r.slice(0, head.length), `n = ${n}: ${r}`).toEqual(head);
      expect(tail, `n = ${n}: ${r}`).toEqual(kLeft === 0 ? [] : radicesOf(S, 2 ** kLeft));
    }
  });
});

// radix 10, 6, 15 and 21: first (s = 1), middle (s > 1, twiddled), last (m = 1); with 3s, 5s, powers of two, primes
const SIZES = [6, 10, 15, 21, 30, 36, 42, 45, 60, 63, 100, 120, 147, 216, 225, 360, 441, 450, 500, 768, 1000, 1536, 2000,
  2310, 3000, 3003, 3375, 4095, 6 * 6 * 6 * 6, 8190, 65520];

for (const simd of [true, false]) {
  describe(`${simd ? "simd" : "scalar"} build: plans with radix 10, 6, 15 and 21 match the naive DFT`, () => {
    it(`n = ${SIZES.join(", ")} (forward and inverse; all bins up to 1536, 48 spread bins above)`, () => {
      const K = simd ? S : C;
      for (const n of SIZES) {
        const r = radicesOf(K, n);
        expect(r.some((x) => x === 10 || x === 6 || x === 15 || x === 21), `n = ${n}: ${r}`).toBe(true);
        const x = randomArray(2 * n, 3000 + n), scale = norm(x) * Math.sqrt(n);
        const fwdRef = n <= 1536 ? dft(x, -1) : null, invRef = n <= 1536 ? dft(x, 1) : null;
        for (const inverse of [false, true]) {
          const got = run(K, n, x, inverse), f = inverse ? 1 / n : 1;
          let worst = 0;
          if (fwdRef && invRef) {
            const ref = inverse ? invRef : fwdRef;
            for (let i = 0; i < 2 * n; i++) worst = Math.max(worst, Math.abs(got[i] - ref[i] * f));
          } else {
            for (let t = 0; t < 48; t++) {
              const b = (t * 7919 + t * t * 104729 + 13) % n;
              const [re, im] = dftBin(x, b, inverse ? 1 : -1);
              worst = Math.max(worst, Math.abs(got[2 * b] - re * f), Math.abs(got[2 * b + 1] - im * f));
            }
          }
          expect(worst / (scale * f), `n = ${n} (${r.join("·")}) ${inverse ? "inverse" : "forward"}`).toBeLessThan(fftBound(n, 2));
        }
      }
    });
  });
}

describe("SIMD build = scalar build, bit for bit", () => {
  it("every 13-smooth n ≤ 4000 with a factor 3 or 5 and a factor 2, 15 or 21, and 65520: forward and inverse", () => {
    let count = 0;
    for (let n = 2; n <= 65520; n++) {
      if (!smooth13(n) || (n % 3 !== 0 && n % 5 !== 0) || (n % 2 !== 0 && n % 15 !== 0 && n % 21 !== 0) || (n > 4000 && n !== 65520)) continue;
      const x = randomArray(2 * n, 11 + n);
      for (const inverse of [false, true]) {
        expect(sameBits(run(S, n, x, inverse), run(C, n, x, inverse)), `n = ${n} ${inverse ? "inverse" : "forward"}`).toBe(-1);
      }
      count++;
    }
    expect(count).toBe(330);                      // 329 sizes ≤ 4000, and 65520
  });

  it("rfft, irfft and realFilter for n = 2·(sizes with radix 10 or 6)", () => {
    for (const h of [6, 10, 60, 120, 500, 768, 1000, 1536, 2000]) {
      const n = 2 * h, bins = n / 2 + 1, x = randomArray(n, 500 + n), w = randomArray(bins, 600 + n);
      const go = (K: Kernel) => {
        const p = K.rfftPlanCreate(n), re = K.rfftPlanReal(p), sp = K.rfftPlanSpectrum(p);
        new Float64Array(K.memory.buffer, re, n).set(x);
        K.rfftForward(p, re, sp);
        const spec = new Float64Array(K.memory.buffer, sp, 2 * bins).slice();
        K.rfftInverse(p, sp, re);
        const back = new Float64Array(K.memory.buffer, re, n).slice();
        const q = K.rfftPlanCreate(n), wp = K.rfftPlanSpectrum(q);
        new Float64Array(K.memory.buffer, re, n).set(x);
        new Float64Array(K.memory.buffer, wp, bins).set(w);
        const outp = K.rfftPlanReal(q);
        K.rfftFilter(p, re, outp, wp);
        const filt = new Float64Array(K.memory.buffer, outp, n).slice();
        K.rfftPlanFree(p); K.rfftPlanFree(q);
        return [spec, back, filt];
      };
      const a = go(S), b = go(C);
      a.forEach((arr, i) => expect(sameBits(arr, b[i]), `n = ${n}, ${["rfft", "irfft", "realFilter"][i]}`).toBe(-1));
      // the spectrum is right, too (a bit-identical wrong answer would pass the comparison above)
      const ref = dft(Float64Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? x[j / 2] : 0)), -1);
      let worst = 0;
      for (let k = 0; k < bins; k++) worst = Math.max(worst, Math.abs(a[0][2 * k] - ref[2 * k]), Math.abs(a[0][2 * k + 1] - ref[2 * k + 1]));
      expect(worst / (norm(x) * Math.sqrt(n)), `n = ${n} rfft`).toBeLessThan(fftBound(n, 4));
    }
  });
});
