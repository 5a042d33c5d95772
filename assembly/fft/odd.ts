// odd.ts — the odd-prime part of a complex plan (factors p ≥ 7) and the choice of Bluestein.
//
// Contract with complex.ts: `useBluestein(n)` decides the path for the whole n; `oddPasses(plan, np, rem)`
// appends the passes for the odd part rem (already free of 2, 3, 5) and returns the new pass count;
// `oddInit(rec, r, m, n0)` allocates what pass record `rec` (radix r ≥ 7 on sub-transforms of length
// n0 = r·m) needs and stores its pointer at rec + 4; `oddExec` runs the pass; `oddFree` releases it.
// Today every odd prime runs the generic pass (radixg.ts), with pocketfft's Bluestein rule:
// n < 50 or p_max² ≤ n always direct, else Bluestein when 3·cost(M') < cost(n), M' pocketfft's
// 11-smooth size ≥ 2n − 1 and cost(n) = n·Σ_{prime factors p} w(p), w(p ≤ 5) = p, w(p ≥ 7) = 1.1 p.

import { cisTurn, COS, SIN, storeTwiddle } from "./cis";
import * as L from "./layout";
import { passG, genericBlockBytes, genericTwiddles } from "./radixg";

export function isSmooth(n: i32): bool {
  let m = n;
  while ((m & 1) == 0) m >>= 1;
  while (m % 3 == 0) m /= 3;
  while (m % 5 == 0) m /= 5;
  return m == 1;
}

/** pocketfft's cost_guess: n times the summed weights of the prime factors (2/3/5 → p, larger → 1.1 p). */
function costGuess(n: i32): f64 {
  let m = n, c = 0.0;
  while ((m & 1) == 0) { c += 2.0; m >>= 1; }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p == 0) { c += p <= 5 ? <f64>p : 1.1 * <f64>p; m /= p; }
  }
  if (m > 1) c += m <= 5 ? <f64>m : 1.1 * <f64>m;
  return c * <f64>n;
}

function largestPrimeFactor(n: i32): i32 {
  let m = n, lpf = 1;
  for (let p = 2; p * p <= m; p++) {
    while (m % p == 0) { lpf = p; m /= p; }
  }
  return m > 1 ? m : lpf;
}

/** pocketfft's good_size: the smallest 2·3·5·7·11-smooth m ≥ min (only for the choice of path). */
function goodSize11(min: i32): i32 {
  for (let m = min; ; m++) {
    let r = m;
    while ((r & 1) == 0) r >>= 1;
    while (r % 3 == 0) r /= 3;
    while (r % 5 == 0) r /= 5;
    while (r % 7 == 0) r /= 7;
    while (r % 11 == 0) r /= 11;
    if (r == 1) return m;
  }
  return min;
}

/** True when n (not 5-smooth) is cheaper through Bluestein than through generic-radix passes. */
export function useBluestein(n: i32): bool {
  if (isSmooth(n) || n < 50) return false;
  const lpf = <i64>largestPrimeFactor(n);
  if (lpf * lpf <= <i64>n) return false;
  return 3.0 * costGuess(goodSize11(2 * n - 1)) < costGuess(n);
}

/** Appends one pass per odd prime factor p ≥ 7 of rem (ascending); returns the new pass count. */
export function oddPasses(plan: usize, np: i32, rem: i32): i32 {
  for (let p = 7; rem > 1; p += 2) {
    if (p * p > rem) p = rem;                     // what is left is prime
    while (rem % p == 0) { store<u32>(plan + L.CP_PASSES + (<usize>(np++) << 3), p); rem /= p; }
  }
  return np;
}

/** Pass record rec (radix r ≥ 7, m = n0 / r): roots C_j, S_j of the r-point DFT, scratch, twiddles. */
export function oddInit(rec: usize, r: i32, m: i32, n0: i32): void {
  const blk = heap.alloc(genericBlockBytes(r, m));
  for (let j = 0; j < r; j++) {
    cisTurn(<u64>j, <u64>r);
    store<f64>(blk + (<usize>j << 4), COS);
    store<f64>(blk + (<usize>j << 4), SIN, 8);
  }
  const tw = genericTwiddles(blk, r);
  for (let p = 0; p < m && m > 1; p++) {
    for (let k = 1; k < r; k++) {
      cisTurn(<u64>p * <u64>k, <u64>n0);
      storeTwiddle(tw + (<usize>p * <usize>(r - 1) + <usize>(k - 1)) * 32, COS, -SIN);
    }
  }
  store<u32>(rec, blk, 4);
}

export function oddExec(x: usize, y: usize, rec: usize, r: i32, m: i32, s: i32, inv: bool, scale: f64): void {
  passG(x, y, <usize>load<u32>(rec, 4), r, m, s, inv, scale);
}

export function oddFree(rec: usize): void {
  const p = <usize>load<u32>(rec, 4);
  if (p != 0) heap.free(p);
}
