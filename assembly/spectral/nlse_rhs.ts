// nlse_rhs.ts — right-hand side of the Fourier-side NLSE, one call, everything in WASM:
//   dv/dt = −iβk² v_f + i γ s·σ ⊙ FFT(|ψ|²ψ),   ψ = IFFT(v_f)/s,  v_f = σ ⊙ v   (σ inside only in parity mode)
// with v = s·FFT(ψ) (s = 1: the seed's unnormalised coefficients ĉ; s = 1/N: amplitudes).
// For the seed (β = ½, γ = 1, s = 1, σ inside): ĉ_f = σĉ, ψ = IFFT(ĉ_f), n̂ = σ FFT(|ψ|²ψ),
// dĉ/dt = −(i/2)k² ĉ_f + i n̂ (nlse.md §1.4).

import { Nlse } from "./nlse_ctx";
import { complexExec } from "../fft/complex";

/** out = FFT(|ψ|²ψ) with ψ = IFFT(vf)/s. */
export function nlseNonlinear(c: Nlse, vf: usize, out: usize): void {
  const n = c.n, b2 = c.buf2;
  complexExec(c.plan, vf, b2, true);               // IFFT includes 1/N
  const inv = 1.0 / c.scale;
  if (c.scale == 1.0) cube(b2, n, inv, false);
  else cube(b2, n, inv, true);
  complexExec(c.plan, b2, out, false);
}

/** z ← |z|²z in place over n complex values (z scaled by inv first when `scaled`; a constant at each call site). */
// @ts-ignore: decorator
@inline function cube(b: usize, n: i32, inv: f64, scaled: bool): void {
  const end = b + (<usize>n << 4);
  if (ASC_FEATURE_SIMD) {
    const ii = f64x2.splat(inv);
    for (let p = b; p < end; p += 16) {
      let z = v128.load(p);
      if (scaled) z = f64x2.mul(z, ii);
      const zz = f64x2.mul(z, z);
      const a = f64x2.add(zz, v128.shuffle<f64>(zz, zz, 1, 0));   // [re²+im², im²+re²]
      v128.store(p, f64x2.mul(a, z));
    }
    return;
  }
  for (let p = b; p < end; p += 16) {
    let re = load<f64>(p), im = load<f64>(p, 8);
    if (scaled) { re *= inv; im *= inv; }
    const a = re * re + im * im, b = im * im + re * re;
    store<f64>(p, a * re);
    store<f64>(p, b * im, 8);
  }
}

/** out ← i·γs·σ⊙out − iβk²⊙vf (one fused pass; σ only when filtering inside the RHS, vf = 0 to skip). */
function finish(c: Nlse, out: usize, vf: usize): void {
  const g = c.gamma * c.scale;
  const filt = c.filterInRhs != 0;
  const n = c.n, sig2 = c.sig2, disp = c.disp;
  // one loop per case (the flags are constants in each inlined copy)
  if (vf != 0) {
    if (filt) finishLoop(out, vf, sig2, disp, n, g, true, true);
    else finishLoop(out, vf, sig2, disp, n, g, false, true);
  } else if (filt) finishLoop(out, vf, sig2, disp, n, g, true, false);
  else finishLoop(out, vf, sig2, disp, n, g, false, false);
}

// @ts-ignore: decorator
@inline function finishLoop(out: usize, vf: usize, sig2: usize, disp: usize, n: i32, g: f64, filt: bool, hasVf: bool): void {
  const bytes = <usize>n << 4;
  if (ASC_FEATURE_SIMD) {
    // lane-for-lane the scalar loop below: t = σ·n̂; i·g·t = [−(g·t_im), g·t_re]; + [w·v_im, (−w)·v_re]
    const gg = f64x2.splat(g);
    for (let o: usize = 0; o < bytes; o += 16) {
      let t = v128.load(out + o);
      if (filt) t = f64x2.mul(t, v128.load(sig2 + o));
      const gt = f64x2.mul(gg, t);
      let r = v128.shuffle<f64>(f64x2.neg(gt), gt, 1, 2);   // [−(g·t_im), g·t_re]
      if (hasVf) {
        const vv = v128.load(vf + o);
        r = f64x2.add(r, f64x2.mul(v128.load(disp + o), v128.shuffle<f64>(vv, vv, 1, 0)));
      }
      v128.store(out + o, r);
    }
    return;
  }
  for (let o: usize = 0; o < bytes; o += 16) {
    let re = load<f64>(out + o), im = load<f64>(out + o, 8);
    if (filt) { const s = load<f64>(sig2 + o); re *= s; im *= s; }
    // i·γs·(re + i im) = γs·(−im + i re);  −i·w·(vr + i vi) = w·vi − i·w·vr   (w = βk²)
    let nr = -(g * im), ni = g * re;
    if (hasVf) {
      nr = nr + load<f64>(disp + o) * load<f64>(vf + o, 8);
      ni = ni + load<f64>(disp + o, 8) * load<f64>(vf + o);
    }
    store<f64>(out + o, nr);
    store<f64>(out + o, ni, 8);
  }
}

/** out = i γ s · σ ⊙ FFT(|ψ|²ψ) (the nonlinear term alone, for ETDRK4). */
export function nlseNonlinearTerm(c: Nlse, vf: usize, out: usize): void {
  nlseNonlinear(c, vf, out);
  finish(c, out, 0);
}

/** dv = RHS(v). */
export function nlseRhs(p: usize, v: usize, dv: usize): void {
  const c = changetype<Nlse>(p);
  const n = c.n;
  let vf = v;
  if (c.filterInRhs != 0) {
    vf = c.buf;
    const sig2 = c.sig2;
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 4;
      if (ASC_FEATURE_SIMD) v128.store(vf + o, f64x2.mul(v128.load(v + o), v128.load(sig2 + o)));
      else { const s = load<f64>(sig2 + o); store<f64>(vf + o, load<f64>(v + o) * s); store<f64>(vf + o, load<f64>(v + o, 8) * s, 8); }
    }
  }
  nlseRhsFiltered(p, vf, dv);
}

/** dv = RHS from vf = σ⊙v already formed (the DOP853 stages write it directly: ode/dop853_large.ts). */
export function nlseRhsFiltered(p: usize, vf: usize, dv: usize): void {
  const c = changetype<Nlse>(p);
  nlseNonlinear(c, vf, dv);
  finish(c, dv, vf);
}
