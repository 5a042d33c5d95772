/**
 * Physics checks the seed never made.
 *   predictedShifts   two-soliton collision (nlse.md §2.2): Δv = |v1 − v2|, R = (Δv² + (A1+A2)²)/(Δv² + (A1−A2)²),
 *                     δx1 = +ln R/A1, δx2 = −ln R/A2, δφ1 = 2 arg[(Δv + i(A1+A2))/(Δv + i(A1−A2))],
 *                     δφ2 = 2 arg[(Δv + i(A1+A2))/(Δv + i(A2−A1))]
 *   collisionShifts   measured from one snapshot after the collision: each soliton's centre is the |ψ|²
 *                     centroid in a window of ±6/A around its free position (periodic-aware), its phase
 *                     arg ψ(x_c) from the trigonometric interpolant of the grid values, both compared with the
 *                     free motion x_j + v_j t and v_j x + (A_j² − v_j²) t/2.
 *   growthRate        modulation-instability growth: least-squares slope of ln|ĉ_m(t)| (the perturbed mode) over
 *                     the snapshots in the linear regime; theory g(K) = (|K|/2)√(4a² − K²) for β = ½, γ = 1.
 */
import * as W from "../../analysis/wmath.js";
import { fft as fftNs } from "../../api-fft.js";

/** Two-soliton parameters (as in the two_soliton case options): amplitudes A1, A2, centres x1, x2, velocities v1, v2. */
export interface SolitonParams {
  /** Amplitude of soliton 1 (> 0). */
  A1: number;
  /** Amplitude of soliton 2 (> 0). */
  A2: number;
  /** Initial centre of soliton 1. */
  x1: number;
  /** Initial centre of soliton 2. */
  x2: number;
  /** Velocity of soliton 1. */
  v1: number;
  /** Velocity of soliton 2 (≠ v1). */
  v2: number;
}

/**
 * Position and phase shifts of two solitons after their collision, from the inverse-scattering formula
 * (R = (Δv² + (A1+A2)²)/(Δv² + (A1−A2)²), δx1 = ln R/A1, δx2 = −ln R/A2). Equal velocities give a non-finite
 * result (no collision).
 *
 * @example
 * nlse.predictedShifts({ A1: 2, A2: 1.5, x1: -10, x2: 10, v1: 2, v2: -2 });   // { dx1, dx2, dphi1, dphi2 }
 */
export function predictedShifts(p: SolitonParams) {
  const dv = Math.abs(p.v1 - p.v2), sp = p.A1 + p.A2, sm = p.A1 - p.A2;
  const R = (dv * dv + sp * sp) / (dv * dv + sm * sm), lnR = W.log(R);
  const arg = (ar: number, ai: number, br: number, bi: number) => W.atan2(ai * br - ar * bi, ar * br + ai * bi);
  return { dx1: lnR / p.A1, dx2: -lnR / p.A2, dphi1: 2 * arg(dv, sp, dv, sm), dphi2: 2 * arg(dv, sp, dv, -sm) };
}

const wrap = (a: number) => { let v = a % (2 * Math.PI); if (v > Math.PI) v -= 2 * Math.PI; if (v <= -Math.PI) v += 2 * Math.PI; return v; };

/** ψ(x) from the grid values by the trigonometric (Fourier) interpolant, x_j = −L/2 + jL/N. */
function interpolate(psi: Float64Array, L: number, x: number): [number, number] {
  const N = psi.length / 2, c = fftNs.fft(psi);
  let re = 0, im = 0;
  for (let j = 0; j < N; j++) {
    const m = j < (N + 1) / 2 ? j : j - N;
    const th = (2 * Math.PI * m * (x + L / 2)) / L;
    const co = W.cos(th), si = W.sin(th);
    re += c[2 * j] * co - c[2 * j + 1] * si;
    im += c[2 * j] * si + c[2 * j + 1] * co;
  }
  return [re / N, im / N];
}

/**
 * Measured collision shifts at time t (a snapshot after the collision, before any second one).
 *
 * @example
 * const s = nlse.collisionShifts(psi, x, 11, { A1: 2, A2: 1.5, x1: -10, x2: 10, v1: 2, v2: -2 });
 */
export function collisionShifts(psi: Float64Array, x: ArrayLike<number>, t: number, p: SolitonParams) {
  const N = psi.length / 2, L = (x[1] - x[0]) * N;
  const centre = (xf: number, A: number) => {
    let sw = 0, sx = 0;
    for (let j = 0; j < N; j++) {
      let d = x[j] - xf;
      d -= L * Math.round(d / L);
      if (Math.abs(d) > 6 / A) continue;
      const w = psi[2 * j] ** 2 + psi[2 * j + 1] ** 2;
      sw += w; sx += w * d;
    }
    return xf + sx / sw;
  };
  const one = (A: number, x0: number, v: number) => {
    let free = x0 + v * t;
    free -= L * Math.round(free / L);
    const xc = centre(free, A);
    const [re, im] = interpolate(psi, L, xc);
    return { dx: xc - free, dphi: wrap(W.atan2(im, re) - (v * xc + ((A * A - v * v) * t) / 2)) };
  };
  const s1 = one(p.A1, p.x1, p.v1), s2 = one(p.A2, p.x2, p.v2);
  return { dx1: s1.dx, dx2: s2.dx, dphi1: s1.dphi, dphi2: s2.dphi, predicted: predictedShifts(p) };
}

/**
 * Growth rate of Fourier mode m from snapshots: slope of ln|ĉ_m| vs t over samples with |ĉ_m|/N in
 * [lo, hi] (default 1e-5 … 1e-2, the linear regime for ε ~ 1e-6).
 *
 * @example
 * nlse.growthRate(sum.t, psiSnapshots, 11);
 */
export function growthRate(t: ArrayLike<number>, psi: Float64Array[], mode: number, o: { lo?: number; hi?: number } = {}) {
  const lo = o.lo ?? 1e-5, hi = o.hi ?? 1e-2;
  const ts: number[] = [], ys: number[] = [];
  psi.forEach((f, i) => {
    const N = f.length / 2, c = fftNs.fft(f);
    const amp = Math.sqrt(c[2 * mode] ** 2 + c[2 * mode + 1] ** 2) / N;
    if (amp >= lo && amp <= hi) { ts.push(t[i]); ys.push(W.log(amp)); }
  });
  if (ts.length < 3) throw new RangeError(`nlse.growthRate: fewer than 3 snapshots have the mode amplitude in [${lo}, ${hi}]; widen lo/hi or the time range`);
  const mt = ts.reduce((a, b) => a + b, 0) / ts.length, my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0, sxx = 0;
  ts.forEach((v, i) => { sxy += (v - mt) * (ys[i] - my); sxx += (v - mt) ** 2; });
  return { rate: sxy / sxx, samples: ts.length };
}
