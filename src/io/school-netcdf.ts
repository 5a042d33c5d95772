/**
 * The NetCDF file of one fish-school run, as the CLI writes `netcdf/<stem>.nc` (docs/files.md): NetCDF-3 (CDF-2),
 * CF-1.8; dimensions time (unlimited), fish, spatial; variables time, fish, spatial, polarization P = |Σv̂|/N,
 * rotation M = |Σ r̂×v̂|/N, positions and velocities (time, fish, spatial) and, with metrics (computeEntropy),
 * order_index = max(P, M), the seven entropies, OSI and spread; every model parameter, the seed (int) and
 * samudra_mode as attributes; run statistics (final/mean P, M, order index, OSI) patched by finish().
 */
import type { NcVarSpec, Sink } from "./netcdf-writer.js";
import { ncDouble, ncInt, type NcAttr } from "./netcdf-format.js";
import { ncCount, ncHistory } from "./netcdf-cf.js";
import { RunNetCDF } from "./run-netcdf.js";
import { version } from "../version.js";
import type { SchoolResolved } from "../models/school/options.js";
import type { SchoolFrame } from "../models/school/index.js";
import { METRIC_KEYS } from "../models/school/run.js";
import type { SchoolMetrics } from "../models/school/run.js";

const SNAKE: Record<string, string> = Object.fromEntries(METRIC_KEYS.map((k) => [k, k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]));
const ENTROPY_DOC: Record<string, string> = {
  schoolCohesionEntropy: "School cohesion entropy (NND distribution)", polarizationEntropy: "Polarization entropy (heading distribution)",
  depthStratificationEntropy: "Depth stratification entropy", angularMomentumEntropy: "Angular momentum entropy (milling)",
  nearestNeighborEntropy: "k-NN distance entropy", velocityCorrelationEntropy: "Velocity correlation entropy (pairwise alignment)",
  schoolShapeEntropy: "School shape entropy (PCA)", oceanicSchoolingIndex: "Composite Oceanic Schooling Index (high = disorder)",
};

function schema(r: SchoolResolved) {
  const stats: Record<string, NcAttr> = { final_polarization: ncDouble(NaN), mean_polarization: ncDouble(NaN), final_rotation: ncDouble(NaN), mean_rotation: ncDouble(NaN) };
  if (r.computeEntropy) Object.assign(stats, { final_order_index: ncDouble(NaN), mean_order_index: ncDouble(NaN), final_oceanic_schooling_index: ncDouble(NaN), mean_oceanic_schooling_index: ncDouble(NaN) });
  const attrs: Record<string, NcAttr> = {
    title: "3D Couzin Model Fish Schooling Simulation", scenario_name: r.scenarioName, institution: "samudra",
    source: `samudra ${version}`, history: ncHistory(`samudra school ${r.case} (${r.mode})`), Conventions: "CF-1.8",
    samudra_mode: r.legacy ? "legacy (dewi-kadita NumPy path)" : "couzin2002", boundary: r.boundary, case: r.case,
    n_fish: ncInt(r.nFish), box_size: ncDouble(r.boxSize), speed: ncDouble(r.speed), r_repulsion: ncDouble(r.rRepulsion),
    r_orientation: ncDouble(r.rOrientation), r_attraction: ncDouble(r.rAttraction), max_turn: ncDouble(r.maxTurn), noise: ncDouble(r.noise),
    blind_angle: ncDouble(r.blindAngle), ...(r.legacy ? { orientation_weight: ncDouble(r.orientationWeight) } : {}), torus_init: ncInt(r.torusInit ? 1 : 0),
    ...(r.torusInit ? { torus_radius: ncDouble(r.torusRadius ?? 0.25 * r.boxSize) } : {}), seed: ncCount(r.seed),
    n_steps: ncInt(r.nSteps), dt: ncDouble(r.dt), save_interval: ncInt(r.saveInterval),
    metric_definitions: r.legacy ? "legacy (dewi-kadita)" : "corrected (PBC-aware centroid, equal-area heading cells, signed angular momentum)",
    ...(r.predator ? { predator_position: ncDouble(...r.predator.position), predator_radius: ncDouble(r.predator.radius) } : {}),
    ...stats, license: "MIT",
  };
  const series = (name: string, a: Record<string, NcAttr>) => ({ name, dims: ["time"], type: "double" as const, attrs: a });
  const vars: NcVarSpec[] = [
    { name: "time", dims: ["time"], type: "double" as const, attrs: { units: "1", long_name: "simulation time (model time units: n_steps steps of dt)", axis: "T" } },
    { name: "fish", dims: ["fish"], type: "int" as const, attrs: { long_name: "fish index", units: "1" }, data: Int32Array.from({ length: r.nFish }, (_, i) => i) },
    { name: "spatial", dims: ["spatial"], type: "int" as const, attrs: { long_name: "spatial dimension", units: "1", comment: "0=x, 1=y, 2=z (depth)" }, data: [0, 1, 2] },
    series("polarization", { units: "1", long_name: "school polarization order parameter", valid_range: ncDouble(0, 1) }),
    series("rotation", { units: "1", long_name: "school rotation order parameter", valid_range: ncDouble(0, 1) }),
    { name: "positions", dims: ["time", "fish", "spatial"], type: "double" as const, attrs: { units: "1", long_name: "fish positions (model length units, those of box_size)" } },
    { name: "velocities", dims: ["time", "fish", "spatial"], type: "double" as const, attrs: { units: "1", long_name: "fish velocities (model length units per time unit)" } },
  ];
  if (r.computeEntropy) {
    vars.push(series("order_index", { units: "1", long_name: "order index max(P, M)", valid_range: ncDouble(0, 1), description: "Simple order index: max(P, M). High = ordered." }));
    for (const k of METRIC_KEYS.slice(4)) vars.push(series(SNAKE[k], { units: "1", long_name: ENTROPY_DOC[k], valid_range: ncDouble(0, 1), description: ENTROPY_DOC[k] }));
    vars.push(series("spread", { units: "1", long_name: "school spread, rms distance from the centroid (model length units)" }));
  }
  return { dims: [{ name: "time", size: null }, { name: "fish", size: r.nFish }, { name: "spatial", size: 3 }], attrs, vars };
}

/**
 * The NetCDF file of a school run (the CLI's `netcdf/<stem>.nc`), a record per saved frame, into a sink — in
 * memory when none is given. `options`: the run's resolved options (`run.options`). A frame is what
 * `school.simulate` passes its callback: `{ t, positions, velocities, metrics }`.
 *
 * @example
 * const opts = { case: "couzin_torus", nSteps: 200 } as const;
 * const probe = school.create(opts), nc = new io.SchoolNetCDF(probe.options);
 * probe.dispose();
 * const sum = school.simulate(opts, (f) => nc.add(f));
 * const bytes = nc.finish(sum);
 */
export class SchoolNetCDF extends RunNetCDF {
  constructor(private readonly options: SchoolResolved, sink?: Sink) {
    if (!options || typeof options !== "object" || typeof options.nFish !== "number") throw new TypeError("io.SchoolNetCDF: options must be a school run's resolved options (run.options of school.create), got " + (options === null ? "null" : typeof options));
    super("io.SchoolNetCDF", schema(options), sink);
  }

  /** Appends one frame: `t`, `positions`, `velocities` (3·nFish each) and `metrics` (read during this call only). */
  add(f: Pick<SchoolFrame, "t" | "positions" | "velocities" | "metrics">): void {
    this.open("add(frame)");
    const n3 = 3 * this.options.nFish;
    if (!f || !f.positions || f.positions.length !== n3 || !f.velocities || f.velocities.length !== n3) throw new RangeError(`io.SchoolNetCDF.add: frame.positions and frame.velocities must hold 3·nFish = ${n3} numbers each`);
    if (!f.metrics) throw new TypeError("io.SchoolNetCDF.add: frame.metrics is missing (run.metrics() of the current state, or the frame school.simulate passes)");
    const rec: Record<string, ArrayLike<number>> = { time: [f.t], polarization: [f.metrics.polarization], rotation: [f.metrics.rotation], positions: f.positions, velocities: f.velocities };
    if (this.options.computeEntropy) {
      rec.order_index = [f.metrics.orderIndex];
      for (const k of METRIC_KEYS.slice(4)) rec[SNAKE[k]] = [f.metrics[k]];
      rec.spread = [f.metrics.spread];
    }
    this.nc.appendRecord(rec);
  }

  /** Patches the run statistics (final and mean P, M and, with metrics, order index and OSI) from a summary (null: none) and closes the file; its bytes when in memory. */
  finish(summary?: { final: SchoolMetrics; mean: SchoolMetrics } | null): Uint8Array {
    if (!this.finished && summary) {
      const set = (k: string, v: number) => this.nc.setGlobalAttr(k, [v]);
      set("final_polarization", summary.final.polarization); set("mean_polarization", summary.mean.polarization);
      set("final_rotation", summary.final.rotation); set("mean_rotation", summary.mean.rotation);
      if (this.options.computeEntropy) {
        set("final_order_index", summary.final.orderIndex); set("mean_order_index", summary.mean.orderIndex);
        set("final_oceanic_schooling_index", summary.final.oceanicSchoolingIndex); set("mean_oceanic_schooling_index", summary.mean.oceanicSchoolingIndex);
      }
    }
    return this.close();
  }
}
