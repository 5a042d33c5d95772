// radixg.ts — generic odd-radix DIF Stockham pass (any odd prime r ≥ 7), for n whose prime factors
// beyond 5 are small enough that an O(n·Σr) transform beats Bluestein (see complex.ts). With
// a_l = x[q + s(p + l·m)], m = n0/r, C_j = cos 2πj/r, S_j = sin 2πj/r and h = (r − 1)/2:
//   t_l = a_l + a_{r−l},  u_l = a_l − a_{r−l}                        (l = 1…h)
//   X_0 = a_0 + t_1 + … + t_h
//   A_k = a_0 + Σ_l C_{lk mod r} t_l,   B_k = Σ_l S_{lk mod r} u_l    (k = 1…h, sums in order of l)
//   X_k = A_k − i B_k,  X_{r−k} = A_k + i B_k                         (forward; the inverse swaps ±i)
// then y[q + s(rp + k)] = w^{kp} X_k as in the other passes. The pairing halves the multiplies and
// is the same arithmetic as pocketfft's radix-7/11 and generic passes (numpy.fft), so sizes such as
// 7, 26 or 4095 get numpy's accuracy instead of Bluestein's (three transforms of size ≥ 2n − 1).
// The SIMD build keeps (re, im) of A_k and B_k in one v128; the scalar build runs the very same IEEE
// operations lane by lane, in the same order, so the two agree bit for bit.
//
// Block layout (one allocation per pass, see genericBlockBytes): r roots (C_j, S_j) of 16 bytes,
// then 2h scratch complex values (t_l, u_l), then m·(r − 1) pre-splatted twiddles (absent if m = 1).

import { storeTwS } from "./cplx";

export function genericBlockBytes(r: i32, m: i32): usize {
  return (<usize>r << 4) + (<usize>(r - 1) << 4) + (m > 1 ? <usize>m * <usize>(r - 1) * 32 : 0);
}

export function genericTwiddles(block: usize, r: i32): usize {
  return block + (<usize>r << 4) + (<usize>(r - 1) << 4);
}

export function passG(x: usize, y: usize, block: usize, r: i32, m: i32, s: i32, inv: bool, scale: f64): void {
  const h = (r - 1) >> 1;
  const roots = block;
  const scr = block + (<usize>r << 4);             // t_l at scr + 32(l−1), u_l at scr + 32(l−1) + 16
  const twiddled = m > 1;
  const scaled = m == 1 && inv;
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  let xb = x, yb = y, t = genericTwiddles(block, r);
  for (let p = 0; p < m; p++) {
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {
      const a0r = load<f64>(xp), a0i = load<f64>(xp, 8);
      let x0r = a0r, x0i = a0i;
      for (let l = 1; l <= h; l++) {
        const pa = xp + <usize>l * sm, pb = xp + <usize>(r - l) * sm;
        const ar = load<f64>(pa), ai = load<f64>(pa, 8), br = load<f64>(pb), bi = load<f64>(pb, 8);
        const tr = ar + br, ti = ai + bi;
        const sp = scr + (<usize>(l - 1) << 5);
        store<f64>(sp, tr); store<f64>(sp, ti, 8);
        store<f64>(sp, ar - br, 16); store<f64>(sp, ai - bi, 24);
        x0r += tr; x0i += ti;
      }
      storeTwS(yp, x0r, x0i, 0, inv, false, scaled, scale);
      let k = 1;
      if (ASC_FEATURE_SIMD) {
        // four k at a time: independent add chains hide the add latency; each chain performs the
        // same products and sums, in the same order, as the scalar loop below (re, im in the lanes)
        for (; k + 3 <= h; k += 4) {
          let A1 = v128.load(xp), B1 = f64x2.splat(0.0), A2 = A1, B2 = B1, A3 = A1, B3 = B1, A4 = A1, B4 = B1;
          let j1 = k, j2 = k + 1, j3 = k + 2, j4 = k + 3;
          for (let l = 1; l <= h; l++) {
            const sp = scr + (<usize>(l - 1) << 5);
            const tv = v128.load(sp), uv = v128.load(sp, 16);
            const r1 = roots + (<usize>j1 << 4), r2 = roots + (<usize>j2 << 4);
            const r3 = roots + (<usize>j3 << 4), r4 = roots + (<usize>j4 << 4);
            A1 = f64x2.add(A1, f64x2.mul(v128.load64_splat(r1), tv));
            B1 = f64x2.add(B1, f64x2.mul(v128.load64_splat(r1, 8), uv));
            A2 = f64x2.add(A2, f64x2.mul(v128.load64_splat(r2), tv));
            B2 = f64x2.add(B2, f64x2.mul(v128.load64_splat(r2, 8), uv));
            A3 = f64x2.add(A3, f64x2.mul(v128.load64_splat(r3), tv));
            B3 = f64x2.add(B3, f64x2.mul(v128.load64_splat(r3, 8), uv));
            A4 = f64x2.add(A4, f64x2.mul(v128.load64_splat(r4), tv));
            B4 = f64x2.add(B4, f64x2.mul(v128.load64_splat(r4, 8), uv));
            j1 += k; if (j1 >= r) j1 -= r;
            j2 += k + 1; if (j2 >= r) j2 -= r;
            j3 += k + 2; if (j3 >= r) j3 -= r;
            j4 += k + 3; if (j4 >= r) j4 -= r;
          }
          emitV(yp, ys, r, k, t, A1, B1, inv, twiddled, scaled, scale);
          emitV(yp, ys, r, k + 1, t, A2, B2, inv, twiddled, scaled, scale);
          emitV(yp, ys, r, k + 2, t, A3, B3, inv, twiddled, scaled, scale);
          emitV(yp, ys, r, k + 3, t, A4, B4, inv, twiddled, scaled, scale);
        }
      }
      for (; k <= h; k++) {
        let Ar = a0r, Ai = a0i, Br = 0.0, Bi = 0.0;
        let j = k;                                     // j = l·k mod r
        for (let l = 1; l <= h; l++) {
          const sp = scr + (<usize>(l - 1) << 5), rp = roots + (<usize>j << 4);
          const c = load<f64>(rp), sn = load<f64>(rp, 8);
          Ar += c * load<f64>(sp); Ai += c * load<f64>(sp, 8);
          Br += sn * load<f64>(sp, 16); Bi += sn * load<f64>(sp, 24);
          j += k; if (j >= r) j -= r;
        }
        emit(yp, ys, r, k, t, Ar, Ai, Br, Bi, inv, twiddled, scaled, scale);
      }
      xp += 16; yp += 16;
    }
    xb += ys; yb += ys * <usize>r; t += <usize>(r - 1) << 5;
  }
}

/** Stores X_k = A − iB and X_{r−k} = A + iB (forward; the inverse swaps them), twiddled/scaled. */
// @ts-ignore: decorator
@inline function emit(yp: usize, ys: usize, r: i32, k: i32, t: usize, Ar: f64, Ai: f64, Br: f64, Bi: f64,
                      inv: bool, twiddled: bool, scaled: bool, scale: f64): void {
  const tk = t + (<usize>(k - 1) << 5), tc = t + (<usize>(r - k - 1) << 5);
  if (inv) {
    storeTwS(yp + <usize>k * ys, Ar - Bi, Ai + Br, tk, inv, twiddled, scaled, scale);
    storeTwS(yp + <usize>(r - k) * ys, Ar + Bi, Ai - Br, tc, inv, twiddled, scaled, scale);
  } else {
    storeTwS(yp + <usize>k * ys, Ar + Bi, Ai - Br, tk, inv, twiddled, scaled, scale);
    storeTwS(yp + <usize>(r - k) * ys, Ar - Bi, Ai + Br, tc, inv, twiddled, scaled, scale);
  }
}

// @ts-ignore: decorator
@inline function emitV(yp: usize, ys: usize, r: i32, k: i32, t: usize, A: v128, B: v128,
                       inv: bool, twiddled: bool, scaled: bool, scale: f64): void {
  emit(yp, ys, r, k, t, f64x2.extract_lane(A, 0), f64x2.extract_lane(A, 1), f64x2.extract_lane(B, 0), f64x2.extract_lane(B, 1), inv, twiddled, scaled, scale);
}
