// cplx.ts — complex arithmetic on one interleaved complex per v128 lane pair [re, im].
//
// Twiddles are stored pre-splatted as [wr, wr] and [-wi, wi] (see cis.ts), so
//   a·w       = a·[wr,wr] + swap(a)·[-wi,wi]   = [ar·wr − ai·wi, ai·wr + ar·wi]
//   a·conj(w) = a·[wr,wr] − swap(a)·[-wi,wi]   = [ar·wr + ai·wi, ai·wr − ar·wi]
// The scalar build (ASC_FEATURE_SIMD false) performs the very same IEEE operations lane by lane,
// which is why the SIMD and scalar binaries agree bit for bit (no FMA anywhere).

// @ts-ignore: decorator
@inline export function swap(a: v128): v128 {
  return v128.shuffle<f64>(a, a, 1, 0);
}

/** j·a = [-ai, ar]: swap, then flip the sign bit of lane 0 (exactly what scalar `-x` does). */
// @ts-ignore: decorator
@inline export function mulj(a: v128): v128 {
  return v128.xor(swap(a), i64x2(-9223372036854775808, 0));
}

/** conj(a) = [ar, -ai]. */
// @ts-ignore: decorator
@inline export function conjv(a: v128): v128 {
  return v128.xor(a, i64x2(0, -9223372036854775808));
}

/** a·w (inv false) or a·conj(w) (inv true) with w given as its splatted pair (wr, wi). */
// @ts-ignore: decorator
@inline export function cmulv(a: v128, wr: v128, wi: v128, inv: bool): v128 {
  return inv
    ? f64x2.sub(f64x2.mul(a, wr), f64x2.mul(swap(a), wi))
    : f64x2.add(f64x2.mul(a, wr), f64x2.mul(swap(a), wi));
}

/** Stores v, or v·w / v·conj(w) with w read pre-splatted at t, optionally times sc. */
// @ts-ignore: decorator
@inline export function storeTwV(yp: usize, v: v128, t: usize, inv: bool, twiddled: bool, scaled: bool, sc: v128): void {
  if (twiddled) v = cmulv(v, v128.load(t), v128.load(t, 16), inv);
  if (scaled) v = f64x2.mul(v, sc);
  v128.store(yp, v);
}

/** Scalar twin of storeTwV: identical IEEE operations on (re, im). */
// @ts-ignore: decorator
@inline export function storeTwS(yp: usize, re: f64, im: f64, t: usize, inv: bool, twiddled: bool, scaled: bool, sc: f64): void {
  if (twiddled) {
    const wr = load<f64>(t), nw = load<f64>(t, 16), wi = load<f64>(t, 24);
    const u = re;
    if (inv) { re = u * wr - im * nw; im = im * wr - u * wi; }
    else { re = u * wr + im * nw; im = im * wr + u * wi; }
  }
  if (scaled) { re *= sc; im *= sc; }
  store<f64>(yp, re);
  store<f64>(yp, im, 8);
}

// √½ as an unevaluated sum H + HL: the products t·H + t·HL round to nearest of t·√½ without the one-sided bias
// of the rounded constant alone (H > √½ by 7e-17 relative), which would otherwise grow a split-step run's mass
// by ~1e-12 over 10⁴ transforms (used by the generated codelets/).
export const H: f64 = 0.7071067811865476;
export const HL: f64 = -4.833646656726457e-17;
