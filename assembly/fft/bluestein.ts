// bluestein.ts — FFT of any length n via Bluestein's chirp-z identity
//   jk = (j² + k² − (k − j)²)/2  ⇒  X_k = conj(c_k) · Σ_j (x_j conj(c_j)) · c_{k−j},  c_l = e^{iπl²/n},
// a circular convolution of length M ≥ 2n − 1 (M 5-smooth) done with two FFTs of size M plus a
// precomputed filter FFT_M(b), b_l = c_l for |l| < n. The inverse uses
//   IFFT(X) = conj(FFT(conj(X)))/n, folding both conjugations and 1/n into the chirp multiplies.
// Chirp angles are reduced exactly: πl²/n = 2π (l² mod 2n)/(2n) with l² in 64-bit integers.
// Reference: L. Bluestein, IEEE Trans. Audio Electroacoustics 18 (1970) 451–455.

import { cisTurn, COS, SIN, storeTwiddle } from "./cis";
import * as L from "./layout";
import { complexPlanCreate, complexPlanFree, complexExec, isSmooth, allocZero, freeField } from "./complex";

function goodSize(min: i32): i32 {
  let m = min;
  while (!isSmooth(m)) m++;
  return m;
}

export function bluesteinInit(plan: usize, n: i32): void {
  const M = goodSize(2 * n - 1);
  store<u32>(plan + L.CP_M, M);
  const sub = complexPlanCreate(M, false);
  store<u32>(plan + L.CP_SUB, sub);
  const chirp = heap.alloc(<usize>n * 32);
  const bufA = allocZero(<usize>M << 4);
  const bufB = allocZero(<usize>M << 4);
  store<u32>(plan + L.CP_CHIRP, chirp);
  store<u32>(plan + L.CP_BUFA, bufA);
  store<u32>(plan + L.CP_BUFB, bufB);
  const n2 = <u64>n << 1;
  for (let l = 0; l < n; l++) {
    cisTurn((<u64>l * <u64>l) % n2, n2);          // c_l = (COS, SIN)
    storeTwiddle(chirp + (<usize>l << 5), COS, -SIN);  // conj(c_l), pre-splatted
    store<f64>(bufA + (<usize>l << 4), COS);
    store<f64>(bufA + (<usize>l << 4), SIN, 8);
    if (l > 0) {
      store<f64>(bufA + (<usize>(M - l) << 4), COS);
      store<f64>(bufA + (<usize>(M - l) << 4), SIN, 8);
    }
  }
  complexExec(sub, bufA, bufB, false);
  const filt = heap.alloc(<usize>M * 32);
  for (let k = 0; k < M; k++) {
    storeTwiddle(filt + (<usize>k << 5), load<f64>(bufB + (<usize>k << 4)), load<f64>(bufB + (<usize>k << 4), 8));
  }
  store<u32>(plan + L.CP_FILT, filt);
}

export function bluesteinFree(plan: usize): void {
  complexPlanFree(<usize>load<u32>(plan + L.CP_SUB));
  freeField(plan, L.CP_CHIRP);
  freeField(plan, L.CP_FILT);
  freeField(plan, L.CP_BUFA);
  freeField(plan, L.CP_BUFB);
}

// @ts-ignore: decorator
@inline function mulStore(dst: usize, re: f64, im: f64, w: usize, sc: f64): void {
  // (re + i·im) · w with w pre-splatted [wr, wr, −wi, wi]; same operation order as the kernels
  const wr = load<f64>(w), nw = load<f64>(w, 16), wi = load<f64>(w, 24);
  store<f64>(dst, (re * wr + im * nw) * sc);
  store<f64>(dst, (im * wr + re * wi) * sc, 8);
}

export function bluesteinExec(plan: usize, input: usize, out: usize, inv: bool): void {
  const n = <i32>load<u32>(plan + L.CP_N);
  const M = <i32>load<u32>(plan + L.CP_M);
  const sub = <usize>load<u32>(plan + L.CP_SUB);
  const chirp = <usize>load<u32>(plan + L.CP_CHIRP);
  const filt = <usize>load<u32>(plan + L.CP_FILT);
  const bufA = <usize>load<u32>(plan + L.CP_BUFA);
  const bufB = <usize>load<u32>(plan + L.CP_BUFB);
  const sgn: f64 = inv ? -1.0 : 1.0;   // conj(x) on the way in for the inverse
  for (let j = 0; j < n; j++) {
    const xp = input + (<usize>j << 4);
    mulStore(bufA + (<usize>j << 4), load<f64>(xp), sgn * load<f64>(xp, 8), chirp + (<usize>j << 5), 1.0);
  }
  memory.fill(bufA + (<usize>n << 4), 0, <usize>(M - n) << 4);
  complexExec(sub, bufA, bufB, false);
  for (let k = 0; k < M; k++) {
    const p = bufB + (<usize>k << 4);
    mulStore(p, load<f64>(p), load<f64>(p, 8), filt + (<usize>k << 5), 1.0);
  }
  complexExec(sub, bufB, bufA, true);
  const sc: f64 = inv ? 1.0 / <f64>n : 1.0;
  for (let k = 0; k < n; k++) {
    const o = out + (<usize>k << 4);
    mulStore(o, load<f64>(bufA + (<usize>k << 4)), load<f64>(bufA + (<usize>k << 4), 8), chirp + (<usize>k << 5), sc);
    if (inv) store<f64>(o, -load<f64>(o, 8), 8);
  }
}
