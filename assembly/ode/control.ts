// control.ts — scipy.integrate.solve_ivp's step-size control, constant for constant
// (scipy/integrate/_ivp/rk.py and common.py; Hairer–Nørsett–Wanner I, Sec. II.4):
//   scale_i = atol_i + max(|y_i|, |y_new,i|)·rtol           (|·| is the modulus for complex y)
//   RK45:   ‖err‖ = RMS( (Σ E_j K_j)·h / scale )
//   DOP853: e5 = ‖Σ E5_j K_j / scale‖₂², e3 = ‖Σ E3_j K_j / scale‖₂²,
//           ‖err‖ = |h|·e5 / sqrt((e5 + 0.01·e3)·n)
//   accept if ‖err‖ < 1: factor = min(10, 0.9·‖err‖^(−1/(q+1))) (10 if ‖err‖ = 0), ≤ 1 right after a rejection
//   reject otherwise:    factor = max(0.2, 0.9·‖err‖^(−1/(q+1)))
// Python's min/max keep the first argument unless the second compares smaller/larger, so a NaN error
// norm gives the factor 0.2; the helpers below reproduce that.

export const SAFETY: f64 = 0.9;
export const MIN_FACTOR: f64 = 0.2;
export const MAX_FACTOR: f64 = 10.0;

/** Python's max(a, b) for floats. */
// @ts-ignore: decorator
@inline export function pyMax(a: f64, b: f64): f64 { return b > a ? b : a; }
/** Python's min(a, b) for floats. */
// @ts-ignore: decorator
@inline export function pyMin(a: f64, b: f64): f64 { return b < a ? b : a; }

/** |y_i|: modulus of component i. Complex: √(re² + im²) (correctly rounded sqrt, ≤ 1 ulp from numpy's
 *  hypot; only the error scale uses it), with hypot where the squares would overflow or underflow. */
// @ts-ignore: decorator
@inline export function modulus(y: usize, i: i32, cplx: bool): f64 {
  if (cplx) {
    const re = load<f64>(y + (<usize>i << 4)), im = load<f64>(y + (<usize>i << 4), 8);
    const s = re * re + im * im;
    return s < 1e300 && s > 1e-300 ? Math.sqrt(s) : Math.hypot(re, im);
  }
  return Math.abs(load<f64>(y + (<usize>i << 3)));
}

/** Σ over components of |v_i / d_i|², as numpy's linalg.norm² (complex: Σre² + Σim²), d = divisor vector. */
export function sumSqScaled(v: usize, d: usize, n: i32, cplx: bool, mul: f64): f64 {
  let sr = 0.0, si = 0.0;
  if (cplx) {
    for (let i = 0; i < n; i++) {
      const di = load<f64>(d + (<usize>i << 3));
      const a = load<f64>(v + (<usize>i << 4)) * mul / di, b = load<f64>(v + (<usize>i << 4), 8) * mul / di;
      sr += a * a; si += b * b;
    }
    return sr + si;
  }
  for (let i = 0; i < n; i++) {
    const a = load<f64>(v + (<usize>i << 3)) * mul / load<f64>(d + (<usize>i << 3));
    sr += a * a;
  }
  return sr;
}

/** 10 × the spacing of doubles at t in the direction of integration (scipy's min_step). */
export function minStep(t: f64, dir: f64): f64 {
  return 10.0 * Math.abs(nextAfter(t, dir) - t);
}

/** numpy.nextafter(t, dir·∞). */
export function nextAfter(t: f64, dir: f64): f64 {
  if (isNaN(t)) return t;
  if (t == 0.0) return dir > 0 ? reinterpret<f64>(<u64>1) : -reinterpret<f64>(<u64>1);
  const b = reinterpret<u64>(t);
  const up = dir > 0;
  return reinterpret<f64>((t > 0) == up ? b + 1 : b - 1);
}
