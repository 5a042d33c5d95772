/**
 * `samudra/ensemble` — families of runs: a sweep spec (grid × replicates, or hysteresis chains) whose members are
 * pure functions of (spec, member index), run serially, on all cores (worker threads) or on many machines (BullMQ
 * jobs on Redis), reduced into one result with an array per kept quantity shaped (grid axes…, replicate[, step]
 * [, time]) and written as one NetCDF file. The three executors give bit-identical results. See docs/ensembles.md.
 *
 * @example
 * import { init } from "samudra";
 * import { run, toNetCDF } from "samudra/ensemble";
 * await init();
 * const res = await run({ model: "nlse", base: { case: "plane_wave_mi", tFinal: 20 }, grid: { mode: [2, 5, 8, 11] } });
 * res.summary.growthRate;              // Float64Array(4): σ(K) of each seeded mode
 * const bytes = toNetCDF(res);         // grid axes as coordinate variables, the spec as attributes
 */
export { run, checkSpec, isNormal, type RunOptions, type EnsembleProgress } from "./run.js";
export { normalizeSpec, parseSpec, axisValues, didYouMean, SpecError, type SweepSpec, type NormalSpec, type AxisInput, type SeriesKeep, type Axis } from "./spec.js";
export { memberSeed, mix32, memberCount, memberShape, memberCoords, memberOptions, chainOrder, ZONE_WIDTHS } from "./grid.js";
export { runMember, pointsPerMember, type MemberResult } from "./member.js";
export { reduce, type EnsembleResult } from "./result.js";
export { toNetCDF, toCSV } from "./files.js";
export { SUMMARY_NAMES, SERIES_NAMES, QUANTITY_INFO, STATE_NAMES, ESCAPE_SEPARATION, type ModelName } from "./quantities.js";
export { startWorker, type WorkerHandle, type WorkerOptions } from "./worker.js";
export { jobId, specHash } from "./wire.js";
