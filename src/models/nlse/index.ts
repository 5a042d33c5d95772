/**
 * `nlse` namespace: the 1-D nonlinear Schrödinger model (seed parity with `legacy: true`, corrected physics by
 * default). See model.ts for the equation and conventions.
 */
export { create, simulate, solve } from "./run.js";
export { NlseRun, type Snapshot, type NlseSummary } from "./model.js";
export { CASES, SEED_CASES, CASE_INFO, type CaseName } from "./cases.js";
export type { NlseOptions, NlseMethod, FilterKind } from "./options.js";
export { collisionShifts, predictedShifts, growthRate } from "./diagnostics.js";
