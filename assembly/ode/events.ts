// events.ts — event location inside the WASM step loop, as scipy.integrate.solve_ivp does it (src/ode/events.ts is
// the same logic in JS): after each accepted step every event g_k(t, y) is evaluated (a JS function, called
// through the env.odeEventJs import with a copy of y); an event is active when it changed sign in the step
// respecting its direction (find_active_events); each active event's time is found by Brent's method on the dense
// output (scipy's brentq, xtol = rtol = 4ε, 100 iterations), and when an event reaches its terminal count the
// roots are ordered in the direction of integration and cut after the first terminal one (handle_events). Every
// located event is recorded as a row: t = the root, then [k, y(root)…] (N + 1 doubles).

import { Rk } from "./rk";
import { odeDensePrepare, odeDenseEval } from "./dense";
import { Rec, rowAt } from "./loop";

// @ts-ignore: decorator
@external("env", "odeEventJs")
declare function odeEventJs(handle: i32, k: i32, t: f64, y: usize, n: i32): f64;

const EPS4: f64 = 4 * 2.220446049250313e-16;

// @ts-ignore: decorator
@unmanaged
export class Ev {
  handle: i32;     // callback slot of the JS event functions (src/wasm/callbacks.ts)
  n: i32;          // number of events
  g: usize;        // f64[n] values at the end of the previous step (JS writes g(t0, y0) first)
  gNew: usize;     // f64[n]
  dir: usize;      // f64[n] directions
  max: usize;      // f64[n] terminal counts (Infinity: not terminal)
  count: usize;    // f64[n] occurrences so far
  act: usize;      // i32[n] active events of this step
  roots: usize;    // f64[n]
  rec: usize;      // Rec of event rows (t, [k, y…])
  tStop: f64;      // the terminal root of the last step that terminated
}

/** Event state for `n` events whose JS functions are behind callback `handle`; JS fills g, dir and max. */
export function odeEvCreate(handle: i32, n: i32, rec: usize): usize {
  const e = changetype<Ev>(heap.alloc(offsetof<Ev>()));
  const b = <usize>max(n, 1) << 3;
  e.handle = handle; e.n = n; e.rec = rec; e.tStop = NaN;
  e.g = heap.alloc(b); e.gNew = heap.alloc(b); e.dir = heap.alloc(b); e.max = heap.alloc(b); e.count = heap.alloc(b);
  e.act = heap.alloc(b); e.roots = heap.alloc(b);
  memory.fill(e.count, 0, b);
  return changetype<usize>(e);
}
export function odeEvG(ev: usize): usize { return changetype<Ev>(ev).g; }
export function odeEvDir(ev: usize): usize { return changetype<Ev>(ev).dir; }
export function odeEvMax(ev: usize): usize { return changetype<Ev>(ev).max; }
export function odeEvFree(ev: usize): void {
  const e = changetype<Ev>(ev);
  heap.free(e.g); heap.free(e.gNew); heap.free(e.dir); heap.free(e.max); heap.free(e.count); heap.free(e.act); heap.free(e.roots);
  heap.free(ev);
}

// @ts-ignore: decorator
@inline function f64At(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function setF64(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline function sgn(x: f64): f64 { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }

/** g_k at time s on the dense output of the last step (y(s) in the scratch ytmp). */
function gAt(e: Ev, r: Rk, p: usize, k: i32, s: f64): f64 {
  odeDenseEval(p, s, r.ytmp);
  return odeEventJs(e.handle, k, s, r.ytmp, r.N);
}

/** scipy's brentq(g_k ∘ dense, xa, xb, xtol = rtol = 4ε, maxiter = 100) — src/ode/events.ts's brentq line by line. */
function brentq(e: Ev, r: Rk, p: usize, k: i32, xa: f64, xb: f64): f64 {
  let xpre = xa, xcur = xb, xblk = 0.0, fblk = 0.0, spre = 0.0, scur = 0.0;
  let fpre = gAt(e, r, p, k, xpre), fcur = gAt(e, r, p, k, xcur);
  if (fpre == 0) return xpre;
  if (fcur == 0) return xcur;
  if (sgn(fpre) == sgn(fcur)) return NaN;   // JS reports it (cannot happen for a sign change found on the same dense output)
  for (let i = 0; i < 100; i++) {
    if (fpre != 0 && fcur != 0 && sgn(fpre) != sgn(fcur)) { xblk = xpre; fblk = fpre; spre = scur = xcur - xpre; }
    if (Math.abs(fblk) < Math.abs(fcur)) { xpre = xcur; xcur = xblk; xblk = xpre; fpre = fcur; fcur = fblk; fblk = fpre; }
    const delta = (EPS4 + EPS4 * Math.abs(xcur)) / 2;
    const sbis = (xblk - xcur) / 2;
    if (fcur == 0 || Math.abs(sbis) < delta) return xcur;
    if (Math.abs(spre) > delta && Math.abs(fcur) < Math.abs(fpre)) {
      let stry: f64;
      if (xpre == xblk) stry = -fcur * (xcur - xpre) / (fcur - fpre);
      else {
        const dpre = (fpre - fcur) / (xpre - xcur), dblk = (fblk - fcur) / (xblk - xcur);
        stry = -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre));
      }
      if (2 * Math.abs(stry) < Math.min(Math.abs(spre), 3 * Math.abs(sbis) - delta)) { spre = scur; scur = stry; }
      else { spre = sbis; scur = sbis; }
    } else { spre = sbis; scur = sbis; }
    xpre = xcur; fpre = fcur;
    xcur += Math.abs(scur) > delta ? scur : (sbis > 0 ? delta : -delta);
    fcur = gAt(e, r, p, k, xcur);
  }
  return xcur;
}

/**
 * After an accepted step: locates the events of the step and records them. Returns 1 when a terminal event
 * ended the integration (its time in e.tStop), 0 otherwise, −1 when a root could not be bracketed (JS throws).
 */
export function eventsAfterStep(ev: usize, p: usize): i32 {
  const e = changetype<Ev>(ev), r = changetype<Rk>(p), n = e.n, N = r.N;
  for (let k = 0; k < n; k++) setF64(e.gNew, k, odeEventJs(e.handle, k, r.t, r.y, N));
  let m = 0;
  for (let k = 0; k < n; k++) {
    const g = f64At(e.g, k), gn = f64At(e.gNew, k), d = f64At(e.dir, k);
    const up = g <= 0 && gn >= 0, down = g >= 0 && gn <= 0;
    if ((up && d > 0) || (down && d < 0) || ((up || down) && d == 0)) { store<i32>(e.act + (<usize>m << 2), k); m++; }
  }
  let result = 0;
  if (m > 0) {
    if (N > 0) odeDensePrepare(p);
    let terminal = false;
    for (let q = 0; q < m; q++) {
      const k = load<i32>(e.act + (<usize>q << 2));
      setF64(e.count, k, f64At(e.count, k) + 1);
    }
    for (let q = 0; q < m; q++) {
      const k = load<i32>(e.act + (<usize>q << 2));
      const root = brentq(e, r, p, k, r.tOld, r.t);
      if (isNaN(root)) { memory.copy(e.g, e.gNew, <usize>n << 3); return -1; }
      setF64(e.roots, q, root);
      if (f64At(e.count, k) >= f64At(e.max, k)) terminal = true;
    }
    if (terminal) {
      // order by time in the direction of integration (stable insertion sort, as JS's sort of indices), cut after the first terminal
      for (let a = 1; a < m; a++) {
        const ka = load<i32>(e.act + (<usize>a << 2)), ra = f64At(e.roots, a);
        let b = a;
        while (b > 0 && r.dir * (f64At(e.roots, b - 1) - ra) > 0) {
          store<i32>(e.act + (<usize>b << 2), load<i32>(e.act + (<usize>(b - 1) << 2)));
          setF64(e.roots, b, f64At(e.roots, b - 1));
          b--;
        }
        store<i32>(e.act + (<usize>b << 2), ka); setF64(e.roots, b, ra);
      }
      let stop = 0;
      while (f64At(e.count, load<i32>(e.act + (<usize>stop << 2))) < f64At(e.max, load<i32>(e.act + (<usize>stop << 2)))) stop++;
      m = stop + 1;
      e.tStop = f64At(e.roots, stop);
      result = 1;
    }
    const rc = changetype<Rec>(e.rec), nb = <usize>(N + 1) << 3;
    for (let q = 0; q < m; q++) {
      const root = f64At(e.roots, q), row = rowAt(rc, root, nb);
      store<f64>(row, <f64>load<i32>(e.act + (<usize>q << 2)));
      odeDenseEval(p, root, row + 8);
    }
  }
  memory.copy(e.g, e.gNew, <usize>n << 3);
  return result;
}
