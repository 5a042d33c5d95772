// real.ts — FFT of real input, X_k = Σ_j x_j e^{−2πijk/n}, k = 0..⌊n/2⌋ (numpy's rfft), and its inverse
// (numpy's irfft: the imaginary parts of X_0 and, for even n, X_{n/2} are ignored).
//
// Even n = 2h: the n reals ARE h interleaved complex z_j = x_{2j} + i x_{2j+1}; Z = FFT_h(z), then
//   E_k = (Z_k + conj Z_{h−k})/2,  O_k = −i (Z_k − conj Z_{h−k})/2,  W = e^{−2πi/n}
//   X_k = E_k + W^k O_k,   X_{h−k} = conj(E_k − W^k O_k)                        (k = 0..h/2)
// Inverse: E_k = (X_k + conj X_{h−k})/2, O_k = conj(W^k)(X_k − conj X_{h−k})/2, Z_k = E_k + i O_k,
// Z_{h−k} = conj E_k + i conj O_k, and x = IFFT_h(Z) read as n reals.
// Odd n: through a complex plan of size n (imaginary parts zero / Hermitian extension).

import * as L from "./layout";
import { cisTurn, COS, SIN, storeTwiddle } from "./cis";
import { complexPlanCreate, complexPlanFree, complexExec, allocZero, freeField } from "./complex";

export function realPlanCreate(n: i32): usize {
  const plan = allocZero(L.RP_SIZE);
  store<u32>(plan + L.RP_N, n);
  store<u32>(plan + L.RP_REAL, allocZero(<usize>n << 3));
  store<u32>(plan + L.RP_SPEC, allocZero(<usize>(n / 2 + 1) << 4));
  if (n & 1) {
    store<u32>(plan + L.RP_ODD, 1);
    store<u32>(plan + L.RP_SUB, complexPlanCreate(n, false));
    store<u32>(plan + L.RP_WORK, allocZero(<usize>n << 4));
    store<u32>(plan + L.RP_WORK2, allocZero(<usize>n << 4));
    return plan;
  }
  const h = n >> 1;
  store<u32>(plan + L.RP_SUB, complexPlanCreate(h, false));
  store<u32>(plan + L.RP_WORK, allocZero(<usize>h << 4));
  const q = h / 2;
  const tw = heap.alloc(<usize>(q + 1) << 5);
  for (let k = 0; k <= q; k++) {
    cisTurn(<u64>k, <u64>n);
    storeTwiddle(tw + (<usize>k << 5), COS, -SIN);
  }
  store<u32>(plan + L.RP_TW, tw);
  return plan;
}

export function realPlanFree(plan: usize): void {
  complexPlanFree(<usize>load<u32>(plan + L.RP_SUB));
  freeField(plan, L.RP_TW);
  freeField(plan, L.RP_WORK);
  freeField(plan, L.RP_WORK2);
  freeField(plan, L.RP_REAL);
  freeField(plan, L.RP_SPEC);
  heap.free(plan);
}

/** spec (n/2+1 complex) = rfft(x (n reals)). */
export function realForward(plan: usize, x: usize, spec: usize): void {
  const n = <i32>load<u32>(plan + L.RP_N);
  const sub = <usize>load<u32>(plan + L.RP_SUB);
  const work = <usize>load<u32>(plan + L.RP_WORK);
  if (load<u32>(plan + L.RP_ODD)) {
    const w2 = <usize>load<u32>(plan + L.RP_WORK2);
    for (let j = 0; j < n; j++) {
      store<f64>(w2 + (<usize>j << 4), load<f64>(x + (<usize>j << 3)));
      store<f64>(w2 + (<usize>j << 4), 0.0, 8);
    }
    complexExec(sub, w2, work, false);
    memory.copy(spec, work, <usize>(n / 2 + 1) << 4);
    return;
  }
  const h = n >> 1;
  const tw = <usize>load<u32>(plan + L.RP_TW);
  complexExec(sub, x, work, false);
  const z0r = load<f64>(work), z0i = load<f64>(work, 8);
  store<f64>(spec, z0r + z0i); store<f64>(spec, 0.0, 8);
  const sh = spec + (<usize>h << 4);
  store<f64>(sh, z0r - z0i); store<f64>(sh, 0.0, 8);
  let k = 1;
  if (ASC_FEATURE_SIMD) {
    // one complex per v128, lane for lane the scalar loop below (the first half of realFilter's SIMD loop)
    const hf = f64x2.splat(0.5), s1 = i64x2(0, -9223372036854775808);
    let a = work + 16, b = work + (<usize>(h - 1) << 4), t = tw + 32;
    let xk = spec + 16, xm = spec + (<usize>(h - 1) << 4);
    const ae = work + (<usize>(h >> 1) << 4);
    while (a <= ae) {
      const wrr = v128.load(t), wni = v128.load(t, 16);              // [wr, wr], [−wi, wi]
      const va = v128.load(a), cb = v128.xor(v128.load(b), s1);      // conj Z_{h−k}
      const E = f64x2.mul(f64x2.add(va, cb), hf);
      const Dv = f64x2.mul(f64x2.sub(va, cb), hf);
      const O = v128.xor(v128.shuffle<f64>(Dv, Dv, 1, 0), s1);      // [or, oi] = [d_i, −d_r]
      const P = f64x2.add(f64x2.mul(O, wrr), f64x2.mul(v128.shuffle<f64>(O, O, 1, 0), wni));
      v128.store(xm, v128.xor(f64x2.sub(E, P), s1));
      v128.store(xk, f64x2.add(E, P));
      a += 16; b -= 16; t += 32; xk += 16; xm -= 16;
    }
    k = (h >> 1) + 1;
  }
  for (; k <= h / 2; k++) {
    const a = work + (<usize>k << 4), b = work + (<usize>(h - k) << 4);
    const ar = load<f64>(a), ai = load<f64>(a, 8);
    const br = load<f64>(b), bi = -load<f64>(b, 8);          // conj Z_{h−k}
    const er = (ar + br) * 0.5, ei = (ai + bi) * 0.5;
    const or = (ai - bi) * 0.5, oi = -((ar - br) * 0.5);     // −i (A − B)/2
    const t = tw + (<usize>k << 5);
    const wr = load<f64>(t), nw = load<f64>(t, 16), wi = load<f64>(t, 24);
    const pr = or * wr + oi * nw, pi = oi * wr + or * wi;    // W^k O_k
    const xk = spec + (<usize>k << 4), xm = spec + (<usize>(h - k) << 4);
    store<f64>(xm, er - pr); store<f64>(xm, -(ei - pi), 8);
    store<f64>(xk, er + pr); store<f64>(xk, ei + pi, 8);
  }
}

/** x (n reals) = irfft(spec (n/2+1 complex), n). `spec` is not modified. */
export function realInverse(plan: usize, spec: usize, x: usize): void {
  const n = <i32>load<u32>(plan + L.RP_N);
  const sub = <usize>load<u32>(plan + L.RP_SUB);
  const work = <usize>load<u32>(plan + L.RP_WORK);
  if (load<u32>(plan + L.RP_ODD)) {
    const w2 = <usize>load<u32>(plan + L.RP_WORK2);
    const half = n >> 1;
    store<f64>(work, load<f64>(spec)); store<f64>(work, 0.0, 8);
    for (let k = 1; k <= half; k++) {
      const re = load<f64>(spec + (<usize>k << 4)), im = load<f64>(spec + (<usize>k << 4), 8);
      store<f64>(work + (<usize>k << 4), re); store<f64>(work + (<usize>k << 4), im, 8);
      store<f64>(work + (<usize>(n - k) << 4), re); store<f64>(work + (<usize>(n - k) << 4), -im, 8);
    }
    complexExec(sub, work, w2, true);
    for (let j = 0; j < n; j++) store<f64>(x + (<usize>j << 3), load<f64>(w2 + (<usize>j << 4)));
    return;
  }
  const h = n >> 1;
  const tw = <usize>load<u32>(plan + L.RP_TW);
  const x0 = load<f64>(spec), xh = load<f64>(spec + (<usize>h << 4));
  store<f64>(work, (x0 + xh) * 0.5); store<f64>(work, (x0 - xh) * 0.5, 8);
  let k = 1;
  if (ASC_FEATURE_SIMD) {
    // one complex per v128, lane for lane the scalar loop below (the second half of realFilter's SIMD loop)
    const hf = f64x2.splat(0.5), s1 = i64x2(0, -9223372036854775808), s0 = i64x2(-9223372036854775808, 0);
    let a = spec + 16, b = spec + (<usize>(h - 1) << 4), t = tw + 32;
    let zk = work + 16, zm = work + (<usize>(h - 1) << 4);
    const ae = spec + (<usize>(h >> 1) << 4);
    while (a <= ae) {
      const wrr = v128.load(t), wni = v128.load(t, 16);
      const va = v128.load(a), cb = v128.xor(v128.load(b), s1);      // conj X_{h−k}
      const E2 = f64x2.mul(f64x2.add(va, cb), hf);
      const D2 = f64x2.mul(f64x2.sub(va, cb), hf);
      const O2 = f64x2.sub(f64x2.mul(D2, wrr), f64x2.mul(v128.shuffle<f64>(D2, D2, 1, 0), wni));
      // zm = [Er + Oi, Or − Ei] = conj(E2) + swap(O2);  zk = [Er − Oi, Ei + Or] = E2 + j·O2
      const sO2 = v128.shuffle<f64>(O2, O2, 1, 0);
      v128.store(zm, f64x2.add(v128.xor(E2, s1), sO2));
      v128.store(zk, f64x2.add(E2, v128.xor(sO2, s0)));
      a += 16; b -= 16; t += 32; zk += 16; zm -= 16;
    }
    k = (h >> 1) + 1;
  }
  for (; k <= h / 2; k++) {
    const a = spec + (<usize>k << 4), b = spec + (<usize>(h - k) << 4);
    const ar = load<f64>(a), ai = load<f64>(a, 8);
    const br = load<f64>(b), bi = -load<f64>(b, 8);          // conj X_{h−k}
    const er = (ar + br) * 0.5, ei = (ai + bi) * 0.5;
    const dr = (ar - br) * 0.5, di = (ai - bi) * 0.5;
    const t = tw + (<usize>k << 5);
    const wr = load<f64>(t), nw = load<f64>(t, 16), wi = load<f64>(t, 24);
    const or = dr * wr - di * nw, oi = di * wr - dr * wi;    // conj(W^k)·D
    // Z_k = E + iO ; Z_{h−k} = conj E + i conj O
    const zk = work + (<usize>k << 4), zm = work + (<usize>(h - k) << 4);
    store<f64>(zm, er + oi); store<f64>(zm, or - ei, 8);
    store<f64>(zk, er - oi); store<f64>(zk, ei + or, 8);
  }
  complexExec(sub, work, x, true);
}

/**
 * out (n reals) = irfft(w ⊙ rfft(x)) for a real multiplier w per bin (n/2 + 1 values), e.g. −k²Δt² for a spectral
 * Laplacian: the forward split, the multiply and the inverse pre-processing in one pass over the half spectrum,
 * with the same operations as realForward → multiply → realInverse (same bits). `spec` (n/2 + 1 complex) is
 * scratch for odd n. x may equal out.
 */
export function realFilter(plan: usize, x: usize, out: usize, w: usize, spec: usize): void {
  const n = <i32>load<u32>(plan + L.RP_N);
  if (load<u32>(plan + L.RP_ODD)) {
    realForward(plan, x, spec);
    for (let j = 0; j <= n / 2; j++) {
      const o = <usize>j << 4, f = load<f64>(w + (<usize>j << 3));
      store<f64>(spec + o, load<f64>(spec + o) * f); store<f64>(spec + o, load<f64>(spec + o, 8) * f, 8);
    }
    realInverse(plan, spec, out);
    return;
  }
  const h = n >> 1;
  const sub = <usize>load<u32>(plan + L.RP_SUB);
  const work = <usize>load<u32>(plan + L.RP_WORK);
  const tw = <usize>load<u32>(plan + L.RP_TW);
  complexExec(sub, x, work, false);
  {
    const z0r = load<f64>(work), z0i = load<f64>(work, 8);
    const x0 = (z0r + z0i) * load<f64>(w), xh = (z0r - z0i) * load<f64>(w + (<usize>h << 3));
    store<f64>(work, (x0 + xh) * 0.5); store<f64>(work, (x0 - xh) * 0.5, 8);
  }
  let k = 1;
  if (ASC_FEATURE_SIMD) {
    // one complex per v128, lane for lane the scalar loop below (see the comments there)
    const hf = f64x2.splat(0.5), s1 = i64x2(0, -9223372036854775808), s0 = i64x2(-9223372036854775808, 0);
    let a = work + 16, b = work + (<usize>(h - 1) << 4), t = tw + 32, wk = w + 8, wm = w + (<usize>(h - 1) << 3);
    const ae = work + (<usize>(h >> 1) << 4);
    while (a <= ae) {
      const wrr = v128.load(t), wni = v128.load(t, 16);              // [wr, wr], [−wi, wi]
      const va = v128.load(a), cb = v128.xor(v128.load(b), s1);      // conj X_{h−k}
      const E = f64x2.mul(f64x2.add(va, cb), hf);
      const Dv = f64x2.mul(f64x2.sub(va, cb), hf);
      const O = v128.xor(v128.shuffle<f64>(Dv, Dv, 1, 0), s1);      // [or, oi] = [d_i, −d_r]
      const P = f64x2.add(f64x2.mul(O, wrr), f64x2.mul(v128.shuffle<f64>(O, O, 1, 0), wni));
      const xk = f64x2.mul(f64x2.add(E, P), v128.load64_splat(wk));
      const xm = f64x2.mul(v128.xor(f64x2.sub(E, P), s1), v128.load64_splat(wm));
      const d0 = v128.xor(xm, s1);
      const E2 = f64x2.mul(f64x2.add(xk, d0), hf);
      const D2 = f64x2.mul(f64x2.sub(xk, d0), hf);
      const O2 = f64x2.sub(f64x2.mul(D2, wrr), f64x2.mul(v128.shuffle<f64>(D2, D2, 1, 0), wni));
      // b = [Er + Oi, Or − Ei] = conj(E2) + swap(O2);  a = [Er − Oi, Ei + Or] = E2 + j·O2
      const sO2 = v128.shuffle<f64>(O2, O2, 1, 0);
      v128.store(b, f64x2.add(v128.xor(E2, s1), sO2));
      v128.store(a, f64x2.add(E2, v128.xor(sO2, s0)));
      a += 16; b -= 16; t += 32; wk += 8; wm -= 8;
    }
    k = (h >> 1) + 1;
  }
  for (; k <= h / 2; k++) {
    const a = work + (<usize>k << 4), b = work + (<usize>(h - k) << 4);
    const t = tw + (<usize>k << 5);
    const wr = load<f64>(t), nw = load<f64>(t, 16), wi = load<f64>(t, 24);
    // forward split (as realForward)
    const ar = load<f64>(a), ai = load<f64>(a, 8);
    const br = load<f64>(b), bi = -load<f64>(b, 8);
    const er = (ar + br) * 0.5, ei = (ai + bi) * 0.5;
    const or = (ai - bi) * 0.5, oi = -((ar - br) * 0.5);
    const pr = or * wr + oi * nw, pi = oi * wr + or * wi;
    const fk = load<f64>(w + (<usize>k << 3)), fm = load<f64>(w + (<usize>(h - k) << 3));
    const xkr = (er + pr) * fk, xki = (ei + pi) * fk;              // w_k X_k
    const xmr = (er - pr) * fm, xmi = (-(ei - pi)) * fm;           // w_{h−k} X_{h−k}
    // inverse pre-processing (as realInverse)
    const cr = xkr, ci = xki, dr0 = xmr, di0 = -xmi;               // conj X_{h−k}
    const Er = (cr + dr0) * 0.5, Ei = (ci + di0) * 0.5;
    const Dr = (cr - dr0) * 0.5, Di = (ci - di0) * 0.5;
    const Or = Dr * wr - Di * nw, Oi = Di * wr - Dr * wi;
    store<f64>(b, Er + Oi); store<f64>(b, Or - Ei, 8);
    store<f64>(a, Er - Oi); store<f64>(a, Ei + Or, 8);
  }
  complexExec(sub, work, out, true);
}
