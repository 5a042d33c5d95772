/**
 * Every key each seed's config files define (nlse.md §5.1, klein-gordon.md §5.1, schooling.md §6.1), with its
 * type and allowed range, plus samudra's own additions. Keys the seeds ignore (max_step, modulation, output_dir,
 * log_dir, n_cores, save_interval, …) are listed too, so every seed file loads; any other key is an error.
 * Contract: each key's allowed values include every value the models (and the CLI flags) accept for the
 * matching camelCase option — test/config-schema.test.ts checks the enumerations against the models' lists.
 * This module imports no model (io never does), so a model's new option or value needs an entry here too.
 */
/** Which model a config file is for: `"nlse"`, `"kg"` (Klein–Gordon) or `"school"`. */
export type Seed = "nlse" | "kg" | "school";
/** Value type of a config key (`"number|null"`: a number or null/none). */
export type KeyType = "number" | "int" | "bool" | "string" | "number|null";

/** Type, range and meaning of one config key (see {@link SCHEMAS}). */
export interface KeySpec {
  /** Value type the key is converted to. */
  type: KeyType;
  /** Inclusive lower bound (checked after typing). */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Exclusive lower bound. */
  gt?: number;
  /** Exclusive upper bound. */
  lt?: number;
  /** Allowed string values. */
  oneOf?: string[];
  /** oneOf compares case-insensitively (the model lower-cases the value). */
  ci?: boolean;
  /** ±Infinity is allowed (e.g. "no limit"); otherwise numbers must be finite. */
  infinite?: boolean;
  /** What the key means (shown in errors). */
  doc?: string;
}

const num = (doc?: string, b: Partial<KeySpec> = {}): KeySpec => ({ type: "number", doc, ...b });
const int = (doc?: string, b: Partial<KeySpec> = {}): KeySpec => ({ type: "int", doc, ...b });
const bool = (doc?: string): KeySpec => ({ type: "bool", doc });
const str = (doc?: string, oneOf?: string[], b: Partial<KeySpec> = {}): KeySpec => ({ type: "string", doc, oneOf, ...b });
/** samudra's step budget (every model): a positive integer, or inf for none. */
const maxSteps = (): KeySpec => int("step budget: the run ends with status budget after this many steps (inf: no limit)", { min: 1, infinite: true });
/** A user's initial field: a .npy or samudra .nc file, relative to the config file (docs/files.md, "initial fields"). */
const field = (): KeySpec => str("initial field file (.npy, or a samudra .nc whose last record is used)");
const NLSE_CASES = ["single_soliton", "two_soliton", "breather", "modulation_instability", "akhmediev", "peregrine", "kuznetsov_ma", "plane_wave_mi", "second_order_soliton"];

/**
 * Every key each model's config files may hold (snake_case, as in the seeds' files), with its type and allowed
 * range; any other key is an error with a did-you-mean.
 *
 * @example
 * io.SCHEMAS.nlse.num_points;   // { type: "int", doc: "grid points N", min: 8, max: 1048576 }
 */
export const SCHEMAS: Record<Seed, Record<string, KeySpec>> = {
  nlse: {
    scenario_name: str("scenario name; sets output file names"),
    domain_length: num("domain length L", { gt: 0 }), num_points: int("grid points N", { min: 8, max: 1 << 20 }),
    t_final: num("final time", { gt: 0 }), n_snapshots: int("number of output times", { min: 2 }),
    t_start: num("start time (exact-solution cases)"),
    initial_condition: str("case", NLSE_CASES),
    amplitude: num(), position: num(), velocity: num(),
    A1: num(), A2: num(), x1: num(), x2: num(), v1: num(), v2: num(),
    frequency: num(), modulation: num(), width: num("Gaussian width", { gt: 0 }), center: num(),
    noise_level: num("noise amplitude ε", { min: 0 }), seed: int("random seed", { min: 0, max: 4294967295 }),
    a: num("breather parameter a"), epsilon: num("plane-wave perturbation"), mode: int("perturbed Fourier mode", { min: 1 }), order: num("sech amplitude"),
    method: str("stepper", ["dop853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"], { ci: true }),
    rtol: num("relative tolerance", { gt: 0 }), atol: num("absolute tolerance", { min: 0 }), max_step: num("largest step", { gt: 0 }),
    dt: num("fixed step", { gt: 0 }), beta: num("dispersion coefficient β"), gamma: num("nonlinear coefficient γ"),
    filter: str("filter", ["none", "two_thirds", "exponential"]), filter_alpha: num(undefined, { gt: 0 }), filter_order: num(undefined, { gt: 0 }),
    legacy: bool("reproduce the seed exactly"),
    use_numba: bool(), use_adaptive: bool(), use_filtering: bool(), monitor_conservation: bool(),
    save_netcdf: bool(), save_animation: bool(), fps: int("GIF frames per second", { min: 1, max: 100 }), dpi: int("figure resolution", { min: 10, max: 1200 }),
    output_dir: str("output directory"), log_dir: str("log directory"),
    // samudra's additions (nlse options; the seed has none of these)
    case: str("samudra case (the same as initial_condition)", NLSE_CASES), max_steps: maxSteps(), initial_field: field(),
  },
  kg: {
    scenario_name: str(), nx: int("grid points", { min: 8 }), x_min: num(), x_max: num(), t_final: num(undefined, { gt: 0 }),
    dt: num(undefined, { gt: 0 }), adaptive_dt: bool(), potential: str("potential", ["linear", "phi4", "sine_gordon"]),
    mass: num(), lambda: num(), vacuum: num(), ic_type: str("initial condition", ["gaussian", "kink", "breather", "kink_antikink", "packet", "kink_pair", "sg_kink", "sg_kink_antikink"]),
    amplitude: num(), width: num(undefined, { gt: 0 }), position: num(), velocity: num(undefined, { gt: -1, lt: 1 }),
    frequency: num("breather frequency ω", { gt: 0, lt: 1 }), separation: num(undefined, { gt: 0 }), n_frames: int(undefined, { min: 1 }),
    save_netcdf: bool(), save_animation: bool(), fps: int(undefined, { min: 1 }), dpi: int(undefined, { min: 10 }), colormap: str(),
    n_cores: int(undefined, { min: 0 }), output_dir: str(), energy_tol: num(undefined, { min: 0 }),
    // samudra's additions (klein-gordon options; the seed has none of these)
    case: str("samudra case", ["case1", "case2", "case3", "case4", "boosted_kink", "sg_breather", "kink_antikink", "kink_pair_static", "sg_kink", "sg_kink_antikink", "gaussian_packet"]),
    legacy: bool(), method: str("integrator", ["verlet", "strang_exact", "yoshida4", "yoshida6", "kahanli6", "legacy"]),
    boundary: str("boundary", ["periodic", "neumann"]), dealias: str("dealiasing of V′", ["none", "two_thirds", "pad2"]),
    cfl: num("Δt·√(k_max² + max V″)", { gt: 0 }), sponge_width: num(undefined, { min: 0 }), sponge_strength: num(undefined, { min: 0 }),
    phase: num("breather phase t0"), k0: num("packet wavenumber"), sign: num("+1 kink, −1 antikink (sg_kink)"), max_steps: maxSteps(), initial_field: field(),
  },
  school: {
    scenario_name: str(), n_fish: int("number of fish", { min: 2 }), box_size: num(undefined, { gt: 0 }), speed: num(undefined, { gt: 0 }),
    r_repulsion: num(undefined, { gt: 0 }), r_orientation: num(undefined, { gt: 0 }), r_attraction: num(undefined, { gt: 0 }),
    max_turn: num(undefined, { gt: 0 }), noise: num(undefined, { min: 0 }), blind_angle: num(undefined, { min: 0, max: 360 }),
    orientation_weight: num(undefined, { min: 0, max: 1 }), torus_init: bool(), torus_radius: { type: "number|null" }, seed: int(undefined, { min: 0 }),
    dt: num(undefined, { gt: 0 }), n_steps: int(undefined, { min: 1 }), save_interval: int(undefined, { min: 1 }), use_numba: bool(),
    compute_entropy: bool(), save_csv: bool(), save_netcdf: bool(), save_png: bool(), save_gif: bool(),
    animation_fps: int(undefined, { min: 1 }), animation_dpi: int(undefined, { min: 10 }), animation_skip: int(undefined, { min: 1 }),
    animation_duration: num(undefined, { gt: 0 }), output_dir: str(),
    // samudra's additions (school options; the seed has none of these)
    case: str("samudra case", ["case1", "case2", "case3", "case4", "couzin_torus", "couzin_swarm", "couzin_parallel"]),
    legacy: bool(), mode: str("update rule", ["legacy", "couzin2002"]), boundary: str("boundary", ["periodic", "open", "reflect"]),
    field_of_perception: num("field of perception α in degrees (couzin2002)", { gt: 0, max: 360 }), turn_rate: num("turning rate θ in rad per time unit (couzin2002)", { gt: 0 }),
    max_steps: maxSteps(), initial_field: field(),
  },
};
