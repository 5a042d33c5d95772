// complex.ts — complex FFT plans: X_k = Σ_j x_j e^{−2πijk/n} (forward, unnormalised) and
// x_j = (1/n) Σ_k X_k e^{+2πijk/n} (inverse), numpy's convention.
//
// n = 2^k·3^c·5^d·p_1·p_2··· (p_i odd primes ≥ 7) runs as a chain of Stockham passes: the power-of-two part by the
// fixed radix sequence of plan2.ts (radix4/2.ts and the generated radix-8 codelet codelets/n8.ts), then radix3/5.ts,
// then the p_i (odd.ts, which also holds the Bluestein rule), reading the input once (it is never modified) and
// ping-ponging between the plan's work buffer and the output so that the last pass lands in `out`.
// When the generic passes would cost more than Bluestein's chirp-z algorithm (bluestein.ts, over a
// 5-smooth size M ≥ 2n − 1), n goes to Bluestein instead — pocketfft's rule (numpy.fft), so every n
// takes the same kind of path as numpy: n < 50 or p_max² ≤ n always direct, else Bluestein when
// 3·cost(M') < cost(n), M' pocketfft's 11-smooth size ≥ 2n − 1 and cost(n) = n·Σ_{prime factors p} w(p),
// w(p ≤ 5) = p, w(p ≥ 7) = 1.1 p. (Bluestein's error is ~2× a direct transform's, test/fft-accuracy.)
// Everything a plan needs is allocated here, once.

import { cisTurn, COS, SIN, storeTwiddle } from "./cis";
import * as L from "./layout";
import { pass4, last4 } from "./radix4";
import { pass2 } from "./radix2";
import { pass8 } from "./codelets/n8";
import { pow2Plan } from "./plan2";
import { pass3 } from "./radix3";
import { pass5 } from "./radix5";
import { isSmooth, useBluestein, oddPasses, oddInit, oddExec, oddFree } from "./odd";
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
  // the power-of-two part first: the radix sequence of plan2.ts (radix 4, the radix-8 codelet, at most one 2)
  let rem = n, np = 0, k = 0;
  while ((rem & 1) == 0) { rem >>= 1; k++; }
  if (!validSeq(seq, k)) seq = pow2Plan(k);
  while (seq != 0) { addPass(plan, np++, <u32>1 << <u32>(seq & 15)); seq >>= 4; }
  while (rem % 3 == 0) { addPass(plan, np++, 3); rem /= 3; }
  while (rem % 5 == 0) { addPass(plan, np++, 5); rem /= 5; }
  np = oddPasses(plan, np, rem);
  store<u32>(plan + L.CP_NPASS, np);
  // twiddles: pass i works on sub-transforms of length n0 = n / (r_0 ··· r_{i−1})
  let n0 = n;
  for (let i = 0; i < np; i++) {
    const rec = plan + L.CP_PASSES + (<usize>i << 3);
    const r = load<u32>(rec);
    const m = n0 / r;
    if (isOddPass(r)) {
      oddInit(rec, <i32>r, m, n0);
    } else if (m > 1) {
      const tw = heap.alloc(<usize>m * (r - 1) * 32);
      for (let p = 0; p < m; p++) {
        for (let k: u32 = 1; k < r; k++) {
          cisTurn(<u64>p * k, <u64>n0);
          storeTwiddle(tw + (<usize>p * (r - 1) + (k - 1)) * 32, COS, -SIN);
        }
      }
      store<u32>(rec, tw, 4);
    }
    n0 = m;
  }
  return plan;
}

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

/** Radix r ≥ 7 odd: the pass belongs to odd.ts (oddInit/oddExec/oddFree). */
// @ts-ignore: decorator
@inline function isOddPass(r: u32): bool { return r > 5 && (r & 1) == 1; }

function addPass(plan: usize, i: i32, radix: u32): void {
  store<u32>(plan + L.CP_PASSES + (<usize>i << 3), radix);
}

export function complexPlanFree(plan: usize): void {
  const np = <i32>load<u32>(plan + L.CP_NPASS);
  for (let i = 0; i < np; i++) {
    const rec = plan + L.CP_PASSES + (<usize>i << 3);
    if (isOddPass(load<u32>(rec))) { oddFree(rec); continue; }
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
  for (let i = 0; i < np; i++) {
    const rec = plan + L.CP_PASSES + (<usize>i << 3);
    const r = <i32>load<u32>(rec);
    const tw = u32at(rec, 4);
    const dst = ((np - 1 - i) & 1) == 0 ? out : work;
    const m = n0 / r;
    if (r == 4) {
      if (m == 1) last4(src, dst, s, inv, scale); else pass4(src, dst, tw, m, s, inv);
    } else if (r == 2) pass2(src, dst, tw, m, s, inv, scale);
    else if (r == 3) pass3(src, dst, tw, m, s, inv, scale);
    else if (r == 5) pass5(src, dst, tw, m, s, inv, scale);
    else if (r == 8) pass8(src, dst, tw, m, s, inv, scale);
    else oddExec(src, dst, rec, r, m, s, inv, scale);
    src = dst; s *= r; n0 = m;
  }
}
