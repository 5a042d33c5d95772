/**
 * The NetCDF file of one NLSE run, as the CLI writes `<stem>.nc` (docs/files.md): NetCDF-3 (CDF-2), CF-1.8;
 * dimensions t (unlimited) and x; variables x, t, psi_real, psi_imag, psi_abs (the seed's names), mass, momentum,
 * hamiltonian (H = β∫|ψ_x|² dx − (γ/2)∫|ψ|⁴ dx), error (max_x |ψ − ψ_exact|, _FillValue NaN without an exact
 * solution) and tail_fraction; the run's parameters that apply to it as attributes (rtol/atol for adaptive
 * methods, dt for fixed-step ones — patched by finish() with the step used —, filter settings only with a filter).
 */
import type { NcVarSpec, Sink } from "./netcdf-writer.js";
import { ncDouble, ncInt, type NcAttr } from "./netcdf-format.js";
import { ncCount, ncHistory, ncNumber } from "./netcdf-cf.js";
import { RunNetCDF } from "./run-netcdf.js";
import { version } from "../version.js";
import type { Snapshot } from "../models/nlse/model.js";
import type { Resolved } from "../models/nlse/options.js";

/** Case parameters (Resolved.p) written as attributes: integer ones as int, figure settings not at all. */
const PARAM_INT = new Set(["seed", "mode", "order"]);
const PARAM_SKIP = new Set(["domainLength", "numPoints", "tFinal", "nSnapshots", "tStart", "beta", "gamma", "rtol", "atol", "maxStep", "dt", "filterAlpha", "filterOrder", "fps", "dpi"]);
/** Parameter names that would collide with a reader's own state (scipy's netcdf_file.mode) get a clearer name. */
const PARAM_RENAME: Record<string, string> = { mode: "mode_number" };
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, "");
const ADAPTIVE = new Set(["dop853", "rk45"]);

function attributes(r: Resolved): Record<string, NcAttr> {
  const mode = r.legacy ? "legacy (seed parity)" : "corrected";
  const attrs: Record<string, NcAttr> = {
    title: `samudra NLSE: ${r.scenarioName}`, Conventions: "CF-1.8",
    source: `samudra ${version}`, software: `samudra ${version}`, history: ncHistory(`samudra nlse ${r.caseName} (${mode})`), created: new Date().toISOString(),
    scenario: r.scenarioName, case: r.caseName,
    equation: `i psi_t + ${r.beta} psi_xx + ${r.gamma} |psi|^2 psi = 0 (periodic, pseudo-spectral)`,
    samudra_mode: mode, legacy: ncInt(r.legacy ? 1 : 0), method: r.method, filter: r.filter,
    domain_length: ncDouble(r.L), num_points: ncInt(r.N), t_start: ncDouble(r.tStart), t_final: ncDouble(r.tFinal),
    n_snapshots: ncInt(r.nSnapshots), beta: ncDouble(r.beta), gamma: ncDouble(r.gamma),
  };
  if (ADAPTIVE.has(r.method)) {
    Object.assign(attrs, { rtol: ncDouble(r.rtol), atol: ncDouble(r.atol) });
    if (Number.isFinite(r.maxStep)) attrs.max_step = ncDouble(r.maxStep);
  } else attrs.dt = ncDouble(r.dt);   // the step actually used is patched in by finish()
  if (r.filter === "exponential") Object.assign(attrs, { filter_alpha: ncDouble(r.filterAlpha), filter_order: ncNumber(r.filterOrder) });
  for (const [k, v] of Object.entries(r.p)) {
    if (PARAM_SKIP.has(k)) continue;
    const name = PARAM_RENAME[k] ?? snake(k);
    if (!(name in attrs)) attrs[name] = PARAM_INT.has(k) ? ncCount(v) : ncDouble(v);
  }
  return attrs;
}

function variables(x: Float64Array): NcVarSpec[] {
  const series = (name: string, long_name: string, extra: Record<string, NcAttr> = {}): NcVarSpec => ({ name, dims: ["t"], type: "double", attrs: { long_name, units: "1", ...extra } });
  const field = (name: string, long_name: string, symbol: string): NcVarSpec => ({ name, dims: ["t", "x"], type: "double", attrs: { long_name, units: "1", symbol } });
  return [
    { name: "x", dims: ["x"], type: "double", attrs: { long_name: "position x (dimensionless)", units: "1", axis: "X" }, data: x },
    { name: "t", dims: ["t"], type: "double", attrs: { long_name: "time t (dimensionless)", units: "1", axis: "T" } },
    field("psi_real", "real part of psi", "Re(psi)"), field("psi_imag", "imaginary part of psi", "Im(psi)"), field("psi_abs", "modulus of psi", "|psi|"),
    series("mass", "mass M = int |psi|^2 dx"), series("momentum", "momentum P = int Im(psi* psi_x) dx"),
    series("hamiltonian", "Hamiltonian H = beta int |psi_x|^2 dx - (gamma/2) int |psi|^4 dx"),
    series("error", "max_x |psi - psi_exact| (missing where the case has no exact solution)", { _FillValue: ncDouble(NaN) }),
    series("tail_fraction", "spectral power fraction at |k| > 2/3 k_max (above 1e-6: under-resolved)"),
  ];
}

/**
 * The NetCDF file of an NLSE run (the CLI's `<stem>.nc`), written a record per snapshot into a sink — in memory
 * when none is given. `options` is a run's resolved options (`run.options`), `x` its grid (`run.x`).
 *
 * @example
 * const run = nlse.create({ case: "single_soliton" });
 * const nc = new io.NlseNetCDF(run.options, run.x);
 * for (let s = run.step(); s; s = run.step()) nc.add(s);
 * const bytes = nc.finish({ dt: run.dt });   // a Uint8Array: io.readNetCDF(bytes).variables.psi_abs …
 * run.dispose();
 */
export class NlseNetCDF extends RunNetCDF {
  private readonly rec: { re: Float64Array; im: Float64Array; ab: Float64Array };

  constructor(private readonly options: Resolved, x: Float64Array, sink?: Sink) {
    if (!options || typeof options !== "object" || typeof options.N !== "number") throw new TypeError("io.NlseNetCDF: options must be an NLSE run's resolved options (run.options of nlse.create), got " + (options === null ? "null" : typeof options));
    if (!(x instanceof Float64Array) || x.length !== options.N) throw new RangeError(`io.NlseNetCDF: x must be the run's grid, a Float64Array of numPoints = ${options.N} values (run.x), got ${x instanceof Float64Array ? `length ${x.length}` : typeof x}`);
    super("io.NlseNetCDF", { dims: [{ name: "t", size: null }, { name: "x", size: options.N }], attrs: attributes(options), vars: variables(x) }, sink);
    const N = options.N;
    this.rec = { re: new Float64Array(N), im: new Float64Array(N), ab: new Float64Array(N) };
  }

  /** Appends one snapshot (its `psi` view is read during this call only). */
  add(s: Snapshot): void {
    this.open("add(snapshot)");
    const N = this.options.N, psi = s.psi, { re, im, ab } = this.rec;
    if (!psi || psi.length !== 2 * N) throw new RangeError(`io.NlseNetCDF.add: snapshot.psi must hold 2·numPoints = ${2 * N} numbers (re, im interleaved), got ${psi ? psi.length : psi}`);
    for (let j = 0; j < N; j++) { re[j] = psi[2 * j]; im[j] = psi[2 * j + 1]; ab[j] = Math.sqrt(re[j] * re[j] + im[j] * im[j]); }
    this.nc.appendRecord({ t: [s.t], psi_real: re, psi_imag: im, psi_abs: ab, mass: [s.mass], momentum: [s.momentum], hamiltonian: [s.hamiltonian], error: [s.error], tail_fraction: [s.tailFraction] });
  }

  /**
   * Patches the step a fixed-step run used (`summary.dt`, or the run's `dt`; nothing for adaptive methods or a
   * null summary) and closes the file; returns its bytes when in memory (else an empty array).
   */
  finish(summary?: { dt: number | null } | null): Uint8Array {
    if (!this.finished && summary && !ADAPTIVE.has(this.options.method) && typeof summary.dt === "number") this.nc.setGlobalAttr("dt", [summary.dt]);
    return this.close();
  }
}
