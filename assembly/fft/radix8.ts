// radix8.ts — one radix-8 decimation-in-frequency Stockham pass (auto-sort, no bit reversal).
//
// With n0 the length of the sub-transforms still to do, m = n0/8 and s the stride, for p < m, q < s:
//   x_k = x[q + s(p + k·m)], k = 0..7,   y[q + s(8p + k)] = w^{kp} · X_k,   w = e^{−2πi/n0}
// where X is the 8-point DFT of x, done as one radix-2 step and two 4-point DFTs:
//   a_j = x_j + x_{j+4},  b_j = ω^j (x_j − x_{j+4})   (ω = e^{−2πi/8}, j = 0..3)
//   X_{2k} = DFT4(a)_k,   X_{2k+1} = DFT4(b)_k
// ω·d = √½·(d − j·d), ω²·d = −j·d, ω³·d = −j·(ω·d); the inverse conjugates every root.
// Three radix-8 passes replace five radix-4/2 passes at n = 512: fewer loads and stores, and
// 7/8 instead of 3/4·(4/3) twiddle products per point and pass.
// Twiddle table: for each p, w^p … w^7p pre-splatted (32 bytes each, 224 per p).

import { mulj, swap, cmulv } from "./cplx";

// √½ as an unevaluated sum H + HL: the products t·H + t·HL round to nearest of t·√½ without the
// one-sided bias of the rounded constant alone (H > √½ by 7e-17 relative), which would otherwise
// grow a split-step run's mass by ~1e-12 over 10⁴ transforms.
const H: f64 = 0.7071067811865476;
const HL: f64 = -4.833646656726457e-17;

/** Generic pass (m ≥ 1); m == 1 is the twiddle-free last pass, which also applies the inverse's
 *  1/n (`scale`) when `inv`. */
export function pass8(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64): void {
  if (ASC_FEATURE_SIMD) {
    if (m == 1) {
      if (inv) loop8v(x, y, tw, 1, s, true, false, true, scale); else loop8v(x, y, tw, 1, s, false, false, false, 1.0);
    } else {
      if (inv) loop8v(x, y, tw, m, s, true, true, false, 1.0); else loop8v(x, y, tw, m, s, false, true, false, 1.0);
    }
  } else {
    if (m == 1) {
      if (inv) loop8s(x, y, tw, 1, s, true, false, true, scale); else loop8s(x, y, tw, 1, s, false, false, false, 1.0);
    } else {
      if (inv) loop8s(x, y, tw, m, s, true, true, false, 1.0); else loop8s(x, y, tw, m, s, false, true, false, 1.0);
    }
  }
}

// ---------------------------------------------------------------- SIMD (f64x2, one complex per v128)

/** −j·v = [vi, −vr] (forward) or +j·v = [−vi, vr] (inverse): a swap and a sign flip, exact. */
// @ts-ignore: decorator
@inline function rotv(v: v128, inv: bool): v128 {
  return inv ? mulj(v) : v128.xor(swap(v), i64x2(0, -9223372036854775808));
}

// @ts-ignore: decorator
@inline function bf8v(xp: usize, yp: usize, sm: usize, ys: usize, t: usize, inv: bool, twiddled: bool, scaled: bool, sc: v128): void {
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
  if (twiddled) {
    y1 = cmulv(y1, v128.load(t), v128.load(t, 16), inv);
    y2 = cmulv(y2, v128.load(t, 32), v128.load(t, 48), inv);
    y3 = cmulv(y3, v128.load(t, 64), v128.load(t, 80), inv);
    y4 = cmulv(y4, v128.load(t, 96), v128.load(t, 112), inv);
    y5 = cmulv(y5, v128.load(t, 128), v128.load(t, 144), inv);
    y6 = cmulv(y6, v128.load(t, 160), v128.load(t, 176), inv);
    y7 = cmulv(y7, v128.load(t, 192), v128.load(t, 208), inv);
  }
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
@inline function loop8v(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, scale: f64): void {
  const sc = f64x2.splat(scale);
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  if (s == 1) {
    let xp = x, yp = y, t = tw;
    const xe = x + (<usize>m << 4);
    while (xp < xe) {
      bf8v(xp, yp, sm, 16, t, inv, twiddled, scaled, sc);
      xp += 16; yp += 128; t += 224;
    }
  } else {
    let xb = x, yb = y, t = tw;
    for (let p = 0; p < m; p++) {
      let xp = xb, yp = yb;
      const xe = xb + ys;
      while (xp < xe) {
        bf8v(xp, yp, sm, ys, t, inv, twiddled, scaled, sc);
        xp += 16; yp += 16;
      }
      xb += ys; yb += ys << 3; t += 224;
    }
  }
}

// ---------------------------------------------------------------- scalar (same operations per lane)

// @ts-ignore: decorator
@inline function twS(yp: usize, re: f64, im: f64, t: usize, inv: bool, twiddled: bool, scaled: bool, sc: f64): void {
  if (twiddled) {
    // t: [wr, wr, -wi, wi]; lane 0 = re·wr ± im·(−wi), lane 1 = im·wr ± re·wi
    const wr = load<f64>(t), nw = load<f64>(t, 16), wi = load<f64>(t, 24);
    const u = re;
    if (inv) { re = u * wr - im * nw; im = im * wr - u * wi; }
    else { re = u * wr + im * nw; im = im * wr + u * wi; }
  }
  if (scaled) { re *= sc; im *= sc; }
  store<f64>(yp, re);
  store<f64>(yp, im, 8);
}

// @ts-ignore: decorator
@inline function bf8s(xp: usize, yp: usize, sm: usize, ys: usize, t: usize, inv: bool, twiddled: bool, scaled: bool, sc: f64): void {
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
  twS(yp, y0r, y0i, 0, inv, false, scaled, sc);
  twS(yp + ys, y1r, y1i, t, inv, twiddled, scaled, sc);
  twS(yp + 2 * ys, y2r, y2i, t + 32, inv, twiddled, scaled, sc);
  twS(yp + 3 * ys, y3r, y3i, t + 64, inv, twiddled, scaled, sc);
  twS(yp + 4 * ys, y4r, y4i, t + 96, inv, twiddled, scaled, sc);
  twS(yp + 5 * ys, y5r, y5i, t + 128, inv, twiddled, scaled, sc);
  twS(yp + 6 * ys, y6r, y6i, t + 160, inv, twiddled, scaled, sc);
  twS(yp + 7 * ys, y7r, y7i, t + 192, inv, twiddled, scaled, sc);
}

// @ts-ignore: decorator
@inline function loop8s(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, sc: f64): void {
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {
      bf8s(xp, yp, sm, ys, t, inv, twiddled, scaled, sc);
      xp += 16; yp += 16;
    }
    xb += ys; yb += ys << 3; t += 224;
  }
}
