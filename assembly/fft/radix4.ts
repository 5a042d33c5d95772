// radix4.ts — one radix-4 decimation-in-frequency Stockham pass (auto-sort, no bit reversal).
//
// With n0 the length of the sub-transforms still to do, m = n0/4 and s the stride (product of the
// radices already applied), for p < m and q < s:
//   a,b,c,d = x[q + s(p + k·m)], k = 0..3
//   y[q + s(4p + 0)] = (a + c) + (b + d)
//   y[q + s(4p + 1)] = w^p  · ((a − c) − j(b − d))        (forward, w = e^{−2πi/n0})
//   y[q + s(4p + 2)] = w^2p · ((a + c) − (b + d))
//   y[q + s(4p + 3)] = w^3p · ((a − c) + j(b − d))
// The inverse uses conj(w) and swaps the signs of j. Reference: Stockham (1966); the loop order
// follows OTFFT's "fft0" (twiddles constant over the inner q loop, so it streams memory).
// Twiddle table of a pass: for each p, w^p, w^2p, w^3p pre-splatted (32 bytes each, 96 per p).

import { mulj, cmulv } from "./cplx";

/** Generic pass for m = n0/4 > 1 (twiddled). `inv` selects the conjugate transform. */
export function pass4(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool): void {
  if (ASC_FEATURE_SIMD) {
    if (inv) pass4v(x, y, tw, m, s, true); else pass4v(x, y, tw, m, s, false);
  } else {
    if (inv) pass4s(x, y, tw, m, s, true); else pass4s(x, y, tw, m, s, false);
  }
}

/** Last pass (n0 = 4, all twiddles 1); multiplies by `scale` when `inv` (the 1/n of the inverse). */
export function last4(x: usize, y: usize, s: i32, inv: bool, scale: f64): void {
  if (ASC_FEATURE_SIMD) {
    if (inv) last4v(x, y, s, true, scale); else last4v(x, y, s, false, 1.0);
  } else {
    if (inv) last4s(x, y, s, true, scale); else last4s(x, y, s, false, 1.0);
  }
}

// ---------------------------------------------------------------- SIMD (f64x2, one complex per v128)

// @ts-ignore: decorator
@inline function bf4v(
  xp: usize, yp: usize, sm: usize, sm2: usize, sm3: usize, ys: usize, ys2: usize, ys3: usize, inv: bool, twiddled: bool,
  w1r: v128, w1i: v128, w2r: v128, w2i: v128, w3r: v128, w3i: v128, scaled: bool, sc: v128
): void {
  const a = v128.load(xp);
  const b = v128.load(xp + sm);
  const c = v128.load(xp + sm2);
  const d = v128.load(xp + sm3);
  const apc = f64x2.add(a, c);
  const amc = f64x2.sub(a, c);
  const bpd = f64x2.add(b, d);
  const jbmd = mulj(f64x2.sub(b, d));
  let y0 = f64x2.add(apc, bpd);
  let y2 = f64x2.sub(apc, bpd);
  let y1 = inv ? f64x2.add(amc, jbmd) : f64x2.sub(amc, jbmd);
  let y3 = inv ? f64x2.sub(amc, jbmd) : f64x2.add(amc, jbmd);
  if (twiddled) {
    y1 = cmulv(y1, w1r, w1i, inv);
    y2 = cmulv(y2, w2r, w2i, inv);
    y3 = cmulv(y3, w3r, w3i, inv);
  }
  if (scaled) {
    y0 = f64x2.mul(y0, sc); y1 = f64x2.mul(y1, sc);
    y2 = f64x2.mul(y2, sc); y3 = f64x2.mul(y3, sc);
  }
  v128.store(yp, y0);
  v128.store(yp + ys, y1);
  v128.store(yp + ys2, y2);
  v128.store(yp + ys3, y3);
}

// Loops advance pointers instead of recomputing p·s products, and hoist the stride multiples.
// @ts-ignore: decorator
@inline function pass4v(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool): void {
  const z = f64x2.splat(0);
  const sm = (<usize>s * <usize>m) << 4, sm2 = sm << 1, sm3 = sm * 3;
  if (s == 1) {
    let xp = x, yp = y, t = tw;
    const xe = x + (<usize>m << 4);
    while (xp < xe) {
      bf4v(xp, yp, sm, sm2, sm3, 16, 32, 48, inv, true,
        v128.load(t), v128.load(t, 16), v128.load(t, 32), v128.load(t, 48),
        v128.load(t, 64), v128.load(t, 80), false, z);
      xp += 16; yp += 64; t += 96;
    }
  } else {
    const ys = <usize>s << 4, ys2 = ys << 1, ys3 = ys * 3;
    let xb = x, yb = y, t = tw;
    for (let p = 0; p < m; p++) {
      const w1r = v128.load(t), w1i = v128.load(t, 16);
      const w2r = v128.load(t, 32), w2i = v128.load(t, 48);
      const w3r = v128.load(t, 64), w3i = v128.load(t, 80);
      let xp = xb, yp = yb;
      const xe = xb + ys;
      while (xp < xe) {
        bf4v(xp, yp, sm, sm2, sm3, ys, ys2, ys3, inv, true, w1r, w1i, w2r, w2i, w3r, w3i, false, z);
        xp += 16; yp += 16;
      }
      xb += ys; yb += ys << 2; t += 96;
    }
  }
}

// @ts-ignore: decorator
@inline function last4v(x: usize, y: usize, s: i32, inv: bool, scale: f64): void {
  const z = f64x2.splat(0);
  const sc = f64x2.splat(scale);
  const ss = <usize>s << 4, ss2 = ss << 1, ss3 = ss * 3;
  let xp = x, yp = y;
  const xe = x + ss;
  while (xp < xe) {
    bf4v(xp, yp, ss, ss2, ss3, ss, ss2, ss3, inv, false, z, z, z, z, z, z, inv, sc);
    xp += 16; yp += 16;
  }
}

// ---------------------------------------------------------------- scalar (same operations per lane)

// @ts-ignore: decorator
@inline function bf4s(
  xp: usize, yp: usize, sm: usize, ys: usize, inv: bool, t: usize, twiddled: bool, scaled: bool, sc: f64
): void {
  const ar = load<f64>(xp), ai = load<f64>(xp, 8);
  const br = load<f64>(xp + sm), bi = load<f64>(xp + sm, 8);
  const cr = load<f64>(xp + 2 * sm), ci = load<f64>(xp + 2 * sm, 8);
  const dr = load<f64>(xp + 3 * sm), di = load<f64>(xp + 3 * sm, 8);
  const apcr = ar + cr, apci = ai + ci;
  const amcr = ar - cr, amci = ai - ci;
  const bpdr = br + dr, bpdi = bi + di;
  const jr = -(bi - di), ji = br - dr;           // j·(b − d)
  let y0r = apcr + bpdr, y0i = apci + bpdi;
  let y2r = apcr - bpdr, y2i = apci - bpdi;
  let y1r: f64, y1i: f64, y3r: f64, y3i: f64;
  if (inv) { y1r = amcr + jr; y1i = amci + ji; y3r = amcr - jr; y3i = amci - ji; }
  else { y1r = amcr - jr; y1i = amci - ji; y3r = amcr + jr; y3i = amci + ji; }
  if (twiddled) {
    // t: [wr, wr, -wi, wi] × 3; lane 0 = re·wr ± im·(−wi), lane 1 = im·wr ± re·wi
    let wr = load<f64>(t), nw = load<f64>(t, 16), wi = load<f64>(t, 24);
    let u = y1r;
    if (inv) { y1r = u * wr - y1i * nw; y1i = y1i * wr - u * wi; }
    else { y1r = u * wr + y1i * nw; y1i = y1i * wr + u * wi; }
    wr = load<f64>(t, 32); nw = load<f64>(t, 48); wi = load<f64>(t, 56);
    u = y2r;
    if (inv) { y2r = u * wr - y2i * nw; y2i = y2i * wr - u * wi; }
    else { y2r = u * wr + y2i * nw; y2i = y2i * wr + u * wi; }
    wr = load<f64>(t, 64); nw = load<f64>(t, 80); wi = load<f64>(t, 88);
    u = y3r;
    if (inv) { y3r = u * wr - y3i * nw; y3i = y3i * wr - u * wi; }
    else { y3r = u * wr + y3i * nw; y3i = y3i * wr + u * wi; }
  }
  if (scaled) {
    y0r *= sc; y0i *= sc; y1r *= sc; y1i *= sc; y2r *= sc; y2i *= sc; y3r *= sc; y3i *= sc;
  }
  store<f64>(yp, y0r); store<f64>(yp, y0i, 8);
  store<f64>(yp + ys, y1r); store<f64>(yp + ys, y1i, 8);
  store<f64>(yp + 2 * ys, y2r); store<f64>(yp + 2 * ys, y2i, 8);
  store<f64>(yp + 3 * ys, y3r); store<f64>(yp + 3 * ys, y3i, 8);
}

// @ts-ignore: decorator
@inline function pass4s(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool): void {
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {
      bf4s(xp, yp, sm, ys, inv, t, true, false, 1.0);
      xp += 16; yp += 16;
    }
    xb += ys; yb += ys << 2; t += 96;
  }
}

// @ts-ignore: decorator
@inline function last4s(x: usize, y: usize, s: i32, inv: bool, scale: f64): void {
  const ss = <usize>s << 4;
  let xp = x, yp = y;
  const xe = x + ss;
  while (xp < xe) {
    bf4s(xp, yp, ss, ss, inv, 0, false, inv, scale);
    xp += 16; yp += 16;
  }
}
