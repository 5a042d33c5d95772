/** `kleinGordon` namespace: the (1+1)-D nonlinear Klein–Gordon model. */
import { simulateKg, KgRun, type KgSnapshot, type KgSummary } from "./model.js";
import type { KgOptions } from "./options.js";
import { describe } from "../../validate.js";
export { KG_CASES, type KgCase, type KgMethod, type KgOptions } from "./options.js";
export type { KgSnapshot, KgSummary, KgRun } from "./model.js";

/**
 * A run to advance frame by frame: run.step() → the next frame (views valid until the next call) or null;
 * run.state() copies the latest frame; run.summary(); run.dispose() frees its WASM memory.
 *
 * @example
 * const run = kleinGordon.create({ case: "sg_kink" });
 * for (let f = run.step(); f; f = run.step()) console.log(f.t, f.kinks[0]);
 * run.dispose();
 */
export function create(options: KgOptions = {}): KgRun {
  return new KgRun(options, "kleinGordon.create");
}

/**
 * Runs a case, calling onSnapshot({ index, t, phi, phiT, energy, momentum, kinks, … }) per stored frame (views valid
 * during the call; memory stays constant), and returns the summary.
 *
 * @example
 * const s = kleinGordon.simulate({ case: "case3", legacy: true });   // the seed's breather run: 5984 steps
 * s.steps; s.adaptations; s.invariants.drift.energy;
 */
export function simulate(options: KgOptions = {}, onSnapshot?: (s: KgSnapshot) => void): KgSummary {
  if (onSnapshot !== undefined && typeof onSnapshot !== "function") throw new TypeError(`kleinGordon.simulate: onSnapshot must be a function (snapshot) => void, got ${describe(onSnapshot)}`);
  return simulateKg(options, onSnapshot);
}

/**
 * As simulate, keeping every frame: phi[i], phiT[i] at t[i].
 *
 * @example
 * const r = kleinGordon.solve({ case: "sg_breather" });
 */
export function solve(options: KgOptions = {}): KgSummary & { phi: Float64Array[]; phiT: Float64Array[] } {
  const phi: Float64Array[] = [], phiT: Float64Array[] = [];
  const s = simulateKg(options, (f) => { phi.push(f.phi.slice()); phiT.push(f.phiT.slice()); }, "kleinGordon.solve");
  return { ...s, phi, phiT };
}
