/** Small sweeps of each model (seconds each) and a bitwise comparison of two ensemble results, shared by the ensemble tests. */
import { expect } from "vitest";
import type { EnsembleResult, SweepSpec } from "../../src/ensemble/index.js";

/** One small sweep per model, and a school hysteresis chain. */
export const SMALL: Record<string, SweepSpec> = {
  kg: { model: "kg", base: { case: "kink_antikink", method: "yoshida4", nx: 256, xMin: -40, xMax: 40, dt: 0.04, tFinal: 60, nFrames: 120 }, grid: { velocity: { from: 0.2, to: 0.3, num: 4 } }, keep: ["summary", { name: "phiCenter", every: 4 }] },
  nlse: { model: "nlse", base: { case: "plane_wave_mi", numPoints: 128, tFinal: 8, nSnapshots: 41 }, grid: { mode: [3, 6, 9] } },
  school: { model: "school", base: { case: "couzin_swarm", nFish: 24, nSteps: 40 }, seed: 5, grid: { rOrientation: [1.5, 6] }, replicates: 2, keep: ["summary", { name: "polarization", every: 5 }] },
  chain: { model: "school", base: { case: "couzin_swarm", nFish: 20, nSteps: 30 }, grid: { noise: [0.05, 0.1], rOrientation: [1.2, 3, 6] }, chain: { over: "rOrientation", path: "up-down" } },
};

/** Every array of two results compared as bytes (NaN payloads included). */
export function sameBits(a: EnsembleResult, b: EnsembleResult): void {
  const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  expect(Object.keys(a.summary)).toEqual(Object.keys(b.summary));
  for (const k of Object.keys(a.summary)) expect(bytes(a.summary[k]).equals(bytes(b.summary[k])), k).toBe(true);
  for (const k of Object.keys(a.series)) expect(bytes(a.series[k]).equals(bytes(b.series[k])), k).toBe(true);
  expect(bytes(a.time).equals(bytes(b.time))).toBe(true);
  expect(Array.from(a.status)).toEqual(Array.from(b.status));
  expect(a.messages).toEqual(b.messages);
}

