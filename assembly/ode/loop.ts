// loop.ts — the whole step loop of ode.solve / OdeIntegrator.advanceTo inside WASM: repeated odeStep
// (rk.ts, scipy's step control unchanged) with the output written straight into a growable WASM
// buffer, so JS is entered only when the run ends, the target time is passed, the step budget is
// reached or a chunk of accepted steps (for AbortSignal checks) is done. Per accepted step, exactly
// what the step-by-step loop of src/ode/solve.ts does:
//   REC_NONE   nothing is stored (advanceTo);
//   REC_STEPS  the row (t, y) of every accepted step;
//   REC_TEVAL  for each tEval point passed by the step (dir·(t_e − t) ≤ 0), the row (t_e, y(t_e)) from
//              the dense output (odeDensePrepare once per step, skipped for an empty state as scipy does).
// Times and states go to two buffers (t: 1 double per row, y: N doubles per row), so JS copies each out at once. Budget rule as OdeIntegrator.step(): before each step, naccept + nreject ≥
// maxSteps ends the run with ADV_BUDGET (a step's rejected attempts may carry the count past it).

import { Rk, odeStep, copyF64, ST_RUNNING } from "./rk";
import { odeDensePrepare, odeDenseEval } from "./dense";
import { Tableau, METHOD_DOP853 } from "./tableau";
import { Ev, eventsAfterStep } from "./events";

export const REC_NONE: i32 = 0;
export const REC_STEPS: i32 = 1;
export const REC_TEVAL: i32 = 2;

/** Returned by odeAdvance besides the step statuses 1 Finished, 2 StepTooSmall, 3 NonFinite. */
export const ADV_TARGET: i32 = 0;    // t has reached (or passed) the target; still running
export const ADV_BUDGET: i32 = 4;    // naccept + nreject ≥ maxSteps before a step
export const ADV_CHUNK: i32 = 5;     // `chunk` accepted steps taken; call again to continue
export const ADV_EVENT: i32 = 6;     // a terminal event ended the run (ode.solve's status 1)
export const ADV_EVENT_FAIL: i32 = 7; // an event's root could not be bracketed (JS reports it)
export const ADV_MEMORY: i32 = 8;    // the next row would grow a step or interpolant record past recLimit (JS reports it)

/** Bytes a growing record (its t and y buffers together) may reach; ode.solve without a budget stops before it. */
let recLimit: f64 = 1073741824.0;
export function odeRecLimit(): f64 { return recLimit; }
/** Sets the limit (bytes; tests lower it) and returns the previous one. */
export function odeRecLimitSet(bytes: f64): f64 { const old = recLimit; recLimit = bytes; return old; }

/** True when the next row of rc (ny bytes of state per row) would double it past recLimit. */
// @ts-ignore: decorator
@inline function wouldOutgrow(rc: Rec, ny: usize): bool {
  return rc.len == rc.cap && <f64>rc.cap * 2.0 * <f64>(8 + ny) > recLimit;
}

// @ts-ignore: decorator
@unmanaged
export class Rec {
  tData: usize;    // one time per row
  yData: usize;    // N doubles per row
  cap: i32;        // capacity in rows
  len: i32;        // rows written
  mode: i32;
  nEval: i32;
  teI: i32;        // next tEval index
  tEval: usize;    // nEval doubles (REC_TEVAL)
}

/** A recorder for `mode` with room for `capRows` rows and nEval tEval points (written by the caller). */
export function odeRecCreate(mode: i32, capRows: i32, nEval: i32): usize {
  const r = changetype<Rec>(heap.alloc(offsetof<Rec>()));
  r.mode = mode; r.len = 0; r.teI = 0; r.nEval = nEval;
  r.cap = capRows > 1 ? capRows : 1;   // grows by doubling
  r.tData = 0; r.yData = 0;   // sized on first use (the row length is the integrator's)
  r.tEval = heap.alloc(nEval > 0 ? <usize>nEval << 3 : 8);
  return changetype<usize>(r);
}
export function odeRecTEvalPtr(rec: usize): usize { return changetype<Rec>(rec).tEval; }
export function odeRecT(rec: usize): usize { return changetype<Rec>(rec).tData; }
export function odeRecY(rec: usize): usize { return changetype<Rec>(rec).yData; }
/** Records the integrator's current (t, y) as a row (ode.solve's first row, t0 and y0). */
export function odeRecPush(rec: usize, p: usize): void {
  const r = changetype<Rk>(p);
  const y = rowAt(changetype<Rec>(rec), r.t, <usize>r.N << 3);
  memory.copy(y, r.y, <usize>r.N << 3);
}
export function odeRecLen(rec: usize): i32 { return changetype<Rec>(rec).len; }
export function odeRecFree(rec: usize): void {
  const r = changetype<Rec>(rec);
  if (r.tData) { heap.free(r.tData); heap.free(r.yData); }
  heap.free(r.tEval);
  heap.free(rec);
}

/** Appends time t and returns the address for the row's N doubles (ny bytes); grows by doubling (may grow memory). */
export function rowAt(rec: Rec, t: f64, ny: usize): usize {
  if (!rec.tData) {
    rec.tData = heap.alloc(<usize>rec.cap << 3);
    rec.yData = heap.alloc(ny > 0 ? <usize>rec.cap * ny : 8);
  } else if (rec.len == rec.cap) {
    rec.cap <<= 1;
    rec.tData = heap.realloc(rec.tData, <usize>rec.cap << 3);
    if (ny > 0) rec.yData = heap.realloc(rec.yData, <usize>rec.cap * ny);
  }
  store<f64>(rec.tData + (<usize>rec.len << 3), t);
  const at = rec.yData + <usize>rec.len * ny;
  rec.len++;
  return at;
}

/**
 * Steps until dir·(t − tTarget) ≥ 0 (ADV_TARGET; never for a NaN target), the run ends (its status), the budget is reached
 * (ADV_BUDGET) or `chunk` > 0 accepted steps were taken (ADV_CHUNK). rec = 0 records nothing. With `ev` (an Ev,
 * events.ts) the events of each step are located and a terminal one ends the run (ADV_EVENT; the last row is the
 * state at the event). With `dense` (a Rec) each step's interpolant is recorded as a row: t, then
 * [t_old, y_old (N), F (7N DOP853, 4N RK45)] — as solve.ts's SolutionBuilder takes it; scipy's rule for a row
 * whose time repeats the previous one (the segment is dropped, the row not written) holds for REC_STEPS.
 */
export function odeAdvance(p: usize, tTarget: f64, maxSteps: i32, chunk: i32, rec: usize, ev: usize, dense: usize): i32 {
  const r = changetype<Rk>(p);
  const mode = rec ? changetype<Rec>(rec).mode : REC_NONE;
  const N = r.N;
  const nb = <usize>N << 3;
  const fRows = changetype<Tableau>(r.tab).method == METHOD_DOP853 ? 7 : 4;
  const dnb = <usize>(1 + N + fRows * N) << 3;
  let taken = 0;
  for (;;) {
    if (r.status != ST_RUNNING) return r.status;
    if (r.dir * (r.t - tTarget) >= 0) return ADV_TARGET;   // NaN target: never (ode.solve)
    if (chunk > 0 && taken >= chunk) return ADV_CHUNK;
    if (r.naccept + r.nreject >= maxSteps) return ADV_BUDGET;
    if (mode == REC_STEPS && wouldOutgrow(changetype<Rec>(rec), nb)) return ADV_MEMORY;
    if (dense && wouldOutgrow(changetype<Rec>(dense), dnb)) return ADV_MEMORY;
    const s = odeStep(p);
    taken++;
    if (s != ST_RUNNING && s != 1) return s;
    if (dense) {
      if (N > 0) odeDensePrepare(p);
      const row = rowAt(changetype<Rec>(dense), r.t, dnb);
      store<f64>(row, r.tOld);
      // t0 = t1: no step was taken and y_old is unset; the segment is the constant y0 (h = 0 returns it)
      copyF64(row + 8, r.tOld == r.t ? r.y : r.yOld, N);
      copyF64(row + 8 + nb, r.F, fRows * N);
    }
    let t = r.t, stopped = false;
    if (ev) {
      const e = eventsAfterStep(ev, p);
      if (e < 0) return ADV_EVENT_FAIL;
      if (e == 1) { stopped = true; t = changetype<Ev>(ev).tStop; }
    }
    if (mode == REC_STEPS) {
      const rc = changetype<Rec>(rec);
      if (dense && rc.len > 1 && load<f64>(rc.tData + (<usize>(rc.len - 1) << 3)) == t) changetype<Rec>(dense).len--;
      else if (stopped) odeDenseEval(p, t, rowAt(rc, t, nb));
      else copyF64(rowAt(rc, t, nb), r.y, N);
    } else if (mode == REC_TEVAL) {
      const rc = changetype<Rec>(rec);
      const dir = r.dir;
      let i = rc.teI;
      if (i < rc.nEval && dir * (load<f64>(rc.tEval + (<usize>i << 3)) - t) <= 0) {
        if (N > 0) odeDensePrepare(p);
        while (i < rc.nEval) {
          const te = load<f64>(rc.tEval + (<usize>i << 3));
          if (dir * (te - t) > 0) break;
          odeDenseEval(p, te, rowAt(rc, te, nb));
          i++;
        }
        rc.teI = i;
      }
    }
    if (stopped) return ADV_EVENT;
    if (s == 1) return s;
  }
  return ADV_CHUNK;   // not reached
}
