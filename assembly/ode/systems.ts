// systems.ts — right-hand sides f(t, y) compiled into the module, selected by id with a parameter
// block, plus the bridge to a JavaScript callback. Every call counts one RHS evaluation (nfev).
//   LORENZ      y' = (σ(y1 − y0), y0(ρ − y2) − y1, y0·y1 − β·y2)                       p = [σ, ρ, β]
//   VANDERPOL   y' = (y1, μ(1 − y0²)·y1 − y0)                                            p = [μ]
//   ARENSTORF   restricted three-body problem, y = (x, y, x', y'), μ' = 1 − μ,
//               D1 = ((x + μ)² + y²)^{3/2}, D2 = ((x − μ')² + y²)^{3/2}
//               x'' = x + 2y' − μ'(x + μ)/D1 − μ(x − μ')/D2,  y'' = y − 2x' − μ'y/D1 − μy/D2      p = [μ]
//               (Hairer–Nørsett–Wanner I, Sec. II.0, eq. (0.1))
//   LINEAR      y' = A·y, A real n×n row-major                                           p = A
//   LINEAR_C    y' = A·y, complex A n×n interleaved [re, im] (complex state)             p = A
//   NLSE        Fourier-side NLSE (spectral/nlse_rhs.ts)                                  p = [context pointer]

import { nlseRhs } from "../spectral/nlse_rhs";

export const SYS_JS: i32 = 0;
export const SYS_LORENZ: i32 = 1;
export const SYS_VANDERPOL: i32 = 2;
export const SYS_ARENSTORF: i32 = 3;
export const SYS_LINEAR: i32 = 4;
export const SYS_LINEAR_C: i32 = 5;
/** The NLSE in Fourier space (assembly/spectral/nlse_rhs.ts); p[0] holds the context pointer. */
export const SYS_NLSE: i32 = 6;

// @ts-ignore: decorator
@external("env", "odeRhsJs")
declare function odeRhsJs(handle: i32, t: f64): void;

/** Lorenz, inlined into the stepper's call site (the hot demo system). */
// @ts-ignore: decorator
@inline export function lorenz(p: usize, y: usize, dy: usize): void {
  const y0 = load<f64>(y), y1 = load<f64>(y, 8), y2 = load<f64>(y, 16);
  store<f64>(dy, load<f64>(p) * (y1 - y0));
  store<f64>(dy, y0 * (load<f64>(p, 8) - y2) - y1, 8);
  store<f64>(dy, y0 * y1 - load<f64>(p, 16) * y2, 16);
}

/** Arenstorf, inlined into the stepper's call site too. */
// @ts-ignore: decorator
@inline export function arenstorf(p: usize, y: usize, dy: usize): void {
  const mu = load<f64>(p), mup = 1.0 - mu;
  const x = load<f64>(y), yy = load<f64>(y, 8), vx = load<f64>(y, 16), vy = load<f64>(y, 24);
  const r1 = (x + mu) * (x + mu) + yy * yy, r2 = (x - mup) * (x - mup) + yy * yy;
  const d1 = r1 * Math.sqrt(r1), d2 = r2 * Math.sqrt(r2);
  store<f64>(dy, vx);
  store<f64>(dy, vy, 8);
  store<f64>(dy, x + 2.0 * vy - mup * (x + mu) / d1 - mu * (x - mup) / d2, 16);
  store<f64>(dy, yy - 2.0 * vx - mup * yy / d1 - mu * yy / d2, 24);
}

/** Evaluates system `sys` (n components; N doubles) at (t, y) into dy. `cbY`/`cbDy` stage the JS bridge. */
export function evalRhs(sys: i32, handle: i32, p: usize, n: i32, N: i32, t: f64, y: usize, dy: usize, cbY: usize, cbDy: usize): void {
  if (sys == SYS_LORENZ) {
    lorenz(p, y, dy);
  } else if (sys == SYS_VANDERPOL) {
    const y0 = load<f64>(y), y1 = load<f64>(y, 8);
    store<f64>(dy, y1);
    store<f64>(dy, load<f64>(p) * (1.0 - y0 * y0) * y1 - y0, 8);
  } else if (sys == SYS_ARENSTORF) {
    arenstorf(p, y, dy);
  } else if (sys == SYS_NLSE) {
    nlseRhs(<usize>load<f64>(p), y, dy);
  } else if (sys == SYS_LINEAR) {
    for (let i = 0; i < n; i++) {
      const row = p + ((<usize>i * <usize>n) << 3);
      let s = 0.0;
      for (let j = 0; j < n; j++) s += load<f64>(row + (<usize>j << 3)) * load<f64>(y + (<usize>j << 3));
      store<f64>(dy + (<usize>i << 3), s);
    }
  } else if (sys == SYS_LINEAR_C) {
    for (let i = 0; i < n; i++) {
      const row = p + ((<usize>i * <usize>n) << 4);
      let sr = 0.0, si = 0.0;
      for (let j = 0; j < n; j++) {
        const ar = load<f64>(row + (<usize>j << 4)), ai = load<f64>(row + (<usize>j << 4), 8);
        const yr = load<f64>(y + (<usize>j << 4)), yi = load<f64>(y + (<usize>j << 4), 8);
        sr += ar * yr - ai * yi;
        si += ar * yi + ai * yr;
      }
      store<f64>(dy + (<usize>i << 4), sr);
      store<f64>(dy + (<usize>i << 4), si, 8);
    }
  } else {
    memory.copy(cbY, y, <usize>N << 3);
    odeRhsJs(handle, t);
    memory.copy(dy, cbDy, <usize>N << 3);
  }
}
