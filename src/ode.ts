/**
 * `ode` namespace: adaptive explicit Runge–Kutta integrators (DOP853, RK45/DOPRI5) compiled to WASM,
 * with scipy.integrate.solve_ivp's step control, dense output and events.
 */
export { solve, type SolveOptions, type OdeResult } from "./ode/solve.js";
export { create, OdeIntegrator, Status, type StatusCode, type CreateOptions } from "./ode/integrator.js";
export type { RhsFunction, Method, StepOptions } from "./ode/options.js";
export type { EventFunction } from "./ode/events.js";
export type { OdeSolution } from "./ode/solution.js";
export * as systems from "./ode/systems-api.js";
export type { OdeSystem } from "./ode/systems.js";
