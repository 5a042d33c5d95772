/** `kleinGordon` namespace: the (1+1)-D nonlinear Klein–Gordon model. */
import { simulateKg, type KgSnapshot, type KgSummary } from "./model.js";
import type { KgOptions } from "./options.js";
export { KG_CASES, type KgCase, type KgMethod, type KgOptions } from "./options.js";
export type { KgSnapshot, KgSummary } from "./model.js";

/**
 * Runs a case, calling onSnapshot({ index, t, phi, phiT, energy, momentum, kinks, … }) per stored frame (views valid
 * during the call; memory stays constant), and returns the summary.
 *
 * @example
 * const s = kleinGordon.simulate({ case: "case3", legacy: true });   // the seed's breather run: 5984 steps
 * s.steps; s.adaptations; s.invariants.drift.energy;
 */
export function simulate(options: KgOptions = {}, onSnapshot?: (s: KgSnapshot) => void): KgSummary {
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
