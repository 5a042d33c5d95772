// radix5.ts — radix-5 DIF Stockham pass. With a..e = x[q + s(p + k·m)], m = n0/5,
// c1 = cos 2π/5, c2 = cos 4π/5, s1 = sin 2π/5, s2 = sin 4π/5:
//   t1 = b + e, t2 = c + d, t3 = b − e, t4 = c − d
//   X0 = a + t1 + t2
//   u1 = a + c1 t1 + c2 t2,  v1 = s1 t3 + s2 t4,   X1 = u1 − j v1,  X4 = u1 + j v1
//   u2 = a + c2 t1 + c1 t2,  v2 = s2 t3 − s1 t4,   X2 = u2 − j v2,  X3 = u2 + j v2
// (forward; the inverse swaps ±j). y[q + s(5p + k)] = w^{kp} X_k; 4 twiddles per p (128 bytes).

import { mulj, cmulv, storeTwS } from "./cplx";

const C1: f64 = 0.30901699437494745;
const C2: f64 = -0.8090169943749475;
const S1: f64 = 0.9510565162951535;
const S2: f64 = 0.5877852522924731;

export function pass5(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64): void {
  if (m == 1) {
    if (inv) body5(x, y, tw, 1, s, true, false, true, scale);
    else body5(x, y, tw, 1, s, false, false, false, 1.0);
  } else {
    if (inv) body5(x, y, tw, m, s, true, true, false, 1.0);
    else body5(x, y, tw, m, s, false, true, false, 1.0);
  }
}

// @ts-ignore: decorator
@inline function body5(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, scale: f64): void {
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
      const w3r = v128.load(t, 64), w3i = v128.load(t, 80), w4r = v128.load(t, 96), w4i = v128.load(t, 112);
      while (xp < xe) {
        const a = v128.load(xp), b = v128.load(xp + sm), c = v128.load(xp + 2 * sm);
        const d = v128.load(xp + 3 * sm), e = v128.load(xp + 4 * sm);
        const t1 = f64x2.add(b, e), t2 = f64x2.add(c, d);
        const t3 = f64x2.sub(b, e), t4 = f64x2.sub(c, d);
        const u1 = f64x2.add(f64x2.add(a, f64x2.mul(t1, f64x2.splat(C1))), f64x2.mul(t2, f64x2.splat(C2)));
        const u2 = f64x2.add(f64x2.add(a, f64x2.mul(t1, f64x2.splat(C2))), f64x2.mul(t2, f64x2.splat(C1)));
        const jv1 = mulj(f64x2.add(f64x2.mul(t3, f64x2.splat(S1)), f64x2.mul(t4, f64x2.splat(S2))));
        const jv2 = mulj(f64x2.sub(f64x2.mul(t3, f64x2.splat(S2)), f64x2.mul(t4, f64x2.splat(S1))));
        let y0 = f64x2.add(f64x2.add(a, t1), t2);
        let y1 = inv ? f64x2.add(u1, jv1) : f64x2.sub(u1, jv1);
        let y2 = inv ? f64x2.add(u2, jv2) : f64x2.sub(u2, jv2);
        let y3 = inv ? f64x2.sub(u2, jv2) : f64x2.add(u2, jv2);
        let y4 = inv ? f64x2.sub(u1, jv1) : f64x2.add(u1, jv1);
        if (twiddled) {
          y1 = cmulv(y1, w1r, w1i, inv); y2 = cmulv(y2, w2r, w2i, inv);
          y3 = cmulv(y3, w3r, w3i, inv); y4 = cmulv(y4, w4r, w4i, inv);
        }
        if (scaled) {
          y0 = f64x2.mul(y0, sc); y1 = f64x2.mul(y1, sc); y2 = f64x2.mul(y2, sc);
          y3 = f64x2.mul(y3, sc); y4 = f64x2.mul(y4, sc);
        }
        v128.store(yp, y0);
        v128.store(yp + ys, y1);
        v128.store(yp + 2 * ys, y2);
        v128.store(yp + 3 * ys, y3);
        v128.store(yp + 4 * ys, y4);
        xp += 16; yp += 16;
      }
    } else {
      while (xp < xe) {
        const ar = load<f64>(xp), ai = load<f64>(xp, 8);
        const br = load<f64>(xp + sm), bi = load<f64>(xp + sm, 8);
        const cr = load<f64>(xp + 2 * sm), ci = load<f64>(xp + 2 * sm, 8);
        const dr = load<f64>(xp + 3 * sm), di = load<f64>(xp + 3 * sm, 8);
        const er = load<f64>(xp + 4 * sm), ei = load<f64>(xp + 4 * sm, 8);
        const t1r = br + er, t1i = bi + ei, t2r = cr + dr, t2i = ci + di;
        const t3r = br - er, t3i = bi - ei, t4r = cr - dr, t4i = ci - di;
        const u1r = (ar + t1r * C1) + t2r * C2, u1i = (ai + t1i * C1) + t2i * C2;
        const u2r = (ar + t1r * C2) + t2r * C1, u2i = (ai + t1i * C2) + t2i * C1;
        const j1r = -(t3i * S1 + t4i * S2), j1i = t3r * S1 + t4r * S2;   // j·v1
        const j2r = -(t3i * S2 - t4i * S1), j2i = t3r * S2 - t4r * S1;   // j·v2
        storeTwS(yp, (ar + t1r) + t2r, (ai + t1i) + t2i, 0, inv, false, scaled, scale);
        if (inv) {
          storeTwS(yp + ys, u1r + j1r, u1i + j1i, t, inv, twiddled, scaled, scale);
          storeTwS(yp + 2 * ys, u2r + j2r, u2i + j2i, t + 32, inv, twiddled, scaled, scale);
          storeTwS(yp + 3 * ys, u2r - j2r, u2i - j2i, t + 64, inv, twiddled, scaled, scale);
          storeTwS(yp + 4 * ys, u1r - j1r, u1i - j1i, t + 96, inv, twiddled, scaled, scale);
        } else {
          storeTwS(yp + ys, u1r - j1r, u1i - j1i, t, inv, twiddled, scaled, scale);
          storeTwS(yp + 2 * ys, u2r - j2r, u2i - j2i, t + 32, inv, twiddled, scaled, scale);
          storeTwS(yp + 3 * ys, u2r + j2r, u2i + j2i, t + 64, inv, twiddled, scaled, scale);
          storeTwS(yp + 4 * ys, u1r + j1r, u1i + j1i, t + 96, inv, twiddled, scaled, scale);
        }
        xp += 16; yp += 16;
      }
    }
    xb += ys; yb += ys * 5; t += 128;
  }
}
