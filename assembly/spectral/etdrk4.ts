// etdrk4.ts — exponential time differencing RK4 (Cox & Matthews 2002) with the Kassam–Trefethen (2005)
// contour-integral coefficients (full circle of M points, since ℒ is not real), for v' = ℒv + 𝒩(v) with ℒ = −iβk² (diagonal) and 𝒩(v) = iγs·FFT(|ψ|²ψ):
//   a = E₂v + Q𝒩(v),  b = E₂v + Q𝒩(a),  c = E₂a + Q(2𝒩(b) − 𝒩(v)),
//   v ← Ev + f₁𝒩(v) + 2f₂(𝒩(a) + 𝒩(b)) + f₃𝒩(c),   E = e^{ℒh}, E₂ = e^{ℒh/2},
//   Q = h⟨(e^{z/2} − 1)/z⟩, f₁ = h⟨(−4 − z + e^z(4 − 3z + z²))/z³⟩, f₂ = h⟨(2 + z + e^z(z − 2))/z³⟩,
//   f₃ = h⟨(−4 − 3z − z² + e^z(4 − z))/z³⟩, z = hℒ_k + r_m, r_m = e^{2πi(m − ½)/M}, M = 32 (means over m).
// Coefficients are complex (ℒ is imaginary) and computed once per step size, in WASM.

import { Nlse } from "./nlse_ctx";
import { nlseNonlinearTerm } from "./nlse_rhs";
import { allocZero } from "../fft/complex";

// @ts-ignore: decorator
@unmanaged
export class Etd {
  ctx: usize; h: f64; filter: i32;
  E: usize; E2: usize; Q: usize; f1: usize; f2: usize; f3: usize;
  Nv: usize; a: usize; Na: usize; b: usize; Nb: usize; c: usize; Nc: usize;
}

const MC: i32 = 32;
let RE: f64 = 0, IM: f64 = 0;

// @ts-ignore: decorator
@inline function cexp(a: f64, b: f64): void { const e = Math.exp(a); RE = e * Math.cos(b); IM = e * Math.sin(b); }

export function etdCreate(ctxp: usize, h: f64, filter: i32): usize {
  const c = changetype<Nlse>(ctxp);
  const n = c.n, bytes = <usize>n << 4;
  const e = changetype<Etd>(allocZero(offsetof<Etd>()));
  e.ctx = ctxp; e.h = h; e.filter = filter;
  e.E = allocZero(bytes); e.E2 = allocZero(bytes); e.Q = allocZero(bytes);
  e.f1 = allocZero(bytes); e.f2 = allocZero(bytes); e.f3 = allocZero(bytes);
  e.Nv = allocZero(bytes); e.a = allocZero(bytes); e.Na = allocZero(bytes);
  e.b = allocZero(bytes); e.Nb = allocZero(bytes); e.c = allocZero(bytes); e.Nc = allocZero(bytes);
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 4;
    const lim = -c.beta * load<f64>(c.k2 + (<usize>j << 3));     // ℒ = i·lim
    cexp(0, lim * h); store<f64>(e.E + o, RE); store<f64>(e.E + o, IM, 8);
    cexp(0, lim * h / 2.0); store<f64>(e.E2 + o, RE); store<f64>(e.E2 + o, IM, 8);
    let qr = 0.0, qi = 0.0, ar = 0.0, ai = 0.0, br = 0.0, bi = 0.0, cr = 0.0, ci = 0.0;
    for (let m = 1; m <= MC; m++) {
      const ang = 2.0 * Math.PI * (<f64>m - 0.5) / <f64>MC;   // full circle: ℒ is complex
      const zr = Math.cos(ang), zi = lim * h + Math.sin(ang);  // z = hℒ + r_m
      // 1/z, 1/z³
      const d = zr * zr + zi * zi, ir = zr / d, ii = -zi / d;
      const i2r = ir * ir - ii * ii, i2i = 2.0 * ir * ii;
      const i3r = i2r * ir - i2i * ii, i3i = i2r * ii + i2i * ir;
      const z2r = zr * zr - zi * zi, z2i = 2.0 * zr * zi;
      cexp(zr / 2.0, zi / 2.0);
      const hr = RE - 1.0, hi = IM;                          // e^{z/2} − 1
      qr += hr * ir - hi * ii; qi += hr * ii + hi * ir;
      cexp(zr, zi);
      const er = RE, ei = IM;
      // f1: −4 − z + e^z(4 − 3z + z²)
      let pr = 4.0 - 3.0 * zr + z2r, pi = -3.0 * zi + z2i;
      let tr = -4.0 - zr + (er * pr - ei * pi), ti = -zi + (er * pi + ei * pr);
      ar += tr * i3r - ti * i3i; ai += tr * i3i + ti * i3r;
      // f2: 2 + z + e^z(z − 2)
      pr = zr - 2.0; pi = zi;
      tr = 2.0 + zr + (er * pr - ei * pi); ti = zi + (er * pi + ei * pr);
      br += tr * i3r - ti * i3i; bi += tr * i3i + ti * i3r;
      // f3: −4 − 3z − z² + e^z(4 − z)
      pr = 4.0 - zr; pi = -zi;
      tr = -4.0 - 3.0 * zr - z2r + (er * pr - ei * pi); ti = -3.0 * zi - z2i + (er * pi + ei * pr);
      cr += tr * i3r - ti * i3i; ci += tr * i3i + ti * i3r;
    }
    const sc = h / <f64>MC;
    store<f64>(e.Q + o, qr * sc); store<f64>(e.Q + o, qi * sc, 8);
    store<f64>(e.f1 + o, ar * sc); store<f64>(e.f1 + o, ai * sc, 8);
    store<f64>(e.f2 + o, br * sc); store<f64>(e.f2 + o, bi * sc, 8);
    store<f64>(e.f3 + o, cr * sc); store<f64>(e.f3 + o, ci * sc, 8);
  }
  return changetype<usize>(e);
}

export function etdFree(p: usize): void {
  const e = changetype<Etd>(p);
  const arr: StaticArray<usize> = [e.E, e.E2, e.Q, e.f1, e.f2, e.f3, e.Nv, e.a, e.Na, e.b, e.Nb, e.c, e.Nc];
  for (let i = 0; i < arr.length; i++) heap.free(unchecked(arr[i]));
  heap.free(p);
}

// @ts-ignore: decorator
@inline function cm(p: usize, o: usize, xr: f64, xi: f64): void { RE = load<f64>(p + o) * xr - load<f64>(p + o, 8) * xi; IM = load<f64>(p + o) * xi + load<f64>(p + o, 8) * xr; }

/** out = E₂·x + Q·y (y2 ≠ 0: Q·(2y − y2)). */
function stage(e: Etd, n: i32, x: usize, y: usize, y2: usize, out: usize): void {
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 4;
    let yr = load<f64>(y + o), yi = load<f64>(y + o, 8);
    if (y2 != 0) { yr = 2.0 * yr - load<f64>(y2 + o); yi = 2.0 * yi - load<f64>(y2 + o, 8); }
    cm(e.E2, o, load<f64>(x + o), load<f64>(x + o, 8));
    const r1 = RE, i1 = IM;
    cm(e.Q, o, yr, yi);
    store<f64>(out + o, r1 + RE);
    store<f64>(out + o, i1 + IM, 8);
  }
}

export function etdRun(p: usize, v: usize, steps: i32): void {
  const e = changetype<Etd>(p);
  const c = changetype<Nlse>(e.ctx);
  const n = c.n;
  for (let s = 0; s < steps; s++) {
    nlseNonlinearTerm(c, v, e.Nv);
    stage(e, n, v, e.Nv, 0, e.a);
    nlseNonlinearTerm(c, e.a, e.Na);
    stage(e, n, v, e.Na, 0, e.b);
    nlseNonlinearTerm(c, e.b, e.Nb);
    stage(e, n, e.a, e.Nb, e.Nv, e.c);
    nlseNonlinearTerm(c, e.c, e.Nc);
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 4;
      cm(e.E, o, load<f64>(v + o), load<f64>(v + o, 8));
      let r = RE, i = IM;
      cm(e.f1, o, load<f64>(e.Nv + o), load<f64>(e.Nv + o, 8)); r += RE; i += IM;
      const sr = 2.0 * (load<f64>(e.Na + o) + load<f64>(e.Nb + o)), si = 2.0 * (load<f64>(e.Na + o, 8) + load<f64>(e.Nb + o, 8));
      cm(e.f2, o, sr, si); r += RE; i += IM;
      cm(e.f3, o, load<f64>(e.Nc + o), load<f64>(e.Nc + o, 8)); r += RE; i += IM;
      if (e.filter) { const sg = load<f64>(c.sigma + (<usize>j << 3)); r *= sg; i *= sg; }
      store<f64>(v + o, r);
      store<f64>(v + o, i, 8);
    }
  }
}
