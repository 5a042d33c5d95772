/**
 * Right-hand sides compiled into the WASM module. `ode.solve`/`ode.create` accept these objects in
 * place of a JS function; the stepper then never leaves WASM (no JS↔WASM call per evaluation).
 */
import { describe, checkOptions, checkBool, checkNumberEntries } from "../validate.js";

/** A built-in system: its id in the kernel, its parameter block and the state it expects. */
export interface OdeSystem {
  /** Brand that marks a compiled system (a plain object with this kind is not one). */
  readonly kind: "samudra.ode.system";
  /** Name for messages, e.g. "lorenz". */
  readonly name: string;
  /** Kernel id (see assembly/ode/systems.ts). */
  readonly id: number;
  /** Parameters, converted once. */
  readonly params: Float64Array;
  /** Required number of components, or null if any. */
  readonly n: number;
  /** True when the state is complex (interleaved [re, im]). */
  readonly complex: boolean;
}

function num(where: string, name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new TypeError(`${where}: ${name} must be a finite number, got ${describe(v)}`);
  }
  return v;
}

function make(name: string, id: number, params: number[] | Float64Array, n: number, complex = false): OdeSystem {
  return Object.freeze({ kind: "samudra.ode.system" as const, name, id, params: Float64Array.from(params), n, complex });
}

/**
 * Lorenz system y' = (σ(y1 − y0), y0(ρ − y2) − y1, y0·y1 − β·y2); 3 components.
 *
 * @example
 * ode.solve("DOP853", ode.systems.lorenz(), [0, 5], [1, 1, 1], { rtol: 1e-10, atol: 1e-12 });
 */
export function lorenz(p: { sigma?: number; rho?: number; beta?: number } = {}): OdeSystem {
  const w = "ode.systems.lorenz(options)";
  p = checkOptions(w, p, ["sigma", "rho", "beta"]);
  return make("lorenz", 1, [num(w, "sigma", p.sigma, 10), num(w, "rho", p.rho, 28), num(w, "beta", p.beta, 8 / 3)], 3);
}

/**
 * Van der Pol oscillator y' = (y1, μ(1 − y0²)y1 − y0); 2 components.
 *
 * @example
 * ode.solve("RK45", ode.systems.vanDerPol({ mu: 5 }), [0, 20], [2, 0]);
 */
export function vanDerPol(p: { mu?: number } = {}): OdeSystem {
  const w = "ode.systems.vanDerPol(options)";
  p = checkOptions(w, p, ["mu"]);
  return make("vanDerPol", 2, [num(w, "mu", p.mu, 1)], 2);
}

/**
 * Arenstorf orbit (restricted three-body problem, Hairer–Nørsett–Wanner I, eq. II.0.1); state
 * (x, y, x', y'). With mu = 0.012277471 and y0 = [0.994, 0, 0, −2.00158510637908252240537862224]
 * the orbit is periodic with period 17.0652165601579625588917206249.
 *
 * @example
 * ode.solve("DOP853", ode.systems.arenstorf(), [0, 17.0652165601579625588917206249],
 *           [0.994, 0, 0, -2.00158510637908252240537862224], { rtol: 1e-10, atol: 1e-10 });
 */
export function arenstorf(p: { mu?: number } = {}): OdeSystem {
  const w = "ode.systems.arenstorf(options)";
  p = checkOptions(w, p, ["mu"]);
  return make("arenstorf", 3, [num(w, "mu", p.mu, 0.012277471)], 4);
}

/**
 * Linear system y' = A·y. Real: `matrix` holds n×n values row-major. Complex (`complex: true`):
 * `matrix` holds n×n complex values interleaved [re, im] row-major, and the state is complex.
 *
 * @example
 * ode.systems.linear({ matrix: [-1, 0, 0, -2] });                 // decoupled decay
 * ode.systems.linear({ matrix: [0, -1, 0, 0], complex: true });   // y' = −i y (1×1 complex)
 */
export function linear(p: { matrix: ArrayLike<number>; complex?: boolean }): OdeSystem {
  const w = "ode.systems.linear(options)";
  if (p !== null && typeof p === "object") checkOptions(w, p, ["matrix", "complex"]);
  if (p === null || typeof p !== "object" || p.matrix === undefined || typeof (p.matrix as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${w}: matrix must be an array of numbers (n×n row-major; interleaved complex with complex: true), got ${describe(p?.matrix)}`);
  }
  const complex = checkBool(w, "complex", p.complex, false);
  checkNumberEntries(w, "matrix", p.matrix as ArrayLike<unknown>);
  const m = Float64Array.from(p.matrix);
  const per = complex ? 2 : 1;
  const n = Math.round(Math.sqrt(m.length / per));
  if (n < 1 || n * n * per !== m.length) {
    throw new RangeError(`${w}: matrix must hold n×n${complex ? " complex (2·n² doubles)" : ""} values, got length ${m.length}`);
  }
  if (!m.every(Number.isFinite)) throw new RangeError(`${w}: matrix entries must be finite`);
  return make(complex ? "linear (complex)" : "linear", complex ? 5 : 4, m, n, complex);
}

export function isSystem(v: unknown): v is OdeSystem {
  return typeof v === "object" && v !== null && (v as OdeSystem).kind === "samudra.ode.system";
}
