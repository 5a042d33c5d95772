// split_step.ts — symplectic split-step Fourier steppers for  i ψ_t + β ψ_xx + γ|ψ|²ψ = 0.
//   linear flow  L(τ): v ← e^{−iβk²τ} v   (exact, diagonal in Fourier space)
//   nonlinear    N(τ): ψ ← ψ e^{iγ|ψ|²τ}   (exact: |ψ| is constant under it)
// Strang S(h) = L(h/2) N(h) L(h/2) (order 2). Composition S(w_1 h) ⋯ S(w_s h) with symmetric weights gives
// order 4 (Yoshida 1990 / Forest–Ruth: w = (x1, x0, x1), x1 = 1/(2 − 2^{1/3}), x0 = 1 − 2x1) and order 6
// (Yoshida 1990, solution A, 7 stages; or Kahan–Li s9odr6a, 9 stages). Adjacent half steps are merged, so one step costs s FFT pairs.
// The state stays on the Fourier side between steps; the filter (if any) is applied after each step.

import { Nlse } from "./nlse_ctx";
import { complexExec, allocZero } from "../fft/complex";
import { sinK, cosK } from "./sincos";
import { yoshidaStages, yoshidaWeights } from "./yoshida";

// @unmanaged plan: scheme weights and the precomputed linear phase factors
// @ts-ignore: decorator
@unmanaged
export class Split {
  ctx: usize;
  stages: i32;
  dt: f64;
  /** stages + 1 phase arrays (complex n each): L(c_0 h), …, L(c_s h) */
  phases: usize;
  weights: usize;
  filter: i32;
}

/** scheme: 2 Strang, 4 Yoshida-4, 6 Yoshida-6, 16 Kahan–Li 6 (yoshida.ts). */
export function splitCreate(ctxp: usize, scheme: i32, dt: f64, filter: i32): usize {
  const c = changetype<Nlse>(ctxp);
  const sp = changetype<Split>(allocZero(offsetof<Split>()));
  sp.ctx = ctxp; sp.dt = dt; sp.filter = filter;
  const s = yoshidaStages(scheme);
  sp.stages = s;
  sp.weights = yoshidaWeights(scheme);
  const w = sp.weights;
  // linear sub-steps: c_0 = w_1/2, c_i = (w_i + w_{i+1})/2, c_s = w_s/2
  sp.phases = allocZero(<usize>(s + 1) * (<usize>c.n << 4));
  for (let i = 0; i <= s; i++) {
    let ci: f64;
    if (i == 0) ci = load<f64>(w) / 2.0;
    else if (i == s) ci = load<f64>(w + (<usize>(s - 1) << 3)) / 2.0;
    else ci = (load<f64>(w + (<usize>(i - 1) << 3)) + load<f64>(w + (<usize>i << 3))) / 2.0;
    const ph = sp.phases + <usize>i * (<usize>c.n << 4);
    for (let j = 0; j < c.n; j++) {
      const th = -c.beta * load<f64>(c.k2 + (<usize>j << 3)) * ci * dt;
      store<f64>(ph + (<usize>j << 4), Math.cos(th));
      store<f64>(ph + (<usize>j << 4), Math.sin(th), 8);
    }
  }
  return changetype<usize>(sp);
}

export function splitFree(p: usize): void {
  const sp = changetype<Split>(p);
  heap.free(sp.phases); heap.free(sp.weights); heap.free(p);
}

function mulPhase(v: usize, ph: usize, n: i32): void {
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 4;
    const a = load<f64>(v + o), b = load<f64>(v + o, 8), c = load<f64>(ph + o), s = load<f64>(ph + o, 8);
    store<f64>(v + o, a * c - b * s);
    store<f64>(v + o, a * s + b * c, 8);
  }
}

function nonlinear(c: Nlse, v: usize, tau: f64): void {
  const n = c.n;
  complexExec(c.plan, v, c.buf2, true);
  const is = 1.0 / c.scale, g = c.gamma * tau * is * is;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 4;
    const a = load<f64>(c.buf2 + o), b = load<f64>(c.buf2 + o, 8);
    const th = g * (a * a + b * b);
    const co = cosK(th), si = sinK(th);            // = Math.cos/Math.sin bit for bit, inlined
    store<f64>(c.buf2 + o, a * co - b * si);
    store<f64>(c.buf2 + o, a * si + b * co, 8);
  }
  complexExec(c.plan, c.buf2, v, false);
}

/** Advances the Fourier-side state v by `steps` steps of dt. */
export function splitRun(p: usize, v: usize, steps: i32): void {
  const sp = changetype<Split>(p);
  const c = changetype<Nlse>(sp.ctx);
  const n = c.n, s = sp.stages, bytes = <usize>n << 4;
  for (let k = 0; k < steps; k++) {
    mulPhase(v, sp.phases, n);
    for (let i = 0; i < s; i++) {
      nonlinear(c, v, load<f64>(sp.weights + (<usize>i << 3)) * sp.dt);
      mulPhase(v, sp.phases + <usize>(i + 1) * bytes, n);
    }
    if (sp.filter) {
      for (let j = 0; j < n; j++) {
        const sg = load<f64>(c.sigma + (<usize>j << 3)), o = <usize>j << 4;
        store<f64>(v + o, load<f64>(v + o) * sg);
        store<f64>(v + o, load<f64>(v + o, 8) * sg, 8);
      }
    }
  }
}
