// radix8.ts — the twiddle-free last radix-8 Stockham pass (n0 = 8, m = 1), used for n = 2^odd ≤ 512 in place of
// a radix-4 and a radix-2 pass (docs/fft.md: radix 8 throughout was measured slower). With s = n/8, for q < s:
//   x_k = x[q + s·k], k = 0..7,   y[q + s·k] = X_k
// where X is the 8-point DFT of x, done as one radix-2 step and two 4-point DFTs:
//   a_j = x_j + x_{j+4},  b_j = ω^j (x_j − x_{j+4})   (ω = e^{−2πi/8}, j = 0..3)
//   X_{2k} = DFT4(a)_k,   X_{2k+1} = DFT4(b)_k
// ω·d = √½·(d − j·d), ω²·d = −j·d, ω³·d = −j·(ω·d); the inverse conjugates every root.

import { mulj, swap } from "./cplx";

// √½ as an unevaluated sum H + HL: the products t·H + t·HL round to nearest of t·√½ without the
// one-sided bias of the rounded constant alone (H > √½ by 7e-17 relative), which would otherwise
// grow a split-step run's mass by ~1e-12 over 10⁴ transforms.
const H: f64 = 0.7071067811865476;
const HL: f64 = -4.833646656726457e-17;

/** y = the 8-point DFTs of x (stride s), times `scale` when `inv` (the inverse's 1/n). */
export function last8(x: usize, y: usize, s: i32, inv: bool, scale: f64): void {
  if (ASC_FEATURE_SIMD) {
    if (inv) loop8v(x, y, s, true, scale); else loop8v(x, y, s, false, 1.0);
  } else {
    if (inv) loop8s(x, y, s, true, scale); else loop8s(x, y, s, false, 1.0);
  }
}

// ---------------------------------------------------------------- SIMD (f64x2, one complex per v128)

/** −j·v = [vi, −vr] (forward) or +j·v = [−vi, vr] (inverse): a swap and a sign flip, exact. */
// @ts-ignore: decorator
@inline function rotv(v: v128, inv: bool): v128 {
  return inv ? mulj(v) : v128.xor(swap(v), i64x2(0, -9223372036854775808));
}

// @ts-ignore: decorator
@inline function bf8v(xp: usize, yp: usize, sm: usize, inv: bool, scaled: bool, sc: v128): void {
  const ys = sm;
  const h = f64x2.splat(H), hl = f64x2.splat(HL);
  const x0 = v128.load(xp), x4 = v128.load(xp + 4 * sm);
  const x1 = v128.load(xp + sm), x5 = v128.load(xp + 5 * sm);
  const x2 = v128.load(xp + 2 * sm), x6 = v128.load(xp + 6 * sm);
  const x3 = v128.load(xp + 3 * sm), x7 = v128.load(xp + 7 * sm);
  const a0 = f64x2.add(x0, x4), b0 = f64x2.sub(x0, x4);
  const a1 = f64x2.add(x1, x5), d1 = f64x2.sub(x1, x5);
  const a2 = f64x2.add(x2, x6), d2 = f64x2.sub(x2, x6);
  const a3 = f64x2.add(x3, x7), d3 = f64x2.sub(x3, x7);
  const t1 = f64x2.add(d1, rotv(d1, inv)), t3 = f64x2.add(d3, rotv(d3, inv));
  const b1 = f64x2.add(f64x2.mul(t1, h), f64x2.mul(t1, hl));
  const b2 = rotv(d2, inv);
  const b3 = rotv(f64x2.add(f64x2.mul(t3, h), f64x2.mul(t3, hl)), inv);
  // even outputs: DFT4(a)
  let apc = f64x2.add(a0, a2), amc = f64x2.sub(a0, a2);
  let bpd = f64x2.add(a1, a3), jbmd = mulj(f64x2.sub(a1, a3));
  let y0 = f64x2.add(apc, bpd), y4 = f64x2.sub(apc, bpd);
  let y2 = inv ? f64x2.add(amc, jbmd) : f64x2.sub(amc, jbmd);
  let y6 = inv ? f64x2.sub(amc, jbmd) : f64x2.add(amc, jbmd);
  // odd outputs: DFT4(b)
  apc = f64x2.add(b0, b2); amc = f64x2.sub(b0, b2);
  bpd = f64x2.add(b1, b3); jbmd = mulj(f64x2.sub(b1, b3));
  let y1 = f64x2.add(apc, bpd), y5 = f64x2.sub(apc, bpd);
  let y3 = inv ? f64x2.add(amc, jbmd) : f64x2.sub(amc, jbmd);
  let y7 = inv ? f64x2.sub(amc, jbmd) : f64x2.add(amc, jbmd);
  if (scaled) {
    y0 = f64x2.mul(y0, sc); y1 = f64x2.mul(y1, sc); y2 = f64x2.mul(y2, sc); y3 = f64x2.mul(y3, sc);
    y4 = f64x2.mul(y4, sc); y5 = f64x2.mul(y5, sc); y6 = f64x2.mul(y6, sc); y7 = f64x2.mul(y7, sc);
  }
  v128.store(yp, y0); v128.store(yp + ys, y1);
  v128.store(yp + 2 * ys, y2); v128.store(yp + 3 * ys, y3);
  v128.store(yp + 4 * ys, y4); v128.store(yp + 5 * ys, y5);
  v128.store(yp + 6 * ys, y6); v128.store(yp + 7 * ys, y7);
}

// @ts-ignore: decorator
@inline function loop8v(x: usize, y: usize, s: i32, inv: bool, scale: f64): void {
  const sc = f64x2.splat(scale);
  const ss = <usize>s << 4;
  let xp = x, yp = y;
  const xe = x + ss;
  while (xp < xe) {
    bf8v(xp, yp, ss, inv, inv, sc);
    xp += 16; yp += 16;
  }
}

// ---------------------------------------------------------------- scalar (same operations per lane)

// @ts-ignore: decorator
@inline function put(yp: usize, re: f64, im: f64, scaled: bool, sc: f64): void {
  if (scaled) { re *= sc; im *= sc; }
  store<f64>(yp, re);
  store<f64>(yp, im, 8);
}

// @ts-ignore: decorator
@inline function bf8s(xp: usize, yp: usize, sm: usize, inv: bool, scaled: bool, sc: f64): void {
  const ys = sm;
  const x0r = load<f64>(xp), x0i = load<f64>(xp, 8);
  const x1r = load<f64>(xp + sm), x1i = load<f64>(xp + sm, 8);
  const x2r = load<f64>(xp + 2 * sm), x2i = load<f64>(xp + 2 * sm, 8);
  const x3r = load<f64>(xp + 3 * sm), x3i = load<f64>(xp + 3 * sm, 8);
  const x4r = load<f64>(xp + 4 * sm), x4i = load<f64>(xp + 4 * sm, 8);
  const x5r = load<f64>(xp + 5 * sm), x5i = load<f64>(xp + 5 * sm, 8);
  const x6r = load<f64>(xp + 6 * sm), x6i = load<f64>(xp + 6 * sm, 8);
  const x7r = load<f64>(xp + 7 * sm), x7i = load<f64>(xp + 7 * sm, 8);
  const a0r = x0r + x4r, a0i = x0i + x4i, b0r = x0r - x4r, b0i = x0i - x4i;
  const a1r = x1r + x5r, a1i = x1i + x5i, d1r = x1r - x5r, d1i = x1i - x5i;
  const a2r = x2r + x6r, a2i = x2i + x6i, d2r = x2r - x6r, d2i = x2i - x6i;
  const a3r = x3r + x7r, a3i = x3i + x7i, d3r = x3r - x7r, d3i = x3i - x7i;
  let b1r: f64, b1i: f64, b2r: f64, b2i: f64, b3r: f64, b3i: f64, ur: f64, ui: f64;
  let t1r: f64, t1i: f64, t3r: f64, t3i: f64;
  if (inv) {
    // d + j·d = [dr − di, di + dr]; j·d = [−di, dr]
    t1r = d1r - d1i; t1i = d1i + d1r; t3r = d3r - d3i; t3i = d3i + d3r;
  } else {
    // d − j·d = [dr + di, di − dr]; −j·d = [di, −dr]
    t1r = d1r + d1i; t1i = d1i - d1r; t3r = d3r + d3i; t3i = d3i - d3r;
  }
  b1r = t1r * H + t1r * HL; b1i = t1i * H + t1i * HL;
  ur = t3r * H + t3r * HL; ui = t3i * H + t3i * HL;
  if (inv) { b2r = -d2i; b2i = d2r; b3r = -ui; b3i = ur; }
  else { b2r = d2i; b2i = -d2r; b3r = ui; b3i = -ur; }
  // DFT4 of (a0..a3) → y0, y2, y4, y6 and of (b0..b3) → y1, y3, y5, y7
  let pr = a0r + a2r, pi = a0i + a2i, mr = a0r - a2r, mi = a0i - a2i;
  let qr = a1r + a3r, qi = a1i + a3i, jr = -(a1i - a3i), ji = a1r - a3r;
  const y0r = pr + qr, y0i = pi + qi, y4r = pr - qr, y4i = pi - qi;
  let y2r: f64, y2i: f64, y6r: f64, y6i: f64;
  if (inv) { y2r = mr + jr; y2i = mi + ji; y6r = mr - jr; y6i = mi - ji; }
  else { y2r = mr - jr; y2i = mi - ji; y6r = mr + jr; y6i = mi + ji; }
  pr = b0r + b2r; pi = b0i + b2i; mr = b0r - b2r; mi = b0i - b2i;
  qr = b1r + b3r; qi = b1i + b3i; jr = -(b1i - b3i); ji = b1r - b3r;
  const y1r = pr + qr, y1i = pi + qi, y5r = pr - qr, y5i = pi - qi;
  let y3r: f64, y3i: f64, y7r: f64, y7i: f64;
  if (inv) { y3r = mr + jr; y3i = mi + ji; y7r = mr - jr; y7i = mi - ji; }
  else { y3r = mr - jr; y3i = mi - ji; y7r = mr + jr; y7i = mi + ji; }
  put(yp, y0r, y0i, scaled, sc); put(yp + ys, y1r, y1i, scaled, sc);
  put(yp + 2 * ys, y2r, y2i, scaled, sc); put(yp + 3 * ys, y3r, y3i, scaled, sc);
  put(yp + 4 * ys, y4r, y4i, scaled, sc); put(yp + 5 * ys, y5r, y5i, scaled, sc);
  put(yp + 6 * ys, y6r, y6i, scaled, sc); put(yp + 7 * ys, y7r, y7i, scaled, sc);
}

// @ts-ignore: decorator
@inline function loop8s(x: usize, y: usize, s: i32, inv: bool, scale: f64): void {
  const ss = <usize>s << 4;
  let xp = x, yp = y;
  const xe = x + ss;
  while (xp < xe) {
    bf8s(xp, yp, ss, inv, inv, scale);
    xp += 16; yp += 16;
  }
}
