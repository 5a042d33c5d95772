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
    if (ASC_FEATURE_SIMD) {
      // lane 0 accumulates the real parts, lane 1 the imaginary parts: the scalar loop's sr and si
      const mm = f64x2.splat(mul);
      let acc = f64x2.splat(0.0);
      for (let i = 0; i < n; i++) {
        const x = f64x2.div(f64x2.mul(v128.load(v + (<usize>i << 4)), mm), f64x2.splat(load<f64>(d + (<usize>i << 3))));
        acc = f64x2.add(acc, f64x2.mul(x, x));
      }
      return f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
    }
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

/** scale_i = atol_i + max(|y_i|, |y_new,i|)·rtol_i for i < n (np.maximum: NaN wins); rtol_i = rtolv[i] if rtolv ≠ 0. */
export function fillScale(scale: usize, atol: usize, y: usize, yNew: usize, n: i32, cplx: bool, rtol: f64, rtolv: usize = 0): void {
  let i = 0;
  if (rtolv) {
    // one rtol per component: the scalar rule in both builds (so they stay bit-identical)
    for (; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(scale + o, load<f64>(atol + o) + Math.max(modulus(y, i, cplx), modulus(yNew, i, cplx)) * load<f64>(rtolv + o));
    }
    return;
  }
  if (ASC_FEATURE_SIMD && cplx) {
    // two components per iteration; the √ of both when every square is in range, else the scalar rule
    const rr = f64x2.splat(rtol);
    for (; i + 1 < n; i += 2) {
      const o = <usize>i << 4;
      const a0 = v128.load(y + o), a1 = v128.load(y + o, 16);
      const b0 = v128.load(yNew + o), b1 = v128.load(yNew + o, 16);
      const qa0 = f64x2.mul(a0, a0), qa1 = f64x2.mul(a1, a1), qb0 = f64x2.mul(b0, b0), qb1 = f64x2.mul(b1, b1);
      const sa = f64x2.add(v128.shuffle<f64>(qa0, qa1, 0, 2), v128.shuffle<f64>(qa0, qa1, 1, 3));
      const sb = f64x2.add(v128.shuffle<f64>(qb0, qb1, 0, 2), v128.shuffle<f64>(qb0, qb1, 1, 3));
      const hi = f64x2.splat(1e300), lo = f64x2.splat(1e-300);
      const ok = v128.and(v128.and(f64x2.lt(sa, hi), f64x2.gt(sa, lo)), v128.and(f64x2.lt(sb, hi), f64x2.gt(sb, lo)));
      const so = <usize>i << 3;
      if (i64x2.all_true(ok)) {
        const m = f64x2.max(f64x2.sqrt(sa), f64x2.sqrt(sb));
        v128.store(scale + so, f64x2.add(v128.load(atol + so), f64x2.mul(m, rr)));
      } else {
        store<f64>(scale + so, load<f64>(atol + so) + Math.max(modulus(y, i, true), modulus(yNew, i, true)) * rtol);
        store<f64>(scale + so, load<f64>(atol + so, 8) + Math.max(modulus(y, i + 1, true), modulus(yNew, i + 1, true)) * rtol, 8);
      }
    }
  }
  for (; i < n; i++) {
    store<f64>(scale + (<usize>i << 3), load<f64>(atol + (<usize>i << 3)) + Math.max(modulus(y, i, cplx), modulus(yNew, i, cplx)) * rtol);
  }
}
