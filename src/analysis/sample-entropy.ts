/**
 * Sample entropy SampEn(m, r) = −ln(A/B) (Richman & Moorman, Am. J. Physiol. 278 (2000) H2039): B = pairs of
 * length-m templates within Chebyshev distance r, A = the same pairs still within r at length m + 1, both
 * over the same n − m templates. r defaults to 0.2·std(x) (population std). Returns Infinity when A = 0 and
 * NaN when B = 0 (undefined). The pair counting runs in WASM (O(n²), ~0.1 s for n = 10⁴).
 *
 * `legacy: true` gives the NLSE supplement's variant: φ_L = 2·pairs_L / (n_L(n_L − 1)) with n_L = n − L + 1
 * templates for each length L separately, SampEn = −ln(φ_{m+1}/φ_m), and 0 when either count is 0.
 */
import { kernel } from "../wasm/load.js";
import { memoryBuffer } from "../wasm/memory.js";
import { describe, toF64, checkNoNaN, checkOptions, checkBool } from "../validate.js";
import * as W from "./wmath.js";

/** Population standard deviation (numpy std, ddof = 0). */
export function stdPop(x: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - mean) ** 2;
  return Math.sqrt(v / x.length);
}

/**
 * Sample entropy of a series.
 *
 * @example
 * analysis.sampleEntropy(series, { m: 2 });                // r = 0.2·std
 * analysis.sampleEntropy(amp, { m: 2, legacy: true });      // NLSE supplement value
 */
export function sampleEntropy(x: ArrayLike<number>, o: { m?: number; r?: number; legacy?: boolean } = {}): number {
  const where = "analysis.sampleEntropy(x)";
  o = checkOptions(where, o, ["m", "r", "legacy"]);
  const legacy = checkBool(where, "legacy", o.legacy, false);
  // a copy when x is a view on WASM memory: the alloc below may grow memory and detach it
  const xs = W.offWasm(toF64(where, x, 0));
  checkNoNaN(where, "x", xs, true);
  const m = o.m ?? 2;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`${where}: m must be a positive integer, got ${describe(o.m)}`);
  const n = xs.length;
  if (n < m + 2) throw new RangeError(`${where}: x needs at least m + 2 = ${m + 2} values, got ${n}`);
  const r = o.r ?? 0.2 * stdPop(xs);
  if (typeof r !== "number" || !(r >= 0) || !Number.isFinite(r)) throw new RangeError(`${where}: r must be a finite number ≥ 0, got ${describe(o.r)}`);
  const k = kernel();
  const ptr = k.alloc(8 * n + 24);
  try {
    new Float64Array(memoryBuffer(), ptr, n).set(xs);
    k.sampenCounts(ptr, n, m, r, ptr + 8 * n);
    const [A, B, L] = new Float64Array(memoryBuffer(), ptr + 8 * n, 3);
    if (legacy) {
      const nA = n - m, nB = n - m + 1;
      const phiM1 = (2 * A) / (nA * (nA - 1)), phiM = (2 * L) / (nB * (nB - 1));
      return phiM1 === 0 || phiM === 0 ? 0 : -W.log(phiM1 / phiM);
    }
    if (B === 0) return NaN;
    return A === 0 ? Infinity : -W.log(A / B);
  } finally {
    k.free(ptr);
  }
}
