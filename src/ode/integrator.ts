/**
 * Stepping object over the WASM Runge–Kutta kernel (assembly/ode/rk.ts): scipy's OdeSolver shape.
 * Everything is allocated at creation; step() allocates nothing (a JS right-hand side is called on
 * two fixed Float64Array views of WASM memory).
 */
import { kernel, currentGeneration } from "../wasm/load.js";
import { memoryBuffer } from "../wasm/memory.js";
import { registerCallback, releaseCallback } from "../wasm/callbacks.js";
import { describe, checkOptions } from "../validate.js";
import { resolve, STEP_KEYS, type RhsFunction, type StepOptions, type Method, type Resolved } from "./options.js";
import type { OdeSystem } from "./systems.js";

/** Result of {@link OdeIntegrator.step}. */
export const Status = Object.freeze({
  /** The step was taken; more remain. */
  Ok: 0,
  /** The step reached the end of the interval. */
  Finished: 1,
  /** The step size fell below 10 × the spacing of doubles at t (scipy's failure). */
  StepTooSmall: 2,
  /** The state or its derivative became NaN or infinite. */
  NonFinite: 3,
  /** The step budget (`maxSteps`) was reached before the end. */
  Budget: 4,
} as const);
/** A value of {@link Status}: what the last `step()` did (0 Ok, 1 Finished, 2 StepTooSmall, 3 NonFinite, 4 Budget). */
export type StatusCode = (typeof Status)[keyof typeof Status];

export const STATUS_MESSAGES: Record<number, string> = {
  0: "Running.",
  1: "The solver successfully reached the end of the integration interval.",
  2: "Required step size is less than spacing between numbers.",
  3: "The solution or its derivative became non-finite (NaN or ±Infinity).",
  4: "The step budget was reached; raise maxSteps to integrate further.",
};

/** Options of `ode.create`: the step options ({@link StepOptions}) plus the required end `tBound`. */
export interface CreateOptions extends StepOptions {
  /** End of the integration interval (required); may be below t0 to integrate backwards, or ±Infinity. */
  tBound: number;
}

/** The option keys of ode.create. */
export const CREATE_KEYS = [...STEP_KEYS, "tBound"] as const;

const registry = typeof FinalizationRegistry === "function"
  ? new FinalizationRegistry<{ ptr: number; gen: number; handle: number }>((h) => {
    if (h.handle >= 0) releaseCallback(h.handle);
    if (h.gen === currentGeneration()) { try { kernel().odeFree(h.ptr); } catch { /* gone */ } }
  })
  : null;

/**
 * An adaptive explicit Runge–Kutta integrator (DOP853 or RK45) with scipy's step control.
 *
 * @example
 * const it = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], { tBound: 5, rtol: 1e-10, atol: 1e-12 });
 * while (it.step() === ode.Status.Ok) {}
 * it.y;            // Float64Array(3) at t = 5 (view on WASM memory)
 * it.nfev;         // right-hand-side evaluations, equal to scipy's
 * it.dispose();
 */
export class OdeIntegrator {
  /** The Runge–Kutta pair in use (DOPRI5 is reported as RK45). */
  readonly method: "DOP853" | "RK45";
  /** Number of components (complex count for complex states). */
  readonly n: number;
  /** True for a complex state (interleaved [re, im]). */
  readonly complex: boolean;
  /** End of the integration interval. */
  readonly tBound: number;
  /** @internal */ ptr: number;
  private readonly gen: number;
  private readonly handle: number;
  private readonly N: number;
  private failed: Error | null = null;
  /** Step budget (accepted + rejected steps). */
  readonly maxSteps: number;
  private budgetHit = false;
  /** step() has returned a status other than Ok: stepping again is misuse. */
  private ended = false;
  private stepped = false;
  private yv: Float64Array | null = null;
  private yvPtr = -1;

  /** @internal use {@link create}. */
  constructor(method: Method, rhs: RhsFunction | OdeSystem, t0: number, y0: ArrayLike<number>, options: CreateOptions, where = "ode.create") {
    if (options === null || typeof options !== "object") throw new TypeError(`${where}: options must be an object with tBound, got ${describe(options)}`);
    if (where !== "ode.solve") checkOptions(where, options, CREATE_KEYS);   // ode.solve checked its own keys
    const r = resolve(where, method, rhs, t0, options.tBound, y0, options, where === "ode.create" ? "options.tBound" : "t1");
    const k = kernel();
    this.method = r.methodName;
    this.maxSteps = r.maxSteps;
    this.n = r.n;
    this.complex = r.complex;
    this.tBound = options.tBound;
    this.N = r.complex ? 2 * r.n : r.n;
    const nparams = r.system ? r.system.params.length : 0;
    this.ptr = k.odeCreate(r.methodId, r.n, r.complex ? 1 : 0, nparams);
    this.gen = currentGeneration();
    const rtolPtr = r.rtolArray ? k.odeRtolVector(this.ptr) : 0;   // allocates: before the views below
    const buf = memoryBuffer();
    new Float64Array(buf, k.odeYPtr(this.ptr), this.N).set(r.y0);
    new Float64Array(buf, k.odeAtolPtr(this.ptr), r.n).set(r.atol);
    if (rtolPtr) new Float64Array(buf, rtolPtr, r.n).set(r.rtolArray!);   // scipy's array rtol, read per component
    if (r.system) new Float64Array(buf, k.odeParamsPtr(this.ptr), nparams).set(r.system.params);
    this.handle = -1;
    if (r.fn) {
      const fn = r.fn, N = this.N, cbY = k.odeCbYPtr(this.ptr), cbDy = k.odeCbDyPtr(this.ptr);
      let yv = new Float64Array(buf, cbY, N), dv = new Float64Array(buf, cbDy, N);
      this.handle = registerCallback((t: number) => {
        if (yv.length !== N) { const b = memoryBuffer(); yv = new Float64Array(b, cbY, N); dv = new Float64Array(b, cbDy, N); }
        fn(t, yv, dv);
      });
    }
    // ode.solve disposes its integrator in a finally block: no finalizer to register (and to unregister)
    if (where !== "ode.solve") registry?.register(this, { ptr: this.ptr, gen: this.gen, handle: this.handle }, this);
    this.guard(() => k.odeInit(this.ptr, r.system ? r.system.id : 0, this.handle, t0, options.tBound, r.rtol, r.maxStep, r.firstStep));
  }

  private live(what: string): number {
    if (this.ptr === 0) throw new Error(`OdeIntegrator.${what}: the integrator was disposed; create a new one with ode.create(…)`);
    if (this.gen !== currentGeneration()) throw new Error(`OdeIntegrator.${what}: the integrator belongs to an earlier init(); create a new one`);
    if (this.failed) throw new Error(`OdeIntegrator.${what}: the right-hand side threw (${this.failed.message}); create a new integrator`);
    return this.ptr;
  }

  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      this.failed = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
  }

  /**
   * Advances one accepted step (rejected attempts are retried inside). Returns {@link Status}:
   * Ok, Finished (reached tBound), StepTooSmall, NonFinite or Budget (maxSteps steps taken, accepted + rejected).
   * Stepping again after anything but Ok throws.
   */
  step(): StatusCode {
    const p = this.live("step()");
    const k = kernel();
    const s = (this.budgetHit ? Status.Budget : k.odeStatus(p)) as StatusCode;
    if (this.ended) {
      throw new Error(`OdeIntegrator.step(): the integration already ended (${STATUS_MESSAGES[s]}); create a new integrator to continue`);
    }
    this.stepped = true;
    // f(t0, y0) not finite: the first step() reports it (a status, not an exception)
    if (s !== Status.Ok) { this.ended = true; return s; }
    if (k.odeNaccept(p) + k.odeNreject(p) >= this.maxSteps) { this.budgetHit = true; this.ended = true; return Status.Budget; }
    try {
      const r = k.odeStep(p) as StatusCode;
      if (r !== Status.Ok) this.ended = true;
      return r;
    } catch (e) {
      this.failed = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
  }

  /**
   * Steps until t reaches or passes `tTarget` (in the direction of integration), the run ends, or the
   * step budget is reached — the whole loop inside WASM, one call from JS (a JS right-hand side is still
   * called once per evaluation). The steps are exactly those of repeated {@link step} calls: the last one
   * may pass `tTarget` (the step size is never clipped to it); read the state there with `dense(tTarget)`.
   * Returns {@link Status}: Ok when t has reached tTarget and the interval goes on (also at once, taking no
   * step, when t is already there), else Finished, StepTooSmall, NonFinite or Budget, as step() would.
   *
   * @example
   * const it = ode.create("DOP853", ode.systems.lorenz(), 0, [1, 1, 1], { tBound: 100, rtol: 1e-10, atol: 1e-12 });
   * for (const tOut of [10, 20, 30]) { it.advanceTo(tOut); console.log(it.dense(tOut)); }
   */
  advanceTo(tTarget: number): StatusCode {
    this.live("advanceTo(t)");
    if (typeof tTarget !== "number" || Number.isNaN(tTarget)) {
      throw new RangeError(`OdeIntegrator.advanceTo(t): t must be a number (±Infinity runs to the end), got ${describe(tTarget)}`);
    }
    return this.loop(tTarget, 0, 0, "advanceTo(t)") as StatusCode;
  }

  /**
   * @internal The WASM step loop (assembly/ode/loop.ts): to tTarget (NaN: to the end), `chunk` > 0
   * accepted steps at most (then returns 5), recording into `rec` (0: nothing). Same statuses and
   * budget rule as step().
   */
  loop(tTarget: number, chunk: number, rec: number, what = "advanceTo(t)", ev = 0, dense = 0): StatusCode | 5 | 6 | 7 | 8 {
    const p = this.live(what);
    const k = kernel();
    if (this.ended) {
      const s = (this.budgetHit ? Status.Budget : k.odeStatus(p)) as StatusCode;
      throw new Error(`OdeIntegrator.${what}: the integration already ended (${STATUS_MESSAGES[s]}); create a new integrator to continue`);
    }
    let r: number;
    try {
      // the budget is an i32 in WASM: Infinity (or anything ≥ 2³¹ − 1) means none there (ToInt32(Infinity) would be 0)
      r = k.odeAdvance(p, tTarget, Math.min(this.maxSteps, 2147483647), chunk, rec, ev, dense);
    } catch (e) {
      this.failed = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
    if (k.odeNaccept(p) + k.odeNreject(p) > 0 || r !== Status.Ok) this.stepped = true;
    if (r === Status.Budget) this.budgetHit = true;
    if (r >= 1 && r <= 4) this.ended = true;
    if (r === 6) this.ended = true;   // a terminal event (ode.solve)
    return r as StatusCode | 5 | 6 | 7 | 8;
  }

  /** Current status (see {@link Status}). */
  get status(): StatusCode { const p = this.live("status"); return this.budgetHit ? Status.Budget : kernel().odeStatus(p) as StatusCode; }
  /** Current time. */
  get t(): number { return kernel().odeT(this.live("t")); }
  /** Time at the start of the last step (equals t before the first step). */
  get tOld(): number { return kernel().odeTOld(this.live("tOld")); }
  /** Size proposed for the next step (absolute value). */
  get h(): number { return kernel().odeH(this.live("h")); }
  /** Signed size of the last accepted step. */
  get hLast(): number { return kernel().odeHPrev(this.live("hLast")); }
  /** Right-hand-side evaluations so far (as scipy counts them, dense-output stages included). */
  get nfev(): number { return kernel().odeNfev(this.live("nfev")); }
  /** Accepted steps. */
  get naccept(): number { return kernel().odeNaccept(this.live("naccept")); }
  /** Rejected step attempts. */
  get nreject(): number { return kernel().odeNreject(this.live("nreject")); }

  /** The current state: a view on WASM memory, overwritten by the next step (copy it to keep it). */
  get y(): Float64Array {
    const p = this.live("y");
    const ptr = kernel().odeYPtr(p);
    const v = this.yv;
    if (v !== null && v.length !== 0 && this.yvPtr === ptr) return v;   // length, not byteLength: V8 inlines it
    this.yvPtr = ptr;
    return (this.yv = new Float64Array(memoryBuffer(), ptr, this.N));
  }

  /** Copies the current state into `out` (length n, or 2n complex) and returns it. */
  yInto(out: Float64Array): Float64Array {
    if (!(out instanceof Float64Array) || out.length !== this.N) {
      throw new RangeError(`OdeIntegrator.yInto(out): out must be a Float64Array of length ${this.N}, got ${describe(out)}`);
    }
    out.set(this.y);
    return out;
  }

  /**
   * The state at time t inside the last step [tOld, t] from the dense-output interpolant (DOP853: 7th
   * order, costs 3 extra RHS evaluations once per step; RK45: 4th order, free). Writes into `out` if given.
   */
  dense(t: number, out?: Float64Array): Float64Array {
    const p = this.live("dense(t)");
    const k = kernel();
    if (!this.stepped || (k.odeNaccept(p) === 0 && k.odeT(p) === k.odeTOld(p) && k.odeStatus(p) !== Status.Finished)) {
      throw new Error("OdeIntegrator.dense(t): dense output exists after a successful step; call step() first");
    }
    if (typeof t !== "number" || !Number.isFinite(t)) throw new RangeError(`OdeIntegrator.dense(t): t must be a finite number, got ${describe(t)}`);
    const o = out ?? new Float64Array(this.N);
    if (!(o instanceof Float64Array) || o.length !== this.N) throw new RangeError(`OdeIntegrator.dense(t, out): out must be a Float64Array of length ${this.N}, got ${describe(out)}`);
    if (this.N > 0) this.guard(() => k.odeDensePrepare(p));   // an empty state has nothing to interpolate (scipy: no evaluations)
    const tmp = k.odeOutPtr(p);
    k.odeDenseEval(p, t, tmp);
    o.set(new Float64Array(memoryBuffer(), tmp, this.N));
    return o;
  }

  /** Frees the WASM memory and the callback slot. Idempotent. */
  dispose(): void {
    if (this.ptr !== 0 && this.gen === currentGeneration()) {
      kernel().odeFree(this.ptr);
    }
    if (this.handle >= 0) releaseCallback(this.handle);
    this.ptr = 0;
    registry?.unregister(this);
  }
}

/**
 * Creates a stepping integrator (see {@link OdeIntegrator}).
 *
 * @example
 * const it = ode.create("RK45", (t, y, dydt) => { dydt[0] = -0.5 * y[0]; }, 0, [1], { tBound: 10 });
 * while (it.step() === ode.Status.Ok) console.log(it.t, it.y[0]);
 */
export function create(method: Method, rhs: RhsFunction | OdeSystem, t0: number, y0: ArrayLike<number>, options: CreateOptions): OdeIntegrator {
  return new OdeIntegrator(method, rhs, t0, y0, options);
}
