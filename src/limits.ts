/**
 * Run controls shared by the models and the ODE driver: a step budget (`maxSteps`), cancellation (`signal`, an
 * AbortSignal checked between steps and between chunks of at most CHUNK steps inside WASM) and a memory estimate
 * checked before anything is allocated. Contract: a run that meets its budget ends with status "budget", a run whose
 * signal fires ends with status "aborted" — both keep what was produced so far; nothing here throws while stepping.
 */
import { describe } from "./validate.js";

/** Why a run ended: reached its end, stopped by the step budget, by its AbortSignal, or by a non-finite state. */
export type RunStatus = "ok" | "step-too-small" | "non-finite" | "budget" | "aborted";

/** Default step budget of the models (fixed and adaptive steps alike): 1e6 steps, ≤ ~1 minute of the costliest stepper at N = 512. */
export const DEFAULT_MAX_STEPS = 1e6;
/** Steps run inside WASM between two checks of the signal and the budget (also keeps i32 step counts in range). */
export const CHUNK = 4096;
/** The largest allocation a run may plan: WASM memory is 4 GiB and typed arrays in JS share the process heap. */
export const MEMORY_LIMIT = 2 ** 31;

/** Validates `maxSteps` (positive integer or Infinity) and returns it, or the default. */
export function maxStepsOf(where: string, v: unknown, dflt = DEFAULT_MAX_STEPS): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !(v >= 1) || (Number.isFinite(v) && !Number.isInteger(v))) {
    throw new RangeError(`${where}: maxSteps must be a positive integer (or Infinity), got ${describe(v)}; it is the step budget of the run (default ${dflt})`);
  }
  return v;
}

/** Validates `signal` (an AbortSignal or undefined). */
export function signalOf(where: string, v: unknown): AbortSignal | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== "object" || typeof (v as AbortSignal).aborted !== "boolean") {
    throw new TypeError(`${where}: signal must be an AbortSignal (e.g. new AbortController().signal), got ${describe(v)}`);
  }
  return v as AbortSignal;
}

/** Progress inside a long stretch between snapshots: the time reached, steps so far, the current step size. */
export interface StepProgress { t: number; steps: number; stepSize: number }
export type ProgressCallback = (p: StepProgress) => void;

/** Validates `onProgress` (a function or undefined). */
export function progressOf(where: string, v: unknown): ProgressCallback | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "function") throw new TypeError(`${where}: onProgress must be a function ({ t, steps, stepSize }) => void, got ${describe(v)}`);
  return v as ProgressCallback;
}

/** Throws before allocating when a run would need more than MEMORY_LIMIT bytes; the message gives the estimate. */
export function checkMemory(where: string, what: string, bytes: number, fix: string): void {
  if (!(bytes <= MEMORY_LIMIT)) {
    throw new RangeError(`${where}: ${what} needs about ${formatBytes(bytes)} of memory, more than the ${formatBytes(MEMORY_LIMIT)} a run may use; ${fix}`);
  }
}

export function formatBytes(b: number): string {
  if (!Number.isFinite(b)) return "an unbounded amount";
  const u = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let i = 0;
  while (b >= 1024 && i < u.length - 1) { b /= 1024; i++; }
  return `${b.toFixed(b < 10 && i > 0 ? 1 : 0)} ${u[i]}`;
}

/** The message of a run that ended early, naming the option to change. */
export function endMessage(status: RunStatus, t: number, maxSteps: number, first = false): string {
  switch (status) {
    case "budget": return `stopped by the step budget at t = ${t} after ${maxSteps} steps; raise maxSteps (or use a larger step) to go further`;
    case "aborted": return `aborted at t = ${t} (the AbortSignal fired)`;
    case "non-finite": if (first) return "the state became non-finite (NaN or ±Infinity) before the first snapshot — reduce the step, the amplitude or the nonlinearity";
      return `the state became non-finite (NaN or ±Infinity) after t = ${t}; the last good snapshot is at t = ${t} — reduce the step, the amplitude or the nonlinearity`;
    case "step-too-small": return `the adaptive step fell below the spacing of doubles near t = ${t}; the problem is too stiff or singular there`;
    default: return "completed";
  }
}
