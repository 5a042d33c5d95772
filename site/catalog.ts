/**
 * What the playground says about each model: the equation, a plain-language explanation, one line per preset,
 * the sentence that states how the seed's algorithm (legacy) differs from samudra's corrected one for each seed
 * case, and the sliders (option, label, unit, range, step). Whether a change continues the run or restarts it is the
 * element's own rule (CONTINUE_KEYS in src/web/session.ts), shown next to each slider (test/site.test.ts checks it).
 */
export type Model = "nlse" | "kg" | "school";

/** One slider (or select) of a model page. */
export interface Slider { key: string; label: string; unit: string; min?: number; max?: number; step?: number; choices?: string[] }

/** A model's page content. */
export interface ModelText { title: string; short: string; equation: string; explain: string; presets: Record<string, string>; legacy: Record<string, string>; sliders: Slider[] }

export const MODELS: Model[] = ["nlse", "kg", "school"];

export const CATALOG: Record<Model, ModelText> = {
  nlse: {
    title: "Nonlinear Schrödinger equation",
    short: "Solitons, breathers and rogue waves of deep water and optical fibres.",
    equation: "i ψ<sub>t</sub> + β ψ<sub>xx</sub> + γ |ψ|² ψ = 0, periodic in x",
    explain: "ψ is the complex envelope of a wave train. Dispersion (β) spreads a pulse, the nonlinearity (γ > 0, focusing) squeezes it; where they balance, a soliton travels without changing shape. samudra solves it pseudo-spectrally in f64 and shows the mass M = ∫|ψ|²dx and the energy H, which the exact equation conserves, and the error against the exact solution where one exists.",
    presets: {
      single_soliton: "one bright soliton moving at v = 1 (exact solution)",
      two_soliton: "two solitons colliding at t ≈ 5 (and again through the boundary)",
      breather: "the seed's “breather”: really a bound soliton pair",
      modulation_instability: "the seed's “modulation instability”: really Gaussian self-compression",
      akhmediev: "Akhmediev breather on a plane wave (exact solution)",
      peregrine: "Peregrine rogue wave: a 3× peak from nowhere (exact solution)",
      kuznetsov_ma: "Kuznetsov–Ma breather, periodic in time (exact solution)",
      plane_wave_mi: "noise-seeded modulation instability of a plane wave",
      second_order_soliton: "second-order soliton: splits and recombines every π/2",
    },
    legacy: {
      single_soliton: "The seed filters the field twice inside every right-hand side and its momentum has the wrong sign; corrected: no hidden filter, spectral sign-correct invariants and the error against the exact soliton.",
      two_soliton: "The seed's DOP853 run with its doubled in-RHS filter; corrected: the same solitons without it — the collision shifts match the analytic ones to 1e-4.",
      breather: "The seed calls this a breather, but √2 a sech(ax)(1 + m cos 2fx) is a bound soliton pair; both faces show the same physics, the corrected one without the hidden filter.",
      modulation_instability: "The seed's Gaussian with numpy seed-42 noise self-compresses rather than showing noise-seeded instability; corrected: the same start without the hidden filter (see plane_wave_mi for real MI).",
    },
    sliders: [
      { key: "gamma", label: "nonlinearity γ", unit: "1", min: -2, max: 3, step: 0.05 },
      { key: "beta", label: "dispersion β", unit: "1", min: 0.05, max: 2, step: 0.05 },
      { key: "method", label: "method", unit: "", choices: ["dop853", "rk45", "strang", "yoshida4", "yoshida6", "kahanli6", "etdrk4"] },
      { key: "numPoints", label: "grid points N", unit: "points", min: 64, max: 2048, step: 64 },
      { key: "domainLength", label: "domain length L", unit: "length", min: 10, max: 200, step: 1 },
      { key: "tFinal", label: "duration", unit: "time", min: 1, max: 100, step: 1 },
      { key: "nSnapshots", label: "frames", unit: "frames", min: 10, max: 500, step: 10 },
    ],
  },
  kg: {
    title: "Nonlinear Klein–Gordon equation",
    short: "Kinks, breathers and their collisions in φ⁴ and sine-Gordon fields.",
    equation: "φ<sub>tt</sub> − φ<sub>xx</sub> + V′(φ) = 0,  V = ½m²φ² | (λ/4)(φ² − v²)² | 1 − cos φ",
    explain: "φ is a real field, a chain of pendulums or a domain wall. With a double-well (φ⁴) or periodic (sine-Gordon) potential, the field supports kinks: localized steps between two vacua that move like particles, collide, bounce or annihilate into breathers. samudra shows the field and its velocity, the energy H (conserved), the kink positions and the error against the exact solution where one exists.",
    presets: {
      case1: "the seed's linear Gaussian pulse",
      case2: "the seed's φ⁴ kink (its seam makes a radiating pair)",
      case3: "the seed's sine-Gordon breather",
      case4: "the seed's φ⁴ kink–antikink collision",
      boosted_kink: "a φ⁴ kink moving at u (exact)",
      sg_breather: "the exact sine-Gordon breather ω = 0.5",
      kink_antikink: "φ⁴ kink and antikink at u = 0.3: bounce once and escape",
      kink_pair_static: "a static, well-separated kink–antikink pair",
      sg_kink: "a sine-Gordon kink (exact)",
      sg_kink_antikink: "the exact sine-Gordon kink–antikink pair: they pass through each other",
      gaussian_packet: "a linear Gaussian wave packet dispersing",
    },
    legacy: {
      case1: "The seed's two-level leapfrog with its adaptive Δt (5 % rule) on a grid whose end points are both kept; corrected: a symplectic splitting on a true periodic grid with exact linear flow.",
      case2: "The seed's grid repeats x_min at x_max, and that seam turns its single kink into a radiating kink–antikink pair; corrected: a single kink sitting still with Neumann ends.",
      case3: "The seed's breather has an extra 1/ω_x amplitude factor and its leapfrog loses 7–19 % of the energy; corrected: the exact breather, energy kept to 1e-9.",
      case4: "The seed's kink width ignores λ and v (√2 always) and its adaptive step loses energy; corrected: boosted kinks of the right width, energy drift 1e-9.",
    },
    sliders: [
      { key: "velocity", label: "velocity u", unit: "c", min: 0, max: 0.95, step: 0.005 },
      { key: "mass", label: "mass m (linear)", unit: "1", min: 0, max: 3, step: 0.05 },
      { key: "lambda", label: "λ (φ⁴)", unit: "1", min: 0.1, max: 4, step: 0.1 },
      { key: "method", label: "method", unit: "", choices: ["verlet", "strang_exact", "yoshida4", "yoshida6", "kahanli6"] },
      { key: "nx", label: "grid points nx", unit: "points", min: 128, max: 4096, step: 128 },
      { key: "tFinal", label: "duration", unit: "time", min: 5, max: 300, step: 5 },
      { key: "nFrames", label: "frames", unit: "frames", min: 20, max: 800, step: 10 },
    ],
  },
  school: {
    title: "Fish school (Couzin zone model)",
    short: "Swarms, mills and polarized schools from three simple rules, in 3-D.",
    equation: "d̂<sub>i</sub> = −Σ r̂<sub>ij</sub> (repulsion, |r<sub>ij</sub>| &lt; r<sub>r</sub>), else ½(Σ v̂<sub>j</sub> / |Σ v̂<sub>j</sub>| + Σ r̂<sub>ij</sub> / |Σ r̂<sub>ij</sub>|) over the orientation and attraction zones",
    explain: "Each fish avoids neighbours that are too close, aligns with those at mid range and moves toward those further away, turning at a limited rate and with some noise. Depending on the zone widths the school swarms, mills around an empty core or swims in parallel. P (polarization) measures alignment, M (rotation) milling; OSI is the seed's composite disorder index. The pointer is a predator: fish within its radius flee.",
    presets: {
      case1: "the seed's swarm parameters under Couzin 2002's rules",
      case2: "the seed's torus start under Couzin 2002's rules",
      case3: "the seed's dynamic-parallel parameters, Couzin 2002's rules",
      case4: "the seed's highly-parallel parameters, Couzin 2002's rules",
      couzin_torus: "Couzin 2002 mill: a lasting torus",
      couzin_swarm: "Couzin 2002 swarm",
      couzin_parallel: "Couzin 2002 parallel group",
    },
    legacy: {
      case1: "The seed's NumPy rules (noise added after the turn, NLERP turns, sums in index order, periodic box with r_a beyond L/2); corrected: Couzin et al. 2002's rules in open space.",
      case2: "The seed's torus start under its own rules; corrected: the same radii under Couzin 2002's rules (exact turns, noise before the turn).",
      case3: "The seed's dynamic-parallel parameters and rules; corrected: Couzin 2002's rules, where these radii give a polarized school.",
      case4: "The seed's highly-parallel parameters and rules; corrected: Couzin 2002's rules with the same radii.",
    },
    sliders: [
      { key: "noise", label: "noise σ", unit: "rad", min: 0, max: 0.6, step: 0.01 },
      { key: "rOrientation", label: "orientation radius r_o", unit: "length", min: 1.05, max: 14, step: 0.05 },
      { key: "rAttraction", label: "attraction radius r_a", unit: "length", min: 2, max: 20, step: 0.5 },
      { key: "speed", label: "speed v₀", unit: "length/time", min: 0.2, max: 6, step: 0.1 },
      { key: "nFish", label: "fish N", unit: "fish", min: 10, max: 10000, step: 10 },
      { key: "seed", label: "seed", unit: "", min: 0, max: 9999, step: 1 },
    ],
  },
};
