// rk.ts — one generic explicit Runge–Kutta integrator over any tableau (tableau.ts), with
// scipy.integrate.solve_ivp's step control (control.ts), step for step. For y' = f(t, y):
//   K_0 = f(t, y),  K_s = f(t + c_s h, y + h Σ_j a_sj K_j),  y_new = y + h Σ_j b_j K_j,
//   K_S = f(t + h, y_new)  (first same as last: it is K_0 of the next step).
// Everything is allocated once in odeCreate; odeStep allocates nothing.
// Reference: scipy/integrate/_ivp/rk.py (RungeKutta._step_impl, rk_step), common.py (select_initial_step).

import { Tableau, tableau, METHOD_DOP853 } from "./tableau";
import { combine } from "./vec";
import { evalRhs, lorenz, arenstorf, SYS_LORENZ, SYS_ARENSTORF, SYS_VANDERPOL } from "./systems";
import { dop853SmallStages, dop853SmallError, dop853Lorenz, dop853Arenstorf, dop853VanDerPol } from "./dop853_small";
import { dop853LargeAttempt } from "./dop853_large";
import { SAFETY, MIN_FACTOR, MAX_FACTOR, pyMax, pyMin, modulus, sumSqScaled, minStep, fillScale } from "./control";

export const ST_RUNNING: i32 = 0;
export const ST_FINISHED: i32 = 1;
export const ST_TOO_SMALL: i32 = 2;
export const ST_NONFINITE: i32 = 3;

// @ts-ignore: decorator
@unmanaged
export class Rk {
  t: f64; tOld: f64; tBound: f64; hAbs: f64; hPrev: f64; dir: f64; rtol: f64; maxStep: f64;
  n: i32;          // components (complex count for complex states)
  N: i32;          // doubles per state (2n when complex)
  rs: i32;         // bytes from one K row to the next (≥ 8N, padded off multiples of 2 KiB: see odeCreate)
  cplx: i32;
  system: i32; handle: i32; nparams: i32;
  status: i32; nfev: i32; naccept: i32; nreject: i32; denseValid: i32; nanReject: i32; stepped: i32;
  tab: usize;
  y: usize; yOld: usize; yNew: usize; K: usize; ytmp: usize; scale: usize; atol: usize;
  F: usize; cbY: usize; cbDy: usize; params: usize;
  rtolv: usize;    // per-component rtol (n doubles) or 0: the scalar rtol for every component
  block: usize;    // the one allocation holding y … params
}

// @ts-ignore: decorator
@inline function row(r: Rk, s: i32): usize { return r.K + <usize>s * <usize>r.rs; }

// @ts-ignore: decorator
@inline export function rhs(r: Rk, t: f64, y: usize, dy: usize): void {
  r.nfev++;
  if (r.system == SYS_LORENZ) lorenz(r.params, y, dy);
  else if (r.system == SYS_ARENSTORF) arenstorf(r.params, y, dy);
  else evalRhs(r.system, r.handle, r.params, r.n, r.N, t, y, dy, r.cbY, r.cbDy);
}

/** dst[0..n) = src[0..n): a plain loop for small n (V8's memory.copy is an out-of-line call, ~10 ns). */
// @ts-ignore: decorator
@inline export function copyF64(dst: usize, src: usize, n: i32): void {
  if (n < 16) { for (let i = 0; i < n; i++) store<f64>(dst + (<usize>i << 3), load<f64>(src + (<usize>i << 3))); }
  else memory.copy(dst, src, <usize>n << 3);
}

/** 1: DOP853 runs the generic stepper (rkStep, errorNorm) for every N instead of the generated kernels
 *  (dop853_small.ts, dop853_large.ts): the reference they are tested against, bit for bit. */
let genericOnly: i32 = 0;
/** Selects the generic DOP853 stepper (1) or the generated kernels (0, the default); returns the previous setting. */
export function odeSetGeneric(on: i32): i32 { const old = genericOnly; genericOnly = on; return old; }

function zalloc(bytes: usize): usize {
  const p = heap.alloc(bytes > 0 ? bytes : 8);
  memory.fill(p, 0, bytes);
  return p;
}

/** Allocates an integrator for n components (complex if cplx) with an nparams-double parameter block. */
export function odeCreate(method: i32, n: i32, cplx: i32, nparams: i32): usize {
  const r = changetype<Rk>(zalloc(offsetof<Rk>()));
  const tab = tableau(method);
  const N = cplx ? 2 * n : n;
  const vb = <usize>N << 3;
  r.tab = changetype<usize>(tab);
  r.n = n; r.N = N; r.cplx = cplx; r.nparams = nparams;
  // one block with a fixed layout, buffers a multiple of 64 bytes apart (as C's static arrays): the buffers'
  // relative addresses are the same for every integrator instead of wherever the allocator put them
  // Buffers (and K rows) 2^k KiB apart would all map to the same few L1 sets (the stage sums read up to 11 rows
  // at equal offsets), so such spacings get one more cache line.
  const v64 = (vb + 63) & ~<usize>63;
  const v: usize = (v64 & 2047) == 0 ? v64 + 64 : v64;
  const sn = ((<usize>n << 3) + 63) & ~<usize>63;
  const total: usize = v * 6 + v * <usize>tab.nExt + v * <usize>tab.nDense + sn * 2 + (((<usize>nparams << 3) + 15) & ~<usize>15);
  let q = zalloc(total);
  r.block = q;
  r.y = q; q += v; r.yOld = q; q += v; r.yNew = q; q += v; r.ytmp = q; q += v;
  r.cbY = q; q += v; r.cbDy = q; q += v;
  r.K = q; q += v * <usize>tab.nExt; r.rs = <i32>v;
  r.F = q; q += v * <usize>tab.nDense;
  r.scale = q; q += sn;
  r.atol = q; q += sn;
  r.params = q;
  return changetype<usize>(r);
}

/** Switches the integrator to one rtol per component (scipy's array rtol) and returns the n-double buffer to fill. */
export function odeRtolVector(p: usize): usize {
  const r = changetype<Rk>(p);
  if (!r.rtolv) r.rtolv = zalloc(<usize>r.n << 3);
  return r.rtolv;
}

export function odeFree(p: usize): void {
  const r = changetype<Rk>(p);
  heap.free(r.block);
  if (r.rtolv) heap.free(r.rtolv);
  heap.free(p);
}

function allFinite(v: usize, N: i32): bool {
  for (let i = 0; i < N; i++) if (!isFinite(load<f64>(v + (<usize>i << 3)))) return false;
  return true;
}

/**
 * Starts the integration: y (already written to r.y), atol and params are in place. Evaluates
 * f(t0, y0) and, when firstStep ≤ 0, picks the first step with scipy's select_initial_step.
 * Returns the status (ST_NONFINITE if y0 or f(t0, y0) is not finite).
 */
export function odeInit(p: usize, system: i32, handle: i32, t0: f64, tBound: f64, rtol: f64, maxStep: f64, firstStep: f64): i32 {
  const r = changetype<Rk>(p);
  const tab = changetype<Tableau>(r.tab);
  r.system = system; r.handle = handle;
  r.t = t0; r.tOld = t0; r.tBound = tBound; r.rtol = rtol; r.maxStep = maxStep;
  r.dir = tBound != t0 ? (tBound > t0 ? 1.0 : -1.0) : 1.0;
  r.status = ST_RUNNING; r.nfev = 0; r.naccept = 0; r.nreject = 0; r.denseValid = 0; r.stepped = 0; r.nanReject = 0;
  const fCur = row(r, tab.nStages);       // the "current f" lives in the FSAL row
  rhs(r, t0, r.y, fCur);
  if (!allFinite(r.y, r.N) || !allFinite(fCur, r.N)) { r.status = ST_NONFINITE; return r.status; }
  r.hAbs = firstStep > 0 ? firstStep : initialStep(r, tab.errOrder, fCur);
  return r.status;
}

/** RMS norm of v/scale (scipy common.norm). */
function rmsScaled(r: Rk, v: usize): f64 {
  return Math.sqrt(sumSqScaled(v, r.scale, r.n, r.cplx != 0, 1.0)) / Math.sqrt(<f64>r.n);
}

/** scipy.integrate._ivp.common.select_initial_step (Hairer's algorithm), error-estimator order q. */
function initialStep(r: Rk, q: i32, f0: usize): f64 {
  if (r.n == 0) return Infinity;
  const interval = Math.abs(r.tBound - r.t);
  if (interval == 0.0) return 0.0;
  const cplx = r.cplx != 0;
  for (let i = 0; i < r.n; i++) {
    const rt = r.rtolv ? load<f64>(r.rtolv + (<usize>i << 3)) : r.rtol;
    store<f64>(r.scale + (<usize>i << 3), load<f64>(r.atol + (<usize>i << 3)) + modulus(r.y, i, cplx) * rt);
  }
  const d0 = rmsScaled(r, r.y);
  const d1 = rmsScaled(r, f0);
  let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
  h0 = pyMin(h0, interval);
  const hd = h0 * r.dir;
  for (let i = 0; i < r.N; i++) {
    const o = <usize>i << 3;
    store<f64>(r.ytmp + o, load<f64>(r.y + o) + hd * load<f64>(f0 + o));
  }
  const f1 = r.yNew;                       // scratch
  rhs(r, r.t + hd, r.ytmp, f1);
  for (let i = 0; i < r.N; i++) {
    const o = <usize>i << 3;
    store<f64>(r.ytmp + o, load<f64>(f1 + o) - load<f64>(f0 + o));
  }
  const d2 = rmsScaled(r, r.ytmp) / h0;
  let h1: f64;
  if (d1 <= 1e-15 && d2 <= 1e-15) h1 = pyMax(1e-6, h0 * 1e-3);
  else h1 = Math.pow(0.01 / pyMax(d1, d2), 1.0 / <f64>(q + 1));
  return pyMin(pyMin(pyMin(100.0 * h0, h1), interval), r.maxStep);
}

/** One RK step attempt of size h from (t, y): fills K rows 1..S and y_new. */
function rkStep(r: Rk, tab: Tableau, t: f64, h: f64): void {
  const N = r.N;
  const S = tab.nStages;
  for (let s = 1; s < S; s++) {
    const a0 = load<i32>(tab.aPtr + (<usize>s << 2)), a1 = load<i32>(tab.aPtr + (<usize>(s + 1) << 2));
    combine(r.ytmp, tab.aIdx + (<usize>a0 << 2), tab.aVal + (<usize>a0 << 3), a1 - a0, r.K, r.rs, N, r.y, h);
    rhs(r, t + load<f64>(tab.C + (<usize>s << 3)) * h, r.ytmp, row(r, s));
  }
  combine(r.yNew, tab.bIdx, tab.bVal, tab.bN, r.K, r.rs, N, r.y, h);
  rhs(r, t + h, r.yNew, row(r, S));
}

/** scipy's _estimate_error_norm for the tableau's method; r.scale must be filled. */
function errorNorm(r: Rk, tab: Tableau, h: f64): f64 {
  const cplx = r.cplx != 0;
  if (tab.method == METHOD_DOP853) {
    let s5: f64, s3: f64;
    if (!cplx && r.N < 16) {
      // fused form of the two passes below (same operations, same order)
      const rowBytes = <usize>r.rs;
      let a5 = 0.0, a3 = 0.0;
      for (let i = 0; i < r.N; i++) {
        const o = <usize>i << 3;
        let e5 = load<f64>(tab.eVal) * load<f64>(r.K + <usize>load<i32>(tab.eIdx) * rowBytes + o);
        for (let k = 1; k < tab.eN; k++) e5 += load<f64>(tab.eVal + (<usize>k << 3)) * load<f64>(r.K + <usize>load<i32>(tab.eIdx + (<usize>k << 2)) * rowBytes + o);
        let e3 = load<f64>(tab.e3Val) * load<f64>(r.K + <usize>load<i32>(tab.e3Idx) * rowBytes + o);
        for (let k = 1; k < tab.e3N; k++) e3 += load<f64>(tab.e3Val + (<usize>k << 3)) * load<f64>(r.K + <usize>load<i32>(tab.e3Idx + (<usize>k << 2)) * rowBytes + o);
        const sc = load<f64>(r.scale + o);
        const x5 = e5 * 1.0 / sc, x3 = e3 * 1.0 / sc;
        a5 += x5 * x5; a3 += x3 * x3;
      }
      s5 = a5; s3 = a3;
    } else {
      combine(r.ytmp, tab.eIdx, tab.eVal, tab.eN, r.K, r.rs, r.N);
      s5 = sumSqScaled(r.ytmp, r.scale, r.n, cplx, 1.0);
      combine(r.ytmp, tab.e3Idx, tab.e3Val, tab.e3N, r.K, r.rs, r.N);
      s3 = sumSqScaled(r.ytmp, r.scale, r.n, cplx, 1.0);
    }
    const n5 = Math.sqrt(s5), n3 = Math.sqrt(s3);
    const e5 = n5 * n5, e3 = n3 * n3;
    if (e5 == 0.0 && e3 == 0.0) return 0.0;
    const denom = e5 + 0.01 * e3;
    return Math.abs(h) * e5 / Math.sqrt(denom * <f64>r.n);
  }
  combine(r.ytmp, tab.eIdx, tab.eVal, tab.eN, r.K, r.rs, r.N);
  return Math.sqrt(sumSqScaled(r.ytmp, r.scale, r.n, cplx, h)) / Math.sqrt(<f64>r.n);
}

/** Advances one accepted step (retrying rejected sizes). Returns the status. */
export function odeStep(p: usize): i32 {
  const r = changetype<Rk>(p);
  if (r.status != ST_RUNNING) return r.status;
  const tab = changetype<Tableau>(r.tab);
  if (r.n == 0 || r.t == r.tBound) {
    r.tOld = r.t; r.t = r.tBound; r.status = ST_FINISHED; r.denseValid = 0; r.stepped = 1;
    return r.status;
  }
  const t = r.t;
  const dir = r.dir;
  const cplx = r.cplx != 0;
  const exponent = -1.0 / <f64>(tab.errOrder + 1);
  const minS = minStep(t, dir);
  // K_0 = f(t, y): the FSAL row of the last accepted step. Copied once, before any attempt, because
  // a rejected attempt overwrites the FSAL row with f at its own (discarded) y_new.
  copyF64(r.K, row(r, tab.nStages), r.N);
  let hAbs = r.hAbs > r.maxStep ? r.maxStep : (r.hAbs < minS ? minS : r.hAbs);
  let rejected = false;
  let tNew: f64 = t, h: f64 = 0;
  const gen = tab.method == METHOD_DOP853 && !genericOnly;
  const small = gen && !cplx && r.N < 16, large = gen && r.N >= 16;
  for (;;) {
    if (hAbs < minS) {
      r.status = r.nanReject ? ST_NONFINITE : ST_TOO_SMALL;
      return r.status;
    }
    h = hAbs * dir;
    tNew = t + h;
    if (dir * (tNew - r.tBound) > 0) tNew = r.tBound;
    h = tNew - t;
    hAbs = Math.abs(h);
    let err: f64;
    if (small) {
      // DOP853, real N < 16: the same operations with constant coefficients (dop853_small.ts)
      // (Lorenz, Arenstorf, van der Pol: specialised, the state and stages in locals)
      if (r.system == SYS_LORENZ) err = dop853Lorenz(r, h);
      else if (r.system == SYS_ARENSTORF) err = dop853Arenstorf(r, h);
      else if (r.system == SYS_VANDERPOL) err = dop853VanDerPol(r, h);
      else { dop853SmallStages(r, t, h); err = dop853SmallError(r, h); }
    } else if (large) {
      // DOP853, N ≥ 16: straight-line f64x2 stages, y_new + scale + error in one pass (dop853_large.ts)
      err = dop853LargeAttempt(r, t, h);
    } else {
      rkStep(r, tab, t, h);
      fillScale(r.scale, r.atol, r.y, r.yNew, r.n, cplx, r.rtol, r.rtolv);
      err = errorNorm(r, tab, h);
    }
    if (err < 1.0) {
      let factor = err == 0.0 ? MAX_FACTOR : pyMin(MAX_FACTOR, SAFETY * Math.pow(err, exponent));
      if (rejected) factor = pyMin(1.0, factor);
      hAbs *= factor;
      break;
    }
    r.nanReject = isNaN(err) ? 1 : 0;
    hAbs *= pyMax(MIN_FACTOR, SAFETY * Math.pow(err, exponent));
    rejected = true;
    r.nreject++;
  }
  r.nanReject = 0;
  r.hPrev = h;
  const old = r.yOld;
  r.yOld = r.y; r.y = r.yNew; r.yNew = old;
  r.tOld = t; r.t = tNew; r.hAbs = hAbs;
  r.naccept++; r.denseValid = 0; r.stepped = 1;
  if (dir * (r.t - r.tBound) >= 0) r.status = ST_FINISHED;
  return r.status;
}
