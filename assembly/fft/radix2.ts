// radix2.ts — radix-2 DIF Stockham pass (used once when log2 n is odd):
//   y[q + s(2p)] = a + b,  y[q + s(2p + 1)] = w^p (a − b),  a,b = x[q + s(p + k·m)], m = n0/2.
// Twiddle table: w^p pre-splatted (32 bytes per p). m == 1 is the twiddle-free last pass, which
// also applies the inverse's 1/n when `inv`.

import { storeTwV, storeTwS } from "./cplx";

export function pass2(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64): void {
  if (m == 1) {
    if (inv) body2(x, y, tw, 1, s, true, false, true, scale);
    else body2(x, y, tw, 1, s, false, false, false, 1.0);
  } else {
    if (inv) body2(x, y, tw, m, s, true, true, false, 1.0);
    else body2(x, y, tw, m, s, false, true, false, 1.0);
  }
}

// @ts-ignore: decorator
@inline function body2(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, scale: f64): void {
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {
      if (ASC_FEATURE_SIMD) {
        const sc = f64x2.splat(scale);
        const a = v128.load(xp), b = v128.load(xp + sm);
        storeTwV(yp, f64x2.add(a, b), 0, inv, false, scaled, sc);
        storeTwV(yp + ys, f64x2.sub(a, b), t, inv, twiddled, scaled, sc);
      } else {
        const ar = load<f64>(xp), ai = load<f64>(xp, 8);
        const br = load<f64>(xp + sm), bi = load<f64>(xp + sm, 8);
        storeTwS(yp, ar + br, ai + bi, 0, inv, false, scaled, scale);
        storeTwS(yp + ys, ar - br, ai - bi, t, inv, twiddled, scaled, scale);
      }
      xp += 16; yp += 16;
    }
    xb += ys; yb += ys * 2; t += 32;
  }
}
