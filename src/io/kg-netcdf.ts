/**
 * The NetCDF file of one Klein–Gordon run, as the CLI writes `<stem>.nc` (docs/files.md): NetCDF-3 (CDF-2),
 * CF-1.8; dimensions t (unlimited) and x; variables x, t, phi (the seed's names), phi_t, energy
 * (H = ∫[φ_t²/2 + φ_x²/2 + V(φ)] dx), momentum (P = −∫φ_t φ_x dx), max_abs, centroid, tail_fraction, n_kinks (int)
 * and, with an exact solution, error; the potential's and the initial condition's parameters and the step
 * (dt, or the legacy adaptive dt_initial/dt_final, patched by finish()) as attributes.
 */
import type { NcVarSpec, Sink } from "./netcdf-writer.js";
import { ncDouble, ncInt, type NcAttr } from "./netcdf-format.js";
import { ncCount, ncHistory } from "./netcdf-cf.js";
import { RunNetCDF } from "./run-netcdf.js";
import { version } from "../version.js";
import type { KgResolved } from "../models/klein-gordon/options.js";
import type { KgSnapshot } from "../models/klein-gordon/model.js";

/** The initial-condition parameters each icType reads (model.ts), and the potential's. */
const IC_PARAMS: Record<KgResolved["icType"], Array<keyof KgResolved>> = {
  gaussian: ["amplitude", "position", "width", "velocity"], packet: ["amplitude", "position", "width", "k0"],
  kink: ["position", "velocity"], breather: ["frequency", "position"], kink_antikink: ["separation", "velocity"],
  kink_pair: ["separation"], sg_kink: ["position", "velocity", "sign"], sg_kink_antikink: ["position", "velocity", "separation"],
};
const POTENTIAL_PARAMS: Record<KgResolved["potential"], Array<keyof KgResolved>> = { linear: ["mass"], phi4: ["lambda", "vacuum"], sine_gordon: [] };
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function attributes(r: KgResolved): Record<string, NcAttr> {
  const mode = r.legacy ? "legacy (seed parity)" : "corrected";
  const attrs: Record<string, NcAttr> = {
    title: `samudra Klein-Gordon: ${r.scenarioName}`, Conventions: "CF-1.8",
    source: `samudra ${version}`, software: `samudra ${version}`, history: ncHistory(`samudra kg ${r.caseName} (${mode})`), created: new Date().toISOString(),
    scenario: r.scenarioName, case: r.caseName,
    equation: "phi_tt - phi_xx + V'(phi) = 0", potential: r.potential, ic_type: r.icType,
    samudra_mode: mode, legacy: ncInt(r.legacy ? 1 : 0), method: r.method, boundary: r.legacy ? "periodic (period nx*dx, end points included)" : r.boundary,
    nx: ncInt(r.nx), x_min: ncDouble(r.xMin), x_max: ncDouble(r.xMax), t_final: ncDouble(r.tFinal), n_frames: ncInt(r.nFrames),
  };
  // the step: patched in by finish() with what the run used (corrected runs round dt down to fit the frames)
  if (r.legacy) {
    attrs.adaptive_dt = ncInt(r.adaptiveDt ? 1 : 0);
    if (r.adaptiveDt) Object.assign(attrs, { dt_initial: ncDouble(r.dt), dt_final: ncDouble(r.dt) });
    else attrs.dt = ncDouble(r.dt);
  } else {
    attrs.dt = ncDouble(r.dt);
    if (Number.isFinite(r.cfl)) attrs.cfl = ncDouble(r.cfl);
    if (r.dealias !== "none") attrs.dealias = r.dealias;
    if (r.spongeWidth > 0 && r.spongeStrength > 0) Object.assign(attrs, { sponge_width: ncDouble(r.spongeWidth), sponge_strength: ncDouble(r.spongeStrength) });
  }
  const params = [...POTENTIAL_PARAMS[r.potential], ...IC_PARAMS[r.icType]];
  if (r.icType === "breather" && !r.legacy) params.push("velocity", "phase");
  if (r.icType === "packet" && r.potential === "linear" && !params.includes("mass")) params.push("mass");
  for (const k of params) attrs[snake(k)] = k === "sign" ? ncCount(r[k] as number) : ncDouble(r[k] as number);
  return attrs;
}

function variables(r: KgResolved, x: Float64Array, exact: boolean): NcVarSpec[] {
  const series = (name: string, long_name: string): NcVarSpec => ({ name, dims: ["t"], type: "double", attrs: { long_name, units: "1" } });
  return [
    { name: "x", dims: ["x"], type: "double", attrs: { long_name: "position x (dimensionless)", units: "1", axis: "X" }, data: x },
    { name: "t", dims: ["t"], type: "double", attrs: { long_name: "time t (dimensionless)", units: "1", axis: "T" } },
    { name: "phi", dims: ["t", "x"], type: "double", attrs: { long_name: "scalar field phi", units: "1" } },
    { name: "phi_t", dims: ["t", "x"], type: "double", attrs: { long_name: `time derivative of the field phi_t${r.legacy ? " (legacy: central difference)" : ""}`, units: "1" } },
    series("energy", "energy H = int [phi_t^2/2 + phi_x^2/2 + V(phi)] dx"), series("momentum", "momentum P = -int phi_t phi_x dx"),
    series("max_abs", "max_x |phi|"), series("centroid", "energy-density centroid (a position x)"),
    series("tail_fraction", "spectral energy fraction at |k| > 2/3 k_max"),
    { name: "n_kinks", dims: ["t"], type: "int", attrs: { long_name: "number of kink/antikink crossings", units: "1" } },
    ...(exact ? [series("error", "max_x |phi - phi_exact| against the case's exact solution")] : []),
  ];
}

/**
 * The NetCDF file of a Klein–Gordon run (the CLI's `<stem>.nc`), a record per snapshot, into a sink — in memory
 * when none is given. `options`: the run's resolved options (`run.options`); `x`: its grid (`run.x`); `exact`:
 * the run has an exact solution (`run.hasExact`), so each record carries its error.
 *
 * @example
 * const run = kleinGordon.create({ case: "sg_kink" });
 * const nc = new io.KgNetCDF(run.options, run.x, run.hasExact);
 * for (let s = run.step(); s; s = run.step()) nc.add(s);
 * const bytes = nc.finish(run.summary());
 * run.dispose();
 */
export class KgNetCDF extends RunNetCDF {
  constructor(private readonly options: KgResolved, x: Float64Array, private readonly exact = false, sink?: Sink) {
    if (!options || typeof options !== "object" || typeof options.nx !== "number") throw new TypeError("io.KgNetCDF: options must be a Klein–Gordon run's resolved options (run.options of kleinGordon.create), got " + (options === null ? "null" : typeof options));
    if (!(x instanceof Float64Array) || x.length !== options.nx) throw new RangeError(`io.KgNetCDF: x must be the run's grid, a Float64Array of nx = ${options.nx} values (run.x), got ${x instanceof Float64Array ? `length ${x.length}` : typeof x}`);
    if (typeof exact !== "boolean") throw new TypeError(`io.KgNetCDF: exact must be true or false (run.hasExact), got ${typeof exact}`);
    super("io.KgNetCDF", { dims: [{ name: "t", size: null }, { name: "x", size: options.nx }], attrs: attributes(options), vars: variables(options, x, exact) }, sink);
  }

  /** Appends one snapshot (its views are read during this call only). */
  add(s: KgSnapshot): void {
    this.open("add(snapshot)");
    this.nc.appendRecord({ t: [s.t], phi: s.phi, phi_t: s.phiT, energy: [s.energy], momentum: [s.momentum], max_abs: [s.maxAbs], centroid: [s.centroid], tail_fraction: [s.tailFraction], n_kinks: [s.kinks.length], ...(this.exact ? { error: [s.error] } : {}) });
  }

  /**
   * Patches the step the run used (legacy adaptive: dt_initial and dt_final; else dt when `dtFinal` > 0) from the
   * summary (a null summary patches nothing) and closes the file; its bytes when in memory.
   */
  finish(summary?: { dtInitial: number; dtFinal: number } | null): Uint8Array {
    if (!this.finished && summary) {
      if (this.options.legacy && this.options.adaptiveDt) { this.nc.setGlobalAttr("dt_initial", [summary.dtInitial]); this.nc.setGlobalAttr("dt_final", [summary.dtFinal]); }
      else if (summary.dtFinal > 0) this.nc.setGlobalAttr("dt", [summary.dtFinal]);
    }
    return this.close();
  }
}
