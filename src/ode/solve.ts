/**
 * ode.solve — scipy.integrate.solve_ivp for the explicit Runge–Kutta methods, loop for loop
 * (scipy/integrate/_ivp/ivp.py): the same step sequence, t_eval sampling through the dense output,
 * events located on it, and the same `nfev`. JavaScript has no 2-D arrays, so `y` is an array of
 * Float64Arrays with y[i] the state at t[i] (scipy's result.y transposed).
 */
import { kernel } from "../wasm/load.js";
import { memoryBuffer } from "../wasm/memory.js";
import { describe, checkOptions, checkBool } from "../validate.js";
import { signalOf } from "../limits.js";
import { OdeIntegrator, Status, STATUS_MESSAGES } from "./integrator.js";
import { STEP_KEYS, type Method, type RhsFunction, type StepOptions } from "./options.js";
import type { OdeSystem } from "./systems.js";
import { GrowF64 } from "./grow.js";
import { runInWasm } from "./solve-wasm.js";
import { SolutionBuilder, type OdeSolution } from "./solution.js";
import { prepareEvents, findActive, handleEvents, type EventFunction } from "./events.js";

/**
 * Options of `ode.solve`: the step options ({@link StepOptions})
 * plus output choices. Unknown keys are a `RangeError` with a did-you-mean; bad values an error naming the option.
 */
export interface SolveOptions extends StepOptions {
  /** Times at which to store the solution (inside tSpan, sorted in the direction of integration). */
  tEval?: ArrayLike<number>;
  /** Build a continuous solution `sol` (default false). */
  dense?: boolean;
  /** Event functions g(t, y); see {@link EventFunction}. */
  events?: EventFunction | EventFunction[];
  /** Cancels the integration between steps: it ends with status −1 and reason "aborted", keeping the steps so far. */
  signal?: AbortSignal;
}

/** The option keys of ode.solve. */
export const SOLVE_KEYS = [...STEP_KEYS, "tEval", "dense", "events", "signal"] as const;

/** scipy's message when the step size collapses (rk.py TOO_SMALL_STEP), also its ending for a NaN right-hand side. */
const TOO_SMALL = "Required step size is less than spacing between numbers.";

/** What `ode.solve` returns: scipy.integrate.solve_ivp's result with the state transposed (`y[i]` is the state at `t[i]`). */
export interface OdeResult {
  /** Times: every accepted step (with t0) or the tEval points reached. */
  t: Float64Array;
  /** y[i] is the state at t[i] (length n, or 2n interleaved for complex states); the rows are views on one buffer, made on first read. */
  y: Float64Array[];
  /** −1 integration failed, 0 reached the end, 1 a terminal event occurred (scipy's codes). */
  status: -1 | 0 | 1;
  /** scipy's message for the status (e.g. "The solver successfully reached the end of the integration interval."). */
  message: string;
  /** Why the integration ended: "finished", "event", "step-too-small", "non-finite", "budget" (maxSteps) or "aborted" (signal). */
  reason: "finished" | "event" | "step-too-small" | "non-finite" | "budget" | "aborted";
  /** status ≥ 0. */
  success: boolean;
  /** Right-hand-side evaluations, counted as scipy counts them. */
  nfev: number;
  /** Jacobian evaluations: always 0 (explicit methods; kept for scipy's shape). */
  njev: 0;
  /** LU decompositions: always 0 (explicit methods). */
  nlu: 0;
  /** Accepted steps. */
  naccept: number;
  /** Rejected steps (error estimate above tolerance). */
  nreject: number;
  /** Continuous solution when `dense: true`, else null. */
  sol: OdeSolution | null;
  /** Per event: the times it occurred (null without events). */
  tEvents: Float64Array[] | null;
  /** Per event: the states at those times. */
  yEvents: Float64Array[][] | null;
}

function checkTEval(where: string, tEval: ArrayLike<number>, t0: number, t1: number): Float64Array {
  if (tEval === null || typeof tEval !== "object" || typeof tEval.length !== "number") {
    throw new TypeError(`${where}: tEval must be an array of times, got ${describe(tEval)}`);
  }
  const te = Float64Array.from(tEval);
  const lo = Math.min(t0, t1), hi = Math.max(t0, t1);
  const out = te.findIndex((v) => !(v >= lo && v <= hi));
  if (out >= 0) throw new RangeError(`${where}: tEval[${out}] = ${te[out]} is outside tSpan [${t0}, ${t1}]`);
  const dir = t1 > t0 ? 1 : -1;
  for (let i = 1; i < te.length; i++) {
    if (dir * (te[i] - te[i - 1]) <= 0) {
      throw new RangeError(`${where}: tEval must be strictly ${dir > 0 ? "increasing" : "decreasing"} (the direction of integration); tEval[${i - 1}] = ${te[i - 1]}, tEval[${i}] = ${te[i]}`);
    }
  }
  return te;
}

/**
 * Integrates y' = f(t, y) over tSpan with DOP853 or RK45 — scipy's `solve_ivp` (same steps, same
 * `nfev`). `rhs` is a JS function `(t, y, dydt) => void` or a compiled system from `ode.systems`.
 *
 * @example
 * const r = ode.solve("DOP853", (t, y, dydt) => { dydt[0] = -y[0]; }, [0, 1], [1], { rtol: 1e-10, atol: 1e-12 });
 * r.y[r.y.length - 1][0];    // ≈ Math.exp(-1)
 * const s = ode.solve("RK45", ode.systems.vanDerPol({ mu: 5 }), [0, 10], [2, 0], { tEval: [0, 5, 10], dense: true });
 * s.sol!(7.5);               // state at t = 7.5 from the dense output
 */
export function solve(
  method: Method, rhs: RhsFunction | OdeSystem, tSpan: readonly [number, number], y0: ArrayLike<number>, options: SolveOptions = {},
): OdeResult {
  const where = "ode.solve";
  if (!Array.isArray(tSpan) && !(tSpan instanceof Float64Array) || (tSpan as ArrayLike<number>).length !== 2) {
    throw new TypeError(`${where}: tSpan must be [t0, t1], got ${describe(tSpan)}`);
  }
  options = checkOptions(where, options, SOLVE_KEYS);
  const [t0, t1] = [tSpan[0], tSpan[1]];
  const integ = new OdeIntegrator(method, rhs, t0, y0, { ...options, tBound: t1 }, where);
  try {
    return run(integ, t0, t1, options, where);
  } finally {
    integ.dispose();
  }
}

/** @internal For tests: `jsLoop: true` runs every solve through the step-by-step JS loop (the WASM loop's reference). */
export const testing = { jsLoop: false };

function run(integ: OdeIntegrator, t0: number, t1: number, o: SolveOptions, where: string): OdeResult {
  const k = kernel();
  const p = integ.ptr;
  const N = integ.complex ? 2 * integ.n : integ.n;
  const dir = t1 > t0 ? 1 : -1;
  const tEval = o.tEval !== undefined ? checkTEval(where, o.tEval, t0, t1) : null;
  const dense = checkBool(where, "dense", o.dense, false);
  const ev = o.events !== undefined ? prepareEvents(where, o.events) : null;
  const signal = signalOf(where, o.signal);
  if (!testing.jsLoop && (t0 !== t1 || (!dense && !ev))) {
    // the whole loop in WASM (solve-wasm.ts), events and dense output included; the same steps, samples, events and
    // statuses as the loop below, which remains for t0 = t1 with events or dense output (scipy's edge rules there)
    const g0 = ev ? ev.fns.map((f) => f(t0, Float64Array.from(integ.y))) : null;
    const w = runInWasm(integ, tEval, signal, ev, dense, g0);
    let sol: OdeSolution | null = null;
    if (w.dense) {
      const builder = new SolutionBuilder(integ.method, N), width = 1 + N + (integ.method === "DOP853" ? 7 : 4) * N;
      const d = w.dense, ti = new Float64Array(d.tEnd.length + 1);
      ti[0] = t0;
      for (let i = 0; i < d.tEnd.length; i++) {
        const o = i * width;
        builder.push(d.rows[o], d.tEnd[i], d.rows.subarray(o + 1, o + 1 + N), d.rows.subarray(o + 1 + N, o + width));
        ti[i + 1] = d.tEnd[i];
      }
      // with tEval the solution's times are the steps' ends, the last one the terminal event's time if one ended the run
      if (w.status === 1 && ti.length > 1) ti[ti.length - 1] = w.tStop;
      sol = builder.build(tEval ? ti : w.t);
    }
    return finish(integ, t0, N, w.t, w.y, w.status, w.code, w.aborted, sol, w.tEvents, w.yEvents);
  }
  const y0 = Float64Array.from(integ.y);
  const ts = new GrowF64(tEval ? tEval.length : 256);
  const ys = new GrowF64(tEval ? tEval.length * N : 256 * N);
  const ti = new GrowF64(64);
  if (!tEval) { ts.push(t0); ys.pushAll(y0); } else if (dense) ti.push(t0);
  const builder = dense ? new SolutionBuilder(integ.method, N) : null;
  const outPtr = k.odeOutPtr(p), yPtr = () => k.odeYPtr(p);
  const mem = () => memoryBuffer();
  const evalAt = (t: number): Float64Array => {
    k.odeDenseEval(p, t, outPtr);
    return new Float64Array(mem(), outPtr, N).slice();
  };

  let g = ev ? ev.fns.map((f) => f(t0, y0.slice())) : [];
  const count = ev ? ev.fns.map(() => 0) : [];
  const tEvents: number[][] | null = ev ? ev.fns.map(() => []) : null;
  const yEvents: Float64Array[][] | null = ev ? ev.fns.map(() => []) : null;
  let teI = 0;
  let status: -1 | 0 | 1 | null = null;
  let code: number = Status.Ok;
  let aborted = false;

  while (status === null) {
    if (signal?.aborted) { aborted = true; status = -1; break; }
    code = integ.step();
    if (code === Status.Finished) status = 0;
    else if (code !== Status.Ok) { status = -1; break; }
    const tOld = k.odeTOld(p);
    let t = k.odeT(p);
    let y: Float64Array = new Float64Array(mem(), yPtr(), N);
    let prepared = false;
    // an empty state has nothing to interpolate: scipy spends no evaluations on it (ConstantDenseOutput)
    const prepare = () => { if (!prepared && N > 0) { k.odeDensePrepare(p); prepared = true; } };
    if (builder) {
      prepare();
      const rows = integ.method === "DOP853" ? 7 : 4;
      // t0 = t1: no step was taken and y_old is unset; the segment is the constant y0 (h = 0 returns it)
      const yOld = new Float64Array(mem(), tOld === t ? yPtr() : k.odeYOldPtr(p), N);
      builder.push(tOld, t, yOld, new Float64Array(mem(), k.odeFPtr(p), rows * N));
      y = new Float64Array(mem(), yPtr(), N);
    }
    if (ev) {
      const yCopy = y.slice();
      const gNew = ev.fns.map((f) => f(t, yCopy.slice()));
      const active = findActive(g, gNew, ev.direction);
      if (active.length > 0) {
        prepare();
        for (const i of active) count[i]++;
        const h = handleEvents(ev, active, count, evalAt, tOld, t);
        h.active.forEach((e, j) => { tEvents![e].push(h.roots[j]); yEvents![e].push(evalAt(h.roots[j])); });
        if (h.terminate) {
          status = 1;
          t = h.roots[h.roots.length - 1];
          y = evalAt(t);
        }
      }
      g = gNew;
      if (status !== 1) y = new Float64Array(mem(), yPtr(), N);
    }
    if (!tEval) {
      if (ts.length > 1 && ts.buf[ts.length - 1] === t && dense) builder?.pop();
      else { ts.push(t); ys.pushAll(y); }
    } else {
      const start = teI;
      while (teI < tEval.length && dir * (tEval[teI] - t) <= 0) teI++;
      if (teI > start) {
        prepare();
        for (let i = start; i < teI; i++) { ts.push(tEval[i]); k.odeDenseEval(p, tEval[i], outPtr); ys.pushAll(new Float64Array(mem(), outPtr, N)); }
      }
      if (dense) ti.push(t);
    }
  }

  const tArr = ts.view().slice();
  return finish(integ, t0, N, tArr, ys.view().slice(), status, code, aborted, builder ? builder.build(tEval ? ti.view().slice() : tArr) : null,
    tEvents, yEvents);
}

/** The result object: scipy's message and our reason for the ending, y as one view per time on one buffer (made on first read). */
function finish(
  integ: OdeIntegrator, t0: number, N: number, tArr: Float64Array, yAll: Float64Array, status: -1 | 0 | 1 | null, code: number,
  aborted: boolean, sol: OdeSolution | null, tEvents: number[][] | null, yEvents: Float64Array[][] | null
): OdeResult {
  const tEnd = integ.t;
  // a NaN right-hand side mid-run ends as in scipy: every attempt is rejected (Python's max keeps the 0.2 factor)
  // until the step is too small, with scipy's message; NaN already at t0 (scipy loops forever) says so
  const message = aborted ? `Aborted by the signal at t = ${tEnd}.`
    : status === 1 ? "A termination event occurred."
    : code === Status.Budget ? `The step budget of ${integ.maxSteps} steps was reached at t = ${tEnd}; raise maxSteps to integrate further.`
    : code === Status.NonFinite && integ.naccept + integ.nreject > 0 ? TOO_SMALL
    : code === Status.NonFinite ? `The right-hand side is not finite (NaN or ±Infinity) at t0 = ${t0}; check it there.`
    : STATUS_MESSAGES[code];
  const reason = aborted ? "aborted" : status === 1 ? "event" : (["finished", "finished", "step-too-small", "non-finite", "budget"] as const)[code];
  let rowsMade: Float64Array[] | null = null;
  // y is an own enumerable accessor (spreading, JSON and structuredClone read it) that makes the row views on first
  // read; the prototype only tells console.log / util.inspect (Node, Deno, Bun) to show the rows, not [Getter/Setter]
  const result = {
    __proto__: RESULT_PROTO,
    t: tArr,
    get y(): Float64Array[] { return rowsMade ??= rowViews(yAll, tArr.length, N); },
    set y(v: Float64Array[]) { rowsMade = v; },
    status: status as -1 | 0 | 1, message, reason, success: status !== null && status >= 0,
    nfev: integ.nfev, njev: 0, nlu: 0, naccept: integ.naccept, nreject: integ.nreject,
    sol,
    tEvents: tEvents ? tEvents.map((a) => Float64Array.from(a)) : null,
    yEvents,
  };
  return result as unknown as OdeResult;
}

/** Printing an ode.solve result shows its fields as plain data (the rows included). */
function inspectResult(this: OdeResult, _depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
  return inspect({ ...this }, options);
}
const RESULT_PROTO = {
  [Symbol.for("nodejs.util.inspect.custom")]: inspectResult,
  [Symbol.for("Deno.customInspect")](this: OdeResult, inspect: (v: unknown, o: object) => string, options: object): string {
    return inspect({ ...this }, options);
  },
};

/**
 * One view per time on yAll's buffer (`new Float64Array(buffer, offset, n)`, ~2× cheaper than subarray), made when
 * result.y is first read: a solve whose caller reads only t, the counts or sol does not pay ~40 ns per step for them.
 */
function rowViews(yAll: Float64Array, rows: number, N: number): Float64Array[] {
  const yList: Float64Array[] = new Array(rows);
  for (let i = 0, b = yAll.buffer, o = yAll.byteOffset; i < rows; i++) yList[i] = new Float64Array(b, o + i * N * 8, N);
  return yList;
}
