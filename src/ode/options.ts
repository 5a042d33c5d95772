/** Validation of ode.solve / ode.create arguments; messages name the option, the value and the fix. */
import { describe } from "../validate.js";
import { isSystem, type OdeSystem } from "./systems.js";
import { maxStepsOf } from "../limits.js";

/** `(t, y, dydt) => void`: write f(t, y) into dydt. `y` and `dydt` are views on WASM memory, reused between calls. */
export type RhsFunction = (t: number, y: Float64Array, dydt: Float64Array) => void;

export type Method = "DOP853" | "RK45" | "DOPRI5";

export interface StepOptions {
  /** Relative tolerance (default 1e-3, as scipy). Values below 100·ε are raised to it with a warning. */
  rtol?: number;
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
  rtol: number;
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
  for (const [name, v] of [["t0", t0], [endName, t1]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`${where}: ${name} must be a finite number, got ${describe(v)}`);
  }
  if (t1 === t0) throw new RangeError(`${where}: the interval is empty (t0 = t1 = ${t0}); give an end time different from the start`);
  if (y0 === null || typeof y0 !== "object" || typeof (y0 as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${where}: y0 must be an array of numbers, got ${describe(y0)}`);
  }
  const y = Float64Array.from(y0 as ArrayLike<number>);
  const complex = system ? system.complex : o.complex === true;
  if (o.complex !== undefined && typeof o.complex !== "boolean") throw new TypeError(`${where}: complex must be true or false, got ${describe(o.complex)}`);
  if (system && o.complex === false && system.complex) throw new RangeError(`${where}: ode.systems.${system.name} has a complex state; drop complex: false`);
  if (complex && y.length % 2 !== 0) throw new RangeError(`${where}: a complex y0 is interleaved [re, im, …] and needs an even length, got ${y.length}`);
  const n = complex ? y.length / 2 : y.length;
  if (n < 1) throw new RangeError(`${where}: y0 must have at least one component, got length ${y.length}`);
  if (system && system.n !== n) {
    throw new RangeError(`${where}: y0 must have ${system.n} ${complex ? "complex " : ""}components for ode.systems.${system.name}, got ${n}`);
  }
  if (!y.every(Number.isFinite)) throw new RangeError(`${where}: y0 must be finite; found ${y.find((v) => !Number.isFinite(v))}`);

  let rtol = o.rtol ?? 1e-3;
  if (typeof rtol !== "number" || !(rtol > 0) || !Number.isFinite(rtol)) {
    throw new RangeError(`${where}: rtol must be a positive number, got ${describe(o.rtol)}`);
  }
  if (rtol < 100 * EPS) {
    (o.onWarning ?? console.warn)(`${where}: rtol = ${rtol} is too small; using rtol = ${100 * EPS} (100·ε), as scipy does`);
    rtol = 100 * EPS;
  }
  const atolIn = o.atol ?? 1e-6;
  let atol: Float64Array;
  if (typeof atolIn === "number") {
    atol = new Float64Array(n).fill(atolIn);
  } else if (atolIn !== null && typeof atolIn === "object" && typeof atolIn.length === "number") {
    if (atolIn.length !== n) throw new RangeError(`${where}: atol must be a number or have one value per component (${n}), got length ${atolIn.length}`);
    atol = Float64Array.from(atolIn);
  } else {
    throw new TypeError(`${where}: atol must be a number or an array, got ${describe(atolIn)}`);
  }
  const bad = atol.findIndex((v) => !(v >= 0) || !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`${where}: atol must be ≥ 0 and finite, got ${atol[bad]}${typeof atolIn === "number" ? "" : ` at index ${bad}`}`);

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
    y0: y, n, complex, rtol, atol, maxStep, firstStep, maxSteps,
  };
}
