/**
 * What a member keeps, per model: summary scalars (one number per member, or per chain point) and series (one
 * number per stored frame, decimated). Definitions (docs/ensembles.md):
 *
 * kg — φ⁴/sine-Gordon kink–antikink outcome, measured at the centre x_c (the grid point nearest the energy
 *   centroid of frame 0): `bounces` = number of frames where φ(x_c) goes from > 0 to ≤ 0 (each collision of the
 *   walls sends the centre to the other side of the vacuum); `escaped` = 1 when φ(x_c) stays > 0 through the last
 *   10 % of the frames and the last frame has ≥ 2 zero crossings, the outermost two farther apart than
 *   ESCAPE_SEPARATION and than at 90 % of the run (moving apart), else 0; `outcome` = bounces when escaped, 0 for capture (a bion); `escapeTime` = time of the last bounce when
 *   escaped (else NaN); `finalSeparation`; `energyDrift` (relative); `steps`.
 * nlse — `growthRate`: slope of log|ĉ_mode| against t in the linear regime (nlse.growthRate, needs option `mode`,
 *   i.e. case plane_wave_mi; else NaN with a note); `massDrift`, `hamiltonianDrift`; `maxAmplitude` = max |ψ| over frames; `steps`.
 * school — `polarization`, `rotation`: second-half means of P and M (school.simulate's `mean`); `state`: the
 *   class of those means as a code 0 Highly Parallel, 1 Dynamic Parallel, 2 Torus/Milling, 3 Transitional,
 *   4 Swarm; `finalPolarization`, `finalRotation`. A chain point keeps polarization, rotation and state.
 */

/** Model names of a spec ("kg" is kleinGordon). */
export type ModelName = "kg" | "nlse" | "school";

/** Summary scalar names per model, in file order. */
export const SUMMARY_NAMES: Record<ModelName, string[]> = {
  kg: ["outcome", "bounces", "escaped", "escapeTime", "finalSeparation", "energyDrift", "steps"],
  nlse: ["growthRate", "massDrift", "hamiltonianDrift", "maxAmplitude", "steps"],
  school: ["polarization", "rotation", "state", "finalPolarization", "finalRotation"],
};

/** Series names per model. */
export const SERIES_NAMES: Record<ModelName, string[]> = {
  kg: ["phiCenter", "energy"],
  nlse: ["maxAbs", "mass"],
  school: ["polarization", "rotation"],
};

/** Units and long names of the quantities (NetCDF attributes, CSV header notes). */
export const QUANTITY_INFO: Record<string, { long: string; units: string }> = {
  outcome: { long: "bounces before the walls escape; 0 = captured (bion)", units: "1" },
  bounces: { long: "downward zero crossings of phi at the centre", units: "1" },
  escaped: { long: "1 if kink and antikink separate at the end, else 0", units: "1" },
  escapeTime: { long: "time of the last bounce of an escaping pair", units: "1" },
  finalSeparation: { long: "distance between the outermost zero crossings at the end", units: "1" },
  energyDrift: { long: "max relative energy drift", units: "1" },
  steps: { long: "time steps taken", units: "1" },
  growthRate: { long: "modulation-instability growth rate of the seeded mode", units: "1" },
  massDrift: { long: "max relative mass drift", units: "1" },
  hamiltonianDrift: { long: "max relative Hamiltonian drift", units: "1" },
  maxAmplitude: { long: "max |psi| over the stored frames", units: "1" },
  polarization: { long: "polarization P (second-half mean)", units: "1" },
  rotation: { long: "rotation M (second-half mean)", units: "1" },
  state: { long: "collective state of the means: 0 highly parallel, 1 dynamic parallel, 2 torus/milling, 3 transitional, 4 swarm", units: "1" },
  finalPolarization: { long: "polarization P of the last frame", units: "1" },
  finalRotation: { long: "rotation M of the last frame", units: "1" },
  phiCenter: { long: "phi at the centre x_c", units: "1" },
  energy: { long: "energy H", units: "1" },
  maxAbs: { long: "max |psi|", units: "1" },
  mass: { long: "mass M = integral of |psi|^2", units: "1" },
};

/** School state classes in code order (state = index). */
export const STATE_NAMES = ["Highly Parallel", "Dynamic Parallel", "Torus/Milling", "Transitional", "Swarm"];

/** Separation (x units, ≈ 3 φ⁴ kink widths √2) above which a separating kink–antikink pair counts as escaped. */
export const ESCAPE_SEPARATION = 4;
