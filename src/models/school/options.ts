/**
 * Fish-school options: camelCase forms of dewi-kadita's config keys (schooling.md §6.1) merged over a case,
 * plus samudra's mode/boundary/perception choices. Validation names the option, the value and the fix.
 */
import { maxStepsOf, signalOf, checkMemory } from "../../limits.js";
import { describe, closestName } from "../../validate.js";

/** Fish-school cases: the seed's `case1`…`case4` (legacy mode) and three Couzin et al. 2002 parameter sets (torus, swarm, parallel). */
export type SchoolCase = "case1" | "case2" | "case3" | "case4" | "couzin_torus" | "couzin_swarm" | "couzin_parallel";
/** Every accepted `case` value, seed cases first. */
export const SCHOOL_CASES: SchoolCase[] = ["case1", "case2", "case3", "case4", "couzin_torus", "couzin_swarm", "couzin_parallel"];
/** Update rule and metrics: `"legacy"` (dewi-kadita's, defects included) or `"couzin2002"` (the published model). */
export type SchoolMode = "legacy" | "couzin2002";
/** Space: `"periodic"` box (legacy always), `"open"` (unbounded) or `"reflect"` (walls at 0 and boxSize). */
export type SchoolBoundary = "periodic" | "open" | "reflect";

/**
 * Options of `school.simulate` / `school.create` for the Couzin zone model (repulsion, orientation, attraction
 * zones): dewi-kadita's config keys in camelCase plus samudra's mode, boundary and perception choices. Every field
 * is optional; the `case` supplies defaults (docs/school.md) and any field overrides them. Lengths are in the
 * model's length unit (body lengths in Couzin 2002), times in its time unit. Bad input throws before the run:
 * unknown key → `RangeError` with a did-you-mean; non-finite or out-of-range value → an error naming the option,
 * the value and the fix. Legacy mode accepts seed configs the corrected mode rejects (e.g. r_a > L/2 periodic)
 * and warns instead.
 */
export interface SchoolOptions {
  /** case1…case4: the seed's configs (legacy mode); couzin_*: Couzin et al. 2002 parameter sets (open space). */
  case?: SchoolCase;
  /** "legacy" (dewi-kadita's update rule and metrics) or "couzin2002". `legacy: true/false` is the same switch. */
  mode?: SchoolMode;
  /** `true` ≡ mode "legacy", `false` ≡ mode "couzin2002". Default: the case's mode (legacy for case1…case4). */
  legacy?: boolean;
  /** Run name (file stems in the CLI). Default: the case's title. */
  scenarioName?: string;
  /** Number of fish; integer 2 … 10⁶. Default per case (150 for case1). */
  nFish?: number;
  /** Cube edge L (the periodic box, the reflecting tank, or in open space the initial cube and metric scale); > 0. Default per case (25 for case1). */
  boxSize?: number;
  /** Speed v0 (length per time unit); > 0. Default per case (1 for case1). */
  speed?: number;
  /** Repulsion radius r_r (absolute); 0 < r_r < r_o. Default per case (2 for case1). */
  rRepulsion?: number;
  /** Orientation radius r_o; r_r < r_o ≤ r_a. Default per case (3 for case1). */
  rOrientation?: number;
  /** Attraction radius r_a; ≥ r_o (periodic corrected runs: ≤ L/2). Default per case (15 for case1). */
  rAttraction?: number;
  /** Largest turn per step (radians); > 0. Default per case (0.4 for case1). */
  maxTurn?: number;
  /** couzin2002: turning rate θ in radians per time unit instead of maxTurn (maxTurn = turnRate·dt). Couzin sets: 40°/s. */
  turnRate?: number;
  /** Noise σ: legacy, additive σ·N(0, I₃) after the turn; couzin2002, the wrapped-Gaussian angle (radians). */
  noise?: number;
  /** Half-angle β of the rear blind cone in degrees, 0 ≤ β ≤ 180 (default per case, 30 when the case sets none); couzin2002 may give `fieldOfPerception` α instead (β = 180 − α/2). */
  blindAngle?: number;
  /** couzin2002: field of perception α in degrees (0 < α ≤ 360; the blind cone is 360 − α). Couzin sets: 270. */
  fieldOfPerception?: number;
  /** Legacy: weight w_o of the orientation sum; default 1, clamped to 0…1. */
  orientationWeight?: number;
  /** Start on a ring with tangential headings (legacy: the seed's torus_init; radius default 0.25·L). */
  torusInit?: boolean;
  /** Radius of the start ring (length units); null → 0.25·boxSize. */
  torusRadius?: number | null;
  /** Random seed, an integer 0 ≤ seed < 2³² (legacy: numpy's np.random.seed; couzin2002: the counter-based generator's key). */
  seed?: number;
  /** Time step (time units); > 0. Default 0.1. */
  dt?: number;
  /** Number of steps; integer ≥ 1. Default per case (1000 for case1). */
  nSteps?: number;
  /** Store a frame every saveInterval steps; integer 1 ≤ saveInterval ≤ nSteps. Default 1. */
  saveInterval?: number;
  /** couzin2002: "open" (default, unbounded), "periodic" (needs r_a ≤ L/2) or "reflect" (walls at 0 and L). */
  boundary?: SchoolBoundary;
  /** Compute the 12 metrics on every saved frame (default true). */
  computeEntropy?: boolean;
  /** Seed config keys used by the CLI (files, images) or ignored (useNumba), accepted so seed configs load unchanged. */
  useNumba?: boolean;
  /** Seed key read by the CLI (write the CSV); no effect on the computation. Default true. */
  saveCsv?: boolean;
  /** Seed key read by the CLI (write the NetCDF file); no effect on the computation. Default true. */
  saveNetcdf?: boolean;
  /** Seed key read by the CLI (write the PNG figures); no effect on the computation. Default true. */
  savePng?: boolean;
  /** Seed key read by the CLI (write the GIF); no effect on the computation. Default true. */
  saveGif?: boolean;
  /** Seed key read by the CLI (GIF frames per second). Default 30. */
  animationFps?: number;
  /** Seed key; no effect on the computation. Default 100. */
  animationDpi?: number;
  /** Seed key read by the CLI (use every n-th frame in the GIF). Default per case. */
  animationSkip?: number;
  /** Seed key read by the CLI (GIF length in seconds). Default 18. */
  animationDuration?: number;
  /** Seed key; the CLI takes `-o DIR`. No effect on the computation. */
  outputDir?: string;
  /** Step budget (default 1e6 steps): simulate ends with status "budget" there, keeping the frames so far. */
  maxSteps?: number;
  /** Cancels simulate between steps (status "aborted"; the frames so far are kept). */
  signal?: AbortSignal;
  /**
   * Your own start instead of the case's: 3·nFish positions and 3·nFish velocities (x, y, z interleaved, finite).
   * Periodic runs (legacy, or boundary "periodic") need positions in [0, boxSize)³; legacy velocities have |v| = speed.
   */
  initialField?: { positions: ArrayLike<number>; velocities: ArrayLike<number> };
  /**
   * A predator (samudra's addition, both modes): fish closer than `radius` (length units, > 0) to `position`
   * (minimum image in a periodic box) flee straight away from it, overriding the social zones; noise and the turn
   * limit still apply. Default null (none). Move it during a run with `SchoolRun.setPredator`.
   */
  predator?: SchoolPredator | null;
}

/** A predator the fish flee: `position` [x, y, z] (length units) and flight radius `radius` (> 0). */
export interface SchoolPredator {
  /** Where the predator is: [x, y, z] in the model's length units (finite). */
  position: [number, number, number];
  /** Fish closer than this flee (length units, > 0). */
  radius: number;
}

/** School options after case defaults, mode conversions (turnRate → maxTurn, fieldOfPerception → blindAngle) and validation. */
export interface SchoolResolved {
  /** Case name. */
  case: SchoolCase;
  /** Update rule. */
  mode: SchoolMode;
  /** mode === "legacy". */
  legacy: boolean;
  /** Run name. */
  scenarioName: string;
  /** Number of fish. */
  nFish: number;
  /** Cube edge L. */
  boxSize: number;
  /** Speed v0. */
  speed: number;
  /** Repulsion radius r_r. */
  rRepulsion: number;
  /** Orientation radius r_o. */
  rOrientation: number;
  /** Attraction radius r_a. */
  rAttraction: number;
  /** Largest turn per step (radians; from turnRate·dt when that was given). */
  maxTurn: number;
  /** Noise σ (see SchoolOptions.noise). */
  noise: number;
  /** Half-angle of the rear blind cone, degrees (from fieldOfPerception when that was given). */
  blindAngle: number;
  /** Legacy orientation weight w_o. */
  orientationWeight: number;
  /** Start on a ring. */
  torusInit: boolean;
  /** Ring radius (null: 0.25·boxSize). */
  torusRadius: number | null;
  /** Random seed. */
  seed: number;
  /** Time step. */
  dt: number;
  /** Number of steps. */
  nSteps: number;
  /** Steps between stored frames. */
  saveInterval: number;
  /** Boundary of space. */
  boundary: SchoolBoundary;
  /** Metrics computed on every frame. */
  computeEntropy: boolean;
  /** CLI: write the CSV. */
  saveCsv: boolean;
  /** CLI: write the NetCDF file. */
  saveNetcdf: boolean;
  /** CLI: write the PNG figures. */
  savePng: boolean;
  /** CLI: write the GIF. */
  saveGif: boolean;
  /** CLI: GIF frames per second. */
  animationFps: number;
  /** Seed key, unused. */
  animationDpi: number;
  /** CLI: every n-th frame in the GIF. */
  animationSkip: number;
  /** CLI: GIF length in seconds. */
  animationDuration: number;
  /** Step budget. */
  maxSteps: number;
  /** The predator at the start (null: none). */
  predator: SchoolPredator | null;
}

const COMMON = { torusInit: false, dt: 0.1, saveInterval: 1, computeEntropy: true, saveCsv: true, saveNetcdf: true, savePng: true, saveGif: true, animationFps: 30, animationDpi: 100, animationDuration: 18 };

/** The seed's four configs (configs/case*.txt at HEAD) and three Couzin 2002 sets (α = 270°, 40°/s, s = 3, σ = 0.05). */
export const CASE_DEFAULTS: Record<SchoolCase, SchoolOptions> = {
  case1: { scenarioName: "Case 1 - Swarm", nFish: 150, boxSize: 25, speed: 1, rRepulsion: 2, rOrientation: 3, rAttraction: 15, maxTurn: 0.4, noise: 0.2, blindAngle: 30, nSteps: 1000, seed: 42, animationSkip: 5 },
  case2: { scenarioName: "Case 2 - Torus", nFish: 200, boxSize: 25, speed: 1, rRepulsion: 1, rOrientation: 3, rAttraction: 10, maxTurn: 0.2, noise: 0.05, blindAngle: 150, orientationWeight: 0.1, torusInit: true, torusRadius: 6, nSteps: 2000, seed: 42, animationSkip: 10, animationDuration: 20 },
  case3: { scenarioName: "Case 3 - Dynamic Parallel", nFish: 180, boxSize: 28, speed: 1.2, rRepulsion: 1, rOrientation: 10, rAttraction: 18, maxTurn: 0.35, noise: 0.12, blindAngle: 25, nSteps: 1500, seed: 456, animationSkip: 8, animationDuration: 20 },
  case4: { scenarioName: "Case 4 - Highly Parallel", nFish: 250, boxSize: 35, speed: 1.5, rRepulsion: 1, rOrientation: 12, rAttraction: 20, maxTurn: 0.2, noise: 0.05, blindAngle: 20, nSteps: 1000, seed: 789, animationSkip: 5 },
  couzin_torus: { scenarioName: "Couzin 2002 - Torus", mode: "couzin2002", nFish: 100, boxSize: 20, speed: 3, rRepulsion: 1, rOrientation: 2, rAttraction: 14, turnRate: (40 * Math.PI) / 180, noise: 0.05, fieldOfPerception: 270, torusInit: true, torusRadius: 5, nSteps: 3000, seed: 1, animationSkip: 15 },
  couzin_swarm: { scenarioName: "Couzin 2002 - Swarm", mode: "couzin2002", nFish: 100, boxSize: 20, speed: 3, rRepulsion: 1, rOrientation: 1.2, rAttraction: 14, turnRate: (40 * Math.PI) / 180, noise: 0.05, fieldOfPerception: 270, nSteps: 3000, seed: 1, animationSkip: 15 },
  couzin_parallel: { scenarioName: "Couzin 2002 - Parallel", mode: "couzin2002", nFish: 100, boxSize: 20, speed: 3, rRepulsion: 1, rOrientation: 10, rAttraction: 14, turnRate: (40 * Math.PI) / 180, noise: 0.05, fieldOfPerception: 270, nSteps: 3000, seed: 1, animationSkip: 15 },
};

const KNOWN = new Set<string>(["case", "mode", "legacy", "scenarioName", "nFish", "boxSize", "speed", "rRepulsion", "rOrientation", "rAttraction", "maxTurn", "turnRate", "noise", "blindAngle", "fieldOfPerception", "orientationWeight", "torusInit", "torusRadius", "seed", "dt", "nSteps", "saveInterval", "boundary", "computeEntropy", "useNumba", "saveCsv", "saveNetcdf", "savePng", "saveGif", "animationFps", "animationDpi", "animationSkip", "animationDuration", "outputDir", "maxSteps", "signal", "initialField", "predator"]);

function fin(where: string, name: string, v: unknown, ok: (x: number) => boolean, need: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || !ok(v)) throw new RangeError(`${where}: ${name} must be ${need}, got ${describe(v)}`);
  return v;
}
const integer = (where: string, name: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  fin(where, name, v, (x) => Number.isInteger(x) && x >= min && x <= max, `an integer ${min} ≤ ${name} ≤ ${max}`);

/** Merges `o` over its case and validates everything. */
export function resolveSchool(where: string, o: SchoolOptions): SchoolResolved {
  if (o === null || typeof o !== "object") throw new TypeError(`${where}: options must be an object like { case: "case1" }, got ${describe(o)}`);
  for (const k of Object.keys(o)) if (!KNOWN.has(k)) throw new RangeError(`${where}: unknown option "${k}" — did you mean "${closestName(k, KNOWN)}"?`);
  const caseName = (o.case ?? "case1") as SchoolCase;
  if (!SCHOOL_CASES.includes(caseName)) throw new RangeError(`${where}: case must be one of ${SCHOOL_CASES.join(", ")}; got ${describe(o.case)}`);
  const base = CASE_DEFAULTS[caseName];
  if (o.legacy !== undefined && typeof o.legacy !== "boolean") throw new TypeError(`${where}: legacy must be true or false, got ${describe(o.legacy)}`);
  if (o.mode !== undefined && o.mode !== "legacy" && o.mode !== "couzin2002") throw new RangeError(`${where}: mode must be "legacy" or "couzin2002", got ${describe(o.mode)}`);
  if (o.mode !== undefined && o.legacy !== undefined && (o.mode === "legacy") !== o.legacy) throw new RangeError(`${where}: mode "${o.mode}" contradicts legacy: ${o.legacy}; give one of them`);
  const mode: SchoolMode = o.mode ?? (o.legacy === true ? "legacy" : o.legacy === false ? "couzin2002" : (base.mode ?? "legacy"));
  const legacy = mode === "legacy";
  const m = { ...COMMON, ...base, ...o } as Required<SchoolOptions>;
  const nFish = integer(where, "nFish", m.nFish, 2, 1e6);
  const boxSize = fin(where, "boxSize", m.boxSize, (x) => x > 0, "a number > 0");
  const speed = fin(where, "speed", m.speed, (x) => x > 0, "a number > 0");
  const rr = fin(where, "rRepulsion", m.rRepulsion, (x) => x > 0, "a number > 0");
  const ro = fin(where, "rOrientation", m.rOrientation, (x) => x > 0, "a number > 0");
  const ra = fin(where, "rAttraction", m.rAttraction, (x) => x > 0, "a number > 0");
  if (!(rr < ro && ro <= ra)) throw new RangeError(`${where}: the zone radii must satisfy rRepulsion < rOrientation ≤ rAttraction, got ${rr}, ${ro}, ${ra}; they are radii, not zone widths`);
  const dt = fin(where, "dt", m.dt, (x) => x > 0, "a number > 0");
  let maxTurn: number;
  if (o.turnRate !== undefined || (o.maxTurn === undefined && base.turnRate !== undefined)) {
    if (legacy) throw new RangeError(`${where}: turnRate is a couzin2002 option (legacy mode caps the turn per step); give maxTurn instead`);
    if (o.turnRate !== undefined && o.maxTurn !== undefined) throw new RangeError(`${where}: give maxTurn (per step) or turnRate (per time unit), not both`);
    maxTurn = fin(where, "turnRate", m.turnRate, (x) => x > 0, "a number > 0 (radians per time unit)") * dt;
  } else maxTurn = fin(where, "maxTurn", m.maxTurn, (x) => x > 0, "a number > 0 (radians per step)");
  const noise = fin(where, "noise", m.noise, (x) => x >= 0, "a number ≥ 0");
  let blindAngle: number;
  if (o.fieldOfPerception !== undefined || (o.blindAngle === undefined && base.fieldOfPerception !== undefined)) {
    if (o.fieldOfPerception !== undefined && o.blindAngle !== undefined) throw new RangeError(`${where}: give blindAngle or fieldOfPerception, not both (β = 180 − α/2)`);
    const a = fin(where, "fieldOfPerception", m.fieldOfPerception, (x) => x > 0 && x <= 360, "an angle in degrees, 0 < α ≤ 360");
    blindAngle = 180 - a / 2;
  } else blindAngle = fin(where, "blindAngle", m.blindAngle ?? 30, (x) => x >= 0 && x <= 180, "a half-angle in degrees, 0 ≤ β ≤ 180");
  const ow = fin(where, "orientationWeight", m.orientationWeight ?? 1, () => true, "a number");
  if (!legacy && o.orientationWeight !== undefined) throw new RangeError(`${where}: orientationWeight is a legacy option (couzin2002 averages the zone directions); drop it or use mode "legacy"`);
  const boundary = (o.boundary ?? (legacy ? "periodic" : "open")) as SchoolBoundary;
  if (!["periodic", "open", "reflect"].includes(boundary)) throw new RangeError(`${where}: boundary must be "periodic", "open" or "reflect", got ${describe(o.boundary)}`);
  if (legacy && boundary !== "periodic") throw new RangeError(`${where}: legacy mode is the seed's periodic cube; boundary "${boundary}" needs mode "couzin2002"`);
  if (!legacy && boundary === "periodic" && ra > boxSize / 2) throw new RangeError(`${where}: rAttraction = ${ra} exceeds half the periodic box (boxSize/2 = ${boxSize / 2}); the attraction sphere would overlap its own images — use boxSize ≥ ${2 * ra} or boundary "open"`);
  const tr = m.torusRadius ?? null;
  if (tr !== null) fin(where, "torusRadius", tr, (x) => x > 0, "a number > 0 or null");
  const seed = integer(where, "seed", m.seed ?? 0, 0, 4294967295);
  const nSteps = integer(where, "nSteps", m.nSteps, 1);
  const saveInterval = integer(where, "saveInterval", m.saveInterval, 1);
  if (saveInterval > nSteps) throw new RangeError(`${where}: saveInterval = ${saveInterval} exceeds nSteps = ${nSteps}; only the initial frame would be saved`);
  const maxSteps = maxStepsOf(where, o.maxSteps);
  signalOf(where, o.signal);
  if (o.initialField !== undefined) checkSchoolField(where, o.initialField, nFish, boundary === "periodic" ? boxSize : 0);
  // per fish: state, grid and metric work space (~0.5 KiB); per saved frame: 13 series of f64
  checkMemory(where, `nFish = ${nFish} with ${Math.floor(nSteps / saveInterval) + 1} saved frames`, 512 * nFish + 104 * (Math.floor(nSteps / saveInterval) + 1), "reduce nFish, or nSteps, or raise saveInterval");
  const bool = (k: keyof SchoolOptions): boolean => { const v = m[k]; if (typeof v !== "boolean") throw new TypeError(`${where}: ${k} must be true or false, got ${describe(v)}`); return v; };
  return {
    case: caseName, mode, legacy, scenarioName: String(m.scenarioName ?? "simulation"),
    nFish, boxSize, speed, rRepulsion: rr, rOrientation: ro, rAttraction: ra, maxTurn, noise, blindAngle,
    orientationWeight: Math.min(1, Math.max(0, ow)), torusInit: bool("torusInit"), torusRadius: tr, seed, dt, nSteps, saveInterval,
    boundary, computeEntropy: bool("computeEntropy"), saveCsv: bool("saveCsv"), saveNetcdf: bool("saveNetcdf"), savePng: bool("savePng"), saveGif: bool("saveGif"),
    animationFps: integer(where, "animationFps", m.animationFps, 1, 100), animationDpi: integer(where, "animationDpi", m.animationDpi, 10, 1200),
    animationSkip: integer(where, "animationSkip", m.animationSkip ?? 5, 1), animationDuration: fin(where, "animationDuration", m.animationDuration, (x) => x > 0, "a number > 0"),
    maxSteps, predator: checkPredator(where, o.predator ?? null),
  };
}

/** Validates a predator ({ position: [x, y, z], radius > 0 } or null) and returns a copy. */
export function checkPredator(where: string, p: unknown): SchoolPredator | null {
  if (p === null) return null;
  const need = "{ position: [x, y, z], radius: r > 0 } or null";
  if (typeof p !== "object") throw new TypeError(`${where}: predator must be ${need}, got ${describe(p)}`);
  for (const k of Object.keys(p)) if (k !== "position" && k !== "radius") throw new RangeError(`${where}: predator has an unknown key "${k}" — did you mean "${closestName(k, new Set(["position", "radius"]))}"? It takes ${need}`);
  const { position, radius } = p as { position?: unknown; radius?: unknown };
  if (!Array.isArray(position) && !ArrayBuffer.isView(position)) throw new TypeError(`${where}: predator.position must be [x, y, z] (3 finite numbers), got ${describe(position)}`);
  const a = position as ArrayLike<unknown>;
  if (a.length !== 3) throw new RangeError(`${where}: predator.position must have 3 numbers [x, y, z], got ${a.length}`);
  const xyz = [0, 1, 2].map((i) => fin(where, `predator.position[${i}]`, a[i], () => true, "a finite number")) as [number, number, number];
  return { position: xyz, radius: fin(where, "predator.radius", radius, (x) => x > 0, "a number > 0 (length units)") };
}

/** initialField: { positions, velocities }, 3·nFish finite numbers each; periodic positions inside [0, L)³. */
function checkSchoolField(where: string, f: unknown, n: number, L: number): void {
  if (f === null || typeof f !== "object") throw new TypeError(`${where}: initialField must be { positions, velocities } (3·nFish = ${3 * n} numbers each), got ${describe(f)}`);
  for (const k of Object.keys(f)) if (k !== "positions" && k !== "velocities") throw new RangeError(`${where}: initialField has an unknown key "${k}"; it takes { positions, velocities }`);
  for (const name of ["positions", "velocities"] as const) {
    const a = (f as Record<string, ArrayLike<number>>)[name];
    if (a === null || typeof a !== "object" || typeof a.length !== "number") throw new TypeError(`${where}: initialField.${name} must be an array of 3·nFish = ${3 * n} numbers (x, y, z interleaved), got ${describe(a)}`);
    if (a.length !== 3 * n) throw new RangeError(`${where}: initialField.${name} must have 3·nFish = ${3 * n} numbers, got ${a.length}${a.length % 3 === 0 ? ` (${a.length / 3} fish; set nFish to match)` : ""}`);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`${where}: initialField.${name}[${i}] must be a finite number, got ${describe(v)}`);
      if (name === "positions" && L > 0 && !(v >= 0 && v < L)) throw new RangeError(`${where}: initialField.positions[${i}] = ${v} is outside the periodic box [0, ${L}); wrap it with x mod boxSize`);
    }
  }
}
