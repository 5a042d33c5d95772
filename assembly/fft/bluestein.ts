// bluestein.ts — FFT of any length n via Bluestein's chirp-z identity
//   jk = (j² + k² − (k − j)²)/2  ⇒  X_k = conj(c_k) · Σ_j (x_j conj(c_j)) · c_{k−j},  c_l = e^{iπl²/n},
// a circular convolution of length M ≥ 2n − 1 (M 5-smooth) done with two forward FFTs of size M
// and a precomputed filter F = FFT_M(b)/M, b_l = c_l for |l| < n:
//   a = x ⊙ conj(c) (zero-padded),  A = FFT_M(a),  B = conj(A ⊙ F),  C = FFT_M(B),
//   X_k = conj(c_k) · conj(C_k) = conj(C_k · c_k)   (conv = IFFT_M(A ⊙ FFT(b)) = conj(FFT(conj(·)))/M).
// The inverse transforms conj(x) and returns conj(X)/n = C_k · c_k / n.
// Accuracy (numpy's rms error or better, test/fft-accuracy.test.ts): 1/M enters as one correctly
// rounded division per filter bin and 1/n through a table c_k/n rounded once per k — never a multiply by a rounded
// reciprocal, whose error (up to 1.1e-16, the same sign on every bin) is as large as the whole rms
// error budget; and the chirp angle is reduced exactly: πl²/n = 2π (l² mod 2n)/(2n) in 64-bit integers.
// Reference: L. Bluestein, IEEE Trans. Audio Electroacoustics 18 (1970) 451–455.

import { cisTurn, COS, SIN, storeTwiddle } from "./cis";
import * as L from "./layout";
import { complexPlanCreate, complexPlanFree, complexExec, goodSize, allocZero, freeField } from "./complex";

export function bluesteinInit(plan: usize, n: i32): void {
  const M = goodSize(2 * n - 1);
  store<u32>(plan + L.CP_M, M);
  const sub = complexPlanCreate(M, false);
  store<u32>(plan + L.CP_SUB, sub);
  const chirp = heap.alloc(<usize>n * 32);
  const chirpN = heap.alloc(<usize>n << 4);
  store<u32>(plan + L.CP_CHIRPN, chirpN);
  const bufA = allocZero(<usize>M << 4);
  const bufB = allocZero(<usize>M << 4);
  store<u32>(plan + L.CP_CHIRP, chirp);
  store<u32>(plan + L.CP_BUFA, bufA);
  store<u32>(plan + L.CP_BUFB, bufB);
  const n2 = <u64>n << 1;
  for (let l = 0; l < n; l++) {
    cisTurn((<u64>l * <u64>l) % n2, n2);          // c_l = (COS, SIN)
    storeTwiddle(chirp + (<usize>l << 5), COS, -SIN);  // conj(c_l), pre-splatted
    store<f64>(chirpN + (<usize>l << 4), COS / <f64>n);
    store<f64>(chirpN + (<usize>l << 4), SIN / <f64>n, 8);
    store<f64>(bufA + (<usize>l << 4), COS);
    store<f64>(bufA + (<usize>l << 4), SIN, 8);
    if (l > 0) {
      store<f64>(bufA + (<usize>(M - l) << 4), COS);
      store<f64>(bufA + (<usize>(M - l) << 4), SIN, 8);
    }
  }
  complexExec(sub, bufA, bufB, false);
  const filt = heap.alloc(<usize>M * 32);
  const fM = <f64>M;
  for (let k = 0; k < M; k++) {
    const p = bufB + (<usize>k << 4);
    storeTwiddle(filt + (<usize>k << 5), load<f64>(p) / fM, load<f64>(p, 8) / fM);
  }
  store<u32>(plan + L.CP_FILT, filt);
}

export function bluesteinFree(plan: usize): void {
  complexPlanFree(<usize>load<u32>(plan + L.CP_SUB));
  freeField(plan, L.CP_CHIRP);
  freeField(plan, L.CP_CHIRPN);
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
  const chirpN = <usize>load<u32>(plan + L.CP_CHIRPN);
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
    // conj(A_k · F_k), F pre-splatted [fr, fr, −fi, fi]
    const p = bufB + (<usize>k << 4), w = filt + (<usize>k << 5);
    const re = load<f64>(p), im = load<f64>(p, 8);
    const wr = load<f64>(w), nw = load<f64>(w, 16), wi = load<f64>(w, 24);
    store<f64>(p, re * wr + im * nw);
    store<f64>(p, -(im * wr + re * wi), 8);
  }
  complexExec(sub, bufB, bufA, false);
  // forward: X_k = conj(C_k · c_k); inverse: C_k · (c_k / n), c_k/n rounded once per k (no biased 1/n)
  for (let k = 0; k < n; k++) {
    const a = bufA + (<usize>k << 4), o = out + (<usize>k << 4);
    const ar = load<f64>(a), ai = load<f64>(a, 8);
    if (inv) {
      const w = chirpN + (<usize>k << 4);
      const cr = load<f64>(w), sr = load<f64>(w, 8);
      store<f64>(o, ar * cr - ai * sr);
      store<f64>(o, ai * cr + ar * sr, 8);
    } else {
      const w = chirp + (<usize>k << 5);              // conj(c) pre-splatted: [cr, cr, sr, −sr]
      const cr = load<f64>(w), sr = load<f64>(w, 16);
      store<f64>(o, ar * cr - ai * sr);
      store<f64>(o, -(ai * cr + ar * sr), 8);
    }
  }
}
