// nlse_diag.ts — spectral invariants of  i ψ_t + β ψ_xx + γ|ψ|²ψ = 0  from the Fourier-side state v = s·FFT(ψ):
//   M = ∫|ψ|² dx = (dx/N) Σ|ĉ|²,   P = ∫ Im(ψ* ψ_x) dx = (dx/N) Σ k|ĉ|²  (the correct sign: +2Av for a soliton),
//   H = β∫|ψ_x|² dx − (γ/2)∫|ψ|⁴ dx = β(dx/N)Σ k²|ĉ|² − (γ/2) dx Σ|ψ_j|⁴,   ĉ = v/s  (Parseval; ψ_x exact).
// Also ψ = IFFT(v)/s into x space and v = s·FFT(ψ) back.

import { Nlse } from "./nlse_ctx";
import { complexExec } from "../fft/complex";

export function nlseInvariants(p: usize, v: usize, out: usize): void {
  const c = changetype<Nlse>(p);
  const n = c.n;
  const dx = c.L / <f64>n;
  const is = 1.0 / c.scale;
  let s0 = 0.0, s1 = 0.0, s2 = 0.0;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 4;
    const re = load<f64>(v + o) * is, im = load<f64>(v + o, 8) * is;
    const a = re * re + im * im, k = load<f64>(c.k + (<usize>j << 3));
    s0 += a; s1 += k * a; s2 += k * k * a;
  }
  complexExec(c.plan, v, c.buf3, true);
  let s4 = 0.0;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 4;
    const re = load<f64>(c.buf3 + o) * is, im = load<f64>(c.buf3 + o, 8) * is;
    const a = re * re + im * im;
    s4 += a * a;
  }
  const f = dx / <f64>n;
  store<f64>(out, f * s0);
  store<f64>(out, f * s1, 8);
  store<f64>(out, c.beta * f * s2 - 0.5 * c.gamma * dx * s4, 16);
}

/** psi = IFFT(v)/s. */
export function nlseToPhysical(p: usize, v: usize, psi: usize): void {
  const c = changetype<Nlse>(p);
  complexExec(c.plan, v, psi, true);
  if (c.scale != 1.0) {
    const is = 1.0 / c.scale;
    for (let j = 0; j < 2 * c.n; j++) store<f64>(psi + (<usize>j << 3), load<f64>(psi + (<usize>j << 3)) * is);
  }
}

/** v = s·FFT(psi). */
export function nlseToSpectral(p: usize, psi: usize, v: usize): void {
  const c = changetype<Nlse>(p);
  complexExec(c.plan, psi, v, false);
  if (c.scale != 1.0) {
    for (let j = 0; j < 2 * c.n; j++) store<f64>(v + (<usize>j << 3), load<f64>(v + (<usize>j << 3)) * c.scale);
  }
}

/** max_j |a_j − b_j| over two interleaved complex fields of n points. */
export function maxAbsDiff(a: usize, b: usize, n: i32): f64 {
  let m = 0.0;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 4;
    const dr = load<f64>(a + o) - load<f64>(b + o), di = load<f64>(a + o, 8) - load<f64>(b + o, 8);
    m = Math.max(m, Math.sqrt(dr * dr + di * di));
  }
  return m;
}
