/**
 * Klein–Gordon options: camelCase forms of the seed's config keys (klein-gordon.md §5.1) merged over the case
 * defaults (the seed's shipped configs, current commit), plus samudra's method/boundary/legacy choices.
 */
import { maxStepsOf, signalOf, progressOf, checkMemory, type ProgressCallback } from "../../limits.js";
import { describe, closestName } from "../../validate.js";

/**
 * Klein–Gordon cases: the seed's `case1`…`case4` (linear Gaussian, φ⁴ kink, sine-Gordon breather, φ⁴
 * kink–antikink) and samudra's cases with exact solutions or clean physics checks. See {@link KG_CASES}.
 */
export type KgCase = "case1" | "case2" | "case3" | "case4" | "boosted_kink" | "sg_breather" | "kink_antikink" | "kink_pair_static" | "sg_kink" | "sg_kink_antikink" | "gaussian_packet";
/**
 * Time integrator: `"verlet"` (velocity Verlet, 2nd order, the corrected default), `"strang_exact"` (exact linear
 * flow + nonlinear kick), `"yoshida4"`, `"yoshida6"`, `"kahanli6"` (symplectic compositions, periodic only);
 * `"legacy"` is the seed's leapfrog (chosen by `legacy: true`).
 */
export type KgMethod = "legacy" | "verlet" | "strang_exact" | "yoshida4" | "yoshida6" | "kahanli6";
/** Every case name accepted by `kleinGordon.solve`/`simulate` (`case` option), seed cases first. */
export const KG_CASES: KgCase[] = ["case1", "case2", "case3", "case4", "boosted_kink", "sg_breather", "kink_antikink", "kink_pair_static", "sg_kink", "sg_kink_antikink", "gaussian_packet"];

/**
 * Options of `kleinGordon.solve` / `simulate` / `create` for φ_tt − φ_xx + V′(φ) = 0: the seed's config keys in
 * camelCase plus samudra's method, boundary and legacy choices. Every field is optional; the `case` supplies the
 * defaults (listed per case in docs/kg.md) and any field overrides them. Units are the dimensionless units of the
 * equation (c = 1). Bad input throws before the run: an unknown key is a `RangeError` with a did-you-mean, a
 * non-finite number a `TypeError`, an out-of-range value a `RangeError` naming the option and the range.
 */
export interface KgOptions {
  /** Which case: the seed's case1…case4 (as coded with legacy: true, corrected otherwise) or a samudra case. */
  case?: KgCase;
  /** Reproduce the seed exactly: its leapfrog, adaptive Δt, end-point-inclusive grid and ICs (case1…case4). */
  legacy?: boolean;
  /** Integrator for corrected runs: verlet (default), strang_exact, yoshida4, yoshida6, kahanli6 (the last four periodic only). */
  method?: KgMethod;
  /** Run name (file stems in the CLI). */
  scenarioName?: string;
  /** Grid points (even, ≥ 8) of the domain [xMin, xMax]. Default per case (512 or 1024). */
  nx?: number;
  /** Left end of the domain. Default per case (e.g. −30 for case1, −50 for case2). */
  xMin?: number;
  /** Right end of the domain; > xMin. Default per case (e.g. 30 for case1, 50 for case2). */
  xMax?: number;
  /** End time; > 0. Default per case (50 for case1, case2). */
  tFinal?: number;
  /** Time step; > 0. Default per case (0.005 or 0.01). Corrected runs shrink dt so that frames fall on steps. */
  dt?: number;
  /** Corrected runs: choose Δt from Δt·√(k_max² + max V″) = cfl instead of giving dt (0 < cfl; Verlet needs < 2). */
  cfl?: number;
  /** Legacy only: the seed's adaptive Δt rule (default true). */
  adaptiveDt?: boolean;
  /** V(φ): ½m²φ² (linear, mass m), (λ/4)(φ² − v²)² (phi4, lambda, vacuum v) or 1 − cos φ (sine_gordon). */
  potential?: "linear" | "phi4" | "sine_gordon";
  /** Mass m of the linear potential ½m²φ². Default 1. */
  mass?: number;
  /** Coupling λ of the φ⁴ potential (λ/4)(φ² − v²)²; > 0. Default 1. */
  lambda?: number;
  /** Vacuum v of the φ⁴ potential (the kink goes from −v to v). Default 1. */
  vacuum?: number;
  /** Initial condition and its parameters (see docs/kg.md): amplitude/width (Gaussian, packet), position x0,
   *  velocity u (kinks, breather boost; the Gaussian's growth rate), frequency ω (breather), separation d (K–AK),
   *  phase t0 (breather), k0 (packet), sign (+1 kink, −1 antikink for sg_kink); sg_kink_antikink: the exact
   *  Perring–Skyrme pair at speed u whose kinks are `separation` apart at t = 0 (they pass through each other). */
  icType?: "gaussian" | "kink" | "breather" | "kink_antikink" | "packet" | "kink_pair" | "sg_kink" | "sg_kink_antikink";
  /** Gaussian and packet amplitude. Default 1 (case1). */
  amplitude?: number;
  /** Gaussian and packet width (x units). Default 2 (case1). */
  width?: number;
  /** Centre x0 of the initial condition. Default 0 (per case). */
  position?: number;
  /** Velocity u (|u| < 1) of kinks and the breather boost; the Gaussian's initial growth rate. Default 0 (case4: 0.3). */
  velocity?: number;
  /** Breather frequency ω, 0 < ω < 1. Default 0.5 (case3). */
  frequency?: number;
  /** Distance d between kink and antikink (x units). Default 20 (case4). */
  separation?: number;
  /** Breather phase t0 (time units). Default 0. */
  phase?: number;
  /** Wave number k0 of the Gaussian packet. */
  k0?: number;
  /** sg_kink: +1 kink, −1 antikink. Default 1. */
  sign?: number;
  /** Stored frames after t = 0 (the result has nFrames + 1). */
  nFrames?: number;
  /**
   * Your own initial field instead of the case's: φ0 and φ_t0 at the grid points x_j (length nx each; periodic
   * x_j = xMin + j(xMax − xMin)/nx, Neumann and legacy x_j = xMin + j(xMax − xMin)/(nx − 1)), finite. The case still
   * sets the potential and grid; runs from a user field have no exact solution (error NaN).
   */
  initialField?: { phi: ArrayLike<number>; phiT: ArrayLike<number> };
  /** Step budget (default 1e6 steps): the run ends with status "budget" there, keeping the frames so far. */
  maxSteps?: number;
  /** Cancels the run between steps (status "aborted"; the frames so far are kept). */
  signal?: AbortSignal;
  /** Called every 4096 steps with { t, steps, stepSize }: progress between frames. */
  onProgress?: ProgressCallback;
  /** Corrected runs: periodic x_j = a + jL/N (default) or Neumann ends (DCT-I; verlet only). */
  boundary?: "periodic" | "neumann";
  /** Dealiasing of V′(φ) (method "verlet"): none, "two_thirds" (|k| > ⅔k_max of V̂′ dropped) or "pad2" (2× padding). */
  dealias?: "none" | "two_thirds" | "pad2";
  /** Absorbing sponge at both ends (method "verlet"): damping σ(x) = spongeStrength·(1 − d/spongeWidth)² within spongeWidth of an end. */
  spongeWidth?: number;
  /** Peak damping rate σ of the sponge (1/time); ≥ 0. Default 0 (no sponge). */
  spongeStrength?: number;
  /** Seed config keys read by the CLI (files, animation) or ignored (nCores, energyTol), accepted so seed configs load unchanged. */
  saveNetcdf?: boolean;
  /** Seed key read by the CLI (write the GIF); no effect on the computation. */
  saveAnimation?: boolean;
  /** Seed key read by the CLI (GIF frame rate); no effect on the computation. */
  fps?: number;
  /** Seed key; no effect on the computation. */
  dpi?: number;
  /** Seed key read by the CLI (colormap of the figures); no effect on the computation. */
  colormap?: string;
  /** Seed key; ignored (samudra is single-threaded per run). */
  nCores?: number;
  /** Seed key; the CLI takes `-o DIR`. No effect on the computation. */
  outputDir?: string;
  /** Seed key; ignored. */
  energyTol?: number;
}

const SEED: Record<"case1" | "case2" | "case3" | "case4", KgOptions> = {
  case1: { scenarioName: "Case 1 - Linear Wave", nx: 512, xMin: -30, xMax: 30, tFinal: 50, dt: 0.005, adaptiveDt: true, potential: "linear", mass: 1, icType: "gaussian", amplitude: 1, width: 2, position: 0, velocity: 0, nFrames: 200, colormap: "plasma" },
  case2: { scenarioName: "Case 2 - Kink Soliton", nx: 1024, xMin: -50, xMax: 50, tFinal: 50, dt: 0.005, adaptiveDt: true, potential: "phi4", lambda: 1, vacuum: 1, icType: "kink", position: 0, velocity: 0, nFrames: 200, colormap: "inferno" },
  case3: { scenarioName: "Case 3 - Breather", nx: 512, xMin: -40, xMax: 40, tFinal: 80, dt: 0.01, adaptiveDt: true, potential: "sine_gordon", icType: "breather", frequency: 0.5, position: 0, nFrames: 300, colormap: "viridis" },
  case4: { scenarioName: "Case 4 - Kink-Antikink Collision", nx: 1024, xMin: -50, xMax: 50, tFinal: 100, dt: 0.005, adaptiveDt: true, potential: "phi4", lambda: 1, vacuum: 1, icType: "kink_antikink", separation: 20, velocity: 0.3, nFrames: 400, colormap: "twilight" },
};

/** Corrected cases (and the corrected meaning of case1–4 outside legacy mode). */
const CORRECTED: Record<KgCase, KgOptions> = {
  case1: { ...SEED.case1, method: "strang_exact" },
  case2: { ...SEED.case2, boundary: "neumann", method: "verlet" },
  case3: { ...SEED.case3, icType: "breather", phase: 0, method: "verlet", dt: 0.01, tFinal: 80 },
  case4: { ...SEED.case4, method: "verlet" },
  boosted_kink: { scenarioName: "Boosted Kink", nx: 1024, xMin: -50, xMax: 50, tFinal: 20, dt: 0.005, potential: "phi4", lambda: 1, vacuum: 1, icType: "kink", position: -5, velocity: 0.5, boundary: "neumann", method: "verlet", nFrames: 100 },
  sg_breather: { ...SEED.case3, scenarioName: "Sine-Gordon Breather", icType: "breather", phase: 0, method: "verlet" },
  kink_antikink: { ...SEED.case4, scenarioName: "Kink-Antikink Collision", method: "verlet" },
  kink_pair_static: { scenarioName: "Static Kink + Antikink", nx: 1024, xMin: -50, xMax: 50, tFinal: 50, dt: 0.005, potential: "phi4", lambda: 1, vacuum: 1, icType: "kink_pair", separation: 50, method: "verlet", nFrames: 100 },
  sg_kink_antikink: { scenarioName: "Sine-Gordon Kink-Antikink", nx: 1024, xMin: -50, xMax: 50, tFinal: 60, dt: 0.01, potential: "sine_gordon", icType: "sg_kink_antikink", position: 0, velocity: 0.5, separation: 30, method: "yoshida4", nFrames: 120 },
  sg_kink: { scenarioName: "Sine-Gordon Kink", nx: 1024, xMin: -50, xMax: 50, tFinal: 20, dt: 0.005, potential: "sine_gordon", icType: "sg_kink", position: -10, velocity: 0.5, sign: 1, boundary: "neumann", method: "verlet", nFrames: 100 },
  gaussian_packet: { scenarioName: "Gaussian Packet", nx: 1024, xMin: -50, xMax: 50, tFinal: 20, dt: 0.01, potential: "linear", mass: 1, icType: "packet", amplitude: 1, width: 4, position: -20, k0: 2, method: "strang_exact", nFrames: 100 },
};

const KNOWN = new Set(["case", "legacy", "method", "scenarioName", "nx", "xMin", "xMax", "tFinal", "dt", "adaptiveDt", "potential", "mass", "lambda", "vacuum", "icType", "amplitude", "width", "position", "velocity", "frequency", "separation", "phase", "k0", "sign", "nFrames", "boundary", "cfl", "dealias", "spongeWidth", "spongeStrength", "saveNetcdf", "saveAnimation", "fps", "dpi", "colormap", "nCores", "outputDir", "energyTol", "maxSteps", "signal", "onProgress", "initialField"]);
const NUM = ["nx", "xMin", "xMax", "tFinal", "dt", "mass", "lambda", "vacuum", "amplitude", "width", "position", "velocity", "frequency", "separation", "phase", "k0", "sign", "nFrames", "cfl", "spongeWidth", "spongeStrength", "fps", "dpi", "nCores", "energyTol"];

export interface KgResolved extends Required<Pick<KgOptions, "nx" | "xMin" | "xMax" | "tFinal" | "dt" | "potential" | "mass" | "lambda" | "vacuum" | "icType" | "amplitude" | "width" | "position" | "velocity" | "frequency" | "separation" | "phase" | "k0" | "sign" | "nFrames">> {
  caseName: KgCase; legacy: boolean; method: KgMethod; scenarioName: string; adaptiveDt: boolean; boundary: "periodic" | "neumann"; cfl: number; colormap: string;
  dealias: "none" | "two_thirds" | "pad2"; spongeWidth: number; spongeStrength: number;
  /** Step budget. */
  maxSteps: number;
}

export function resolveKg(where: string, o: KgOptions): KgResolved {
  if (o === null || typeof o !== "object") throw new TypeError(`${where}: options must be an object like { case: "case1" }, got ${describe(o)}`);
  for (const k of Object.keys(o)) if (!KNOWN.has(k)) throw new RangeError(`${where}: unknown option "${k}" — did you mean "${closestName(k, KNOWN)}"?`);
  const caseName = o.case ?? "case1";
  if (!KG_CASES.includes(caseName)) throw new RangeError(`${where}: case must be one of ${KG_CASES.join(", ")}; got ${describe(caseName)}`);
  for (const k of ["legacy", "adaptiveDt", "saveNetcdf", "saveAnimation"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "boolean") throw new TypeError(`${where}: ${k} must be true or false, got ${describe(o[k])}`);
  }
  const legacy = o.legacy === true;
  if (legacy && !(caseName in SEED)) throw new RangeError(`${where}: legacy mode runs the seed's own cases case1…case4; "${caseName}" is a samudra case`);
  const base = legacy ? { ...SEED[caseName as keyof typeof SEED], method: "legacy" as KgMethod } : CORRECTED[caseName];
  const m: Record<string, unknown> = { ...base, ...o };
  for (const k of NUM) { const v = m[k]; if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v))) throw new TypeError(`${where}: ${k} must be a finite number, got ${describe(v)}`); }
  const num = (k: string, d: number) => (m[k] as number | undefined) ?? d;
  const nx = num("nx", 512);
  if (!Number.isInteger(nx) || nx < 8 || nx % 2 !== 0) throw new RangeError(`${where}: nx must be an even integer ≥ 8, got ${nx}`);
  const xMin = num("xMin", -30), xMax = num("xMax", 30);
  if (!(xMax > xMin)) throw new RangeError(`${where}: xMax must be greater than xMin, got [${xMin}, ${xMax}]`);
  const method = (m.method ?? "verlet") as KgMethod;
  if (!["legacy", "verlet", "strang_exact", "yoshida4", "yoshida6", "kahanli6"].includes(method)) throw new RangeError(`${where}: method must be legacy, verlet, strang_exact, yoshida4, yoshida6 or kahanli6; got ${describe(m.method)}`);
  if (legacy && method !== "legacy") throw new RangeError(`${where}: legacy: true runs the seed's leapfrog; drop method or legacy`);
  const potential = (m.potential ?? "phi4") as KgResolved["potential"];
  if (!["linear", "phi4", "sine_gordon"].includes(potential)) throw new RangeError(`${where}: potential must be linear, phi4 or sine_gordon; got ${describe(m.potential)}`);
  const boundary = (m.boundary ?? "periodic") as KgResolved["boundary"];
  if (boundary !== "periodic" && boundary !== "neumann") throw new RangeError(`${where}: boundary must be "periodic" or "neumann", got ${describe(m.boundary)}`);
  if (boundary === "neumann" && method !== "verlet" && method !== "legacy") throw new RangeError(`${where}: the exact-linear splittings need a periodic grid; with boundary "neumann"${o.boundary === undefined ? ` (the ${caseName} default)` : ""} use method "verlet", or set boundary "periodic"`);
  const velocity = num("velocity", 0), frequency = num("frequency", 0.5);
  if (m.icType === "sg_kink_antikink" && !(velocity > 0 && velocity < 1)) throw new RangeError(`${where}: velocity must satisfy 0 < u < 1 for the sine-Gordon kink–antikink, got ${velocity}`);
  if (!(Math.abs(velocity) < 1) && ["kink", "kink_antikink", "sg_kink", "breather"].includes(String(m.icType))) throw new RangeError(`${where}: velocity must satisfy |u| < 1, got ${velocity}`);
  if (m.icType === "breather" && !(frequency > 0 && frequency < 1)) throw new RangeError(`${where}: frequency must satisfy 0 < ω < 1, got ${frequency}`);
  const tFinal = num("tFinal", 50), nFrames = num("nFrames", 200);
  let dt = num("dt", 0.005);
  if (o.cfl !== undefined) {
    if (legacy) throw new RangeError(`${where}: cfl chooses Δt for the corrected integrators; legacy runs use the seed's dt rule — drop cfl`);
    if (o.dt !== undefined) throw new RangeError(`${where}: give dt or cfl, not both`);
    if (!(o.cfl > 0)) throw new RangeError(`${where}: cfl must be > 0, got ${o.cfl}`);
    dt = o.cfl / maxFrequency({ nx, xMin, xMax, boundary, legacy, potential, mass: num("mass", 1), lambda: num("lambda", 1), vacuum: num("vacuum", 1) });
  }
  if (!(tFinal > 0)) throw new RangeError(`${where}: tFinal must be > 0, got ${tFinal}`);
  if (!(dt > 0)) throw new RangeError(`${where}: dt must be > 0, got ${dt}`);
  if (!Number.isInteger(nFrames) || nFrames < 1) throw new RangeError(`${where}: nFrames must be a positive integer, got ${nFrames}`);
  const maxSteps = maxStepsOf(where, o.maxSteps);
  signalOf(where, o.signal);
  progressOf(where, o.onProgress);
  // six fields of nx, the FFT plans, and five series per frame (the summary keeps t, H, P)
  checkMemory(where, `nx = ${nx} with nFrames = ${nFrames}`, 8 * nx * 24 + 40 * (nFrames + 1), "reduce nx or nFrames");
  const dealias = (m.dealias ?? "none") as KgResolved["dealias"];
  if (!["none", "two_thirds", "pad2"].includes(dealias)) throw new RangeError(`${where}: dealias must be "none", "two_thirds" or "pad2"; got ${describe(m.dealias)}`);
  const spongeWidth = num("spongeWidth", 0), spongeStrength = num("spongeStrength", 0);
  if (spongeWidth < 0 || spongeStrength < 0 || spongeWidth >= (xMax - xMin) / 2) throw new RangeError(`${where}: spongeWidth must be in [0, (xMax − xMin)/2) and spongeStrength ≥ 0; got ${spongeWidth}, ${spongeStrength}`);
  if ((dealias !== "none" || (spongeWidth > 0 && spongeStrength > 0)) && method !== "verlet") throw new RangeError(`${where}: dealias and the sponge layer work with method "verlet" only (got ${method}${legacy ? ", legacy" : ""}); set method: "verlet"`);
  return {
    dealias, spongeWidth, spongeStrength, maxSteps,
    caseName, legacy, method, scenarioName: String(m.scenarioName ?? caseName), nx, xMin, xMax, tFinal, dt,
    adaptiveDt: m.adaptiveDt !== false, potential, mass: num("mass", 1), lambda: num("lambda", 1), vacuum: num("vacuum", 1),
    icType: (m.icType ?? "gaussian") as KgResolved["icType"], amplitude: num("amplitude", 1), width: num("width", 2), position: num("position", 0),
    velocity, frequency, separation: num("separation", 20), phase: num("phase", 0), k0: num("k0", 0), sign: num("sign", 1), nFrames,
    boundary, cfl: o.cfl ?? NaN, colormap: String(m.colormap ?? "viridis"),
  };
}

/** √(k_max² + max V″): the largest linear frequency on the grid (Verlet is stable for Δt times this < 2). */
export function maxFrequency(r: Pick<KgResolved, "nx" | "xMin" | "xMax" | "boundary" | "legacy" | "potential" | "mass" | "lambda" | "vacuum">): number {
  const dx = (r.xMax - r.xMin) / (r.legacy || r.boundary === "neumann" ? r.nx - 1 : r.nx), kmax = Math.PI / dx;
  const maxV2 = r.potential === "linear" ? r.mass ** 2 : r.potential === "phi4" ? 2 * r.lambda * r.vacuum ** 2 : 1;
  return Math.sqrt(kmax * kmax + maxV2);
}
