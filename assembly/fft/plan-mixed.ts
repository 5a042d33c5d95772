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
// Today: the power-of-two passes first, then radix 3s, radix 5s, then odd.ts's primes.

import * as L from "./layout";
import { pass3 } from "./radix3";
import { pass5 } from "./radix5";
import { oddPasses, oddInit, oddExec, oddFree } from "./odd";
import { splatTwiddles } from "./twiddles";

function addPass(plan: usize, i: i32, radix: u32): void {
  store<u32>(plan + L.CP_PASSES + (<usize>i << 3), radix);
}

/** Appends the passes of n = 2^k·rem (rem odd, > 1); returns the pass count. */
export function mixedPasses(plan: usize, k: i32, rem: i32, seq2: u64): i32 {
  let np = 0;
  while (seq2 != 0) { addPass(plan, np++, <u32>1 << <u32>(seq2 & 15)); seq2 >>= 4; }
  while (rem % 3 == 0) { addPass(plan, np++, 3); rem /= 3; }
  while (rem % 5 == 0) { addPass(plan, np++, 5); rem /= 5; }
  return oddPasses(plan, np, rem);
}

/** True for the radices this file runs (everything but 2, 4, 8). */
// @ts-ignore: decorator
@inline export function isMixedPass(r: u32): bool { return r != 2 && r != 4 && r != 8; }

/** Twiddles (or odd.ts's pass data) of pass record `rec`: radix r on sub-transforms of n0 = r·m. */
export function mixedInit(rec: usize, r: i32, m: i32, n0: i32): void {
  if (r == 3 || r == 5) splatTwiddles(rec, r, m, n0);
  else oddInit(rec, r, m, n0);
}

/** Runs pass record `rec`; the inverse's last pass (m = 1) multiplies by `scale`. */
export function mixedExec(x: usize, y: usize, rec: usize, r: i32, m: i32, s: i32, inv: bool, scale: f64): void {
  const tw = <usize>load<u32>(rec, 4);
  if (r == 3) pass3(x, y, tw, m, s, inv, scale);
  else if (r == 5) pass5(x, y, tw, m, s, inv, scale);
  else oddExec(x, y, rec, r, m, s, inv, scale);
}

/** Releases what mixedInit allocated. */
export function mixedFree(rec: usize, r: i32): void {
  if (r == 3 || r == 5) {
    const tw = <usize>load<u32>(rec, 4);
    if (tw != 0) heap.free(tw);
  } else oddFree(rec);
}
