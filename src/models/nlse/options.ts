/**
 * NLSE options: camelCase forms of the seed's config keys plus samudra's own, merged over the case
 * defaults and validated once. Legacy mode pins everything the seed hard-coded.
 */
import { describe, closestName } from "../../validate.js";
import { CASES, CASE_INFO, type CaseName } from "./cases.js";
import { maxStepsOf, signalOf, progressOf, type ProgressCallback } from "../../limits.js";

/**
 * Time integrator: `"dop853"` (default) and `"rk45"` are adaptive Runge–Kutta on the Fourier coefficients
 * (step set by `rtol`/`atol`); `"strang"` (2nd order), `"yoshida4"`, `"yoshida6"`, `"kahanli6"` (split-step
 * compositions) and `"etdrk4"` (exponential RK4) take fixed steps of `dt`. Legacy mode allows only dop853/rk45.
 */
export type NlseMethod = "dop853" | "rk45" | "strang" | "yoshida4" | "yoshida6" | "kahanli6" | "etdrk4";
/**
 * Spectral filter applied after each fixed step: `"none"`, `"two_thirds"` (the ⅔-rule dealiasing) or
 * `"exponential"` (exp(−α (|k|/k_max)^order), see `filterAlpha`, `filterOrder`). Corrected mode: fixed-step methods only.
 */
export type FilterKind = "none" | "two_thirds" | "exponential";

/**
 * Options of {@link simulate} / {@link solve}: the seed's config keys in camelCase plus samudra's own. Every
 * field is optional; the chosen `case` supplies defaults and any field overrides them. Units are the
 * dimensionless units of i ψ_t + β ψ_xx + γ|ψ|²ψ = 0. Bad input throws before anything runs: an unknown key is a
 * `RangeError` with a did-you-mean, a non-finite number a `TypeError`, an out-of-range value a `RangeError`
 * naming the option, the value and the allowed range.
 */
export interface NlseOptions {
  /** Case whose defaults are used (also accepted as the seed's `initialCondition`). Default `"single_soliton"`; one of {@link CASES}. */
  case?: CaseName;
  /** The seed's name for `case`; if both are given they must agree. */
  initialCondition?: CaseName;
  /** Reproduce the seed exactly (DOP853 on ĉ, filter inside the RHS, max_step 0.1, dense outputs). Default false. */
  legacy?: boolean;
  /** Label used in output file names and metadata. Default: the case's title (e.g. "Single Soliton"). */
  scenarioName?: string;
  /** Periodic domain length L, x ∈ [−L/2, L/2). Default 50 (the seed's); > 0. */
  domainLength?: number;
  /** Grid points N (any integer 8 ≤ N ≤ 1048576; powers of two are fastest). Default 512. */
  numPoints?: number;
  /** Length of the run (time units, > 0): snapshots at tStart + linspace(0, tFinal, nSnapshots). Default 20 for the seed cases (each case sets its own; akhmediev runs t ∈ [−6, 6] as tStart −6, tFinal 12). */
  tFinal?: number;
  /** Number of snapshots, including t = tStart and t = tStart + tFinal; integer ≥ 2. Default 100. */
  nSnapshots?: number;
  /** Start time (the exact-solution cases start before 0, e.g. akhmediev −6). Default 0; legacy mode forces 0. */
  tStart?: number;
  /** Dispersion coefficient β in i ψ_t + β ψ_xx + γ|ψ|²ψ = 0. Default 0.5; legacy mode requires 0.5. */
  beta?: number;
  /** Nonlinearity γ (> 0 focusing, < 0 defocusing). Default 1; legacy mode requires 1. */
  gamma?: number;
  /** Time integrator (see {@link NlseMethod}); case-insensitive. Default `"dop853"`. */
  method?: NlseMethod | "DOP853" | "RK45";
  /** Relative tolerance of the adaptive methods; > 0. Default 1e-10 (legacy 1e-9). */
  rtol?: number;
  /** Absolute tolerance of the adaptive methods, on the amplitudes ĉ/N (legacy: on ĉ); ≥ 0. Default 1e-14 (legacy 1e-11). */
  atol?: number;
  /** Largest adaptive step; > 0. Default Infinity (legacy: 0.1, whatever is given). */
  maxStep?: number;
  /** Fixed step of the split-step/ETD methods; > 0. Default strang 1e-3, yoshida4 2e-3, yoshida6 5e-3, kahanli6 5e-3, etdrk4 2e-3. Ignored by dop853/rk45. */
  dt?: number;
  /** The seed's switch: false turns dop853 into rk45. Default true. */
  useAdaptive?: boolean;
  /** Legacy mode: the seed's exponential filter inside the right-hand side (default true). Corrected mode: use `filter`. */
  useFiltering?: boolean;
  /** Spectral filter after each fixed step (see {@link FilterKind}). Default `"none"`; with dop853/rk45 only `"none"`. */
  filter?: FilterKind;
  /** Strength α of the exponential filter exp(−α (|k|/k_max)^order). Default 36. */
  filterAlpha?: number;
  /** Order of the exponential filter. Default 36. */
  filterOrder?: number;
  /** single_soliton, breather, modulation_instability: amplitude A of ψ0. Defaults 2, 1, 1. */
  amplitude?: number;
  /** single_soliton: initial centre x0. Default −10. */
  position?: number;
  /** single_soliton: velocity v (phase e^{ivx}). Default 1. */
  velocity?: number;
  /** two_soliton: amplitude of the first soliton. Default 2. */
  A1?: number;
  /** two_soliton: amplitude of the second soliton. Default 1.5. */
  A2?: number;
  /** two_soliton: centre of the first soliton. Default −10. */
  x1?: number;
  /** two_soliton: centre of the second soliton. Default 10. */
  x2?: number;
  /** two_soliton: velocity of the first soliton. Default 2. */
  v1?: number;
  /** two_soliton: velocity of the second soliton. Default −2. */
  v2?: number;
  /** breather: carrier frequency f in √2 a sech(ax) e^{ifx}(1 + m cos 2fx). Default 0.5. */
  frequency?: number;
  /** breather: modulation depth m. Default 0.5 (legacy forces 0.5, as the seed does). */
  modulation?: number;
  /** modulation_instability: Gaussian width w in A e^{−x²/(2w²)}. Default 5. */
  width?: number;
  /** modulation_instability: Gaussian centre. Default 0. */
  center?: number;
  /** modulation_instability: standard deviation of the added noise. Default 0.01. */
  noiseLevel?: number;
  /** modulation_instability: noise seed (numpy-legacy MT19937 stream); integer 0 ≤ seed < 2^32. Default 42. */
  seed?: number;
  /** akhmediev (0 < a < 0.5, default 0.25) and kuznetsov_ma (a > 0.5, default 1): the breather parameter a. */
  a?: number;
  /** plane_wave_mi: perturbation amplitude ε in ψ0 = 1 + ε cos Kx. Default 1e-6. */
  epsilon?: number;
  /** plane_wave_mi: perturbation mode number m, K = 2πm/L. Default 11. */
  mode?: number;
  /** second_order_soliton: soliton order n in ψ0 = n sech x. Default 2. */
  order?: number;
  /** Seed key with no effect on the computation (accepted so seed configs load unchanged). */
  useNumba?: boolean;
  /** Seed key with no effect (accepted so seed configs load unchanged). */
  monitorConservation?: boolean;
  /** Seed key with no effect (accepted so seed configs load unchanged). */
  saveNetcdf?: boolean;
  /** Seed key with no effect (accepted so seed configs load unchanged). */
  saveAnimation?: boolean;
  /** Seed key with no effect on the computation (the CLI's animation frame rate). */
  fps?: number;
  /** Seed key with no effect on the computation. */
  dpi?: number;
  /** Seed key with no effect on the computation (the CLI takes `-o DIR`). */
  outputDir?: string;
  /** Seed key with no effect on the computation. */
  logDir?: string;
  /** Step budget (default 1e6 accepted + rejected steps, or fixed steps): the run ends with status "budget" there. */
  maxSteps?: number;
  /** Cancels the run between steps (status "aborted"; what was produced so far is kept). */
  signal?: AbortSignal;
  /** Called every 256 adaptive steps / 4096 fixed steps with { t, steps, stepSize }: progress between snapshots. */
  onProgress?: ProgressCallback;
  /**
   * Your own ψ0 instead of the case's: 2·numPoints finite numbers, interleaved [Re ψ(x_0), Im ψ(x_0), …] at
   * x_j = −L/2 + jL/N (j = 0 … N−1, periodic). The case still sets β, γ, the grid and the method's defaults; a run
   * from a user field has no exact solution (error NaN).
   */
  initialField?: ArrayLike<number>;
}

export interface Resolved {
  caseName: CaseName; legacy: boolean; scenarioName: string;
  L: number; N: number; tStart: number; tFinal: number; nSnapshots: number;
  beta: number; gamma: number;
  method: NlseMethod; rtol: number; atol: number; maxStep: number; dt: number;
  filter: FilterKind; filterAlpha: number; filterOrder: number;
  /** Step budget (accepted + rejected adaptive steps, or fixed steps). */
  maxSteps: number;
  /** ψ0 comes from options.initialField. */
  userField: boolean;
  p: Record<string, number>;
}

const NUMERIC = ["domainLength", "numPoints", "tFinal", "nSnapshots", "tStart", "beta", "gamma", "rtol", "atol", "maxStep", "dt",
  "filterAlpha", "filterOrder", "amplitude", "position", "velocity", "A1", "A2", "x1", "x2", "v1", "v2", "frequency",
  "modulation", "width", "center", "noiseLevel", "seed", "a", "epsilon", "mode", "order", "fps", "dpi"];
const OTHER = ["case", "initialCondition", "legacy", "scenarioName", "method", "useAdaptive", "useFiltering", "filter",
  "useNumba", "monitorConservation", "saveNetcdf", "saveAnimation", "outputDir", "logDir", "maxSteps", "signal", "onProgress", "initialField"];
const KNOWN = new Set([...NUMERIC, ...OTHER]);
const METHODS: NlseMethod[] = ["dop853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"];
const DEFAULT_DT: Record<NlseMethod, number> = { dop853: 0, rk45: 0, strang: 1e-3, yoshida4: 2e-3, yoshida6: 5e-3, kahanli6: 5e-3, etdrk4: 2e-3 };

export function resolveOptions(where: string, o: NlseOptions): Resolved {
  if (o === null || typeof o !== "object") throw new TypeError(`${where}: options must be an object like { case: "single_soliton" }, got ${describe(o)}`);
  for (const k of Object.keys(o)) {
    if (!KNOWN.has(k)) throw new RangeError(`${where}: unknown option "${k}" — did you mean "${closestName(k, KNOWN)}"?`);
  }
  const caseName = (o.case ?? o.initialCondition ?? "single_soliton") as CaseName;
  if (!CASES.includes(caseName)) throw new RangeError(`${where}: case must be one of ${CASES.join(", ")}; got ${describe(caseName)}`);
  if (o.case && o.initialCondition && o.case !== o.initialCondition) {
    throw new RangeError(`${where}: case "${o.case}" and initialCondition "${o.initialCondition}" disagree; give one of them`);
  }
  const m: Record<string, unknown> = { ...CASE_INFO[caseName].defaults, ...o };
  for (const k of NUMERIC) {
    const v = m[k];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v))) throw new TypeError(`${where}: ${k} must be a finite number, got ${describe(v)}`);
  }
  const num = (k: string, d: number) => (m[k] as number | undefined) ?? d;
  for (const k of ["legacy", "useAdaptive", "useFiltering", "useNumba", "monitorConservation", "saveNetcdf", "saveAnimation"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "boolean") throw new TypeError(`${where}: ${k} must be true or false, got ${describe(o[k])}`);
  }
  const legacy = o.legacy === true;
  const N = num("numPoints", 512), L = num("domainLength", 50);
  if (!Number.isInteger(N) || N < 8 || N > 1 << 20) throw new RangeError(`${where}: numPoints must be an integer 8 ≤ N ≤ 1048576, got ${N}`);
  if (!(L > 0)) throw new RangeError(`${where}: domainLength must be > 0, got ${L}`);
  const tFinal = num("tFinal", 20), nSnapshots = num("nSnapshots", 100);
  if (!(tFinal > 0)) throw new RangeError(`${where}: tFinal must be > 0, got ${tFinal}`);
  if (!Number.isInteger(nSnapshots) || nSnapshots < 2) throw new RangeError(`${where}: nSnapshots must be an integer ≥ 2, got ${nSnapshots}`);

  let methodIn = String(m.method ?? (legacy ? "dop853" : "dop853")).toLowerCase() as NlseMethod;
  if (m.useAdaptive === false && (methodIn === "dop853")) methodIn = "rk45";   // the seed: use_adaptive false → RK45
  if (!METHODS.includes(methodIn)) throw new RangeError(`${where}: method must be one of ${METHODS.join(", ")}, got ${describe(m.method)}`);
  if (legacy && methodIn !== "dop853" && methodIn !== "rk45") {
    throw new RangeError(`${where}: legacy mode reproduces the seed's solve_ivp run, so method must be "dop853" (or "rk45" via useAdaptive: false); got "${methodIn}"`);
  }
  const beta = num("beta", 0.5), gamma = num("gamma", 1);
  if (legacy && (beta !== 0.5 || gamma !== 1)) throw new RangeError(`${where}: the seed solves i ψ_t + ½ψ_xx + |ψ|²ψ = 0 only; drop beta/gamma or legacy: true`);
  let filter: FilterKind;
  if (legacy) filter = m.useFiltering === false ? "none" : "exponential";
  else {
    filter = (m.filter as FilterKind | undefined) ?? "none";
    if (!["none", "two_thirds", "exponential"].includes(filter)) throw new RangeError(`${where}: filter must be "none", "two_thirds" or "exponential", got ${describe(m.filter)}`);
    if (filter !== "none" && (methodIn === "dop853" || methodIn === "rk45")) {
      throw new RangeError(`${where}: in the corrected mode the filter is applied after each fixed step (strang, yoshida4, yoshida6, kahanli6, etdrk4); with ${methodIn} use filter: "none", or legacy: true for the seed's in-RHS filter`);
    }
  }
  // corrected defaults act on the amplitudes u = ĉ/N (the seed's atol acts on N-scaled ĉ): soliton error ~1e-11
  const rtol = num("rtol", legacy ? 1e-9 : 1e-10), atol = num("atol", legacy ? 1e-11 : 1e-14);
  if (!(rtol > 0)) throw new RangeError(`${where}: rtol must be > 0, got ${rtol}`);
  if (!(atol >= 0)) throw new RangeError(`${where}: atol must be ≥ 0, got ${atol}`);
  // the seed hard-codes max_step = 0.1 whatever its config says
  const maxStep = legacy ? 0.1 : num("maxStep", Infinity);
  if (!(maxStep > 0)) throw new RangeError(`${where}: maxStep must be > 0, got ${maxStep}`);
  const dt = num("dt", DEFAULT_DT[methodIn]);
  if (methodIn !== "dop853" && methodIn !== "rk45" && !(dt > 0)) throw new RangeError(`${where}: dt must be > 0 for method ${methodIn}, got ${dt}`);
  const seed = num("seed", 42);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`${where}: seed must be an integer 0 ≤ seed < 2^32, got ${seed}`);
  const maxSteps = maxStepsOf(where, o.maxSteps);
  if (o.initialField !== undefined) checkField(where, o.initialField, N);
  signalOf(where, o.signal);
  progressOf(where, o.onProgress);
  const p: Record<string, number> = {};
  for (const k of NUMERIC) if (typeof m[k] === "number") p[k] = m[k] as number;
  return {
    caseName, legacy, scenarioName: String(m.scenarioName ?? caseName),
    L, N, tStart: legacy ? 0 : num("tStart", 0), tFinal, nSnapshots,
    beta, gamma, method: methodIn, rtol, atol, maxStep, dt,
    filter, filterAlpha: num("filterAlpha", 36), filterOrder: num("filterOrder", 36), maxSteps, userField: o.initialField !== undefined, p,
  };
}

/** initialField: 2N finite numbers (interleaved complex ψ0 on the grid). */
function checkField(where: string, f: unknown, N: number): void {
  if (f === null || typeof f !== "object" || typeof (f as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${where}: initialField must be an array of 2·numPoints = ${2 * N} numbers (interleaved Re, Im of ψ0 at x_j = −L/2 + jL/N), got ${describe(f)}`);
  }
  const a = f as ArrayLike<number>;
  if (a.length !== 2 * N) throw new RangeError(`${where}: initialField must have 2·numPoints = ${2 * N} numbers (interleaved Re, Im), got ${a.length}${a.length === N ? "; a real field needs its imaginary parts (zeros) interleaved" : ""}`);
  for (let j = 0; j < a.length; j++) {
    if (typeof a[j] !== "number" || !Number.isFinite(a[j])) throw new RangeError(`${where}: initialField[${j}] (${j % 2 ? "Im" : "Re"} ψ at x_${j >> 1}) must be a finite number, got ${describe(a[j])}`);
  }
}
