/** Validation of ode.solve / ode.create arguments; messages name the option, the value and the fix. */
import { describe, checkBool, checkNumberEntries } from "../validate.js";
import { isSystem, type OdeSystem } from "./systems.js";
import { maxStepsOf } from "../limits.js";

/** `(t, y, dydt) => void`: write f(t, y) into dydt. `y` and `dydt` are views on WASM memory, reused between calls. */
export type RhsFunction = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Runge–Kutta pair: `"DOP853"` (order 8(5,3)) or `"RK45"` (Dormand–Prince 5(4), alias `"DOPRI5"`), scipy's step control. */
export type Method = "DOP853" | "RK45" | "DOPRI5";

/** Step-control options shared by `ode.solve` and `ode.create` (scipy.integrate.solve_ivp's, same defaults). */
export interface StepOptions {
  /**
   * Relative tolerance: a number or one value per component (default 1e-3, as scipy). Values below 100·ε are
   * raised to it with a warning. A per-component rtol with different values needs a JS right-hand side.
   */
  rtol?: number | ArrayLike<number>;
  /** Absolute tolerance: a number or one value per component (default 1e-6). */
  atol?: number | ArrayLike<number>;
  /** Largest step allowed (default Infinity). */
  maxStep?: number;
  /** First step size (default: Hairer's selection, as scipy). */
  firstStep?: number;
  /** The state is complex, interleaved [re, im, …] (y0 has 2n numbers). Implied by complex systems. */
  complex?: boolean;
  /** Called with warnings (default console.warn). */
  onWarning?: (message: string) => void;
  /** Step budget: accepted + rejected steps (default 1e6). Reaching it ends the run with Status.Budget / reason "budget". */
  maxSteps?: number;
}

/** The option keys of every stepping call; ode.solve and ode.create add their own (see SOLVE_KEYS, CREATE_KEYS). */
export const STEP_KEYS = ["rtol", "atol", "maxStep", "firstStep", "complex", "onWarning", "maxSteps"] as const;

/** Default step budget of the ODE integrators (scipy has none; ~0.3 s of Lorenz, and 1e6 stored states at most). */
export const ODE_MAX_STEPS = 1e6;

export const EPS = 2 ** -52;

export interface Resolved {
  methodId: number;
  methodName: "DOP853" | "RK45";
  system: OdeSystem | null;
  fn: RhsFunction | null;
  y0: Float64Array;
  n: number;
  complex: boolean;
  /** The kernel's scalar rtol (its first value when `rtolArray` is set: the kernel then reads rtolArray per component). */
  rtol: number;
  /** Per-component rtol when its values differ, else null. */
  rtolArray: Float64Array | null;
  atol: Float64Array;
  maxStep: number;
  firstStep: number;
  maxSteps: number;
}

export function resolve(where: string, method: unknown, rhs: unknown, t0: number, t1: number, y0: unknown, o: StepOptions, endName = "t1"): Resolved {
  if (method !== "DOP853" && method !== "RK45" && method !== "DOPRI5") {
    throw new RangeError(`${where}: method must be "DOP853" or "RK45" (alias "DOPRI5"), got ${describe(method)}`);
  }
  const system = isSystem(rhs) ? rhs : null;
  if (!system && typeof rhs !== "function") {
    throw new TypeError(`${where}: rhs must be a function (t, y, dydt) => void or an ode.systems.* object, got ${describe(rhs)}`);
  }
  if (o === null || typeof o !== "object") throw new TypeError(`${where}: options must be an object, got ${describe(o)}`);
  if (typeof t0 !== "number" || !Number.isFinite(t0)) throw new RangeError(`${where}: t0 must be a finite number, got ${describe(t0)}`);
  // t1 may be ±Infinity (as scipy): the run then ends at a terminal event or at the step budget (maxSteps)
  if (typeof t1 !== "number" || Number.isNaN(t1)) throw new RangeError(`${where}: ${endName} must be a finite number, got ${describe(t1)} (±Infinity is allowed too: the run then ends at a terminal event or at maxSteps)`);
  if (y0 === null || typeof y0 !== "object" || typeof (y0 as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${where}: y0 must be an array of numbers, got ${describe(y0)}`);
  }
  checkNumberEntries(where, "y0", y0 as ArrayLike<unknown>);
  const y = Float64Array.from(y0 as ArrayLike<number>);
  const complexOpt = checkBool(where, "complex", o.complex, false);
  const complex = system ? system.complex : complexOpt;
  if (system && o.complex === false && system.complex) throw new RangeError(`${where}: ode.systems.${system.name} has a complex state; drop complex: false`);
  if (complex && y.length % 2 !== 0) throw new RangeError(`${where}: a complex y0 is interleaved [re, im, …] and needs an even length, got ${y.length}`);
  // an empty y0 is allowed (scipy returns an empty state at t0 and t1)
  const n = complex ? y.length / 2 : y.length;
  if (system && system.n !== n) {
    throw new RangeError(`${where}: y0 must have ${system.n} ${complex ? "complex " : ""}components for ode.systems.${system.name}, got ${n}`);
  }
  if (!y.every(Number.isFinite)) throw new RangeError(`${where}: y0 must be finite; found ${y.find((v) => !Number.isFinite(v))}`);
  if (o.onWarning !== undefined && typeof o.onWarning !== "function") {
    throw new TypeError(`${where}: onWarning must be a function (message) => void, got ${describe(o.onWarning)}`);
  }
  const warn = o.onWarning ?? console.warn;

  const rtols = perComponent(where, "rtol", o.rtol ?? 1e-3, n, (v) => v > 0 && Number.isFinite(v), "a positive number");
  rtols.forEach((v, i) => {
    if (v < 100 * EPS) {
      warn(`${where}: ${typeof o.rtol === "object" ? `rtol[${i}]` : "rtol"} = ${v} is too small; using rtol = ${100 * EPS} (100·ε), as scipy does`);
      rtols[i] = 100 * EPS;
    }
  });
  const uniform = rtols.every((v) => v === rtols[0]);
  const rtol = !uniform ? rtols[0] : n > 0 ? rtols[0] : typeof o.rtol === "number" ? Math.max(o.rtol, 100 * EPS) : 1e-3;
  const atolIn = o.atol ?? 1e-6;
  const atol = perComponent(where, "atol", atolIn, n, (v) => v >= 0 && Number.isFinite(v), "≥ 0 and finite");

  const maxStep = o.maxStep ?? Infinity;
  if (typeof maxStep !== "number" || !(maxStep > 0)) throw new RangeError(`${where}: maxStep must be a positive number (or Infinity), got ${describe(o.maxStep)}`);
  let firstStep = 0;
  if (o.firstStep !== undefined) {
    if (typeof o.firstStep !== "number" || !(o.firstStep > 0) || !Number.isFinite(o.firstStep)) {
      throw new RangeError(`${where}: firstStep must be a positive number, got ${describe(o.firstStep)}`);
    }
    if (o.firstStep > Math.abs(t1 - t0)) {
      throw new RangeError(`${where}: firstStep = ${o.firstStep} exceeds the interval length ${Math.abs(t1 - t0)}; use a smaller first step`);
    }
    firstStep = o.firstStep;
  }
  const maxSteps = maxStepsOf(where, o.maxSteps, ODE_MAX_STEPS);
  const methodName = method === "DOP853" ? "DOP853" : "RK45";
  return {
    methodId: methodName === "DOP853" ? 1 : 0, methodName, system, fn: system ? null : (rhs as RhsFunction),
    y0: y, n, complex, rtol, rtolArray: uniform ? null : rtols, atol, maxStep, firstStep, maxSteps,
  };
}

/** A tolerance given as one number or one value per component, as n values, each passing `ok`. */
function perComponent(where: string, name: string, v: unknown, n: number, ok: (x: number) => boolean, what: string): Float64Array {
  if (typeof v === "number") {
    if (!ok(v)) throw new RangeError(`${where}: ${name} must be ${what}, got ${name === "atol" ? v : describe(v)}`);
    return new Float64Array(n).fill(v);
  }
  if (v !== null && typeof v === "object" && typeof (v as ArrayLike<number>).length === "number") {
    const a = v as ArrayLike<unknown>;
    if (a.length !== n) throw new RangeError(`${where}: ${name} must be a number or have one value per component (${n}), got length ${a.length}`);
    checkNumberEntries(where, name, a);
    const out = Float64Array.from(a as ArrayLike<number>);
    const bad = out.findIndex((x) => !ok(x));
    if (bad >= 0) throw new RangeError(`${where}: ${name} must be ${what}, got ${out[bad]} at index ${bad}`);
    return out;
  }
  throw new TypeError(`${where}: ${name} must be a number or an array with one value per component, got ${describe(v)}`);
}
