// complex.ts — complex FFT plans: X_k = Σ_j x_j e^{−2πijk/n} (forward, unnormalised) and
// x_j = (1/n) Σ_k X_k e^{+2πijk/n} (inverse), numpy's convention.
//
// n = 2^k·3^c·5^d·p_1·p_2··· (p_i odd primes ≥ 7) runs as a chain of Stockham passes: the power-of-two part by the
// fixed radix sequence of plan2.ts (radix4/2.ts and the generated radix-8 codelet codelets/n8.ts); when n has odd
// factors, plan-mixed.ts orders all passes and runs the others (radix3/5.ts, and odd.ts's primes; odd.ts also holds
// the Bluestein rule), reading the input once (it is never modified) and
// ping-ponging between the plan's work buffer and the output so that the last pass lands in `out`.
// When the generic passes would cost more than Bluestein's chirp-z algorithm (bluestein.ts, over a
// 5-smooth size M ≥ 2n − 1), n goes to Bluestein instead — pocketfft's rule (numpy.fft), so every n
// takes the same kind of path as numpy: n < 50 or p_max² ≤ n always direct, else Bluestein when
// 3·cost(M') < cost(n), M' pocketfft's 11-smooth size ≥ 2n − 1 and cost(n) = n·Σ_{prime factors p} w(p),
// w(p ≤ 5) = p, w(p ≥ 7) = 1.1 p. (Bluestein's error is ~2× a direct transform's, test/fft-accuracy.)
// Everything a plan needs is allocated here, once.

import * as L from "./layout";
import { pass4, last4 } from "./radix4";
import { pass2 } from "./radix2";
import { pass8 } from "./codelets/n8";
import { canSplit, split4, split2 } from "./split";
import { pow2Plan } from "./plan2";
import { isSmooth, useBluestein } from "./odd";
import { mixedPasses, isMixedPass, mixedInit, mixedExec, mixedFree } from "./plan-mixed";
import { splatTwiddles } from "./twiddles";
import { bluesteinInit, bluesteinExec, bluesteinFree } from "./bluestein";

// @ts-ignore: decorator
@inline function u32at(p: usize, off: usize): usize { return <usize>load<u32>(p + off); }

/** Bluestein's size: the smallest 5-smooth M ≥ min. */
export function goodSize(min: i32): i32 {
  let m = min;
  while (!isSmooth(m)) m++;
  return m;
}

/** Allocates a zeroed block of `bytes` (16-byte aligned by the TLSF allocator). */
export function allocZero(bytes: usize): usize {
  const p = heap.alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}

/**
 * Creates a plan for n ≥ 1; `io` also reserves the caller-visible input/output buffers. `seq` ≠ 0 replaces the
 * power-of-two radix sequence of plan2.ts (packed log2 radices, first pass lowest; tests and the plan search) when
 * its radices are 2…8 and multiply to the power-of-two part of n.
 */
export function complexPlanCreate(n: i32, io: bool, seq: u64 = 0): usize {
  const plan = allocZero(L.CP_SIZE);
  store<u32>(plan + L.CP_N, n);
  const bytes = <usize>n << 4;
  if (io) {
    store<u32>(plan + L.CP_IN, allocZero(bytes));
    store<u32>(plan + L.CP_OUT, allocZero(bytes));
  }
  if (useBluestein(n)) {
    store<u32>(plan + L.CP_KIND, L.KIND_BLUESTEIN);
    bluesteinInit(plan, n);
    return plan;
  }
  store<u32>(plan + L.CP_KIND, L.KIND_STOCKHAM);
  store<u32>(plan + L.CP_WORK, allocZero(bytes));
  // the power-of-two part: the radix sequence of plan2.ts (radix 4, the radix-8 codelet, at most one 2); any other
  // factor: plan-mixed.ts orders all of the passes
  let rem = n, np = 0, k = 0;
  while ((rem & 1) == 0) { rem >>= 1; k++; }
  if (!validSeq(seq, k)) seq = pow2Plan(k);
  if (rem > 1) np = mixedPasses(plan, k, rem, seq);
  else while (seq != 0) { addPass(plan, np++, <u32>1 << <u32>(seq & 15)); seq >>= 4; }
  store<u32>(plan + L.CP_NPASS, np);
  // SIMD: a radix-4/2 pass after the first (stride s even) writes pair-split data (split.ts) when the next pass can
  // read it; the first pass (s = 1) and the last pass's output stay interleaved
  let mask: u64 = 0, s = 1;
  if (ASC_FEATURE_SIMD) {
    for (let i = 0; i + 1 < np; i++) {
      const r = <i32>load<u32>(plan + L.CP_PASSES + (<usize>i << 3));
      if ((s & 1) == 0 && canSplit(r) && canSplit(<i32>load<u32>(plan + L.CP_PASSES + (<usize>(i + 1) << 3)))) mask |= <u64>1 << i;
      s *= r;
    }
  }
  store<u64>(plan + L.CP_SPLIT, mask);
  // twiddles: pass i works on sub-transforms of length n0 = n / (r_0 ··· r_{i−1})
  let n0 = n;
  for (let i = 0; i < np; i++) {
    const rec = plan + L.CP_PASSES + (<usize>i << 3);
    const r = load<u32>(rec);
    const m = n0 / r;
    if (isMixedPass(r)) mixedInit(rec, <i32>r, m, n0);
    else splatTwiddles(rec, <i32>r, m, n0, runsSplit(mask, i));   // [wr,wr,wi,wi] for split.ts's passes
    n0 = m;
  }
  return plan;
}

/** Pass i runs on pair-split data: it writes split (bit i) or reads what pass i − 1 wrote split. */
// @ts-ignore: decorator
@inline function runsSplit(mask: u64, i: i32): bool { return ((mask >> <u64>i) & 1) != 0 || (i > 0 && ((mask >> <u64>(i - 1)) & 1) != 0); }

function validSeq(seq: u64, k: i32): bool {
  if (seq == 0) return false;
  let sum = 0;
  for (let t = seq; t != 0; t >>= 4) {
    const l = <i32>(t & 15);
    if (l < 1 || l > 3) return false;
    sum += l;
  }
  return sum == k;
}

function addPass(plan: usize, i: i32, radix: u32): void {
  store<u32>(plan + L.CP_PASSES + (<usize>i << 3), radix);
}

export function complexPlanFree(plan: usize): void {
  const np = <i32>load<u32>(plan + L.CP_NPASS);
  for (let i = 0; i < np; i++) {
    const rec = plan + L.CP_PASSES + (<usize>i << 3);
    const r = load<u32>(rec);
    if (isMixedPass(r)) { mixedFree(rec, <i32>r); continue; }
    const tw = u32at(rec, 4);
    if (tw != 0) heap.free(tw);
  }
  if (load<u32>(plan + L.CP_KIND) == L.KIND_BLUESTEIN) bluesteinFree(plan);
  freeField(plan, L.CP_WORK);
  freeField(plan, L.CP_IN);
  freeField(plan, L.CP_OUT);
  heap.free(plan);
}

export function freeField(block: usize, off: usize): void {
  const p = <usize>load<u32>(block + off);
  if (p != 0) heap.free(p);
}

/** out = FFT(input) (inv false) or IFFT(input) incl. 1/n (inv true). `input` is not modified;
 *  it must not overlap `out`. */
export function complexExec(plan: usize, input: usize, out: usize, inv: bool): void {
  const n = <i32>load<u32>(plan + L.CP_N);
  if (load<u32>(plan + L.CP_KIND) == L.KIND_BLUESTEIN) {
    bluesteinExec(plan, input, out, inv);
    return;
  }
  const np = <i32>load<u32>(plan + L.CP_NPASS);
  if (np == 0) { memory.copy(out, input, <usize>n << 4); return; }
  const work = u32at(plan, L.CP_WORK);
  const scale = 1.0 / <f64>n;
  let src = input, s = 1, n0 = n;
  const mask = load<u64>(plan + L.CP_SPLIT);   // the passes that write pair-split data (complexPlanCreate)
  let inS = false;
  for (let i = 0; i < np; i++) {
    const rec = plan + L.CP_PASSES + (<usize>i << 3);
    const r = <i32>load<u32>(rec);
    const tw = u32at(rec, 4);
    const dst = ((np - 1 - i) & 1) == 0 ? out : work;
    const m = n0 / r;
    let outS = false;
    if (ASC_FEATURE_SIMD) {
      outS = ((mask >> <u64>i) & 1) != 0;
      if (inS || outS) {
        if (r == 4) split4(src, dst, tw, m, s, inv, scale, inS, outS);
        else split2(src, dst, tw, m, s, inv, scale, inS, outS);
        inS = outS; src = dst; s *= r; n0 = m;
        continue;
      }
    }
    if (r == 4) {
      if (m == 1) last4(src, dst, s, inv, scale); else pass4(src, dst, tw, m, s, inv);
    } else if (r == 2) pass2(src, dst, tw, m, s, inv, scale);
    else if (r == 8) pass8(src, dst, tw, m, s, inv, scale);
    else mixedExec(src, dst, rec, r, m, s, inv, scale);
    src = dst; s *= r; n0 = m;
  }
}
