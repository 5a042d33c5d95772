// radix3.ts — radix-3 DIF Stockham pass. With a,b,c = x[q + s(p + k·m)], m = n0/3:
//   t1 = b + c,  t2 = a − t1/2,  t3 = sin(2π/3)·(b − c)
//   X0 = a + t1,  X1 = t2 − j·t3,  X2 = t2 + j·t3           (forward; inverse swaps ±j)
//   y[q + s(3p + k)] = w^{kp} X_k.   Twiddles: w^p, w^2p pre-splatted (64 bytes per p).

import { mulj, cmulv, storeTwS } from "./cplx";

const S3: f64 = 0.8660254037844386; // sin(2π/3) = √3/2

export function pass3(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64): void {
  if (m == 1) {
    if (inv) body3(x, y, tw, 1, s, true, false, true, scale);
    else body3(x, y, tw, 1, s, false, false, false, 1.0);
  } else {
    if (inv) body3(x, y, tw, m, s, true, true, false, 1.0);
    else body3(x, y, tw, m, s, false, true, false, 1.0);
  }
}

// @ts-ignore: decorator
@inline function body3(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, scale: f64): void {
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let xp = xb, yp = yb;
    const xe = xb + ys;
    if (ASC_FEATURE_SIMD) {
      // the p-th twiddles are loaded once, outside the lane loop (V8 does not hoist the loads)
      const sc = f64x2.splat(scale);
      const w1r = v128.load(t), w1i = v128.load(t, 16), w2r = v128.load(t, 32), w2i = v128.load(t, 48);
      while (xp < xe) {
        const a = v128.load(xp), b = v128.load(xp + sm), c = v128.load(xp + 2 * sm);
        const t1 = f64x2.add(b, c);
        const t2 = f64x2.sub(a, f64x2.mul(t1, f64x2.splat(0.5)));
        const jt3 = mulj(f64x2.mul(f64x2.sub(b, c), f64x2.splat(S3)));
        let y0 = f64x2.add(a, t1);
        let y1 = inv ? f64x2.add(t2, jt3) : f64x2.sub(t2, jt3);
        let y2 = inv ? f64x2.sub(t2, jt3) : f64x2.add(t2, jt3);
        if (twiddled) { y1 = cmulv(y1, w1r, w1i, inv); y2 = cmulv(y2, w2r, w2i, inv); }
        if (scaled) { y0 = f64x2.mul(y0, sc); y1 = f64x2.mul(y1, sc); y2 = f64x2.mul(y2, sc); }
        v128.store(yp, y0);
        v128.store(yp + ys, y1);
        v128.store(yp + 2 * ys, y2);
        xp += 16; yp += 16;
      }
    } else {
      while (xp < xe) {
        const ar = load<f64>(xp), ai = load<f64>(xp, 8);
        const br = load<f64>(xp + sm), bi = load<f64>(xp + sm, 8);
        const cr = load<f64>(xp + 2 * sm), ci = load<f64>(xp + 2 * sm, 8);
        const t1r = br + cr, t1i = bi + ci;
        const t2r = ar - t1r * 0.5, t2i = ai - t1i * 0.5;
        const jr = -((bi - ci) * S3), ji = (br - cr) * S3;
        storeTwS(yp, ar + t1r, ai + t1i, 0, inv, false, scaled, scale);
        if (inv) {
          storeTwS(yp + ys, t2r + jr, t2i + ji, t, inv, twiddled, scaled, scale);
          storeTwS(yp + 2 * ys, t2r - jr, t2i - ji, t + 32, inv, twiddled, scaled, scale);
        } else {
          storeTwS(yp + ys, t2r - jr, t2i - ji, t, inv, twiddled, scaled, scale);
          storeTwS(yp + 2 * ys, t2r + jr, t2i + ji, t + 32, inv, twiddled, scaled, scale);
        }
        xp += 16; yp += 16;
      }
    }
    xb += ys; yb += ys * 3; t += 64;
  }
}
