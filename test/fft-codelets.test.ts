// The power-of-two plans (assembly/fft/plan2.ts) and the generated radix-8 codelet (assembly/fft/codelets/n8.ts):
// the committed codelet file equals its generator's output (scripts/gen-fft-codelets.mjs, reproducible); every
// radix sequence that puts the codelet first, in the middle or last matches the naive compensated DFT
// (test/helpers/dft.ts), forward and inverse; plans depend on n alone and are the same in both builds; and the
// SIMD and scalar builds agree bit for bit on every power of two 2…2^20 (complex forward/inverse, rfft, irfft,
// realFilter) and on every forced sequence. The raw WASM exports are driven directly (fftPlanCreateWith is the
// internal hook that forces a radix sequence).
import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
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

/** Packs radices (first pass first) as fftPlanCreateWith wants them: log2 radix per nibble, lowest first. */
function pack(radices: number[]): [number, number] {
  let lo = 0, hi = 0;
  radices.forEach((r, i) => {
    const l = Math.log2(r);
    if (i < 8) lo += l * 2 ** (4 * i); else hi += l * 2 ** (4 * (i - 8));
  });
  return [lo, hi];
}

function radices(K: Kernel, plan: number): number[] {
  return Array.from({ length: K.fftPlanPasses(plan) }, (_, i) => K.fftPlanRadix(plan, i));
}

/** Runs a complex plan (forced sequence or default) forward or inverse on x; returns a copy of the output. */
function run(K: Kernel, n: number, x: Float64Array, inverse: boolean, seq?: number[]): Float64Array {
  const plan = seq ? K.fftPlanCreateWith(n, ...pack(seq)) : K.fftPlanCreate(n);
  const inp = K.fftPlanInput(plan), out = K.fftPlanOutput(plan);
  new Float64Array(K.memory.buffer, inp, 2 * n).set(x);
  if (inverse) K.fftInverse(plan, inp, out); else K.fftForward(plan, inp, out);
  const y = new Float64Array(K.memory.buffer, out, 2 * n).slice();
  if (seq) expect(radices(K, plan)).toEqual(seq);
  K.fftPlanFree(plan);
  return y;
}

function sameBits(a: Float64Array, b: Float64Array): number {
  const ua = new BigUint64Array(a.buffer, a.byteOffset, a.length), ub = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return i;
  return -1;
}

// every composition of 2^k into radices 2, 4, 8 with at least one 8 (the codelet: first, middle and last passes,
// the s = 1 streaming loop and the s > 1 loop), at most one 2
function codeletSequences(k: number): number[][] {
  const out: number[][] = [];
  const rec = (left: number, acc: number[]) => {
    if (left === 0) { if (acc.includes(8) && acc.filter((r) => r === 2).length <= 1) out.push(acc); return; }
    for (const l of [1, 2, 3]) if (l <= left) rec(left - l, [...acc, 2 ** l]);
  };
  rec(k, []);
  return out;
}

describe("generator", () => {
  it("the committed codelets equal scripts/gen-fft-codelets.mjs's output (--check), and a second run is identical", async () => {
    expect(() => execFileSync(process.execPath, [path.join(root, "scripts/gen-fft-codelets.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
    const gen = await import("../scripts/gen-fft-codelets.mjs");
    const a = gen.generate(), b = gen.generate();
    expect(Object.keys(a)).toEqual(["n8.ts", "n8s.ts"]);
    for (const [name, text] of Object.entries(a)) {
      expect(text).toBe(b[name]);
      expect(text).toBe(readFileSync(path.join(root, "assembly/fft/codelets", name), "utf8"));
    }
    // the generator also writes 16- and 32-point codelets on request (not shipped: slower than radix 4 under V8)
    const big = gen.generate([16, 32]);
    expect(big["n16.ts"]).toContain("export function pass16(");
    expect(big["n32.ts"]).toContain("export function pass32(");
  });
});

describe("plans", () => {
  it("depend on n alone: the same radices in both builds, before and after other plans, multiplying to n", () => {
    const seqs = (K: Kernel) => Array.from({ length: 21 }, (_, k) => {
      const p = K.fftPlanCreate(2 ** k); const r = radices(K, p); K.fftPlanFree(p); return r;
    });
    const first = seqs(S);
    expect(seqs(S)).toEqual(first);
    expect(seqs(C)).toEqual(first);
    first.forEach((r, k) => {
      expect(r.reduce((a, b) => a * b, 1), `n = 2^${k}`).toBe(2 ** k);
      expect(r.every((x) => x === 2 || x === 4 || x === 8), `n = 2^${k}: ${r}`).toBe(true);
      expect(r.filter((x) => x === 2).length, `n = 2^${k}: ${r}`).toBeLessThanOrEqual(1);
    });
    // the radix-8 codelet is in use (last pass of 2^odd ≤ 512, first pass from 2^15 up), so its loops are exercised
    expect(first[9].at(-1)).toBe(8);
    expect(first[15][0]).toBe(8);
  });

  it("an invalid forced sequence falls back to the default plan", () => {
    const def = S.fftPlanCreate(256), bad = S.fftPlanCreateWith(256, ...pack([8, 8]));   // 64 ≠ 256
    expect(radices(S, bad)).toEqual(radices(S, def));
    S.fftPlanFree(def); S.fftPlanFree(bad);
  });
});

for (const simd of [true, false]) {
  describe(`${simd ? "simd" : "scalar"} build: radix sequences with the radix-8 codelet match the naive DFT`, () => {
    it("every sequence for n = 8 … 1024 (forward and inverse), and 4096", () => {
      const K = simd ? S : C;
      for (let k = 3; k <= 12; k++) {
        const n = 2 ** k;
        const seqs = k <= 10 ? codeletSequences(k) : k === 11 ? [[8, 8, 8, 4], [4, 8, 2, 8, 4]] : [[8, 8, 8, 8], [8, 4, 8, 2, 8]];
        const x = randomArray(2 * n, 1000 + k);
        const fwdRef = n <= 1024 ? dft(x, -1) : null, invRef = n <= 1024 ? dft(x, 1) : null;
        const scale = norm(x) * Math.sqrt(n);
        for (const seq of seqs) {
          for (const inverse of [false, true]) {
            const got = run(K, n, x, inverse, seq);
            const f = inverse ? 1 / n : 1;
            let worst = 0;
            if (fwdRef && invRef) {
              const ref = inverse ? invRef : fwdRef;
              for (let i = 0; i < 2 * n; i++) worst = Math.max(worst, Math.abs(got[i] - ref[i] * f));
            } else {
              for (let t = 0; t < 48; t++) {
                const b = (t * 7919 + 13) % n;
                const [r, i] = dftBin(x, b, inverse ? 1 : -1);
                worst = Math.max(worst, Math.abs(got[2 * b] - r * f), Math.abs(got[2 * b + 1] - i * f));
              }
            }
            expect(worst / (scale * f), `n = ${n}, ${seq.join("·")}, ${inverse ? "inverse" : "forward"}`).toBeLessThan(fftBound(n, 4));
          }
        }
      }
    });
  });
}

describe("default power-of-two plans match the naive DFT", () => {
  it("n = 2 … 2^20, both builds, forward and inverse (all bins up to 1024, 12 spread bins above, 2 above 2^16)", () => {
    for (const K of [S, C]) {
      for (let k = 1; k <= 20; k++) {
        const n = 2 ** k, x = randomArray(2 * n, 900 + k), scale = norm(x) * Math.sqrt(n);
        for (const inverse of [false, true]) {
          const got = run(K, n, x, inverse), f = inverse ? 1 / n : 1, sign = inverse ? 1 : -1;
          let worst = 0;
          if (n <= 1024) {
            const ref = dft(x, sign);
            for (let i = 0; i < 2 * n; i++) worst = Math.max(worst, Math.abs(got[i] - ref[i] * f));
          } else {
            for (let t = 0; t < (k > 16 ? 2 : 12); t++) {
              const b = (t * 104729 + t * t * 7919 + 1) % n;
              const [r, i] = dftBin(x, b, sign);
              worst = Math.max(worst, Math.abs(got[2 * b] - r * f), Math.abs(got[2 * b + 1] - i * f));
            }
          }
          expect(worst / (scale * f), `n = 2^${k} ${inverse ? "inverse" : "forward"}`).toBeLessThan(fftBound(n, 4));
        }
      }
    }
  });
});

describe("SIMD build = scalar build, bit for bit", () => {
  it("every default power-of-two plan 2 … 2^20: forward and inverse", () => {
    for (let k = 1; k <= 20; k++) {
      const n = 2 ** k, x = randomArray(2 * n, 77 + k);
      for (const inverse of [false, true]) {
        expect(sameBits(run(S, n, x, inverse), run(C, n, x, inverse)), `n = 2^${k} ${inverse ? "inverse" : "forward"}`).toBe(-1);
      }
    }
  });

  it("every forced sequence with the codelet, n = 8 … 1024, and the codelet mid-plan at 2^15", () => {
    for (let k = 3; k <= 10; k++) {
      const n = 2 ** k, x = randomArray(2 * n, 5 + k);
      for (const seq of codeletSequences(k)) {
        for (const inverse of [false, true]) {
          expect(sameBits(run(S, n, x, inverse, seq), run(C, n, x, inverse, seq)), `n = ${n} ${seq.join("·")}`).toBe(-1);
        }
      }
    }
    const n = 2 ** 15, x = randomArray(2 * n, 15), seq = [4, 4, 8, 4, 4, 4, 4];      // the codelet mid-plan at large n
    expect(seq.reduce((a, b) => a * b, 1)).toBe(n);
    for (const inverse of [false, true]) expect(sameBits(run(S, n, x, inverse, seq), run(C, n, x, inverse, seq))).toBe(-1);
  });

  it("rfft, irfft and realFilter for every even power of two 2 … 2^20", () => {
    for (let k = 1; k <= 20; k++) {
      const n = 2 ** k, bins = n / 2 + 1, x = randomArray(n, 300 + k), w = randomArray(bins, 400 + k);
      const go = (K: Kernel) => {
        const p = K.rfftPlanCreate(n), re = K.rfftPlanReal(p), sp = K.rfftPlanSpectrum(p);
        new Float64Array(K.memory.buffer, re, n).set(x);
        K.rfftForward(p, re, sp);
        const spec = new Float64Array(K.memory.buffer, sp, 2 * bins).slice();
        K.rfftInverse(p, sp, re);
        const back = new Float64Array(K.memory.buffer, re, n).slice();
        // realFilter: x → irfft(w ⊙ rfft(x)), weights placed in a second plan's spectrum buffer
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
      a.forEach((arr, i) => expect(sameBits(arr, b[i]), `n = 2^${k}, ${["rfft", "irfft", "realFilter"][i]}`).toBe(-1));
    }
  });
});
