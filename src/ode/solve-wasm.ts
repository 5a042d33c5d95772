/**
 * ode.solve's step loop inside WASM (assembly/ode/loop.ts): every accepted step's (t, y) — or, with tEval, the
 * dense-output samples at the tEval points — goes into a growable WASM buffer, copied out once at the end; with
 * `dense`, every step's interpolant (t_old, y_old, F) likewise; with events, the event functions are called from
 * the loop through the env.odeEventJs import (each with a copy of y) and their roots located there by Brent's
 * method on the dense output (assembly/ode/events.ts), a terminal event ending the loop. The steps, samples, events,
 * nfev and statuses are those of the step-by-step loop in solve.ts bit for bit (test/ode-wasm-loop.test.ts). A JS
 * right-hand side is still called once per evaluation through its import. With an AbortSignal the loop returns to
 * JS every SIGNAL_CHUNK accepted steps to read it, so an abort takes effect on a chunk boundary (before the first
 * step if already aborted). A record that would grow past the kernel's limit (odeRecLimit, 1 GiB) ends the run with a
 * RangeError naming tEval and maxSteps, before the step whose row would not fit.
 */
import { kernel } from "../wasm/load.js";
import { memoryBuffer } from "../wasm/memory.js";
import { registerCallback, releaseCallback } from "../wasm/callbacks.js";
import { Status, type OdeIntegrator } from "./integrator.js";
import type { PreparedEvents } from "./events.js";

/** Accepted steps between two looks at the AbortSignal (Lorenz at rtol 1e-10: ~1 ms of stepping). */
export const SIGNAL_CHUNK = 4096;

export interface WasmRun {
  t: Float64Array;
  y: Float64Array;            // rows of N doubles
  status: -1 | 0 | 1;
  code: number;
  aborted: boolean;
  /** Per event: its times and states (events only). */
  tEvents: number[][] | null;
  yEvents: Float64Array[][] | null;
  /** The time of the terminal event that ended the run (status 1), else NaN. */
  tStop: number;
  /** The interpolants (dense only): step end times and rows [t_old, y_old (N), F (rows·N)]. */
  dense: { tEnd: Float64Array; rows: Float64Array } | null;
}

export function runInWasm(integ: OdeIntegrator, tEval: Float64Array | null, signal: AbortSignal | null | undefined,
  ev: PreparedEvents | null = null, dense = false, g0: number[] | null = null): WasmRun {
  const k = kernel();
  const N = integ.complex ? 2 * integ.n : integ.n;
  const rec = k.odeRecCreate(tEval ? 2 : 1, tEval ? tEval.length : 1024, tEval ? tEval.length : 0);
  const denseRec = dense ? k.odeRecCreate(1, 256, 0) : 0;
  const evRec = ev ? k.odeRecCreate(1, 16, 0) : 0;
  let handle = -1, evp = 0;
  let status: -1 | 0 | 1 = -1, code: number = Status.Ok, aborted = false;
  try {
    if (ev) {
      const fns = ev.fns;
      handle = registerCallback((i: number, t: number, y: number, n: number) => fns[i](t, new Float64Array(memoryBuffer(), y, n).slice()));
      evp = k.odeEvCreate(handle, fns.length, evRec);
      const mem = memoryBuffer(), nE = fns.length;
      new Float64Array(mem, k.odeEvG(evp), nE).set(g0!);
      new Float64Array(mem, k.odeEvDir(evp), nE).set(ev.direction);
      new Float64Array(mem, k.odeEvMax(evp), nE).set(ev.maxEvents);
    }
    if (tEval) new Float64Array(memoryBuffer(), k.odeRecTEvalPtr(rec), tEval.length).set(tEval);
    else k.odeRecPush(rec, integ.ptr);   // t0, y0
    for (;;) {
      if (signal?.aborted) { aborted = true; break; }
      const r = integ.loop(NaN, signal ? SIGNAL_CHUNK : 0, rec, "step()", evp, denseRec);
      if (r === 5) continue;
      if (r === 8) {
        const lim = k.odeRecLimit(), size = lim >= 2 ** 20 ? `${Math.round(lim / 2 ** 20)} MiB` : `${Math.round(lim / 1024)} KiB`;
        throw new RangeError(`ode.solve: keeping every step would need more than ${size} of WASM memory at t = ${integ.t} `
          + `(${k.odeRecLen(dense ? denseRec : rec)} steps recorded${dense ? ", with dense: true" : ""}); pass tEval (only the times you need), `
          + `a finite maxSteps or a shorter tSpan`);
      }
      if (r === 7) throw new Error(`ode.solve: event location failed: an event function has the same sign at both ends of the step that ends at t = ${integ.t}`);
      code = r === 6 ? Status.Finished : r;
      status = r === 6 ? 1 : r === Status.Finished ? 0 : -1;
      break;
    }
    const mem = memoryBuffer();
    const rows = k.odeRecLen(rec);
    const out: WasmRun = {
      t: rows ? new Float64Array(mem, k.odeRecT(rec), rows).slice() : new Float64Array(0),
      y: rows && N ? new Float64Array(mem, k.odeRecY(rec), rows * N).slice() : new Float64Array(0),
      status, code, aborted, tEvents: null, yEvents: null, dense: null, tStop: NaN,
    };
    if (ev) {
      const n = k.odeRecLen(evRec), te = new Float64Array(mem, k.odeRecT(evRec), n), ye = new Float64Array(mem, k.odeRecY(evRec), n * (N + 1));
      out.tEvents = ev.fns.map(() => []); out.yEvents = ev.fns.map(() => []);
      if (status === 1 && n > 0) out.tStop = te[n - 1];   // rows are in time order within a step, the terminal one last
      for (let i = 0; i < n; i++) {
        const e = ye[i * (N + 1)];
        out.tEvents[e].push(te[i]);
        out.yEvents[e].push(ye.slice(i * (N + 1) + 1, (i + 1) * (N + 1)));
      }
    }
    if (denseRec) {
      const n = k.odeRecLen(denseRec), width = 1 + N + (integ.method === "DOP853" ? 7 : 4) * N;
      out.dense = { tEnd: n ? new Float64Array(mem, k.odeRecT(denseRec), n).slice() : new Float64Array(0),
        rows: n ? new Float64Array(mem, k.odeRecY(denseRec), n * width).slice() : new Float64Array(0) };
    }
    return out;
  } finally {
    k.odeRecFree(rec);
    if (denseRec) k.odeRecFree(denseRec);
    if (evRec) k.odeRecFree(evRec);
    if (evp) k.odeEvFree(evp);
    if (handle >= 0) releaseCallback(handle);
  }
}
