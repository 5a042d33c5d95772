// nlse_ctx.ts — the spectral context of  i ψ_t + β ψ_xx + γ |ψ|² ψ = 0  on a periodic grid
// x_j = −L/2 + jL/N: wavenumbers k = 2π·fftfreq(N, L/N) (numpy order), k², the filter σ(k), an FFT plan
// of size N and scratch buffers, allocated once. Fourier side: ĉ = FFT(ψ) (unnormalised, numpy) or, with
// `scale` = 1/N, the amplitudes u = ĉ/N (the corrected mode's state, so that atol acts on O(|ψ|) numbers).

import { complexPlanCreate, complexPlanFree, allocZero } from "../fft/complex";

// @ts-ignore: decorator
@unmanaged
export class Nlse {
  n: i32;
  L: f64; beta: f64; gamma: f64;
  /** state = scale · FFT(ψ): 1 (seed's ĉ) or 1/N (corrected u) */
  scale: f64;
  /** 1: apply σ inside the RHS twice, as the seed does */
  filterInRhs: i32;
  plan: usize;
  k: usize; k2: usize; sigma: usize;
  buf: usize; buf2: usize; buf3: usize;
  /** per bin, as lane pairs for the RHS: [βk², −βk²] and [σ, σ] (16 bytes each) */
  disp: usize; sig2: usize;
}

const TWO_PI: f64 = 6.283185307179586;

export function nlseCreate(n: i32, L: f64, beta: f64, gamma: f64): usize {
  const c = changetype<Nlse>(allocZero(offsetof<Nlse>()));
  c.n = n; c.L = L; c.beta = beta; c.gamma = gamma; c.scale = 1.0;
  c.plan = complexPlanCreate(n, false);
  c.k = allocZero(<usize>n << 3);
  c.k2 = allocZero(<usize>n << 3);
  c.sigma = allocZero(<usize>n << 3);
  c.buf = allocZero(<usize>n << 4);
  c.buf2 = allocZero(<usize>n << 4);
  c.buf3 = allocZero(<usize>n << 4);
  c.disp = allocZero(<usize>n << 4);
  c.sig2 = allocZero(<usize>n << 4);
  // numpy: fftfreq(n, d) = [0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋, …, −1] · (1/(n·d)), then k = 2π · that
  const dx = L / <f64>n;
  const val = 1.0 / (<f64>n * dx);
  const half = (n - 1) / 2 + 1;
  for (let j = 0; j < n; j++) {
    const m = j < half ? j : j - n;
    const kk = TWO_PI * (<f64>m * val);
    store<f64>(c.k + (<usize>j << 3), kk);
    store<f64>(c.k2 + (<usize>j << 3), kk * kk);
    store<f64>(c.sigma + (<usize>j << 3), 1.0);
    const w = beta * (kk * kk);
    store<f64>(c.disp + (<usize>j << 4), w);
    store<f64>(c.disp + (<usize>j << 4), -w, 8);
    store<f64>(c.sig2 + (<usize>j << 4), 1.0);
    store<f64>(c.sig2 + (<usize>j << 4), 1.0, 8);
  }
  return changetype<usize>(c);
}

export function nlseFree(p: usize): void {
  const c = changetype<Nlse>(p);
  complexPlanFree(c.plan);
  heap.free(c.k); heap.free(c.k2); heap.free(c.sigma);
  heap.free(c.buf); heap.free(c.buf2); heap.free(c.buf3);
  heap.free(c.disp); heap.free(c.sig2);
  heap.free(p);
}

/**
 * Filter σ(k): kind 0 none (σ = 1); 1 sharp 2/3 rule (σ = 1 for |k| ≤ k_max, else 0); 2 exponential
 * σ = exp(−α (|k|/k_max)^order), k_max = (2/3)·π/dx = 2πN/(3L) (the seed's α = order = 36).
 * `inRhs` = 1 applies it inside the right-hand side (the seed's parity mode); otherwise callers apply it
 * as a projection/damping after each step (nlseApplyFilter).
 */
export function nlseSetFilter(p: usize, kind: i32, alpha: f64, order: f64, inRhs: i32): void {
  const c = changetype<Nlse>(p);
  const kmax = TWO_PI * <f64>c.n / (3.0 * c.L);
  for (let j = 0; j < c.n; j++) {
    const a = Math.abs(load<f64>(c.k + (<usize>j << 3)));
    let s = 1.0;
    if (kind == 1) s = a <= kmax ? 1.0 : 0.0;
    else if (kind == 2) s = Math.exp(-alpha * Math.pow(a / kmax, order));
    store<f64>(c.sigma + (<usize>j << 3), s);
    store<f64>(c.sig2 + (<usize>j << 4), s);
    store<f64>(c.sig2 + (<usize>j << 4), s, 8);
  }
  c.filterInRhs = kind != 0 && inRhs != 0 ? 1 : 0;
}

export function nlseSetScale(p: usize, scale: f64): void {
  changetype<Nlse>(p).scale = scale;
}

/** v ← σ ⊙ v (Fourier-side state). */
export function nlseApplyFilter(p: usize, v: usize): void {
  const c = changetype<Nlse>(p);
  for (let j = 0; j < c.n; j++) {
    const s = load<f64>(c.sigma + (<usize>j << 3)), o = <usize>j << 4;
    store<f64>(v + o, load<f64>(v + o) * s);
    store<f64>(v + o, load<f64>(v + o, 8) * s, 8);
  }
}

export function nlseK(p: usize): usize { return changetype<Nlse>(p).k; }
export function nlseSigma(p: usize): usize { return changetype<Nlse>(p).sigma; }
