// plan-mixed.ts — the passes of a complex plan whose n = 2^k·rem has an odd part rem > 1 (factors 3, 5, and the
// odd primes of odd.ts), and every pass whose radix is not 2, 4 or 8 (those belong to complex.ts / plan2.ts).
//
// Contract with complex.ts:
//   mixedPasses(plan, k, rem, seq2)  appends the passes of n = 2^k·rem (rem odd > 1) to `plan` and returns their
//                                    count; seq2 is the power-of-two part's radix sequence (plan2.ts packing, log2
//                                    radices first-lowest), which it may place anywhere in the order. The order is a
//                                    function of n alone (deterministic bits).
//   isMixedPass(r)                   true for every radix this file runs (r ∉ {2, 4, 8})
//   mixedInit(rec, r, m, n0)         allocates what pass record rec needs (pointer at rec + 4)
//   mixedExec(x, y, rec, r, m, s, inv, scale)   runs it (Stockham: y[q + s(r·p + k)] from x[q + s(p + k·m)])
//   mixedFree(rec, r)                releases it
//
// The order (docs/fft.md, "Mixed-radix plans"): with n = 2^k·3^b·5^a·(primes ≥ 7), the 5s and then the 3s are paired
// with factors 2 into the generated composite passes 10 = 2·5 and 6 = 2·3 (mixed/n10.ts, mixed/n6.ts; prime-factor
// codelets, no inner twiddles) — as many pairs as there are 2s, one fewer if that would leave a lone 2 — the 3s
// and 5s left over are paired into 15 = 3·5 (mixed/n15.ts), and the 3s still left with 7s into 21 = 3·7
// (mixed/n21.ts). The order is: the 10s, the 6s, the 21s, the 15s, the leftover 3s and 5s, the power-of-two passes of
// what is left (plan2.ts's table for 2^k'), odd.ts's primes. So 1000 = 10·10·10, 500 = 10·10·5, 1536 = 6·4·4·4·4,
// 768 = 6·4·4·8, 2000 = 10·10·5·4, 4095 = 21·15·13, 3003 = 21·11·13, 65520 = 10·6·21·4·13.
// Without any composite pass, or when the caller forces a power-of-two sequence other than plan2.ts's (complex.ts's
// seq, a test hook), the order is the former one: the power-of-two passes, the 3s, the 5s, the primes.

import * as L from "./layout";
import { pass3 } from "./radix3";
import { pass5 } from "./radix5";
import { pass6 } from "./mixed/n6";
import { pass10 } from "./mixed/n10";
import { pass15 } from "./mixed/n15";
import { pass21 } from "./mixed/n21";
import { pow2Plan } from "./plan2";
import { oddPasses, oddInit, oddExec, oddFree } from "./odd";
import { splatTwiddles } from "./twiddles";

function addPass(plan: usize, i: i32, radix: u32): void {
  store<u32>(plan + L.CP_PASSES + (<usize>i << 3), radix);
}

/**
 * Appends the passes of n = 2^k·rem (rem odd, > 1) to `plan`; returns the pass count. `seq2` is the power-of-two
 * part's radix sequence (packed log2 radices, first pass lowest).
 * @example mixedPasses(plan, 3, 125, pow2Plan(3))   // n = 1000: passes 10, 10, 10; returns 3
 */
export function mixedPasses(plan: usize, k: i32, rem: i32, seq2: u64): i32 {
  let np = 0, a = 0, b = 0, c = 0;
  while (rem % 5 == 0) { a++; rem /= 5; }
  while (rem % 3 == 0) { b++; rem /= 3; }
  for (let r7 = rem; r7 % 7 == 0; r7 /= 7) c++;
  let pairs = min(k, a + b);
  if (pairs > 0 && k - pairs == 1) pairs--;        // a lone radix-2 pass costs more than the pair saves
  const forced = seq2 != pow2Plan(k);
  const p10 = min(pairs, a), p6 = pairs - p10, p15 = min(a - p10, b - p6), p21 = min(b - p6 - p15, c);
  if (forced || (pairs == 0 && p15 == 0 && p21 == 0)) {
    while (seq2 != 0) { addPass(plan, np++, <u32>1 << <u32>(seq2 & 15)); seq2 >>= 4; }
    for (let i = 0; i < b; i++) addPass(plan, np++, 3);
    for (let i = 0; i < a; i++) addPass(plan, np++, 5);
    return oddPasses(plan, np, rem);
  }
  for (let i = 0; i < p10; i++) addPass(plan, np++, 10);
  for (let i = 0; i < p6; i++) addPass(plan, np++, 6);
  for (let i = 0; i < p21; i++) { addPass(plan, np++, 21); rem /= 7; }
  for (let i = 0; i < p15; i++) addPass(plan, np++, 15);
  for (let i = p6 + p15 + p21; i < b; i++) addPass(plan, np++, 3);
  for (let i = p10 + p15; i < a; i++) addPass(plan, np++, 5);
  for (let s = pow2Plan(k - pairs); s != 0; s >>= 4) addPass(plan, np++, <u32>1 << <u32>(s & 15));
  return oddPasses(plan, np, rem);
}

/** True for the radices this file runs (everything but 2, 4, 8).
 *  @example isMixedPass(10)   // true: complex.ts hands the pass to mixedExec */
// @ts-ignore: decorator
@inline export function isMixedPass(r: u32): bool { return r != 2 && r != 4 && r != 8; }

/** Twiddles (or odd.ts's pass data) of pass record `rec`: radix r on sub-transforms of n0 = r·m.
 *  @example mixedInit(rec, 10, 100, 1000)   // the first pass of n = 1000: 100·9 pre-splatted twiddles */
export function mixedInit(rec: usize, r: i32, m: i32, n0: i32): void {
  if (ownTable(r)) splatTwiddles(rec, r, m, n0);
  else oddInit(rec, r, m, n0);
}

/** The radices whose pass record holds a plain pre-splatted twiddle table (twiddles.ts): 3, 5, 6, 10, 15, 21. */
// @ts-ignore: decorator
@inline function ownTable(r: i32): bool { return r == 3 || r == 5 || r == 6 || r == 10 || r == 15 || r == 21; }

/** Runs pass record `rec` (Stockham: y[q + s(r·p + k)] from x[q + s(p + k·m)]); the inverse's last pass (m = 1)
 *  multiplies by `scale`.
 *  @example mixedExec(src, dst, rec, 10, 100, 1, false, 1.0)   // the first forward pass of n = 1000 */
export function mixedExec(x: usize, y: usize, rec: usize, r: i32, m: i32, s: i32, inv: bool, scale: f64): void {
  const tw = <usize>load<u32>(rec, 4);
  if (r == 3) pass3(x, y, tw, m, s, inv, scale);
  else if (r == 5) pass5(x, y, tw, m, s, inv, scale);
  else if (r == 10) pass10(x, y, tw, m, s, inv, scale);
  else if (r == 6) pass6(x, y, tw, m, s, inv, scale);
  else if (r == 15) pass15(x, y, tw, m, s, inv, scale);
  else if (r == 21) pass21(x, y, tw, m, s, inv, scale);
  else oddExec(x, y, rec, r, m, s, inv, scale);
}

/** Releases what mixedInit allocated.
 *  @example mixedFree(rec, 10) */
export function mixedFree(rec: usize, r: i32): void {
  if (ownTable(r)) {
    const tw = <usize>load<u32>(rec, 4);
    if (tw != 0) heap.free(tw);
  } else oddFree(rec);
}
