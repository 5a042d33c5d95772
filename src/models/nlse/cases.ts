/**
 * NLSE cases: the seed's four (defaults from its shipped configs, nlse.md §2) and the exact-solution
 * cases it lacked (§2.3–2.5). Each case is a set of default options; any option overrides them.
 */
/** NLSE case names: the seed's four, then the exact-solution and physics-check cases samudra adds. */
export type CaseName =
  | "single_soliton" | "two_soliton" | "breather" | "modulation_instability"
  | "akhmediev" | "peregrine" | "kuznetsov_ma" | "plane_wave_mi" | "second_order_soliton";

/** The seed's four cases (the ones `legacy: true` reproduces number for number). */
export const SEED_CASES: CaseName[] = ["single_soliton", "two_soliton", "breather", "modulation_instability"];
/** Every accepted `case` value. */
export const CASES: CaseName[] = [...SEED_CASES, "akhmediev", "peregrine", "kuznetsov_ma", "plane_wave_mi", "second_order_soliton"];

/** Description, exact-solution flag and default options of one case (see {@link CASE_INFO}). */
export interface CaseInfo {
  /** One line: what the case is. */
  description: string;
  /** True when the case has an exact solution the run is compared with. */
  exact: boolean;
  /** Option values the case sets (any option given overrides them). */
  defaults: Record<string, unknown>;
}

const SEED_GRID = { domainLength: 50, numPoints: 512, tFinal: 20, nSnapshots: 100 };
const AKHMEDIEV_OMEGA = (a: number) => 2 * Math.sqrt(1 - 2 * a);

/**
 * Every case's description, whether it has an exact solution, and its default options.
 *
 * @example
 * nlse.CASE_INFO.peregrine.defaults.numPoints;   // 4096
 */
export const CASE_INFO: Record<CaseName, CaseInfo> = {
  single_soliton: {
    description: "bright soliton A sech(A(x − x0)) e^{ivx}, A = 2, x0 = −10, v = 1 (exact: moves at v)",
    exact: true,
    defaults: { ...SEED_GRID, scenarioName: "Single Soliton", amplitude: 2, position: -10, velocity: 1 },
  },
  two_soliton: {
    description: "two solitons (A 2 and 1.5, at ∓10, v ±2) colliding at t ≈ 5, and again through the boundary at t ≈ 17.5",
    exact: false,
    defaults: { ...SEED_GRID, scenarioName: "Two Soliton Collision", A1: 2, A2: 1.5, x1: -10, x2: 10, v1: 2, v2: -2 },
  },
  breather: {
    description: "the seed's 'breather' √2 a sech(ax) e^{ifx}(1 + m cos 2fx): a bound soliton pair, not an Akhmediev breather",
    exact: false,
    defaults: { ...SEED_GRID, scenarioName: "Breather Solution", amplitude: 1, frequency: 0.5, modulation: 0.5 },
  },
  modulation_instability: {
    description: "the seed's Gaussian A e^{−x²/(2w²)} plus numpy seed-42 noise: Gaussian self-compression, not noise-seeded MI",
    exact: false,
    defaults: { ...SEED_GRID, scenarioName: "Modulation Instability", amplitude: 1, width: 5, center: 0, noiseLevel: 0.01, seed: 42 },
  },
  akhmediev: {
    description: "Akhmediev breather on a unit plane wave (a = 0.25: Ω = √2, b = 1), from its exact field at t = −6",
    exact: true,
    defaults: { scenarioName: "Akhmediev Breather", a: 0.25, domainLength: (11 * 2 * Math.PI) / AKHMEDIEV_OMEGA(0.25), numPoints: 512, tStart: -6, tFinal: 12, nSnapshots: 121 },
  },
  peregrine: {
    description: "Peregrine soliton [1 − 4(1 + 2it)/(1 + 4x² + 4t²)]e^{it}, peak 3 at t = 0, from t = −3 on a wide domain",
    exact: true,
    defaults: { scenarioName: "Peregrine Soliton", domainLength: 400, numPoints: 4096, tStart: -3, tFinal: 3, nSnapshots: 61 },
  },
  kuznetsov_ma: {
    description: "Kuznetsov–Ma breather (a = 1: period 2π/√8·…), periodic in t, localised in x",
    exact: true,
    defaults: { scenarioName: "Kuznetsov-Ma Breather", a: 1, domainLength: 40, numPoints: 512, tStart: 0, tFinal: 4, nSnapshots: 81 },
  },
  plane_wave_mi: {
    description: "modulation instability of the unit plane wave: ψ0 = 1 + ε cos Kx, K = 2π·11/50 ≈ 1.382 (growth g = (K/2)√(4 − K²))",
    exact: false,
    defaults: { scenarioName: "Plane Wave MI", domainLength: 50, numPoints: 512, epsilon: 1e-6, mode: 11, tFinal: 10, nSnapshots: 101 },
  },
  second_order_soliton: {
    description: "second-order soliton 2 sech x: breathes with period π/2",
    exact: false,
    defaults: { scenarioName: "Second Order Soliton", domainLength: 40, numPoints: 512, order: 2, tFinal: Math.PI, nSnapshots: 81 },
  },
};
