// rader.ts — a radix-p Stockham pass for a prime p by Rader's algorithm: the p-point DFT of
// a_l = x[q + s(p' + l·m)] (p' the butterfly index, m = n0/p) as a cyclic convolution of length p − 1.
// With g a primitive root mod p (the smallest), a'_i = a_{g^i}, b_i = ω^{g^{−i}}, ω = e^{−2πi/p}:
//   X_0 = a_0 + Σ_i a'_i = a_0 + FFT(a')_0,     X_{g^{−i}} = a_0 + (a' ⊛ b)_i     (i = 0…p−2)
// and the convolution runs through two forward FFTs of size p − 1 (a sub-plan, itself any plan) and the
// precomputed filter F = FFT(b)/(p − 1) (one correctly rounded division per bin), as in bluestein.ts:
//   A = FFT(a'),  C = FFT(conj(A ⊙ F)),  (a' ⊛ b)_i = conj(C_i).
// The inverse transforms conj(a) and returns conj(X). Outputs are then twiddled and scaled exactly as in
// the other passes: y[q + s(p·p' + k)] = w^{kp'} X_k (pre-splatted twiddles, (p − 1) per p'; m = 1: none,
// and the last pass of an inverse multiplies by 1/n). Gather, filter and scatter run in f64x2 in the SIMD
// build and lane by lane (the same IEEE operations) in the scalar build, and the sub-plan is itself
// bit-identical between builds, so the two builds agree bit for bit.
// Reference: C. M. Rader, Proc. IEEE 56 (1968) 1107–1108.
//
// Block (one per pass; a 32-byte header whose first u32 is odd.ts's pass kind): +4 sub-plan of size p − 1, +8 and +12
// two scratch buffers of p − 1 complex, +16 index table (u32 g^i, i < p − 1, then g^{−i}), +20 filter
// (pre-splatted, 32 bytes per bin), +24 twiddles (0 when m = 1).

import { cisTurn, COS, SIN, storeTwiddle } from "./cis";
import { complexPlanCreate, complexPlanFree, complexExec } from "./complex";
import { conjv, storeTwV, storeTwS } from "./cplx";

/** A[i] = a_{g^i} (conjugated for the inverse): the permuted gather of one butterfly's inputs. */
// @ts-ignore: decorator
@inline function gather(A: usize, xp: usize, idx: usize, N: i32, sm: usize, inv: bool): void {
  for (let i = 0; i < N; i++) {
    const src = xp + <usize>load<u32>(idx + (<usize>i << 2)) * sm, d = A + (<usize>i << 4);
    if (ASC_FEATURE_SIMD) {
      const v = v128.load(src);
      v128.store(d, inv ? conjv(v) : v);
    } else {
      store<f64>(d, load<f64>(src));
      store<f64>(d, inv ? -load<f64>(src, 8) : load<f64>(src, 8), 8);
    }
  }
}

/** B ← conj(B ⊙ F), F pre-splatted [fr, fr, −fi, fi]: [re·fr + im·(−fi), −(im·fr + re·fi)]. */
// @ts-ignore: decorator
@inline function filter(B: usize, filt: usize, N: i32): void {
  for (let k = 0; k < N; k++) {
    const q = B + (<usize>k << 4), w = filt + (<usize>k << 5);
    if (ASC_FEATURE_SIMD) {
      const v = v128.load(q);
      const prod = f64x2.add(f64x2.mul(v, v128.load(w)), f64x2.mul(v128.shuffle<f64>(v, v, 1, 0), v128.load(w, 16)));
      v128.store(q, conjv(prod));
    } else {
      const re = load<f64>(q), im = load<f64>(q, 8);
      const wr = load<f64>(w), nw = load<f64>(w, 16), wi = load<f64>(w, 24);
      store<f64>(q, re * wr + im * nw);
      store<f64>(q, -(im * wr + re * wi), 8);
    }
  }
}

const RB_SUB: usize = 4;
const RB_A: usize = 8;
const RB_B: usize = 12;
const RB_IDX: usize = 16;
const RB_FILT: usize = 20;
const RB_TW: usize = 24;
/** Bytes of the block header; odd.ts stores its pass kind at offset 0. */
const RADER_HEADER: usize = 32;

function powmod(b: u64, e: u64, p: u64): u64 {
  let r: u64 = 1;
  b %= p;
  while (e > 0) {
    if (e & 1) r = (r * b) % p;
    b = (b * b) % p;
    e >>= 1;
  }
  return r;
}

/** The smallest primitive root of the prime p. */
export function primitiveRoot(p: i32): i32 {
  const n1 = p - 1;
  for (let g = 2; g < p; g++) {
    let ok = true, m = n1;
    for (let q = 2; q * q <= m && ok; q++) {
      if (m % q != 0) continue;
      if (powmod(<u64>g, <u64>(n1 / q), <u64>p) == 1) ok = false;
      while (m % q == 0) m /= q;
    }
    if (ok && m > 1 && powmod(<u64>g, <u64>(n1 / m), <u64>p) == 1) ok = false;
    if (ok) return g;
  }
  return 1;   // p = 2 (not used: p ≥ 17 here)
}

/** Allocates the block of a Rader pass of prime radix p on sub-transforms of length n0 = p·m;
 *  `tw` is the pass's twiddle table (0 when m = 1), owned by the block from now on. */
export function raderInit(p: i32, tw: usize): usize {
  const N = p - 1;
  const blk = heap.alloc(RADER_HEADER);
  memory.fill(blk, 0, RADER_HEADER);
  const sub = complexPlanCreate(N, false);
  const bytes = <usize>N << 4;
  const A = heap.alloc(bytes), B = heap.alloc(bytes);
  const idx = heap.alloc(<usize>N << 3);
  const g = <u64>primitiveRoot(p), ginv = powmod(g, <u64>(N - 1), <u64>p);
  let gi: u64 = 1, gm: u64 = 1;
  for (let i = 0; i < N; i++) {
    store<u32>(idx + (<usize>i << 2), <u32>gi);
    store<u32>(idx + (<usize>(N + i) << 2), <u32>gm);
    // b_i = ω^{g^{−i}} = e^{−2πi·g^{−i}/p}
    cisTurn(gm, <u64>p);
    store<f64>(A + (<usize>i << 4), COS);
    store<f64>(A + (<usize>i << 4), -SIN, 8);
    gi = (gi * g) % <u64>p;
    gm = (gm * ginv) % <u64>p;
  }
  complexExec(sub, A, B, false);
  const filt = heap.alloc(<usize>N << 5);
  const fN = <f64>N;
  for (let k = 0; k < N; k++) {
    const q = B + (<usize>k << 4);
    storeTwiddle(filt + (<usize>k << 5), load<f64>(q) / fN, load<f64>(q, 8) / fN);
  }
  store<u32>(blk + RB_SUB, sub);
  store<u32>(blk + RB_A, A);
  store<u32>(blk + RB_B, B);
  store<u32>(blk + RB_IDX, idx);
  store<u32>(blk + RB_FILT, filt);
  store<u32>(blk + RB_TW, tw);
  return blk;
}

/** Releases a block made by raderInit: the sub-plan, scratch, tables, filter and twiddles. */
export function raderFree(blk: usize): void {
  complexPlanFree(<usize>load<u32>(blk + RB_SUB));
  heap.free(<usize>load<u32>(blk + RB_A));
  heap.free(<usize>load<u32>(blk + RB_B));
  heap.free(<usize>load<u32>(blk + RB_IDX));
  heap.free(<usize>load<u32>(blk + RB_FILT));
  const tw = <usize>load<u32>(blk + RB_TW);
  if (tw != 0) heap.free(tw);
  heap.free(blk);
}

/** One radix-p pass (m butterflies of stride s·m, s lanes each), see the header. */
export function raderPass(x: usize, y: usize, blk: usize, p: i32, m: i32, s: i32, inv: bool, scale: f64): void {
  const N = p - 1;
  const sub = <usize>load<u32>(blk + RB_SUB);
  const A = <usize>load<u32>(blk + RB_A), B = <usize>load<u32>(blk + RB_B);
  const idx = <usize>load<u32>(blk + RB_IDX), filt = <usize>load<u32>(blk + RB_FILT);
  const twiddled = m > 1, scaled = m == 1 && inv;
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  const sg: f64 = inv ? -1.0 : 1.0;             // conj(a) on the way in for the inverse
  let xb = x, yb = y, t = <usize>load<u32>(blk + RB_TW);
  for (let pp = 0; pp < m; pp++) {
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {
      const a0r = load<f64>(xp), a0i = sg * load<f64>(xp, 8);
      gather(A, xp, idx, N, sm, inv);
      complexExec(sub, A, B, false);
      const x0r = a0r + load<f64>(B), x0i = a0i + load<f64>(B, 8);
      storeTwS(yp, x0r, sg * x0i, 0, inv, false, scaled, scale);
      filter(B, filt, N);
      complexExec(sub, B, A, false);
      if (ASC_FEATURE_SIMD) {
        const a0 = f64x2(a0r, a0i), sc = f64x2.splat(scale);
        for (let i = 0; i < N; i++) {
          const k = <usize>load<u32>(idx + (<usize>(N + i) << 2));
          // X_k = a_0 + conj(C_i) = (a0r + Cr, a0i − Ci); the inverse stores conj(X_k)
          let v = f64x2.add(a0, conjv(v128.load(A + (<usize>i << 4))));
          if (inv) v = conjv(v);
          storeTwV(yp + k * ys, v, t + ((k - 1) << 5), inv, twiddled, scaled, sc);
        }
      } else {
        for (let i = 0; i < N; i++) {
          const k = <usize>load<u32>(idx + (<usize>(N + i) << 2));
          const c = A + (<usize>i << 4);
          const re = a0r + load<f64>(c), im = a0i + -load<f64>(c, 8);
          storeTwS(yp + k * ys, re, inv ? -im : im, t + ((k - 1) << 5), inv, twiddled, scaled, scale);
        }
      }
      xp += 16; yp += 16;
    }
    xb += ys; yb += ys * <usize>p; t += <usize>N << 5;
  }
}
