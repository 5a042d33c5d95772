// kg.ts — (1+1)-D nonlinear Klein–Gordon  φ_tt − φ_xx + V′(φ) = 0  (klein-gordon.md §1):
//   linear V = ½m²φ², V′ = m²φ;  phi4 V = (λ/4)(φ² − v²)², V′ = λφ(φ² − v²);  sine_gordon V = 1 − cos φ, V′ = sin φ.
// Spectral Laplacian with the real FFT of the n samples (periodic with period n·dx, k = 2π·fftfreq(n, dx), the
// Nyquist mode included) or, for Neumann ends, of the even extension to 2(n − 1) samples (a DCT-I).
// Steppers on (φ, π = φ_t):
//   legacy leapfrog  φ^{n+1} = 2φ^n − φ^{n−1} + Δt² F(φ^n)          (the seed's two-level form)
//   kdk              π += ½ΔtF, φ += Δtπ, π += ½ΔtF                   (velocity Verlet, F cached across steps)
//   split            exact flow of φ_tt = φ_xx − μ²φ in Fourier space, kick π −= τ(V′(φ) − μ²φ);
//                    Strang / Yoshida-4 / Yoshida-6 compositions (periodic only)
// Energy H = Σ[½π² + ½φ_x² + V(φ)]dx with a spectral φ_x, momentum P = −Σ π φ_x dx.

import { realPlanCreate, realPlanFree, realForward, realInverse, realFilter } from "../fft/real";
import { allocZero } from "../fft/complex";
import { sinFast, sinArray } from "./sincos";

export const POT_LINEAR: i32 = 0;
export const POT_PHI4: i32 = 1;
export const POT_SG: i32 = 2;

// @ts-ignore: decorator
@unmanaged
export class Kg {
  n: i32; M: i32; neumann: i32; potential: i32;
  dx: f64; m2: f64; lambda: f64; v2: f64; mu2: f64;
  plan: usize; k: usize;          // k for the M/2 + 1 real-FFT bins
  ext: usize; spec: usize;        // M reals, M/2 + 1 complex
  f: usize; tmp: usize;           // n reals each
  fValid: i32;
  dealias: i32;                   // 0 none, 1 two-thirds rule on V′, 2 V′ evaluated on a 2× zero-padded grid
  plan2: usize; ext2: usize; spec2: usize; spec3: usize;   // 2M-point real plan, 2M reals, M+1 complex, M/2+1 complex
  sponge: usize;                  // n damping factors e^{−σ_j Δt/2} (0: none)
  wlap: usize; wd2: f64;          // −k²Δt² per bin for the leapfrog, and the Δt² it was made for
  wk2: usize;                     // −k² per bin
}

const TWO_PI: f64 = 6.283185307179586;

export function kgCreate(n: i32, dx: f64, neumann: i32, potential: i32, m: f64, lambda: f64, vacuum: f64): usize {
  const c = changetype<Kg>(allocZero(offsetof<Kg>()));
  c.n = n; c.dx = dx; c.neumann = neumann; c.potential = potential;
  c.m2 = m * m; c.lambda = lambda; c.v2 = vacuum * vacuum;
  c.mu2 = potential == POT_LINEAR ? c.m2 : potential == POT_PHI4 ? 2.0 * lambda * c.v2 : 1.0;
  const M = neumann ? 2 * (n - 1) : n;
  c.M = M;
  c.plan = realPlanCreate(M);
  const bins = M / 2 + 1;
  c.k = allocZero(<usize>bins << 3);
  // numpy fftfreq(M, dx): bin j → j/(M·dx) for j < ⌈M/2⌉, the Nyquist bin −(M/2)/(M·dx); k² is what matters
  const val = 1.0 / (<f64>M * dx);
  for (let j = 0; j < bins; j++) store<f64>(c.k + (<usize>j << 3), TWO_PI * (<f64>j * val));
  c.ext = allocZero(<usize>M << 3);
  c.spec = allocZero(<usize>bins << 4);
  c.f = allocZero(<usize>n << 3);
  c.wlap = allocZero(<usize>bins << 3); c.wd2 = -1.0;
  c.wk2 = allocZero(<usize>bins << 3);
  for (let j = 0; j < bins; j++) { const k = load<f64>(c.k + (<usize>j << 3)); store<f64>(c.wk2 + (<usize>j << 3), -(k * k)); }
  c.tmp = allocZero(<usize>n << 3);
  return changetype<usize>(c);
}

/**
 * Dealiasing of the nonlinear term V′(φ) for kgForce: 1 = two-thirds rule (bins with |k| > ⅔k_max of V̂′ zeroed),
 * 2 = V′ evaluated on a 2× zero-padded grid and projected back (exact for cubic V′ of band-limited φ).
 */
export function kgSetDealias(p: usize, mode: i32): void {
  const c = changetype<Kg>(p);
  c.dealias = mode;
  const bins = c.M / 2 + 1;
  if (!c.spec3) c.spec3 = allocZero(<usize>bins << 4);
  if (mode == 2 && !c.plan2) {
    c.plan2 = realPlanCreate(2 * c.M);
    c.ext2 = allocZero(<usize>(2 * c.M) << 3);
    c.spec2 = allocZero(<usize>(c.M + 1) << 4);
  }
  c.fValid = 0;
}

/** Sponge layer for kgKdk: n factors e^{−σ(x_j)Δt/2} applied to π before and after each step (0 removes it). */
export function kgSetSponge(p: usize, factors: usize): void {
  const c = changetype<Kg>(p);
  if (!factors) { if (c.sponge) heap.free(c.sponge); c.sponge = 0; return; }
  if (!c.sponge) c.sponge = allocZero(<usize>c.n << 3);
  memory.copy(c.sponge, factors, <usize>c.n << 3);
}

export function kgFree(p: usize): void {
  const c = changetype<Kg>(p);
  if (c.plan2) { realPlanFree(c.plan2); heap.free(c.ext2); heap.free(c.spec2); }
  if (c.spec3) heap.free(c.spec3);
  if (c.sponge) heap.free(c.sponge);
  heap.free(c.wlap); heap.free(c.wk2);
  realPlanFree(c.plan);
  heap.free(c.k); heap.free(c.ext); heap.free(c.spec); heap.free(c.f); heap.free(c.tmp);
  heap.free(p);
}

/** c.ext (M reals) = the even extension of φ (n values) for the Neumann grid: φ_0 … φ_{n−1}, φ_{n−2} … φ_1. */
function extend(c: Kg, phi: usize): void {
  const n = c.n;
  memory.copy(c.ext, phi, <usize>n << 3);
  for (let j = 1; j < n - 1; j++) store<f64>(c.ext + (<usize>(c.M - j) << 3), load<f64>(phi + (<usize>j << 3)));
}

/** Spectrum of φ in c.spec (periodic: rfft of φ; Neumann: of its even extension). */
function toSpec(c: Kg, phi: usize): void {
  if (c.neumann) { extend(c, phi); realForward(c.plan, c.ext, c.spec); }
  else realForward(c.plan, phi, c.spec);
}

/** irfft(w ⊙ rfft(φ)) for a real per-bin weight w, fused (realFilter); returns where the n results are: `out`
 *  (periodic) or c.ext (Neumann, the first n values of the filtered extension). */
function filter(c: Kg, phi: usize, w: usize, out: usize): usize {
  if (!c.neumann) { realFilter(c.plan, phi, out, w, c.spec); return out; }
  extend(c, phi);
  realFilter(c.plan, c.ext, c.ext, w, c.spec);
  return c.ext;
}

/** out (n) = IFFT of c.spec (first n samples for Neumann). */
function fromSpec(c: Kg, out: usize): void {
  if (c.neumann) { realInverse(c.plan, c.spec, c.ext); memory.copy(out, c.ext, <usize>c.n << 3); }
  else realInverse(c.plan, c.spec, out);
}

/** out = ∂²φ/∂x² (spectral; rfft → ×(−k²) → irfft fused into one pass over the half spectrum). */
export function kgLaplacian(p: usize, phi: usize, out: usize): void {
  const c = changetype<Kg>(p);
  const r = filter(c, phi, c.wk2, out);
  if (r != out) memory.copy(out, r, <usize>c.n << 3);
}

// @ts-ignore: decorator
@inline function dV(c: Kg, x: f64): f64 {
  if (c.potential == POT_LINEAR) return c.m2 * x;
  if (c.potential == POT_PHI4) return c.lambda * x * (x * x - c.v2);
  return sinFast(x);
}

// @ts-ignore: decorator
@inline function V(c: Kg, x: f64): f64 {
  if (c.potential == POT_LINEAR) return 0.5 * c.m2 * x * x;
  if (c.potential == POT_PHI4) { const d = x * x - c.v2; return 0.25 * c.lambda * d * d; }
  return 1.0 - Math.cos(x);
}

/** out = φ_xx − V′(φ) (V′ dealiased if kgSetDealias chose so). */
export function kgForce(p: usize, phi: usize, out: usize): void {
  const c = changetype<Kg>(p);
  if (c.dealias) { forceDealiased(c, phi, out); return; }
  kgLaplacian(p, phi, out);
  combine(c, phi, out, out, 0, 1.0, 0.0);
}

/**
 * dst_j = a·prev_j·[prevOn] + 2·φ_j·[prevOn] + lapScaled_j − d2·V′(φ_j), specialised per potential, f64x2 where
 * it pays; returns max_j |dst_j| (NaN propagates). With prevOn = 0 (a = 0): dst = lap − d2·V′ (the force, d2 = 1).
 * `lap` holds the already scaled Laplacian; dst may alias lap or prev.
 */
function combine(c: Kg, phi: usize, lap: usize, dst: usize, prev: usize, d2: f64, leap: f64): f64 {
  const n = c.n;
  const pot = c.potential;
  if (ASC_FEATURE_SIMD) if (pot == POT_SG) {
    const vd2 = f64x2.splat(d2), two = f64x2.splat(leap);
    let vm = f64x2.splat(0.0);
    sinArray(phi, c.tmp, n);
    for (let j = 0; j < n; j += 2) {
      const o = <usize>j << 3, f = v128.load(phi + o);
      let v = f64x2.sub(v128.load(lap + o), f64x2.mul(vd2, v128.load(c.tmp + o)));
      if (prev) v = f64x2.add(f64x2.sub(f64x2.mul(two, f), v128.load(prev + o)), v);
      v128.store(dst + o, v);
      vm = f64x2.pmax(f64x2.abs(v), vm);
    }
    return max(f64x2.extract_lane(vm, 0), f64x2.extract_lane(vm, 1));
  }
  if (pot == POT_SG) {
    let m = 0.0;
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3, f = load<f64>(phi + o);
      let v = load<f64>(lap + o) - d2 * sinFast(f);
      if (prev) v = (2.0 * f - load<f64>(prev + o)) + v;
      store<f64>(dst + o, v);
      const av = abs(v);
      m = !(av <= m) ? av : m;                     // a select, not f64.max's long NaN-exact chain (see pmax below)
    }
    return m;
  }
  const a = pot == POT_PHI4 ? c.lambda * d2 : c.m2 * d2;
  const b = pot == POT_PHI4 ? c.v2 : 0.0;
  const cubic = pot == POT_PHI4;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a), vb = f64x2.splat(b), two = f64x2.splat(leap);
    let vm = f64x2.splat(0.0);
    for (let j = 0; j < n; j += 2) {
      const o = <usize>j << 3, f = v128.load(phi + o);
      const dv = cubic ? f64x2.mul(f64x2.mul(va, f), f64x2.sub(f64x2.mul(f, f), vb)) : f64x2.mul(va, f);
      let v = f64x2.sub(v128.load(lap + o), dv);
      if (prev) v = f64x2.add(f64x2.sub(f64x2.mul(two, f), v128.load(prev + o)), v);
      v128.store(dst + o, v);
      vm = f64x2.pmax(f64x2.abs(v), vm);           // one maxpd; a NaN row makes every later step all-NaN, caught then
    }
    return max(f64x2.extract_lane(vm, 0), f64x2.extract_lane(vm, 1));
  } else {
    let m = 0.0;
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3, f = load<f64>(phi + o);
      const dv = cubic ? a * f * (f * f - b) : a * f;
      let v = load<f64>(lap + o) - dv;
      if (prev) v = (leap * f - load<f64>(prev + o)) + v;
      store<f64>(dst + o, v);
      const av = abs(v);
      m = !(av <= m) ? av : m;
    }
    return m;
  }
}

function forceDealiased(c: Kg, phi: usize, out: usize): void {
  const bins = c.M / 2 + 1, n = c.n, M = c.M;
  toSpec(c, phi);
  memory.copy(c.spec3, c.spec, <usize>bins << 4);                 // φ̂
  if (c.dealias == 1) {
    for (let j = 0; j < n; j++) store<f64>(c.tmp + (<usize>j << 3), dV(c, load<f64>(phi + (<usize>j << 3))));
    toSpec(c, c.tmp);                                               // V̂′ in c.spec
    const cut = <f64>(M / 2) * (2.0 / 3.0);
    for (let j = 0; j < bins; j++) if (<f64>j > cut) { store<f64>(c.spec + (<usize>j << 4), 0.0); store<f64>(c.spec + (<usize>j << 4), 0.0, 8); }
  } else {
    // zero-pad φ̂ to 2M points (×2 for irfft's 1/(2M)), evaluate V′ there, project back (×½)
    memory.fill(c.spec2, 0, <usize>(M + 1) << 4);
    for (let j = 0; j < bins; j++) {
      const o = <usize>j << 4;
      store<f64>(c.spec2 + o, 2.0 * load<f64>(c.spec3 + o)); store<f64>(c.spec2 + o, 2.0 * load<f64>(c.spec3 + o, 8), 8);
    }
    const ny = c.spec2 + (<usize>(M / 2) << 4);                   // coarse Nyquist cos(πj): half to each side
    store<f64>(ny, load<f64>(ny) * 0.5); store<f64>(ny, 0.0, 8);
    realInverse(c.plan2, c.spec2, c.ext2);
    for (let j = 0; j < 2 * M; j++) { const o = <usize>j << 3; store<f64>(c.ext2 + o, dV(c, load<f64>(c.ext2 + o))); }
    realForward(c.plan2, c.ext2, c.spec2);
    for (let j = 0; j < bins; j++) {
      const o = <usize>j << 4;
      if (j == M / 2) { store<f64>(c.spec + o, load<f64>(c.spec2 + o)); store<f64>(c.spec + o, 0.0, 8); }
      else { store<f64>(c.spec + o, 0.5 * load<f64>(c.spec2 + o)); store<f64>(c.spec + o, 0.5 * load<f64>(c.spec2 + o, 8), 8); }
    }
  }
  for (let j = 0; j < bins; j++) {
    const o = <usize>j << 4, k = load<f64>(c.k + (<usize>j << 3)), w = -(k * k);
    store<f64>(c.spec + o, w * load<f64>(c.spec3 + o) - load<f64>(c.spec + o));
    store<f64>(c.spec + o, w * load<f64>(c.spec3 + o, 8) - load<f64>(c.spec + o, 8), 8);
  }
  fromSpec(c, out);
}

/**
 * The seed's step: old ← 2φ − old + Δt²F(φ) (then the caller swaps the two pointers), fused into one spectral
 * multiply by −Δt²k² and one combining pass. Returns max_j |φ^{n+1}_j| (NaN/Inf propagate), which the caller uses
 * both as the instability check and as the next step's max|φ^n| for the adaptive-Δt rule.
 */
export function kgLeapfrog(p: usize, phi: usize, old: usize, dt: f64): f64 {
  const c = changetype<Kg>(p);
  const d2 = dt * dt;
  const bins = c.M / 2 + 1;
  if (d2 != c.wd2) {
    for (let j = 0; j < bins; j++) { const k = load<f64>(c.k + (<usize>j << 3)); store<f64>(c.wlap + (<usize>j << 3), -(k * k) * d2); }
    c.wd2 = d2;
  }
  // Δt²φ_xx: rfft → ×(−k²Δt²) → irfft in one fused pass over the half spectrum (same bits as the three steps)
  const lap = filter(c, phi, c.wlap, c.f);
  return combine(c, phi, lap, old, old, d2, 2.0);   // old ← 2φ − old + (Δt²φ_xx − Δt²V′(φ))
}

/** max_j |φ_j|. */
export function kgMaxAbs(phi: usize, n: i32): f64 {
  let m = 0.0;
  for (let j = 0; j < n; j++) m = Math.max(m, Math.abs(load<f64>(phi + (<usize>j << 3))));
  return m;
}

/** `steps` velocity-Verlet (kick–drift–kick) steps; F(φ) is reused across steps; the sponge (if set) damps π
 * by e^{−σΔt/2} before and after each step (Strang splitting of the damping). */
export function kgKdk(p: usize, phi: usize, pi: usize, dt: f64, steps: i32): void {
  const c = changetype<Kg>(p);
  const n = c.n, h = 0.5 * dt, sp = c.sponge;
  if (!c.fValid) { kgForce(p, phi, c.f); c.fValid = 1; }
  for (let s = 0; s < steps; s++) {
    if (sp) for (let j = 0; j < n; j++) { const o = <usize>j << 3; store<f64>(pi + o, load<f64>(pi + o) * load<f64>(sp + o)); }
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      const v = load<f64>(pi + o) + h * load<f64>(c.f + o);
      store<f64>(pi + o, v);
      store<f64>(phi + o, load<f64>(phi + o) + dt * v);
    }
    kgForce(p, phi, c.f);
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      const v = load<f64>(pi + o) + h * load<f64>(c.f + o);
      store<f64>(pi + o, sp ? v * load<f64>(sp + o) : v);
    }
  }
}

/** Forget the cached force (after the state was changed from outside). */
export function kgInvalidate(p: usize): void { changetype<Kg>(p).fValid = 0; }

/**
 * out[0] = H, out[1] = P, out[2] = spectral tail energy fraction (|k| > ⅔k_max) of φ, out[3] = energy-density
 * centroid in grid units (Σ j e_j / Σ e_j; x = x_0 + out[3]·dx).
 */
export function kgDiagnostics(p: usize, phi: usize, pi: usize, out: usize): void {
  const c = changetype<Kg>(p);
  const n = c.n, bins = c.M / 2 + 1;
  // tail fraction and φ_x (spectral)
  toSpec(c, phi);
  const kmax = load<f64>(c.k + (<usize>(bins - 1) << 3));
  let tail = 0.0, all = 0.0;
  for (let j = 0; j < bins; j++) {
    const o = <usize>j << 4, k = load<f64>(c.k + (<usize>j << 3));
    const re = load<f64>(c.spec + o), im = load<f64>(c.spec + o, 8);
    const a = re * re + im * im;
    all += a; if (k > kmax * (2.0 / 3.0)) tail += a;
    // ∂x ↔ ik (odd: the Nyquist bin's derivative is zero); Neumann extension is even so the derivative is odd
    if (j == bins - 1 && (c.M & 1) == 0) { store<f64>(c.spec + o, 0.0); store<f64>(c.spec + o, 0.0, 8); }
    else { store<f64>(c.spec + o, -k * im); store<f64>(c.spec + o, k * re, 8); }
  }
  fromSpec(c, c.tmp);
  const sg = c.potential == POT_SG;
  if (sg) {                                       // sine-Gordon V = 1 − cos φ = 2 sin²(φ/2), vectorised (c.ext is free here)
    for (let j = 0; j < n; j++) store<f64>(c.ext + (<usize>j << 3), 0.5 * load<f64>(phi + (<usize>j << 3)));
    sinArray(c.ext, c.ext, n);
  }
  let H = 0.0, P = 0.0, J = 0.0;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 3;
    const f = load<f64>(phi + o), v = load<f64>(pi + o), fx = load<f64>(c.tmp + o);
    // Neumann: the two end points carry half weight (trapezoid on the mirrored grid)
    const w = c.neumann && (j == 0 || j == n - 1) ? 0.5 : 1.0;
    let pe: f64;
    if (sg) { const h = load<f64>(c.ext + o); pe = 2.0 * h * h; } else pe = V(c, f);
    const e = w * (0.5 * v * v + 0.5 * fx * fx + pe);
    H += e; J += <f64>j * e;
    P -= w * v * fx;
  }
  store<f64>(out, H * c.dx);
  store<f64>(out, P * c.dx, 8);
  store<f64>(out, all > 0 ? tail / all : 0.0, 16);
  store<f64>(out, H != 0 ? J / H : NaN, 24);
}
