// split.ts — radix-4 and radix-2 Stockham passes on pair-split data (SIMD build only; the scalar build runs radix4.ts
// and radix2.ts, which perform the very same IEEE operations, so both builds stay bit-identical).
//
// Layout. The complex values j, j+1 (j even) fill 32 bytes. Interleaved (the API's layout): [re_j, im_j, re_j+1,
// im_j+1]; pair-split: [re_j, re_j+1, im_j, im_j+1]. Every pair keeps its byte address, so a pass whose stride s is even
// can run two butterflies q, q+1 side by side, one per lane: R = real parts, I = imaginary parts. Then
//   a·w    = (aR·wr − aI·wi, aI·wr + aR·wi)        (= cplx.ts cmulv lane by lane: aR·wr + aI·(−wi), aI·wr + aR·wi)
//   ±i·a   = a swap of R and I and a sign folded into the next add/sub (x − (−y) ≡ x + y in IEEE arithmetic)
// so the twiddle products and the ±i turns need no shuffles: a radix-4 butterfly pair costs 8 loads, 8 stores,
// 22 adds and 12 multiplies, against 2·(4 + 4 loads/stores, 11 adds, 6 multiplies, 5 shuffles) interleaved.
// A pass reads interleaved (`inS` false: 2 shuffles per pair to split it) or split input, and writes split (`outS`)
// or interleaved output (2 shuffles per pair); complex.ts chains them so that the first pass (s = 1) and the last
// pass's output are interleaved (the plan's CP_SPLIT mask, complexPlanCreate), and gives these passes twiddle tables
// of splatted pairs [wr, wr, wi, wi] (twiddles.ts, `split`). The kernel gain is small (3–4 %, docs/fft.md): both
// layouts do the same 11 adds per butterfly, and the adds bound the loop.
//
// The passes (m = n0/r sub-blocks, stride s, p < m, q < s, w = e^{∓2πi/n0}):
//   radix 4: a,b,c,d = x[q + s(p + k·m)];  y[q + s(4p)] = (a + c) + (b + d),  y[q + s(4p + 2)] = w^2p((a + c) − (b + d)),
//            y[q + s(4p + 1)] = w^p((a − c) ∓ i(b − d)),  y[q + s(4p + 3)] = w^3p((a − c) ± i(b − d))   (radix4.ts)
//   radix 2: y[q + s(2p)] = a + b,  y[q + s(2p + 1)] = w^p(a − b)                                        (radix2.ts)
// m = 1 is the twiddle-free last pass, which multiplies by `scale` (the inverse's 1/n).


/** True when a pass of radix r has a pair-split form here.
 *  @example canSplit(4)   // true; canSplit(8) is false: complex.ts ends the split region before a radix-8 pass */
// @ts-ignore: decorator
@inline export function canSplit(r: i32): bool { return r == 4 || r == 2; }

/** Radix-4 pass on pair-split data; s must be even. Twiddled when m > 1 (table as radix4.ts), else the last pass.
 *  @example split4(src, dst, tw, 16, 4, false, 1.0, false, true)   // n = 256's second pass: split its input, write split */
export function split4(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64, inS: bool, outS: bool): void {
  if (!ASC_FEATURE_SIMD) return;
  if (m == 1) {   // the last pass: its output is the plan's (interleaved)
    if (inv) loop4(x, y, tw, 1, s, true, false, true, scale, true, false);
    else loop4(x, y, tw, 1, s, false, false, false, 1.0, true, false);
    return;
  }
  if (inS) {
    if (outS) { if (inv) loop4(x, y, tw, m, s, true, true, false, 1.0, true, true); else loop4(x, y, tw, m, s, false, true, false, 1.0, true, true); }
    else if (inv) loop4(x, y, tw, m, s, true, true, false, 1.0, true, false); else loop4(x, y, tw, m, s, false, true, false, 1.0, true, false);
  } else if (inv) loop4(x, y, tw, m, s, true, true, false, 1.0, false, true);
  else loop4(x, y, tw, m, s, false, true, false, 1.0, false, true);
}

/** Radix-2 pass on pair-split data; s must be even. Twiddled when m > 1 (table as radix2.ts), else the last pass.
 *  @example split2(src, dst, tw, 4, 256, false, 1.0, true, true)   // n = 2048's fifth pass (4·4·4·4·2·4), split in and out */
export function split2(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, scale: f64, inS: bool, outS: bool): void {
  if (!ASC_FEATURE_SIMD) return;
  if (m == 1) {
    if (inv) loop2(x, y, tw, 1, s, true, false, true, scale, true, false);
    else loop2(x, y, tw, 1, s, false, false, false, 1.0, true, false);
    return;
  }
  if (inS) {
    if (outS) { if (inv) loop2(x, y, tw, m, s, true, true, false, 1.0, true, true); else loop2(x, y, tw, m, s, false, true, false, 1.0, true, true); }
    else if (inv) loop2(x, y, tw, m, s, true, true, false, 1.0, true, false); else loop2(x, y, tw, m, s, false, true, false, 1.0, true, false);
  } else if (inv) loop2(x, y, tw, m, s, true, true, false, 1.0, false, true);
  else loop2(x, y, tw, m, s, false, true, false, 1.0, false, true);
}

// ---------------------------------------------------------------- pair loads/stores and the twiddle product

// @ts-ignore: decorator
@inline function re2(v0: v128, v1: v128, inS: bool): v128 { return inS ? v0 : v128.shuffle<f64>(v0, v1, 0, 2); }
// @ts-ignore: decorator
@inline function im2(v0: v128, v1: v128, inS: bool): v128 { return inS ? v1 : v128.shuffle<f64>(v0, v1, 1, 3); }

// @ts-ignore: decorator
@inline function put2(p: usize, hi: bool, R: v128, I: v128, outS: bool): void {
  const v0 = outS ? R : v128.shuffle<f64>(R, I, 0, 2), v1 = outS ? I : v128.shuffle<f64>(R, I, 1, 3);
  if (hi) { v128.store(p, v0, 32); v128.store(p, v1, 48); }
  else { v128.store(p, v0); v128.store(p, v1, 16); }
}

/** Stores (R, I)·w (or ·conj(w) when inv), w = (wr, wi) splatted; optionally times sc. */
// @ts-ignore: decorator
@inline function putTw(p: usize, hi: bool, R: v128, I: v128, wr: v128, wi: v128, inv: bool, twiddled: bool, scaled: bool, sc: v128, outS: bool): void {
  let r = R, i = I;
  if (twiddled) {
    if (inv) { r = f64x2.add(f64x2.mul(R, wr), f64x2.mul(I, wi)); i = f64x2.sub(f64x2.mul(I, wr), f64x2.mul(R, wi)); }
    else { r = f64x2.sub(f64x2.mul(R, wr), f64x2.mul(I, wi)); i = f64x2.add(f64x2.mul(I, wr), f64x2.mul(R, wi)); }
  }
  if (scaled) { r = f64x2.mul(r, sc); i = f64x2.mul(i, sc); }
  put2(p, hi, r, i, outS);
}


// ---------------------------------------------------------------- radix 4

// v128 at p + 0/16 (hi false) or p + 32/48 (hi true): constant offsets, folded into the addressing
// @ts-ignore: decorator
@inline function ld0(p: usize, hi: bool): v128 { return hi ? v128.load(p, 32) : v128.load(p); }
// @ts-ignore: decorator
@inline function ld1(p: usize, hi: bool): v128 { return hi ? v128.load(p, 48) : v128.load(p, 16); }

/** One radix-4 butterfly pair (lanes q, q+1) at xp/yp (+ 32 bytes when hi). */
// @ts-ignore: decorator
@inline function bf4p(
  xp: usize, yp: usize, sm: usize, sm2: usize, sm3: usize, ys: usize, ys2: usize, ys3: usize, hi: bool,
  w1r: v128, w1i: v128, w2r: v128, w2i: v128, w3r: v128, w3i: v128, inv: bool, twiddled: bool, scaled: bool, sc: v128,
  inS: bool, outS: bool
): void {
  // a, c first, then b, d: at most 8 data registers live beside the 6 twiddles (V8 keeps the wasm order)
  const a0 = ld0(xp, hi), a1 = ld1(xp, hi), c0 = ld0(xp + sm2, hi), c1 = ld1(xp + sm2, hi);
  const aR = re2(a0, a1, inS), aI = im2(a0, a1, inS), cR = re2(c0, c1, inS), cI = im2(c0, c1, inS);
  const apcR = f64x2.add(aR, cR), apcI = f64x2.add(aI, cI), amcR = f64x2.sub(aR, cR), amcI = f64x2.sub(aI, cI);
  const b0 = ld0(xp + sm, hi), b1 = ld1(xp + sm, hi), d0 = ld0(xp + sm3, hi), d1 = ld1(xp + sm3, hi);
  const bR = re2(b0, b1, inS), bI = im2(b0, b1, inS), dR = re2(d0, d1, inS), dI = im2(d0, d1, inS);
  const bpdR = f64x2.add(bR, dR), bpdI = f64x2.add(bI, dI), bmdR = f64x2.sub(bR, dR), bmdI = f64x2.sub(bI, dI);
  // i·(b − d) = (−bmdI, bmdR): forward y1 = amc − i·bmd, y3 = amc + i·bmd; the inverse swaps them
  putTw(yp, hi, f64x2.add(apcR, bpdR), f64x2.add(apcI, bpdI), sc, sc, inv, false, scaled, sc, outS);
  putTw(yp + ys2, hi, f64x2.sub(apcR, bpdR), f64x2.sub(apcI, bpdI), w2r, w2i, inv, twiddled, scaled, sc, outS);
  const pR = f64x2.add(amcR, bmdI), pI = f64x2.sub(amcI, bmdR);   // amc − i·bmd
  const qR = f64x2.sub(amcR, bmdI), qI = f64x2.add(amcI, bmdR);   // amc + i·bmd
  putTw(yp + ys, hi, inv ? qR : pR, inv ? qI : pI, w1r, w1i, inv, twiddled, scaled, sc, outS);
  putTw(yp + ys3, hi, inv ? pR : qR, inv ? pI : qI, w3r, w3i, inv, twiddled, scaled, sc, outS);
}

// @ts-ignore: decorator
@inline function loop4(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, scale: f64, inS: bool, outS: bool): void {
  const sc = f64x2.splat(scale);
  const sm = (<usize>s * <usize>m) << 4, sm2 = sm << 1, sm3 = sm * 3;
  const ys = <usize>s << 4, ys2 = ys << 1, ys3 = ys * 3;
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let w1r = sc, w1i = sc, w2r = sc, w2i = sc, w3r = sc, w3i = sc;
    if (twiddled) {
      w1r = v128.load(t); w1i = v128.load(t, 16); w2r = v128.load(t, 32); w2i = v128.load(t, 48); w3r = v128.load(t, 64); w3i = v128.load(t, 80);
    }
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {   // (unrolling this twice, sharing the address arithmetic, measured no faster)
      bf4p(xp, yp, sm, sm2, sm3, ys, ys2, ys3, false, w1r, w1i, w2r, w2i, w3r, w3i, inv, twiddled, scaled, sc, inS, outS);
      xp += 32; yp += 32;
    }
    xb += ys; yb += ys << 2; t += 96;
  }
}

// ---------------------------------------------------------------- radix 2

// @ts-ignore: decorator
@inline function loop2(x: usize, y: usize, tw: usize, m: i32, s: i32, inv: bool, twiddled: bool, scaled: bool, scale: f64, inS: bool, outS: bool): void {
  const sc = f64x2.splat(scale);
  const sm = (<usize>s * <usize>m) << 4;
  const ys = <usize>s << 4;
  let xb = x, yb = y, t = tw;
  for (let p = 0; p < m; p++) {
    let wr = sc, wi = sc;
    if (twiddled) { wr = v128.load(t); wi = v128.load(t, 16); }
    let xp = xb, yp = yb;
    const xe = xb + ys;
    while (xp < xe) {
      const a0 = v128.load(xp), a1 = v128.load(xp, 16), b0 = v128.load(xp + sm), b1 = v128.load(xp + sm, 16);
      const aR = re2(a0, a1, inS), aI = im2(a0, a1, inS), bR = re2(b0, b1, inS), bI = im2(b0, b1, inS);
      putTw(yp, false, f64x2.add(aR, bR), f64x2.add(aI, bI), sc, sc, inv, false, scaled, sc, outS);
      putTw(yp + ys, false, f64x2.sub(aR, bR), f64x2.sub(aI, bI), wr, wi, inv, twiddled, scaled, sc, outS);
      xp += 32; yp += 32;
    }
    xb += ys; yb += ys << 1; t += 32;
  }
}
